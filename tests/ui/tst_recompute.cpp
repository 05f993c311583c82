// SPDX-License-Identifier: GPL-3.0-or-later
// The recompute worker (newest request wins) and what the snapshot derives for the views.
#include "engine/plan/Analyzer.h"
#include "ui/compute/RecomputeService.h"
#include "ui/compute/ViewState.h"
#include "ui/document/ScenarioDocument.h"

#include <QSignalSpy>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

class TestRecompute : public QObject
{
    Q_OBJECT
private slots:
    void newestRequestWins();
    void windowLives();
    void modesMeetAtTheSameProcessingTime();
    void rejectedModeIsNotDriving();
    void previewHoldsThePlotsModeFirst();
    void liveRequestsAreDrawnOnce();
    void cancelStopsALongRecompute();

private:
    static std::shared_ptr<const Scenario> wordCount(const char* name = "word-count-update.json");
    static std::shared_ptr<const Scenario> slowButLegal();
};

std::shared_ptr<const Scenario> TestRecompute::wordCount(const char* name)
{
    auto sc = ScenarioDocument::load(QStringLiteral(":/scenarios/") + QLatin1String(name));
    if (!sc.ok())
        qFatal("cannot load %s: %s", name, sc.error().describe().c_str());
    return std::make_shared<const Scenario>(std::move(sc.value()));
}

void TestRecompute::newestRequestWins()
{
    RecomputeService service;
    QSignalSpy ready(&service, &RecomputeService::snapshotReady);
    auto base = wordCount();
    std::shared_ptr<const Scenario> last;
    for (int i = 0; i < 20; ++i) {
        auto sc = std::make_shared<Scenario>(*base);
        sc->sources[0].events.resize(static_cast<std::size_t>(1 + i % 10));
        last = sc;
        service.request(sc);
    }
    QTRY_VERIFY(service.isIdle());
    QCOMPARE(service.latest()->generation, std::uint64_t{20});
    QCOMPARE(service.latest()->scenario, last);
    QVERIFY(service.latest()->complete);
    QVERIFY(ready.count() >= 1);
    QVERIFY(ready.count() <= 2 * 20); // at most a preview and a complete snapshot per request
    QVERIFY(service.latest()->run(OutputMode::Update).error == std::nullopt);
}

void TestRecompute::windowLives()
{
    const SnapshotPtr snap = buildSnapshot(wordCount(), 1);
    const ModeView& update = snap->view(OutputMode::Update);
    const ModeView& append = snap->view(OutputMode::Append);
    QCOMPARE(update.numLanes, 2); // 10-minute windows sliding every 5 minutes overlap in pairs
    const TimeRange first{update.windows.front().range};
    QCOMPARE(first.end - first.start, 10 * kMicrosPerMinute);
    // The window [12:00, 12:10) is evicted in batch 3, when the watermark reaches 12:11.
    const auto find = [&](const ModeView& v) { return std::find_if(v.windows.begin(), v.windows.end(), [&](const WindowLife& w) { return w.range == first; }); };
    const auto u = find(update);
    const auto a = find(append);
    QVERIFY(u != update.windows.end() && a != append.windows.end());
    QCOMPARE(u->createdBatch, 0);
    QCOMPARE(u->finishedBatch, 3);
    QCOMPARE(u->stateAt(1), WindowLife::State::Emitted); // update mode emits it when it changes
    QCOMPARE(u->stateAt(3), WindowLife::State::Evicted);
    QCOMPARE(a->stateAt(1), WindowLife::State::Open);    // append mode holds it back...
    QCOMPARE(a->stateAt(3), WindowLife::State::Emitted); // ...and emits it once, when evicted
    // Points carry the fate of their event: the donkey (event 10) was dropped.
    QCOMPARE(update.points[9].fate, Fate::DroppedByWatermark);
    QCOMPARE(update.points[9].batchId, std::int64_t{3});
    QCOMPARE(update.droppedSoFar.back(), std::int64_t{2}); // both windows of the donkey row
}

void TestRecompute::modesMeetAtTheSameProcessingTime()
{
    const SnapshotPtr snap = buildSnapshot(wordCount(), 1);
    const ViewState v = ViewState::at(snap, 2);
    QCOMPARE(v.driving, OutputMode::Update);
    QCOMPARE(v.batchId(), std::int64_t{2});
    for (OutputMode m : {OutputMode::Append, OutputMode::Complete})
        QCOMPARE(snap->run(m).batches[static_cast<std::size_t>(v.batchIn(m))].triggerTime, v.now);
    QCOMPARE(ViewState::at(snap, 99).batch, v.numBatches() - 1);
}

