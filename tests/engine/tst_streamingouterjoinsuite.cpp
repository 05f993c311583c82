// SPDX-License-Identifier: GPL-3.0-or-later
// The tests of Spark's StreamingOuterJoinSuite, StreamingFullOuterJoinSuite and
// StreamingLeftSemiJoinSuite (sql/core/src/test/.../streaming/StreamingJoinSuite.scala) that
// tst_sparkjoinsuite.cpp and tst_streamingjoinsuite.cpp do not transcribe already: the joins
// with a time range condition (setupJoinWithRangeCondition), the self joins (setupSelfJoin),
// SPARK-32148 and SPARK-38684. Each slot names the Spark test it transcribes.
//
// Transcription: each AddData is one arrival at 100 + 10 * i seconds, with a 1-second trigger,
// so the no-data batch Spark runs after a watermark advance comes before the next data, as with
// processAllAvailable. The batches of one AddData are one "step", checked as the Scala test
// checks it (StateStoreMetricsTest): the rows of CheckAnswer / CheckNewAnswer are every row of
// the step's batches; `total` is the step's last batch's numRowsTotal, `updated` the
// numRowsUpdated of every batch since the previous assertNumStateRows, summed (as
// StateStoreMetricsTest sums the progresses since its last check). Only what the Scala test
// asserts is compared: a step without assertNumStateRows shows its rows only.
//
// Output rows are the join's own columns, the left side's then the right side's: the test's
// final select only picks and orders them (and casts the times to int seconds). The event
// times are timestamp_seconds of the test's seconds, as in the setups, and a row shows them as
// those seconds. The values the test's select drops (leftKey * 2, rightKey * 3) follow from
// the setup.
//
// Not transcribed, because Tidemark cannot express them (see docs/spark-tests.md):
// - "SPARK-26187 restore the stream-stream outer join query from Spark 2.4": restores a
//   checkpoint written by Spark 2.4.0 and expects the query to fail.
// - "SPARK-29438: ensure UNION doesn't lead stream-stream join to use shifted partition IDs":
//   about partition ids after a restart with another number of source partitions.
#include "tests/support/DescribedRun.h"
#include "tests/support/MemoryStreams.h"
#include "tests/support/TestScenario.h"

#include "engine/exec/RunRecord.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// (key, seconds) rows of one AddData: the test's MemoryStream[(Int, Int)] or [(Int, Long)].
using Pairs = std::vector<std::pair<int, int>>;

struct Step {
    std::string source; ///< the MemoryStream added to
    Pairs rows;
};

const std::string kPairSchema = R"({"k": "long", "t": "long"})";

std::string events(const std::vector<Step>& steps, const std::string& source)
{
    std::string out;
    for (size_t i = 0; i < steps.size(); ++i)
        if (steps[i].source == source)
            for (const auto& [k, t] : steps[i].rows)
                out += std::string(out.empty() ? "" : ",") + "{\"at\": " + std::to_string(100 + 10 * i) + ", \"row\": {\"k\": "
                       + std::to_string(k) + ", \"t\": " + std::to_string(t) + "}}";
    return out;
}

TestScenario scenario(const std::vector<std::string>& sources, const std::vector<Step>& steps, const std::string& join)
{
    TestScenario sc;
    for (const std::string& s : sources)
        sc.extraSources += std::string(sc.extraSources.empty() ? "" : ",") + "\"" + s + "\": {\"schema\": " + kPairSchema
                           + ", \"events\": [" + events(steps, s) + "]}";
    sc.query = "\"join\": " + join + ", \"outputMode\": \"append\", \"trigger\": {\"processingTime\": \"1 second\"}";
    return sc;
}

/// setupJoinWithRangeCondition(joinType, watermark, lowerBound, upperBound): (leftKey, time)
/// and (rightKey, time), values key * 2 and key * 3, joined on
/// `leftKey = rightKey AND leftTime BETWEEN rightTime - lower AND rightTime + upper`.
/// Rows: leftKey leftTime leftValue rightKey rightTime rightValue (a left semi join: the left's).
TestScenario rangeJoin(const std::string& type, const std::vector<Step>& steps, const std::string& watermark = "10 seconds",
                       const std::string& bound = "INTERVAL 5 SECONDS")
{
    auto side = [&](const std::string& p, int multiplier) {
        return "{\"source\": \"" + p + "\", \"selectExpr\": [\"k AS " + p + "Key\", \"timestamp_seconds(t) AS " + p + "Time\", \"k * "
               + std::to_string(multiplier) + " AS " + p + "Value\"], \"withWatermark\": {\"column\": \"" + p + "Time\", \"delay\": \""
               + watermark + "\"}}";
    };
    return scenario({"left", "right"}, steps,
                    "{\"left\": " + side("left", 2) + ", \"right\": " + side("right", 3) + ", \"on\": \"leftKey = rightKey AND leftTime BETWEEN rightTime - "
                        + bound + " AND rightTime + " + bound + "\", \"type\": \"" + type + "\"}");
}

