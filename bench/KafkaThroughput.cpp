// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): how many messages per second the live Kafka path sustains —
// librdkafka consume, from_json parsing, arrival stamping, hand-off from the consumer thread
// to the UI thread (KafkaBridge, <= ~30 updates/s), and the UI thread appending the messages to
// the scenario and running the live Simulation — against librdkafka's mock cluster.
//
//   tidemark-bench-kafka [--messages N] [--rate MSG_PER_S] [--seconds S] [--partitions P]
//
// Phase 1 drains a backlog of N messages as fast as possible. Phase 2 produces at a fixed rate
// (default 50,000/s) for S seconds while a 16 ms UI timer measures how late the UI thread's
// event loop gets (a frame late by more than ~50 ms would be a visible stall).
#include "live/LiveSession.h"
#include "live/MockCluster.h"
#include "live/ScenarioProducer.h"
#include "engine/exec/Simulation.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/kafka/KafkaBridge.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <librdkafka/rdkafkacpp.h>

#include <algorithm>
#include <cstdlib>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

using namespace tidemark;
using namespace tidemark::kafka;
using SteadyClock = std::chrono::steady_clock;

namespace {

const char* kScenario = R"({
  "tidemark": 1, "sparkVersion": "3.5", "timeZone": "Asia/Seoul",
  "sources": {"events": {"format": "kafka",
    "schema": {"emp_id": "int", "emp_name": "string", "timestamp": "timestamp", "time": "string"}, "events": []}},
  "query": {"source": "events", "selectExpr": ["emp_id", "timestamp"],
    "withWatermark": {"column": "timestamp", "delay": "25 minutes"},
    "groupBy": ["emp_id", {"window": {"column": "timestamp", "duration": "25 minutes"}}],
    "agg": [{"fn": "count"}], "outputMode": "update", "trigger": {"processingTime": "1 second"}}
})";

std::string message(long i)
{
    return "{\"emp_id\":" + std::to_string(i % 100) + ",\"emp_name\":\"OO전자\",\"timestamp\":" + std::to_string(1625238000 + i / 50)
           + ",\"time\":\"2021. 7. 3. 오전 12:00:00\"}";
}

std::unique_ptr<RdKafka::Producer> makeProducer(const std::string& bootstrap)
{
    std::string err;
    std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
    conf->set("bootstrap.servers", bootstrap, err);
    conf->set("linger.ms", "5", err);
    conf->set("queue.buffering.max.messages", "1000000", err);
    conf->set("log_level", "3", err);
    return std::unique_ptr<RdKafka::Producer>(RdKafka::Producer::create(conf.get(), err));
}

void produce(RdKafka::Producer& p, long i, const std::string& topic = "events")
{
    const std::string v = message(i);
    while (p.produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>(v.data()), v.size(), nullptr, 0, 0,
                     nullptr)
           == RdKafka::ERR__QUEUE_FULL)
        p.poll(10);
}

/// The UI side: what the main window does with each hand-off (LiveSession::feed).
struct UiSide {
    std::unique_ptr<LiveSession> session;
    long received = 0;
    long updates = 0;
    long batches = 0;
    double uiBusyMs = 0;
    double maxHandOffMs = 0;

    void start(Micros startAt)
    {
        Scenario scenario = loadScenarioText(kScenario).value();
        KafkaSettings settings;
        settings.topic = "events";
        SimulationOptions o;
        o.recordFates = false;
        o.recordStateChanges = false;
        session = std::move(LiveSession::start(std::move(scenario), 0, settings, startAt, std::nullopt, o).value());
    }
    void onBatch(const KafkaBatch& b)
    {
        QElapsedTimer t;
        t.start();
        batches += static_cast<long>(session->feed(b).size());
        received += static_cast<long>(b.messages.size());
        ++updates;
        const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
        uiBusyMs += ms;
        maxHandOffMs = std::max(maxHandOffMs, ms);
    }
};

