// SPDX-License-Identifier: GPL-3.0-or-later
// Stopping a query and starting it again from its checkpoint (the scenario's `restarts`),
// transcribed from Spark's suites:
// - EventTimeWatermarkSuite "recovery": the watermark restored from the checkpoint (the commit
//   log's nextBatchWatermarkMs, SPARK-24699), and the batch whose commit was purged run again
//   with the same offsets ("Recompute last batch and re-evict timestamp 10").
// - StreamingAggregationSuite "changing schema of state when restarting query" (and
//   StateSchemaCompatibilityCheckerSuite's wording): changed grouping keys or aggregates are
//   refused by the state schema check, in each release's words.
// - The changes the Structured Streaming guide ("Recovery Semantics after Changes in a
//   Streaming Query") allows: a filter added, a rate limit changed; the backlog of the down time
//   is read within maxEventsPerTrigger, batch ids go on.
// Each AddData of a transcription arrives at its own second (100, 110, ...); StopStream and
// StartStream become a restart between them.
#include "tests/support/TestScenario.h"

#include "engine/exec/Simulation.h"
#include "engine/plan/Analyzer.h"
#include "engine/plan/RestartedRuns.h"
#include "engine/scenario/ScenarioFile.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <stdexcept>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// MemoryStream[Int] as EventTimeWatermarkSuite's "recovery" builds it: value → timestamp,
/// withWatermark 10 seconds, count per 5-second window.
TestScenario recoveryQuery(const std::string& version)
{
    TestScenario sc;
    sc.sparkVersion = version;
    sc.schema = {{"value", "long"}};
    sc.query = R"("selectExpr": ["value", "timestamp_seconds(value) AS eventTime"],
        "withWatermark": {"column": "eventTime", "delay": "10 seconds"},
        "groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}], "agg": [{"fn": "count"}],
        "trigger": {"processingTime": "1 second"})";
    return sc;
}

/// The scenario with `"restarts": [restarts]` added at the top level.
std::string withRestarts(const TestScenario& sc, const std::string& restarts)
{
    std::string json = sc.json();
    json.pop_back(); // the closing brace
    return json + R"(, "restarts": [)" + restarts + "]}";
}

Scenario load(const std::string& json)
{
    auto loaded = loadScenarioText(json);
    if (!loaded)
        throw std::runtime_error(loaded.error().describe());
    return std::move(loaded.value());
}

/// One line per batch: "[>> stop|crash wm=S | ]B<id>[ rerun][ nodata] wm=S: rows | offsets=N commit=yes|no".
QStringList runLines(const Scenario& sc, OutputMode mode = OutputMode::Append)
{
    auto plan = analyze(sc, mode);
    if (!plan)
        return {QString::fromStdString("error: " + plan.error().describe())};
    Simulation sim(sc, plan.value());
    QStringList out;
    while (auto b = sim.next()) {
        QString line;
        if (b->restart)
            line += QStringLiteral(">> %1 wm=%2 | ").arg(b->restart->crashed ? "crash" : "stop").arg(b->restart->restoredWatermarkMs / 1000);
        QStringList rows;
        for (const Row& r : b->sinkRows)
            rows << QString::fromStdString(describeRow(r, plan->output));
        line += QStringLiteral("B%1%2%3 wm=%4: %5 | offsets=%6 commit=%7")
                    .arg(b->batchId)
                    .arg(b->checkpoint.rerun ? " rerun" : "")
                    .arg(b->noData ? " nodata" : "")
                    .arg(b->watermarkMs / 1000)
                    .arg(rows.join("; "))
                    .arg(b->checkpoint.offsets.sourceOffsets.empty() ? -1 : b->checkpoint.offsets.sourceOffsets[0])
                    .arg(b->checkpoint.commit ? "yes" : "no");
        out << line;
    }
    return out;
}

std::vector<BatchRecord> runBatches(const Scenario& sc)
{
    auto plan = analyze(sc, OutputMode::Append);
    if (!plan)
        throw std::runtime_error(plan.error().describe());
    Simulation sim(sc, plan.value());
    std::vector<BatchRecord> out;
    while (auto b = sim.next())
        out.push_back(std::move(*b));
    return out;
}

} // namespace

