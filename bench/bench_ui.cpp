// SPDX-License-Identifier: GPL-3.0-or-later
// bench_ui: what a drag costs with 10,000 events in the real window (edit, recompute of all
// three modes, redraw of every page), and a full replot with 100,000 events. Prints the
// figures the README quotes.
//
//   ./build/bench/bench_ui            (offscreen unless a display is set)
#include "engine/exec/EventTime.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/MainWindow.h"
#include "ui/compute/Snapshot.h"
#include "ui/compute/ViewState.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/plot/EventTimePlot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUndoStack>

#include <algorithm>
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

    // Drag one event across 60 mouse moves with real mouse events on the plot. Each move is a
    // merged undo command, a recompute of all three modes on the worker and a redraw of the
    // plot; each is timed from the mouse event until its replot is done. The tables and the
    // state view catch up every 150 ms during the drag and when the dot is let go.
    EventTimePlot* plot = window.plot();
    QWidget* canvas = plot->canvas();
    const std::uint32_t event = n - 40;
    const auto column = eventTimeColumns(*first->scenario)[0];
    const SourceEvent& e = first->scenario->sources[0].events[event];
    const QPoint from = plot->pixelFor(e.at, e.row[*column].asInt()).toPoint();
    // Dots overlap at this density; whichever is on top under the mouse is the one dragged.
    if (!plot->eventAt(from))
        std::printf("  (warning: no dot under the mouse; the drag pans instead)\n");
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    Stats total, compute, derive, refresh, replot;
    for (int step = 1; step <= 60; ++step) {
        const QPoint to = from + QPoint(step, -step * 3);
        QMouseEvent move(QEvent::MouseMove, to, canvas->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        clock.restart();
        QCoreApplication::sendEvent(canvas, &move);
        settle(window, true);
        total.add(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        const SnapshotPtr& snap = window.view().snapshot;
        compute.add(snap->computeMs);
        derive.add(snap->deriveMs);
        refresh.add(window.lastRefreshMs());
        replot.add(plot->lastReplotMs());
    }
    clock.restart();
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, from + QPoint(60, -180));
    settle(window);
    const double releaseMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    const SnapshotPtr final = window.view().snapshot;
    std::printf("drag, 60 moves, each until the plot is redrawn   median    p95     max   [ms]\n");
    const auto row = [](const char* name, Stats& s) { std::printf("  %-46s %7.1f %7.1f %7.1f\n", name, s.pct(0.5), s.pct(0.95), s.max()); };
    row("recompute the plot's mode (all its batches)", compute);
    row("derive the plot's data", derive);
    row("plot, timeline, events table", refresh);
    row("replot (QCustomPlot replotTime)", replot);
    row("total: mouse move -> plot redrawn", total);
    std::printf("  on release: all three modes side by side %.1f ms (their runs add up to %.1f ms),\n"
                "  tables, state and log %.1f ms; release -> everything shown %.0f ms\n",
                final->computeMs, final->computeCpuMs, window.lastPagesMs(), releaseMs);
    std::printf("  undo steps after the drag: %d (the moves merged into one)\n", window.document()->undoStack()->count());

    // What one edit costs in all three modes, without the window: runAllModes's work.
    Stats full, cpu;
    for (int i = 0; i < 10; ++i) {
        const SnapshotPtr s = buildSnapshot(final->scenario, 1000 + static_cast<std::uint64_t>(i));
        full.add(s->computeMs + s->deriveMs);
        cpu.add(s->computeCpuMs);
    }
    std::printf("  one edit, all three modes (buildSnapshot): median %.1f ms wall, the runs add up to %.1f ms\n", full.pct(0.5), cpu.pct(0.5));
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