void TestRecompute::rejectedModeIsNotDriving()
{
    auto sc = std::make_shared<Scenario>(*wordCount());
    sc->query.outputMode = "append";
    sc->query.withWatermark.reset();
    const SnapshotPtr snap = buildSnapshot(sc, 1);
    QVERIFY(snap->run(OutputMode::Append).error.has_value());
    const ViewState v = ViewState::at(snap, 0);
    QCOMPARE(v.selected, OutputMode::Append);
    QCOMPARE(v.driving, OutputMode::Update);
    QVERIFY(v.hasBatch());
}

/// A live session sends its next recording only once the last is complete, so it gets no
/// preview: each recording makes the window draw once, not twice.
void TestRecompute::liveRequestsAreDrawnOnce()
{
    RecomputeService service;
    QSignalSpy ready(&service, &RecomputeService::snapshotReady);
    auto sc = wordCount();
    const Micros horizon = sc->sources[0].events.back().at;
    for (int i = 0; i < 3; ++i) {
        const int before = static_cast<int>(ready.count());
        service.request(sc, horizon);
        QTRY_VERIFY(service.isIdle());
        QCOMPARE(static_cast<int>(ready.count()), before + 1);
        QVERIFY(service.latest()->complete);
        QCOMPARE(service.latest()->liveHorizon, std::optional<Micros>(horizon));
    }
    // An edit's request still gets its preview first.
    const int before = static_cast<int>(ready.count());
    service.request(sc);
    QTRY_VERIFY(service.isIdle());
    QCOMPARE(static_cast<int>(ready.count()), before + 2);
}

void TestRecompute::previewHoldsThePlotsModeFirst()
{
    auto sc = std::make_shared<Scenario>(*wordCount());
    sc->query.outputMode = "append";
    sc->query.withWatermark.reset();
    // Spark rejects append here, so the preview also runs update, which the plot then follows.
    const SnapshotPtr preview = buildPreview(sc, 7);
    QVERIFY(!preview->complete);
    QVERIFY(preview->has(OutputMode::Append) && preview->run(OutputMode::Append).error);
    QVERIFY(preview->has(OutputMode::Update));
    QVERIFY(!preview->has(OutputMode::Complete));
    QCOMPARE(ViewState::at(preview, 0).driving, OutputMode::Update);
    const SnapshotPtr full = completeSnapshot(*preview);
    QVERIFY(full->complete && full->has(OutputMode::Complete));
    QCOMPARE(full->generation, std::uint64_t{7});
    QCOMPARE(full->runs[1], preview->runs[1]); // shared, not run twice
    QCOMPARE(full->run(OutputMode::Complete).batches.size(), buildSnapshot(sc, 8)->run(OutputMode::Complete).batches.size());
}

QTEST_GUILESS_MAIN(TestRecompute)
/// Within every limit and slow all the same: 200,000 rows arriving at once, each added to
/// 1000 windows (a 1000-minute window sliding every minute). Tens of seconds per mode.
std::shared_ptr<const Scenario> TestRecompute::slowButLegal()
{
    auto sc = std::make_shared<Scenario>(*wordCount());
    auto& events = sc->sources[0].events;
    const SourceEvent first = events.front();
    events.assign(200'000, first);
    for (std::size_t i = 0; i < events.size(); ++i)
        events[i].row[0] = Value(first.row[0].asInt() + static_cast<Micros>(i) * kMicrosPerSecond);
    auto& window = (*sc->query.groupBy)[0].window;
    window.duration = "1000 minutes";
    window.slide = "1 minute";
    // Grouped by the source's own column, which holds one value: a few thousand groups of
    // state (within WorkLimits::kMaxWindowGroups) for 200 million window updates.
    sc->query.selectExpr.clear();
    (*sc->query.groupBy)[1].column = "value";
    return sc;
}

void TestRecompute::cancelStopsALongRecompute()
{
    const auto slow = slowButLegal();
    QVERIFY(analyze(*slow).ok()); // legal: exactly at the limit of 1000 windows per row
    RecomputeService service;
    QSignalSpy busy(&service, &RecomputeService::busyChanged);
    QSignalSpy cancelled(&service, &RecomputeService::cancelled);
    service.request(slow);
    QVERIFY(service.isBusy());
    QCOMPARE(busy.count(), 1);
    QTRY_VERIFY(service.progress() > 0); // the runs report rows read within the batch
    QVERIFY(service.progress() < 1);
    QVERIFY(!service.isCurrent());
    service.cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!service.isBusy());
    QCOMPARE(busy.count(), 2);
    QVERIFY(!service.isCurrent()); // nothing computed is shown as the result of the request
    // The worker stops at once: the next request is computed long before the slow one could end.
    service.request(wordCount());
    QTRY_VERIFY(service.isIdle());
    QCOMPARE(service.latest()->generation, std::uint64_t{2});
    QVERIFY(service.isCurrent());
    QVERIFY(!service.isBusy());
}

#include "tst_recompute.moc"
