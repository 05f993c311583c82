<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AddEventCommand</name>
    <message>
        <source>Add event</source>
        <translation>이벤트 추가</translation>
    </message>
</context>
<context>
    <name>BatchPrediction</name>
    <message>
        <source>event %1 · arrives %2 · %3</source>
        <translation>이벤트 %1 · 도착 %2 · %3</translation>
    </message>
    <message>
        <source>none yet (1970-01-01 00:00:00)</source>
        <translation>아직 없음 (1970-01-01 00:00:00)</translation>
    </message>
    <message>
        <source>✗ Missed: the sink did receive %1</source>
        <translation>✗ 놓침: 싱크는 %1 행을 받았습니다</translation>
    </message>
    <message>
        <source>✗ Not sent: the sink did not receive %1</source>
        <translation>✗ 보내지지 않음: 싱크는 %1 행을 받지 않았습니다</translation>
    </message>
    <message>
        <source>✗ Dropped, not predicted:</source>
        <translation>✗ 버려졌는데 예측하지 않음:</translation>
    </message>
    <message>
        <source>✗ Predicted dropped, but kept:</source>
        <translation>✗ 버려진다고 예측했지만 유지됨:</translation>
    </message>
    <message>
        <source>✗ Watermark after batch %1: %2.</source>
        <translation>✗ 배치 %1 이후의 워터마크: %2.</translation>
    </message>
    <message>
        <source>Spark computes it when the batch ends: the max event time seen (%1) minus the delay (%2), and it never moves back (it was %3). Processing time plays no part.</source>
        <translation>Spark는 배치가 끝날 때 워터마크를 계산합니다: 지금까지 본 최대 이벤트 타임(%1)에서 지연(%2)을 뺀 값이며, 뒤로 가지 않습니다(이전 값 %3). 프로세싱 타임은 관여하지 않습니다.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>설정 안 됨</translation>
    </message>
</context>
<context>
    <name>CellText</name>
    <message>
        <source>not a whole number: %1</source>
        <translation>정수가 아닙니다: %1</translation>
    </message>
    <message>
        <source>not a number: %1</source>
        <translation>숫자가 아닙니다: %1</translation>
    </message>
    <message>
        <source>write true or false</source>
        <translation>true 또는 false를 입력하세요</translation>
    </message>
    <message>
        <source>this column cannot be edited here</source>
        <translation>이 열은 여기서 편집할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>EditCellCommand</name>
    <message>
        <source>Edit event</source>
        <translation>이벤트 편집</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>Removed by the join condition on the left side&apos;s own columns; it can never match, so it is not stored (an outer join emits it with nulls at once).</source>
        <translation>왼쪽의 자기 열에 대한 조인 조건 때문에 제외되었습니다. 절대 매칭될 수 없으므로 저장하지 않습니다(외부 조인이면 즉시 null과 함께 출력합니다).</translation>
    </message>
    <message>
        <source>Removed by the join condition on the right side&apos;s own columns; it can never match, so it is not stored (an outer join emits it with nulls at once).</source>
        <translation>오른쪽의 자기 열에 대한 조인 조건 때문에 제외되었습니다. 절대 매칭될 수 없으므로 저장하지 않습니다(외부 조인이면 즉시 null과 함께 출력합니다).</translation>
    </message>
    <message>
        <source>Removed by a stateless step.</source>
        <translation>상태가 없는 단계에서 제외되었습니다.</translation>
    </message>
    <message>
        <source>Removed by where `%1` (the condition was not true).</source>
        <translation>where `%1`에서 제외되었습니다(조건이 참이 아니었습니다).</translation>
    </message>
    <message>
        <source>Removed by explode(): the array was empty or null, so no row came out.</source>
        <translation>explode()에서 제외되었습니다: 배열이 비었거나 null이라 나온 행이 없습니다.</translation>
    </message>
    <message>
        <source>Never read: the query stopped (Trigger.Once / AvailableNow read only what had arrived when it started).</source>
        <translation>읽히지 않았습니다: 쿼리가 멈췄습니다(Trigger.Once / AvailableNow는 시작할 때까지 도착한 것만 읽습니다).</translation>
    </message>
    <message>
        <source>Read by batch %1 (trigger at %2).
</source>
        <translation>배치 %1이(가) 읽었습니다(트리거 시각 %2).
</translation>
    </message>
    <message>
        <source>Event time %1.
</source>
        <translation>이벤트 타임 %1.
</translation>
    </message>
    <message>
        <source>Event time %1, %2 behind the max event time seen before it (%3).
</source>
        <translation>이벤트 타임 %1. 그 전까지 본 최대 이벤트 타임(%3)보다 %2 늦습니다.
</translation>
    </message>
    <message>
        <source>Event time %1, not behind the max event time seen before it (%2).
</source>
        <translation>이벤트 타임 %1. 그 전까지 본 최대 이벤트 타임(%2)보다 늦지 않습니다.
</translation>
    </message>
    <message>
        <source>Spark %1 judges late rows with the previous batch&apos;s watermark (%2) and evicts state with this batch&apos;s (%3).
</source>
        <translation>Spark %1은(는) 지연 여부를 이전 배치의 워터마크(%2)로 판단하고, 상태는 이 배치의 워터마크(%3)로 제거합니다.
</translation>
    </message>
    <message>
        <source>Dropped as a duplicate: its key was already in the dedup state.</source>
        <translation>중복이라 버려졌습니다: 키가 이미 중복 제거 상태에 있었습니다.</translation>
    </message>
    <message>
        <source>Its time column is null, and window() keeps only rows whose time is not null (TimeWindowing&apos;s IsNotNull filter).</source>
        <translation>시간 열이 null입니다. window()는 시간이 null이 아닌 행만 남깁니다(TimeWindowing의 IsNotNull 필터).</translation>
    </message>
    <message>
        <source>Dropped before the join: event time %1 &lt;= watermark %2.</source>
        <translation>조인 전에 버려졌습니다: 이벤트 타임 %1 &lt;= 워터마크 %2.</translation>
    </message>
    <message>
        <source>Batch %1: matched event #%2.
</source>
        <translation>배치 %1: 이벤트 #%2와(과) 매칭되었습니다.
</translation>
    </message>
    <message>
        <source>Batch %1: stored in the join state to wait for partners.
</source>
        <translation>배치 %1: 짝을 기다리려고 조인 상태에 저장되었습니다.
</translation>
    </message>
    <message>
        <source>Batch %1: not stored: its side&apos;s state watermark already evicts it (Spark before 3.5.4 never stores such a row).
</source>
        <translation>배치 %1: 저장되지 않았습니다: 이쪽의 상태 워터마크가 이미 이 행을 제거합니다(3.5.4 이전 Spark는 이런 행을 저장하지 않습니다).
</translation>
    </message>
    <message>
        <source>Batch %1: evicted by the state watermark %2; it had matched, so silently.
</source>
        <translation>배치 %1: 상태 워터마크 %2에 의해 제거되었습니다. 이미 매칭되었으므로 출력은 없습니다.
</translation>
    </message>
    <message>
        <source>Batch %1: evicted by the state watermark unmatched: the outer join emits it with nulls now.
</source>
        <translation>배치 %1: 매칭되지 않은 채 상태 워터마크에 의해 제거되었습니다: 외부 조인이 지금 null과 함께 출력합니다.
</translation>
    </message>
    <message>
        <source>Batch %1: evicted by the state watermark unmatched, without output.
</source>
        <translation>배치 %1: 매칭되지 않은 채 상태 워터마크에 의해 제거되었고, 출력은 없습니다.
</translation>
    </message>
    <message>
        <source>Window %1: dropped, window end %2 &lt;= watermark %3.
</source>
        <translation>윈도우 %1: 버려짐, 윈도우 끝 %2 &lt;= 워터마크 %3.
</translation>
    </message>
    <message>
        <source>Window %1: counted, window end %2 &gt; watermark %3.
</source>
        <translation>윈도우 %1: 집계됨, 윈도우 끝 %2 &gt; 워터마크 %3.
</translation>
    </message>
    <message>
        <source>Window %1: counted (complete mode never drops late rows).
</source>
        <translation>윈도우 %1: 집계됨 (complete 모드는 지연 데이터를 버리지 않습니다).
</translation>
    </message>
    <message>
        <source>Window %1: counted.
</source>
        <translation>윈도우 %1: 집계됨.
</translation>
    </message>
    <message>
        <source>No grouping column carries the watermark, so nothing is late and nothing is evicted.
</source>
        <translation>워터마크가 걸린 그룹화 열이 없으므로, 지연 데이터도 없고 제거되는 상태도 없습니다.
</translation>
    </message>
    <message>
        <source>Its own session is %1; dropped, session end %2 &lt;= watermark %3.</source>
        <translation>이 행의 세션은 %1입니다. 버려짐, 세션 끝 %2 &lt;= 워터마크 %3.</translation>
    </message>
    <message>
        <source>Its own session is %1; merged into its key&apos;s sessions (sessions that touch merge).</source>
        <translation>이 행의 세션은 %1입니다. 같은 키의 세션에 합쳐졌습니다(맞닿은 세션은 합쳐집니다).</translation>
    </message>
    <message>
        <source>Dropped: event time %1 &lt;= watermark %2 (a row is late when its time is at or behind the watermark).</source>
        <translation>버려짐: 이벤트 타임 %1 &lt;= 워터마크 %2 (시간이 워터마크와 같거나 그보다 이르면 지연 데이터입니다).</translation>
    </message>
    <message>
        <source>Counted in its group.</source>
        <translation>자기 그룹에 집계되었습니다.</translation>
    </message>
    <message>
        <source>Passed to the sink.</source>
        <translation>싱크로 전달되었습니다.</translation>
    </message>
    <message>
        <source>Batch %1 (%2): written to state.
</source>
        <translation>배치 %1 (%2): 상태 저장소에 기록됨.
</translation>
    </message>
    <message>
        <source>Batch %1 (%2): written to state, value %3 — emitted (update mode).
</source>
        <translation>배치 %1 (%2): 상태 저장소에 기록됨, 값 %3 — 출력됨 (update 모드).
</translation>
    </message>
    <message>
        <source>Batch %1 (%2): written to state, value %3.
</source>
        <translation>배치 %1 (%2): 상태 저장소에 기록됨, 값 %3.
</translation>
    </message>
    <message>
        <source>Batch %1 (%2): merged into a longer session and removed.
</source>
        <translation>배치 %1 (%2): 더 긴 세션에 합쳐져 제거됨.
</translation>
    </message>
    <message>
        <source>Batch %1 (%2): evicted, its end is at or behind the watermark %3 — emitted now with its final value.
</source>
        <translation>배치 %1 (%2): 제거됨, 끝이 워터마크 %3와 같거나 그보다 이릅니다 — 최종 값으로 지금 출력됩니다.
</translation>
    </message>
    <message>
        <source>Batch %1 (%2): evicted, its end is at or behind the watermark %3.
</source>
        <translation>배치 %1 (%2): 제거됨, 끝이 워터마크 %3와 같거나 그보다 이릅니다.
</translation>
    </message>
    <message>
        <source>Never in state.</source>
        <translation>상태 저장소에 들어간 적이 없습니다.</translation>
    </message>
    <message>
        <source>Removed by the join condition `%1` on this side&apos;s columns alone, which Spark&apos;s optimizer runs before the join and before withWatermark (PushPredicateThroughJoin): the row is never stored and does not move the watermark.</source>
        <translation>이 쪽의 열만 읽는 조인 조건 `%1`에서 제거되었습니다. Spark의 옵티마이저는 이 조건을 조인보다, 그리고 withWatermark보다 먼저 실행합니다(PushPredicateThroughJoin). 그래서 이 행은 상태에 저장되지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Removed by the join condition `%1` on this side&apos;s columns alone, which Spark&apos;s optimizer runs before the join (PushPredicateThroughJoin); it reads the event time, so it stays after withWatermark and the row still moved the watermark.</source>
        <translation>이 쪽의 열만 읽는 조인 조건 `%1`에서 제거되었습니다. Spark의 옵티마이저는 이 조건을 조인보다 먼저 실행합니다(PushPredicateThroughJoin). 다만 이벤트 시간을 읽으므로 withWatermark 뒤에 남고, 이 행은 워터마크를 움직였습니다.</translation>
    </message>
    <message>
        <source>Removed before the session aggregation: its gap `%1` is %2, not positive, so its session would end where it starts; session_window keeps only rows whose session ends after it starts (SessionWindowing&apos;s filter, SPARK-36465).</source>
        <translation>세션 집계 전에 제거되었습니다: 이 행의 간격 `%1`은(는) %2(으)로 양수가 아니어서, 세션이 시작한 곳에서 끝납니다. session_window는 세션 끝이 시작보다 뒤인 행만 남깁니다(SessionWindowing의 필터, SPARK-36465).</translation>
    </message>
    <message>
        <source>Removed before the session aggregation: its gap `%1` is null or not an interval, so its session has no end; session_window keeps only rows whose session ends after it starts (SessionWindowing&apos;s filter, SPARK-36465).</source>
        <translation>세션 집계 전에 제거되었습니다: 이 행의 간격 `%1`이(가) null이거나 interval이 아니어서 세션에 끝이 없습니다. session_window는 세션 끝이 시작보다 뒤인 행만 남깁니다(SessionWindowing의 필터, SPARK-36465).</translation>
    </message>
    <message>
        <source>Left out: its gap `%1` has months or years, whose length depends on the calendar; Tidemark does not simulate such gaps. Write the gap in days.</source>
        <translation>제외됨: 간격 `%1`에 달이나 연이 들어 있어 길이가 달력에 따라 달라집니다. Tidemark는 이런 간격을 시뮬레이션하지 않습니다. 간격을 일 단위로 쓰세요.</translation>
    </message>
    <message>
        <source>Left out: its gap `%1` is longer than Tidemark simulates (100000 years).</source>
        <translation>제외됨: 간격 `%1`이(가) Tidemark가 시뮬레이션하는 길이(100000년)보다 깁니다.</translation>
    </message>
    <message>
        <source>Window %1: emitted by batch %2 to stateful operator %3 (query.then[0]), which dropped it as late: its time is at or behind that operator&apos;s watermark %4.
