// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): what the live Kafka path sustains, checked message by message —
// librdkafka consume, from_json parsing, arrival stamping, hand-off from the consumer thread
// to the UI thread (KafkaBridge), and the UI thread appending the messages to the scenario and
// running the live Simulation — against librdkafka's mock cluster in this process.
//
//   tidemark-bench-kafka [--messages N] [--rate MSG_PER_S] [--seconds S] [--partitions P]
//   (defaults: 40,000 messages per partition, 50,000/s for 5 s, 4 partitions)
//
// Phase 1 drains a backlog of N messages as fast as possible, and the same backlog with a
// plain librdkafka consumer loop (no parsing, no hand-off) before and after: the figure is the
// ratio of the two, since both share this machine at the same moment. Phase 2 produces at a
// fixed rate for S seconds on a fresh cluster and measures the UI thread's CPU time.
//
// Both phases check every offset: each one the broker holds (the backlog's range, or every
// message acknowledged to the producer) must reach the UI thread exactly once. Any loss,
// doubling or stray offset prints where it happened and exits with 2.
#include "bench/OffsetLedger.h"
#include "bench/ThreadCpu.h"
#include "live/LiveSession.h"
#include "live/MockCluster.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/kafka/KafkaBridge.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <librdkafka/rdkafkacpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

using namespace tidemark;
using namespace tidemark::kafka;
using tidemark::bench::OffsetLedger;
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

/// A producer that writes the offset of every acknowledged message into a ledger, so the
/// consumer side can be checked against what the broker really holds.
class AckingProducer : public RdKafka::DeliveryReportCb {
public:
    AckingProducer(const std::string& bootstrap, OffsetLedger& ledger)
        : m_ledger(ledger)
    {
        std::string err;
        std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
        conf->set("bootstrap.servers", bootstrap, err);
        conf->set("linger.ms", "5", err);
        conf->set("queue.buffering.max.messages", "1000000", err);
        conf->set("log_level", "3", err);
        conf->set("dr_cb", static_cast<RdKafka::DeliveryReportCb*>(this), err);
        m_producer.reset(RdKafka::Producer::create(conf.get(), err));
    }
    ~AckingProducer() override
    {
        if (m_producer)
            m_producer->flush(30000);
    }
    AckingProducer(const AckingProducer&) = delete;
    AckingProducer& operator=(const AckingProducer&) = delete;

    bool ok() const { return m_producer != nullptr; }

    void send(long i, const std::string& topic)
    {
        const std::string v = message(i);
        while (m_producer->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>(v.data()), v.size(),
                                   nullptr, 0, 0, nullptr)
               == RdKafka::ERR__QUEUE_FULL)
            m_producer->poll(10);
        ++sent;
    }
    void poll() { m_producer->poll(0); }
    void flush() { m_producer->flush(30000); }

    void dr_cb(RdKafka::Message& m) override
    {
        if (m.err() == RdKafka::ERR_NO_ERROR) {
            m_ledger.expect(m.partition(), m.offset());
            ++acked;
        } else {
            if (failed++ == 0)
                std::fprintf(stderr, "producer: a message was not acknowledged: %s\n", m.errstr().c_str());
        }
    }

    std::atomic<long> sent{0};
    std::atomic<long> acked{0};
    std::atomic<long> failed{0}; ///< not in the topic: the producer's problem, reported, never counted as the consumer's loss

private:
    OffsetLedger& m_ledger;
    std::unique_ptr<RdKafka::Producer> m_producer;
};

std::unique_ptr<RdKafka::KafkaConsumer> plainConsumer(const std::string& bootstrap)
{
    std::string err;
    std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
    conf->set("bootstrap.servers", bootstrap, err);
    conf->set("group.id", "bench-plain", err);
    conf->set("enable.auto.commit", "false", err);
    conf->set("fetch.wait.max.ms", "20", err); // as KafkaSource
    conf->set("log_level", "3", err);
    return std::unique_ptr<RdKafka::KafkaConsumer>(RdKafka::KafkaConsumer::create(conf.get(), err));
}

/// The backlog the broker still holds: [low, high) of each partition, into `ledger`.
long expectBacklog(const std::string& bootstrap, const std::string& topic, int partitions, OffsetLedger& ledger)
{
    auto c = plainConsumer(bootstrap);
    long total = 0;
    for (int p = 0; p < partitions; ++p) {
        std::int64_t lo = -1;
        std::int64_t hi = -1;
        if (c->query_watermark_offsets(topic, p, &lo, &hi, 5000) != RdKafka::ERR_NO_ERROR)
            return -1;
        ledger.expectRange(p, lo, hi);
        total += static_cast<long>(hi - lo);
    }
    c->close();
    return total;
}

