// SPDX-License-Identifier: GPL-3.0-or-later
// The event-time plot tells what happened: the watermark a batch used drawn at that batch,
// the comparison that dropped a row, partial drops, both inputs of a join, sessions as they
// merge, labelled windows, and a view that fits what a projector shows.
#include "ui/compute/Snapshot.h"
#include "ui/compute/ViewState.h"
#include "ui/document/CellText.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/Palette.h"
#include "ui/inspector/Explanations.h"
#include "ui/plot/EventTimePlot.h"
#include "ui/plot/ZonedTimeTicker.h"

#include <qcustomplot.h>

#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

class TestPlotTruth : public QObject
{
    Q_OBJECT
private slots:
    void watermarkOfTheBatchIsDrawnAtIt_data();
    void watermarkOfTheBatchIsDrawnAtIt();
    void dotsOnNowAreAboveTheFutureVeil();
    void partialDropsAreMarkedAndCounted();
    void joinInputsAreToldApart();
    void streamStaticJoinShowsTheStream();
    void sessionsAreDrawnAsTheyMerge();
    void windowBarsAreLabelled();
    void highlightClearsOnANewView();
    void refitsWhenAnEditTakesDataOutOfView();
    void neverReadAndNotReadYetLookDifferent();
    void legendAndTicksFitAProjector();
    void legendFoldsOnAShortPlot();
    void yearsApartFollowsTheBatch();
    void yearTenThousandTickLabels();
    void yearTenThousandWindowText();
    void aWatermarkOfZeroStaysOutOfView();

private:
    static std::shared_ptr<Scenario> load(const QString& name);
    static QCPGraph* graph(EventTimePlot& plot, const QString& name);
};

std::shared_ptr<Scenario> TestPlotTruth::load(const QString& name)
{
    auto sc = ScenarioDocument::load(QStringLiteral(":/scenarios/%1.json").arg(name));
    if (!sc.ok())
        qFatal("%s", sc.error().describe().c_str());
    return std::make_shared<Scenario>(std::move(sc.value()));
}

QCPGraph* TestPlotTruth::graph(EventTimePlot& plot, const QString& name)
{
    auto* g = qobject_cast<QCPGraph*>(plot.plottableNamed(name));
    if (!g)
        qWarning("no graph named %s; legend: %s", qPrintable(name), qPrintable(plot.legendNames().join(QLatin1String(" | "))));
    return g;
}

void TestPlotTruth::watermarkOfTheBatchIsDrawnAtIt_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("batch");
    QTest::newRow("sliding-with-watermark, last batch") << QStringLiteral("sliding-with-watermark") << 99;
    QTest::newRow("word-count-update, batch 3") << QStringLiteral("word-count-update") << 3;
}

void TestPlotTruth::watermarkOfTheBatchIsDrawnAtIt()
{
    QFETCH(QString, scenario);
    QFETCH(int, batch);
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const ViewState view = ViewState::at(buildSnapshot(load(scenario), 1), batch);
    plot.setView(view);
    plot.replotNow();
    const BatchRecord& b = view.currentBatch();

    // The watermark this batch judges rows by is a segment that ends at "now" and has length.
    QCPGraph* used = graph(plot, QStringLiteral("watermark this batch uses (late if ≤)"));
    QVERIFY(used);
    QVERIFY(plot.legendNames().contains(used->name()));
    QCOMPARE(used->dataCount(), 2);
    const double from = used->data()->at(0)->key, to = used->data()->at(1)->key;
    QCOMPARE(to, toPlotSeconds(view.now));
    QVERIFY(to - from > 1.0);
    QCOMPARE(used->data()->at(0)->value, msToPlotSeconds(b.lateFilterWatermarkMs));

    // Each dropped mark read so far is at or below the watermark that dropped it, and the
    // comparison is written next to it.
    const auto& points = view.snapshot->view(view.driving).points;
    int dropped = 0;
    for (std::uint32_t e = 0; e < points.size(); ++e) {
        if (points[e].fate != Fate::DroppedByWatermark || view.isPending(points[e]))
            continue;
        ++dropped;
        QVERIFY(points[e].eventTime <= msToPlotSeconds(points[e].lateWatermarkMs));
        const QString comparison = lateComparison(view, e);
        QVERIFY2(comparison.contains(QStringLiteral("≤ watermark")), qPrintable(comparison));
        QVERIFY2(plot.annotations().contains(comparison), qPrintable(plot.annotations().join(QLatin1Char('\n'))));
    }
    QVERIFY(dropped > 0);
    // The batch's own cutoff is labelled with its value.
    QVERIFY2(plot.annotations().first().startsWith(QStringLiteral("batch %1 drops").arg(b.batchId)), qPrintable(plot.annotations().first()));
    // A dropped mark read by this batch sits within the segment's span, under it.
    for (const EventPoint& p : points)
        if (p.fate == Fate::DroppedByWatermark && p.batchId == b.batchId) {
            QVERIFY(p.at > from && p.at <= to);
            QVERIFY(p.eventTime <= used->data()->at(0)->value);
        }
}