/// setupSelfJoin(joinType): one stream of (value, seconds); the right side keeps the even
/// values; a 5 s watermark on each side; joined on
/// `leftId = rightId AND rightTime >= leftTime AND rightTime <= leftTime + interval 5 seconds`.
/// `mirrored`: the "SPARK-26187 self right outer join" test's query, left and right swapped
/// (the left side keeps the even values, `leftTime >= rightTime AND leftTime <= rightTime + 5 s`).
/// Rows: leftId leftTime rightId rightTime (a left semi join: the left's).
TestScenario selfJoin(const std::string& type, const std::vector<Pairs>& adds, bool mirrored = false)
{
    std::vector<Step> steps;
    for (const Pairs& p : adds)
        steps.push_back({"s", p});
    auto side = [](const std::string& p, bool even) {
        return "{\"source\": \"s\", \"selectExpr\": [\"k AS " + p + "Id\", \"timestamp_seconds(t) AS " + p + "Time\"]"
               + (even ? ", \"where\": \"" + p + "Id % 2 = 0\"" : std::string()) + ", \"withWatermark\": {\"column\": \"" + p
               + "Time\", \"delay\": \"5 seconds\"}}";
    };
    const std::string on = mirrored ? "leftId = rightId AND leftTime >= rightTime AND leftTime <= rightTime + INTERVAL 5 SECONDS"
                                    : "leftId = rightId AND rightTime >= leftTime AND rightTime <= leftTime + INTERVAL 5 SECONDS";
    return scenario({"s"}, steps,
                    "{\"left\": " + side("left", mirrored) + ", \"right\": " + side("right", !mirrored) + ", \"on\": \"" + on + "\", \"type\": \""
                        + type + "\"}");
}

struct StepResult {
    QStringList rows; ///< sorted
    std::int64_t total = -1;
    std::int64_t updated = 0;
};

std::vector<StepResult> stepsOf(const TestScenario& sc, int steps, QString* error)
{
    const ModeRun r = runMode(sc.load(), OutputMode::Append);
    if (r.error) {
        *error = QString::fromStdString(r.error->message);
        return {};
    }
    std::vector<StepResult> out(steps);
    for (int step = 0; step < steps; ++step) {
        for (const BatchRecord& b : r.batches) {
            if (!inStep(b, step))
                continue;
            for (const Row& row : b.sinkRows)
                out[step].rows << QString::fromStdString(describeRow(row, r.plan->output));
            if (!b.operators.empty()) {
                out[step].total = b.operators[0].numRowsTotal;
                out[step].updated += b.operators[0].numRowsUpdated;
            }
        }
        out[step].rows.sort();
    }
    return out;
}

/// One expected step: the rows of its CheckNewAnswer, and its assertNumStateRows(total,
/// updated) if it has one (total -1: none). As in StateStoreMetricsTest, `updated` is summed
/// over the batches since the previous assertNumStateRows.
struct Expect {
    QStringList rows;
    std::int64_t total = -1;
    std::int64_t updated = 0;
};

QString describe(const QStringList& rows, std::int64_t total, std::int64_t updated)
{
    QString s = rows.join(QStringLiteral("; "));
    if (total >= 0)
        s += QStringLiteral(" | total=%1 updated=%2").arg(total).arg(updated);
    return s;
}

