// SPDX-License-Identifier: GPL-3.0-or-later
// bench_live_ui: what a live Kafka session costs the window's UI thread. The real main window
// reads a topic of librdkafka's mock cluster (in this process) while a producer thread writes
// at 1,000, 10,000 and 50,000 messages/s; every view follows as in class.
//
//   ./build/bench/bench_live_ui [--seconds S] [--rates 1000,10000,50000]   (offscreen unless a display is set)
//
// Measured on the UI thread only: its CPU time (CLOCK_THREAD_CPUTIME_ID) as a share of one core,
// and the frame time: the interval between two firings of a 16 ms timer, which is how long the
// window could not answer (p95 and worst). The messages the session recorded are checked against
// the producer's acknowledgements; a shortfall fails the run (exit 2).
#include "bench/ThreadCpu.h"
#include "live/LiveSession.h"
#include "live/MockCluster.h"
#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/kafka/KafkaPanel.h"
#include "ui/kafka/LiveController.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <librdkafka/rdkafkacpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace tidemark;
using namespace tidemark::ui;
using SteadyClock = std::chrono::steady_clock;

namespace {

const char* kScenario = R"({
  "tidemark": 1, "title": "Live benchmark", "sparkVersion": "3.5", "timeZone": "Asia/Seoul",
  "sources": {"events": {"format": "kafka",
    "schema": {"emp_id": "int", "emp_name": "string", "timestamp": "timestamp"}, "events": []}},
  "query": {"source": "events", "selectExpr": ["emp_id", "timestamp"],
    "withWatermark": {"column": "timestamp", "delay": "10 seconds"},
    "groupBy": ["emp_id", {"window": {"column": "timestamp", "duration": "10 seconds"}}],
    "agg": [{"fn": "count"}], "outputMode": "update", "trigger": {"processingTime": "1 second"}}
})";

/// Event times follow the clock (now, in epoch seconds): the watermark moves and windows close.
std::string message(long i)
{
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    return "{\"emp_id\":" + std::to_string(i % 20) + ",\"emp_name\":\"OO전자\",\"timestamp\":" + std::to_string(now) + "}";
}

struct Acks : public RdKafka::DeliveryReportCb {
    void dr_cb(RdKafka::Message& m) override { (m.err() == RdKafka::ERR_NO_ERROR ? acked : failed)++; }
    std::atomic<long> acked{0};
    std::atomic<long> failed{0};
};

/// Resident memory of this process in MiB (VmRSS).
double residentMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

/// Runs the event loop (sleeping while there is nothing to do, as the window's own loop does,
/// so the UI thread's CPU time is the window's) until `done` or the timeout.
void waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QEventLoop loop;
    QElapsedTimer t;
    t.start();
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || t.elapsed() >= timeoutMs)
            loop.quit();
    });
    check.start(10);
    if (!done())
        loop.exec();
}

/// One rate: a fresh cluster and window, S seconds of messages. False if messages went missing.
bool runAt(long rate, int seconds, const QString& scenarioPath)
{
    kafka::MockCluster cluster;
    if (!cluster.ok() || !cluster.createTopic("events", 1)) {
        std::fprintf(stderr, "cannot start the mock cluster\n");
        std::exit(1);
    }
    const std::string bootstrap = cluster.bootstrap();
    MainWindow window;
    window.files()->setInteractive(false);
    window.resize(1024, 768);
    window.files()->openFile(scenarioPath);
    window.show();
    waitUntil([&] { return window.isUpToDate(); }, 10000);

    kafka::KafkaPanel* panel = window.kafkaPanel();
    panel->bootstrapEdit()->setText(QString::fromStdString(bootstrap));
    panel->startingOffsetsBox()->setCurrentText(QStringLiteral("latest"));
    panel->connectButton()->click();
    waitUntil([&] { return window.document()->isLive(); }, 15000);
    if (!window.document()->isLive()) {
        std::fprintf(stderr, "the window did not go live\n");
        std::exit(1);
    }

    long redraws = 0;
    QObject::connect(&window, &MainWindow::viewUpdated, [&] { ++redraws; });
    std::vector<double> frames;
    QElapsedTimer frameClock;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        if (frameClock.isValid())
            frames.push_back(static_cast<double>(frameClock.nsecsElapsed()) / 1e6);
        frameClock.start();
    });

    Acks acks;
    std::atomic<long> sent{0};
    std::atomic<bool> finished{false};
    std::thread producer([&] {
        std::string err;
        std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
        conf->set("bootstrap.servers", bootstrap, err);
        conf->set("linger.ms", "5", err);
        conf->set("queue.buffering.max.messages", "1000000", err);
        conf->set("dr_cb", static_cast<RdKafka::DeliveryReportCb*>(&acks), err);
        std::unique_ptr<RdKafka::Producer> p(RdKafka::Producer::create(conf.get(), err));
        const auto begin = SteadyClock::now();
        long i = 0;
        for (;;) {
            const double elapsed = std::chrono::duration<double>(SteadyClock::now() - begin).count();
            if (elapsed >= seconds)
                break;
            for (const long due = static_cast<long>(elapsed * static_cast<double>(rate)); i < due; ++i) {
                const std::string v = message(i);
                while (p->produce("events", 0, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>(v.data()), v.size(), nullptr, 0, 0, nullptr)
                       == RdKafka::ERR__QUEUE_FULL)
                    p->poll(10);
            }
            sent = i;
            p->poll(0);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        p->flush(30000);
        finished = true;
    });

    tick.start(16);
    QElapsedTimer wall;
    wall.start();
    const double cpu0 = bench::threadCpuMs();
    waitUntil([&] { return finished.load(); }, (seconds + 30) * 1000);
    const double s = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    const double cpuMs = bench::threadCpuMs() - cpu0;
    tick.stop();
    producer.join();
    // Then let the session catch up (not measured) and compare with what the broker acknowledged.
    const auto recorded = [&] { return static_cast<long>(window.live()->received()); };
    waitUntil([&] { return recorded() >= acks.acked; }, 30000);
    const long got = recorded();
    const double rss = residentMiB();
    window.live()->stop();

    std::printf("%6ld messages/s for %d s: UI thread CPU %5.1f%% of a core; frame time p95 %6.1f ms, worst %6.1f ms (16 ms timer); "
                "%ld redraws (%.1f/s); %ld of %ld acknowledged messages recorded; resident %.0f MiB\n",
                rate, seconds, 100.0 * cpuMs / (s * 1000.0), percentile(frames, 0.95), frames.empty() ? 0.0 : *std::max_element(frames.begin(), frames.end()),
                redraws, static_cast<double>(redraws) / s, got, acks.acked.load(), rss);
    std::fflush(stdout);
    return got == acks.acked && acks.failed == 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkBench"));
    int seconds = 10;
    std::vector<long> rates{1000, 10000, 50000};
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--seconds") {
            seconds = std::stoi(argv[i + 1]);
        } else if (k == "--rates") {
            rates.clear();
            for (const QString& r : QString::fromLocal8Bit(argv[i + 1]).split(QLatin1Char(',')))
                rates.push_back(r.toLong());
        } else {
            std::fprintf(stderr, "usage: bench_live_ui [--seconds S] [--rates R1,R2,...]\n");
            return 1;
        }
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live-bench.json"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.write(kScenario);
    }
    std::printf("bench_live_ui — Qt platform %s, %d cores, window 1024x768, 1 partition\n", qPrintable(QGuiApplication::platformName()),
                QThread::idealThreadCount());
    bool ok = true;
    for (const long rate : rates)
        ok = runAt(rate, seconds, path) && ok;
    return ok ? 0 : 2;
}
