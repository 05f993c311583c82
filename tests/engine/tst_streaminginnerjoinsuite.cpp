// SPDX-License-Identifier: GPL-3.0-or-later
// Spark's StreamingInnerJoinSuite (sql/core/src/test/.../streaming/StreamingJoinSuite.scala), the
// tests not transcribed elsewhere (see docs/spark-tests.md for those in tst_sparkjoinsuite,
// tst_streamingjoinsuite and tst_multiwayjoins). Each slot names the Spark test it transcribes.
//
// Transcription: each AddData is one arrival at 100 + 10 * i seconds, with a 1-second trigger,
// so the no-data batch Spark runs after a watermark advance comes before the next data, as with
// processAllAvailable. The batches of one AddData are one "step", checked as the Scala test
// checks it:
// - the rows: CheckAnswer / CheckNewAnswer after an AddData read every batch of the step,
//   compared as a multiset (Spark's order is its partitions');
// - assertNumStateRows (StateStoreMetricsTest): `total` is the step's last batch's
//   numRowsTotal; `updated` and `dropped` (by watermark) are summed over every batch since the
//   previous assertNumStateRows, as StateStoreMetricsTest sums the progresses since its last
//   check. Without droppedByWatermark the assertion expects 0 dropped rows.
// Only what the Scala test asserts is compared. Where the test's final select picks or casts
// columns, the check picks the same columns of Tidemark's row (the left side's columns, then the
// right side's; a `using` key once), timestamps shown in seconds as `CAST(... AS INT)` shows them.
//
// Where a Spark test stops and starts its query (StopStream, StartStream) the transcription runs
// on without the restart: a restart from the checkpoint keeps state and watermark, and these
// queries have no watermark, so no step depends on a no-data batch right after it.
#include "tests/support/DescribedRun.h"
#include "tests/support/MemoryStreams.h"
#include "tests/support/TestScenario.h"

#include "engine/exec/RunRecord.h"

#include <QtTest>

#include <optional>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// MemoryStream[(Int, Int)] steps: each pair is a row {"_1": a, "_2": b}.
std::vector<AddDataStep> pairs(const std::vector<std::pair<std::vector<std::pair<int, int>>, std::vector<std::pair<int, int>>>>& steps)
{
    auto row = [](const std::pair<int, int>& p) { return "{\"_1\": " + std::to_string(p.first) + ", \"_2\": " + std::to_string(p.second) + "}"; };
    std::vector<AddDataStep> out;
    for (const auto& [l, r] : steps) {
        AddDataStep s;
        for (const auto& p : l)
            s.first.push_back(row(p));
        for (const auto& p : r)
            s.second.push_back(row(p));
        out.push_back(std::move(s));
    }
    return out;
}

const std::string kIntSchema = R"({"value": "long"})";
const std::string kPairSchema = R"({"_1": "long", "_2": "long"})";

/// What the Scala test checks after one AddData: the rows of CheckNewAnswer (as "v1 v2 ..."),
/// and, when it calls assertNumStateRows, "total=T updated=U dropped=D".
struct StepCheck {
    QStringList rows;
    QString state;
};

/// Runs `sc` in append mode and describes each step as "rows: r1; r2 | state" (rows sorted,
/// `columns` picked from each row, all when empty), `state` as in StepCheck when the step
/// asserts it (`asserted[i]`), else empty.
QStringList stepsOf(const TestScenario& sc, std::size_t steps, const std::vector<int>& columns, const std::vector<bool>& asserted, QString* error = nullptr)
{
    const ModeRun r = runMode(sc.load(), OutputMode::Append);
    QStringList out;
    if (r.error) {
        if (error)
            *error = QString::fromStdString(r.error->text());
        out << QString::fromStdString("error: " + r.error->text());
        return out;
    }
    std::int64_t updatedSinceCheck = 0, droppedSinceCheck = 0;
    for (std::size_t step = 0; step < steps; ++step) {
        QStringList rows;
        std::int64_t total = 0;
        for (const BatchRecord& b : r.batches) {
            if (!inStep(b, step))
                continue;
            for (const Row& row : b.sinkRows) {
                const QStringList cells = QString::fromStdString(describeRow(row, r.plan->output)).split(' ');
                QStringList picked;
                if (columns.empty())
                    picked = cells;
                else
                    for (int c : columns)
                        picked << cells.value(c, QStringLiteral("?"));
                rows << picked.join(' ');
            }
            total = 0;
            for (const OperatorProgress& op : b.operators) {
                total += op.numRowsTotal;
                updatedSinceCheck += op.numRowsUpdated;
                droppedSinceCheck += op.numRowsDroppedByWatermark;
            }
        }
        rows.sort();
        QString line = rows.join(QStringLiteral("; ")) + " |";
        if (step < asserted.size() && asserted[step]) {
            line += QStringLiteral(" total=%1 updated=%2 dropped=%3").arg(total).arg(updatedSinceCheck).arg(droppedSinceCheck);
            updatedSinceCheck = droppedSinceCheck = 0;
        }
        out << line;
    }
    return out;
}