</source>
        <translation>윈도우 %1: 배치 %2에서 상태 연산자 %3(query.then[0])(으)로 내보내졌고, 그 연산자가 늦은 행으로 버렸습니다: 시간이 그 연산자의 워터마크 %4 이하입니다.
</translation>
    </message>
    <message>
        <source>Window %1: emitted by batch %2 to stateful operator %3 (query.then[0]), which took it in (watermark for late rows %4).
</source>
        <translation>윈도우 %1: 배치 %2에서 상태 연산자 %3(query.then[0])(으)로 내보내졌고, 그 연산자가 받아들였습니다(늦은 행 판정 워터마크 %4).
</translation>
    </message>
    <message>
        <source>Batch %1 crashed before its commit log entry was written; the restarted query ran it again at %2 with the same offsets, so this row was processed twice (the console sink printed the batch twice).
</source>
        <translation>배치 %1은(는) 커밋 로그 항목이 기록되기 전에 중단되었습니다. 재시작한 쿼리가 %2에 같은 오프셋으로 다시 실행했으므로 이 행은 두 번 처리되었습니다(콘솔 싱크가 이 배치를 두 번 출력했습니다).
</translation>
    </message>
    <message>
        <source>Passed the first stateful operator, then removed by the where of query.then[%3], before stateful operator %1.</source>
        <translation>첫 상태 연산자를 통과한 뒤, 상태 연산자 %1 앞의 query.then[%3]의 where에서 제거되었습니다.</translation>
    </message>
    <message>
        <source>Passed the first stateful operator, then dropped as a duplicate by stateful operator %1 (%2, query.then[%3]): its key was already in that operator&apos;s state.</source>
        <translation>첫 상태 연산자를 통과한 뒤, 상태 연산자 %1(%2, query.then[%3])에서 중복으로 버려졌습니다: 키가 이미 그 연산자의 상태에 있었습니다.</translation>
    </message>
    <message>
        <source>Passed the first stateful operator, then dropped as late by stateful operator %1 (%2, query.then[%3]): each operator filters late rows with its own input watermark, here %4.</source>
        <translation>첫 상태 연산자를 통과한 뒤, 상태 연산자 %1(%2, query.then[%3])에서 늦은 행으로 버려졌습니다: 각 연산자는 자신의 입력 워터마크(여기서는 %4)로 늦은 행을 거릅니다.</translation>
    </message>
    <message>
        <source>Passed the first stateful operator, then dropped by stateful operator %1 (%2, query.then[%3]): its time column is null.</source>
        <translation>첫 상태 연산자를 통과한 뒤, 상태 연산자 %1(%2, query.then[%3])에서 버려졌습니다: 시간 열이 null입니다.</translation>
    </message>
    <message>
        <source>Counted in its group; the group&apos;s result goes on to the next stateful operator (query.then) in the batch that evicts it.</source>
        <translation>그룹에 집계되었습니다. 그룹의 결과는 그 그룹을 제거하는 배치에서 다음 상태 연산자(query.then)로 넘어갑니다.</translation>
    </message>
    <message>
        <source>Passed every stateful operator of the chain.</source>
        <translation>체인의 모든 상태 연산자를 통과했습니다.</translation>
    </message>
    <message>
        <source>Removed by `%1`, a filter Spark&apos;s optimizer adds because the join condition can never be true for a null there (InferFiltersFromConstraints). It runs before withWatermark: the row is never stored and does not move the watermark.</source>
        <translation>`%1`에서 제거되었습니다. 그 자리에 null이 있으면 조인 조건이 결코 참이 될 수 없으므로 Spark 옵티마이저가 이 필터를 추가합니다(InferFiltersFromConstraints). withWatermark보다 먼저 실행되므로, 이 행은 저장되지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Removed by `%1`, a filter Spark&apos;s optimizer adds because the join condition can never be true for a null there (InferFiltersFromConstraints). It runs before the join: the row is never stored.</source>
        <translation>`%1`에서 제거되었습니다. 그 자리에 null이 있으면 조인 조건이 결코 참이 될 수 없으므로 Spark 옵티마이저가 이 필터를 추가합니다(InferFiltersFromConstraints). 조인보다 먼저 실행되므로 이 행은 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>Batch %1: the joined row went on to stateful operator %2 (%3, %4), which drops it as late when its time is at or behind that operator&apos;s watermark for late rows, %5.
</source>
        <translation>배치 %1: 조인된 행은 상태 연산자 %2(%3, %4)로 넘어갔습니다. 그 연산자는 행의 시간이 늦은 행 판정용 워터마크 %5 이하이면 늦은 행으로 버립니다.
</translation>
    </message>
    <message>
        <source>In append mode the result table lists that batch&apos;s rows twice, as the console sink printed them. An idempotent sink writes them once: the file sink skips a batch id its _spark_metadata log already holds.
</source>
        <translation>append 모드의 결과 테이블은 콘솔 싱크가 출력한 그대로 그 배치의 행을 두 번 보여 줍니다. 멱등 싱크는 한 번만 씁니다: 파일 싱크는 _spark_metadata 로그에 이미 있는 배치 id를 건너뜁니다.
</translation>
    </message>
    <message>
        <source>Dropped before the join of %1 (stateful operator %2): event time %3 &lt;= that join&apos;s watermark for late rows, %4.</source>
        <translation>%1의 조인(상태 연산자 %2) 전에 버려졌습니다: 이벤트 타임 %3 &lt;= 그 조인의 늦은 행 워터마크 %4.</translation>
    </message>
    <message>
        <source>The right side of the join of %1 (stateful operator %2), whose left side is the output of the join before it.
</source>
        <translation>%1의 조인(상태 연산자 %2)의 오른쪽 입력입니다. 이 조인의 왼쪽 입력은 앞선 조인의 출력입니다.
</translation>
    </message>
    <message>
        <source>Batch %1: matched a row of the join before it.
</source>
        <translation>배치 %1: 앞선 조인이 만든 행과 매칭되었습니다.
</translation>
    </message>
    <message>
        <source>Removed by `%1`, the part of the query&apos;s where after the join on this side&apos;s columns alone, which Spark&apos;s optimizer runs before the join and before withWatermark (PushPredicateThroughJoin): the row is never stored and does not move the watermark.</source>
        <translation>조인 뒤 where 중 이 쪽의 열만 읽는 부분 `%1`에서 제거되었습니다. Spark의 옵티마이저는 이 조건을 조인보다, 그리고 withWatermark보다 먼저 실행합니다(PushPredicateThroughJoin). 그래서 이 행은 상태에 저장되지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Removed by `%1`, the part of the query&apos;s where after the join on this side&apos;s columns alone, which Spark&apos;s optimizer runs before the join (PushPredicateThroughJoin); it reads the event time, so it stays after withWatermark and the row still moved the watermark.</source>
        <translation>조인 뒤 where 중 이 쪽의 열만 읽는 부분 `%1`에서 제거되었습니다. Spark의 옵티마이저는 이 조건을 조인보다 먼저 실행합니다(PushPredicateThroughJoin). 다만 이벤트 시간을 읽으므로 withWatermark 뒤에 남고, 이 행은 워터마크를 움직였습니다.</translation>
    </message>
    <message>
        <source>Removed by `%1`, a filter Spark&apos;s optimizer adds because the condition of the second join can never be true for a null there (InferFiltersFromConstraints) and runs before the first join. It runs before withWatermark: the row is never stored and does not move the watermark.</source>
        <translation>`%1`에서 제거되었습니다. 그 자리에 null이 있으면 두 번째 조인의 조건이 결코 참이 될 수 없으므로 Spark 옵티마이저가 이 필터를 추가해 첫 번째 조인보다 먼저 실행합니다(InferFiltersFromConstraints). withWatermark보다 먼저 실행되므로, 이 행은 저장되지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Removed by `%1`, a filter Spark&apos;s optimizer adds because the condition of the second join can never be true for a null there (InferFiltersFromConstraints) and runs before the first join: the row is never stored.</source>
        <translation>`%1`에서 제거되었습니다. 그 자리에 null이 있으면 두 번째 조인의 조건이 결코 참이 될 수 없으므로 Spark 옵티마이저가 이 필터를 추가해 첫 번째 조인보다 먼저 실행합니다(InferFiltersFromConstraints). 이 행은 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>Removed by `%1`, a filter Spark&apos;s optimizer infers from `%2` and the join&apos;s key equality `%3` (InferFiltersFromConstraints) and runs before the join and before withWatermark: the row is never stored and does not move the watermark.</source>
        <translation>`%1`에서 제거되었습니다. Spark 옵티마이저가 `%2`와 조인 키의 등식 `%3`에서 이 필터를 추론해(InferFiltersFromConstraints) 조인보다, 그리고 withWatermark보다 먼저 실행합니다. 이 행은 저장되지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Removed by `%1`, a filter Spark&apos;s optimizer infers from `%2` and the join&apos;s key equality `%3` (InferFiltersFromConstraints) and runs before the join; it reads the event time, so it stays after withWatermark and the row still moved the watermark.</source>
        <translation>`%1`에서 제거되었습니다. Spark 옵티마이저가 `%2`와 조인 키의 등식 `%3`에서 이 필터를 추론해(InferFiltersFromConstraints) 조인보다 먼저 실행합니다. 다만 이벤트 시간을 읽으므로 withWatermark 뒤에 남고, 이 행은 워터마크를 움직였습니다.</translation>
    </message>
    <message>
        <source>Removed by `%1`, a filter Spark&apos;s optimizer infers from `%2` and the second join&apos;s key equality `%3` (InferFiltersFromConstraints) and runs before the first join and before withWatermark: the row is never stored and does not move the watermark.</source>
        <translation>`%1`에서 제거되었습니다. Spark 옵티마이저가 `%2`와 두 번째 조인 키의 등식 `%3`에서 이 필터를 추론해(InferFiltersFromConstraints) 첫 번째 조인보다, 그리고 withWatermark보다 먼저 실행합니다. 이 행은 저장되지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Removed by `%1`, a filter Spark&apos;s optimizer infers from `%2` and the second join&apos;s key equality `%3` (InferFiltersFromConstraints) and runs before the first join; it reads the event time, so it stays after withWatermark and the row still moved the watermark.</source>
        <translation>`%1`에서 제거되었습니다. Spark 옵티마이저가 `%2`와 두 번째 조인 키의 등식 `%3`에서 이 필터를 추론해(InferFiltersFromConstraints) 첫 번째 조인보다 먼저 실행합니다. 다만 이벤트 시간을 읽으므로 withWatermark 뒤에 남고, 이 행은 워터마크를 움직였습니다.</translation>
    </message>
</context>
<context>
    <name>Explanations</name>
    <message>
        <source>Event %1 · arrives %2</source>
        <translation>이벤트 %1 · 도착 %2</translation>
    </message>
    <message>
        <source> · source %1</source>
        <translation> · 소스 %1</translation>
    </message>
    <message>
        <source>Not read yet at batch %1. What happens to it later:
</source>
        <translation>배치 %1 시점에는 아직 읽히지 않았습니다. 이후에 일어날 일:
</translation>
    </message>
    <message>
        <source>It arrived after the latest trigger; the next batch reads it.</source>
        <translation>마지막 트리거 이후에 도착했습니다. 다음 배치가 읽습니다.</translation>
    </message>
    <message>
        <source>No batch has read it.</source>
        <translation>어떤 배치도 읽지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 mode — %2.
</source>
        <translation>%1 모드 — %2.
</translation>
    </message>
    <message>
        <source>Window %1 in %2 mode
</source>
        <translation>%2 모드의 윈도우 %1
</translation>
    </message>
    <message>
        <source>Never in state.</source>
        <translation>상태 저장소에 들어간 적이 없습니다.</translation>
    </message>
    <message>
        <source>window end %1 ≤ watermark %2</source>
        <translation>윈도우 끝 %1 ≤ 워터마크 %2</translation>
    </message>
    <message>
        <source>window ends %1 ≤ watermark %2</source>
        <translation>윈도우 끝 %1 ≤ 워터마크 %2</translation>
    </message>
    <message>
        <source>session end %1 ≤ watermark %2</source>
        <translation>세션 끝 %1 ≤ 워터마크 %2</translation>
    </message>
    <message>
        <source>event time %1 ≤ watermark %2</source>
        <translation>이벤트 타임 %1 ≤ 워터마크 %2</translation>
    </message>
    <message>
        <source>batch %1 drops windows ending ≤ %2</source>
        <translation>배치 %1은(는) 끝이 %2 이하인 윈도우를 버립니다</translation>
    </message>
    <message>
        <source>batch %1 drops sessions ending ≤ %2</source>
        <translation>배치 %1은(는) 끝이 %2 이하인 세션을 버립니다</translation>
    </message>
    <message>
        <source>batch %1 drops event times ≤ %2</source>
        <translation>배치 %1은(는) 이벤트 타임이 %2 이하인 행을 버립니다</translation>
    </message>
    <message>
        <source>dropped late: none (no watermark)</source>
        <translation>지연으로 버려진 행: 없음 (워터마크 없음)</translation>
    </message>
    <message>
        <source> + %1 partly</source>
        <translation> + 일부 %1</translation>
    </message>
    <message>
        <source>Events: input events the watermark dropped entirely, up to this batch. Partly: events that lost some of their windows but were counted in others.</source>
        <translation>이벤트: 이 배치까지 워터마크 때문에 통째로 버려진 입력 이벤트 수. 일부: 윈도우 몇 개에서는 버려졌지만 다른 윈도우에서는 집계된 이벤트 수.</translation>
    </message>
    <message>
        <source>
Rows: Spark&apos;s numRowsDroppedByWatermark, one per late (key, window) group in each batch — an event that falls in two late windows counts twice.</source>
        <translation>
행: Spark의 numRowsDroppedByWatermark. 배치마다 늦은 (키, 윈도우) 그룹 하나에 1씩 셉니다 — 늦은 윈도우 두 개에 속하는 이벤트는 두 번 셉니다.</translation>
    </message>
    <message>
        <source>%1 mode: this query keeps no state for its rows; each input row passes straight to the sink.</source>
        <translation>%1 모드: 이 쿼리는 행에 대한 상태를 저장하지 않습니다. 입력 행은 곧바로 싱크로 전달됩니다.</translation>
    </message>
    <message>
        <source>Group %1 in %2 mode
