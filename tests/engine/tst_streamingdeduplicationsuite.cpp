// SPDX-License-Identifier: GPL-3.0-or-later
// Spark's StreamingDeduplicationSuite (sql/core/src/test/.../streaming/StreamingDeduplicationSuite.scala),
// test by test. Each slot names the Spark test it transcribes.
//
// Transcription: each AddData is one arrival at 100 + 10 * i seconds, with a 1-second trigger,
// so the no-data batch Spark runs after a watermark advance comes before the next data, as with
// processAllAvailable. The batches of one AddData are one "step", checked as the Scala test
// checks it (StateStoreMetricsTest):
// - the rows: CheckAnswer / CheckNewAnswer read every batch of the step, CheckLastBatch only
//   its last batch;
// - `total` is the step's last batch's numRowsTotal; `updated`, `dropped` (by watermark),
//   `removed` and `dupes` (the numDroppedDuplicateRows custom metric) are summed over the step's
//   batches. One value per stateful operator, downstream first, as stateOperators lists them.
//   assertNumStateRows without droppedByWatermark expects 0 dropped rows.
// Only what the Scala test asserts is compared.
//
// Not transcribed, because Tidemark cannot express them (see docs/spark-tests.md):
// - "SPARK-29438: ensure UNION doesn't lead streaming deduplication to use shifted partition
//   IDs": about partition ids after a restart with another number of source partitions;
//   Tidemark runs one partition, and a union input has no dropDuplicates of its own.
// - "SPARK-39650: duplicate with specific keys should allow input to change schema",
//   "SPARK-39650: recovery from checkpoint having all columns as value schema with
//   sparkVersion=3.3.0 / 3.5.1", "SPARK-39650: recovery from checkpoint with changes on key
//   schema are not allowed with sparkVersion=3.3.0 / 3.5.1": the restarted query reads a
//   source with another schema, or a checkpoint written by another Spark release (a restart
//   whose projection changes the deduplication's input columns is refused as a change Tidemark
//   does not simulate).
// - "collation aware deduplication", "non-binary collation aware deduplication not
//   supported": string collations (try_cast to StringType("UTF8_LCASE")) are not modelled.
#include "tests/support/DescribedRun.h"
#include "tests/support/MemoryStreams.h"
#include "tests/support/StepLines.h"
#include "tests/support/TestScenario.h"

#include "engine/exec/RunRecord.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// What a step's line shows (only what the Scala test asserts).
enum Shown : unsigned {
    Total = 1,
    Updated = 2,
    Dropped = 4,
    Removed = 8,
    Dupes = 16,
    Name = 32,
    LastBatchOnly = 64, ///< CheckLastBatch: the rows of the step's last batch only
};

/// MemoryStream[Int] with .withColumn("eventTime", timestamp_seconds($"value"))
/// .withWatermark("eventTime", "10 seconds"), then `rest`.
TestScenario watermarkedInts(const std::vector<std::vector<int>>& steps, const std::string& rest)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto& step : steps) {
        rows.emplace_back();
        for (int v : step)
            rows.back().push_back(std::to_string(v));
    }
    return memoryStream({{"value", "long"}}, rows,
                        R"("selectExpr": ["value", "timestamp_seconds(value) AS eventTime"],
                           "withWatermark": {"column": "eventTime", "delay": "10 seconds"}, )" + rest);
}

/// `(1 to 5).flatMap(_ => (10 to 15))`
std::vector<int> tenToFifteenFiveTimes()
{
    std::vector<int> out;
    for (int i = 1; i <= 5; ++i)
        for (int v = 10; v <= 15; ++v)
            out.push_back(v);
    return out;
}

QString values(const std::vector<std::int64_t>& v)
{
    QStringList parts;
    for (std::int64_t x : v)
        parts << QString::number(x);
    return v.size() == 1 ? parts.first() : "[" + parts.join(",") + "]";
}