/// The expected lines of stepsOf.
QStringList expectedSteps(const std::vector<StepCheck>& checks)
{
    QStringList out;
    for (const StepCheck& c : checks) {
        QStringList rows = c.rows;
        rows.sort();
        out << rows.join(QStringLiteral("; ")) + " |" + (c.state.isEmpty() ? QString() : " " + c.state);
    }
    return out;
}

std::vector<bool> assertedSteps(const std::vector<StepCheck>& checks)
{
    std::vector<bool> out;
    for (const StepCheck& c : checks)
        out.push_back(!c.state.isEmpty());
    return out;
}

/// The whole run on failure, not only the first step that differs.
#define COMPARE_STEPS(sc, columns, checks)                                                                                         \
    do {                                                                                                                           \
        const QStringList got_ = stepsOf((sc), (checks).size(), (columns), assertedSteps(checks));                                 \
        const QStringList want_ = expectedSteps(checks);                                                                           \
        QVERIFY2(got_ == want_, qPrintable(QStringLiteral("got:\n%1\nexpected:\n%2\nbatches:\n%3")                                \
                                               .arg(got_.join('\n'), want_.join('\n'), describedRun((sc), OutputMode::Append).join('\n')))); \
    } while (false)

/// A time-range join's side: `toDF("<p>Key", "time")`, then `select('<p>Key,
/// timestamp_seconds($"time") as "<p>Time", ('<p>Key * m) as "<p>Value")` and
/// `withWatermark("<p>Time", delay)`.
std::string timedSide(const std::string& p, int multiplier, const std::string& delay)
{
    return "{\"source\": \"" + p + "\", \"selectExpr\": [\"_1 AS " + p + "Key\", \"timestamp_seconds(_2) AS " + p + "Time\", \"_1 * "
           + std::to_string(multiplier) + " AS " + p + "Value\"], \"withWatermark\": {\"column\": \"" + p + "Time\", \"delay\": \"" + delay
           + "\"}}";
}

/// `.select('leftKey, 'leftTime.cast("int"), 'rightTime.cast("int"))` of leftKey leftTime
/// leftValue rightKey rightTime rightValue.
const std::vector<int> kKeyLeftTimeRightTime = {0, 1, 4};

} // namespace

class TestStreamingInnerJoinSuite : public QObject {
    Q_OBJECT
private slots:
    /// "stream stream inner join on non-time column" (its two StopStream/StartStream left
    /// out): `df1.join(df2, "key")` without watermark, so every row stays in state. The last
    /// two AddData, with no check between them, arrive together (one of the schedules Spark
    /// may run them in; CheckNewAnswer reads both). Rows: key leftValue rightValue.
    void innerJoinOnNonTimeColumn()
    {
        const TestScenario sc = twoStreams(kIntSchema, ints({{{1}, {}}, {{}, {1, 10}}, {{10}, {}}, {{}, {1}}, {{1}, {}}, {{100}, {100}}}),
                                           R"({"left": {"source": "left", "selectExpr": ["value AS key", "value * 2 AS leftValue"]},)"
                                           R"( "right": {"source": "right", "selectExpr": ["value AS key", "value * 3 AS rightValue"]},)"
                                           R"( "using": ["key"], "type": "inner"})");
        const std::vector<StepCheck> checks = {
            {{}, {}},                         // AddData(input1, 1), CheckAnswer()
            {{"1 2 3"}, {}},                  // AddData(input2, 1, 10): 1 arrived on input1 first, should join
            {{"10 20 30"}, {}},               // AddData(input1, 10): 10 arrived on input2 first, should join
            {{"1 2 3"}, {}},                  // AddData(input2, 1): another 1 joins with 1 of input1
            {{"1 2 3", "1 2 3"}, {}},         // AddData(input1, 1): multiple 1s kept in state
            {{"100 200 300"}, {}},            // AddData(input1, 100), AddData(input2, 100)
        };
        COMPARE_STEPS(sc, std::vector<int>{}, checks);
    }

