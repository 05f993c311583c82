// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of Spark's MultiStatefulOperatorsSuite for a stream-stream join followed by another
// stateful operator, transcribed step by step: each AddData / MultiAddData is one arrival at
// 100 + 10 * i seconds (or at an absolute time), with a 1-second trigger so that the no-data
// batch Spark runs after it comes before the next one. Each batch lists its rows and, per
// stateful operator downstream first (as StreamingQueryProgress.stateOperators lists them),
// numRowsTotal and numRowsDroppedByWatermark. Also the errors per release, and the join's
// output watermark (StreamingSymmetricHashJoinExec.produceOutputWatermark).
#include "tests/support/DescribedRun.h"

#include "engine/exec/Explain.h"
#include "engine/exec/Simulation.h"
#include "engine/plan/JoinOutputWatermark.h"
#include "engine/plan/StatefulChain.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// 2023-01-01 00:00:00 UTC, the day of the time-interval join tests.
constexpr std::int64_t kDay = 1672531200;

/// A source of the given schema ("name": "type" members) whose events are (at, row JSON).
std::string source(const std::string& name, const std::string& schema, const std::vector<std::pair<std::int64_t, std::string>>& events)
{
    std::string out = "\"" + name + "\": {\"schema\": {" + schema + "}, \"events\": [";
    for (size_t i = 0; i < events.size(); ++i)
        out += (i ? ", " : "") + std::string("{\"at\": ") + std::to_string(events[i].first) + ", \"row\": {" + events[i].second + "}}";
    return out + "]}";
}

/// `left.join(right, on, type)` then `rest` (JSON members of "query").
TestScenario joined(const std::string& version, const std::string& sources, const std::string& left, const std::string& right, const std::string& on,
                    const std::string& type, const std::string& rest)
{
    TestScenario sc;
    sc.sparkVersion = version;
    sc.extraSources = sources;
    sc.query = "\"join\": {\"left\": " + left + ", \"right\": " + right + ", \"on\": \"" + on + "\", \"type\": \"" + type + "\"}, " + rest
               + ", \"outputMode\": \"append\", \"trigger\": {\"processingTime\": \"1 second\"}";
    return sc;
}


QStringList run(const TestScenario& sc) { return describeOperators(runMode(sc.load(), OutputMode::Append)); }

QStringList lines(const QString& text) { return text.split('\n'); }

QStringList correctnessError() { return {QStringLiteral("error: ") + QString::fromLatin1(kGlobalWatermarkCorrectnessMessage)}; }

/// "join -> window agg, append mode": inputDF1 / inputDF2 of ints with `timestamp_seconds`
/// event times and 0-second watermarks, joined on `eventTime1 = eventTime2`.
TestScenario intJoin(const std::string& version, const std::vector<std::pair<std::vector<int>, std::vector<int>>>& steps, const std::string& type,
                     const std::string& rest)
{
    std::vector<std::pair<std::int64_t, std::string>> left, right;
    for (size_t i = 0; i < steps.size(); ++i) {
        for (int v : steps[i].first)
            left.emplace_back(100 + 10 * static_cast<std::int64_t>(i), "\"value\": " + std::to_string(v));
        for (int v : steps[i].second)
            right.emplace_back(100 + 10 * static_cast<std::int64_t>(i), "\"value\": " + std::to_string(v));
    }
    auto side = [](const std::string& n) {
        return "{\"source\": \"in" + n + "\", \"selectExpr\": [\"value AS value" + n + "\", \"timestamp_seconds(value) AS eventTime" + n
               + "\"], \"withWatermark\": {\"column\": \"eventTime" + n + "\", \"delay\": \"0 seconds\"}}";
    };
    return joined(version, source("in1", "\"value\": \"long\"", left) + ", " + source("in2", "\"value\": \"long\"", right), side("1"), side("2"),
                  "eventTime1 = eventTime2", type, rest);
}

const char* kWindowCount5s = R"("groupBy": [{"window": {"column": "eventTime1", "duration": "5 seconds"}}], "agg": [{"fn": "count", "as": "count"}])";