/// The whole run on failure, not only the first step that differs.
#define COMPARE_STEPS(sc, ...)                                                                                                     \
    do {                                                                                                                           \
        const std::vector<Expect> want_{__VA_ARGS__};                                                                              \
        QString error_;                                                                                                            \
        const std::vector<StepResult> got_ = stepsOf((sc), int(want_.size()), &error_);                                            \
        QVERIFY2(error_.isEmpty(), qPrintable(error_));                                                                            \
        QStringList gotLines_, wantLines_;                                                                                         \
        std::int64_t updatedSince_ = 0;                                                                                            \
        for (size_t i_ = 0; i_ < want_.size(); ++i_) {                                                                             \
            QStringList expectedRows_ = want_[i_].rows;                                                                            \
            expectedRows_.sort();                                                                                                  \
            updatedSince_ += got_[i_].updated;                                                                                     \
            const bool asserted_ = want_[i_].total >= 0;                                                                           \
            gotLines_ << describe(got_[i_].rows, asserted_ ? got_[i_].total : -1, updatedSince_);                                  \
            wantLines_ << describe(expectedRows_, want_[i_].total, want_[i_].updated);                                             \
            if (asserted_)                                                                                                         \
                updatedSince_ = 0;                                                                                                 \
        }                                                                                                                          \
        QVERIFY2(gotLines_ == wantLines_,                                                                                          \
                 qPrintable(QStringLiteral("got:\n%1\nexpected:\n%2").arg(gotLines_.join('\n'), wantLines_.join('\n'))));          \
    } while (false)

/// A range join's row: (key, seconds) on the left, (key, seconds) on the right.
QString lr(int lk, int lt, int rk, int rt)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6").arg(lk).arg(lt).arg(lk * 2).arg(rk).arg(rt).arg(rk * 3);
}
QString leftOnly(int lk, int lt) { return QStringLiteral("%1 %2 %3 null null null").arg(lk).arg(lt).arg(lk * 2); }
QString rightOnly(int rk, int rt) { return QStringLiteral("null null null %1 %2 %3").arg(rk).arg(rt).arg(rk * 3); }

/// A self join's row: (id, seconds), (id, seconds); a negative id is null.
QString ids(int l, int r)
{
    auto side = [](int v) { return v < 0 ? QStringLiteral("null null") : QStringLiteral("%1 %1").arg(v); };
    return side(l) + ' ' + side(r);
}

Pairs upTo(int from, int to)
{
    Pairs p;
    for (int v = from; v <= to; ++v)
        p.push_back({v, v});
    return p;
}

/// The steps of "left outer with watermark range condition" and "right outer ...": the
/// second run (10 minute watermark, 3 min 30 s bounds) has the times of the first's steps
/// `scaled`; `outer` is the outer row of the last step.
void rangeOuter(const std::string& type, const std::string& watermark, const std::string& bound, bool minutes, const QString& outer)
{
    if (!minutes) {
        COMPARE_STEPS(rangeJoin(type, {{"left", {{1, 5}, {3, 5}}}, {"right", {{1, 10}, {2, 5}}}, {"right", {{1, 11}}},
                                       {"left", {{1, 7}, {1, 30}}}, {"right", {{0, 30}}}}, watermark, bound),
                      Expect{{}},                                      // AddData(leftInput, (1, 5), (3, 5)), CheckAnswer()
                      Expect{{lr(1, 5, 1, 10)}},                       // (1, 1, 5, 10)
                      Expect{{}, 5, 5},                                // no match as left time is too low; total 5, updated 5
                      Expect{{lr(1, 7, 1, 10), lr(1, 7, 1, 11)}, 7, 2}, // (1, 1, 7, 10), (1, 1, 7, 11); total 7, updated 2
                      Expect{{outer}, 2, 1});                          // watermark = 20: outerResult; total 2, updated 1
    } else {
        COMPARE_STEPS(rangeJoin(type, {{"left", {{1, 210}, {3, 5}}}, {"right", {{1, 300}, {2, 5}}}, {"right", {{1, 450}}},
                                       {"left", {{1, 260}, {1, 1800}}}, {"right", {{0, 1800}}}}, watermark, bound),
                      Expect{{}},                                          // CheckAnswer()
                      Expect{{lr(1, 210, 1, 300)}},                        // (1, 1, 210, 300)
                      Expect{{}, 5, 5},                                    // total 5, updated 5
                      Expect{{lr(1, 260, 1, 300), lr(1, 260, 1, 450)}, 7, 2}, // total 7, updated 2
                      Expect{{outer}, 2, 1});                              // outerResult; total 2, updated 1
    }
}

} // namespace