class TestCheckpointRestart : public QObject {
    Q_OBJECT
private slots:
    void eventTimeWatermarkSuiteRecovery_data();
    void eventTimeWatermarkSuiteRecovery();
    void checkpointHoldsOffsetAndCommitLogs();
    void backlogOfTheDownTimeWithinMaxEventsPerTrigger();
    void changingSchemaOfStateWhenRestartingQuery_data();
    void changingSchemaOfStateWhenRestartingQuery();
    void changeTidemarkDoesNotSimulateIsAFileError();
    void restartErrorsAreLocatedUnderTheRestart();
    void restartsRoundTripThroughTheFile();
    void editOfTheQueryBeforeReachesTheRestartedRun();
    void triggerOnceRunAgainReadsWhatArrivedMeanwhile();
    void crashAfterAJoinRollsBackEveryOperator();
    void changedOperatorAfterAJoinIsAFileError();
    void lateRowsAfterARestartUseTheOffsetLogsWatermark_data();
    void lateRowsAfterARestartUseTheOffsetLogsWatermark();
};

void TestCheckpointRestart::eventTimeWatermarkSuiteRecovery_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("3.5") << "3.5";
    QTest::newRow("4.0") << "4.0";
}

// EventTimeWatermarkSuite "recovery":
//   AddData(10..15), CheckLastBatch(), AddData(25) // Advance watermark to 15 seconds
//   StopStream, StartStream(), CheckLastBatch(),
//   AddData(25) // Evict items less than previous watermark.
//   CheckLastBatch((10, 5)), StopStream, purge the latest commit and clear the sink, StartStream(),
//   CheckLastBatch((10, 5)) // Recompute last batch and re-evict timestamp 10
//   AddData(30) // Advance watermark to 20 seconds, CheckLastBatch()
void TestCheckpointRestart::eventTimeWatermarkSuiteRecovery()
{
    QFETCH(QString, version);
    TestScenario sc = recoveryQuery(version.toStdString());
    sc.events = {"100: 10", "100: 11", "100: 12", "100: 13", "100: 14", "100: 15", "110: 25", "130: 25", "150: 30"};
    // The stop at 111 comes before the no-data batch the watermark advance asked for; the
    // purged commit is a crash of the batch of 130 after the sink wrote it.
    const Scenario s = load(withRestarts(sc, R"({"stopAt": 111, "restartAt": 120},
                                               {"stopAt": 131, "crash": true, "restartAt": 140})"));
    const QStringList expected = {
        "B0 wm=0:  | offsets=6 commit=yes",
        "B1 nodata wm=5:  | offsets=6 commit=yes", // the watermark advanced (0 -> 5)
        "B2 wm=5:  | offsets=7 commit=yes",
        // Restored from the commit log (nextBatchWatermarkMs 15), not the offset log's 5: the
        // data batch evicts [10, 15). The restarted query ran no no-data batch for it first.
        ">> stop wm=15 | B3 wm=15: [10,15) 5 | offsets=8 commit=no",
        ">> crash wm=15 | B3 rerun wm=15: [10,15) 5 | offsets=8 commit=yes",
        "B4 wm=15:  | offsets=9 commit=yes",
        "B5 nodata wm=20: [15,20) 1 | offsets=9 commit=yes", // "Advance watermark to 20 seconds"
    };
    QCOMPARE(runLines(s).join(QLatin1Char('\n')), expected.join(QLatin1Char('\n')));
}

void TestCheckpointRestart::checkpointHoldsOffsetAndCommitLogs()
{
    TestScenario sc = recoveryQuery("3.5");
    sc.events = {"100: 10", "100: 11", "110: 25", "130: 25"};
    const auto batches = runBatches(load(withRestarts(sc, R"({"stopAt": 111, "restartAt": 120}, {"stopAt": 131, "crash": true, "restartAt": 140})")));
    // B0, the no-data B1 (watermark 0 -> 1), B2 (25), B3 crashed, B3 again.
    QCOMPARE(batches.size(), std::size_t(5));
    // Batch 2: offset log written at its trigger with the watermark it runs with; its commit
    // carries the watermark for the next batch; state version 3 (HDFSBackedStateStore 3.delta).
    QCOMPARE(batches[2].checkpoint.offsets.batchWatermarkMs, Millis(1000));
    QCOMPARE(batches[2].checkpoint.offsets.batchTimestampMs, Millis(110000));
    QVERIFY(batches[2].checkpoint.commit.has_value());
    QCOMPARE(batches[2].checkpoint.commit->nextBatchWatermarkMs, Millis(15000));
    QCOMPARE(batches[2].checkpoint.stateVersion, std::optional<std::int64_t>(3));
    // The stop: the no-data batch the query was due never ran; the restart waits for data.
    QVERIFY(batches[3].restart.has_value());
    QVERIFY(batches[3].restart->noDataBatchDropped);
    QCOMPARE(batches[3].restart->lastCommittedBatch, std::int64_t(2));
    QVERIFY(!batches[3].restart->uncommittedBatch);
    QCOMPARE(batches[3].triggerTime, Micros(130) * kMicrosPerSecond);
    // The crash: offsets logged, no commit, no state version; the rerun has the same offsets
    // and batch timestamp (OffsetSeqMetadata), runs at the restart and commits.
    QVERIFY(!batches[3].checkpoint.commit);
    QVERIFY(!batches[3].checkpoint.stateVersion);
    QVERIFY(batches[4].restart->crashed);
    QVERIFY(!batches[4].restart->noDataBatchDropped);
    QCOMPARE(batches[4].restart->uncommittedBatch, std::optional<std::int64_t>(3));
    QCOMPARE(batches[4].batchId, std::int64_t(3));
    QVERIFY(batches[4].checkpoint.rerun);
    QCOMPARE(batches[4].checkpoint.offsets.sourceOffsets, batches[3].checkpoint.offsets.sourceOffsets);
    QCOMPARE(batches[4].checkpoint.offsets.batchTimestampMs, Millis(130000));
    QCOMPARE(batches[4].triggerTime, Micros(140) * kMicrosPerSecond);
    QCOMPARE(batches[4].events, batches[3].events);
    QCOMPARE(batches[4].checkpoint.stateVersion, std::optional<std::int64_t>(4));
    // State was rolled back to version 3 before the rerun: the same counts, not doubled.
    QCOMPARE(batches[4].sinkRows, batches[3].sinkRows);
    QCOMPARE(batches[4].sinkRows.size(), std::size_t(1));
}

// The guide's "Changes in the rate limits are allowed" and "Addition / deletion of filters is
// allowed": the backlog that arrived while the query was down is read in batches of the new
// limit, through the new filter, with batch ids going on.
void TestCheckpointRestart::backlogOfTheDownTimeWithinMaxEventsPerTrigger()
{
    TestScenario sc = recoveryQuery("3.5");
    sc.sourceOptions = R"("maxEventsPerTrigger": 2)";
    sc.events = {"100: 10", "121: 11", "122: 12", "123: 13", "124: 14", "125: 15", "126: 16", "127: 17"};
    const Scenario s = load(withRestarts(sc, R"({"stopAt": 101, "restartAt": 130, "query": {"where": "value != 12"},
                                               "maxEventsPerTrigger": {"in": 3}})"));
    const QStringList expected = {
        "B0 wm=0:  | offsets=1 commit=yes",
        ">> stop wm=0 | B1 wm=0:  | offsets=4 commit=yes",
        "B2 wm=3:  | offsets=7 commit=yes",
        "B3 wm=6:  | offsets=8 commit=yes",
        "B4 nodata wm=7:  | offsets=8 commit=yes",
    };
    QCOMPARE(runLines(s).join(QLatin1Char('\n')), expected.join(QLatin1Char('\n')));
    const auto batches = runBatches(s);
    QCOMPARE(batches[1].numInputRows, std::int64_t(3)); // 11, 12, 13: the new limit
    std::int64_t counted = 0;
    for (const auto& b : batches)
        for (const auto& f : b.fates)
            counted += f.fate == Fate::Filtered ? 1 : 0;
    QCOMPARE(counted, std::int64_t(1)); // 12, by the filter the restarted query added
}

void TestCheckpointRestart::changingSchemaOfStateWhenRestartingQuery_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("exception");
    QTest::addColumn<QString>("message");
    const QString window = "StructField(window,StructType(StructField(start,TimestampType,true),StructField(end,TimestampType,true)),true)";
    const QString oldKey = "StructType(" + window + ",StructField(k,StringType,true))";
    const QString newKey = "StructType(" + window + ",StructField(n,LongType,true))";
    const QString value = "StructType(StructField(count,LongType,false))";
    const QString regroup = R"("groupBy": [{"window": {"column": "t", "duration": "10 seconds"}}, "n"])";
    QTest::newRow("3.5 key") << "3.5" << regroup << "restarts[0].query.groupBy" << "StateSchemaNotCompatible"
                             << "Provided schema doesn't match to the schema for existing state! Please note that Spark allow difference of "
                                "field name: check count of fields and data type of each field.\n- Provided key schema: " + newKey
                                    + "\n- Provided value schema: " + value + "\n- Existing key schema: " + oldKey + "\n- Existing value schema: " + value
                                    + "\nIf you want to force running query without schema validation, please set "
                                      "spark.sql.streaming.stateStore.stateSchemaCheck to false.\nPlease note running query with incompatible "
                                      "schema could cause indeterministic behavior.";
    // The same four lines from 3.1 (SPARK-27237) to 3.5.
    QTest::newRow("3.2 key") << "3.2" << regroup << "restarts[0].query.groupBy" << "StateSchemaNotCompatible"
                             << "Provided schema doesn't match to the schema for existing state! Please note that Spark allow difference of "
                                "field name: check count of fields and data type of each field.\n- Provided key schema: " + newKey
                                    + "\n- Provided value schema: " + value + "\n- Existing key schema: " + oldKey + "\n- Existing value schema: " + value
                                    + "\nIf you want to force running query without schema validation, please set "
                                      "spark.sql.streaming.stateStore.stateSchemaCheck to false.\nPlease note running query with incompatible "
                                      "schema could cause indeterministic behavior.";
    const QString tail = "If you want to force running the query without schema validation, please set "
                         "spark.sql.streaming.stateStore.stateSchemaCheck to false.\nHowever, please note that running the query with "
                         "incompatible schema could cause non-deterministic behavior. SQLSTATE: XXKST";
    QTest::newRow("4.0 key") << "4.0" << regroup << "restarts[0].query.groupBy" << "SparkUnsupportedOperationException"
                             << "[STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE] Provided key schema does not match existing state key schema.\nPlease "
                                "check number and type of fields.\nExisting key_schema=" + oldKey + " and new key_schema=" + newKey + ".\n" + tail;
    QTest::newRow("4.0 value") << "4.0" << R"("agg": [{"fn": "count"}, {"fn": "max", "column": "n"}])" << "restarts[0].query.agg"
                               << "SparkUnsupportedOperationException"
                               << "[STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE] Provided value schema does not match existing state value schema.\n"
                                  "Please check number and type of fields.\nExisting value_schema=" + value
                                      + " and new value_schema=StructType(StructField(count,LongType,false),StructField(max,LongType,true)).\n" + tail;
}