/// "stream-stream time interval left outer join -> aggregation, append mode": s1 (id1,
/// timestamp1) and s2 (id2, timestamp2), 0-second watermarks, joined on
/// `s1.id1 = s2.id2 AND s1.timestamp1 BETWEEN s2.timestamp2 - INTERVAL 1 hour AND s2.timestamp2 + INTERVAL 1 hour`,
/// then a 10-minute window count over `windowColumn`. Steps are (left, right) of (id, seconds after kDay).
TestScenario timeIntervalJoin(const std::string& version, const std::string& type, const std::string& windowColumn,
                              const std::vector<std::pair<std::vector<std::pair<int, int>>, std::vector<std::pair<int, int>>>>& steps,
                              const std::string& conf = {})
{
    std::vector<std::pair<std::int64_t, std::string>> left, right;
    for (size_t i = 0; i < steps.size(); ++i) {
        const std::int64_t at = kDay + 86400 + 100 * static_cast<std::int64_t>(i); // the day after: arrivals after every event
        for (const auto& [id, t] : steps[i].first)
            left.emplace_back(at, "\"id\": \"" + std::to_string(id) + "\", \"ts\": " + std::to_string(kDay + t));
        for (const auto& [id, t] : steps[i].second)
            right.emplace_back(at, "\"id\": \"" + std::to_string(id) + "\", \"ts\": " + std::to_string(kDay + t));
    }
    const std::string schema = "\"id\": \"string\", \"ts\": \"timestamp\"";
    auto side = [](const std::string& n) {
        return "{\"source\": \"s" + n + "\", \"selectExpr\": [\"id AS id" + n + "\", \"ts AS timestamp" + n
               + "\"], \"withWatermark\": {\"column\": \"timestamp" + n + "\", \"delay\": \"0 seconds\"}}";
    };
    TestScenario sc = joined(version, source("s1", schema, left) + ", " + source("s2", schema, right), side("1"), side("2"),
                             "s1.id1 = s2.id2 AND (s1.timestamp1 BETWEEN s2.timestamp2 - INTERVAL 1 hour AND s2.timestamp2 + INTERVAL 1 hour)", type,
                             R"("groupBy": [{"window": {"column": ")" + windowColumn + R"(", "duration": "10 minutes"}}], "agg": [{"fn": "count", "as": "cnt"}])");
    sc.conf = conf;
    return sc;
}

const std::vector<std::pair<std::vector<std::pair<int, int>>, std::vector<std::pair<int, int>>>> kIntervalSteps = {
    {{{1, 3610}, {2, 3630}}, {{1, 3620}}}, // 01:00:10, 01:00:30 | 01:00:20
    {{{5, 4500}}, {{6, 4500}}},            // 01:15:00 | 01:15:00
    {{{5, 8160}}, {{6, 8160}}},            // 02:16:00 | 02:16:00
};

} // namespace

class TestJoinChainSuite : public QObject {
    Q_OBJECT
private slots:
    /// "join -> window agg, append mode": an equi-join on the watermarked event times evicts
    /// both sides by key, and its output watermark is its input watermark.
    void joinToWindowAgg()
    {
        const TestScenario sc = intJoin("3.5", {{{1, 2, 3, 4}, {1, 2, 3, 4}}, {{5}, {5}}}, "inner", kWindowCount5s);
        QCOMPARE(run(sc), lines(
            "B0 wm=0: | ops=[1/0, 8/0]\n"
            "B1 nodata wm=4: | ops=[1/0, 0/0]\n"         // CheckNewAnswer(); assertNumStateRows(Seq(1, 0))
            "B2 wm=4: | ops=[2/0, 2/0]\n"                // assertNumRowsDroppedByWatermark(Seq(0, 0))
            "B3 nodata wm=5: [0,5) 4 | ops=[1/0, 0/0]")); // CheckNewAnswer((0, 4)); assertNumStateRows(Seq(1, 0))
        // Before 3.4 an inner join may be followed by an aggregation too (isStatefulOperationPossiblyEmitLateRows).
        QCOMPARE(run(intJoin("3.3", {{{1, 2, 3, 4}, {1, 2, 3, 4}}, {{5}, {5}}}, "inner", kWindowCount5s)).last(), QStringLiteral("B3 nodata wm=5: [0,5) 4 | ops=[1/0, 0/0]"));
    }

