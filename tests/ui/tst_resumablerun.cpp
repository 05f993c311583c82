// SPDX-License-Identifier: GPL-3.0-or-later
// A recompute that continues an earlier run from the first batch an edit reaches
// (runResumable, RecomputeService's bases) gives exactly what a run from batch 0 gives: for
// edits read by the first, a middle and the last batch, in all three output modes, over
// aggregations, sessions, deduplication and joins.
#include "engine/exec/EventTime.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/compute/ResumableRun.h"
#include "ui/compute/Snapshot.h"

#include <QTest>

#include <algorithm>
#include <limits>
#include <sstream>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

constexpr Micros kMinute = 60 * kMicrosPerSecond;

/// A shipped scenario made long: its events repeated `copies` times, each copy an hour later
/// in processing and event time, so that its query runs over dozens of batches.
std::shared_ptr<const Scenario> lengthened(const QString& file, int copies)
{
    auto loaded = loadScenarioFile((QStringLiteral(TIDEMARK_SCENARIOS "/") + file).toStdString());
    if (!loaded.ok())
        qFatal("%s: %s", qPrintable(file), loaded.error().describe().c_str());
    Scenario sc = std::move(loaded.value());
    const auto columns = eventTimeColumns(sc);
    for (std::size_t s = 0; s < sc.sources.size(); ++s) {
        if (sc.sources[s].isStatic)
            continue;
        const std::vector<SourceEvent> once = sc.sources[s].events;
        for (int c = 1; c < copies; ++c)
            for (SourceEvent e : once) {
                e.at += c * 60 * kMinute;
                if (columns[s] && e.row[*columns[s]].isInt())
                    e.row[*columns[s]] = Value(e.row[*columns[s]].asInt() + c * 60 * kMinute);
                sc.sources[s].events.push_back(std::move(e));
            }
    }
    return std::make_shared<const Scenario>(std::move(sc));
}

/// `scenario` with global event `event` arriving `atShift` later and its event time `timeShift` later.
std::shared_ptr<const Scenario> moved(const Scenario& scenario, std::uint32_t event, Micros atShift, Micros timeShift)
{
    Scenario sc = scenario;
    const auto columns = eventTimeColumns(sc);
    for (std::size_t s = 0; s < sc.sources.size(); ++s) {
        if (event >= sc.sources[s].events.size()) {
            event -= static_cast<std::uint32_t>(sc.sources[s].events.size());
            continue;
        }
        SourceEvent& e = sc.sources[s].events[event];
        e.at += atShift;
        if (columns[s] && e.row[*columns[s]].isInt())
            e.row[*columns[s]] = Value(e.row[*columns[s]].asInt() + timeShift);
        break;
    }
    return std::make_shared<const Scenario>(std::move(sc));
}

std::string text(const Value& v)
{
    std::ostringstream out;
    if (v.isNull())
        out << "null";
    else if (v.isBool())
        out << v.asBool();
    else if (v.isInt())
        out << v.asInt();
    else if (v.isDouble())
        out << v.asDouble();
    else if (v.isString())
        out << '"' << v.asString() << '"';
    else if (v.isRange())
        out << '[' << v.asRange().start << ',' << v.asRange().end << ')';
    else if (v.isList()) {
        out << '(';
        for (const Value& item : v.asList())
            out << text(item) << ',';
        out << ')';
    }
    return out.str();
}

std::string text(const Row& r)
{
    std::string out;
    for (const Value& v : r)
        out += text(v) + '|';
    return out;
}