    /// "stream stream inner join with time range - with watermark - one side condition":
    /// `leftKey = rightKey AND leftTime < rightTime - interval 5 seconds`, 10-second watermarks
    /// on both sides. Left state is never removed (the condition bounds left times from above
    /// only); right state is removed where rightTime <= watermark + 5.
    void innerJoinWithTimeRangeOneSideCondition()
    {
        const TestScenario sc = twoStreams(
            kPairSchema,
            pairs({{{{1, 5}}, {}}, {{}, {{1, 11}}}, {{}, {{1, 10}}}, {{{1, 3}, {1, 30}}, {}}, {{}, {{0, 30}}}, {{}, {{1, 20}, {1, 21}, {1, 28}}},
                   {{{1, 20}, {1, 21}}, {}}}),
            "{\"left\": " + timedSide("left", 2, "10 seconds") + ", \"right\": " + timedSide("right", 3, "10 seconds")
                + ", \"on\": \"leftKey = rightKey AND leftTime < rightTime - interval 5 seconds\", \"type\": \"inner\"}");
        const std::vector<StepCheck> checks = {
            {{}, {}},                                                                   // AddData(leftInput, (1, 5)), CheckAnswer()
            {{"1 5 11"}, {}},                                                           // AddData(rightInput, (1, 11))
            {{}, "total=3 updated=3 dropped=0"},                                        // (1, 10): no match as 5 is not < 10 - 5
            {{"1 3 10", "1 3 11"}, "total=5 updated=2 dropped=0"},                      // (1, 3), (1, 30)
            {{}, "total=4 updated=1 dropped=0"},                                        // (0, 30): watermark 20, right (1, 11), (1, 10) removed
            {{"1 3 21", "1 5 21", "1 3 28", "1 5 28"}, "total=5 updated=1 dropped=1"},  // (1, 20) late; (1, 21) not stored; (1, 28) stored
            {{"1 21 28"}, "total=6 updated=1 dropped=1"},                               // (1, 20) late; (1, 21) joins (1, 28)
        };
        COMPARE_STEPS(sc, kKeyLeftTimeRightTime, checks);
    }

    /// "stream stream inner join with time range - with watermark - two side conditions":
    /// `leftKey = rightKey AND leftTime BETWEEN rightTime - interval 10 seconds AND rightTime +
    /// interval 5 seconds`, watermarks of 20 s (left) and 30 s (right); the global watermark is
    /// their minimum.
    void innerJoinWithTimeRangeTwoSideConditions()
    {
        const TestScenario sc = twoStreams(
            kPairSchema,
            pairs({{{{1, 20}}, {}},
                   {{}, {{1, 14}, {1, 15}, {1, 25}, {1, 26}, {1, 30}, {1, 31}}},
                   {{}, {{1, 60}}},
                   {{{1, 49}, {1, 50}, {1, 65}, {1, 66}}, {}},
                   {{{1, 30}, {1, 31}}, {}},
                   {{}, {{1, 80}}},
                   {{}, {{1, 46}, {1, 50}}}}),
            "{\"left\": " + timedSide("left", 2, "20 seconds") + ", \"right\": " + timedSide("right", 3, "30 seconds")
                + ", \"on\": \"leftKey = rightKey AND leftTime BETWEEN rightTime - interval 10 seconds AND rightTime + interval 5 seconds\","
                  " \"type\": \"inner\"}");
        const std::vector<StepCheck> checks = {
            {{}, {}},                                                                     // AddData(leftInput, (1, 20)), CheckAnswer()
            {{"1 20 15", "1 20 25", "1 20 26", "1 20 30"}, "total=7 updated=7 dropped=0"}, // right 14, 15, 25, 26, 30, 31
            {{}, {}},                                                                     // right (1, 60): matches nothing on the left
            {{"1 50 60", "1 65 60"}, "total=10 updated=5 dropped=0"},                     // left 49, 50, 65, 66; watermark 30: right 14, 15 removed
            {{"1 31 26", "1 31 30", "1 31 31"}, "total=11 updated=1 dropped=1"},          // left 30 late, only 31 added
            {{}, "total=6 updated=1 dropped=0"},                                          // right 80: watermark 46, 12 - 6 removed
            {{"1 49 50", "1 50 50"}, "total=7 updated=1 dropped=1"},                      // right 46 late, 50 added
        };
        COMPARE_STEPS(sc, kKeyLeftTimeRightTime, checks);
    }