// StreamingAggregationSuite "changing schema of state when restarting query": the restarted
// query's state schema differs, and its first batch fails in the state schema check.
void TestCheckpointRestart::changingSchemaOfStateWhenRestartingQuery()
{
    QFETCH(QString, version);
    QFETCH(QString, change);
    QFETCH(QString, where);
    QFETCH(QString, exception);
    QFETCH(QString, message);
    TestScenario sc;
    sc.sparkVersion = version.toStdString();
    sc.schema = {{"k", "string"}, {"n", "long"}, {"t", "timestamp"}};
    sc.events = {"100: a 1 100", "200: b 2 200"};
    sc.query = R"("withWatermark": {"column": "t", "delay": "10 seconds"},
        "groupBy": [{"window": {"column": "t", "duration": "10 seconds"}}, "k"], "agg": [{"fn": "count"}])";
    const Scenario s = load(withRestarts(sc, R"({"stopAt": 150, "restartAt": 160, "query": {)" + change.toStdString() + "}}"));
    auto plan = analyze(s);
    QVERIFY(!plan);
    QCOMPARE(plan.error().kind, ErrorKind::Query);
    QCOMPARE(QString::fromStdString(plan.error().where), where);
    QCOMPARE(QString::fromStdString(plan.error().exception), exception);
    QCOMPARE(QString::fromStdString(plan.error().message), message);
}