    /// "join with range join on non-time intervals -> window agg, append mode, shouldn't fail":
    /// the range compares columns without watermark metadata, so 3.4 accepts it; the key
    /// eventTime1 = start2 carries the watermark. Both AddData land in one batch here.
    void rangeJoinOnNonTimeIntervalsToWindowAgg()
    {
        for (const char* version : {"3.4", "3.5"}) {
            const std::vector<std::pair<std::int64_t, std::string>> left = {{100, "\"value\": 1"}, {100, "\"value\": 2"}, {100, "\"value\": 3"}, {100, "\"value\": 4"}};
            const std::vector<std::pair<std::int64_t, std::string>> right = {
                {100, "\"start\": 1, \"end\": 2"}, {100, "\"start\": 2, \"end\": 3"}, {100, "\"start\": 3, \"end\": 4"}, {100, "\"start\": 4, \"end\": 5"}};
            const TestScenario sc = joined(
                version, source("in1", "\"value\": \"long\"", left) + ", " + source("in2", "\"start\": \"long\", \"end\": \"long\"", right),
                R"({"source": "in1", "selectExpr": ["value AS value1", "timestamp_seconds(value) AS eventTime1", "timestamp_seconds(value) AS v1"],
                    "withWatermark": {"column": "eventTime1", "delay": "0 seconds"}})",
                R"({"source": "in2", "selectExpr": ["start", "end", "timestamp_seconds(start) AS eventTime2Start", "timestamp_seconds(start) AS start2", "timestamp_seconds(end) AS end2"],
                    "withWatermark": {"column": "eventTime2Start", "delay": "0 seconds"}})",
                "v1 >= start2 AND v1 < end2 AND eventTime1 = start2", "inner", kWindowCount5s);
            QCOMPARE(run(sc), lines(
                "B0 wm=0: | ops=[1/0, 8/0]\n"
                "B1 nodata wm=4: | ops=[1/0, 0/0]")); // CheckNewAnswer(); assertNumStateRows(Seq(1, 0)); Seq(0, 0) dropped
        }
    }

    /// "join on time interval -> window agg, append mode, should fail" (3.4): the join's other
    /// condition compares event-time columns (hasRangeExprAgainstEventTimeCol). 3.5 (SPARK-42376)
    /// runs it with the join's output watermark; checkCorrectness=false runs it in 3.4.
    void timeIntervalJoinToWindowAggFailsIn34()
    {
        const std::vector<std::pair<std::int64_t, std::string>> left = {{100, "\"value\": 1"}};
        const std::vector<std::pair<std::int64_t, std::string>> right = {{100, "\"start\": 1, \"end\": 2"}};
        auto query = [&](const std::string& version) {
            return joined(version, source("in1", "\"value\": \"long\"", left) + ", " + source("in2", "\"start\": \"long\", \"end\": \"long\"", right),
                          R"({"source": "in1", "selectExpr": ["value AS value1", "timestamp_seconds(value) AS eventTime1"],
                              "withWatermark": {"column": "eventTime1", "delay": "0 seconds"}})",
                          R"({"source": "in2", "selectExpr": ["timestamp_seconds(start) AS eventTime2Start", "timestamp_seconds(end) AS eventTime2End", "timestamp_seconds(start) AS start2"],
                              "withWatermark": {"column": "eventTime2Start", "delay": "0 seconds"}})",
                          "eventTime1 >= eventTime2Start AND eventTime1 < eventTime2End AND eventTime1 = start2", "inner", kWindowCount5s);
        };
        QCOMPARE(run(query("3.4")), correctnessError());
        TestScenario unchecked = query("3.4");
        unchecked.conf = R"("spark.sql.streaming.statefulOperator.checkCorrectness.enabled": false)";
        QCOMPARE(run(unchecked).first(), QStringLiteral("B0 wm=0: | ops=[1/0, 2/0]"));
        QCOMPARE(run(query("3.5")).first(), QStringLiteral("B0 wm=0: | ops=[1/0, 2/0]"));
        QCOMPARE(run(query("4.0")).first(), QStringLiteral("B0 wm=0: | ops=[1/0, 2/0]"));
    }

    /// Before 3.4 (3.1-3.3) a non-inner stream-stream join can emit rows behind the global
    /// watermark (isStatefulOperationPossiblyEmitLateRows): an aggregation after it is refused.
    /// Two aggregations after a join hit checkForStreaming's "Multiple streaming aggregations".
    void outerJoinThenAggregationBefore34()
    {
        QCOMPARE(run(timeIntervalJoin("3.3", "leftOuter", "timestamp1", kIntervalSteps)), correctnessError());
        QCOMPARE(run(timeIntervalJoin("3.1", "leftOuter", "timestamp1", kIntervalSteps)), correctnessError());
        // 3.0 only logs the pattern.
        QVERIFY(!runMode(timeIntervalJoin("3.0", "leftOuter", "timestamp1", kIntervalSteps).load(), OutputMode::Append).error);
        const TestScenario twoAggs = intJoin("3.3", {{{1}, {1}}}, "inner", std::string(kWindowCount5s) + R"(, "then": [{"groupBy": ["count"], "agg": [{"fn": "count", "as": "n"}]}])");
        QCOMPARE(run(twoAggs), QStringList{"error: Multiple streaming aggregations are not supported with streaming DataFrames/Datasets"});
        // A join runs in append mode only; an aggregation after it does not change that.
        const Scenario update = intJoin("3.5", {{{1}, {1}}}, "inner", kWindowCount5s).load();
        QVERIFY(runMode(update, OutputMode::Update).error);
    }

    /// "stream-stream time interval left outer join -> aggregation, append mode" (3.5+): the
    /// aggregation reads the join's output watermark, the input watermark minus the hour of the
    /// range and 1 ms, so the window [01:00, 01:10) waits until the join has emitted its
    /// unmatched left row 01:00:30 with nulls.
    void timeIntervalLeftOuterJoinToAggregation()
    {
        const TestScenario sc = timeIntervalJoin("3.5", "leftOuter", "timestamp1", kIntervalSteps);
        const ModeRun r = runMode(sc.load(), OutputMode::Append);
        QVERIFY(!r.error);
        QStringList rows;
        for (const BatchRecord& b : r.batches)
            for (const Row& row : b.sinkRows)
                rows << QStringLiteral("B%1: %2").arg(b.batchId).arg(QString::fromStdString(describeRow(row, r.plan->output)));
        // CheckAnswer() twice, then CheckAnswer(("2023-01-01 01:00:00", "2023-01-01 01:10:00", 2)).
        QCOMPARE(rows, QStringList{QStringLiteral("B5: [%1,%2) 2").arg(kDay + 3600).arg(kDay + 4200)});
        QCOMPARE(r.batches.size(), std::size_t(6));
        // The Execute blocks: the aggregation's eventTimeWatermarkForEviction per no-data batch.
        const JoinPlan& join = *r.plan->join;
        const Millis expected[] = {(kDay + 20) * 1000 - 1, (kDay + 900) * 1000 - 1, (kDay + 4560) * 1000 - 1};
        for (int i = 0; i < 3; ++i) {
            const BatchRecord& noData = r.batches[static_cast<size_t>(2 * i + 1)];
            QVERIFY(noData.noData);
            QCOMPARE(joinOutputWatermarkMs(join, noData.watermarkMs), expected[i]);
        }
        // The joined output with nulls reached the aggregation: its state holds [01:10, 01:20) only.
        QCOMPARE(r.batches.back().operators.front().numRowsTotal, std::int64_t(1));
        QCOMPARE(r.batches.back().operators.back().operatorName, std::string("symmetricHashJoin"));
        // Without the propagation (allowMultiple=false: one watermark for every operator) the
        // window is emitted before the null row reaches it, and that row is dropped as late.
        const TestScenario single = timeIntervalJoin("3.5", "leftOuter", "timestamp1", kIntervalSteps,
                                                     R"("spark.sql.streaming.statefulOperator.allowMultiple": false)");
        const ModeRun s = runMode(single.load(), OutputMode::Append);
        QVERIFY(!s.error);
        std::size_t droppedAfterJoin = 0;
        QStringList singleRows;
        for (const BatchRecord& b : s.batches) {
            droppedAfterJoin += b.chainDroppedRows.size();
            for (const Row& row : b.sinkRows)
                singleRows << QString::fromStdString(describeRow(row, s.plan->output));
        }
        QCOMPARE(singleRows, QStringList{QStringLiteral("[%1,%2) 1").arg(kDay + 3600).arg(kDay + 4200)});
        QCOMPARE(droppedAfterJoin, std::size_t(2));
    }

    /// "stream-stream time interval right outer join -> aggregation, append mode": the same
    /// with the sides swapped; the window is over the right side's event time.
    void timeIntervalRightOuterJoinToAggregation()
    {
        std::vector<std::pair<std::vector<std::pair<int, int>>, std::vector<std::pair<int, int>>>> swapped;
        for (const auto& [l, r] : kIntervalSteps)
            swapped.emplace_back(r, l);
        const ModeRun r = runMode(timeIntervalJoin("4.0", "rightOuter", "timestamp2", swapped).load(), OutputMode::Append);
        QVERIFY(!r.error);
        QStringList rows;
        for (const BatchRecord& b : r.batches)
            for (const Row& row : b.sinkRows)
                rows << QString::fromStdString(describeRow(row, r.plan->output));
        QCOMPARE(rows, QStringList{QStringLiteral("[%1,%2) 2").arg(kDay + 3600).arg(kDay + 4200)});
    }

    /// "stream-stream time interval join - output watermark for various intervals":
    /// produceOutputWatermark(0) for three ranges of leftEventTime around rightEventTime.
    void outputWatermarkForVariousIntervals()
    {
        auto outputWatermark = [](const std::string& range) {
            TestScenario sc;
            sc.sparkVersion = "3.5";
            sc.extraSources = R"("l": {"schema": {"id": "string", "t": "timestamp"}, "events": [{"at": 0, "row": {"id": "1", "t": 0}}]},
                                 "r": {"schema": {"id": "string", "t": "timestamp"}, "events": []})";
            sc.query = std::string("\"join\": {\"left\": {\"source\": \"l\", \"selectExpr\": [\"id AS leftId\", \"t AS leftEventTime\"], ")
                       + "\"withWatermark\": {\"column\": \"leftEventTime\", \"delay\": \"5 minutes\"}}, "
                       + "\"right\": {\"source\": \"r\", \"selectExpr\": [\"id AS rightId\", \"t AS rightEventTime\"], "
                       + "\"withWatermark\": {\"column\": \"rightEventTime\", \"delay\": \"10 minutes\"}}, "
                       + "\"on\": \"leftId = rightId AND leftEventTime BETWEEN " + range + "\", \"type\": \"inner\"}, \"outputMode\": \"append\"";
            auto plan = analyze(sc.load());
            return plan.ok() ? joinOutputWatermarkMs(*plan->join, 0) : Millis(1);
        };
        QCOMPARE(outputWatermark("rightEventTime AND rightEventTime + INTERVAL 40 seconds"), Millis(-40 * 1000 - 1));
        QCOMPARE(outputWatermark("rightEventTime - INTERVAL 30 seconds AND rightEventTime"), Millis(-30 * 1000 - 1));
        QCOMPARE(outputWatermark("rightEventTime - INTERVAL 30 seconds AND rightEventTime + INTERVAL 40 seconds"), Millis(-40 * 1000 - 1));
        QCOMPARE(propagatedInputWatermarkMs(-40001), Millis(0));
    }

    /// "Why?" of a joined input row follows its output into the operator after the join and
    /// names the watermark that operator judged it with (3.5: the join's output watermark).
    void whyFollowsTheJoinedRow()
    {
        const Scenario sc = timeIntervalJoin("3.5", "leftOuter", "timestamp1", kIntervalSteps).load();
        const ModeRun r = runMode(sc, OutputMode::Append);
        QVERIFY(!r.error);
        const RowFate* unmatched = nullptr; // the left row 01:00:30, emitted with nulls in batch 5
        for (const BatchRecord& b : r.batches)
            for (const RowFate& f : b.fates)
                if (f.hasEventTime && f.eventTime == (kDay + 3630) * kMicrosPerSecond)
                    unmatched = &f;
        QVERIFY(unmatched);
        const QString why = QString::fromStdString(explainFate(*unmatched, r, sc));
        QVERIFY2(why.contains("Batch 5: the joined row went on to stateful operator 2 (groupBy/agg, query)"), qPrintable(why));
        QVERIFY2(why.contains("watermark for late rows, 2023-01-01 00:14:59.999"), qPrintable(why));
    }

    /// EventTimeWatermarkSuite "stateful operator should pick the first occurrence of event time
    /// column if there is multiple event time columns in compatibility mode" (allowMultiple=false:
    /// the dedup after the join reads ts1's watermark), and "multiple event time columns in an
    /// input DataFrame for stateful operator is not allowed" (Spark fails the first batch; here
    /// the file is refused before it runs).
    void multipleEventTimeColumnsAfterAJoin()
    {
        auto query = [](const std::string& conf) {
            const std::vector<std::pair<std::int64_t, std::string>> in1 = {{100, "\"a\": \"A\", \"b\": 200"}, {100, "\"a\": \"B\", \"b\": 300"}};
            const std::vector<std::pair<std::int64_t, std::string>> in2 = {{100, "\"a\": \"A\", \"b\": 190"}, {100, "\"a\": \"C\", \"b\": 350"}};
            const std::string schema = "\"a\": \"string\", \"b\": \"long\"";
            TestScenario sc = joined("3.5", source("in1", schema, in1) + ", " + source("in2", schema, in2),
                                     R"({"source": "in1", "selectExpr": ["a AS id1", "timestamp_seconds(b) AS ts1"], "withWatermark": {"column": "ts1", "delay": "1 minute"}})",
                                     R"({"source": "in2", "selectExpr": ["a AS id2", "timestamp_seconds(b) AS ts2"], "withWatermark": {"column": "ts2", "delay": "2 minutes"}})",
                                     "id1 = id2 AND ts1 = ts2 + INTERVAL 10 SECONDS", "inner",
                                     R"("selectExpr": ["id1", "ts1", "ts2"], "dropDuplicates": [],
                                        "then": [{"selectExpr": ["id1", "CAST(ts1 AS LONG) AS ts1", "CAST(ts2 AS LONG) AS ts2"]}])");
            sc.conf = conf;
            return sc;
        };
        QCOMPARE(run(query(R"("spark.sql.streaming.statefulOperator.allowMultiple": false)")).first(), QStringLiteral("B0 wm=0: A 200 190 | ops=[1/0, 4/0]"));
        const auto refused = analyze(query({}).load());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("more than one event-time column") != std::string::npos, refused.error().message.c_str());
    }

    /// After a join, dropDuplicates reads an input with both sides' event times: 3.5+ refuses
    /// that (findEventTimeColumn); with one selected it runs, its state evicted by that column.
    void dedupAfterJoin()
    {
        const TestScenario both = intJoin("3.5", {{{1, 2}, {1, 2}}}, "inner", R"("dropDuplicates": ["value1", "eventTime1"])");
        QVERIFY(run(both).first().startsWith("error: "));
        const TestScenario one = intJoin("3.5", {{{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}}, "inner",
                                         R"("selectExpr": ["value1", "eventTime1"], "dropDuplicates": ["value1", "eventTime1"])");
        QCOMPARE(run(one), lines(
            "B0 wm=0: 1 1; 2 2 | ops=[2/0, 4/0]\n"
            "B1 nodata wm=2: | ops=[0/0, 0/0]\n"
            "B2 wm=2: 3 3 | ops=[1/0, 2/2]\n" // the join drops the late 2s; the dedup keeps 3
            "B3 nodata wm=3: | ops=[0/0, 0/0]"));
    }
};

QTEST_GUILESS_MAIN(TestJoinChainSuite)
#include "tst_joinchainsuite.moc"