</source>
        <translation>%2 모드의 그룹 %1
</translation>
    </message>
    <message>
        <source>dropped late: %1 event</source>
        <translation>지연으로 버려짐: 이벤트 %1개</translation>
    </message>
    <message>
        <source>dropped late: %1 events</source>
        <translation>지연으로 버려짐: 이벤트 %1개</translation>
    </message>
    <message>
        <source> · %1 window row</source>
        <translation> · 윈도우 행 %1개</translation>
    </message>
    <message>
        <source> · %1 window rows</source>
        <translation> · 윈도우 행 %1개</translation>
    </message>
    <message>
        <source> · %1 session row</source>
        <translation> · 세션 행 %1개</translation>
    </message>
    <message>
        <source> · %1 session rows</source>
        <translation> · 세션 행 %1개</translation>
    </message>
    <message>
        <source> · %1 group row</source>
        <translation> · 그룹 행 %1개</translation>
    </message>
    <message>
        <source> · %1 group rows</source>
        <translation> · 그룹 행 %1개</translation>
    </message>
</context>
<context>
    <name>Fate</name>
    <message>
        <source>on time</source>
        <translation>제시간</translation>
    </message>
    <message>
        <source>late, accepted</source>
        <translation>지연, 반영됨</translation>
    </message>
    <message>
        <source>dropped (late)</source>
        <translation>버려짐 (지연)</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>filtered out</source>
        <translation>필터로 제외됨</translation>
    </message>
    <message>
        <source>null event time</source>
        <translation>이벤트 타임 null</translation>
    </message>
    <message>
        <source>never read</source>
        <translation>읽히지 않음</translation>
    </message>
</context>
<context>
    <name>JoinPlanView</name>
    <message>
        <source>inferred</source>
        <translation>추론됨</translation>
    </message>
</context>
<context>
    <name>MoveEventCommand</name>
    <message>
        <source>Move event</source>
        <translation>이벤트 이동</translation>
    </message>
</context>
<context>
    <name>OutageExplanation</name>
    <message>
        <source>The broker stopped answering at %1 and answered again at %2 (%3 s). Meanwhile no message could arrive, so no batch had new data.</source>
        <translation>브로커가 %1에 응답을 멈추고 %2에 다시 응답했습니다(%3초). 그동안 메시지가 도착할 수 없었으므로 새 데이터가 있는 배치가 없었습니다.</translation>
    </message>
    <message>
        <source>The broker stopped answering at %1 and has not answered since (%2 s so far). No message can arrive, so no batch has new data.</source>
        <translation>브로커가 %1에 응답을 멈춘 뒤 아직 응답하지 않습니다(지금까지 %2초). 메시지가 도착할 수 없으므로 새 데이터가 있는 배치가 없습니다.</translation>
    </message>
    <message>
        <source>The watermark stood still at %1: it only moves when rows arrive.</source>
        <translation>워터마크는 %1에 멈춰 있었습니다. 행이 도착할 때만 움직입니다.</translation>
    </message>
    <message>
        <source>When it is back, what was sent meanwhile arrives at once, in one batch.</source>
        <translation>브로커가 돌아오면 그동안 보낸 메시지가 한 배치에 한꺼번에 도착합니다.</translation>
    </message>
    <message>
        <source>Batch %1, the first after it, read the %2 rows that had waited, at once.</source>
        <translation>그 뒤 첫 배치인 배치 %1이(가) 기다리던 행 %2개를 한꺼번에 읽었습니다.</translation>
    </message>
    <message>
        <source>The watermark then jumped from %1 to %2.</source>
        <translation>그 뒤 워터마크가 %1에서 %2(으)로 뛰었습니다.</translation>
    </message>
    <message>
        <source>The broker was away from %1 to %2 (%3 s): no message could arrive meanwhile. Batch %4, the first after it, read the %5 rows that had waited, at once.</source>
        <translation>브로커가 %1부터 %2까지 없었습니다(%3초). 그동안 메시지가 도착할 수 없었습니다. 그 뒤 첫 배치인 배치 %4이(가) 기다리던 행 %5개를 한꺼번에 읽었습니다.</translation>
    </message>
</context>
<context>
    <name>PySparkExport</name>
    <message>
        <source>the file name must end in .ipynb or .py</source>
        <translation>파일 이름은 .ipynb 또는 .py로 끝나야 합니다</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter 노트북 (*.ipynb)</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 스크립트 (*.py)</translation>
    </message>
    <message>
        <source>Export as a PySpark notebook</source>
        <translation>PySpark 노트북으로 내보내기</translation>
    </message>
    <message>
        <source>Saved %1: run it where PySpark is installed to compare Spark&apos;s batches with these</source>
        <translation>%1 저장됨: PySpark가 설치된 곳에서 실행하면 Spark의 배치를 이 배치와 비교합니다</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot read %1: not a regular file</source>
        <translation>%1을(를) 읽을 수 없습니다: 일반 파일이 아닙니다</translation>
    </message>
</context>
<context>
    <name>RerunRows</name>
    <message>
        <source>again: batch %1 ran twice (it crashed before its commit, the restarted query ran it with the same offsets), so the sink got these rows twice. The console sink prints them again; the file sink writes them once, as it skips a batch id its _spark_metadata log already holds.</source>
        <translation>다시: 배치 %1이(가) 두 번 실행되었습니다(커밋 전에 중단되어, 재시작한 쿼리가 같은 오프셋으로 다시 실행). 그래서 싱크가 이 행들을 두 번 받았습니다. 콘솔 싱크는 다시 출력하고, 파일 싱크는 _spark_metadata 로그에 이미 있는 배치 id를 건너뛰므로 한 번만 씁니다.</translation>
    </message>
</context>
<context>
    <name>RestartMarks</name>
    <message>
        <source>crashed: batch %1 not committed</source>
        <translation>중단됨: 배치 %1 커밋 안 됨</translation>
    </message>
    <message>
        <source>query stopped</source>
        <translation>쿼리 중지됨</translation>
    </message>
    <message>
        <source>batch %1 again</source>
        <translation>배치 %1 다시</translation>
    </message>
</context>
<context>
    <name>ScenarioFileCheck</name>
    <message>
        <source>not a regular file: it is a folder</source>
        <translation>일반 파일이 아닙니다: 폴더입니다</translation>
    </message>
    <message>
        <source>not a regular file (a pipe, socket or device)</source>
        <translation>일반 파일이 아닙니다 (파이프, 소켓 또는 장치)</translation>
    </message>
    <message>
        <source>the file is %1; save it as UTF-8</source>
        <translation>파일이 %1 형식입니다. UTF-8로 저장하세요</translation>
    </message>
</context>
<context>
    <name>SparkErrorHint</name>
    <message>
        <source>An outer join of two streams needs a watermark on both sides and a time-range condition, or its state would grow forever.</source>
        <translation>두 스트림의 외부 조인에는 양쪽 워터마크와 시간 범위 조건이 필요합니다. 그렇지 않으면 상태 저장소가 끝없이 커집니다.</translation>
    </message>
    <message>
        <source>Append mode emits a window only once it is final, and only a watermark can say when that is: add withWatermark on the window&apos;s time column.</source>
        <translation>append 모드는 결과가 확정된 윈도우만 한 번 출력하는데, 언제 확정되는지는 워터마크만 알려 줄 수 있습니다. 윈도우의 시간 열에 withWatermark를 추가하세요.</translation>
    </message>
    <message>
        <source>Complete mode writes the whole result table every batch, so the query needs an aggregation.</source>
        <translation>complete 모드는 배치마다 결과 테이블 전체를 출력하므로, 쿼리에 집계가 있어야 합니다.</translation>
    </message>
    <message>
        <source>Update mode cannot emit session windows, which may still merge; use append mode with a watermark.</source>
        <translation>세션 윈도우는 나중에 합쳐질 수 있어 update 모드로 출력할 수 없습니다. 워터마크와 함께 append 모드를 쓰세요.</translation>
    </message>
    <message>
        <source>A streaming query may aggregate only once; a second groupBy over the first one&apos;s result is rejected.</source>
        <translation>스트리밍 쿼리에서는 집계를 한 번만 할 수 있습니다. 첫 집계 결과에 다시 groupBy를 하면 거부됩니다.</translation>
    </message>
    <message>
        <source>A stream has no end, so windows over rows (row_number, lag) are rejected; group by a time window instead.</source>
        <translation>스트림에는 끝이 없으므로 행 기반 윈도우(row_number, lag)는 거부됩니다. 대신 시간 윈도우로 그룹화하세요.</translation>
    </message>
    <message>
        <source>Exact distinct counts are not supported on a stream; approx_count_distinct is.</source>
        <translation>스트림에서는 정확한 distinct 집계를 지원하지 않습니다. approx_count_distinct는 지원합니다.</translation>
    </message>
    <message>
        <source>Deduplication within the watermark needs a watermark on the stream.</source>
        <translation>워터마크 안에서 중복을 제거하려면 스트림에 워터마크가 있어야 합니다.</translation>
    </message>
    <message>
        <source>A join of two streams emits its rows only in append mode.</source>
        <translation>두 스트림의 조인은 append 모드에서만 결과를 출력합니다.</translation>
    </message>
    <message>
        <source>A join of two streams needs an equality condition on a key of both sides.</source>
        <translation>두 스트림의 조인에는 양쪽 키에 대한 동등(=) 조건이 필요합니다.</translation>
    </message>
    <message>
        <source>A session window needs a grouping key besides the session.</source>
        <translation>세션 윈도우에는 세션 외에 그룹화 키가 하나 더 필요합니다.</translation>
    </message>
    <message>
        <source>A column or a type in the query does not match the input: check the names and types the message quotes.</source>
        <translation>쿼리의 열 이름이나 타입이 입력과 맞지 않습니다. 메시지에 인용된 이름과 타입을 확인하세요.</translation>
    </message>
    <message>
        <source>Spark rejects this query before it runs (an AnalysisException); the message above is Spark&apos;s own.</source>
        <translation>Spark는 이 쿼리를 실행하기 전에 거부합니다(AnalysisException). 위 메시지는 Spark가 출력한 그대로입니다.</translation>
    </message>
</context>
<context>
    <name>Storyboard</name>
    <message>
        <source>Step %1. %2</source>
        <translation>%1단계. %2</translation>
    </message>
    <message numerus="yes">
        <source>… %n more row(s)</source>
        <translation>
            <numerusform>… %n개 행 더 있음</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoryboardPage</name>
    <message>
        <source>Batch %1</source>
        <translation>배치 %1</translation>
    </message>
    <message>
        <source>No watermark: the query has no withWatermark, so no row is late and no state is evicted.</source>
        <translation>워터마크 없음: 쿼리에 withWatermark가 없으므로 늦은 행도 없고 상태도 제거되지 않습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Watermark used&lt;/b&gt; in this batch: %1</source>
        <translation>이 배치에서 &lt;b&gt;사용한 워터마크&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source> (late rows judged by %1, the previous batch&apos;s)</source>
        <translation> (늦은 행은 이전 배치의 %1 기준으로 판정)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source> · &lt;b&gt;computed for the next batch&lt;/b&gt;: %1</source>
        <translation> · &lt;b&gt;다음 배치용으로 계산됨&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source> · max event time seen: %1</source>
        <translation> · 지금까지 본 최대 이벤트 시간: %1</translation>
    </message>
    <message>
        <source>Spark %1 · %2 mode</source>
        <translation>Spark %1 · %2 모드</translation>
    </message>
    <message>
        <source>triggered at %1</source>
        <translation>%1에 트리거됨</translation>
    </message>
    <message>
        <source> · a no-data batch (it reads nothing; Spark runs it because the watermark moved)</source>
        <translation> · 데이터 없는 배치 (아무것도 읽지 않음. 워터마크가 움직였기 때문에 Spark가 실행)</translation>
    </message>
    <message numerus="yes">
        <source> · %n input row(s)</source>
        <translation>
            <numerusform> · 입력 행 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>수업: %1</translation>
    </message>
    <message numerus="yes">
        <source>Events this batch read: %n</source>
        <translation>
            <numerusform>이 배치가 읽은 이벤트: %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>None: a no-data batch reads no events. It runs so that the watermark computed by the batch before can emit and evict state.</source>
        <translation>없음: 데이터 없는 배치는 이벤트를 읽지 않습니다. 이전 배치가 계산한 워터마크로 결과를 내보내고 상태를 제거하기 위해 실행됩니다.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>없음.</translation>
    </message>
    <message>
        <source>%1 — the query&apos;s output mode</source>
        <translation>%1 — 쿼리의 출력 모드</translation>
    </message>
    <message>
        <source>State store</source>
        <translation>상태 저장소</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>%2쪽 중 %1쪽</translation>
    </message>
    <message>
        <source>+ new   ~ changed   − removed   × evicted by the watermark (struck through)</source>
        <translation>+ 새 행   ~ 변경   − 삭제   × 워터마크로 제거됨 (취소선)</translation>
    </message>
</context>
<context>
    <name>WindowBandsItem</name>
    <message>
        <source>%1 → merged</source>
        <translation>%1 → 합쳐짐</translation>
    </message>
</context>
<context>
    <name>tidemark::kafka::KafkaBridge</name>
    <message>
        <source>not connected</source>
        <translation>연결 안 됨</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>%1에 연결 중</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>%1 여는 중</translation>
    </message>
