// SPDX-License-Identifier: GPL-3.0-or-later
// bench_ui: what a drag costs with 10,000 events in the real window (edit, recompute of all
// three modes, redraw of every page), idle and with two busy loops beside it, recomputing
// from batch 0 and continuing the previous runs in the same run; and a full replot with
// 100,000 events. Prints the figures the README quotes.
//
//   ./build/bench/bench_ui            (offscreen unless a display is set)
#include "engine/exec/EventTime.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/MainWindow.h"
#include "ui/compute/Snapshot.h"
#include "ui/compute/RecomputeService.h"
#include "ui/compute/ViewState.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/pages/CheckpointPane.h"
#include "ui/pages/LogPane.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMouseEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUndoStack>

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

/// The classroom word count, scaled: `n` events two seconds apart, most on time, some minutes
/// late, a few far behind the watermark; 10-minute windows sliding every 5, a 10-minute
/// watermark, a 1-minute trigger.
std::string wordCountScenario(int n)
{
    std::mt19937 rng(42);
    const char* words[] = {"dog", "owl", "cat", "fox", "emu", "yak"};
    std::uniform_int_distribution<int> word(0, 5), lateness(0, 99), far(0, 3000);
    const auto hms = [](long s) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", (s / 3600) % 24, (s / 60) % 60, s % 60);
        return std::string(buf);
    };
    std::string events;
    for (int i = 0; i < n; ++i) {
        const long at = 12 * 3600 + 2L * i;
        const int l = lateness(rng);
        const long lag = l < 70 ? 0 : l < 85 ? 60 : l < 95 ? 300 : far(rng);
        const long t = std::max(0L, at - 10 - lag);
        events += std::string(i ? ",\n" : "") + R"({"at": ")" + (at >= 86400 ? "2021-07-04 " : "") + hms(at) + R"(", "row": {"timestamp": ")"
                  + (t >= 86400 ? "2021-07-04 " : "") + hms(t) + R"(", "value": ")" + words[word(rng)] + R"("}})";
    }
    return R"({"tidemark": 1, "title": "Word count, )" + std::to_string(n) + R"( events", "sparkVersion": "3.5", "timeZone": "Asia/Seoul",
  "date": "2021-07-03",
  "sources": {"lines": {"schema": {"timestamp": "timestamp", "value": "string"}, "events": [)"
           + events + R"(]}},
  "query": {"source": "lines", "selectExpr": ["timestamp", "explode(split(value, ' ')) AS word"],
    "withWatermark": {"column": "timestamp", "delay": "10 minutes"},
    "groupBy": [{"window": {"column": "timestamp", "duration": "10 minutes", "slide": "5 minutes"}}, "word"],
    "agg": [{"fn": "count", "as": "count"}], "outputMode": "update",
    "trigger": {"processingTime": "1 minute", "startAt": "12:00:00"}}})";
}

struct Stats {
    std::vector<double> v;
    void add(double x) { v.push_back(x); }
    double pct(double p)
    {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
    }
    double max() { return v.empty() ? 0 : *std::max_element(v.begin(), v.end()); }
};

std::shared_ptr<const Scenario> load(int n)
{
    auto sc = loadScenarioText(wordCountScenario(n));
    if (!sc.ok()) {
        std::fprintf(stderr, "bench_ui: %s\n", sc.error().describe().c_str());
        std::exit(1);
    }
    return std::make_shared<const Scenario>(std::move(sc.value()));
}

/// Runs the event loop until the window shows the latest edit (everywhere, or in the plot
/// only) and the plot's queued replot is done.
void settle(MainWindow& window, bool plotOnly = false)
{
    while (!(plotOnly ? window.isPlotUpToDate() : window.isUpToDate()))
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QCoreApplication::processEvents(); // the plot's queued replot
}