/// One line per step: "<rows> | total=... updated=... ..." as `shown` says.
QStringList steps(const TestScenario& sc, OutputMode mode, size_t count, unsigned shown)
{
    const ModeRun r = runMode(sc.load(), mode);
    if (r.error)
        return {QString::fromStdString("error: " + r.error->text())};
    QStringList out;
    for (size_t step = 0; step < count; ++step) {
        QStringList rows;
        std::vector<std::int64_t> total, updated, dropped, removed, dupes;
        QString name;
        for (size_t i = 0; i < r.batches.size(); ++i) {
            const BatchRecord& b = r.batches[i];
            if (!inStep(b, step))
                continue;
            if (shown & LastBatchOnly)
                rows.clear();
            for (const Row& row : r.sinkRowsOf(i))
                rows << QString::fromStdString(describeRow(row, r.plan->output));
            const size_t n = b.operators.size();
            total.assign(n, 0);
            updated.resize(n, 0);
            dropped.resize(n, 0);
            removed.resize(n, 0);
            dupes.resize(n, 0);
            QStringList names;
            for (size_t o = 0; o < n; ++o) {
                const OperatorProgress& op = b.operators[o];
                total[o] = op.numRowsTotal;
                updated[o] += op.numRowsUpdated;
                dropped[o] += op.numRowsDroppedByWatermark;
                removed[o] += op.numRowsRemoved;
                dupes[o] += op.numDroppedDuplicateRows.value_or(0);
                names << QString::fromStdString(op.operatorName);
            }
            name = names.join(",");
        }
        QString line = rows.join("; ") + " |";
        if (shown & Total)
            line += " total=" + values(total);
        if (shown & Updated)
            line += " updated=" + values(updated);
        if (shown & Dropped)
            line += " dropped=" + values(dropped);
        if (shown & Removed)
            line += " removed=" + values(removed);
        if (shown & Dupes)
            line += " dupes=" + values(dupes);
        if (shown & Name)
            line += " op=" + name;
        out << line;
    }
    return out;
}

const std::vector<std::pair<std::string, std::string>> kStringInt = {{"_1", "string"}, {"_2", "int"}};

} // namespace

class TestStreamingDeduplicationSuite : public QObject {
    Q_OBJECT
private slots:
    /// "deduplicate with all columns": MemoryStream[String].toDS().dropDuplicates().
    void deduplicateWithAllColumns()
    {
        const TestScenario sc = memoryStream({{"value", "string"}}, {{"a"}, {"a"}, {"b"}}, R"("dropDuplicates": [])");
        COMPARE_STEPS(steps(sc, OutputMode::Append, 3, Total | Updated | Dropped | LastBatchOnly), lines(
            "a | total=1 updated=1 dropped=0\n"   // CheckLastBatch("a"); assertNumStateRows(1, 1)
            " | total=1 updated=0 dropped=0\n"    // CheckLastBatch(); (1, 0)
            "b | total=2 updated=1 dropped=0"));  // CheckLastBatch("b"); (2, 1)
    }

    /// "deduplicate with some columns": MemoryStream[(String, Int)].dropDuplicates("_1").
    void deduplicateWithSomeColumns()
    {
        const TestScenario sc = memoryStream(kStringInt, {{"a 1"}, {"a 2"}, {"b 1"}}, R"("dropDuplicates": ["_1"])");
        COMPARE_STEPS(steps(sc, OutputMode::Append, 3, Total | Updated | Dropped | LastBatchOnly), lines(
            "a 1 | total=1 updated=1 dropped=0\n"   // CheckLastBatch("a" -> 1)
            " | total=1 updated=0 dropped=0\n"      // "a" -> 2 dropped
            "b 1 | total=2 updated=1 dropped=0"));  // CheckLastBatch("b" -> 1)
    }

