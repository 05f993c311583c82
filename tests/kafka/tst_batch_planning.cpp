// SPDX-License-Identifier: GPL-3.0-or-later
// Batches as Spark's Kafka source plans them: every partition up to its end offset at planning
// time, ordered by (partition, offset), and maxOffsetsPerTrigger split in proportion to lag.
#include "LiveHarness.h"

#include "live/MockCluster.h"

#include <QTest>

#include <atomic>

#include <utility>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

/// (partition, offset) of each event a batch read, in the order it read them.
std::vector<std::pair<int, long long>> coordinates(const BatchRecord& b, const Scenario& sc)
{
    std::vector<std::pair<int, long long>> out;
    for (auto e : b.events) {
        const SourceEvent& ev = sc.sources[0].events[e];
        out.emplace_back(ev.partition, static_cast<long long>(ev.offset));
    }
    return out;
}

std::vector<std::pair<int, long long>> range(int partition, long long from, long long to)
{
    std::vector<std::pair<int, long long>> out;
    for (long long o = from; o < to; ++o)
        out.emplace_back(partition, o);
    return out;
}

std::vector<std::pair<int, long long>> concat(std::initializer_list<std::vector<std::pair<int, long long>>> parts)
{
    std::vector<std::pair<int, long long>> out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

} // namespace