/// Everything a batch records, as text: two runs agree when these agree.
std::string text(const BatchRecord& b)
{
    std::ostringstream o;
    o << "batch " << b.batchId << " at " << b.triggerTime << '-' << b.endTime << " noData " << b.noData << " rows " << b.numInputRows << " wm "
      << b.watermarkMs << '/' << b.lateFilterWatermarkMs << '/' << b.nextWatermarkMs << " max " << b.hasMaxEventTime << b.maxEventTimeMs
      << " another " << b.requiresAnotherBatch << "\n events";
    for (auto e : b.events)
        o << ' ' << e;
    o << "\n sink";
    for (const Row& r : b.sinkRows)
        o << ' ' << text(r);
    o << "\n dropped";
    for (const Row& r : b.droppedRows)
        o << ' ' << text(r);
    for (const auto& [op, r] : b.chainDroppedRows)
        o << "\n chain dropped " << static_cast<int>(op) << ' ' << text(r);
    for (const OperatorProgress& p : b.operators)
        o << "\n op " << p.operatorName << ' ' << p.numRowsTotal << ' ' << p.numRowsUpdated << ' ' << p.numRowsRemoved << ' '
          << p.numRowsDroppedByWatermark << ' ' << p.numDroppedDuplicateRows.value_or(-1) << ' ' << p.numRowsTotalLeft.value_or(-1) << ' '
          << p.numRowsTotalRight.value_or(-1);
    for (const StateChange& c : b.stateChanges)
        o << "\n state " << static_cast<int>(c.kind) << ' ' << static_cast<int>(c.op) << ' ' << text(c.row);
    for (const RowFate& f : b.fates)
        o << "\n fate " << f.event << '.' << f.sub << ' ' << fateName(f.fate) << ' ' << static_cast<int>(f.op) << ' ' << f.batchId << ' ' << f.eventTime << ' ' << f.maxEventTimeBefore
          << ' ' << f.lateWatermarkMs << ' ' << f.numGroups << '/' << f.numLateGroups;
    for (const JoinEvent& j : b.joinEvents)
        o << "\n join " << static_cast<int>(j.kind) << ' ' << static_cast<int>(j.side) << ' ' << j.event << '.' << j.sub << ' ' << j.other;
    return o.str();
}

/// The first difference between two runs, or empty.
QString difference(const ModeRun& got, const ModeRun& want)
{
    if (got.error.has_value() != want.error.has_value())
        return QStringLiteral("one run is rejected");
    if (got.batches.size() != want.batches.size())
        return QStringLiteral("%1 batches, want %2").arg(got.batches.size()).arg(want.batches.size());
    for (std::size_t i = 0; i < got.batches.size(); ++i)
        if (const std::string g = text(got.batches[i]), w = text(want.batches[i]); g != w)
            return QStringLiteral("batch %1 differs:\n%2\nwant:\n%3").arg(i).arg(QString::fromStdString(g), QString::fromStdString(w));
    if (got.ticks.size() != want.ticks.size())
        return QStringLiteral("%1 ticks, want %2").arg(got.ticks.size()).arg(want.ticks.size());
    for (std::size_t i = 0; i < got.ticks.size(); ++i)
        if (got.ticks[i].time != want.ticks[i].time || got.ticks[i].batchId != want.ticks[i].batchId || got.ticks[i].count != want.ticks[i].count
            || got.ticks[i].step != want.ticks[i].step)
            return QStringLiteral("tick %1 differs").arg(i);
    if (got.unconsumed.size() != want.unconsumed.size())
        return QStringLiteral("%1 unread events, want %2").arg(got.unconsumed.size()).arg(want.unconsumed.size());
    if (got.start != want.start)
        return QStringLiteral("the clock starts elsewhere");
    return {};
}

/// The first difference between two views' windows (every field the plot and the next
/// continued view read), or empty.
QString windowDifference(const ModeView& got, const ModeView& want)
{
    if (got.numLanes != want.numLanes)
        return QStringLiteral("lanes %1, want %2").arg(got.numLanes).arg(want.numLanes);
    if (got.windows.size() != want.windows.size())
        return QStringLiteral("%1 windows, want %2").arg(got.windows.size()).arg(want.windows.size());
    for (std::size_t i = 0; i < got.windows.size(); ++i) {
        const WindowLife& a = got.windows[i];
        const WindowLife& b = want.windows[i];
        std::vector<std::string> ak, bk;
        for (const Row& k : a.keys)
            ak.push_back(text(k));
        for (const Row& k : b.keys)
            bk.push_back(text(k));
        const QString field = a.range.start != b.range.start || a.range.end != b.range.end ? QStringLiteral("range")
                              : ak != bk || a.keyBatches != b.keyBatches                       ? QStringLiteral("keys")
                              : a.createdBatch != b.createdBatch                                ? QStringLiteral("createdBatch")
                              : a.finishedBatch != b.finishedBatch || a.merged != b.merged || a.finishes != b.finishes ? QStringLiteral("finishes")
                              : a.outputBatches != b.outputBatches                              ? QStringLiteral("outputBatches")
                              : a.lane != b.lane                                                ? QStringLiteral("lane")
                                                                                                : QString();
        if (!field.isEmpty())
            return QStringLiteral("window %1 [%2, %3): %4 differ").arg(i).arg(b.range.start).arg(b.range.end).arg(field);
    }
    return {};
}

SimulationOptions guiOptions()
{
    SimulationOptions o;
    o.materializeCompleteOutput = false;
    return o;
}

