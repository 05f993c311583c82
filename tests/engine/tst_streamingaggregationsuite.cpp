// SPDX-License-Identifier: GPL-3.0-or-later
// Spark's StreamingAggregationSuite (sql/core/src/test/.../streaming/StreamingAggregationSuite.scala),
// test by test. Each slot names the Spark test it transcribes. Spark runs most of them once per
// state format version ("... - state format version 1/2"); the versions differ only in how the
// state row is laid out, which Tidemark does not model, so each is one test here.
//
// Transcription: each AddData is one arrival at 100 + 10 * i seconds, with a 1-second trigger,
// so the no-data batch Spark runs after a watermark advance comes before the next data, as with
// processAllAvailable (or the manual clock's AdvanceManualClock). The batches of one AddData are
// one "step". CheckLastBatch compares the rows of the step's last batch, in any order (the rows
// are sorted here); CheckAnswer in append mode compares everything the sink holds, which is
// what the batches output. The stateNodes metrics of StateStoreSaveExec (numOutputRows,
// numUpdatedStateRows, numTotalStateRows) are those of the step's last batch: `out` is the rows
// it output, `updated` and `total` its state operator's numRowsUpdated and numRowsTotal.
// StateStoreMetricsTest's assertNumStateRows reads the progress as in
// tst_streamingdeduplicationsuite.cpp: `total` of the step's last batch, `updated`, `dropped`
// (by watermark) and `removed` summed over the step's batches.
// StopStream / StartStream (a restart from the test's own checkpoint, with no data lost or
// re-run) change nothing these tests assert, and are left out.
//
// Not transcribed, because Tidemark cannot express them (see docs/spark-tests.md): "count
// distinct" (size(collect_set(...))), "sort after aggregate in complete mode" (orderBy),
// "SPARK-29438: ensure UNION doesn't lead streaming aggregation to use shifted partition IDs",
// "midbatch failure", "prune results by current_time[ or localtimestamp], complete mode", "prune
// results by current_date, complete mode", "SPARK-19690: do not convert batch aggregation in streaming
// query to streaming", both "SPARK-21977" tests, "SPARK-22230: last should change with new
// batches", "SPARK-23004: Ensure that TypedImperativeAggregate functions do not throw errors",
// "simple count, update mode - recovery from checkpoint uses state format version 1" and
// "changing schema of state when restarting query - schema check off". "changing schema of
// state when restarting query" is in tst_checkpointrestart.cpp.
#include "tests/support/DescribedRun.h"
#include "tests/support/MemoryStreams.h"
#include "tests/support/StepLines.h"
#include "tests/support/TestScenario.h"

#include "engine/exec/RunRecord.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// MemoryStream[Int]: step i's values arrive at 100 + 10 * i.
TestScenario ints(const std::vector<std::vector<int>>& steps, const std::string& query)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto& step : steps) {
        rows.emplace_back();
        for (int v : step)
            rows.back().push_back(std::to_string(v));
    }
    return memoryStream({{"value", "int"}}, rows, query);
}

/// What a step's line shows (only what the Scala test asserts).
enum Shown : unsigned {
    SaveNode = 1, ///< StateStoreSaveExec's metrics in the step's last batch: out, updated, total
    Progress = 2, ///< assertNumStateRows: total (last batch), updated, dropped, removed (summed over the step)
    Name = 4,     ///< the state operator's name in the step's last batch
};