void TestPlotTruth::dotsOnNowAreAboveTheFutureVeil()
{
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.setView(ViewState::at(buildSnapshot(load(QStringLiteral("word-count-update")), 1), 2));
    QCustomPlot* cp = plot.customPlot();
    const int veil = cp->layer(QStringLiteral("future"))->index();
    QVERIFY(graph(plot, QStringLiteral("on time"))->layer()->index() > veil);
    QVERIFY(graph(plot, QStringLiteral("dropped (late)"))->layer()->index() > veil);
    QVERIFY2(graph(plot, QStringLiteral("not read yet"))->layer()->index() < veil, "what has not happened yet stays under the veil");
}

void TestPlotTruth::partialDropsAreMarkedAndCounted()
{
    // With a 2-minute delay one event loses one of its two sliding windows.
    auto sc = load(QStringLiteral("sliding-with-watermark"));
    sc->query.withWatermark->delay = "2 minutes";
    const SnapshotPtr snap = buildSnapshot(sc, 1);
    const ViewState view = ViewState::at(snap, 99);
    const auto& points = snap->view(view.driving).points;
    const auto partial = std::find_if(points.begin(), points.end(), [](const EventPoint& p) { return p.partlyDropped(); });
    QVERIFY(partial != points.end());
    QCOMPARE(partial->numGroups, 2);
    QCOMPARE(partial->numLateGroups, 1);

    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.setView(view);
    QCPGraph* marks = graph(plot, QStringLiteral("partly dropped (some windows late)"));
    QVERIFY(marks);
    QVERIFY(plot.legendNames().contains(marks->name()));
    QCOMPARE(marks->dataCount(), 1);
    QCOMPARE(marks->data()->at(0)->key, partial->at);
    QCOMPARE(marks->data()->at(0)->value, partial->eventTime);
    QVERIFY(marks->scatterStyle().shape() != graph(plot, palette::fateLabel(partial->fate))->scatterStyle().shape());

    // The counter says what it counts: events apart from Spark's window rows.
    const QString counter = droppedCounterText(view);
    const auto whole = std::count_if(points.begin(), points.end(), [](const EventPoint& p) { return p.fate == Fate::DroppedByWatermark; });
    const std::int64_t rows = snap->view(view.driving).droppedSoFar.back();
    QVERIFY(rows > whole); // Spark's count is of window rows, not of events
    QCOMPARE(counter, QStringLiteral("dropped late: %1 event%2 + 1 partly · %3 window rows").arg(whole).arg(whole == 1 ? "" : "s").arg(rows));
    const QString full = droppedCounterText(ViewState::at(buildSnapshot(load(QStringLiteral("sliding-with-watermark")), 1), 99));
    QVERIFY2(full.contains(QStringLiteral("1 event")) && full.contains(QStringLiteral("2 window rows")), qPrintable(full));
    QCOMPARE(droppedCounterText(ViewState::at(buildSnapshot(load(QStringLiteral("tumbling-window")), 1), 0)), QStringLiteral("dropped late: none (no watermark)"));
}