void TestCheckpointRestart::changeTidemarkDoesNotSimulateIsAFileError()
{
    TestScenario sc;
    sc.sparkVersion = "3.5";
    sc.schema = {{"k", "string"}, {"m", "string"}, {"t", "timestamp"}};
    sc.events = {"100: a b 100"};
    sc.query = R"("groupBy": ["k"], "agg": [{"fn": "count"}], "outputMode": "update")";
    // Another key of the same type passes Spark's check (names may differ) and reuses the old state.
    auto regrouped = analyze(load(withRestarts(sc, R"({"stopAt": 150, "restartAt": 160, "query": {"groupBy": ["m"]}})")));
    QVERIFY(!regrouped);
    QCOMPARE(regrouped.error().kind, ErrorKind::File);
    QCOMPARE(QString::fromStdString(regrouped.error().where), QString("restarts[0].query"));
    // Removing the aggregation.
    auto stateless = analyze(load(withRestarts(sc, R"({"stopAt": 150, "restartAt": 160, "query": {"groupBy": null, "agg": null, "outputMode": "append"}})")));
    QVERIFY(!stateless);
    QCOMPARE(stateless.error().kind, ErrorKind::File);
    // A filter is fine.
    QVERIFY(analyze(load(withRestarts(sc, R"({"stopAt": 150, "restartAt": 160, "query": {"where": "k != 'x'"}})"))).ok());
}