/// The baseline: a librdkafka consumer loop that only counts, from creating the consumer to
/// the last message of the backlog. Messages per second, or 0 if it did not finish.
double plainDrain(const std::string& bootstrap, const std::string& topic, int partitions, long expected)
{
    QElapsedTimer t;
    t.start();
    auto c = plainConsumer(bootstrap);
    std::vector<RdKafka::TopicPartition*> tps;
    for (int p = 0; p < partitions; ++p)
        tps.push_back(RdKafka::TopicPartition::create(topic, p, RdKafka::Topic::OFFSET_BEGINNING));
    c->assign(tps);
    RdKafka::TopicPartition::destroy(tps);
    long n = 0;
    while (n < expected && t.elapsed() < 60000) {
        std::unique_ptr<RdKafka::Message> m(c->consume(10));
        if (m && m->err() == RdKafka::ERR_NO_ERROR)
            ++n;
    }
    const double s = static_cast<double>(t.nsecsElapsed()) / 1e9;
    c->close();
    return n < expected ? 0.0 : static_cast<double>(n) / s;
}

/// The UI side: what the main window's live controller does with each hand-off (LiveSession::feed),
/// every message also entered into the ledger.
struct UiSide {
    explicit UiSide(OffsetLedger& l)
        : ledger(l)
    {
    }
    OffsetLedger& ledger;
    std::unique_ptr<LiveSession> session;
    long received = 0;
    long updates = 0;
    long batches = 0;
    double handOffMs = 0;
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
        for (const LiveMessage& m : b.messages)
            ledger.see(m.partition, m.offset);
        received += static_cast<long>(b.messages.size());
        ++updates;
        const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
        handOffMs += ms;
        maxHandOffMs = std::max(maxHandOffMs, ms);
    }
};

struct Args {
    long messages = 0; // 0: 40,000 per partition (the mock keeps only the newest ~45,000 of these per partition)
    long rate = 50000;
    int seconds = 5;
    int partitions = 4;
};

/// Prints the ledger's verdict; false on any loss, doubling or stray offset.
bool report(const char* phase, const OffsetLedger& ledger, const SourceStats& stats)
{
    const OffsetLedger::Check c = ledger.check();
    if (c.ok()) {
        std::printf("  %s: every one of the %lld offsets reached the UI thread exactly once (0 lost, 0 doubled)\n", phase,
                    static_cast<long long>(c.expected));
        return true;
    }
    std::printf("  %s: FAILED: %lld of %lld offsets lost, %lld doubled, %lld never produced; first: %s\n"
                "    the source counted %lld missed (deleted by the broker before they were read), %lld re-fetched and skipped; status: %s\n",
                phase, static_cast<long long>(c.lost), static_cast<long long>(c.expected), static_cast<long long>(c.doubled),
                static_cast<long long>(c.unexpected), c.firstProblem.c_str(), static_cast<long long>(stats.offsetsMissed),
                static_cast<long long>(stats.duplicatesSkipped), stats.status.c_str());
    return false;
}

/// Phase 1: the backlog, plain loop / Tidemark / plain loop. False if Tidemark lost or doubled any.
bool backlogPhase(QCoreApplication& app, const Args& a, const Scenario& sc)
{
    MockCluster cluster;
    if (!cluster.ok() || !cluster.createTopic("events", a.partitions)) {
        std::fprintf(stderr, "cannot start the mock cluster\n");
        std::exit(1);
    }
    const std::string bootstrap = cluster.bootstrap();
    {
        OffsetLedger produced;
        AckingProducer producer(bootstrap, produced);
        for (long i = 0; i < a.messages; ++i)
            producer.send(i, "events");
        producer.flush();
    }
    OffsetLedger ledger;
    const long expected = expectBacklog(bootstrap, "events", a.partitions, ledger);
    if (expected <= 0) {
        std::fprintf(stderr, "cannot read the backlog's offsets\n");
        std::exit(1);
    }
    const double plainBefore = plainDrain(bootstrap, "events", a.partitions, expected);

    UiSide ui(ledger);
    KafkaBridge bridge;
    bridge.setSourceSchema(sc.sources[0].schema, sc.zone, "timestamp");
    QObject::connect(&bridge, &KafkaBridge::started, [&](qint64 start) { ui.start(start); });
    QObject::connect(&bridge, &KafkaBridge::messagesArrived, [&](const SharedKafkaBatch& b) {
        ui.onBatch(*b);
        if (ledger.distinctSeen() >= expected)
            app.quit();
    });
    KafkaSourceConfig c;
    c.bootstrapServers = bootstrap;
    c.topic = "events";
    c.startingOffsets = "earliest";
    QElapsedTimer t;
    t.start();
    const double cpuBefore = bench::threadCpuMs();
    bridge.connectTo(c);
    QTimer::singleShot(120000, &app, &QCoreApplication::quit);
    app.exec();
    const double s = static_cast<double>(t.nsecsElapsed()) / 1e9;
    const double uiCpuMs = bench::threadCpuMs() - cpuBefore;
    bridge.disconnectFromTopic();
    const double plainAfter = plainDrain(bootstrap, "events", a.partitions, expected);
    const double plain = (plainBefore + plainAfter) / 2;
    const double rate = static_cast<double>(ui.received) / s;
    std::printf("backlog: %ld messages in %d partition(s) (what the mock still holds of %ld produced)\n", expected, a.partitions, a.messages);
    std::printf("  Tidemark %.0f messages/s (%.2f s; %ld UI updates, UI thread CPU %.0f%% of a core, longest hand-off %.1f ms)\n", rate, s,
                ui.updates, 100.0 * uiCpuMs / (s * 1000.0), ui.maxHandOffMs);
    std::printf("  plain librdkafka consumer loop %.0f messages/s (before %.0f, after %.0f): Tidemark reaches %.2f of it\n", plain, plainBefore,
                plainAfter, plain > 0 ? rate / plain : 0.0);
    return report("backlog", ledger, bridge.stats());
}