    /// "multiple deduplicates": .dropDuplicates().dropDuplicates("_1"), the second in `then`.
    /// The metrics list the second operator first.
    void multipleDeduplicates()
    {
        const TestScenario sc = memoryStream(kStringInt, {{"a 1"}, {"a 2"}, {"b 1"}},
                                             R"("dropDuplicates": [], "then": [{"dropDuplicates": ["_1"]}])");
        COMPARE_STEPS(steps(sc, OutputMode::Append, 3, Total | Updated | Dropped | LastBatchOnly), lines(
            "a 1 | total=[1,1] updated=[1,1] dropped=[0,0]\n"   // Seq(1, 1), Seq(1, 1)
            " | total=[1,2] updated=[0,1] dropped=[0,0]\n"      // dropped by the second: Seq(1, 2), Seq(0, 1)
            "b 1 | total=[2,3] updated=[1,1] dropped=[0,0]"));  // Seq(2, 3), Seq(1, 1)
    }

    /// "SPARK-35896: metrics in StateOperatorProgress are output correctly": total, updated,
    /// droppedByWatermark, removed and the operator's name; not numShufflePartitions and
    /// numStateStoreInstances (Tidemark runs one partition, Spark's test sets two).
    void metricsInStateOperatorProgress()
    {
        const TestScenario sc = watermarkedInts({tenToFifteenFiveTimes(), {25}, {10}, {10}},
                                                R"("dropDuplicates": [], "then": [{"selectExpr": ["CAST(eventTime AS long) AS eventTime"]}])");
        COMPARE_STEPS(steps(sc, OutputMode::Append, 3, Total | Updated | Dropped | Removed), lines(
            "10; 11; 12; 13; 14; 15 | total=6 updated=6 dropped=0 removed=0\n" // CheckAnswer(10 to 15)
            "25 | total=1 updated=1 dropped=0 removed=6\n"  // watermark 15: the no-data batch removes 10..15
            " | total=1 updated=0 dropped=1 removed=0"));    // 10 is behind the watermark
        // The fourth AddData(10): CheckNewAnswer(), then assertStateOperatorProgressMetric("dedupe", ...).
        QCOMPARE(steps(sc, OutputMode::Append, 4, Name).last(), QString(" | op=dedupe"));
    }

    /// "deduplicate with watermark"
    void deduplicateWithWatermark()
    {
        const TestScenario sc = watermarkedInts({tenToFifteenFiveTimes(), {25}, {10}, {45}},
                                                R"("dropDuplicates": [], "then": [{"selectExpr": ["CAST(eventTime AS long) AS eventTime"]}])");
        COMPARE_STEPS(steps(sc, OutputMode::Append, 4, Total | Updated | Dropped), lines(
            "10; 11; 12; 13; 14; 15 | total=6 updated=6 dropped=0\n" // CheckAnswer(10 to 15)
            "25 | total=1 updated=1 dropped=0\n"                     // watermark 15, rows <= 15 removed
            " | total=1 updated=0 dropped=1\n"                       // 10 is behind the watermark
            "45 | total=1 updated=1 dropped=0"));                    // watermark 35, 25 removed
    }

    /// "deduplicate with aggregate - append mode": dropDuplicates() then
    /// groupBy(window($"eventTime", "5 seconds")).agg(count("*")), in one stage. The test selects
    /// window.start; here the row shows the window [start,end) and the count.
    void deduplicateWithAggregateAppendMode()
    {
        const TestScenario sc = watermarkedInts({tenToFifteenFiveTimes(), {25}, {10}, {40}},
                                                R"("dropDuplicates": [],
                                                   "groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}],
                                                   "agg": [{"fn": "count", "as": "count"}])");
        COMPARE_STEPS(steps(sc, OutputMode::Append, 4, Total | Updated | Dropped | LastBatchOnly), lines(
            " | total=[2,6] updated=[2,6] dropped=[0,0]\n"                 // CheckLastBatch()
            "[10,15) 5 | total=[2,1] updated=[1,1] dropped=[0,0]\n"        // (10 -> 5) from the no-data batch
            " | total=[2,1] updated=[0,0] dropped=[0,1]\n"                 // 10 dropped by the deduplication
            "[15,20) 1; [25,30) 1 | total=[1,1] updated=[1,1] dropped=[0,0]")); // (15 -> 1), (25 -> 1)
    }

