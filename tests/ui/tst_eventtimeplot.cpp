// SPDX-License-Identifier: GPL-3.0-or-later
// The plot on its own: dots where the events are, trigger lines capped however many ticks a
// run has skipped, and exports.
#include "ui/compute/Snapshot.h"
#include "ui/compute/ViewState.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/plot/EventTimePlot.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

class TestEventTimePlot : public QObject
{
    Q_OBJECT
private slots:
    void dotsAreWhereTheEventsAre();
    void skippedTicksAreCapped();
    void exportsPngAndPdf();

private:
    static std::shared_ptr<Scenario> wordCount();
};

std::shared_ptr<Scenario> TestEventTimePlot::wordCount()
{
    auto sc = ScenarioDocument::load(QStringLiteral(":/scenarios/word-count-update.json"));
    if (!sc.ok())
        qFatal("%s", sc.error().describe().c_str());
    return std::make_shared<Scenario>(std::move(sc.value()));
}

void TestEventTimePlot::dotsAreWhereTheEventsAre()
{
    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const auto sc = wordCount();
    plot.setView(ViewState::at(buildSnapshot(sc, 1), 3));
    plot.replotNow();
    for (std::uint32_t i = 0; i < sc->sources[0].events.size(); ++i) {
        const SourceEvent& e = sc->sources[0].events[i];
        const QPointF p = plot.pixelFor(e.at, e.row[0].asInt());
        QVERIFY2(plot.canvas()->rect().contains(p.toPoint()), "the fitted view shows every event");
        QCOMPARE(plot.eventAt(p), std::optional<std::uint32_t>(i));
    }
    QVERIFY(!plot.eventAt(plot.pixelFor(sc->sources[0].events[0].at, sc->sources[0].events[0].row[0].asInt()) + QPointF(30, 30)));
}

void TestEventTimePlot::skippedTicksAreCapped()
{
    // A one-second trigger and an event three hours after the others: 10,000+ skipped ticks,
    // merged by the engine into one run.
    auto sc = wordCount();
    sc->query.trigger.processingTime = "1 second";
    SourceEvent late = sc->sources[0].events.back();
    late.at += 3 * kMicrosPerHour;
    sc->sources[0].events.push_back(late);
    const SnapshotPtr snap = buildSnapshot(sc, 1);
    const auto& ticks = snap->run(OutputMode::Update).ticks;
    const auto longest = std::max_element(ticks.begin(), ticks.end(), [](const TickRecord& a, const TickRecord& b) { return a.count < b.count; });
    QVERIFY(longest->count > 10000);

    EventTimePlot plot;
    plot.resize(1000, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setView(ViewState::at(snap, 0));
    plot.replotNow();
    QVERIFY2(plot.numDrawnTickLines() < 200, qPrintable(QString::number(plot.numDrawnTickLines())));
    // Zoomed into one minute of the run, each skipped tick is a line again.
    const Micros from = longest->time + 100 * longest->step;
    plot.setProcessingTimeRange(from, from + kMicrosPerMinute);
    plot.replotNow();
    QVERIFY2(plot.numDrawnTickLines() >= 60 && plot.numDrawnTickLines() <= 62, qPrintable(QString::number(plot.numDrawnTickLines())));
}

void TestEventTimePlot::exportsPngAndPdf()
{
    QTemporaryDir dir;
    EventTimePlot plot;
    plot.resize(900, 500);
    plot.setView(ViewState::at(buildSnapshot(wordCount(), 1), 3));
    const QString png = dir.filePath(QStringLiteral("plot.png")), pdf = dir.filePath(QStringLiteral("plot.pdf"));
    QVERIFY(plot.savePng(png));
    QVERIFY(plot.savePdf(pdf));
    QVERIFY(QFileInfo(png).size() > 10000);
    QImage image(png);
    QCOMPARE(image.width(), 2560); // never shown: a 1280x720 slide, at twice the pixels
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QVERIFY(plot.savePng(png));
    QCOMPARE(QImage(png).width(), 2 * plot.canvas()->width()); // shown: what is on screen
    QVERIFY(QFileInfo(pdf).size() > 5000);
}

QTEST_MAIN(TestEventTimePlot)
#include "tst_eventtimeplot.moc"