</context>
<context>
    <name>tidemark::kafka::KafkaPanel</name>
    <message>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <source>Topic missing</source>
        <translation>토픽 없음</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>다시 연결 중</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>연결 안 됨</translation>
    </message>
    <message>
        <source>Spark: %1</source>
        <translation>Spark: %1</translation>
    </message>
    <message>
        <source>Kafka source</source>
        <translation>Kafka 소스</translation>
    </message>
    <message>
        <source>kafka.bootstrap.servers. On the host (outside docker): localhost:9092. Inside the docker network (the notebook): kafka:9093.</source>
        <translation>kafka.bootstrap.servers. 호스트(docker 밖)에서는 localhost:9092, docker 네트워크 안(노트북)에서는 kafka:9093입니다.</translation>
    </message>
    <message>
        <source>startingOffsets: where the first batch starts. latest reads only what arrives after the start; earliest reads the whole topic, and what is already there lands in batch 0.</source>
        <translation>startingOffsets: 첫 배치가 시작하는 위치. latest는 시작한 뒤에 도착하는 메시지만 읽고, earliest는 토픽 전체를 읽어 이미 있던 메시지가 배치 0에 들어갑니다.</translation>
    </message>
    <message>
        <source>none: read every partition directly, as Spark does</source>
        <translation>없음: Spark처럼 모든 파티션을 직접 읽습니다</translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation>부트스트랩 서버</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Consumer group</source>
        <translation>컨슈머 그룹</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <source>Consumer lag: messages in the topic (end offsets) not yet received.</source>
        <translation>컨슈머 랙: 토픽에 있지만(끝 오프셋 기준) 아직 받지 않은 메시지 수.</translation>
    </message>
    <message>
        <source>Messages received</source>
        <translation>받은 메시지</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>잘못된 메시지</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>랙</translation>
    </message>
    <message>
        <source>Partition:offset</source>
        <translation>파티션:오프셋</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Malformed messages</source>
        <translation>잘못된 메시지 목록</translation>
    </message>
    <message>
        <source>Select a message to see what Spark does with it.</source>
        <translation>메시지를 선택하면 Spark가 그 메시지를 어떻게 처리하는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Which topic? Enter the topic name (the classroom&apos;s is events).</source>
        <translation>어떤 토픽인가요? 토픽 이름을 입력하세요(수업에서는 events).</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>다시 연결</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>도움말: %1</translation>
    </message>
    <message>
        <source>Stopped by an error</source>
        <translation>오류로 중지됨</translation>
    </message>
    <message>
        <source>broker lost</source>
        <translation>브로커 끊김</translation>
    </message>
    <message>
        <source>broker back</source>
        <translation>브로커 복귀</translation>
    </message>
    <message>
        <source>data loss</source>
        <translation>데이터 손실</translation>
    </message>
    <message>
        <source>offsets missed</source>
        <translation>오프셋 건너뜀</translation>
    </message>
    <message>
        <source>message refused</source>
        <translation>메시지 거부됨</translation>
    </message>
    <message>
        <source>group rejoined</source>
        <translation>그룹 재가입</translation>
    </message>
    <message>
        <source>input closed</source>
        <translation>입력 닫힘</translation>
    </message>
    <message>
        <source>Live input: %1</source>
        <translation>라이브 입력: %1</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>잃음</translation>
    </message>
    <message>
        <source>Doubled</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>Offsets that could no longer be read (deleted or reset) and were skipped: messages the query never saw.</source>
        <translation>더 이상 읽을 수 없어(삭제 또는 초기화) 건너뛴 오프셋: 쿼리가 보지 못한 메시지입니다.</translation>
    </message>
    <message>
        <source>Messages fetched again after a reconnect and skipped, so none is counted twice.</source>
        <translation>재연결 뒤 다시 가져와 건너뛴 메시지: 어떤 메시지도 두 번 세지 않습니다.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>무슨 일</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Spark stopped the query:
%1</source>
        <translation>Spark가 쿼리를 중지했습니다:
%1</translation>
    </message>
    <message>
        <source>Faults: %1 (the newest %2 listed)</source>
        <translation>장애: %1건 (최근 %2건 표시)</translation>
    </message>
    <message>
        <source>Faults: %1</source>
        <translation>장애: %1건</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>tidemark::kafka::LiveBadge</name>
    <message>
        <source>● LIVE %1</source>
        <translation>● 라이브 %1</translation>
    </message>
    <message>
        <source>⟳ RECONNECTING %1</source>
        <translation>⟳ 재연결 중 %1</translation>
    </message>
    <message>
        <source>■ STOPPED %1</source>
        <translation>■ 중지됨 %1</translation>
    </message>
    <message>
        <source>⚠ UNREACHABLE</source>
        <translation>⚠ 연결 불가</translation>
    </message>
    <message>
        <source>? NO TOPIC %1</source>
        <translation>? 토픽 없음 %1</translation>
    </message>
    <message>
        <source>… CONNECTING</source>
        <translation>… 연결 중</translation>
    </message>
    <message>
        <source>Spark stopped the query: %1</source>
        <translation>Spark가 쿼리를 중지했습니다: %1</translation>
    </message>
    <message>
        <source>Reading %1 from %2: %3. Editing is off while live (Kafka panel: Disconnect).</source>
        <translation>%2에서 %1 읽는 중: %3. 라이브 중에는 편집할 수 없습니다(Kafka 패널: 연결 끊기).</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::BatchChart</name>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>input rows</source>
        <translation>입력 행</translation>
    </message>
    <message>
        <source>dropped (late)</source>
        <translation>버려짐 (지연)</translation>
    </message>
    <message>
        <source>state rows</source>
        <translation>상태 행</translation>
    </message>
    <message>
        <source>watermark lag →</source>
        <translation>워터마크 지연 →</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::BatchControls</name>
    <message>
        <source>First batch (Home)</source>
        <translation>첫 배치 (Home)</translation>
    </message>
    <message>
        <source>Previous batch (Left)</source>
        <translation>이전 배치 (←)</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>재생 / 일시정지 (Space)</translation>
    </message>
    <message>
        <source>Next batch (Right)</source>
        <translation>다음 배치 (→)</translation>
    </message>
    <message>
        <source>Last batch (End)</source>
        <translation>마지막 배치 (End)</translation>
    </message>
    <message>
        <source>Playing speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <source>%1 batch/s</source>
        <translation>초당 %1배치</translation>
    </message>
    <message>
        <source>batch %1 of %2 · %3</source>
        <translation>배치 %1 / %2 · %3</translation>
    </message>
    <message>
        <source> · no data</source>
        <translation> · 데이터 없음</translation>
    </message>
    <message>
        <source>no batch</source>
        <translation>배치 없음</translation>
    </message>
    <message>
        <source>First batch</source>
        <translation>첫 배치</translation>
    </message>
    <message>
        <source>Previous batch</source>
        <translation>이전 배치</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Next batch</source>
        <translation>다음 배치</translation>
    </message>
    <message>
        <source>Last batch</source>
        <translation>마지막 배치</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::CheckpointPane</name>
    <message>
        <source>The checkpoint is empty: no batch has been planned yet.</source>
        <translation>체크포인트가 비어 있습니다: 아직 계획된 배치가 없습니다.</translation>
    </message>
    <message>
        <source>Checkpoint after batch %1 (%2 mode)</source>
        <translation>배치 %1 이후의 체크포인트(%2 모드)</translation>
    </message>
    <message>
        <source>Crashed at %1 in batch %2, restarted at %3: batch %2 runs again with the same offsets.</source>
        <translation>%1에 배치 %2 도중 중단, %3에 재시작: 배치 %2이(가) 같은 오프셋으로 다시 실행됩니다.</translation>
    </message>
    <message>
        <source>Stopped at %1, restarted at %2: the next batch is %3.</source>
        <translation>%1에 중지, %2에 재시작: 다음 배치는 %3입니다.</translation>
    </message>
    <message>
        <source>Watermark %1 restored from the offset log.</source>
        <translation>워터마크 %1을(를) 오프셋 로그에서 복원했습니다.</translation>
    </message>
    <message>
        <source>The no-data batch that was due waits for new data.</source>
        <translation>실행될 예정이던 데이터 없는 배치는 새 데이터를 기다립니다.</translation>
    </message>
    <message>
        <source>The query changed.</source>
        <translation>쿼리가 바뀌었습니다.</translation>
    </message>
    <message>
        <source>maxEventsPerTrigger changed.</source>
        <translation>maxEventsPerTrigger가 바뀌었습니다.</translation>
    </message>
    <message>
        <source>restart at %1</source>
        <translation>%1에 재시작</translation>
    </message>
    <message>
        <source>  %1  %2  watermark %3  timestamp %4%5</source>
        <translation>  %1  %2  워터마크 %3  타임스탬프 %4%5</translation>
    </message>
    <message>
        <source>  (written again, same offsets)</source>
        <translation>  (같은 오프셋으로 다시 기록됨)</translation>
    </message>
    <message>
        <source>  %1  next watermark %2</source>
        <translation>  %1  다음 워터마크 %2</translation>
    </message>
    <message>
        <source>  %1  missing: crashed before the commit</source>
        <translation>  %1  없음: 커밋 전에 중단됨</translation>
    </message>
    <message>
        <source>offsets/ (the offset log: written when a batch is planned)</source>
        <translation>offsets/ (오프셋 로그: 배치를 계획할 때 기록)</translation>
    </message>
    <message>
        <source>commits/ (the commit log: written when a batch has finished)</source>
        <translation>commits/ (커밋 로그: 배치가 끝났을 때 기록)</translation>
    </message>
    <message>
        <source>state/</source>
        <translation>state/</translation>
    </message>
    <message>
        <source>version %1 committed</source>
        <translation>버전 %1 커밋됨</translation>
    </message>
    <message>
        <source>no version committed yet</source>
        <translation>아직 커밋된 버전 없음</translation>
    </message>
    <message>
        <source>none: the query has no stateful operator</source>
        <translation>없음: 쿼리에 상태 연산자가 없습니다</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>재시작</translation>
    </message>
    <message>
        <source>Watermark %1 restored from the offset and commit logs.</source>
        <translation>워터마크 %1을(를) 오프셋 로그와 커밋 로그에서 복원했습니다.</translation>
    </message>
    <message>
        <source>The sink gets batch %1 again: the console sink prints it twice, the file sink skips a batch id its _spark_metadata log already holds.</source>
        <translation>싱크가 배치 %1을(를) 다시 받습니다: 콘솔 싱크는 두 번 출력하고, 파일 싱크는 _spark_metadata 로그에 이미 있는 배치 id를 건너뜁니다.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ComputeStatus</name>
    <message>
        <source>Cancel the computation</source>
        <translation>계산 취소</translation>
    </message>
    <message>
        <source>cancelled: the views show the result before the last edit; edit or undo to compute again</source>
        <translation>취소됨: 화면은 마지막 편집 전의 결과입니다. 다시 편집하거나 실행 취소하면 다시 계산합니다</translation>
    </message>
    <message>
        <source>computing… %1% (Esc cancels); the views show the previous result</source>
        <translation>계산 중… %1% (Esc로 취소). 화면은 이전 결과입니다</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::EventTableModel</name>
    <message>
        <source>When the event arrives (processing time)</source>
        <translation>이벤트가 도착하는 시각 (프로세싱 타임)</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>아직 읽히지 않음</translation>
    </message>
    <message>
        <source>source</source>
        <translation>소스</translation>
    </message>
    <message>
        <source>arrives</source>
        <translation>도착</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>fate</source>
        <translation>처리 결과</translation>
    </message>
    <message>
        <source>an event needs an arrival time</source>
        <translation>이벤트에는 도착 시각이 있어야 합니다</translation>
    </message>
    <message>
        <source>? (predict)</source>
        <translation>? (예측)</translation>
    </message>
    <message>
        <source>fate: %1</source>
        <translation>처리 결과: %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::EventTimePlot</name>
    <message>
        <source>max event time seen</source>
        <translation>지금까지 본 최대 이벤트 타임</translation>
    </message>
    <message>
        <source>watermark (moves when a batch ends)</source>
        <translation>워터마크 (배치가 끝날 때 갱신)</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>아직 읽히지 않음</translation>
    </message>
    <message>
        <source>watermark this batch uses (late if ≤)</source>
        <translation>이 배치가 쓰는 워터마크 (이하면 지연)</translation>
    </message>
    <message>
        <source>watermark for the next batch</source>
        <translation>다음 배치의 워터마크</translation>
    </message>
    <message>
        <source>matched pair (joined)</source>
        <translation>매칭된 쌍 (조인됨)</translation>
    </message>
    <message>
        <source>no event time: drawn at arrival</source>
        <translation>이벤트 타임 없음: 도착 시각에 표시</translation>
    </message>
    <message>
        <source>partly dropped (some windows late)</source>
        <translation>일부 버려짐 (일부 윈도우 지연)</translation>
    </message>
    <message>
        <source>emitted with nulls (outer join)</source>
        <translation>null과 함께 출력됨 (외부 조인)</translation>
    </message>
    <message>
        <source>trigger: data batch</source>
        <translation>트리거: 데이터 배치</translation>
    </message>
    <message>
        <source>trigger: no-data batch</source>
        <translation>트리거: 데이터 없는 배치</translation>
    </message>
    <message>
        <source>trigger: skipped tick</source>
        <translation>트리거: 건너뛴 틱</translation>
    </message>
    <message>
        <source>window open (in state)</source>
        <translation>열린 윈도우 (상태 저장소에 있음)</translation>
    </message>
    <message>
        <source>window emitted this batch</source>
        <translation>이 배치에서 출력된 윈도우</translation>
    </message>
    <message>
        <source>window evicted</source>
        <translation>제거된 윈도우</translation>
    </message>
    <message>
        <source>session merged into a longer one</source>
        <translation>더 긴 세션에 합쳐진 세션</translation>
    </message>
    <message>
        <source>processing time (%1)</source>
        <translation>프로세싱 타임 (%1)</translation>
    </message>
    <message>
        <source>event time (%1)</source>
        <translation>이벤트 타임 (%1)</translation>
    </message>
    <message>
        <source>%1 (left input)</source>
        <translation>%1 (왼쪽 입력)</translation>
    </message>
    <message>
        <source>%1 (right input)</source>
        <translation>%1 (오른쪽 입력)</translation>
    </message>
    <message>
        <source>watermark of %1 (delay %2)</source>
        <translation>%1의 워터마크 (지연 %2)</translation>
    </message>
    <message>
        <source>global watermark (max of the inputs&apos;)</source>
        <translation>전역 워터마크 (입력 워터마크의 최댓값)</translation>
    </message>
    <message>
        <source>global watermark (min of the inputs&apos;)</source>
        <translation>전역 워터마크 (입력 워터마크의 최솟값)</translation>
    </message>
    <message>
        <source>now · batch %1 · %2</source>
        <translation>현재 · 배치 %1 · %2</translation>
    </message>
    <message>
        <source>Spark rejects %1 mode for this query — the plot follows %2 mode</source>
        <translation>Spark는 이 쿼리의 %1 모드를 거부합니다 — 그래프는 %2 모드를 따릅니다</translation>
    </message>
    <message>
        <source>Spark rejects this query in every output mode — see the query panel</source>
        <translation>Spark는 이 쿼리를 모든 출력 모드에서 거부합니다 — 쿼리 패널을 보세요</translation>
    </message>
    <message>
        <source>Batch %1&apos;s windows, on %2