class TestStreamingOuterJoinSuite : public QObject {
    Q_OBJECT
private slots:
    /// StreamingOuterJoinSuite "left outer with watermark range condition": the default setup,
    /// then a 10 minute watermark with bounds `interval 3 minutes 30 seconds` and
    /// `interval '3:30' minute to second`. outerResult Row(3, null, 5, null).
    void leftOuterWithWatermarkRangeCondition_data()
    {
        QTest::addColumn<QString>("watermark");
        QTest::addColumn<QString>("bound");
        QTest::addColumn<bool>("minutes");
        QTest::addColumn<QString>("outer");
        QTest::newRow("10 seconds, 5 seconds") << "10 seconds" << "INTERVAL 5 SECONDS" << false << leftOnly(3, 5);
        QTest::newRow("10 minutes, 3 minutes 30 seconds") << "10 minutes" << "interval 3 minutes 30 seconds" << true << leftOnly(3, 5);
        QTest::newRow("10 minutes, '3:30' minute to second") << "10 minutes" << "interval '3:30' minute to second" << true << leftOnly(3, 5);
    }
    void leftOuterWithWatermarkRangeCondition()
    {
        QFETCH(QString, watermark);
        QFETCH(QString, bound);
        QFETCH(bool, minutes);
        QFETCH(QString, outer);
        rangeOuter("leftOuter", watermark.toStdString(), bound.toStdString(), minutes, outer);
    }

    /// StreamingOuterJoinSuite "right outer with watermark range condition": as the left outer
    /// one; outerResult Row(null, 2, null, 5).
    void rightOuterWithWatermarkRangeCondition_data()
    {
        QTest::addColumn<QString>("watermark");
        QTest::addColumn<QString>("bound");
        QTest::addColumn<bool>("minutes");
        QTest::addColumn<QString>("outer");
        QTest::newRow("10 seconds, 5 seconds") << "10 seconds" << "INTERVAL 5 SECONDS" << false << rightOnly(2, 5);
        QTest::newRow("10 minutes, 3 minutes 30 seconds") << "10 minutes" << "interval 3 minutes 30 seconds" << true << rightOnly(2, 5);
        QTest::newRow("10 minutes, '3:30' minute to second") << "10 minutes" << "interval '3:30' minute to second" << true << rightOnly(2, 5);
    }
    void rightOuterWithWatermarkRangeCondition()
    {
        QFETCH(QString, watermark);
        QFETCH(QString, bound);
        QFETCH(bool, minutes);
        QFETCH(QString, outer);
        rangeOuter("rightOuter", watermark.toStdString(), bound.toStdString(), minutes, outer);
    }

    /// StreamingOuterJoinSuite "SPARK-26187 self left outer join should not return outer nulls
    /// for already matched rows"
    void selfLeftOuterJoinNoOuterNullsForMatchedRows()
    {
        COMPARE_STEPS(selfJoin("leftOuter", {upTo(1, 5), upTo(6, 10), upTo(11, 15)}),
                      Expect{{ids(2, 2), ids(4, 4)}, 7, 7},                   // (2, 2L, 2, 2L), (4, 4L, 4, 4L); assertNumStateRows(7, 7)
                      Expect{{ids(6, 6), ids(8, 8), ids(10, 10)}, 13, 8},     // (6..), (8..), (10..); assertNumStateRows(13, 8)
                      Expect{{ids(12, 12), ids(14, 14), ids(1, -1), ids(3, -1)}, 15, 7}); // + (1, 1L, null, null), (3, 3L, null, null)
    }

    /// StreamingOuterJoinSuite "SPARK-26187 self right outer join should not return outer
    /// nulls for already matched rows": the left outer query with its sides swapped.
    void selfRightOuterJoinNoOuterNullsForMatchedRows()
    {
        COMPARE_STEPS(selfJoin("rightOuter", {upTo(1, 5), upTo(6, 10), upTo(11, 15)}, true),
                      Expect{{ids(2, 2), ids(4, 4)}, 7, 7},
                      Expect{{ids(6, 6), ids(8, 8), ids(10, 10)}, 13, 8},
                      Expect{{ids(12, 12), ids(14, 14), ids(-1, 1), ids(-1, 3)}, 15, 7}); // + (null, null, 1, 1L), (null, null, 3, 3L)
    }