struct Args {
    long messages = 40000; // under the mock's retention (it keeps the newest ~45,000 of these per partition)
    long rate = 50000;
    int seconds = 5;
    int partitions = 1;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--messages")
            a.messages = std::stol(argv[i + 1]);
        else if (k == "--rate")
            a.rate = std::stol(argv[i + 1]);
        else if (k == "--seconds")
            a.seconds = std::stoi(argv[i + 1]);
        else if (k == "--partitions")
            a.partitions = std::stoi(argv[i + 1]);
    }
    const Scenario sc = loadScenarioText(kScenario).value();
    {
    MockCluster cluster;
    if (!cluster.ok() || !cluster.createTopic("events", a.partitions)) {
        std::fprintf(stderr, "cannot start the mock cluster\n");
        return 1;
    }
    const std::string bootstrap = cluster.bootstrap();

    // ---- Phase 1: a backlog of N messages, drained from earliest ----
    {
        auto producer = makeProducer(bootstrap);
        for (long i = 0; i < a.messages; ++i)
            produce(*producer, i);
        producer->flush(60000);
    }
    if (!std::getenv("TIDEMARK_BENCH_SKIP_BACKLOG")) {
        UiSide ui;
        KafkaBridge bridge;
        bridge.setSourceSchema(sc.sources[0].schema, sc.zone, "timestamp");
        QObject::connect(&bridge, &KafkaBridge::started, [&](qint64 start) { ui.start(start); });
        // The mock keeps only the newest few MB of each partition, so the backlog is what it
        // still holds: from each partition's start offset to its end offset.
        long expected = -1;
        QObject::connect(&bridge, &KafkaBridge::messagesArrived, [&](const KafkaBatch& b) {
            ui.onBatch(b);
            if (expected < 0) {
                long sum = 0;
                for (const auto& p : bridge.stats().partitions)
                    sum += static_cast<long>(p.endOffset - p.startOffset);
                if (!bridge.stats().partitions.empty())
                    expected = sum;
            }
            if (expected >= 0 && ui.received >= expected)
                app.quit();
        });
        KafkaSourceConfig c;
        c.bootstrapServers = bootstrap;
        c.topic = "events";
        c.startingOffsets = "earliest";
        QElapsedTimer t;
        t.start();
        bridge.connectTo(c);
        QTimer::singleShot(120000, &app, &QCoreApplication::quit);
        app.exec();
        const double s = static_cast<double>(t.elapsed()) / 1000.0;
        std::printf("backlog: %ld messages (of %ld produced; the mock retains the newest) in %.2f s = %.0f messages/s (%ld UI updates, UI thread busy %.0f%%, longest hand-off %.1f ms)\n",
                    ui.received, a.messages, s, static_cast<double>(ui.received) / s, ui.updates, 100.0 * ui.uiBusyMs / (s * 1000.0), ui.maxHandOffMs);
        bridge.disconnectFromTopic();
    }

    } // the backlog's cluster goes away

    // ---- Phase 2: a steady rate while the UI thread keeps a 16 ms frame timer ----
    // On a fresh mock cluster: a mock that already holds tens of thousands of messages (phase 1)
    // answers slowly for about a second, which would measure the mock, not Tidemark.
    MockCluster steadyCluster;
    if (!steadyCluster.ok() || !steadyCluster.createTopic("steady", a.partitions)) {
        std::fprintf(stderr, "cannot start the mock cluster\n");
        return 1;
    }
    {
        const std::string steadyBootstrap = steadyCluster.bootstrap();
        UiSide ui;
        KafkaBridge bridge;
        bridge.setSourceSchema(sc.sources[0].schema, sc.zone, "timestamp");
        QObject::connect(&bridge, &KafkaBridge::started, [&](qint64 start) { ui.start(start); });
        QObject::connect(&bridge, &KafkaBridge::messagesArrived, [&](const KafkaBatch& b) { ui.onBatch(b); });
        KafkaSourceConfig c;
        c.bootstrapServers = steadyBootstrap;
        c.topic = "steady";
        c.startingOffsets = "latest";
        long long maxLag = 0;
        long long maxLagAfter2s = 0; // the mock answers a new topic's first fetches late (see docs/kafka.md)
        QElapsedTimer since;
        since.start();
        QObject::connect(&bridge, &KafkaBridge::statsChanged, [&] {
            if (bridge.lag() > maxLag && std::getenv("TIDEMARK_BENCH_TRACE"))
                std::printf("  %6lld ms: lag %lld, received %ld\n", static_cast<long long>(since.elapsed()), static_cast<long long>(bridge.lag()), ui.received);
            maxLag = std::max<long long>(maxLag, bridge.lag());
            if (since.elapsed() > 2000)
                maxLagAfter2s = std::max<long long>(maxLagAfter2s, bridge.lag());
        });
        bridge.connectTo(c);

        // the frame timer: how late does the UI thread get?
        QElapsedTimer frame;
        frame.start();
        double worstLateMs = 0;
        long frames = 0;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            const double ms = static_cast<double>(frame.nsecsElapsed()) / 1e6;
            frame.restart();
            if (frames++ > 0)
                worstLateMs = std::max(worstLateMs, ms - 16.0);
        });
        std::atomic<bool> stop{false};
        std::atomic<long> produced{0};
        std::thread producerThread;
        QObject::connect(&bridge, &KafkaBridge::started, [&] {
            tick.start(16);
            producerThread = std::thread([&] {
                auto producer = makeProducer(steadyBootstrap);
                const auto begin = SteadyClock::now();
                long i = 0;
                while (!stop) {
                    const double elapsed = std::chrono::duration<double>(SteadyClock::now() - begin).count();
                    if (elapsed >= a.seconds)
                        break;
                    const long due = static_cast<long>(elapsed * static_cast<double>(a.rate));
                    for (; i < due; ++i)
                        produce(*producer, a.messages + i, "steady");
                    producer->poll(0);
                    produced = i;
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
                producer->flush(30000);
                produced = i;
            });
        });
        QElapsedTimer t;
        t.start();
        QTimer done;
        QObject::connect(&done, &QTimer::timeout, [&] {
            const bool finishedProducing = produced > 0 && t.elapsed() > a.seconds * 1000 + 500;
            if ((finishedProducing && ui.received >= produced) || t.elapsed() > (a.seconds + 30) * 1000)
                app.quit();
        });
        done.start(50);
        app.exec();
        stop = true;
        if (producerThread.joinable())
            producerThread.join();
        const double s = static_cast<double>(t.elapsed()) / 1000.0;
        std::printf("steady: %ld of %ld messages produced at %ld/s for %d s received; %ld UI updates (%.1f per second), "
                    "UI thread busy %.0f%%, longest hand-off %.1f ms, worst frame lateness %.1f ms, %ld batches, max lag %lld (%lld after the first 2 s), lag at end %lld\n",
                    ui.received, produced.load(), a.rate, a.seconds, ui.updates, static_cast<double>(ui.updates) / s,
                    100.0 * ui.uiBusyMs / (s * 1000.0), ui.maxHandOffMs, worstLateMs, ui.batches, maxLag, maxLagAfter2s, static_cast<long long>(bridge.lag()));
        if (bridge.stats().offsetsMissed > 0)
            std::printf("LOST %lld messages: the consumer fell further behind than the mock's retention (it keeps the newest few MB "
                        "per partition): %s\n",
                        static_cast<long long>(bridge.stats().offsetsMissed), bridge.status().toUtf8().constData());
        bridge.disconnectFromTopic();
    }
    return 0;
}