events span %3 – %4 · scroll to see all</source>
        <translation>배치 %1의 윈도우, %2
이벤트 범위 %3 – %4 · 전체를 보려면 스크롤하세요</translation>
    </message>
    <message>
        <source>▸ legend (%1 entries): click to show</source>
        <translation>▸ 범례 (%1개): 클릭하면 펼칩니다</translation>
    </message>
    <message>
        <source>▾ hide the legend</source>
        <translation>▾ 범례 숨기기</translation>
    </message>
    <message>
        <source>, evicts by %1</source>
        <translation>, %1 기준으로 제거</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n keys</source>
        <translation>
            <numerusform>%1 · 키 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>open: in state, waiting for the watermark to pass its end</source>
        <translation>열림: 상태 저장소에서 워터마크가 윈도우 끝을 지나기를 기다리는 중</translation>
    </message>
    <message>
        <source>emitted to the sink in this batch</source>
        <translation>이 배치에서 싱크로 출력됨</translation>
    </message>
    <message>
        <source>evicted: the watermark passed its end; rows for it are now late</source>
        <translation>제거됨: 워터마크가 윈도우 끝을 지났습니다. 이제 이 윈도우의 행은 지연 데이터입니다</translation>
    </message>
    <message>
        <source>merged in this batch into a longer session of its key</source>
        <translation>이 배치에서 같은 키의 더 긴 세션에 합쳐짐</translation>
    </message>
    <message>
        <source>%1
%2
Click for its life.</source>
        <translation>%1