/// One line per step: the rows of its last batch, sorted (CheckLastBatch), and the metrics.
QStringList steps(const TestScenario& sc, OutputMode mode, size_t count, unsigned shown)
{
    const ModeRun r = runMode(sc.load(), mode);
    if (r.error)
        return {QString::fromStdString("error: " + r.error->text())};
    QStringList out;
    for (size_t step = 0; step < count; ++step) {
        std::optional<size_t> last;
        for (size_t i = 0; i < r.batches.size(); ++i)
            if (inStep(r.batches[i], step))
                last = i;
        if (!last) {
            out << QStringLiteral("no batch");
            continue;
        }
        QStringList rows;
        for (const Row& row : r.sinkRowsOf(*last))
            rows << QString::fromStdString(describeRow(row, r.plan->output));
        rows.sort();
        QString line = rows.join("; ") + " |";
        const BatchRecord& b = r.batches[*last];
        if (shown & SaveNode) {
            QStringList ops;
            for (const OperatorProgress& op : b.operators)
                ops << QStringLiteral("out=%1 updated=%2 total=%3").arg(rows.size()).arg(op.numRowsUpdated).arg(op.numRowsTotal);
            line += " " + ops.join(", ");
        }
        if (shown & Progress) {
            QStringList ops;
            for (size_t o = 0; o < b.operators.size(); ++o) {
                std::int64_t updated = 0, dropped = 0, removed = 0;
                for (size_t i = 0; i < r.batches.size(); ++i) {
                    const BatchRecord& c = r.batches[i];
                    if (!inStep(c, step) || c.operators.size() <= o)
                        continue;
                    updated += c.operators[o].numRowsUpdated;
                    dropped += c.operators[o].numRowsDroppedByWatermark;
                    removed += c.operators[o].numRowsRemoved;
                }
                ops << QStringLiteral("total=%1 updated=%2 dropped=%3 removed=%4")
                           .arg(b.operators[o].numRowsTotal).arg(updated).arg(dropped).arg(removed);
            }
            line += " " + ops.join(", ");
        }
        if (shown & Name) {
            QStringList names;
            for (const OperatorProgress& op : b.operators)
                names << QString::fromStdString(op.operatorName);
            line += " op=" + names.join(",");
        }
        out << line;
    }
    return out;
}

const char* const kCountByValue = R"("groupBy": ["value"], "agg": [{"fn": "count", "as": "count"}])";

} // namespace

class TestStreamingAggregationSuite : public QObject {
    Q_OBJECT
private slots:
    /// "simple count, update mode": groupBy($"value").agg(count("*")).
    void simpleCountUpdateMode()
    {
        const TestScenario sc = ints({{3}, {3, 2}, {3, 2, 1}, {4, 4, 4, 4}}, kCountByValue);
        COMPARE_STEPS(steps(sc, OutputMode::Update, 4, 0), lines(
            "3 1 |\n"              // CheckLastBatch((3, 1))
            "2 1; 3 2 |\n"         // CheckLastBatch((3, 2), (2, 1)); StopStream, StartStream()
            "1 1; 2 2; 3 3 |\n"    // CheckLastBatch((3, 3), (2, 2), (1, 1))
            "4 4 |"));             // CheckLastBatch((4, 4))
    }

    /// "simple count, complete mode"
    void simpleCountCompleteMode()
    {
        const TestScenario sc = ints({{3}, {2}, {3, 2, 1}, {4, 4, 4, 4}}, kCountByValue);
        COMPARE_STEPS(steps(sc, OutputMode::Complete, 4, 0), lines(
            "3 1 |\n"                  // CheckLastBatch((3, 1))
            "2 1; 3 1 |\n"             // CheckLastBatch((3, 1), (2, 1)); StopStream, StartStream()
            "1 1; 2 2; 3 2 |\n"        // CheckLastBatch((3, 2), (2, 2), (1, 1))
            "1 1; 2 2; 3 2; 4 4 |"));  // CheckLastBatch((4, 4), (3, 2), (2, 2), (1, 1))
    }

    /// "simple count, append mode": the query is refused with an AnalysisException whose
    /// message contains "append" and "not supported" (case-insensitively).
    void simpleCountAppendMode()
    {
        const TestScenario sc = ints({{3}}, kCountByValue);
        const QStringList got = describedRun(sc, OutputMode::Append);
        QCOMPARE(got.size(), 1);
        QVERIFY2(got.first().startsWith("error: "), qPrintable(got.join('\n')));
        for (const char* m : {"append", "not supported"})
            QVERIFY2(got.first().contains(QLatin1String(m), Qt::CaseInsensitive), qPrintable(got.first()));
    }