    /// "deduplicate with aggregate - update mode": select as (str, num), dropDuplicates(),
    /// groupBy("str").agg(sum("num")).
    void deduplicateWithAggregateUpdateMode()
    {
        const TestScenario sc = memoryStream(kStringInt, {{"a 1"}, {"a 1"}, {"a 2"}, {"b 1"}},
                                             R"("selectExpr": ["_1 AS str", "_2 AS num"], "dropDuplicates": [],
                                                "groupBy": ["str"], "agg": [{"fn": "sum", "column": "num", "as": "sum"}])");
        COMPARE_STEPS(steps(sc, OutputMode::Update, 4, Total | Updated | Dropped | LastBatchOnly), lines(
            "a 1 | total=[1,1] updated=[1,1] dropped=[0,0]\n"
            " | total=[1,1] updated=[0,0] dropped=[0,0]\n"      // "a" -> 1 dropped
            "a 3 | total=[1,2] updated=[1,1] dropped=[0,0]\n"
            "b 1 | total=[2,3] updated=[1,1] dropped=[0,0]"));
    }

    /// "deduplicate with aggregate - complete mode": the same query in complete mode.
    void deduplicateWithAggregateCompleteMode()
    {
        const TestScenario sc = memoryStream(kStringInt, {{"a 1"}, {"a 1"}, {"a 2"}, {"b 1"}},
                                             R"("selectExpr": ["_1 AS str", "_2 AS num"], "dropDuplicates": [],
                                                "groupBy": ["str"], "agg": [{"fn": "sum", "column": "num", "as": "sum"}])");
        COMPARE_STEPS(steps(sc, OutputMode::Complete, 4, Total | Updated | Dropped | LastBatchOnly), lines(
            "a 1 | total=[1,1] updated=[1,1] dropped=[0,0]\n"
            "a 1 | total=[1,1] updated=[0,0] dropped=[0,0]\n"   // "a" -> 1 dropped
            "a 3 | total=[1,2] updated=[1,1] dropped=[0,0]\n"
            "a 3; b 1 | total=[2,3] updated=[1,1] dropped=[0,0]"));
    }

    /// "deduplicate with file sink": the parquet directory read after each processAllAvailable
    /// is what the append-mode sink holds (the accumulated result table); Tidemark has no file sink.
    void deduplicateWithFileSink()
    {
        const TestScenario sc = memoryStream({{"value", "string"}}, {{"a"}, {"a"}, {"b"}}, R"("dropDuplicates": [])");
        const ModeRun r = runMode(sc.load(), OutputMode::Append);
        QVERIFY(!r.error);
        QStringList tables; // after the last batch of each AddData (processAllAvailable)
        for (size_t step = 0; step < 3; ++step) {
            std::optional<size_t> last;
            for (size_t i = 0; i < r.batches.size(); ++i)
                if (inStep(r.batches[i], step))
                    last = i;
            QVERIFY(last);
            QStringList rows;
            for (const Row& row : r.resultTableAfter(*last))
                rows << QString::fromStdString(describeRow(row, r.plan->output));
            rows.sort();
            tables << rows.join("; ");
        }
        QCOMPARE(tables, (QStringList{"a", "a", "a; b"})); // checkDataset(..., "a"); "a"; "a", "b"
    }

    /// "SPARK-19841: watermarkPredicate should filter based on keys": toDF("time", "id"),
    /// withWatermark("time", "1 second"), dropDuplicates("id", "time"), select id.
    void watermarkPredicateFiltersBasedOnKeys()
    {
        const TestScenario sc = memoryStream({{"time", "long"}, {"id", "long"}},
                                             {{"1 1", "1 1", "1 2"}, {"1 1", "2 3", "2 4"}, {"1 0", "1 1", "3 5", "3 6"}, {"1 0", "4 7"}},
                                             R"("selectExpr": ["timestamp_seconds(time) AS time", "id"],
                                                "withWatermark": {"column": "time", "delay": "1 second"},
                                                "dropDuplicates": ["id", "time"], "then": [{"selectExpr": ["id"]}])");
        COMPARE_STEPS(steps(sc, OutputMode::Append, 4, 0), lines(
            "1; 2 |\n"   // CheckAnswer(1, 2)
            "3; 4 |\n"   // CheckNewAnswer(3, 4)
            "5; 6 |\n"   // (1 -> 0, 1 -> 1) dropped by the watermark
            "7 |"));     // (1 -> 0) dropped by the watermark
    }