%2
클릭하면 윈도우의 일생을 보여 줍니다.</translation>
    </message>
    <message>
        <source>read by this batch: fate hidden (predict it)</source>
        <translation>이 배치가 읽음: 운명은 숨김 (예측해 보세요)</translation>
    </message>
    <message>
        <source>Past one of Tidemark&apos;s limits, not a Spark error — see the query panel</source>
        <translation>Tidemark의 한도를 넘었습니다 (Spark 오류가 아님) — 쿼리 패널을 보세요</translation>
    </message>
    <message>
        <source>broker away: no input arrives</source>
        <translation>브로커 없음: 입력이 도착하지 않음</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>broker away · %1</source>
        <translation>브로커 없음 · %1</translation>
    </message>
    <message>
        <source>broker away · %1 so far</source>
        <translation>브로커 없음 · 지금까지 %1</translation>
    </message>
    <message>
        <source>query down: stopped or crashed, restarted from the checkpoint</source>
        <translation>쿼리 멈춤: 중지 또는 중단 후 체크포인트에서 재시작</translation>
    </message>
    <message>
        <source>batch run again after a crash (same offsets)</source>
        <translation>중단 후 다시 실행된 배치 (같은 오프셋)</translation>
    </message>
    <message>
        <source>watermark after the join, read by stateful operator %1 (%2)</source>
        <translation>조인 뒤의 워터마크, 상태 연산자 %1(%2)이(가) 읽음</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::EventsPanel</name>
    <message>
        <source>Live: events arrive from Kafka. Disconnect to edit them.</source>
        <translation>라이브: 이벤트가 Kafka에서 들어옵니다. 편집하려면 연결을 끊으세요.</translation>
    </message>
    <message>
        <source>Double-click a cell to edit it.</source>
        <translation>셀을 더블클릭하면 편집합니다.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add an event after the last one (or click empty space in the plot)</source>
        <translation>마지막 이벤트 뒤에 이벤트를 추가합니다 (그래프의 빈 곳을 클릭해도 됩니다)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected events (Del)</source>
        <translation>선택한 이벤트 삭제 (Del)</translation>
    </message>
    <message>
        <source>Delete events</source>
        <translation>이벤트 삭제</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::FileController</name>
    <message>
        <source>Cannot open %1</source>
        <translation>%1을(를) 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them first?</source>
        <translation>%1에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>시나리오 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>시나리오 저장</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>시나리오 (*.json)</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>복구할 수 없습니다</translation>
    </message>
    <message>
        <source>Recover unsaved edits?</source>
        <translation>저장하지 않은 편집을 복구할까요?</translation>
    </message>
    <message>
        <source>Tidemark was closed with unsaved edits to %1 (autosaved %2). Recover them?</source>
        <translation>Tidemark가 %1의 편집을 저장하지 않은 채 종료되었습니다(자동 저장 %2). 복구할까요?</translation>
    </message>
    <message>
        <source>a scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Save will write them to %1.</source>
        <translation>저장하면 %1에 씁니다.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>%1 (the copy is kept as %2)</source>
        <translation>%1 (사본은 %2(으)로 보관됨)</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::InspectorBubble</name>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <source>Close the explanation</source>
        <translation>설명 닫기</translation>
    </message>
    <message>
        <source>Why? explanation</source>
        <translation>왜? 설명</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::JoinPlanView</name>
    <message>
        <source>watermark</source>
        <translation>워터마크</translation>
    </message>
    <message>
        <source>Where the join condition runs</source>
        <translation>조인 조건이 실행되는 곳</translation>
    </message>
    <message>
        <source>Spark turns each %1 column into a key equality (Analyzer.commonNaturalJoinProcessing).</source>
        <translation>Spark는 각 %1 열을 키 동등 조건으로 바꿉니다(Analyzer.commonNaturalJoinProcessing).</translation>
    </message>
    <message>
        <source>Spark splits %1 at each AND and runs each part as early as it can (PushPredicateThroughJoin). The rows flow from top to bottom.</source>
        <translation>Spark는 %1을(를) AND마다 나누고 각 부분을 가능한 한 일찍 실행합니다(PushPredicateThroughJoin). 행은 위에서 아래로 흐릅니다.</translation>
    </message>
    <message>
        <source>%1 — the left input, a static table</source>
        <translation>%1 — 왼쪽 입력, 정적 테이블</translation>
    </message>
    <message>
        <source>%1 — the left input, a stream</source>
        <translation>%1 — 왼쪽 입력, 스트림</translation>
    </message>
    <message>
        <source>%1 — the right input, a static table</source>
        <translation>%1 — 오른쪽 입력, 정적 테이블</translation>
    </message>
    <message>
        <source>%1 — the right input, a stream</source>
        <translation>%1 — 오른쪽 입력, 스트림</translation>
    </message>
    <message>
        <source>Moved here from the join, before withWatermark: a row it rejects never reaches the join and never moves the watermark.</source>
        <translation>조인에서 이곳, withWatermark 앞으로 옮겨졌습니다: 이 조건이 거른 행은 조인에 닿지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Moved here from the join, but after withWatermark because it reads the event time: a row it rejects never reaches the join, yet it still moves the watermark.</source>
        <translation>조인에서 이곳으로 옮겨졌지만 이벤트 시간을 읽으므로 withWatermark 뒤에 있습니다: 이 조건이 거른 행은 조인에 닿지 않지만 워터마크는 여전히 움직입니다.</translation>
    </message>
    <message>
        <source>Moved here from the join: a row it rejects never reaches the join.</source>
        <translation>조인에서 이곳으로 옮겨졌습니다: 이 조건이 거른 행은 조인에 닿지 않습니다.</translation>
    </message>
    <message>
        <source>Spark also moved it before %1, so it reads the source&apos;s columns.</source>
        <translation>Spark는 이 조건을 %1 앞으로도 옮겼으므로 소스의 열을 읽습니다.</translation>
    </message>
    <message>
        <source>%1 join of the two streams</source>
        <translation>두 스트림의 %1 조인</translation>
    </message>
    <message>
        <source>%1 join of a stream and a static table</source>
        <translation>스트림과 정적 테이블의 %1 조인</translation>
    </message>
    <message>
        <source>Key: rows meet when their keys are equal.</source>
        <translation>키: 키가 같을 때 행이 만납니다.</translation>
    </message>
    <message>
        <source>Null-safe key: rows meet when their keys are equal, and a null key meets a null key.</source>
        <translation>null 안전 키: 키가 같을 때 행이 만나며, null 키는 null 키와 만납니다.</translation>
    </message>
    <message>
        <source>Checked on each pair of rows with equal keys.</source>
        <translation>키가 같은 행 쌍마다 검사합니다.</translation>
    </message>
    <message>
        <source>Checked on each pair of rows with equal keys; its time range also tells when rows can leave the state (below).</source>
        <translation>키가 같은 행 쌍마다 검사합니다. 이 조건의 시간 범위는 행이 언제 상태를 떠날 수 있는지도 정합니다(아래).</translation>
    </message>
    <message>
        <source>Stays in the join: %1 is the side an outer join keeps, so a row of %1 that fails it is not stored and is output at once with nulls.</source>
        <translation>조인에 남습니다: %1은(는) 외부 조인이 보존하는 쪽이므로, 이 조건을 통과하지 못한 %1의 행은 저장되지 않고 곧바로 null과 함께 출력됩니다.</translation>
    </message>
    <message>
        <source>Stays in the join: %1 is the side an outer join keeps, so a row of %1 that fails it matches nothing and is output with nulls.</source>
        <translation>조인에 남습니다: %1은(는) 외부 조인이 보존하는 쪽이므로, 이 조건을 통과하지 못한 %1의 행은 아무것과도 매칭되지 않고 null과 함께 출력됩니다.</translation>
    </message>
    <message>
        <source>A join with a static table keeps no state: each batch&apos;s rows are joined with the whole table.</source>
        <translation>정적 테이블과의 조인은 상태를 두지 않습니다: 배치마다 행을 테이블 전체와 조인합니다.</translation>
    </message>
    <message>
        <source>%1: a row leaves when the end of its key %2 is at or behind the watermark.</source>
        <translation>%1: 키 %2의 끝이 워터마크 이하가 되면 행이 떠납니다.</translation>
    </message>
    <message>
        <source>%1: a row leaves when its key %2 is at or behind the watermark.</source>
        <translation>%1: 키 %2이(가) 워터마크 이하가 되면 행이 떠납니다.</translation>
    </message>
    <message>
        <source>%1: a row leaves when the end of %2 ≤ %3.</source>
        <translation>%1: %2의 끝 ≤ %3이면 행이 떠납니다.</translation>
    </message>
    <message>
        <source>%1: a row leaves when %2 ≤ %3.</source>
        <translation>%1: %2 ≤ %3이면 행이 떠납니다.</translation>
    </message>
    <message>
        <source>%1: no row ever leaves; nothing bounds this side by the watermark, so its state keeps growing.</source>
        <translation>%1: 어떤 행도 떠나지 않습니다. 워터마크로 이쪽을 제한하는 것이 없어 상태가 계속 커집니다.</translation>
    </message>
    <message>
        <source>When rows leave the join state</source>
        <translation>행이 조인 상태를 떠나는 때</translation>
    </message>
    <message>
        <source>Added by Spark&apos;s optimizer: the join condition is never true for a null here (InferFiltersFromConstraints).</source>
        <translation>Spark 옵티마이저가 추가한 필터: 여기에 null이 있으면 조인 조건은 결코 참이 아닙니다(InferFiltersFromConstraints).</translation>
    </message>
    <message>
        <source>It runs before withWatermark: a row with a null here never reaches the join and never moves the watermark.</source>
        <translation>withWatermark보다 먼저 실행됩니다: 여기에 null이 있는 행은 조인에 닿지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>It reads the event time, so it runs after withWatermark: such a row still moves the watermark.</source>
        <translation>이벤트 시간을 읽으므로 withWatermark 뒤에서 실행됩니다: 그런 행도 워터마크는 움직입니다.</translation>
    </message>
    <message>
        <source>Stateful operator %1: %2 (%3)</source>
        <translation>상태 연산자 %1: %2 (%3)</translation>
    </message>
    <message>
        <source>A join with a static table passes the stream&apos;s watermark on unchanged.</source>
        <translation>정적 테이블과의 조인은 스트림의 워터마크를 그대로 넘깁니다.</translation>
    </message>
    <message>
        <source>They read the join&apos;s output watermark, %1: the least of the watermark and each side&apos;s state bound, so a row the join still holds is never late for them (Spark 3.5+, produceOutputWatermark).</source>
        <translation>이 연산자들은 조인의 출력 워터마크 %1을(를) 읽습니다: 워터마크와 양쪽 상태 한계 중 가장 작은 값이므로, 조인이 아직 보관 중인 행은 이들에게 결코 늦은 행이 아닙니다(Spark 3.5+, produceOutputWatermark).</translation>
    </message>
    <message>
        <source>They read the same watermark as the join (Spark %1 gives every operator the batch&apos;s watermark), so rows the join emits late can be dropped there.</source>
        <translation>이 연산자들은 조인과 같은 워터마크를 읽습니다(Spark %1은 모든 연산자에 배치의 워터마크를 줍니다). 그래서 조인이 늦게 내보낸 행은 거기서 버려질 수 있습니다.</translation>
    </message>
    <message>
        <source>After the join</source>
        <translation>조인 다음</translation>
    </message>
    <message>
        <source>Stateful operator %1: %2 join with %3 (%4)</source>
        <translation>상태 연산자 %1: %3와(과)의 %2 조인 (%4)</translation>
    </message>
    <message>
        <source>the joined rows</source>
        <translation>조인된 행</translation>
    </message>
    <message>
        <source>Moved here from the where after the join, before withWatermark: a row it rejects never reaches the join and never moves the watermark.</source>
        <translation>조인 뒤의 where에서 이곳, withWatermark 앞으로 옮겨졌습니다: 이 조건이 거른 행은 조인에 닿지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Moved here from the where after the join, but after withWatermark because it reads the event time: a row it rejects never reaches the join, yet it still moves the watermark.</source>
        <translation>조인 뒤의 where에서 이곳으로 옮겨졌지만 이벤트 시간을 읽으므로 withWatermark 뒤에 있습니다: 이 조건이 거른 행은 조인에 닿지 않지만 워터마크는 여전히 움직입니다.</translation>
    </message>
    <message>
        <source>Moved here from the where after the join: a row it rejects never reaches the join.</source>
        <translation>조인 뒤의 where에서 이곳으로 옮겨졌습니다: 이 조건이 거른 행은 조인에 닿지 않습니다.</translation>
    </message>
    <message>
        <source>Moved into the join condition from the where after the join.</source>
        <translation>조인 뒤의 where에서 조인 조건으로 옮겨졌습니다.</translation>
    </message>
    <message>
        <source>Written as a %1 join: the where after it rejects every row this join would pad with nulls, so Spark&apos;s optimizer runs it as a %2 join (EliminateOuterJoin), and moves the where&apos;s conditions as for that join.</source>
        <translation>%1 조인으로 작성되었지만, 뒤의 where가 이 조인이 null로 채울 행을 모두 거르므로 Spark의 옵티마이저는 이를 %2 조인으로 실행하고(EliminateOuterJoin), where의 조건도 그 조인에 맞게 옮깁니다.</translation>
    </message>
    <message>
        <source>Moved into this join&apos;s condition from the condition of the join after it (PushPredicateThroughJoin).</source>
        <translation>뒤에 오는 조인의 조건에서 이 조인의 조건으로 옮겨졌습니다(PushPredicateThroughJoin).</translation>
    </message>
    <message>
        <source>Added by Spark&apos;s optimizer: the condition of the join after this one is never true for a null here (InferFiltersFromConstraints), so the filter runs before this join too.</source>
        <translation>Spark 옵티마이저가 추가한 필터: 여기에 null이 있으면 이 조인 다음 조인의 조건은 결코 참이 아니므로(InferFiltersFromConstraints), 이 필터는 이 조인보다도 먼저 실행됩니다.</translation>
    </message>
    <message>
        <source>Added by Spark&apos;s optimizer: %1 holds for the other side&apos;s rows, and the join&apos;s key equality %2 carries it to this side (InferFiltersFromConstraints).</source>
        <translation>Spark 옵티마이저가 추가한 필터: 반대쪽 행에는 %1이(가) 성립하고, 조인 키의 등식 %2이(가) 이를 이쪽으로 옮깁니다(InferFiltersFromConstraints).</translation>
    </message>
    <message>
        <source>It runs before withWatermark: a row it rejects never reaches the join and never moves the watermark.</source>
        <translation>withWatermark보다 먼저 실행됩니다: 이 필터가 거른 행은 조인에 닿지 않고 워터마크도 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Added by Spark&apos;s optimizer: %1 holds for the rows that reach the join after this one, and that join&apos;s key equality %2 carries it here, so the filter runs before this join too (InferFiltersFromConstraints).</source>
        <translation>Spark 옵티마이저가 추가한 필터: 이 조인 다음 조인에 닿는 행에는 %1이(가) 성립하고, 그 조인 키의 등식 %2이(가) 이를 여기로 옮기므로, 이 필터는 이 조인보다도 먼저 실행됩니다(InferFiltersFromConstraints).</translation>
    </message>
    <message>
        <source>Added by Spark&apos;s optimizer to %1: %2 holds for the joined rows, and this join&apos;s key equality %3 carries it there (InferFiltersFromConstraints).</source>
        <translation>Spark 옵티마이저가 %1에 추가한 필터: 조인된 행에는 %2이(가) 성립하고, 이 조인 키의 등식 %3이(가) 이를 그쪽으로 옮깁니다(InferFiltersFromConstraints).</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::JoinStateModel</name>
    <message>
        <source>matched, kept</source>
        <translation>매칭됨, 유지</translation>
    </message>
    <message>
        <source>waiting for a match</source>
        <translation>매칭 대기 중</translation>
    </message>
    <message>
        <source>evicted (had matched)</source>
        <translation>제거됨 (매칭된 적 있음)</translation>
    </message>
    <message>
        <source>evicted → emitted with nulls</source>
        <translation>제거됨 → null과 함께 출력</translation>
    </message>
    <message>
        <source>evicted, never matched → dropped</source>
        <translation>제거됨, 매칭 안 됨 → 버려짐</translation>
    </message>
    <message>
        <source>It has matched, and stays in state: a later row of the other side may match it too, until the state watermark passes it.</source>
        <translation>매칭되었고 상태 저장소에 남아 있습니다. 상태 워터마크가 이 행을 지나기 전까지는 상대편의 이후 행도 매칭될 수 있습니다.</translation>
    </message>
    <message>
        <source>No row of the other side has matched it yet; it waits in state until the state watermark passes it.</source>
        <translation>아직 상대편 행과 매칭되지 않았습니다. 상태 워터마크가 이 행을 지날 때까지 상태 저장소에서 기다립니다.</translation>
    </message>
    <message>
        <source>The state watermark passed it in this batch. It had matched, so it leaves the state without output.</source>
        <translation>이 배치에서 상태 워터마크가 이 행을 지났습니다. 이미 매칭되었으므로 출력 없이 상태 저장소에서 빠집니다.</translation>
    </message>
    <message>
        <source>The state watermark passed it in this batch and it never matched: the outer join emits it now, the other side&apos;s columns null.</source>
        <translation>이 배치에서 상태 워터마크가 이 행을 지났고 한 번도 매칭되지 않았습니다. 외부 조인은 지금 상대편 열을 null로 채워 출력합니다.</translation>
    </message>
    <message>
        <source>The state watermark passed it in this batch and it never matched. This side is not an outer side, so it leaves the state without output.</source>
        <translation>이 배치에서 상태 워터마크가 이 행을 지났고 한 번도 매칭되지 않았습니다. 이쪽은 외부 조인 쪽이 아니므로 출력 없이 상태 저장소에서 빠집니다.</translation>
    </message>
    <message>
        <source>%1 side, event %2</source>
        <translation>%1 쪽, 이벤트 %2</translation>
    </message>
    <message>
        <source>left</source>
        <translation>왼쪽</translation>
    </message>
    <message>
        <source>right</source>
        <translation>오른쪽</translation>
    </message>
    <message>
        <source>Stored by this batch. %1</source>
        <translation>이 배치에서 저장됨. %1</translation>
    </message>
    <message>
        <source>side</source>
        <translation>쪽</translation>
    </message>
    <message>
        <source>the input that buffered the row</source>
        <translation>이 행을 버퍼에 넣은 입력</translation>
    </message>
    <message>
        <source>in state</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>where the row stands after this batch</source>
        <translation>이 배치 이후 이 행의 상태</translation>
    </message>
    <message>
        <source>evicted from state by the watermark in this batch</source>
        <translation>이 배치에서 워터마크 때문에 상태 저장소에서 제거됨</translation>
    </message>
    <message>
        <source>stored by this batch</source>
        <translation>이 배치에서 저장됨</translation>
    </message>
    <message>
        <source>buffered earlier</source>
        <translation>이전에 버퍼에 들어옴</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::LessonBar</name>
    <message>
        <source>Back</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Previous step (Page Up)</source>
        <translation>이전 단계 (Page Up)</translation>
    </message>
    <message>
        <source>Next step (Page Down)</source>
        <translation>다음 단계 (Page Down)</translation>
    </message>
    <message>
        <source>Close the lesson (Esc)</source>
        <translation>레슨 닫기 (Esc)</translation>
    </message>
    <message>
        <source>step %1 / %2</source>
        <translation>단계 %1 / %2</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::LessonController</name>
    <message>
        <source>Lesson</source>
        <translation>레슨</translation>
    </message>
    <message>
        <source>The class&apos;s predictions: %1 of %2 right.</source>
        <translation>우리 반의 예측: %2개 중 %1개 맞힘.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::LiveController</name>
    <message>
        <source>Cannot read Kafka into this scenario: %1</source>
        <translation>이 시나리오로 Kafka를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Live: reading %1 from %2. Editing is off until you disconnect.</source>
        <translation>라이브: %2에서 %1을(를) 읽는 중입니다. 연결을 끊을 때까지 편집할 수 없습니다.</translation>
    </message>
    <message>
        <source>Disconnected. No messages arrived, so the scenario is as it was.</source>
        <translation>연결을 끊었습니다. 도착한 메시지가 없어 시나리오는 그대로입니다.</translation>
    </message>
    <message>
        <source>Record live session</source>
        <translation>라이브 세션 기록</translation>
    </message>
    <message numerus="yes">
        <source>Disconnected. The %n received message(s) are now an ordinary scenario: explore it, save it, or undo to return to the scenario from before.</source>
        <translation>
            <numerusform>연결을 끊었습니다. 받은 메시지 %n개가 이제 일반 시나리오가 되었습니다: 살펴보고, 저장하고, 실행 취소하면 이전 시나리오로 돌아갑니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnected from Kafka: another scenario was opened.</source>
        <translation>Kafka 연결을 끊었습니다: 다른 시나리오를 열었습니다.</translation>
    </message>
    <message>
        <source>No live session is running.</source>
        <translation>실행 중인 라이브 세션이 없습니다.</translation>
    </message>
    <message>
        <source>Live: reading %1. Editing is off until you disconnect.</source>
        <translation>라이브: %1 읽는 중. 연결을 끊을 때까지 편집할 수 없습니다.</translation>
    </message>
    <message>
        <source>the socket %1:%2</source>
        <translation>소켓 %1:%2</translation>
    </message>
    <message>
        <source>the directory %1</source>
        <translation>디렉터리 %1</translation>
    </message>
    <message>
        <source>Spark stopped the query: %1</source>
        <translation>Spark가 쿼리를 중지했습니다: %1</translation>
    </message>
    <message>
        <source>The recording stays in memory: %1</source>
        <translation>기록은 메모리에 남습니다: %1</translation>
    </message>
    <message>
        <source>Long session: the window now shows the newest %1 batches; older ones are summarised in the counts, the state and the result table. The recording keeps every message.</source>
        <translation>긴 세션: 이제 창은 최신 배치 %1개만 보여 줍니다. 이전 배치는 집계 수, 상태, 결과 테이블에 요약되어 있습니다. 기록에는 모든 메시지가 남습니다.</translation>
    </message>
    <message>
        <source>Disconnected, but the recording could not be read back: %1</source>
        <translation>연결을 끊었지만 기록을 다시 읽을 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>The scenario&apos;s %n restart(s) from the checkpoint are not applied to live input: a live query runs until you stop it. Disconnect to see them.</source>
        <translation>
            <numerusform>시나리오의 체크포인트 재시작 %n개는 실시간 입력에는 적용되지 않습니다: 실시간 쿼리는 멈출 때까지 실행됩니다. 연결을 끊으면 볼 수 있습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::LiveSourceDialog</name>
    <message>
        <source>Live input</source>
        <translation>라이브 입력</translation>
    </message>
    <message>
        <source>Kafka topic</source>
        <translation>Kafka 토픽</translation>
    </message>
    <message>
        <source>Socket (nc -lk 9999)</source>
        <translation>소켓 (nc -lk 9999)</translation>
    </message>
    <message>
        <source>Directory of JSON files</source>
        <translation>JSON 파일 디렉터리</translation>
    </message>
    <message>
        <source>Read from</source>
        <translation>읽을 곳</translation>
    </message>
    <message>
        <source>Connect in the Kafka panel: bootstrap servers, topic and startingOffsets.</source>
        <translation>Kafka 패널에서 연결하세요: 부트스트랩 서버, 토픽, startingOffsets.</translation>
    </message>
    <message>
        <source>Adds a timestamp column: when each line was received.</source>
        <translation>timestamp 열을 추가합니다: 각 줄을 받은 시각.</translation>
    </message>
    <message>
        <source>Start the server first (nc -lk 9999): Spark&apos;s socket source connects once and does not retry. Each line is a row with one column, value.</source>
        <translation>서버를 먼저 시작하세요(nc -lk 9999). Spark의 소켓 소스는 한 번만 연결하고 다시 시도하지 않습니다. 각 줄은 value 열 하나로 된 행입니다.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>As Spark writes it: 7d, 12h, 30m, 10s. Counted from the newest file read, not from the clock.</source>
        <translation>Spark 표기대로: 7d, 12h, 30m, 10s. 시계가 아니라 가장 최근에 읽은 파일부터 셉니다.</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>디렉터리</translation>
    </message>
    <message>
        <source>Each new file is read once, oldest first; each line is a row of the source&apos;s schema. Write a file under a name starting with a dot, then rename it, so it is never read half-written.</source>
        <translation>새 파일은 오래된 것부터 한 번씩 읽습니다. 각 줄은 소스 스키마의 행입니다. 반쯤 쓴 파일을 읽지 않도록 점으로 시작하는 이름으로 쓴 뒤 이름을 바꾸세요.</translation>
    </message>
    <message>
        <source>Directory the JSON files are dropped into</source>
        <translation>JSON 파일을 넣을 디렉터리</translation>
    </message>
    <message>
        <source>Which host? The classroom&apos;s server runs on localhost.</source>
        <translation>어느 호스트인가요? 강의실 서버는 localhost에서 실행됩니다.</translation>
    </message>
    <message>
        <source>maxFileAge: %1 is not a time Spark reads; write it as 7d, 12h, 30m or 10s.</source>
        <translation>maxFileAge: %1은(는) Spark가 읽는 시간이 아닙니다. 7d, 12h, 30m 또는 10s로 쓰세요.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::LogPane</name>
    <message>
        <source>// console sink, %1 mode
</source>
        <translation>// 콘솔 싱크, %1 모드
</translation>
    </message>
    <message>
        <source>(no batch yet)
</source>
        <translation>(아직 배치 없음)