void TestCheckpointRestart::restartErrorsAreLocatedUnderTheRestart()
{
    TestScenario sc = recoveryQuery("3.5");
    sc.events = {"100: 10"};
    auto badKey = loadScenarioText(withRestarts(sc, R"({"stopAt": 150, "restartAt": 160, "query": {"wher": "value > 1"}})"));
    QVERIFY(!badKey);
    QCOMPARE(QString::fromStdString(badKey.error().where), QString("restarts[0].query.wher"));
    QVERIFY2(badKey.error().message.find("where") != std::string::npos, badKey.error().message.c_str()); // did you mean
    auto early = loadScenarioText(withRestarts(sc, R"({"stopAt": 150, "restartAt": 140})"));
    QVERIFY(!early);
    QCOMPARE(QString::fromStdString(early.error().where), QString("restarts[0].restartAt"));
    auto unknownSource = loadScenarioText(withRestarts(sc, R"({"stopAt": 150, "restartAt": 160, "maxEventsPerTrigger": {"nope": 2}})"));
    QVERIFY(!unknownSource);
    QCOMPARE(QString::fromStdString(unknownSource.error().where), QString("restarts[0].maxEventsPerTrigger.nope"));
    // Spark's own error for the restarted query, located under the restart.
    auto plan = analyze(load(withRestarts(sc, R"({"stopAt": 150, "restartAt": 160, "query": {"where": "nope > 1"}})")));
    QVERIFY(!plan);
    QVERIFY2(plan.error().where.rfind("restarts[0].query", 0) == 0, plan.error().where.c_str());
}