    /// "SPARK-21546: dropDuplicates should ignore watermark when it's not a key":
    /// toDF("id", "time"), withWatermark("time", "1 second"), dropDuplicates("id").
    void dropDuplicatesIgnoresWatermarkWhenNotAKey()
    {
        const TestScenario sc = memoryStream({{"id", "long"}, {"time", "long"}}, {{"1 1", "1 2", "2 2"}},
                                             R"("selectExpr": ["id", "timestamp_seconds(time) AS time"],
                                                "withWatermark": {"column": "time", "delay": "1 second"},
                                                "dropDuplicates": ["id"], "then": [{"selectExpr": ["id", "CAST(time AS long) AS time"]}])");
        COMPARE_STEPS(steps(sc, OutputMode::Append, 1, 0), QStringList{"1 1; 2 2 |"}); // CheckAnswer(1 -> 1, 2 -> 2)
    }

    /// "test no-data flag", with spark.sql.streaming.noDataMicroBatches.enabled true and false.
    /// Its last AssertOnQuery always holds (the block ends with `true`), so it is left out.
    void testNoDataFlag_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("true") << "true" << lines("10; 11; 12; 13; 14; 15 | total=6 updated=6 dropped=0\n"
                                                 "25 | total=1 updated=1 dropped=0"); // state cleaned
        QTest::newRow("false") << "false" << lines("10; 11; 12; 13; 14; 15 | total=6 updated=6 dropped=0\n"
                                                   "25 | total=7 updated=1 dropped=0"); // not cleaned
    }
    void testNoDataFlag()
    {
        QFETCH(QString, flag);
        QFETCH(QStringList, expected);
        TestScenario sc = watermarkedInts({{10, 11, 12, 13, 14, 15}, {25}},
                                          R"("dropDuplicates": [], "then": [{"selectExpr": ["CAST(eventTime AS long) AS eventTime"]}])");
        sc.conf = "\"spark.sql.streaming.noDataMicroBatches.enabled\": " + flag.toStdString();
        COMPARE_STEPS(steps(sc, OutputMode::Append, 2, Total | Updated | Dropped), expected);
    }

    /// "SPARK-35880: custom metric numDroppedDuplicateRows in state operator progress", its two
    /// queries: dropDuplicates("_1") without a watermark, then dropDuplicates() with one.
    void customMetricNumDroppedDuplicateRows()
    {
        const TestScenario plain = memoryStream(kStringInt, {{"a 1"}, {"a 2", "b 3"}, {"a 5", "b 2", "c 9"}}, R"("dropDuplicates": ["_1"])");
        COMPARE_STEPS(steps(plain, OutputMode::Append, 3, Dupes | LastBatchOnly), lines(
            "a 1 | dupes=0\n"
            "b 3 | dupes=1\n"
            "c 9 | dupes=2"));

        const TestScenario watermarked = watermarkedInts({tenToFifteenFiveTimes(), {14}, {25}, {10}, {26, 26}},
                                                         R"("dropDuplicates": [], "then": [{"selectExpr": ["CAST(eventTime AS long) AS eventTime"]}])");
        COMPARE_STEPS(steps(watermarked, OutputMode::Append, 5, Dupes), lines(
            "10; 11; 12; 13; 14; 15 | dupes=24\n" // CheckAnswer(10 to 15)
            " | dupes=1\n"                        // 14 is still in the state
            "25 | dupes=0\n"                      // watermark 15, the no-data batch drops rows <= 15
            " | dupes=0\n"                        // 10 is behind the watermark: not a duplicate
            "26 | dupes=1"));
    }
};

QTEST_APPLESS_MAIN(TestStreamingDeduplicationSuite)
#include "tst_streamingdeduplicationsuite.moc"