void TestPlotTruth::joinInputsAreToldApart()
{
    const SnapshotPtr snap = buildSnapshot(load(QStringLiteral("stream-stream-left-outer-with-watermark")), 1);
    const ViewState view = ViewState::at(snap, 99);
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.setView(view);
    const QStringList legend = plot.legendNames();
    QCPGraph* left = graph(plot, QStringLiteral("impressions (left input)"));
    QCPGraph* right = graph(plot, QStringLiteral("clicks (right input)"));
    QVERIFY(left && right);
    QVERIFY(legend.contains(left->name()) && legend.contains(right->name()));
    QCOMPARE(left->dataCount(), 4); // the fifth impression was dropped as late
    QCOMPARE(right->dataCount(), 4);
    QVERIFY(left->scatterStyle().customPath() != right->scatterStyle().customPath());
    QVERIFY(left->scatterStyle().brush() != right->scatterStyle().brush());

    // Each input's own watermark, and the global one as their minimum.
    const auto& wms = snap->view(view.driving).inputWatermarks;
    QCOMPARE(wms.size(), std::size_t(2));
    const auto& batches = view.drivingRun().batches;
    for (std::size_t i = 0; i < batches.size(); ++i)
        if (wms[0].afterBatch[i] && wms[1].afterBatch[i])
            QCOMPARE(std::min(*wms[0].afterBatch[i], *wms[1].afterBatch[i]), batches[i].nextWatermarkMs);
    QVERIFY(legend.contains(QStringLiteral("watermark of impressions (delay 2 hours)")) || legend.join(QLatin1Char('|')).contains(QStringLiteral("watermark of impressions")));
    QVERIFY(legend.join(QLatin1Char('|')).contains(QStringLiteral("watermark of clicks")));
    QVERIFY(legend.contains(QStringLiteral("global watermark (min of the inputs')")));

    // Matched partners are joined by a line; the unmatched impression 3 is marked when emitted with nulls.
    QVERIFY(legend.contains(QStringLiteral("matched pair (joined)")));
    QVERIFY(plot.numDrawnPairs() >= 3);
    QCPGraph* nulls = graph(plot, QStringLiteral("emitted with nulls (outer join)"));
    QCOMPARE(nulls->dataCount(), 1);
    QCOMPARE(nulls->data()->at(0)->value, snap->view(view.driving).points[2].eventTime);
    plot.setView(ViewState::at(snap, 0)); // not emitted yet in batch 0
    QCOMPARE(nulls->dataCount(), 0);
    // Rows of both inputs that arrive together stand in lanes, apart.
    const QPointF a = left->scatterStyle().customPath().boundingRect().center(), b = right->scatterStyle().customPath().boundingRect().center();
    QVERIFY(a.x() < 0 && b.x() > 0);
}

void TestPlotTruth::streamStaticJoinShowsTheStream()
{
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setView(ViewState::at(buildSnapshot(load(QStringLiteral("static-join")), 1), 0));
    plot.replotNow();
    QCPGraph* stream = graph(plot, QStringLiteral("no event time: drawn at arrival"));
    QVERIFY(stream);
    QCOMPARE(stream->dataCount(), 4);
    QVERIFY(plot.legendNames().contains(stream->name()));
    QVERIFY2(!plot.legendNames().contains(QStringLiteral("on time")), "no dot is drawn as on time");
    const double y = stream->data()->at(0)->value;
    QVERIFY(plot.customPlot()->yAxis->range().contains(y));
    QVERIFY(plot.customPlot()->xAxis->range().contains(stream->data()->at(0)->key));
    // Its dots answer the mouse like any other.
    const Micros at = fromPlotSeconds(stream->data()->at(0)->key);
    QVERIFY(plot.eventAt(plot.pixelFor(at, at)).has_value());
    // Sane ticks: whole seconds, no "02:10:00.600001".
    for (QCPAxis* axis : {plot.customPlot()->xAxis, plot.customPlot()->yAxis})
        for (const QString& label : axis->tickVectorLabels())
            QVERIFY2(!label.contains(QLatin1Char('.')), qPrintable(label));
}