void TestCheckpointRestart::restartsRoundTripThroughTheFile()
{
    TestScenario sc = recoveryQuery("3.5");
    sc.events = {"100: 10"};
    const Scenario s = load(withRestarts(sc, R"({"stopAt": 150, "crash": true, "restartAt": 160, "query": {"where": "value > 1"},
                                               "maxEventsPerTrigger": {"in": 4}}, {"stopAt": 170, "restartAt": 180, "query": {"where": null}})"));
    const std::string written = scenarioToJson(s);
    // Only what changed is written for each restart.
    QVERIFY2(written.find(R"("where": "value > 1")") != std::string::npos, written.c_str());
    QVERIFY2(written.find(R"("where": null)") != std::string::npos, written.c_str());
    QVERIFY2(written.find("selectExpr") == written.rfind("selectExpr"), written.c_str()); // only in the first query
    const Scenario again = load(written);
    QCOMPARE(again.restarts.size(), std::size_t(2));
    QVERIFY(again.restarts[0].crash);
    QCOMPARE(again.restarts[0].stopAt, s.restarts[0].stopAt);
    QCOMPARE(again.restarts[0].restartAt, s.restarts[0].restartAt);
    QCOMPARE(again.restarts[0].maxEventsPerTrigger, s.restarts[0].maxEventsPerTrigger);
    QCOMPARE(again.restarts[0].changes.where, std::optional<std::string>("value > 1"));
    QVERIFY(!again.restarts[1].changes.where);
    QCOMPARE(again.restarts[1].changedKeys, std::vector<std::string>{"where"});
    QCOMPARE(scenarioToJson(again), written);
}

// The window edits the scenario's query; a restart keeps only its own changes on top of it.
void TestCheckpointRestart::editOfTheQueryBeforeReachesTheRestartedRun()
{
    TestScenario sc = recoveryQuery("3.5");
    sc.events = {"100: 10"};
    Scenario s = load(withRestarts(sc, R"({"stopAt": 150, "restartAt": 160, "query": {"where": "value > 1"}})"));
    s.query.withWatermark->delay = "20 seconds";
    auto plan = analyze(s);
    QVERIFY(plan.ok());
    auto runs = planRestartedRuns(s, plan.value(), std::nullopt);
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), std::size_t(1));
    QCOMPARE(runs->front()->scenario.query.withWatermark->delay, std::string("20 seconds"));
    QCOMPARE(runs->front()->scenario.query.where, std::optional<std::string>("value > 1"));
}

// Trigger.Once started again later (a scheduled job): each start reads what arrived since,
// with batch ids going on.
void TestCheckpointRestart::triggerOnceRunAgainReadsWhatArrivedMeanwhile()
{
    TestScenario sc = recoveryQuery("3.5");
    sc.query = R"("selectExpr": ["value", "timestamp_seconds(value) AS eventTime"],
        "withWatermark": {"column": "eventTime", "delay": "10 seconds"},
        "groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}], "agg": [{"fn": "count"}],
        "trigger": {"once": true})";
    sc.events = {"100: 10", "100: 11", "110: 25", "120: 40"};
    const Scenario s = load(withRestarts(sc, R"({"stopAt": 101, "restartAt": 115}, {"stopAt": 116, "restartAt": 125})"));
    const QStringList expected = {
        "B0 wm=0:  | offsets=2 commit=yes",
        ">> stop wm=1 | B1 wm=1:  | offsets=3 commit=yes",
        ">> stop wm=15 | B2 wm=15: [10,15) 2 | offsets=4 commit=yes",
    };
    QCOMPARE(runLines(s).join(QLatin1Char('\n')), expected.join(QLatin1Char('\n')));
}