class TestBatchPlanning : public QObject {
    Q_OBJECT

private slots:
    /// The engine alone, on a hand-written recording: arrival order across partitions does not
    /// decide the order inside a batch; a rate limit is split by backlog, rounding small shares up.
    void engineOrdersByPartitionAndOffset()
    {
        std::string sc = classroomScenario(R"({"processingTime": "1 second", "startAt": "2026-01-01 00:00:00"})",
                                           R"({"topic": "events", "maxOffsetsPerTrigger": 4})");
        const std::string events = R"([
        {"at": "2026-01-01 00:00:00.1", "row": {"emp_id": 10, "timestamp": 1625238000}, "partition": 1, "offset": 0},
        {"at": "2026-01-01 00:00:00.2", "row": {"emp_id": 0, "timestamp": 1625238000}, "partition": 0, "offset": 0},
        {"at": "2026-01-01 00:00:00.3", "row": {"emp_id": 11, "timestamp": 1625238000}, "partition": 1, "offset": 1},
        {"at": "2026-01-01 00:00:00.4", "row": {"emp_id": 1, "timestamp": 1625238000}, "partition": 0, "offset": 1},
        {"at": "2026-01-01 00:00:00.5", "row": {"emp_id": 2, "timestamp": 1625238000}, "partition": 0, "offset": 2},
        {"at": "2026-01-01 00:00:00.6", "row": {"emp_id": 3, "timestamp": 1625238000}, "partition": 0, "offset": 3},
        {"at": "2026-01-01 00:00:00.7", "row": {"emp_id": 4, "timestamp": 1625238000}, "partition": 0, "offset": 4},
        {"at": "2026-01-01 00:00:00.8", "row": {"emp_id": 5, "timestamp": 1625238000}, "partition": 0, "offset": 5},
        {"at": "2026-01-01 00:00:02.5", "row": {"emp_id": 6, "timestamp": 1625238000}, "partition": 0, "offset": 6}
      ])";
        sc.replace(sc.find("\"events\": []"), 12, "\"events\": " + events);
        auto loaded = loadScenarioText(sc);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
        auto plan = analyze(*loaded);
        QVERIFY(plan.ok());
        Simulation sim(*loaded, *plan);
        std::vector<BatchRecord> batches;
        while (auto b = sim.next())
            batches.push_back(std::move(*b));
        QVERIFY(batches.size() >= 3);
        // Batch 0 at 00:00:00: nothing has arrived (Kafka sources run batch 0 anyway).
        QCOMPARE(batches[0].events.size(), size_t(0));
        // Batch 1 at 00:00:01: backlog p0 = 6, p1 = 2, limit 4: p0 gets floor(4*6/8) = 3, p1 floor(4*2/8) = 1.
        QCOMPARE(coordinates(batches[1], *loaded), concat({range(0, 0, 3), range(1, 0, 1)}));
        // Batch 2 at 00:00:02: p0 = 3 left, p1 = 1: p0 floor(4*3/4) = 3, p1 = 1.
        QCOMPARE(coordinates(batches[2], *loaded), concat({range(0, 3, 6), range(1, 1, 2)}));
        // Batch 3 at 00:00:03: the message that arrived at 00:00:02.5.
        QCOMPARE(coordinates(batches[3], *loaded), range(0, 6, 7));
    }

    void engineStarvationGuard()
    {
        // 20 partitions holding one message each, limit 5: every share is 0.25, rounded up to 1
        // ("don't completely starve small topicpartitions"), so the batch reads 20 > 5.
        std::string sc = classroomScenario(R"({"processingTime": "1 second", "startAt": "2026-01-01 00:00:00"})",
                                           R"({"topic": "events", "maxOffsetsPerTrigger": 5})");
        std::string events = "[";
        for (int p = 19; p >= 0; --p)
            events += std::string(p == 19 ? "" : ",") + R"({"at": "2026-01-01 00:00:00.5", "row": {"emp_id": )" + std::to_string(p)
                      + R"(, "timestamp": 1625238000}, "partition": )" + std::to_string(p) + R"(, "offset": 0})";
        events += "]";
        sc.replace(sc.find("\"events\": []"), 12, "\"events\": " + events);
        auto loaded = loadScenarioText(sc);
        QVERIFY(loaded.ok());
        auto plan = analyze(*loaded);
        QVERIFY(plan.ok());
        Simulation sim(*loaded, *plan);
        sim.next(); // batch 0, empty
        auto b1 = sim.next();
        QVERIFY(b1);
        QCOMPARE(b1->events.size(), size_t(20));
        QCOMPARE(coordinates(*b1, *loaded).front(), std::make_pair(0, 0LL)); // partition order, not file order
    }

    /// The same, live: a backlog produced with kcat into three partitions, read from earliest
    /// with maxOffsetsPerTrigger; then the recording replays to the same batches.
    void liveBacklogAcrossPartitions()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 3));
        std::vector<std::string> p0, p1, p2;
        for (int i = 0; i < 20; ++i)
            p0.push_back(jsonEvent(i, 1625238000 + i));
        for (int i = 0; i < 8; ++i)
            p1.push_back(jsonEvent(100 + i, 1625238000 + i));
        p2.push_back(jsonEvent(200, 1625238000));
        p2.push_back(jsonEvent(201, 1625238001));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", p0, 0));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", p1, 1));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", p2, 2));

        LiveRun run;
        QVERIFY2(run.start(classroomScenario(R"({"processingTime": "300 milliseconds"})", R"({"topic": "events", "maxOffsetsPerTrigger": 10})"),
                           testConfig(cluster.bootstrap(), "events", "earliest")),
                 run.error.c_str());
        QVERIFY(run.runUntil([&] { return run.events().size() == 30 && run.batches.size() >= 4; }, 15s));
        // The backlog was in the topic when the query started, so all of it arrived at the start.
        for (const auto& e : run.events())
            QCOMPARE(e.at, *run.source->startTime());
        // Batch 0: 30 in the backlog, limit 10: p0 floor(10*20/30) = 6, p1 floor(2.67) = 2, p2 ceil(0.67) = 1.
        QCOMPARE(coordinates(run.batches[0], run.scenario()), concat({range(0, 0, 6), range(1, 0, 2), range(2, 0, 1)}));
        // Batch 1: 14 + 6 + 1 = 21 left: p0 floor(6.67) = 6, p1 floor(2.86) = 2, p2 ceil(0.48) = 1.
        QCOMPARE(coordinates(run.batches[1], run.scenario()), concat({range(0, 6, 12), range(1, 2, 4), range(2, 1, 2)}));
        // Batch 2: 8 + 4 = 12 left: p0 floor(6.67) = 6, p1 floor(3.33) = 3.
        QCOMPARE(coordinates(run.batches[2], run.scenario()), concat({range(0, 12, 18), range(1, 4, 7)}));
        // Batch 3: 2 + 1 left, under the limit.
        QCOMPARE(coordinates(run.batches[3], run.scenario()), concat({range(0, 18, 20), range(1, 7, 8)}));

        std::string error;
        const auto replayed = replay(run.recording(), &error);
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY(replayed.size() >= run.lines.size());
        for (size_t i = 0; i < run.lines.size(); ++i)
            QCOMPARE(QString::fromStdString(replayed[i]), QString::fromStdString(run.lines[i]));
    }

    /// Messages arriving while the query runs: a batch holds what was in the topic at its
    /// trigger, per partition in offset order, whatever the arrival order across partitions.
    /// The clock is the test's, so both partitions' messages arrive within one trigger interval.
    void liveInterleavedPartitions()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 2));
        std::atomic<Micros> now{1'800'000'000'000'000};
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(R"({"processingTime": "10 seconds"})"), testConfig(cluster.bootstrap(), "events", "latest"),
                           [&] { return now.fetch_add(1) + 1; }), // a clock that creeps 1 us per reading
                 run.error.c_str());
        QVERIFY(run.runUntil([&] { return run.batches.size() == 1; }, 5s)); // batch 0 at the start
        now += 1'000'000;
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(10, 1625238000), jsonEvent(11, 1625238001)}, 1));
        QVERIFY(run.runUntil([&] { return run.events().size() == 2; }, 10s));
        now += 1'000'000;
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(0, 1625238002), jsonEvent(1, 1625238003)}, 0));
        QVERIFY(run.runUntil([&] { return run.events().size() == 4; }, 10s));
        QCOMPARE(run.events()[0].partition, 1); // partition 1's messages arrived first
        QCOMPARE(run.batches.size(), size_t(1));
        now += 20'000'000; // past the next trigger
        QVERIFY(run.runUntil([&] { return run.batches.size() >= 2; }, 5s));
        // ... but the batch reads partition 0 first, each partition in offset order
        QCOMPARE(coordinates(run.batches[1], run.scenario()), concat({range(0, 0, 2), range(1, 0, 2)}));
        std::string error;
        const auto replayed = replay(run.recording(), &error);
        QVERIFY2(error.empty(), error.c_str());
        for (size_t i = 0; i < run.lines.size(); ++i)
            QCOMPARE(QString::fromStdString(replayed[i]), QString::fromStdString(run.lines[i]));
    }
};

QTEST_GUILESS_MAIN(TestBatchPlanning)
#include "tst_batch_planning.moc"