/// What one drag of a dot costs: each mouse move until the plot is redrawn, and the release
/// until everything shows (all three modes, tables, state, log).
struct DragFigures {
    Stats total, compute, derive, refresh, replot;
    Stats release, releaseCompute, pages;
    Stats releaseDelivered; ///< release -> the complete snapshot is delivered to the UI thread
    Stats releasePagesDone; ///< release -> the pages show it (before the event loop's repaint)
    Stats reused; ///< batches of the plot's mode continued, not run again, per move
};

/// Drags `event` across 60 real mouse moves on the plot and lets it go. Each move is a merged
/// undo command, a recompute on the worker (the plot's mode first) and a redraw of the plot; it
/// is timed from the mouse event until its replot is done. The tables and the state view catch
/// up every 150 ms during the drag and when the dot is let go. `back` drags to the left and
/// down (the dot is near the plot's right edge), the next drag takes it back.
void dragOnce(MainWindow& window, std::uint32_t& event, bool back, DragFigures& f)
{
    EventTimePlot* plot = window.plot();
    QWidget* canvas = plot->canvas();
    const SnapshotPtr first = window.view().snapshot;
    const auto column = eventTimeColumns(*first->scenario)[0];
    const SourceEvent& e = first->scenario->sources[0].events[event];
    const QPoint from = plot->pixelFor(e.at, e.row[*column].asInt()).toPoint();
    // Dots overlap at this density; whichever is on top under the mouse is the one dragged.
    if (!plot->eventAt(from))
        std::printf("  (warning: no dot under the mouse; the drag pans instead)\n");
    else
        event = *plot->eventAt(from); // the next drag takes this one back
    const int sign = back ? -1 : 1;
    const int undoSteps = window.document()->undoStack()->count();
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    QElapsedTimer clock;
    for (int step = 1; step <= 60; ++step) {
        const QPoint to = from + sign * QPoint(step, -step);
        QMouseEvent move(QEvent::MouseMove, to, canvas->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        clock.start();
        QCoreApplication::sendEvent(canvas, &move);
        settle(window, true);
        f.total.add(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        const SnapshotPtr& snap = window.view().snapshot;
        f.compute.add(snap->computeMs);
        f.derive.add(snap->deriveMs);
        f.refresh.add(window.lastRefreshMs());
        f.replot.add(plot->lastReplotMs());
        f.reused.add(static_cast<double>(snap->reusedBatches));
    }
    double delivered = -1, pagesDone = -1;
    const auto onReady = QObject::connect(window.compute(), &RecomputeService::snapshotReady, [&] {
        if (delivered < 0 && window.compute()->latest()->complete)
            delivered = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    });
    const auto onShown = QObject::connect(&window, &MainWindow::viewUpdated, [&] {
        if (pagesDone < 0 && window.isUpToDate())
            pagesDone = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    });
    clock.start();
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, from + sign * QPoint(60, -60));
    settle(window);
    QObject::disconnect(onReady);
    QObject::disconnect(onShown);
    f.releaseDelivered.add(delivered);
    f.releasePagesDone.add(pagesDone);
    f.release.add(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    f.releaseCompute.add(window.view().snapshot->computeMs);
    f.pages.add(window.lastPagesMs());
    if (window.document()->undoStack()->count() != undoSteps + 1)
        std::printf("  (warning: the drag did not move the event)\n");
}

/// The machine's load average over the last minute, as the figures' context.
std::string loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return "?";
    return f.readLine().split(' ').value(0).toStdString();
}

/// Two busy loops beside the window, as a classroom laptop has a browser and a video call:
/// two processes at the window's own priority that never sleep.
class BusyLoops
{
public:
    BusyLoops()
    {
        for (auto& p : m_loops) {
            p.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
            p.waitForStarted();
        }
        QThread::msleep(300); // let the scheduler see them
    }
    ~BusyLoops()
    {
        for (auto& p : m_loops) {
            p.kill();
            p.waitForFinished();
        }
    }

private:
    std::array<QProcess, 2> m_loops;
};

/// What each page costs to show a new snapshot at the last batch, and a repaint of the whole
/// window: where release -> everything shown goes after the recompute.
void benchPages(MainWindow& window)
{
    const ViewState shown = window.view();
    // Another snapshot of the same scenario: each page must build its tables anew.
    const SnapshotPtr other = buildSnapshot(shown.snapshot->scenario, shown.snapshot->generation + 1);
    ViewState fresh = shown;
    fresh.snapshot = other;
    Stats columns, state, log, checkpoint, repaint;
    QElapsedTimer clock;
    const auto time = [&](Stats& into, const auto& show) {
        for (const ViewState* v : std::array<const ViewState*, 2>{&fresh, &shown}) {
            clock.start();
            show(*v);
            into.add(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        }
    };
    for (int i = 0; i < 10; ++i) {
        time(columns, [&](const ViewState& v) { window.modeColumns()->setView(v); });
        time(state, [&](const ViewState& v) { window.statePanel()->setView(v); });
        time(log, [&](const ViewState& v) { window.logPane()->setView(v); });
        time(checkpoint, [&](const ViewState& v) { window.checkpointPane()->setView(v); });
        time(repaint, [&](const ViewState&) { window.repaint(); });
    }
    std::printf("\n  the pages, showing another snapshot at the last batch, median / max [ms]:\n");
    for (auto [name, s] : {std::pair<const char*, Stats*>{"three output mode columns", &columns}, {"state panel", &state}, {"log", &log},
                           {"checkpoint", &checkpoint}, {"repaint of the whole window", &repaint}})
        std::printf("    %-30s %7.1f %7.1f\n", name, s->pct(0.5), s->max());
}

void benchDrag()
{
    const int n = 10000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("word-count-10k.json"));
    {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray::fromStdString(wordCountScenario(n)));
    }
    MainWindow window;
    window.files()->setInteractive(false);
    window.setStartBatch(-1);
    QElapsedTimer clock;
    clock.start();
    window.files()->openFile(path);
    window.show();
    settle(window);
    const double openMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    const SnapshotPtr first = window.view().snapshot;
    std::printf("10,000 events: %zu batches per mode; open + first recompute + first draw %.0f ms\n",
                first->run(OutputMode::Update).batches.size(), openMs);

    // Each configuration drags the same dot (an event of the last batches, where a teacher
    // drags the newest data) four times, back and forth, interleaved with the other so that
    // the machine's mood weighs on both alike: "full" recomputes every batch of every mode,
    // "continued" goes on from the first batch the edit reaches.
    std::uint32_t event = n - 40;
    RecomputeService* compute = window.compute();
    const auto measure = [&](const char* load) {
        DragFigures full, continued;
        for (int round = 0; round < 4; ++round)
            for (bool reuse : {false, true}) {
                compute->setReuseRuns(reuse);
                dragOnce(window, event, round % 2 == 0, reuse ? continued : full);
            }
        compute->setReuseRuns(true);
        std::printf("\n%s (1-minute load average after: %s): 4 drags x 60 moves each way\n", load, loadAverage().c_str());
        std::printf("  %-36s %-23s %s   [ms]\n", "", "full recompute", "continued runs");
        std::printf("  %-36s %7s %7s %7s %7s %7s %7s\n", "", "median", "p95", "max", "median", "p95", "max");
        const auto row = [](const char* name, Stats& a, Stats& b) {
            std::printf("  %-36s %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f\n", name, a.pct(0.5), a.pct(0.95), a.max(), b.pct(0.5), b.pct(0.95), b.max());
        };
        row("recompute the plot's mode", full.compute, continued.compute);
        row("derive the plot's data", full.derive, continued.derive);
        row("plot, timeline, events table", full.refresh, continued.refresh);
        row("replot (QCustomPlot replotTime)", full.replot, continued.replot);
        row("total: mouse move -> plot redrawn", full.total, continued.total);
        row("release: the other two modes", full.releaseCompute, continued.releaseCompute);
        row("release: tables, state and log", full.pages, continued.pages);
        row("release -> complete snapshot arrives", full.releaseDelivered, continued.releaseDelivered);
        row("release -> pages updated", full.releasePagesDone, continued.releasePagesDone);
        row("release -> everything shown", full.release, continued.release);
        std::printf("  batches continued, not run again, per move (median): %.0f of %zu\n", continued.reused.pct(0.5),
                    first->run(OutputMode::Update).batches.size());
        std::printf("  continued / full: move p95 %.2f, release -> shown median %.2f\n", continued.total.pct(0.95) / full.total.pct(0.95),
                    continued.release.pct(0.5) / full.release.pct(0.5));
    };
    measure("without busy loops");
    {
        const BusyLoops busy;
        measure("two busy loops beside it");
    }
    benchPages(window);
    std::printf("\n  undo steps after the drags: %d (the moves of a drag merge into one)\n", window.document()->undoStack()->count());

    // One edit in all three modes without the window (buildSnapshot, what the worker runs):
    // from batch 0, and continuing the previous snapshot's runs, for an event read by the
    // first batch, a middle one and the last.
    const SnapshotPtr before = buildSnapshot(window.view().snapshot->scenario, 1000);
    const RunBases bases{before, before, before};
    const ModeRun& run = before->run(OutputMode::Update);
    std::printf("\n  one edit, all three modes (buildSnapshot), median of 10 [ms]:   from batch 0   continued   batches continued\n");
    for (const auto& [where, batch] : {std::pair{"first batch", std::size_t{0}}, std::pair{"middle batch", run.batches.size() / 2},
                                       std::pair{"last batch", run.batches.size() - 1}}) {
        std::size_t b = batch;
        while (b > 0 && run.batches[b].events.empty())
            --b;
        Scenario edited = *before->scenario;
        const std::uint32_t moved = run.batches[b].events.front();
        edited.sources[0].events[moved].at += 20 * kMicrosPerSecond;
        const auto scenario = std::make_shared<const Scenario>(std::move(edited));
        Stats full, continued;
        std::size_t reused = 0;
        for (int i = 0; i < 10; ++i) {
            const SnapshotPtr a = buildSnapshot(scenario, 2000);
            full.add(a->computeMs + a->deriveMs);
            const SnapshotPtr c = buildSnapshot(scenario, 2001, std::nullopt, &bases);
            continued.add(c->computeMs + c->deriveMs);
            reused = c->reusedBatches;
        }
        std::printf("    an event of the %-14s %38.1f %11.1f %11zu of %zu\n", where, full.pct(0.5), continued.pct(0.5), reused, 3 * run.batches.size());
    }
}

