// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of Spark's MultiStatefulOperatorsSuite (3.4+, SPARK-40925), transcribed step by step:
// each AddData is one arrival at 100 + 10 * i seconds, with a 1-second trigger so that the
// no-data batch Spark runs after it comes before the next one. Every batch is described with
// its rows and, per stateful operator downstream first (as StreamingQueryProgress.stateOperators
// lists them), numRowsTotal and numRowsDroppedByWatermark; the Scala test's assertNumStateRows
// reads the last batch, assertNumRowsDroppedByWatermark the last batch that read rows.
// Also: the errors before 3.4, allowMultiple=false, and window_time().
#include "tests/support/DescribedRun.h"

#include "engine/exec/Explain.h"
#include "engine/exec/Simulation.h"
#include "engine/plan/StatefulChain.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// `inputData.toDF().withColumn("eventTime", timestamp_seconds($"value")).withWatermark("eventTime", delay)`
/// followed by `rest` (JSON members of "query"); `steps[i]` are the values added at step i.
TestScenario intStream(const std::vector<std::vector<int>>& steps, const std::string& rest, const std::string& delay = "0 seconds")
{
    TestScenario sc;
    sc.sparkVersion = "3.5";
    sc.schema = {{"value", "long"}};
    for (size_t i = 0; i < steps.size(); ++i)
        for (int v : steps[i])
            sc.events.push_back(std::to_string(100 + 10 * i) + ": " + std::to_string(v));
    sc.query = R"("selectExpr": ["value", "timestamp_seconds(value) AS eventTime"],
                  "withWatermark": {"column": "eventTime", "delay": ")" + delay + R"("}, )" + rest
               + R"(, "outputMode": "append", "trigger": {"processingTime": "1 second"})";
    return sc;
}

/// `.groupBy(window($"eventTime", "5 seconds").as("window")).agg(count("*").as("count"))`
const char* kWindowCount5s = R"("groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}],
                                "agg": [{"fn": "count", "as": "count"}])";


QStringList run(const TestScenario& sc, OutputMode mode = OutputMode::Append) { return describeOperators(runMode(sc.load(), mode)); }

QStringList lines(const QString& text) { return text.split('\n'); }

QStringList correctnessError() { return {QStringLiteral("error: ") + QString::fromLatin1(kGlobalWatermarkCorrectnessMessage)}; }

} // namespace