    /// StreamingOuterJoinSuite "SPARK-32148 stream-stream join regression on Spark 3.0.0":
    /// watermarks of 2 and 4 minutes, `left.id = right.id AND left.eventTime BETWEEN
    /// right.eventTime - INTERVAL 30 seconds AND right.eventTime + INTERVAL 30 seconds`, one
    /// MultiAddData. Times are seconds since the epoch: Timestamp.valueOf("2020-01-01 00:00:00")
    /// is 1577836800 here (the test's times only compare with each other).
    void spark32148StreamStreamJoinRegression()
    {
        const std::int64_t day1 = 1577836800, day2 = day1 + 86400;
        auto row = [](std::int64_t t, const std::string& text, const char* column) {
            return "{\"at\": 100, \"row\": {\"eventTime\": " + std::to_string(t) + ", \"id\": \"abc\", \"" + column + "\": \"" + text + "\"}}";
        };
        TestScenario sc;
        sc.extraSources = R"("left": {"schema": {"eventTime": "timestamp", "id": "string", "comment": "string"}, "events": [)" + row(day1, "has no join partner", "comment")
                          + "," + row(day2, "joined with A", "comment") + "," + row(day2 + 3600, "joined with B", "comment") + "]},"
                          + R"("right": {"schema": {"eventTime": "timestamp", "id": "string", "name": "string"}, "events": [)" + row(day2 + 10, "A", "name") + ","
                          + row(day2 + 3599, "B", "name") + "," + row(day2 + 7200, "C", "name") + "]}";
        sc.query = R"("join": {"left": {"source": "left", "withWatermark": {"column": "eventTime", "delay": "2 minutes"}},)"
                   R"( "right": {"source": "right", "withWatermark": {"column": "eventTime", "delay": "4 minutes"}},)"
                   R"( "on": "left.id = right.id AND left.eventTime BETWEEN right.eventTime - INTERVAL 30 seconds AND right.eventTime + INTERVAL 30 seconds",)"
                   R"( "type": "leftOuter"}, "outputMode": "append", "trigger": {"processingTime": "1 second"})";
        COMPARE_STEPS(sc, Expect{{QStringLiteral("%1 abc has no join partner null null null").arg(day1),
                                  QStringLiteral("%1 abc joined with A %2 abc A").arg(day2).arg(day2 + 10),
                                  QStringLiteral("%1 abc joined with B %2 abc B").arg(day2 + 3600).arg(day2 + 3599)}});
    }

    /// StreamingOuterJoinSuite "SPARK-38684: outer join works correctly even if processing
    /// input rows and evicting state rows for same grouping key happens in the same
    /// micro-batch": no no-data batches (spark.sql.streaming.noDataMicroBatches.enabled false),
    /// so each step is one batch; 0 second watermarks; the SPARK-32148 condition. The test's
    /// RocksDB state store provider changes nothing Tidemark models. Times: seconds since the
    /// epoch, Timestamp.valueOf("2020-01-02 00:00:00") being 1577923200 here.
    void spark38684OuterJoinInputAndEvictionInOneBatch()
    {
        const std::int64_t d = 1577923200;
        auto row = [](int at, std::int64_t t, const std::string& comment) {
            return "{\"at\": " + std::to_string(at) + ", \"row\": {\"eventTime\": " + std::to_string(t) + ", \"id\": \"abc\", \"comment\": \"" + comment + "\"}}";
        };
        const std::string schema = R"({"eventTime": "timestamp", "id": "string", "comment": "string"})";
        TestScenario sc;
        sc.extraSources = "\"left\": {\"schema\": " + schema + ", \"events\": [" + row(100, d, "left in batch 1") + "," + row(110, d + 3600, "left in batch 2")
                          + "," + row(120, d + 5400, "left in batch 3") + "]}," + "\"right\": {\"schema\": " + schema + ", \"events\": ["
                          + row(100, d + 60, "right in batch 1") + "," + row(110, d + 3660, "right in batch 2") + ","
                          + row(130, d + 5410, "match with left in batch 3") + "]}";
        sc.conf = R"("spark.sql.streaming.noDataMicroBatches.enabled": false)";
        sc.query = R"("join": {"left": {"source": "left", "withWatermark": {"column": "eventTime", "delay": "0 second"}},)"
                   R"( "right": {"source": "right", "withWatermark": {"column": "eventTime", "delay": "0 second"}},)"
                   R"( "on": "left.id = right.id AND left.eventTime BETWEEN right.eventTime - INTERVAL 30 seconds AND right.eventTime + INTERVAL 30 seconds",)"
                   R"( "type": "leftOuter"}, "outputMode": "append", "trigger": {"processingTime": "1 second"})";
        COMPARE_STEPS(sc, Expect{{}}, // MultiAddData(left in batch 1, right in batch 1), CheckNewAnswer()
                      Expect{{}},     // MultiAddData(left in batch 2, right in batch 2): watermark 00:00:00, CheckNewAnswer()
                      Expect{{QStringLiteral("%1 abc left in batch 1 null null null").arg(d)}}, // watermark 01:00:00
                      Expect{{QStringLiteral("%1 abc left in batch 2 null null null").arg(d + 3600),   // watermark 01:01:00
                              QStringLiteral("%1 abc left in batch 3 %2 abc match with left in batch 3").arg(d + 5400).arg(d + 5410)}});
    }

