// SPDX-License-Identifier: GPL-3.0-or-later
// The live source against librdkafka's mock cluster on loopback, with messages from the real
// kcat client: replay equality, a broker going away and back, malformed messages, an
// unreachable address, a missing topic, startingOffsets and consumer groups.
#include "LiveHarness.h"

#include "live/MockCluster.h"

#include <QTest>

#include <netinet/in.h>
#include <set>
#include <sys/socket.h>
#include <unistd.h>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

void compareWithReplay(const LiveRun& run)
{
    std::string error;
    const auto replayed = replay(run.recording(), &error);
    QVERIFY2(error.empty(), error.c_str());
    QVERIFY(!run.lines.empty());
    QVERIFY(replayed.size() >= run.lines.size());
    for (size_t i = 0; i < run.lines.size(); ++i)
        QCOMPARE(QString::fromStdString(replayed[i]), QString::fromStdString(run.lines[i]));
}

/// Every offset 0..n-1 of partition 0 exactly once, in order.
void expectOffsetsOnce(const std::vector<SourceEvent>& events, long long n)
{
    QCOMPARE(static_cast<long long>(events.size()), n);
    for (long long i = 0; i < n; ++i) {
        QCOMPARE(events[static_cast<size_t>(i)].partition, 0);
        QCOMPARE(static_cast<long long>(events[static_cast<size_t>(i)].offset), i);
    }
}

} // namespace