class TestMultiStatefulSuite : public QObject {
    Q_OBJECT
private slots:
    /// "window agg -> window agg, append mode": the second groupBy windows the first's window
    /// struct, which TimeWindowing reads as window_time(window) (its end - 1 µs).
    void windowAggToWindowAgg()
    {
        const TestScenario sc = intStream({{10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21},
                                           {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29},
                                           {30, 31}},
                                          std::string(kWindowCount5s) + R"(, "then": [{"groupBy": [{"window": {"column": "window", "duration": "10 seconds"}}],
                                              "agg": [{"fn": "count", "as": "count"}, {"fn": "sum", "column": "count", "as": "sum"}]}])");
        QCOMPARE(run(sc), lines(
            "B0 wm=0: | ops=[0/0, 3/0]\n"
            "B1 nodata wm=21: [10,20) 2 10 | ops=[0/0, 1/0]\n"   // CheckNewAnswer((10, 2, 10)); assertNumStateRows(Seq(0, 1))
            "B2 wm=21: | ops=[0/0, 2/2]\n"                      // [10,15) and [15,20) late at op1: Seq(0, 2)
            "B3 nodata wm=29: | ops=[1/0, 1/0]\n"               // CheckNewAnswer(); assertNumStateRows(Seq(1, 1))
            "B4 wm=29: | ops=[1/0, 2/0]\n"
            "B5 nodata wm=31: [20,30) 2 12 | ops=[0/0, 1/0]"));  // CheckNewAnswer((20, 2, 12)); Seq(0, 1)
    }

    /// "agg -> agg -> agg, append mode", with window(window_time($"window"), ...) written out.
    void aggToAggToAgg()
    {
        std::vector<int> first, second;
        for (int v = 0; v <= 37; ++v)
            first.push_back(v);
        for (int v = 30; v <= 60; ++v)
            second.push_back(v);
        const TestScenario sc = intStream({first, second}, std::string(kWindowCount5s) + R"(, "then": [
            {"selectExpr": ["window_time(window) AS t", "count"],
             "groupBy": [{"window": {"column": "t", "duration": "10 seconds"}}],
             "agg": [{"fn": "count", "as": "count"}, {"fn": "sum", "column": "count", "as": "sum"}]},
            {"selectExpr": ["window_time(window) AS t", "count", "sum"],
             "groupBy": [{"window": {"column": "t", "duration": "20 seconds"}}],
             "agg": [{"fn": "count", "as": "count"}, {"fn": "sum", "column": "sum", "as": "sum"}]}])");
        QCOMPARE(run(sc), lines(
            "B0 wm=0: | ops=[0/0, 0/0, 8/0]\n"
            "B1 nodata wm=37: [0,20) 2 20 | ops=[1/0, 1/0, 1/0]\n"          // assertNumStateRows(Seq(1, 1, 1))
            "B2 wm=37: | ops=[1/0, 1/0, 6/1]\n"                              // [30,35) late at op1: Seq(0, 0, 1)
            "B3 nodata wm=60: [20,40) 2 23; [40,60) 2 20 | ops=[0/0, 0/0, 1/0]")); // Seq(0, 0, 1)
    }

    /// "stream deduplication -> aggregation, append mode" written as a chain: dropDuplicates
    /// first, the aggregation in `then`. Same rows and metrics as the one-stage spelling.
    void dedupToAggregation()
    {
        std::vector<int> values;
        for (int v = 1; v <= 15; ++v)
            values.push_back(v);
        const std::string agg = R"("groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}],
                                    "agg": [{"fn": "count", "as": "count"}, {"fn": "sum", "column": "value", "as": "sum"}])";
        const TestScenario chained = intStream({values}, R"("dropDuplicates": ["value", "eventTime"], "then": [{)" + agg + "}]", "10 seconds");
        const TestScenario fixedPair = intStream({values}, R"("dropDuplicates": ["value", "eventTime"], )" + agg, "10 seconds");
        const QStringList expected = lines(
            "B0 wm=0: | ops=[4/0, 15/0]\n"
            "B1 nodata wm=5: [0,5) 4 10 | ops=[3/0, 10/0]"); // CheckNewAnswer((0, 4)); assertNumStateRows(Seq(3, 10))
        QCOMPARE(run(chained), expected);
        QCOMPARE(run(fixedPair), expected);
    }

    /// "aggregation -> stream deduplication, append mode", dedupNoEventTime: the dedup keys hold
    /// no watermarked column, so its state is never trimmed; its late filter reads window.end.
    void aggregationToDedupWithoutEventTime()
    {
        const TestScenario sc = intStream({{1, 5, 10, 15}}, std::string(kWindowCount5s) + R"(, "then": [
            {"selectExpr": ["window", "count", "CAST(window_time(window) AS long) + 1 AS windowEnd"], "dropDuplicates": ["count", "windowEnd"]},
            {"selectExpr": ["windowEnd", "count"]}])");
        QCOMPARE(run(sc), lines(
            "B0 wm=0: | ops=[0/0, 4/0]\n"
            "B1 nodata wm=15: 5 1; 10 1; 15 1 | ops=[3/0, 1/0]")); // assertNumStateRows(Seq(3, 1))
    }

    /// "aggregation -> stream deduplication, append mode", dedupWithEventTime: window_time is a
    /// key and carries the watermark, so the keys the batch stored are trimmed in that batch.
    void aggregationToDedupWithEventTime()
    {
        const TestScenario sc = intStream({{1, 5, 10, 15}, {25}}, std::string(kWindowCount5s) + R"(, "then": [
            {"selectExpr": ["count", "window_time(window) AS windowTime"], "dropDuplicates": ["count", "windowTime"]}])");
        QCOMPARE(run(sc), lines(
            "B0 wm=0: | ops=[0/0, 4/0]\n"
            "B1 nodata wm=15: 1 5; 1 10; 1 15 | ops=[0/0, 1/0]\n" // state: None - trimmed by watermark; Seq(0, 1)
            "B2 wm=15: | ops=[0/0, 2/0]\n"
            "B3 nodata wm=25: 1 20 | ops=[0/0, 1/0]"));
        // unix_micros(windowTime): 4999999, 9999999, 14999999
        const ModeRun r = runMode(sc.load(), OutputMode::Append);
        QCOMPARE(r.batches[1].sinkRows[0][1].asInt(), 4999999);
        QCOMPARE(r.batches[1].sinkRows[2][1].asInt(), 14999999);
    }

    /// Before 3.4 a second aggregation fails checkForStreaming; an aggregation followed by
    /// dropDuplicates fails checkStreamingQueryGlobalWatermarkLimit unless its conf is off.
    void errorsBefore34()
    {
        TestScenario aggAgg = intStream({{1}}, std::string(kWindowCount5s) + R"(, "then": [{"groupBy": ["count"]}])");
        aggAgg.sparkVersion = "3.3";
        QCOMPARE(run(aggAgg), QStringList{"error: Multiple streaming aggregations are not supported with streaming DataFrames/Datasets"});

        TestScenario aggDedup = intStream({{1}}, std::string(kWindowCount5s) + R"(, "then": [{"dropDuplicates": ["count"]}])");
        aggDedup.sparkVersion = "3.3";
        QCOMPARE(run(aggDedup), correctnessError());
        aggDedup.sparkVersion = "3.1";
        QCOMPARE(run(aggDedup), correctnessError());
        // 3.0 only logged the pattern; the conf off makes it a warning on 3.1-3.3 too.
        aggDedup.sparkVersion = "3.0";
        QCOMPARE(run(aggDedup).size(), 2);
        aggDedup.sparkVersion = "3.3";
        aggDedup.conf = R"("spark.sql.streaming.statefulOperator.checkCorrectness.enabled": false)";
        QCOMPARE(run(aggDedup).size(), 2);

        // dropDuplicates -> aggregation was always allowed: dedup never emits late rows.
        TestScenario dedupAgg = intStream({{1}}, R"("dropDuplicates": ["value"], "then": [)" + std::string("{") + kWindowCount5s + "}]");
        dedupAgg.sparkVersion = "3.2";
        QVERIFY(!run(dedupAgg).first().startsWith("error"));

        // window_time() is 3.4's.
        TestScenario windowTime = intStream({{1}}, std::string(kWindowCount5s) + R"(, "then": [{"selectExpr": ["window_time(window) AS t"]}])");
        windowTime.sparkVersion = "3.3";
        QVERIFY(run(windowTime).first().startsWith("error: Undefined function: 'window_time'"));
    }

    /// From 3.4 an aggregation in Update or Complete mode cannot be followed by a stateful
    /// operator (ifCannotBeFollowedByStatefulOperation); dropDuplicates without a watermarked
    /// key does not count as one.
    void nonAppendChains()
    {
        const TestScenario aggAgg = intStream({{1}}, std::string(kWindowCount5s) + R"(, "then": [{"groupBy": ["count"]}])");
        QCOMPARE(run(aggAgg, OutputMode::Update), correctnessError());
        QCOMPARE(run(aggAgg, OutputMode::Complete), correctnessError());
        const TestScenario aggDedup = intStream({{1}, {20}}, std::string(kWindowCount5s) + R"(, "then": [{"dropDuplicates": ["count"]}])");
        // dropDuplicates -> aggregation in complete mode: the chain's aggregation is the one
        // Complete needs, and it prints its whole table every batch.
        const TestScenario dedupAgg = intStream({{1, 1, 6}}, R"("dropDuplicates": ["value"], "then": [{"groupBy": ["value"]}])");
        QCOMPARE(run(dedupAgg, OutputMode::Complete), lines(
            "B0 wm=0: 1 1; 6 1 | ops=[2/0, 2/0]\n"
            "B1 nodata wm=6: 1 1; 6 1 | ops=[2/0, 2/0]"));
        QCOMPARE(run(aggDedup, OutputMode::Update), lines(
            "B0 wm=0: [0,5) 1 | ops=[1/0, 1/0]\n"
            "B1 nodata wm=1: | ops=[1/0, 1/0]\n"
            "B2 wm=1: | ops=[1/0, 2/0]\n"          // the update [20,25) 1 is a duplicate of count 1
            "B3 nodata wm=20: | ops=[1/0, 1/0]"));  // [0,5) leaves the aggregation's state silently
    }

    /// allowMultiple=false (UseSingleWatermarkPropagator): late rows are judged with the batch's
    /// own watermark, so the windows the first aggregation emits are late at the second.
    void allowMultipleFalseDropsTheEmittedWindows()
    {
        TestScenario sc = intStream({{10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}},
                                    std::string(kWindowCount5s) + R"(, "then": [{"groupBy": [{"window": {"column": "window", "duration": "10 seconds"}}],
                                        "agg": [{"fn": "count", "as": "count"}]}])");
        sc.conf = R"("spark.sql.streaming.statefulOperator.allowMultiple": false)";
        const ModeRun r = runMode(sc.load(), OutputMode::Append);
        QCOMPARE(describeOperators(r), lines(
            "B0 wm=0: | ops=[0/0, 3/0]\n"
            "B1 nodata wm=21: | ops=[0/1, 1/0]"));
        // The second operator (state change / fate index 1) dropped the emitted window [10,20).
        QCOMPARE(r.batches[1].chainDroppedRows.size(), size_t(2));
        QCOMPARE(int(r.batches[1].chainDroppedRows[0].first), 1);
        // "Why?" of the first event follows its window into the second operator.
        const Scenario loaded = sc.load();
        const QString why = QString::fromStdString(explainFate(r.batches[0].fates[0], r, loaded));
        QVERIFY2(why.contains("emitted by batch 1 to stateful operator 2 (query.then[0]), which dropped it as late"), qPrintable(why));
    }

    /// An input row that the chain's second operator drops names that operator in its fate.
    void fateNamesTheChainOperator()
    {
        TestScenario sc = intStream({{10, 10}, {30}, {5}}, R"("dropDuplicates": ["value", "eventTime"], "then": [
            {"where": "value <> 40", "dropDuplicates": ["eventTime"]}])");
        sc.events.push_back("130: 40");
        const ModeRun r = runMode(sc.load(), OutputMode::Append);
        std::vector<RowFate> fates;
        for (const BatchRecord& b : r.batches)
            fates.insert(fates.end(), b.fates.begin(), b.fates.end());
        QCOMPARE(fates.size(), size_t(5));
        QCOMPARE(fates[1].fate, Fate::Duplicate); // the first dedup: op 0
        QCOMPARE(int(fates[1].op), 0);
        QCOMPARE(fates[3].fate, Fate::DroppedByWatermark); // 5 s behind the watermark 30: dropped by the first
        QCOMPARE(int(fates[3].op), 0);
        QCOMPARE(fates[4].fate, Fate::Filtered); // 40: the second stage's where
        QCOMPARE(int(fates[4].op), 1);
        QCOMPARE(fates[4].filterStep, kFilteredInChainStage);
        QCOMPARE(int(fates[4].filterInput), 0);
        // "Why?" names the operator and the stage.
        const Scenario loaded = sc.load();
        const QString why = QString::fromStdString(explainFate(fates[4], r, loaded));
        QVERIFY2(why.contains("query.then[0]") && why.contains("stateful operator 2"), qPrintable(why));
    }

    /// `then` keeps every existing file valid, is refused without a first operator and round-trips.
    void scenarioFormat()
    {
        TestScenario noFirst = intStream({{1}}, R"("then": [{"groupBy": ["value"]}])");
        QVERIFY_THROWS_NO_EXCEPTION(noFirst.load());
        QVERIFY(run(noFirst).first().startsWith("error: \"then\" follows the first stateful operator"));
        TestScenario twoOps = intStream({{1}}, std::string(kWindowCount5s) + R"(, "then": [{"dropDuplicates": [], "groupBy": ["count"]}])");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, twoOps.load());
    }
};

QTEST_APPLESS_MAIN(TestMultiStatefulSuite)
#include "tst_multistatefulsuite.moc"