    /// "state metrics - append mode": withColumn("eventTime", timestamp_seconds($"value")),
    /// withWatermark("eventTime", "10 seconds"), groupBy(window($"eventTime", "5 seconds"))
    /// .agg(count("*")), a 1-second processing-time trigger on a manual clock. Batch by batch:
    /// the sink's rows, the state node's numOutputRows (`out`) and the progress' numRowsUpdated
    /// and numRowsTotal. The test selects window.start; here the row shows the window [start,end).
    void stateMetricsAppendMode()
    {
        const TestScenario sc = ints({{15}, {10, 12, 14}, {25}},
                                     R"("selectExpr": ["value", "timestamp_seconds(value) AS eventTime"],
                                        "withWatermark": {"column": "eventTime", "delay": "10 seconds"},
                                        "groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}],
                                        "agg": [{"fn": "count", "as": "count"}])");
        const ModeRun r = runMode(sc.load(), OutputMode::Append);
        QVERIFY2(!r.error, r.error ? r.error->text().c_str() : "");
        QStringList got;
        for (size_t i = 0; i < r.batches.size(); ++i) {
            const BatchRecord& b = r.batches[i];
            QStringList rows;
            for (const Row& row : r.sinkRowsOf(i))
                rows << QString::fromStdString(describeRow(row, r.plan->output));
            QVERIFY(b.operators.size() == 1); // stateNodes.size === 1
            got << QStringLiteral("B%1%2: %3 | out=%4 updated=%5 total=%6")
                       .arg(b.batchId).arg(b.noData ? " nodata" : "").arg(rows.join("; "))
                       .arg(rows.size()).arg(b.operators[0].numRowsUpdated).arg(b.operators[0].numRowsTotal);
        }
        COMPARE_STEPS(got, lines(
            "B0:  | out=0 updated=1 total=1\n"               // AddData(15): CheckAnswer(), watermark 0
            "B1 nodata:  | out=0 updated=0 total=1\n"        // watermark 5
            "B2:  | out=0 updated=1 total=2\n"               // AddData(10, 12, 14)
            "B3:  | out=0 updated=1 total=3\n"               // AddData(25)
            "B4 nodata: [10,15) 3 | out=1 updated=0 total=2")); // watermark 15: CheckAnswer((10, 3))
    }