    /// StreamingFullOuterJoinSuite "full outer join with watermark range condition"
    void fullOuterJoinWithWatermarkRangeCondition()
    {
        COMPARE_STEPS(rangeJoin("fullOuter", {{"left", {{1, 5}, {3, 5}}}, {"right", {{1, 10}, {2, 5}}}, {"right", {{1, 9}}},
                                              {"left", {{1, 7}, {1, 30}}}, {"right", {{0, 30}}}}),
                      Expect{{}, 2, 2},                                 // total 2, updated 2
                      Expect{{lr(1, 5, 1, 10)}, 4, 2},                  // Row(1, 1, 5, 10); total 4, updated 2
                      Expect{{lr(1, 5, 1, 9)}, 5, 1},                   // Row(1, 1, 5, 9); total 5, updated 1
                      Expect{{lr(1, 7, 1, 9), lr(1, 7, 1, 10)}, 7, 2},  // Row(1, 1, 7, 9), Row(1, 1, 7, 10); total 7, updated 2
                      Expect{{leftOnly(3, 5), rightOnly(2, 5)}, 2, 1}); // Row(3, null, 5, null), Row(null, 2, null, 5); total 2, updated 1
    }

    /// StreamingFullOuterJoinSuite "self full outer join"
    void selfFullOuterJoin()
    {
        COMPARE_STEPS(selfJoin("fullOuter", {upTo(1, 5), upTo(6, 10), upTo(11, 15)}),
                      Expect{{ids(2, 2), ids(4, 4)}, 7, 7},
                      Expect{{ids(6, 6), ids(8, 8), ids(10, 10)}, 13, 8},
                      Expect{{ids(12, 12), ids(14, 14), ids(1, -1), ids(3, -1)}, 15, 7});
    }

    /// StreamingLeftSemiJoinSuite "left semi join with watermark range condition": a left row
    /// that matches is output once and not stored. Rows: leftKey leftTime leftValue.
    void leftSemiJoinWithWatermarkRangeCondition()
    {
        COMPARE_STEPS(rangeJoin("leftSemi", {{"left", {{1, 5}, {3, 5}}}, {"right", {{1, 10}, {2, 5}}}, {"right", {{1, 9}}},
                                             {"left", {{1, 7}, {1, 30}}}, {"right", {{0, 30}}}}),
                      Expect{{}, 2, 2},           // total 2, updated 2
                      Expect{{"1 5 2"}, 4, 2},    // (1, 5); total 4, updated 2
                      Expect{{}, 5, 1},           // no match as left row is already matched; total 5, updated 1
                      Expect{{"1 7 2"}, 6, 1},    // (1, 7); total 6, updated 1
                      Expect{{}, 2, 1});          // watermark = 20; total 2, updated 1
    }

    /// StreamingLeftSemiJoinSuite "self left semi join": the left side gets the right's
    /// `value % 2 = 0` too (the test's comment: PushPredicateThroughJoin, with the constraint
    /// inferred through `leftId = rightId`). Rows: leftId leftTime.
    void selfLeftSemiJoin()
    {
        COMPARE_STEPS(selfJoin("leftSemi", {upTo(1, 5), upTo(6, 10), upTo(11, 15)}),
                      Expect{{"2 2", "4 4"}, 4, 4},            // (2, 2), (4, 4); total 4, updated 4
                      Expect{{"6 6", "8 8", "10 10"}, 8, 6},   // (6, 6), (8, 8), (10, 10); total 8, updated 6
                      Expect{{"12 12", "14 14"}, 9, 4});       // (12, 12), (14, 14); total 9, updated 4
    }
};

QTEST_GUILESS_MAIN(TestStreamingOuterJoinSuite)
#include "tst_streamingouterjoinsuite.moc"