/// A join followed by a window count, crashing in the batch that reads impressions 1-4: the rerun
/// starts from the last committed state of both operators (join and aggregation), so the
/// result is the one of the run without the crash: 3 impressions, 2 clicked.
void TestCheckpointRestart::crashAfterAJoinRollsBackEveryOperator()
{
    QFile file(QStringLiteral(TIDEMARK_SCENARIOS "/stream-stream-join-then-window-count.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    std::string json = file.readAll().trimmed().toStdString();
    const std::string plain = json;
    json.pop_back();
    json += R"(, "restarts": [{"stopAt": "10:12:45", "crash": true, "restartAt": "10:14:30"}]})";
    auto results = [](const Scenario& sc) {
        std::map<std::int64_t, QStringList> lastRun; // a rerun batch replaces its crashed run
        const auto plan = analyze(sc, OutputMode::Append);
        for (const BatchRecord& b : runBatches(sc)) {
            QStringList rows;
            for (const Row& r : b.sinkRows)
                rows << QString::fromStdString(describeRow(r, plan->output));
            lastRun[b.batchId] = rows;
        }
        QStringList all;
        for (const auto& [id, rows] : lastRun)
            all += rows;
        return all;
    };
    const std::vector<BatchRecord> crashed = runBatches(load(json));
    QVERIFY(std::any_of(crashed.begin(), crashed.end(), [](const BatchRecord& b) { return b.checkpoint.rerun; }));
    QCOMPARE(results(load(json)), results(load(plain)));
    QCOMPARE(results(load(plain)).size(), qsizetype(1));
}

/// A restart that changes the aggregation after a join: its state was written by the old
/// grouping, which Tidemark does not carry over (the operators after the first are compared too).
void TestCheckpointRestart::changedOperatorAfterAJoinIsAFileError()
{
    QFile file(QStringLiteral(TIDEMARK_SCENARIOS "/stream-stream-join-then-window-count.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    std::string json = file.readAll().trimmed().toStdString();
    json.pop_back();
    const std::string unchanged = json + R"(, "restarts": [{"stopAt": "10:12:45", "restartAt": "10:14:30", "query": {"trigger": {"processingTime": "1 minute"}}}]})";
    QVERIFY(analyze(load(unchanged), OutputMode::Append).ok());
    json += R"(, "restarts": [{"stopAt": "10:12:45", "restartAt": "10:14:30",
                 "query": {"groupBy": [{"window": {"column": "impressionTime", "duration": "5 minutes"}}]}}]})";
    const auto refused = analyze(load(json), OutputMode::Append);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::File);
    QCOMPARE(refused.error().where, std::string("restarts[0].query"));
}

// The restarted query's first batch filters late rows with the offset log's entry of the batch
// before it (3.4+: MicroBatchExecution.runBatch passes offsetLog.offsetSeqMetadataForBatchId(
// batchId - 1) to IncrementalExecution, whose eventTimeWatermarkForLateEvents is that entry's
// batchWatermarkMs), not with the watermark populateStartOffsets raised from the commit log,
// which only evicts. Before 3.4 one watermark does both.
void TestCheckpointRestart::lateRowsAfterARestartUseTheOffsetLogsWatermark_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("expected");
    QTest::newRow("3.5: late rows by the offset log's 4 s") << "3.5" << ">> stop wm=15 | B3 wm=15: [10,15) 6 | offsets=7 commit=yes";
    QTest::newRow("3.3: late rows by the restored 15 s") << "3.3" << ">> stop wm=15 | B3 wm=15: [10,15) 5 | offsets=7 commit=yes";
}

void TestCheckpointRestart::lateRowsAfterARestartUseTheOffsetLogsWatermark()
{
    QFETCH(QString, version);
    QFETCH(QString, expected);
    TestScenario sc = recoveryQuery(version.toStdString());
    // Batch 2 runs with watermark 4 s and commits 15 s; the stop comes before the no-data batch.
    sc.events = {"100: 10", "100: 11", "100: 12", "100: 13", "100: 14", "110: 25", "120: 12"};
    const Scenario s = load(withRestarts(sc, R"({"stopAt": 111, "restartAt": 120})"));
    const QStringList lines = runLines(s);
    QVERIFY2(lines.size() >= 4, qPrintable(lines.join(QLatin1Char('\n'))));
    QCOMPARE(lines[3], expected);
    const auto batches = runBatches(s);
    QCOMPARE(batches[3].watermarkMs, Millis{15000});
    QCOMPARE(batches[3].lateFilterWatermarkMs, Millis{version == QLatin1String("3.5") ? 4000 : 15000});
}

QTEST_APPLESS_MAIN(TestCheckpointRestart)
#include "tst_checkpointrestart.moc"