class TestKafkaLive : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(std::string(TIDEMARK_KCAT).size() > 0, "kcat not found: apt-get install kcat"); }

    /// The notebook's eight events, sent by kcat while the query runs: rows and batches of the
    /// live run equal those of its recording replayed.
    void kcatMessagesReplayToSameBatches()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(R"({"processingTime": "250 milliseconds"})"), testConfig(cluster.bootstrap(), "events", "latest")),
                 run.error.c_str());
        const std::vector<long long> times = {1625238000, 1625238300, 1625238600, 1625238900, 1625239800, 1625241600, 1625243400, 1625239200};
        for (size_t i = 0; i < times.size(); i += 2) {
            QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(int(i), times[i]), jsonEvent(int(i + 1), times[i + 1])}));
            run.runFor(150ms);
        }
        QVERIFY(run.runUntil([&] { return run.events().size() == times.size(); }, 10s));
        run.runFor(600ms); // the batches that read them, and the no-data batch after
        expectOffsetsOnce(run.events(), 8);
        for (size_t i = 0; i < times.size(); ++i)
            QCOMPARE(run.events()[i].row[2].asInt(), times[i] * 1000000);
        std::int64_t rows = 0;
        for (const auto& b : run.batches)
            rows += b.numInputRows;
        QCOMPARE(rows, std::int64_t(8));
        QCOMPARE(run.stats().malformed, std::int64_t(0));
        compareWithReplay(run);
    }

    /// startingOffsets=earliest: what is in the topic at the start is batch 0, as in Spark.
    void earliestBacklogIsBatchZero()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(1, 1625238000), jsonEvent(2, 1625238300), jsonEvent(3, 1625238600)}));
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(R"({"processingTime": "500 milliseconds"})"), testConfig(cluster.bootstrap(), "events", "earliest")),
                 run.error.c_str());
        QVERIFY(run.runUntil([&] { return !run.batches.empty(); }, 10s));
        QCOMPARE(run.batches[0].batchId, std::int64_t(0));
        QCOMPARE(run.batches[0].numInputRows, std::int64_t(3));

        // latest: the same topic read from its end has an empty batch 0
        LiveRun late;
        QVERIFY2(late.start(classroomScenario(R"({"processingTime": "500 milliseconds"})"), testConfig(cluster.bootstrap(), "events", "latest")),
                 late.error.c_str());
        QVERIFY(late.runUntil([&] { return !late.batches.empty(); }, 10s));
        QCOMPARE(late.batches[0].numInputRows, std::int64_t(0));
        QCOMPARE(late.stats().partitions.at(0).startOffset, std::int64_t(3));
    }

    /// The broker goes away mid-run and comes back: the status says so (with a hint), nothing
    /// is fatal, and every message is read exactly once.
    void brokerDownAndBackLosesNothing()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), testConfig(cluster.bootstrap(), "events", "earliest")), run.error.c_str());
        std::vector<std::string> first, second;
        for (int i = 0; i < 10; ++i)
            first.push_back(jsonEvent(i, 1625238000 + 60 * i));
        for (int i = 10; i < 20; ++i)
            second.push_back(jsonEvent(i, 1625238000 + 60 * i));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", first));
        QVERIFY(run.runUntil([&] { return run.events().size() == 10; }, 10s));

        cluster.setBrokerDown();
        QVERIFY2(run.runUntil([&] { return run.stats().state == SourceState::Reconnecting; }, 10s), run.stats().status.c_str());
        QVERIFY(QString::fromStdString(run.stats().status).contains("resume at offsets 0:10"));
        QVERIFY(!run.stats().hint.empty());
        const size_t batchesWhileDown = run.batches.size();
        run.runFor(1500ms); // the query keeps running (empty or no-data batches), nothing freezes
        QVERIFY(run.batches.size() >= batchesWhileDown);

        cluster.setBrokerUp();
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", second));
        QVERIFY2(run.runUntil([&] { return run.events().size() == 20; }, 15s), run.stats().status.c_str());
        run.runFor(500ms);
        QCOMPARE(run.stats().state, SourceState::Connected);
        expectOffsetsOnce(run.events(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(run.events()[static_cast<size_t>(i)].row[0].asInt(), std::int64_t(i));
        std::int64_t rows = 0;
        for (const auto& b : run.batches)
            rows += b.numInputRows;
        QCOMPARE(rows, std::int64_t(20));
        compareWithReplay(run);
    }

    /// Malformed messages are counted and listed with a reason; the query goes on, and each still
    /// counts as an input row (from_json gives nulls), as in Spark.
    void malformedMessagesAreCountedNotFatal()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), testConfig(cluster.bootstrap(), "events", "earliest")), run.error.c_str());
        const std::vector<std::string> lines = {
            jsonEvent(1, 1625238000),
            "this is not json",
            "[1,2,3]",
            R"({"emp_id":"two","timestamp":1625238060})",
            R"({"emp_id":3})",
            R"({"emp_id":4,"timestamp":null})",
            R"({"emp_id":5,"timestamp":"2021-07-03 00:10:00"})",
            R"({"emp_id":6,"timestamp":"2021. 7. 3. 오전 12:00:00"})",
        };
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", lines));
        QVERIFY(run.runUntil([&] { return run.events().size() == lines.size(); }, 10s));
        run.runFor(600ms);
        QCOMPARE(run.stats().received, std::int64_t(8));
        QCOMPARE(run.stats().malformed, std::int64_t(6));
        const auto& bad = run.source->malformed();
        QCOMPARE(bad.size(), size_t(6));
        QCOMPARE(bad[0].kind, MalformedKind::NotJson);
        QCOMPARE(bad[0].offset, std::int64_t(1));
        QCOMPARE(bad[1].kind, MalformedKind::NotObject);
        QCOMPARE(bad[2].kind, MalformedKind::WrongType);
        QCOMPARE(bad[3].kind, MalformedKind::NullEventTime);
        QCOMPARE(bad[4].kind, MalformedKind::NullEventTime);
        QCOMPARE(bad[5].kind, MalformedKind::NullEventTime);
        for (const auto& b : bad) {
            QVERIFY(!b.reason.empty());
            QVERIFY(!b.sparkBehaviour.empty());
        }
        QCOMPARE(run.source->takeNewMalformed().size(), size_t(6));
        QCOMPARE(run.source->takeNewMalformed().size(), size_t(0));
        // the string timestamp was read; the wrong-typed id is null but its time was kept
        QCOMPARE(run.events()[6].row[2].asInt(), 1625238600LL * 1000000);
        QVERIFY(run.events()[3].row[0].isNull());
        QVERIFY(!run.events()[3].row[2].isNull());
        std::int64_t rows = 0;
        for (const auto& b : run.batches)
            rows += b.numInputRows;
        QCOMPARE(rows, std::int64_t(8));
        compareWithReplay(run);
    }

    /// Nothing listens at the address: the status and the listener hint come quickly, the
    /// query still starts (batch 0), and poll() never blocks long.
    void unreachableBootstrapGivesStatusQuickly()
    {
        const std::string address = "127.0.0.1:" + std::to_string(unusedPort());
        const auto t0 = std::chrono::steady_clock::now();
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), testConfig(address, "events")), run.error.c_str());
        QVERIFY(run.runUntil([&] { return run.stats().state == SourceState::Unreachable && !run.stats().hint.empty(); }, 5s));
        const auto elapsed = std::chrono::steady_clock::now() - t0;
        QVERIFY2(elapsed < 5s, "the status took too long");
        const QString status = QString::fromStdString(run.stats().status);
        const QString hint = QString::fromStdString(run.stats().hint);
        QVERIFY2(status.contains(QString::fromStdString(address)), qPrintable(status));
        QVERIFY2(hint.contains("localhost:9092") && hint.contains("kafka:9093"), qPrintable(hint));
        QVERIFY(!run.batches.empty()); // batch 0 ran on nothing
        for (int i = 0; i < 5; ++i) {
            const auto s = std::chrono::steady_clock::now();
            run.step(10ms);
            QVERIFY(std::chrono::steady_clock::now() - s < 2500ms); // at most one bounded metadata attempt
        }
    }

    /// Messages deleted by retention before they were read (the mock keeps only the newest few
    /// MB): Spark's data loss. failOnDataLoss=true stops the query with Spark's "Cannot fetch
    /// offset" error; false skips to the earliest offset left and reports the skipped range.
    void retentionGapIsReported_data()
    {
        QTest::addColumn<bool>("failOnDataLoss");
        QTest::newRow("failOnDataLoss=true") << true;
        QTest::newRow("failOnDataLoss=false") << false;
    }

    void retentionGapIsReported()
    {
        QFETCH(bool, failOnDataLoss);
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        KafkaSourceConfig config = testConfig(cluster.bootstrap(), "events", "earliest");
        config.failOnDataLoss = failOnDataLoss;
        config.properties["queued.min.messages"] = "1"; // no prefetching while the source is not polled
        config.properties["queued.max.messages.kbytes"] = "1";
        config.properties["fetch.max.bytes"] = "2000";
        config.properties["message.max.bytes"] = "2000";
        config.properties["max.partition.fetch.bytes"] = "2000";
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), config), run.error.c_str());
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(0, 1625238000)}));
        QVERIFY(run.runUntil([&] { return run.events().size() == 1; }, 10s));
        std::vector<std::string> many;
        for (int i = 0; i < 150000; ++i)
            many.push_back(jsonEvent(i % 10, 1625238000 + i));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", many));
        if (failOnDataLoss) {
            QVERIFY2(run.runUntil([&] { return run.stats().state == SourceState::Failed; }, 20s), run.stats().status.c_str());
            const QString error = QString::fromStdString(run.stats().error);
            QVERIFY2(error.startsWith("Cannot fetch offset ") && error.contains("TopicPartition: events-0). Some data may have been lost")
                         && error.endsWith("\"failOnDataLoss\" to \"false\"."),
                     qPrintable(error));
            QCOMPARE(run.stats().offsetsMissed, std::int64_t(0));
            return;
        }
        QVERIFY2(run.runUntil([&] { return run.stats().offsetsMissed > 0; }, 20s), run.stats().status.c_str());
        QVERIFY(run.runUntil([&] { return run.stats().received > 100; }, 10s));
        QCOMPARE(run.stats().error, std::string());
        const SourceFault* missed = nullptr;
        for (const auto& f : run.stats().faults)
            if (f.kind == SourceFault::Kind::OffsetsMissed)
                missed = &f;
        QVERIFY(missed);
        QCOMPARE(missed->partition, 0);
        QCOMPARE(missed->toOffset - missed->fromOffset, run.stats().offsetsMissed);
        // every offset before the next one to read was either received once or reported as missed
        QCOMPARE(run.stats().received + run.stats().offsetsMissed, run.stats().partitions.at(0).nextOffset);
    }

    /// The topic does not exist yet: the status says so; once it is created it is read from its
    /// beginning (Spark reads partitions that appear after the start from earliest).
    void missingTopicIsWaitedFor()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        cluster.setTopicMissing("later", true);
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), testConfig(cluster.bootstrap(), "later", "latest")), run.error.c_str());
        QVERIFY2(run.runUntil([&] { return run.stats().state == SourceState::TopicMissing; }, 5s), run.stats().status.c_str());
        QVERIFY(QString::fromStdString(run.stats().status).contains("does not exist"));
        run.runFor(500ms); // still waiting, batches still run
        QCOMPARE(run.stats().state, SourceState::TopicMissing);
        QVERIFY(!run.batches.empty());
        cluster.setTopicMissing("later", false);
        QVERIFY(kcatProduce(cluster.bootstrap(), "later", {jsonEvent(1, 1625238000), jsonEvent(2, 1625238060)}, 0));
        QVERIFY2(run.runUntil([&] { return run.events().size() == 2; }, 10s), run.stats().status.c_str());
        QCOMPARE(run.stats().state, SourceState::Connected);
        expectOffsetsOnce(run.events(), 2);
    }

    /// With a group id the source subscribes, commits what it delivered, and a later session in
    /// the same group resumes there (group joins in the mock take about 3 s each).
    void consumerGroupResumesFromCommittedOffsets()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(0, 1625238000), jsonEvent(1, 1625238060), jsonEvent(2, 1625238120)}));
        KafkaSourceConfig config = testConfig(cluster.bootstrap(), "events", "earliest");
        config.groupId = "classroom";
        {
            LiveRun run;
            QVERIFY2(run.start(classroomScenario(), config), run.error.c_str());
            QVERIFY2(run.runUntil([&] { return run.events().size() == 3; }, 15s), run.stats().status.c_str());
            run.runFor(300ms); // the commit goes out
            run.source->close();
        }
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(3, 1625238180), jsonEvent(4, 1625238240)}));
        LiveRun again;
        QVERIFY2(again.start(classroomScenario(), config), again.error.c_str());
        QVERIFY2(again.runUntil([&] { return again.events().size() == 2; }, 15s), again.stats().status.c_str());
        again.runFor(300ms);
        QCOMPARE(again.events().size(), size_t(2));
        QCOMPARE(again.events()[0].offset, std::int64_t(3));
        QCOMPARE(again.events()[1].offset, std::int64_t(4));
    }
};

QTEST_GUILESS_MAIN(TestKafkaLive)
#include "tst_kafka_live.moc"