    /// "state metrics - update/complete mode": flatMap(x => Seq(x, x + 1)) written as an explode
    /// of "x,x+1", then groupBy($"value").agg(count("*")); the update-mode query, then (after
    /// inputData.reset()) the complete-mode one.
    void stateMetricsUpdateCompleteMode_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("update") << int(OutputMode::Update) << lines(
            "1 1; 2 1 | out=2 updated=2 total=2\n"            // CheckLastBatch((1, 1), (2, 1))
            "2 2; 3 2; 4 1 | out=3 updated=3 total=4");       // CheckLastBatch((2, 2), (3, 2), (4, 1))
        QTest::newRow("complete") << int(OutputMode::Complete) << lines(
            "1 1; 2 1 | out=2 updated=2 total=2\n"            // CheckLastBatch((1, 1), (2, 1))
            "1 1; 2 2; 3 2; 4 1 | out=4 updated=3 total=4");  // CheckLastBatch((1, 1), (2, 2), (3, 2), (4, 1))
    }
    void stateMetricsUpdateCompleteMode()
    {
        QFETCH(int, mode);
        QFETCH(QStringList, expected);
        const TestScenario sc = ints({{1}, {2, 3}},
                                     R"("selectExpr": ["explode(split(concat(CAST(value AS string), ',', CAST(value + 1 AS string)), ',')) AS value"],
                                        "groupBy": ["value"], "agg": [{"fn": "count", "as": "count"}])");
        COMPARE_STEPS(steps(sc, OutputMode(mode), 2, SaveNode), expected);
    }

    /// "SPARK-35896: metrics in StateOperatorProgress are output correctly": its three queries
    /// (update, complete, then append with a watermark), each after inputData.reset(). Total,
    /// updated, droppedByWatermark, removed and the operator's name are compared; not
    /// numShufflePartitions and numStateStoreInstances (Tidemark runs one partition, Spark's
    /// test sets three). The append query selects window.start; here the row shows the window.
    void metricsInStateOperatorProgress()
    {
        // assertNumStateRows after the first AddData, assertStateOperatorProgressMetric after the second.
        const TestScenario counts = ints({{3, 2, 1, 3}, {1, 4}}, kCountByValue);
        QCOMPARE(steps(counts, OutputMode::Update, 2, Progress).first(),
                 QString("1 1; 2 1; 3 2 | total=3 updated=3 dropped=0 removed=0")); // CheckLastBatch((3, 2), (2, 1), (1, 1))
        QCOMPARE(steps(counts, OutputMode::Update, 2, Name).last(),
                 QString("1 2; 4 1 | op=stateStoreSave"));                           // CheckLastBatch((1, 2), (4, 1))

        QCOMPARE(steps(counts, OutputMode::Complete, 2, Progress).first(),
                 QString("1 1; 2 1; 3 2 | total=3 updated=3 dropped=0 removed=0")); // CheckLastBatch((3, 2), (2, 1), (1, 1))
        QCOMPARE(steps(counts, OutputMode::Complete, 2, Name).last(),
                 QString("1 2; 2 1; 3 2; 4 1 | op=stateStoreSave"));                 // CheckLastBatch((3, 2), (2, 1), (1, 2), (4, 1))

        const TestScenario windows = ints({{3, 2, 1, 9}, {25}},
                                          R"("selectExpr": ["value", "timestamp_seconds(value) AS eventTime"],
                                             "withWatermark": {"column": "eventTime", "delay": "10 seconds"},
                                             "groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}],
                                             "agg": [{"fn": "count", "as": "count"}])");
        QCOMPARE(steps(windows, OutputMode::Append, 2, Name).first(), QString(" | op=stateStoreSave")); // CheckLastBatch()
        // AddData(25): watermark 15, the no-data batch evicts [0,5) and [5,10).
        QCOMPARE(steps(windows, OutputMode::Append, 2, Progress).last(),
                 QString("[0,5) 3; [5,10) 1 | total=1 updated=1 dropped=0 removed=2")); // CheckLastBatch((0, 3), (5, 1))
    }

    /// "multiple keys": groupBy($"value", $"value" + 1), the second key computed by a projection
    /// first (the format groups by columns).
    void multipleKeys()
    {
        const TestScenario sc = ints({{1, 2}, {1, 2}},
                                     R"("selectExpr": ["value", "value + 1 AS valuePlusOne"],
                                        "groupBy": ["value", "valuePlusOne"], "agg": [{"fn": "count", "as": "count"}])");
        COMPARE_STEPS(steps(sc, OutputMode::Update, 2, 0), lines(
            "1 2 1; 2 3 1 |\n"    // CheckLastBatch((1, 2, 1), (2, 3, 1))
            "1 2 2; 2 3 2 |"));   // CheckLastBatch((1, 2, 2), (2, 3, 2))
    }

    /// "typed aggregators" (Spark 2.x's suite; later releases dropped it with
    /// expressions.scalalang.typed): groupByKey(_._1).agg(typed.sumLong(_._2)), written as
    /// groupBy("_1").agg(sum("_2")).
    void typedAggregators()
    {
        const TestScenario sc = memoryStream({{"_1", "string"}, {"_2", "int"}}, {{"a 10", "a 20", "b 1", "b 2", "c 1"}},
                                             R"("groupBy": ["_1"], "agg": [{"fn": "sum", "column": "_2", "as": "sum"}])");
        COMPARE_STEPS(steps(sc, OutputMode::Update, 1, 0), QStringList{"a 30; b 3; c 1 |"}); // CheckLastBatch(("a", 30), ("b", 3), ("c", 1))
    }
};

QTEST_APPLESS_MAIN(TestStreamingAggregationSuite)
#include "tst_streamingaggregationsuite.moc"