    /// "stream stream inner join without equality predicate": `leftKey < rightKey` fails the
    /// query with "Stream-stream join without equality predicate is not supported" (the Scala
    /// test checks that the exception's text contains it).
    void innerJoinWithoutEqualityPredicate()
    {
        const TestScenario sc = twoStreams(kIntSchema, ints({{{1}, {}}}),
                                           R"({"left": {"source": "left", "selectExpr": ["value AS leftKey", "value * 2 AS leftValue"]},)"
                                           R"( "right": {"source": "right", "selectExpr": ["value AS rightKey", "value * 3 AS rightValue"]},)"
                                           R"( "on": "leftKey < rightKey", "type": "inner"})");
        const QStringList got = describedRun(sc, OutputMode::Append);
        QCOMPARE(got.size(), 1);
        QVERIFY2(got[0].startsWith(QStringLiteral("error: ")) && got[0].contains(QStringLiteral("Stream-stream join without equality predicate is not supported")),
                 qPrintable(got.join('\n')));
    }

    /// "stream stream self join" (its StopStream/StartStream left out): one MemoryStream read by
    /// both sides, `df.select('value % 5 as "key", 'value)` joined with itself on "key". The
    /// test's second CheckAnswer is the whole output so far. Rows: key value value.
    void streamStreamSelfJoin()
    {
        TestScenario sc;
        sc.extraSources = R"("s": {"schema": {"value": "long"}, "events": [)"
                          R"({"at": 100, "row": {"value": 1}}, {"at": 100, "row": {"value": 2}},)"
                          R"({"at": 110, "row": {"value": 3}}, {"at": 110, "row": {"value": 6}}]})";
        sc.query = R"("join": {"left": {"source": "s", "selectExpr": ["value % 5 AS key", "value"]},)"
                   R"( "right": {"source": "s", "selectExpr": ["value % 5 AS key", "value"]},)"
                   R"( "using": ["key"], "type": "inner"}, "outputMode": "append", "trigger": {"processingTime": "1 second"})";
        const QStringList steps = stepsOf(sc, 2, {}, {});
        QCOMPARE(steps.size(), 2);
        // AddData(input, 1, 2), CheckAnswer((1, 1, 1), (2, 2, 2))
        QCOMPARE(steps[0], QStringLiteral("1 1 1; 2 2 2 |"));
        // AddData(input, 3, 6), CheckAnswer((3, 3, 3), (1, 1, 1), (1, 1, 6), (2, 2, 2), (1, 6, 1), (1, 6, 6)): the whole output
        QStringList all = (steps[0].chopped(2) + "; " + steps[1].chopped(2)).split(QStringLiteral("; "));
        all.sort();
        QStringList want = {"3 3 3", "1 1 1", "1 1 6", "2 2 2", "1 6 1", "1 6 6"};
        want.sort();
        QCOMPARE(all, want);
    }
};

QTEST_GUILESS_MAIN(TestStreamingInnerJoinSuite)
#include "tst_streaminginnerjoinsuite.moc"