void benchReplot(EventTimePlot& plot)
{
    const int n = 100000;
    QElapsedTimer clock;
    clock.start();
    auto scenario = load(n);
    const double loadMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    const SnapshotPtr snap = buildSnapshot(scenario, 1);
    const int last = static_cast<int>(snap->run(OutputMode::Update).batches.size()) - 1;
    std::printf("\n100,000 events: load %.0f ms, runAllModes %.0f ms, derive %.0f ms, %d batches per mode\n", loadMs, snap->computeMs,
                snap->deriveMs, last + 1);
    plot.requestFit();
    clock.restart();
    plot.setView(ViewState::at(snap, last));
    const double viewMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    Stats full, zoomed;
    for (int i = 0; i < 10; ++i)
        full.add(plot.replotNow());
    std::printf("  plot %dx%d: setView %.1f ms; full replot (all 100,000 dots): median %.1f ms, max %.1f ms\n", plot.width(), plot.height(), viewMs,
                full.pct(0.5), full.max());
    std::printf("  trigger lines drawn: %d\n", plot.numDrawnTickLines());
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkBench"));
    std::printf("bench_ui — Qt platform %s, %d cores\n\n", qPrintable(QGuiApplication::platformName()), QThread::idealThreadCount());
    benchDrag();
    EventTimePlot plot;
    plot.resize(1200, 700);
    plot.show();
    benchReplot(plot);
    return 0;
}