/// Phase 2: a steady rate on a fresh cluster. False if Tidemark lost or doubled any.
bool steadyPhase(QCoreApplication& app, const Args& a, const Scenario& sc)
{
    // A fresh cluster: a mock that already holds tens of thousands of messages (phase 1)
    // answers slowly for about a second, which would measure the mock, not Tidemark.
    MockCluster cluster;
    if (!cluster.ok() || !cluster.createTopic("steady", a.partitions)) {
        std::fprintf(stderr, "cannot start the mock cluster\n");
        std::exit(1);
    }
    const std::string bootstrap = cluster.bootstrap();
    OffsetLedger ledger;
    UiSide ui(ledger);
    KafkaBridge bridge;
    bridge.setSourceSchema(sc.sources[0].schema, sc.zone, "timestamp");
    QObject::connect(&bridge, &KafkaBridge::started, [&](qint64 start) { ui.start(start); });
    QObject::connect(&bridge, &KafkaBridge::messagesArrived, [&](const SharedKafkaBatch& b) { ui.onBatch(*b); });
    KafkaSourceConfig c;
    c.bootstrapServers = bootstrap;
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

    std::atomic<bool> stop{false};
    std::atomic<bool> produced{false};
    std::unique_ptr<AckingProducer> producer;
    std::thread producerThread;
    QElapsedTimer t;
    double cpuAtStart = 0;
    // Produce only once the starting offsets are resolved: with startingOffsets=latest whatever
    // came before is not the query's.
    QObject::connect(&bridge, &KafkaBridge::started, [&] {
        t.start();
        cpuAtStart = bench::threadCpuMs();
        producer = std::make_unique<AckingProducer>(bootstrap, ledger);
        producerThread = std::thread([&] {
            const auto begin = SteadyClock::now();
            long i = 0;
            while (!stop) {
                const double elapsed = std::chrono::duration<double>(SteadyClock::now() - begin).count();
                if (elapsed >= a.seconds)
                    break;
                const long due = static_cast<long>(elapsed * static_cast<double>(a.rate));
                for (; i < due; ++i)
                    producer->send(a.messages + i, "steady");
                producer->poll();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            producer->flush();
            produced = true;
        });
    });
    QTimer done;
    QObject::connect(&done, &QTimer::timeout, [&] {
        const bool allAcked = produced && producer->acked + producer->failed >= producer->sent;
        if ((allAcked && ledger.distinctSeen() >= ledger.expectedCount()) || (t.isValid() && t.elapsed() > (a.seconds + 30) * 1000))
            app.quit();
    });
    done.start(20);
    QTimer::singleShot((a.seconds + 60) * 1000, &app, &QCoreApplication::quit); // never connected
    app.exec();
    stop = true;
    if (producerThread.joinable())
        producerThread.join();
    const double s = static_cast<double>(t.nsecsElapsed()) / 1e9;
    const double uiCpuMs = bench::threadCpuMs() - cpuAtStart;
    bridge.disconnectFromTopic();
    std::printf("steady: %ld messages/s for %d s in %d partition(s): %ld sent, %ld acknowledged, %ld refused by the broker\n", a.rate, a.seconds,
                a.partitions, producer ? producer->sent.load() : 0L, producer ? producer->acked.load() : 0L, producer ? producer->failed.load() : 0L);
    std::printf("  %ld UI updates (%.1f per second), UI thread CPU %.1f%% of a core (hand-offs %.1f%%), longest hand-off %.1f ms, %ld batches;\n"
                "  lag at most %lld messages (%lld after the first 2 s)\n",
                ui.updates, static_cast<double>(ui.updates) / s, 100.0 * uiCpuMs / (s * 1000.0), 100.0 * ui.handOffMs / (s * 1000.0),
                ui.maxHandOffMs, ui.batches, maxLag, maxLagAfter2s);
    return report("steady", ledger, bridge.stats());
}

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
        else {
            std::fprintf(stderr, "usage: tidemark-bench-kafka [--messages N] [--rate MSG_PER_S] [--seconds S] [--partitions P]\n");
            return 1;
        }
    }
    if (a.messages <= 0)
        a.messages = 40000L * a.partitions;
    const Scenario sc = loadScenarioText(kScenario).value();
    bool ok = true;
    if (!std::getenv("TIDEMARK_BENCH_SKIP_BACKLOG"))
        ok = backlogPhase(app, a, sc) && ok;
    ok = steadyPhase(app, a, sc) && ok;
    return ok ? 0 : 2;
}