void TestPlotTruth::sessionsAreDrawnAsTheyMerge()
{
    const SnapshotPtr snap = buildSnapshot(load(QStringLiteral("session-windows")), 1);
    const ViewState last = ViewState::at(snap, 99);
    const auto& windows = snap->view(last.driving).windows;
    // 민준's 09:00 and 09:10 sessions grow and merge into 09:00–09:15.
    const auto merged = std::count_if(windows.begin(), windows.end(), [](const WindowLife& w) { return w.merged; });
    QVERIFY2(merged >= 2, qPrintable(QString::number(merged)));
    int mergeBatch = -1;
    for (const WindowLife& w : windows)
        if (w.merged) {
            QVERIFY(w.finishedBatch >= w.createdBatch);
            QCOMPARE(w.keys.size(), std::size_t(1));
            mergeBatch = std::max(mergeBatch, w.finishedBatch);
            QCOMPARE(w.stateAt(w.finishedBatch), WindowLife::State::Merged);
            QCOMPARE(w.stateAt(w.finishedBatch + 1), WindowLife::State::Gone);
        }
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setView(ViewState::at(snap, mergeBatch));
    plot.replotNow();
    QVERIFY2(plot.windowLabels().join(QLatin1Char('|')).contains(QStringLiteral("민준")), qPrintable(plot.windowLabels().join(QLatin1Char('|'))));
    QVERIFY(plot.legendNames().contains(QStringLiteral("session merged into a longer one")));
}

void TestPlotTruth::windowBarsAreLabelled()
{
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setView(ViewState::at(buildSnapshot(load(QStringLiteral("sliding-with-watermark")), 1), 99));
    plot.replotNow();
    const QStringList labels = plot.windowLabels();
    QVERIFY2(labels.contains(QStringLiteral("emp_id=1 00:15–00:45")), qPrintable(labels.join(QLatin1Char('|'))));
}