</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MainWindow</name>
    <message>
        <source>Window %1</source>
        <translation>윈도우 %1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>쿼리</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Console sink</source>
        <translation>콘솔 싱크</translation>
    </message>
    <message>
        <source>Kafka</source>
        <translation>Kafka</translation>
    </message>
    <message>
        <source>watermark: %1</source>
        <translation>워터마크: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>max event time: %1</source>
        <translation>최대 이벤트 타임: %1</translation>
    </message>
    <message>
        <source>state rows: %1</source>
        <translation>상태 행: %1</translation>
    </message>
    <message>
        <source>recomputed in %1 ms, shown in %2 ms</source>
        <translation>계산 %1 ms, 표시 %2 ms</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>%1[*] (live from Kafka) — Tidemark</source>
        <translation>%1[*] (Kafka 라이브) — Tidemark</translation>
    </message>
    <message>
        <source>%1[*] — Tidemark</source>
        <translation>%1[*] — Tidemark</translation>
    </message>
    <message>
        <source>Editing is off while live: the events come from Kafka. Disconnect to edit them.</source>
        <translation>라이브 중에는 편집할 수 없습니다: 이벤트가 Kafka에서 들어옵니다. 편집하려면 연결을 끊으세요.</translation>
    </message>
    <message>
        <source>What this scenario shows</source>
        <translation>이 시나리오가 보여 주는 것</translation>
    </message>
    <message>
        <source>This scenario has no streaming source to add events to.</source>
        <translation>이 시나리오에는 이벤트를 추가할 스트리밍 소스가 없습니다.</translation>
    </message>
    <message>
        <source>Added event %1 arriving %2 with event time %3 — edit its row in the Events table; Ctrl+Z undoes it.</source>
        <translation>이벤트 %1을(를) 추가했습니다(도착 %2, 이벤트 타임 %3) — 이벤트 표에서 편집할 수 있고, Ctrl+Z로 되돌립니다.</translation>
    </message>
    <message>
        <source>Why? — event %1</source>
        <translation>왜? — 이벤트 %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>예제(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Live Kafka…</source>
        <translation>Kafka 라이브(&amp;L)…</translation>
    </message>
    <message>
        <source>Read a Kafka topic into this scenario&apos;s query: connect, watch the batches run, save the session</source>
        <translation>Kafka 토픽을 이 시나리오의 쿼리로 읽습니다: 연결하고, 배치가 실행되는 것을 보고, 세션을 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save &amp;live session as…</source>
        <translation>라이브 세션 저장(&amp;L)…</translation>
    </message>
    <message>
        <source>Write what has arrived so far as a scenario file; `tidemark run FILE` replays it batch for batch</source>
        <translation>지금까지 도착한 내용을 시나리오 파일로 씁니다. `tidemark run FILE`로 배치 단위로 다시 재생할 수 있습니다</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;X)</translation>
    </message>
    <message>
        <source>Plot as &amp;PNG…</source>
        <translation>그래프를 PNG로(&amp;P)…</translation>
    </message>
    <message>
        <source>Plot as P&amp;DF…</source>
        <translation>그래프를 PDF로(&amp;D)…</translation>
    </message>
    <message>
        <source>%1 result table as CSV…</source>
        <translation>%1 결과 테이블을 CSV로…</translation>
    </message>
    <message>
        <source>State as CSV…</source>
        <translation>상태를 CSV로…</translation>
    </message>
    <message>
        <source>Events as CSV…</source>
        <translation>이벤트를 CSV로…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>배치(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Previous batch</source>
        <translation>이전 배치(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next batch</source>
        <translation>다음 배치(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;First batch</source>
        <translation>첫 배치(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last batch</source>
        <translation>마지막 배치(&amp;L)</translation>
    </message>
    <message>
        <source>Play / &amp;pause</source>
        <translation>재생 / 일시정지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset plot view</source>
        <translation>그래프 보기 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tidemark</source>
        <translation>Tidemark 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About Tidemark</source>
        <translation>Tidemark 정보</translation>
    </message>
    <message>
        <source>Tidemark simulates Spark Structured Streaming&apos;s event time: watermarks, late rows, windows and output modes, batch by batch.

Click empty space in the plot to add an event, drag a dot to move it, click anything to ask why.</source>
        <translation>Tidemark는 Spark Structured Streaming의 이벤트 타임 처리(워터마크, 지연 데이터, 윈도우, 출력 모드)를 배치 단위로 시뮬레이션합니다.

그래프의 빈 곳을 클릭하면 이벤트를 추가하고, 점을 끌면 옮기고, 무엇이든 클릭하면 그 이유를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>예제</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Live Kafka</source>
        <translation>Kafka 라이브</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>보기 초기화</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>발표</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Save live session</source>
        <translation>라이브 세션 저장</translation>
    </message>
    <message>
        <source>%1-session.json</source>
        <translation>%1-session.json</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>시나리오 (*.json)</translation>
    </message>
    <message>
        <source>Saved the live session so far to %1; `tidemark run` replays it.</source>
        <translation>지금까지의 라이브 세션을 %1에 저장했습니다. `tidemark run`으로 다시 재생할 수 있습니다.</translation>
    </message>
    <message>
        <source>Could not save the live session: %1</source>
        <translation>라이브 세션을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Export plot as PDF</source>
        <translation>그래프를 PDF로 내보내기</translation>
    </message>
    <message>
        <source>Export plot as PNG</source>
        <translation>그래프를 PNG로 내보내기</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV for Excel, UTF-8 with BOM (*.csv)</source>
        <translation>Excel용 CSV, BOM 포함 UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>표를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>max event time: ?</source>
        <translation>최대 이벤트 타임: ?</translation>
    </message>
    <message>
        <source>state rows: ?</source>
        <translation>상태 행: ?</translation>
    </message>
    <message>
        <source>dropped: ?</source>
        <translation>버려짐: ?</translation>
    </message>
    <message>
        <source>A later batch reads it. Class mode tells its fate when that batch is revealed.</source>
        <translation>이후 배치가 읽습니다. 그 배치가 공개되면 수업 모드가 운명을 알려 줍니다.</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>&amp;Class mode (predict, then reveal)</source>
        <translation>수업 모드(&amp;C) (예측한 뒤 공개)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Class mode: each batch&apos;s outcome stays hidden until the class has predicted it (Ctrl+P)</source>
        <translation>수업 모드: 수업에서 예측할 때까지 각 배치의 결과를 숨깁니다 (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Reveal the batch</source>
        <translation>배치 공개(&amp;R)</translation>
    </message>
    <message>
        <source>Hidden until Reveal</source>
        <translation>공개 전까지 숨김</translation>
    </message>
    <message>
        <source>Class mode: predict what batch %1 does first. Reveal (Enter) shows it, and why.</source>
        <translation>수업 모드: 먼저 배치 %1 이(가) 무엇을 하는지 예측하세요. 공개(Enter)하면 결과와 이유를 보여 줍니다.</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>레슨(&amp;L)</translation>
    </message>
    <message>
        <source>Cannot open the lesson %1: %2</source>
        <translation>레슨 %1 을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>&amp;Import PySpark…</source>
        <translation>PySpark 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Read a notebook&apos;s streaming query (.ipynb, .py or a text export) and its data files into a new scenario</source>
        <translation>노트북의 스트리밍 쿼리(.ipynb, .py 또는 텍스트 내보내기)와 데이터 파일을 읽어 새 시나리오로 만듭니다</translation>
    </message>
    <message>
        <source>&amp;Storyboard (PDF)…</source>
        <translation>스토리보드 (PDF)(&amp;S)…</translation>
    </message>
    <message>
        <source>A handout: one page per batch with the plot, the watermarks, the events&apos; fates, each mode&apos;s rows and the state</source>
        <translation>유인물: 배치마다 한 쪽. 그래프, 워터마크, 이벤트의 처리 결과, 모드별 행과 상태</translation>
    </message>
    <message>
        <source>Plot &amp;frames…</source>
        <translation>그래프 프레임(&amp;F)…</translation>
    </message>
    <message>
        <source>The plot at each batch as numbered PNG files, for slides</source>
        <translation>배치마다의 그래프를 번호 붙은 PNG 파일로 (슬라이드용)</translation>
    </message>
    <message>
        <source>Plot &amp;animation (GIF)…</source>
        <translation>그래프 애니메이션 (GIF)(&amp;A)…</translation>
    </message>
    <message>
        <source>The plot stepping through the batches as a looping GIF, for slides</source>
        <translation>배치를 차례로 보여 주는 그래프를 반복 GIF로 (슬라이드용)</translation>
    </message>
    <message>
        <source>PySpark &amp;notebook…</source>
        <translation>PySpark 노트북(&amp;N)…</translation>
    </message>
    <message>
        <source>A notebook (or script) that runs these batches on real Spark and says, batch by batch, whether Spark agrees</source>
        <translation>이 배치들을 실제 Spark에서 실행하고 배치마다 Spark와 일치하는지 알려 주는 노트북(또는 스크립트)</translation>
    </message>
    <message>
        <source>Export storyboard as PDF</source>
        <translation>스토리보드를 PDF로 내보내기</translation>
    </message>
    <message>
        <source>Saved the storyboard, one page per batch, to %1</source>
        <translation>배치마다 한 쪽인 스토리보드를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Export plot frames to a folder</source>
        <translation>그래프 프레임을 폴더로 내보내기</translation>
    </message>
    <message>
        <source>Saved %1 frames (%2 …) to %3</source>
        <translation>프레임 %1개(%2 …)를 %3에 저장했습니다</translation>
    </message>
    <message>
        <source>Export plot animation as GIF</source>
        <translation>그래프 애니메이션을 GIF로 내보내기</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>GIF 애니메이션 (*.gif)</translation>
    </message>
    <message>
        <source>Saved the plot&apos;s %1 batches as an animation to %2</source>
        <translation>그래프의 배치 %1개를 애니메이션으로 %2에 저장했습니다</translation>
    </message>
    <message>
        <source>About this scenario</source>
        <translation>이 시나리오에 대해</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>고대비(&amp;H)</translation>
    </message>
    <message>
        <source>Stronger colours, thicker lines and black text on white, for projectors</source>
        <translation>프로젝터용: 더 진한 색, 더 굵은 선, 흰 바탕에 검은 글자</translation>
    </message>
    <message>
        <source>Why? — broker away</source>
        <translation>왜? — 브로커 없음</translation>
    </message>
    <message>
        <source>Live &amp;Input…</source>
        <translation>라이브 입력(&amp;I)…</translation>
    </message>
    <message>
        <source>Read a Kafka topic, a socket (nc -lk 9999) or a directory of JSON files into this scenario&apos;s query</source>
        <translation>Kafka 토픽, 소켓(nc -lk 9999) 또는 JSON 파일 디렉터리를 이 시나리오의 쿼리로 읽습니다</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ModeColumnsPage</name>
    <message>
        <source>Output mode shown below (the window is too narrow for all three side by side)</source>
        <translation>아래에 보이는 출력 모드 (창이 좁아 세 모드를 나란히 보여 줄 수 없습니다)</translation>
    </message>
    <message>
        <source>%1 (the query&apos;s)</source>
        <translation>%1 (쿼리 설정)</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::OutputModeColumn</name>
    <message>
        <source>each row once, final, when the watermark passes its window</source>
        <translation>워터마크가 윈도우를 지나면 확정된 행을 한 번만</translation>
    </message>
    <message>
        <source>the rows that changed in this batch</source>
        <translation>이 배치에서 바뀐 행만</translation>
    </message>
    <message>
        <source>the whole result table, every batch</source>
        <translation>배치마다 결과 테이블 전체를</translation>
    </message>
    <message>
        <source>The query&apos;s output mode (the log and the plot follow it)</source>
        <translation>쿼리의 출력 모드 (로그와 그래프가 이 모드를 따릅니다)</translation>
    </message>
    <message>
        <source>Tidemark does not run this query in %1 mode:

%2</source>
        <translation>Tidemark는 이 쿼리를 %1 모드로 실행하지 않습니다:

%2</translation>
    </message>
    <message>
        <source>Spark rejects %1 mode for this query:

%2</source>
        <translation>Spark는 이 쿼리의 %1 모드를 거부합니다:

%2</translation>
    </message>
    <message>
        <source>No batch has run yet.</source>
        <translation>아직 실행된 배치가 없습니다.</translation>
    </message>
    <message>
        <source>Result table</source>
        <translation>결과 테이블</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;This batch&lt;/b&gt; (%1) — sink got %n row(s)</source>
        <translation>
            <numerusform>&lt;b&gt;이 배치&lt;/b&gt; (%1) — 싱크가 받은 행 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Result table&lt;/b&gt; — %n row(s)</source>
        <translation>
            <numerusform>&lt;b&gt;결과 테이블&lt;/b&gt; — %n행</numerusform>
        </translation>
    </message>
    <message>
        <source> · +%1 new</source>
        <translation> · 새 행 +%1</translation>
    </message>
    <message>
        <source> · ~%1 changed</source>
        <translation> · 바뀐 행 ~%1</translation>
    </message>
    <message>
        <source> · −%1 removed</source>
        <translation> · 지운 행 −%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;This batch&lt;/b&gt; (%1) — hidden: predict, then reveal</source>
        <translation>&lt;b&gt;이번 배치&lt;/b&gt; (%1) — 숨김: 예측한 뒤 공개</translation>
    </message>
    <message>
        <source>&lt;b&gt;Result table&lt;/b&gt; before this batch</source>
        <translation>이번 배치 이전의 &lt;b&gt;결과 테이블&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 mode</source>
        <translation>%1 모드</translation>
    </message>
    <message>
        <source>%1 mode: what the sink received</source>
        <translation>%1 모드: 싱크가 받은 것</translation>
    </message>
    <message>
        <source>%1 mode: result table</source>
        <translation>%1 모드: 결과 테이블</translation>
    </message>
    <message>
        <source> · ↻%1 again</source>
        <translation> · ↻%1 다시</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::PredictPanel</name>
    <message>
        <source>Reveal (Enter)</source>
        <translation>공개 (Enter)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why?&lt;/b&gt;</source>
        <translation>&lt;b&gt;왜?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Show what the batch really did and mark the answers (Enter, Space, or PageDown)</source>
        <translation>배치가 실제로 한 일을 보여 주고 답을 채점합니다 (Enter, Space 또는 PageDown)</translation>
    </message>
    <message>
        <source>Which rows the sink receives</source>
        <translation>싱크가 받는 행</translation>
    </message>
    <message>
        <source>Which events are dropped</source>
        <translation>버려지는 이벤트</translation>
    </message>
    <message>
        <source>What the watermark becomes</source>
        <translation>워터마크가 될 값</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Which questions class mode asks about each batch</source>
        <translation>수업 모드가 각 배치에 대해 묻는 질문</translation>
    </message>
    <message>
        <source>No prediction revealed yet.</source>
        <translation>아직 공개된 예측이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Right so far: %1 of %2&lt;/b&gt; predictions, over %n batch(es).</source>
        <translation>
            <numerusform>&lt;b&gt;지금까지 맞힌 예측: %2개 중 %1개&lt;/b&gt;, 배치 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to predict in this batch</source>
        <translation>이 배치에는 예측할 것이 없습니다</translation>
    </message>
    <message>
        <source>Class mode is off</source>
        <translation>수업 모드가 꺼져 있습니다</translation>
    </message>
    <message>
        <source>Step on (PageDown): the next batch will ask.</source>
        <translation>다음으로 (PageDown): 다음 배치에서 다시 묻습니다.</translation>
    </message>
    <message>
        <source>View › Class mode hides each batch&apos;s outcome until the class has predicted it.</source>
        <translation>보기 › 수업 모드는 수업에서 예측할 때까지 각 배치의 결과를 숨깁니다.</translation>
    </message>
    <message>
        <source>Batch %1 revealed: %2 of %3 right</source>
        <translation>배치 %1 공개: %3개 중 %2개 맞힘</translation>
    </message>
    <message>
        <source>Predict batch %1</source>
        <translation>배치 %1 예측</translation>
    </message>
    <message>
        <source>PageDown goes on to the next batch.</source>
        <translation>PageDown을 누르면 다음 배치로 갑니다.</translation>
    </message>
    <message>
        <source>Its input is on the plot; what it does is hidden. Pick (Tab, arrows, Space), then Reveal (Enter).</source>
        <translation>입력은 그래프에 있고, 결과는 숨겨져 있습니다. 고른 뒤(Tab, 화살표, Space) 공개(Enter)하세요.</translation>
    </message>
    <message>
        <source>Every answer was right.</source>
        <translation>모든 답이 맞았습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Which rows will the sink receive?&lt;/b&gt; (%1 mode; maybe none)</source>
        <translation>&lt;b&gt;싱크는 어떤 행을 받을까요?&lt;/b&gt; (%1 모드; 없을 수도 있음)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Which of the events it reads will be dropped?&lt;/b&gt; (%1 mode; or click their dots)</source>
        <translation>&lt;b&gt;이 배치가 읽는 이벤트 중 어떤 것이 버려질까요?&lt;/b&gt; (%1 모드; 점을 클릭해도 됩니다)</translation>
    </message>
    <message>
        <source>&lt;b&gt;What will the watermark be&lt;/b&gt; after this batch?</source>
        <translation>이 배치 이후 &lt;b&gt;워터마크는 얼마가 될까요&lt;/b&gt;?</translation>
    </message>
    <message>
        <source>(no rows to choose from: the sink gets nothing)</source>
        <translation>(고를 행이 없습니다: 싱크는 아무것도 받지 않습니다)</translation>
    </message>
    <message>
        <source>%1 right</source>
        <translation>%1 맞음</translation>
    </message>
    <message>
        <source>%1 wrong</source>
        <translation>%1 틀림</translation>
    </message>
    <message>
        <source> — sent</source>
        <translation> — 보냄</translation>
    </message>
    <message>
        <source> — not sent</source>
        <translation> — 보내지 않음</translation>
    </message>
    <message>
        <source> — dropped</source>
        <translation> — 버려짐</translation>
    </message>
    <message>
        <source> — kept</source>
        <translation> — 유지됨</translation>
    </message>
    <message>
        <source> — the watermark</source>
        <translation> — 워터마크</translation>
    </message>
    <message>
        <source> — your answer</source>
        <translation> — 내 답</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::PySparkImporter</name>
    <message>
        <source>PySpark notebooks and scripts (*.ipynb *.py *.txt);;All files (*)</source>
        <translation>PySpark 노트북과 스크립트 (*.ipynb *.py *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import PySpark</source>
        <translation>PySpark 가져오기</translation>
    </message>
    <message>
        <source>Cell %1</source>
        <translation>셀 %1</translation>
    </message>
    <message>
        <source>Cell %1: %2</source>
        <translation>셀 %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 starts %n streaming queries. Which one?</source>
        <translation>
            <numerusform>%1에서 스트리밍 쿼리 %n개가 시작됩니다. 어느 것을 가져올까요?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>가져올 수 없음</translation>
    </message>
    <message>
        <source>%1 could not be imported:
%2</source>
        <translation>%1을(를) 가져올 수 없습니다:
%2</translation>
    </message>
    <message>
        <source>Imported from PySpark</source>
        <translation>PySpark에서 가져옴</translation>
    </message>
    <message>
        <source>The query of %1 was imported, but some of it is not simulated. The events are one data file per trigger: edit them in the Events table.</source>
        <translation>%1의 쿼리를 가져왔지만 일부는 시뮬레이션되지 않습니다. 이벤트는 트리거마다 데이터 파일 하나씩입니다. 이벤트 표에서 편집하세요.</translation>
    </message>
    <message>
        <source>The query of %1 was imported. The events are one data file per trigger: edit them in the Events table.</source>
        <translation>%1의 쿼리를 가져왔습니다. 이벤트는 트리거마다 데이터 파일 하나씩입니다. 이벤트 표에서 편집하세요.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::QueryPanel</name>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>= duration (tumbling)</source>
        <translation>= duration (텀블링 윈도우)</translation>
    </message>
    <message>
        <source>columns, comma separated</source>
        <translation>열 이름, 쉼표로 구분</translation>
    </message>
    <message>
        <source>* (all rows)</source>
        <translation>* (모든 행)</translation>
    </message>
    <message>
        <source>default: as soon as the previous batch ends</source>
        <translation>기본값: 이전 배치가 끝나는 즉시</translation>
    </message>
    <message>
        <source>spark.sql.streaming.multipleWatermarkPolicy: the global watermark is the minimum (default) or the maximum of the inputs&apos; watermarks</source>
        <translation>spark.sql.streaming.multipleWatermarkPolicy: 전역 워터마크는 입력 워터마크들의 최솟값(기본값) 또는 최댓값입니다</translation>
    </message>
    <message>
        <source>Change output mode</source>
        <translation>출력 모드 변경</translation>
    </message>
    <message>
        <source>Change Spark version</source>
        <translation>Spark 버전 변경</translation>
    </message>
    <message>
        <source>Add watermark</source>
        <translation>워터마크 추가</translation>
    </message>
    <message>
        <source>Remove watermark</source>
        <translation>워터마크 제거</translation>
    </message>
    <message>
        <source>Change watermark</source>
        <translation>워터마크 변경</translation>
    </message>
    <message>
        <source>Change watermark policy</source>
        <translation>워터마크 정책 변경</translation>
    </message>
    <message>
        <source>Change window</source>
        <translation>윈도우 변경</translation>
    </message>
    <message>
        <source>Change grouping keys</source>
        <translation>그룹화 키 변경</translation>
    </message>
    <message>
        <source>Change aggregate</source>
        <translation>집계 변경</translation>
    </message>
    <message>
        <source>Change trigger</source>
        <translation>트리거 변경</translation>
    </message>
    <message>
        <source>left</source>
        <translation>왼쪽</translation>
    </message>
    <message>
        <source>right</source>
        <translation>오른쪽</translation>
    </message>
    <message>
        <source>union input %1</source>
        <translation>union 입력 %1</translation>
    </message>
    <message>
        <source>%1 (%2) is a static table: it has no watermark</source>
        <translation>%1 (%2)은(는) 정적 테이블이라 워터마크가 없습니다</translation>
    </message>
    <message>
        <source>withWatermark on %1 (%2)</source>
        <translation>%1 (%2)에 withWatermark</translation>
    </message>
    <message>
        <source>column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>static: none</source>
        <translation>정적: 없음</translation>
    </message>
    <message>
        <source>no watermark</source>
        <translation>워터마크 없음</translation>
    </message>
    <message>
        <source>Change watermark of %1</source>
        <translation>%1의 워터마크 변경</translation>
    </message>
    <message>
        <source>Add watermark to %1</source>
        <translation>%1에 워터마크 추가</translation>
    </message>
    <message>
        <source>Remove watermark from %1</source>
        <translation>%1의 워터마크 제거</translation>
    </message>
    <message>
        <source>This query joins a stream with a static table; edit the join itself in the scenario file.</source>
        <translation>이 쿼리는 스트림을 정적 테이블과 조인합니다. 조인 자체는 시나리오 파일에서 편집하세요.</translation>
    </message>
    <message>
        <source>This query joins two streams, each with its own watermark (above); edit the join itself in the scenario file.</source>
        <translation>이 쿼리는 각자 워터마크(위)를 가진 두 스트림을 조인합니다. 조인 자체는 시나리오 파일에서 편집하세요.</translation>
    </message>
    <message>
        <source>This query unions several inputs, each with its own watermark (above); edit their steps in the scenario file.</source>
        <translation>이 쿼리는 각자 워터마크(위)를 가진 여러 입력을 union합니다. 각 단계는 시나리오 파일에서 편집하세요.</translation>
    </message>
    <message>
        <source>The query also deduplicates rows within the watermark (dropDuplicatesWithinWatermark), as its file says.</source>
        <translation>파일에 적힌 대로, 이 쿼리는 워터마크 안에서 중복 행도 제거합니다(dropDuplicatesWithinWatermark).</translation>
    </message>
    <message>
        <source>The query also deduplicates rows (dropDuplicates), as its file says.</source>
        <translation>파일에 적힌 대로, 이 쿼리는 중복 행도 제거합니다(dropDuplicates).</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>위치: %1</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>쿼리</translation>
    </message>
    <message>
        <source>right of join %1</source>
        <translation>조인 %1의 오른쪽</translation>
    </message>
    <message>
        <source>This query joins %1 streams, each with its own watermark (above), in %2 joins; edit the joins themselves in the scenario file.</source>
        <translation>이 쿼리는 스트림 %1개를 조인 %2개로 잇습니다. 스트림마다 워터마크가 따로 있습니다(위). 조인 자체는 시나리오 파일에서 편집하세요.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::RowTableModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>new since the previous batch</source>
        <translation>이전 배치 이후 새로 생김</translation>
    </message>
    <message>
        <source>changed since the previous batch</source>
        <translation>이전 배치 이후 바뀜</translation>
    </message>
    <message>
        <source>removed since the previous batch</source>
        <translation>이전 배치 이후 지워짐</translation>
    </message>
    <message>
        <source>evicted from state by the watermark in this batch</source>
        <translation>이 배치에서 워터마크 때문에 상태 저장소에서 제거됨</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>그대로</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::RowTableView</name>
    <message>
        <source>Export as CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ScenarioDocument</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::StatePanel</name>
    <message>
        <source>&lt;b&gt;State store&lt;/b&gt; — none: a stream-static join keeps no state.</source>
        <translation>&lt;b&gt;상태 저장소&lt;/b&gt; — 없음: 스트림-정적 조인은 상태를 저장하지 않습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;State store&lt;/b&gt; — no batch yet</source>
        <translation>&lt;b&gt;상태 저장소&lt;/b&gt; — 아직 배치 없음</translation>
    </message>
    <message>
        <source>&lt;b&gt;State store&lt;/b&gt; — this query keeps no state (no aggregation or deduplication).</source>
        <translation>&lt;b&gt;상태 저장소&lt;/b&gt; — 이 쿼리는 상태를 저장하지 않습니다(집계나 중복 제거 없음).</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;State store&lt;/b&gt; after batch %1 (%2 mode) — %n row(s)</source>
        <translation>
            <numerusform>배치 %1 이후 &lt;b&gt;상태 저장소&lt;/b&gt; (%2 모드) — %n행</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 evicted by the watermark</source>
        <translation>, 워터마크로 %1개 제거</translation>
    </message>
    <message>
        <source>&lt;b&gt;Join state&lt;/b&gt; after batch %1 — buffered: %2 %3, %4 %5</source>
        <translation>배치 %1 이후 &lt;b&gt;조인 상태&lt;/b&gt; — 버퍼: %2 %3, %4 %5</translation>
    </message>
    <message numerus="yes">
        <source>; %n evicted by the watermark</source>
        <translation>
            <numerusform>; 워터마크로 %n개 제거</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n emitted with nulls)</source>
        <translation>
            <numerusform> (null과 함께 %n개 출력)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Static table&lt;/b&gt; %1 (%2 side) — %n row(s), joined with each batch&apos;s new rows</source>
        <translation>
            <numerusform>&lt;b&gt;정적 테이블&lt;/b&gt; %1 (%2 쪽) — %n행, 배치마다 새 행과 조인</numerusform>
        </translation>
    </message>
    <message>
        <source>left</source>
        <translation>왼쪽</translation>
    </message>
    <message>
        <source>right</source>
        <translation>오른쪽</translation>
    </message>
    <message numerus="yes">
        <source>; %n more fail the join condition on its own columns and never join</source>
        <translation>
            <numerusform>; 자기 열에 대한 조인 조건을 만족하지 못해 조인되지 않는 행 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;State store&lt;/b&gt; after batch %1 — hidden: predict, then reveal</source>
        <translation>배치 %1 이후의 &lt;b&gt;상태 저장소&lt;/b&gt; — 숨김: 예측한 뒤 공개</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;State store&lt;/b&gt; after batch %1 (%2 mode) — &lt;b&gt;operator 1 of %3&lt;/b&gt; (%4): %n row(s)</source>
        <translation>
            <numerusform>배치 %1 이후 &lt;b&gt;상태 저장소&lt;/b&gt; (%2 모드) — &lt;b&gt;연산자 1/%3&lt;/b&gt; (%4): %n행</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Operator %1 of %2&lt;/b&gt; (%3): %n row(s)</source>
        <translation>
            <numerusform>&lt;b&gt;연산자 %1/%2&lt;/b&gt; (%3): %n행</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n late row(s) dropped</source>
        <translation>
            <numerusform>, 늦은 행 %n개 버림</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Join state&lt;/b&gt; (operator 1 of %1) after batch %2 — buffered: %3 %4, %5 %6</source>
        <translation>배치 %2 이후 &lt;b&gt;조인 상태&lt;/b&gt; (연산자 1/%1) — 보관 중: %3 %4, %5 %6</translation>
    </message>
</context>
</TS>