/// Indices of the events read by the first batch, a middle one and the last one that read any.
std::vector<std::pair<const char*, std::uint32_t>> editedEvents(const ModeRun& run)
{
    std::vector<std::size_t> reading;
    for (std::size_t i = 0; i < run.batches.size(); ++i)
        if (!run.batches[i].events.empty())
            reading.push_back(i);
    if (reading.size() < 3)
        return {};
    return {{"first", run.batches[reading.front()].events.front()},
            {"middle", run.batches[reading[reading.size() / 2]].events.front()},
            {"last", run.batches[reading.back()].events.back()}};
}

} // namespace

class TestResumableRun : public QObject
{
    Q_OBJECT
private slots:
    void sameAsFullRun_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* f : {"word-count-update.json", "sliding-with-watermark.json", "session-windows.json", "dedup-within-watermark.json",
                              "stream-stream-left-outer-with-watermark.json", "stream-stream-full-outer.json", "tumbling-with-watermark.json",
                              "chained-window-aggregation.json", "stream-stream-join-then-window-count.json", "three-stream-join.json"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void sameAsFullRun()
    {
        QFETCH(QString, file);
        const auto original = lengthened(file, 12);
        int runsCompared = 0;
        std::size_t reusedLate = 0;
        for (OutputMode mode : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
            const ResumableRun base = runResumable(original, mode, guiOptions());
            QVERIFY(base.run);
            if (base.run->error)
                continue; // Spark rejects the mode for this query: nothing to continue
            QVERIFY2(!base.checkpoints->points.empty(), "a run of dozens of batches keeps checkpoints");
            const auto edits = editedEvents(*base.run);
            QVERIFY(!edits.empty());
            for (const auto& [where, event] : edits)
                for (const auto& [atShift, timeShift] : {std::pair{37 * kMicrosPerSecond, -5 * kMinute}, std::pair{-50 * kMicrosPerSecond, 3 * kMinute}}) {
                    const auto edited = moved(*original, event, atShift, timeShift);
                    const auto changedFrom = firstChangedArrival(*original, *edited);
                    QVERIFY(changedFrom);
                    const ResumableRun continued = runResumable(edited, mode, guiOptions(), &base, changedFrom);
                    const ModeRun full = runMode(*edited, mode, guiOptions());
                    const QString diff = difference(*continued.run, full);
                    QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("%1 mode %2, event %3 (%4 batch) moved by %5 s: %6")
                                                            .arg(file)
                                                            .arg(static_cast<int>(mode))
                                                            .arg(event)
                                                            .arg(QLatin1String(where))
                                                            .arg(atShift / kMicrosPerSecond)
                                                            .arg(diff)));
                    // A continued run continues too: a second edit on top of the first.
                    const auto again = moved(*edited, event, kMinute, 0);
                    const ResumableRun twice = runResumable(again, mode, guiOptions(), &continued, firstChangedArrival(*edited, *again));
                    const QString diff2 = difference(*twice.run, runMode(*again, mode, guiOptions()));
                    QVERIFY2(diff2.isEmpty(), qPrintable(QStringLiteral("%1 mode %2, second edit of event %3: %4").arg(file).arg(static_cast<int>(mode)).arg(event).arg(diff2)));
                    if (QLatin1String(where) == QLatin1String("first"))
                        QCOMPARE(continued.reusedBatches, std::size_t{0}); // nothing before the first batch to reuse
                    else if (QLatin1String(where) == QLatin1String("last"))
                        reusedLate += continued.reusedBatches;
                    // The reused batches are the base run's own records, shared, not copies.
                    for (std::size_t i = 0; i < continued.reusedBatches; ++i)
                        QVERIFY(&continued.run->batches[i] == &base.run->batches[i]);
                    ++runsCompared;
                }
        }
        QVERIFY(runsCompared >= 6);
        QVERIFY2(reusedLate > 0, "an edit in the last batch reuses the batches before it");
    }

    /// A drag: the same event moved again and again by a few seconds. After its first move each
    /// run starts from a copy taken just before the batch the move reaches (the continued run
    /// left one after each of its first batches), and still equals a run from batch 0.
    void dragRerunsOnlyTheBatchesItReaches_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* f : {"word-count-update.json", "chained-window-aggregation.json", "session-windows.json"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void dragRerunsOnlyTheBatchesItReaches()
    {
        QFETCH(QString, file);
        auto scenario = lengthened(file, 12);
        ResumableRun run = runResumable(scenario, OutputMode::Append, guiOptions());
        QVERIFY(run.run && !run.run->error);
        const auto edits = editedEvents(*run.run);
        QVERIFY(!edits.empty());
        const std::uint32_t event = edits[1].second; // read by a middle batch
        for (int move = 0; move < 6; ++move) {
            const auto next = moved(*scenario, event, 7 * kMicrosPerSecond, kMicrosPerSecond);
            const auto changedFrom = firstChangedArrival(*scenario, *next);
            QVERIFY(changedFrom);
            ResumableRun continued = runResumable(next, OutputMode::Append, guiOptions(), &run, changedFrom);
            const QString diff = difference(*continued.run, runMode(*next, OutputMode::Append, guiOptions()));
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("move %1: %2").arg(move).arg(diff)));
            // Every batch that triggered before the moved event arrives is reused.
            const auto& batches = run.run->batches;
            const auto before = static_cast<std::size_t>(std::count_if(batches.begin(), batches.end(), [&](const BatchRecord& b) { return b.triggerTime < *changedFrom; }));
            if (move > 0)
                QCOMPARE(continued.reusedBatches, before);
            QVERIFY(continued.checkpoints->points.size() <= RunCheckpoints::kMaxPoints + 2 * RunCheckpoints::kDensePoints);
            scenario = next;
            run = std::move(continued);
        }
    }

    /// The snapshot the window shows: a recompute continuing the previous one's runs derives
    /// the same fates, windows and counters as one from scratch; its windows are the earlier
    /// view's as they stood before the first batch run again, folded on over the new batches.
    void snapshotSameAsFull_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* f : {"word-count-update.json", "sliding-with-watermark.json", "tumbling-with-watermark.json", "session-windows.json",
                              "chained-window-aggregation.json", "stream-stream-join-then-window-count.json", "dedup-within-watermark.json"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void snapshotSameAsFull()
    {
        QFETCH(QString, file);
        const auto original = lengthened(file, 12);
        SnapshotPtr before = buildSnapshot(original, 1);
        const OutputMode driving = before->run(OutputMode::Append).error ? OutputMode::Update : OutputMode::Append;
        const auto edits = editedEvents(before->run(driving));
        QVERIFY(!edits.empty());
        std::uint64_t generation = 2;
        std::size_t reused = 0;
        auto scenario = original;
        // Each edit continues the snapshot of the one before it, as a drag does.
        for (const auto& [where, event] : edits)
            for (const auto& [atShift, timeShift] : {std::pair{20 * kMicrosPerSecond, -4 * kMinute}, std::pair{-45 * kMicrosPerSecond, 6 * kMinute}}) {
                const auto edited = moved(*scenario, event, atShift, timeShift);
                const RunBases bases{before, before, before};
                const SnapshotPtr continued = buildSnapshot(edited, generation++, std::nullopt, &bases);
                const SnapshotPtr full = buildSnapshot(edited, generation++);
                QCOMPARE(full->reusedBatches, std::size_t{0});
                reused += continued->reusedBatches;
                for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
                    const QString context = QStringLiteral("mode %1, event %2 (%3 batch)").arg(static_cast<int>(m)).arg(event).arg(QLatin1String(where));
                    QVERIFY2(difference(continued->run(m), full->run(m)).isEmpty(), qPrintable(context + QStringLiteral(": the runs differ")));
                    const ModeView& a = continued->view(m);
                    const ModeView& b = full->view(m);
                    QCOMPARE(a.points.size(), b.points.size());
                    for (std::size_t i = 0; i < a.points.size(); ++i) {
                        QCOMPARE(a.points[i].fate, b.points[i].fate);
                        QCOMPARE(a.points[i].batchId, b.points[i].batchId);
                        QCOMPARE(a.points[i].eventTime, b.points[i].eventTime);
                        QCOMPARE(a.points[i].at, b.points[i].at);
                    }
                    const QString windows = windowDifference(a, b);
                    QVERIFY2(windows.isEmpty(), qPrintable(context + QStringLiteral(": ") + windows));
                    QCOMPARE(a.droppedSoFar, b.droppedSoFar);
                    QCOMPARE(a.stateRows, b.stateRows);
                }
                before = continued;
                scenario = edited;
            }
        QVERIFY2(reused > 0, "edits after the first batch continue the earlier runs");
        // No event differs: the runs and views are the base's own.
        const RunBases bases{before, before, before};
        const SnapshotPtr same = buildSnapshot(scenario, generation, std::nullopt, &bases);
        for (std::size_t i = 0; i < 3; ++i)
            if (!before->runs[i]->error) { // a mode Spark rejects has no run to take up
                QCOMPARE(same->runs[i], before->runs[i]);
                QCOMPARE(same->views[i], before->views[i]);
            }
    }
};

QTEST_GUILESS_MAIN(TestResumableRun)
#include "tst_resumablerun.moc"