void TestPlotTruth::highlightClearsOnANewView()
{
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const SnapshotPtr snap = buildSnapshot(load(QStringLiteral("sliding-with-watermark")), 1);
    plot.setView(ViewState::at(snap, 99));
    plot.replotNow();
    // Hover the first lane's bar of the first window.
    const WindowLife& w = snap->view(OutputMode::Update).windows.front();
    const QPointF mid = plot.pixelFor(0, (w.range.start + w.range.end) / 2);
    const QPoint bar(plot.dataRect().left() + 6 + 4, static_cast<int>(mid.y()));
    const auto hover = [&] {
        QMouseEvent move(QEvent::MouseMove, bar, plot.canvas()->mapToGlobal(bar), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(plot.canvas(), &move);
    };
    hover();
    QVERIFY(plot.highlightedWindow().has_value());
    plot.setView(ViewState::at(buildSnapshot(load(QStringLiteral("word-count-update")), 2), 1));
    QVERIFY(!plot.highlightedWindow());
    // Leaving the plot (for a result row) clears it too.
    plot.setView(ViewState::at(snap, 99));
    plot.replotNow();
    hover();
    QVERIFY(plot.highlightedWindow().has_value());
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(plot.canvas(), &leave);
    QVERIFY(!plot.highlightedWindow());
}

void TestPlotTruth::refitsWhenAnEditTakesDataOutOfView()
{
    EventTimePlot plot;
    plot.resize(1000, 600);
    auto sc = load(QStringLiteral("word-count-update"));
    plot.setView(ViewState::at(buildSnapshot(sc, 1), 3));
    // An edit: one event two hours later, with an event time far above the others.
    auto edited = std::make_shared<Scenario>(*sc);
    SourceEvent e = edited->sources[0].events.back();
    e.at += 2 * kMicrosPerHour;
    e.row[0] = Value(e.row[0].asInt() + 3 * kMicrosPerHour);
    edited->sources[0].events.push_back(e);
    plot.setView(ViewState::at(buildSnapshot(edited, 2), 3));
    QVERIFY(plot.customPlot()->xAxis->range().contains(toPlotSeconds(e.at)));
    QVERIFY(plot.customPlot()->yAxis->range().contains(toPlotSeconds(e.row[0].asInt())));
    // A user's own zoom into part of the data is left alone.
    plot.customPlot()->xAxis->setRange(toPlotSeconds(e.at) - 5, toPlotSeconds(e.at) + 5);
    edited = std::make_shared<Scenario>(*edited);
    edited->sources[0].events.push_back(e);
    edited->sources[0].events.back().at += kMicrosPerHour;
    plot.setView(ViewState::at(buildSnapshot(edited, 3), 3));
    QCOMPARE(plot.customPlot()->xAxis->range().size(), 10.0);
}

void TestPlotTruth::neverReadAndNotReadYetLookDifferent()
{
    EventTimePlot plot;
    plot.setView(ViewState::at(buildSnapshot(load(QStringLiteral("word-count-update")), 1), 0));
    QCPGraph* never = graph(plot, QStringLiteral("never read"));
    QCPGraph* pending = graph(plot, QStringLiteral("not read yet"));
    QVERIFY(never && pending);
    QVERIFY(never->scatterStyle().shape() != pending->scatterStyle().shape());
}

void TestPlotTruth::legendAndTicksFitAProjector()
{
    // What the plot gets in a 1024x768 window.
    for (const QString& name : {QStringLiteral("sliding-with-watermark"), QStringLiteral("session-windows"), QStringLiteral("stream-stream-left-outer-with-watermark")}) {
        EventTimePlot plot;
        plot.resize(700, 420);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setView(ViewState::at(buildSnapshot(load(name), 1), 99));
        plot.replotNow();
        plot.replotNow(); // the tick counts follow the first layout
        QCOMPARE(plot.canvas()->width(), 700); // the legend never widens the plot
        QVERIFY(plot.minimumSizeHint().width() <= 400);
        QVERIFY(plot.minimumSize().isEmpty() || plot.minimumSize().width() <= 400);
        plot.resize(480, 300); // and it can always shrink
        QCOMPARE(plot.canvas()->width(), 480);
        plot.resize(700, 420);
        const QRect legend = plot.legendRect(), data = plot.dataRect();
        QVERIFY2(!legend.intersects(data), qPrintable(name));
        QVERIFY2(data.width() >= 0.8 * plot.width(), qPrintable(QStringLiteral("%1: data %2 px wide").arg(name).arg(data.width())));
        QVERIFY2(legend.width() <= plot.width(), qPrintable(name));
        // Every legend entry gets its full text.
        QCPLegend* l = plot.customPlot()->legend;
        for (int i = 0; i < l->itemCount(); ++i)
            if (QCPAbstractLegendItem* item = l->item(i))
                QVERIFY2(item->outerRect().width() >= item->minimumOuterSizeHint().width(), qPrintable(name));
        // Neighbouring tick labels do not touch.
        QCPAxis* x = plot.customPlot()->xAxis;
        const QFontMetrics fm(x->tickLabelFont());
        const auto ticks = x->tickVector();
        const auto labels = x->tickVectorLabels();
        for (int i = 1; i < ticks.size(); ++i) {
            const double gap = x->coordToPixel(ticks[i]) - x->coordToPixel(ticks[i - 1]);
            const double need = (fm.boundingRect(QRect(), 0, labels[i]).width() + fm.boundingRect(QRect(), 0, labels[i - 1]).width()) / 2.0;
            QVERIFY2(gap > need + 8, qPrintable(QStringLiteral("%1: %2 and %3").arg(name, labels[i - 1], labels[i])));
        }
        QVERIFY(x->tickLabelFont().pointSizeF() > plot.font().pointSizeF());
    }
}

void TestPlotTruth::legendFoldsOnAShortPlot()
{
    EventTimePlot plot;
    plot.resize(600, 300);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setView(ViewState::at(buildSnapshot(load(QStringLiteral("sliding-with-watermark")), 1), 99));
    plot.replotNow();
    QVERIFY(plot.legendFolded());
    QCOMPARE(plot.legendNames().size(), 1);
    QVERIFY(plot.dataRect().height() >= 0.6 * 300);
    QVERIFY(!plot.legendRect().intersects(plot.dataRect()));
    // A click on it unfolds it, in full.
    plot.replotNow();
    const QPoint on = plot.legendRect().center();
    QTest::mouseClick(plot.canvas(), Qt::LeftButton, {}, on);
    QVERIFY(!plot.legendFolded());
    QVERIFY(plot.legendNames().contains(QStringLiteral("dropped (late)")));
    QVERIFY(plot.legendNames().contains(QStringLiteral("▾ hide the legend")));
}

/// A join's global watermark is the min over its inputs, 0 while one has seen no data: the
/// carts arrive from the third batch on, after the views moved their own watermark. That 0
/// (1970) must neither stretch the event-time axis nor the lag chart's scale.
void TestPlotTruth::aWatermarkOfZeroStaysOutOfView()
{
    auto sc = load(QStringLiteral("null-safe-join-keys"));
    for (SourceSpec& src : sc->sources)
        if (src.name == "carts")
            for (SourceEvent& e : src.events)
                e.at += 3 * 60 * kMicrosPerSecond;
    const SnapshotPtr snap = buildSnapshot(sc, 1);
    const ModeRun& run = snap->run(OutputMode::Append);
    QVERIFY(run.batches.size() > 2);
    QCOMPARE(run.batches[2].watermarkMs, Millis{0});
    QVERIFY(run.batches[1].hasMaxEventTime);
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setView(ViewState::at(snap, 2));
    plot.replotNow();
    const QCPRange y = plot.customPlot()->yAxis->range();
    QVERIFY2(y.size() < 24 * 3600, qPrintable(QString::number(y.size())));
    QVERIFY(!y.contains(0));
}

void TestPlotTruth::yearsApartFollowsTheBatch()
{
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const SnapshotPtr snap = buildSnapshot(load(QStringLiteral("tumbling-window")), 1);
    plot.setView(ViewState::at(snap, 1));
    plot.replotNow();
    QVERIFY(plot.followsBatch());
    const QCPRange y = plot.customPlot()->yAxis->range();
    QVERIFY2(y.size() < 3600, qPrintable(QString::number(y.size())));
    const auto& points = snap->view(OutputMode::Complete).points;
    QVERIFY(y.contains(points[1].eventTime));
    // The window of the batch is a bar of some height, not a sliver.
    const WindowLife* w = nullptr;
    for (const WindowLife& life : snap->view(OutputMode::Complete).windows)
        if (life.range.start <= fromPlotSeconds(points[1].eventTime) && fromPlotSeconds(points[1].eventTime) < life.range.end)
            w = &life;
    QVERIFY(w);
    QVERIFY(std::abs(plot.pixelFor(0, w->range.end).y() - plot.pixelFor(0, w->range.start).y()) > 40);
    // Stepping moves the view along.
    plot.setView(ViewState::at(snap, 3));
    QVERIFY(plot.customPlot()->yAxis->range().contains(points[3].eventTime));
}

void TestPlotTruth::yearTenThousandTickLabels()
{
    QCustomPlot plot;
    auto ticker = QSharedPointer<ZonedTimeTicker>::create();
    plot.xAxis->setTicker(ticker);
    plot.resize(800, 300);
    // Around the end of year 9999, ticks a day apart, then an hour apart.
    const double end = toPlotSeconds(daysFromCivil(10000, 1, 1) * kMicrosPerDay);
    for (double span : {6 * 86400.0, 6 * 3600.0}) {
        plot.xAxis->setRange(end - span / 2, end + span / 2);
        plot.replot();
        const QStringList labels = plot.xAxis->tickVectorLabels();
        QVERIFY(!labels.isEmpty());
        for (const QString& label : labels)
            QVERIFY2(!label.contains(QStringLiteral("10000-01-0 ")) && !label.endsWith(QStringLiteral("10000-01-0")) && !label.startsWith(QLatin1Char(' '))
                         && !label.contains(QStringLiteral("\n ")),
                     qPrintable(label));
    }
}

void TestPlotTruth::yearTenThousandWindowText()
{
    // A window of the last minutes of year 9999 ends in year 10000, which Spark's "yyyy" pattern
    // prints with a sign (java.time's SignStyle.EXCEEDS_PAD), as the engine's formatter does.
    const auto sc = load(QStringLiteral("word-count-update"));
    const Micros end = sc->zone.fromLocal(daysFromCivil(10000, 1, 1) * kMicrosPerDay);
    const QString text = cellText(Value(TimeRange{end - 5 * kMicrosPerMinute, end}), DataType(TypeId::Window), *sc);
    QCOMPARE(text, QStringLiteral("9999-12-31 23:55–+10000-01-01 00:00"));
}

QTEST_MAIN(TestPlotTruth)
#include "tst_plottruth.moc"
