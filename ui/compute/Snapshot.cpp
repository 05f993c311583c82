// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compute/Snapshot.h"

#include "engine/exec/EventTime.h"
#include "engine/plan/Analyzer.h"
#include "ui/compute/PlotTime.h"
#include "ui/compute/ViewState.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace tidemark::ui {

WindowLife::State WindowLife::stateAt(int batch) const
{
    if (createdBatch < 0 || batch < createdBatch)
        return State::NotYet;
    if (merged && finishedBatch >= 0)
        return batch < finishedBatch ? (std::binary_search(outputBatches.begin(), outputBatches.end(), batch) ? State::Emitted : State::Open)
               : batch == finishedBatch ? State::Merged
                                        : State::Gone;
    if (finishedBatch >= 0 && finishedBatch < batch)
        return State::Evicted;
    if (std::binary_search(outputBatches.begin(), outputBatches.end(), batch))
        return State::Emitted;
    if (finishedBatch == batch)
        return State::Evicted;
    return State::Open;
}

int windowColumn(const QueryPlan& plan)
{
    if (!plan.aggregate)
        return -1;
    const auto& groups = plan.aggregate->groups;
    for (std::size_t i = 0; i < groups.size(); ++i)
        if (groups[i].isWindow)
            return static_cast<int>(i);
    return -1;
}

int batchIndexOf(const ModeRun& run, std::int64_t batchId)
{
    if (run.batches.empty() || batchId < run.batches.front().batchId)
        return -1;
    // Batch ids are consecutive from the first one; fall back to a search if that ever changes.
    const auto guess = static_cast<std::size_t>(batchId - run.batches.front().batchId);
    if (guess < run.batches.size() && run.batches[guess].batchId == batchId)
        return static_cast<int>(guess);
    for (std::size_t i = 0; i < run.batches.size(); ++i)
        if (run.batches[i].batchId == batchId)
            return static_cast<int>(i);
    return -1;
}

namespace {


EventPoint basePoint(const Scenario& sc, const std::vector<std::optional<std::size_t>>& columns, std::size_t s, std::size_t i)
{
    EventPoint p;
    p.at = toPlotSeconds(sc.sources[s].events[i].at);
    p.source = static_cast<std::uint8_t>(std::min<std::size_t>(s, 255));
    if (auto t = eventTimeOf(sc, columns, s, i)) {
        p.eventTime = toPlotSeconds(*t);
        p.hasEventTime = true;
    }
    return p;
}

/// The base points of `sc`. From an earlier snapshot's of a scenario with the same sources and
/// query, only the events that differ are placed again (an edit changes one or a few).
std::shared_ptr<const std::vector<EventPoint>> basePoints(const Scenario& sc, const Snapshot* earlier)
{
    const auto columns = eventTimeColumns(sc);
    auto points = std::make_shared<std::vector<EventPoint>>();
    const Scenario* before = earlier && earlier->basePoints ? earlier->scenario.get() : nullptr;
    bool same = before && before->sources.size() == sc.sources.size() && earlier->basePoints->size() == sc.numEvents();
    for (std::size_t s = 0; same && s < sc.sources.size(); ++s)
        same = before->sources[s].events.size() == sc.sources[s].events.size() && before->sources[s].schema == sc.sources[s].schema;
    if (same) {
        if (before == &sc)
            return earlier->basePoints;
        *points = *earlier->basePoints;
        std::size_t global = 0;
        for (std::size_t s = 0; s < sc.sources.size(); ++s)
            for (std::size_t i = 0; i < sc.sources[s].events.size(); ++i, ++global) {
                const SourceEvent& a = before->sources[s].events[i];
                const SourceEvent& b = sc.sources[s].events[i];
                if (a.at != b.at || a.row != b.row)
                    (*points)[global] = basePoint(sc, columns, s, i);
            }
        return points;
    }
    points->reserve(sc.numEvents());
    for (std::size_t s = 0; s < sc.sources.size(); ++s)
        for (std::size_t i = 0; i < sc.sources[s].events.size(); ++i)
            points->push_back(basePoint(sc, columns, s, i));
    return points;
}

/// The first of `bases` that holds base points (null when none does).
const Snapshot* earlierWithPoints(const RunBases* bases)
{
    if (bases)
        for (const SnapshotPtr& b : *bases)
            if (b && b->basePoints)
                return b.get();
    return nullptr;
}

void applyFate(std::vector<EventPoint>& points, const RowFate& f)
{
    if (f.event >= points.size())
        return;
    EventPoint& p = points[f.event];
    const bool first = p.batchId < 0 && p.fate == Fate::Unconsumed;
    if (first || fateRank(f.fate) > fateRank(p.fate)) {
        p.fate = f.fate;
        if (f.hasEventTime) {
            p.eventTime = toPlotSeconds(f.eventTime);
            p.hasEventTime = true;
        }
    }
    if (f.batchId >= 0 && p.batchId < 0)
        p.batchId = f.batchId;
    p.numGroups = static_cast<std::uint16_t>(p.numGroups + f.numGroups);
    p.numLateGroups = static_cast<std::uint16_t>(p.numLateGroups + f.numLateGroups);
    if (f.fate == Fate::DroppedByWatermark || f.numLateGroups > 0 || p.lateWatermarkMs == 0)
        p.lateWatermarkMs = f.lateWatermarkMs;
}

struct RangeHash {
    std::size_t operator()(const TimeRange& r) const { return hashCombine(std::hash<Micros>{}(r.start), std::hash<Micros>{}(r.end)); }
};

/// `row`'s grouping values other than the window column `col` (its group within a window).
Row keyOf(const Row& row, std::size_t col, std::size_t numGroups)
{
    Row key;
    for (std::size_t i = 0; i < numGroups && i < row.size(); ++i)
        if (i != col)
            key.push_back(row[i]);
    return key;
}

/// keyOf(row, col, numGroups) compared with `key`, without building it.
std::strong_ordering compareKey(const Row& key, const Row& row, std::size_t col, std::size_t numGroups)
{
    std::size_t k = 0;
    for (std::size_t i = 0; i < numGroups && i < row.size(); ++i) {
        if (i == col)
            continue;
        if (k == key.size())
            return std::strong_ordering::less; // a prefix of the row's key
        if (const auto c = key[k] <=> row[i]; c != 0)
            return c;
        ++k;
    }
    return k == key.size() ? std::strong_ordering::equal : std::strong_ordering::greater;
}

/// `life` as it stood before batch `from`: what later batches added is taken out, so that the
/// fold can go on from there over another run's batches (an edit changes only those).
void truncateLife(WindowLife& life, int from)
{
    if (life.createdBatch >= from)
        life.createdBatch = -1;
    std::erase_if(life.outputBatches, [from](int b) { return b >= from; });
    std::size_t kept = 0;
    for (std::size_t k = 0; k < life.keys.size(); ++k)
        if (life.keyBatches[k] < from) {
            if (kept != k) { // a vector moved onto itself is left empty
                life.keys[kept] = std::move(life.keys[k]);
                life.keyBatches[kept] = life.keyBatches[k];
            }
            ++kept;
        }
    life.keys.resize(kept);
    life.keyBatches.resize(kept);
    std::erase_if(life.finishes, [from](const std::pair<int, bool>& f) { return f.first >= from; });
    life.finishedBatch = life.finishes.empty() ? -1 : life.finishes.back().first;
    life.merged = !life.finishes.empty() && life.finishes.back().second;
}

/// Each window's (each session's) life over the run: a fold over its batches' state changes
/// and sink rows. With `earlier`, the view of a run whose first `from` batches are this run's,
/// the fold starts from its windows as they stood before batch `from`.
void collectWindows(const ModeRun& run, ModeView& view, const ModeView* earlier, std::size_t from)
{
    const int column = run.plan ? windowColumn(*run.plan) : -1;
    if (column < 0)
        return;
    const auto col = static_cast<std::size_t>(column);
    const std::size_t numGroups = run.plan->aggregate->groups.size();
    // A session belongs to one key, so each (key, session) is a bar of its own; a time window
    // is one bar for all the keys counted in it.
    const bool sessions = run.plan->aggregate->windowKind == AggregatePlan::WindowKind::Session;
    const std::uint8_t op = run.plan->dedup ? 1 : 0; // the aggregation is downstream of a dedup
    // Called for every state change and sink row of the run, on every edit: the row's key is
    // compared in place and copied only when it is new to its window, and consecutive rows of
    // one window skip the lookup.
    std::unordered_map<TimeRange, WindowLife, RangeHash> windows; // time windows
    std::map<std::pair<Row, TimeRange>, WindowLife> sessionLives;  // sessions, by key
    if (!earlier)
        from = 0;
    if (from > 0)
        for (const WindowLife& before : earlier->windows) {
            WindowLife life = before;
            truncateLife(life, static_cast<int>(from));
            if (life.keys.empty()) // first touched at or after `from`: the fold meets it again if it still exists
                continue;
            if (sessions) {
                Row key = life.keys.front();
                sessionLives.emplace(std::pair{std::move(key), life.range}, std::move(life));
            } else {
                windows.emplace(life.range, std::move(life));
            }
        }
    WindowLife* last = nullptr;
    const auto keyLess = [&](const Row& key, const Row& row) { return compareKey(key, row, col, numGroups) < 0; };
    auto lifeOf = [&](const Row& row, int batch) -> WindowLife* {
        if (row.size() <= col || !row[col].isRange())
            return nullptr;
        const TimeRange& range = row[col].asRange();
        WindowLife* w = nullptr;
        if (sessions)
            w = &sessionLives[{keyOf(row, col, numGroups), range}];
        else if (last && last->range == range)
            w = last;
        else
            w = &windows[range];
        w->range = range;
        last = w;
        const auto at = std::lower_bound(w->keys.begin(), w->keys.end(), row, keyLess);
        if (at == w->keys.end() || compareKey(*at, row, col, numGroups) != 0) {
            w->keyBatches.insert(w->keyBatches.begin() + (at - w->keys.begin()), batch);
            w->keys.insert(at, keyOf(row, col, numGroups));
        }
        return w;
    };
    const bool complete = run.mode == OutputMode::Complete;
    // A live run showing its newest batches only: the windows still in state were opened
    // before them, so they are there from the first batch shown.
    if (!run.batches.empty() && from == 0)
        for (const Row& r : run.forgotten.state)
            if (WindowLife* w = lifeOf(r, 0); w && w->createdBatch < 0)
                w->createdBatch = 0;
    for (std::size_t b = from; b < run.batches.size(); ++b) {
        const int bi = static_cast<int>(b);
        const BatchRecord& batch = run.batches[b];
        for (const StateChange& c : batch.stateChanges) {
            if (c.op != op)
                continue;
            WindowLife* w = lifeOf(c.row, bi);
            if (!w)
                continue;
            if (c.kind == StateChange::Kind::Put) {
                if (w->createdBatch < 0)
                    w->createdBatch = bi;
                if (complete && (w->outputBatches.empty() || w->outputBatches.back() != bi))
                    w->outputBatches.push_back(bi);
            } else {
                w->finishedBatch = std::max(w->finishedBatch, bi);
                w->merged = c.kind == StateChange::Kind::Merged;
                w->finishes.emplace_back(bi, w->merged);
            }
        }
        // Complete mode prints the whole table every batch; "emitted" then means "changed".
        if (complete)
            continue;
        for (const Row& r : batch.sinkRows) {
            WindowLife* w = lifeOf(r, bi);
            if (!w)
                continue;
            if (w->createdBatch < 0)
                w->createdBatch = bi;
            if (w->outputBatches.empty() || w->outputBatches.back() != bi)
                w->outputBatches.push_back(bi);
        }
    }
    // Sessions merged into longer ones stay: the plot shows them up to the batch that merged them.
    std::vector<WindowLife> sorted;
    for (auto& [id, life] : sessionLives)
        if (life.createdBatch >= 0)
            sorted.push_back(std::move(life));
    for (auto& [range, life] : windows)
        if (life.createdBatch >= 0)
            sorted.push_back(std::move(life));
    if (!sessions) // one bar per range: ordered by range as the sessions' map orders its own
        std::sort(sorted.begin(), sorted.end(), [](const WindowLife& a, const WindowLife& b) { return a.range < b.range; });
    std::stable_sort(sorted.begin(), sorted.end(), [](const WindowLife& a, const WindowLife& b) { return a.range.start < b.range.start; });
    std::vector<Micros> laneEnds;
    constexpr std::size_t kMaxLanes = 8;
    for (WindowLife& life : sorted) {
        std::size_t lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] > life.range.start)
            ++lane;
        if (lane == laneEnds.size() && laneEnds.size() < kMaxLanes)
            laneEnds.push_back(life.range.end);
        lane = std::min(lane, kMaxLanes - 1);
        laneEnds[lane] = std::max(laneEnds[lane], life.range.end);
        life.lane = static_cast<int>(lane);
        view.windows.push_back(std::move(life));
    }
    view.numLanes = static_cast<int>(laneEnds.size());
}

/// Matches and null-padded outputs of a stream-stream join, from its recorded join events.
void collectJoin(const ModeRun& run, ModeView& view)
{
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen; // a match may be recorded for each side
    for (std::size_t b = 0; b < run.batches.size(); ++b)
        for (const JoinEvent& e : run.batches[b].joinEvents) {
            const bool outer = run.plan && run.plan->join && (e.side == 0 ? run.plan->join->isOuterLeft() : run.plan->join->isOuterRight());
            if (e.kind == JoinEvent::Kind::Matched && e.other >= 0) {
                const auto other = static_cast<std::uint32_t>(e.other);
                if (seen.insert({std::min(e.event, other), std::max(e.event, other)}).second)
                    view.joinPairs.push_back({e.event, other, static_cast<int>(b)});
            }
            else if ((e.kind == JoinEvent::Kind::EvictedWithNull || (e.kind == JoinEvent::Kind::FilteredOneSide && outer)) && e.event < view.points.size()
                     && view.points[e.event].nullOutputBatch < 0)
                view.points[e.event].nullOutputBatch = static_cast<int>(b);
        }
}

/// Each withWatermark node's own watermark after every batch (Spark's WatermarkTracker: the
/// max event time the node has seen minus its delay, never moving back), for queries with
/// several nodes; the global one (min or max of them) is what the batches record.
void collectInputWatermarks(const ModeRun& run, ModeView& view)
{
    if (!run.plan || run.plan->numWatermarkNodes < 2)
        return;
    for (const InputPlan& input : run.plan->inputs)
        for (const Step& step : input.steps) {
            if (step.kind != Step::Kind::Watermark)
                continue;
            InputWatermark wm;
            wm.source = input.source;
            wm.delayMs = step.delayMs;
            std::optional<Millis> max, current;
            for (const BatchRecord& b : run.batches) {
                for (const RowFate& f : b.fates)
                    if (f.hasEventTime && f.event < view.points.size() && view.points[f.event].source == input.source && f.fate != Fate::Filtered
                        && f.fate != Fate::NullEventTime)
                        max = std::max(max.value_or(floorDiv(f.eventTime, kMicrosPerMilli)), floorDiv(f.eventTime, kMicrosPerMilli));
                if (max && (!current || *max - step.delayMs > *current))
                    current = *max - step.delayMs;
                wm.afterBatch.push_back(current);
            }
            view.inputWatermarks.push_back(std::move(wm));
        }
}

/// What the views draw of `run`. `earlier` is the view of a run whose first `from` batches are
/// this run's (the run this one continued), or null.
ModeView deriveView(const ModeRun& run, const std::vector<EventPoint>& base, const ModeView* earlier = nullptr, std::size_t from = 0)
{
    ModeView view;
    view.points = base;
    for (const auto& b : run.batches)
        for (const RowFate& f : b.fates)
            applyFate(view.points, f);
    for (const RowFate& f : run.unconsumed)
        applyFate(view.points, f);
    // A live run's forgotten batches count too (Spark's numbers are over the whole run).
    std::int64_t dropped = run.forgotten.droppedRows, droppedEvents = run.forgotten.droppedEvents, partly = run.forgotten.partlyDropped;
    std::vector<std::int64_t> wholeIn(run.batches.size()), partlyIn(run.batches.size());
    for (const EventPoint& p : view.points) {
        const int bi = p.batchId >= 0 ? batchIndexOf(run, p.batchId) : -1;
        if (bi < 0)
            continue;
        if (p.fate == Fate::DroppedByWatermark)
            ++wholeIn[static_cast<std::size_t>(bi)];
        else if (p.partlyDropped())
            ++partlyIn[static_cast<std::size_t>(bi)];
    }
    for (std::size_t i = 0; i < run.batches.size(); ++i) {
        const auto& b = run.batches[i];
        for (const auto& op : b.operators)
            dropped += op.numRowsDroppedByWatermark;
        view.droppedSoFar.push_back(dropped);
        droppedEvents += wholeIn[i];
        partly += partlyIn[i];
        view.droppedEventsSoFar.push_back(droppedEvents);
        view.partlyDroppedSoFar.push_back(partly);
        view.stateRows.push_back(b.operators.empty() ? 0 : b.operators.front().numRowsTotal);
    }
    collectWindows(run, view, earlier, from);
    collectJoin(run, view);
    collectInputWatermarks(run, view);
    return view;
}

} // namespace

const ModeRun& Snapshot::run(OutputMode m) const
{
    static const ModeRun kEmpty;
    const auto& r = runs[static_cast<std::size_t>(m)];
    return r ? *r : kEmpty;
}

const ModeView& Snapshot::view(OutputMode m) const
{
    static const ModeView kEmpty;
    const auto& v = views[static_cast<std::size_t>(m)];
    return v ? *v : kEmpty;
}

namespace {

using Clock = std::chrono::steady_clock;

/// Everything the views draw, but complete mode's result table is kept as state changes and
/// rebuilt for the batch on screen (ModeRun::sinkRowsOf) instead of copied into every batch.
SimulationOptions guiRunOptions(const Snapshot& snap)
{
    SimulationOptions options;
    options.materializeCompleteOutput = false;
    options.control = snap.control;
    return options;
}

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

/// One mode of `snap`: its run, where it can be taken up again, and its view. Continues the
/// base's run of the mode when there is one (not live: a live run goes up to a horizon).
struct ModeResult {
    ResumableRun run;
    std::shared_ptr<const ModeView> view;    ///< set when the base's view still holds
    std::shared_ptr<const ModeView> earlier; ///< the view of the run this one continued (run.reusedBatches)

    std::shared_ptr<const ModeView> derive(const std::vector<EventPoint>& base) const
    {
        return view ? view : std::make_shared<const ModeView>(deriveView(*run.run, base, earlier.get(), run.reusedBatches));
    }
};

ModeResult runModeOf(const Snapshot& snap, OutputMode m, const RunBases* bases)
{
    const auto i = static_cast<std::size_t>(m);
    ModeResult out;
    if (snap.liveHorizon) {
        out.run.run = std::make_shared<const ModeRun>(runMode(*snap.scenario, m, guiRunOptions(snap), snap.liveHorizon));
        return out;
    }
    const Snapshot* base = bases ? (*bases)[i].get() : nullptr;
    if (!base || !base->has(m) || base->liveHorizon || !base->checkpoints[i])
        return {runResumable(snap.scenario, m, guiRunOptions(snap)), nullptr, nullptr};
    const std::optional<Micros> changedFrom = firstChangedArrival(*base->scenario, *snap.scenario);
    if (changedFrom && *changedFrom == std::numeric_limits<Micros>::max()) {
        // Not an event differs: the same run, the same view.
        out.run.run = base->runs[i];
        out.run.checkpoints = base->checkpoints[i];
        out.run.reusedBatches = base->runs[i]->batches.size();
        out.view = base->views[i];
        return out;
    }
    const ResumableRun previous{base->runs[i], base->checkpoints[i], 0};
    out.run = runResumable(snap.scenario, m, guiRunOptions(snap), &previous, changedFrom);
    if (out.run.reusedBatches > 0)
        out.earlier = base->views[i];
    return out;
}

/// Where each mode's column stands at a cursor position: fixed by the mode the plot follows
/// and its batch there, which a preview already holds (read before the missing modes run, so no
/// task reads a slot another one writes).
struct ShownBatch {
    const ColumnPreparer* prepare = nullptr;
    OutputMode driving = OutputMode::Update;
    int batch = -1;
    Micros now = 0;

    void prepareColumn(Snapshot& snap, OutputMode m) const
    {
        const ModeRun& run = snap.run(m);
        if (!prepare || batch < 0 || run.error)
            return;
        const int index = m == driving ? batch : batchAtOrBefore(run, now);
        if (index >= 0)
            snap.columns[static_cast<std::size_t>(m)] = (*prepare)(run, static_cast<std::size_t>(index));
    }
};

/// Runs the modes of `snap` that are missing, side by side: they are independent runs over the
/// same const scenario (the engine keeps no shared mutable state). Each task writes only its
/// own mode's slots. With `shown`, each mode's column rows are prepared too, the modes the
/// snapshot already holds on tasks of their own.
void runMissing(Snapshot& snap, const RunBases* bases, const ShownBatch* shown = nullptr)
{
    struct Times {
        double run = 0, derive = 0;
        std::size_t reused = 0;
    };
    const auto start = Clock::now();
    if (!snap.basePoints)
        snap.basePoints = basePoints(*snap.scenario, earlierWithPoints(bases));
    const std::vector<EventPoint>& base = *snap.basePoints;
    std::array<std::future<Times>, 3> tasks;
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
        if (snap.has(m)) {
            if (shown)
                tasks[static_cast<std::size_t>(m)] = std::async(std::launch::async, [&snap, shown, m] {
                    shown->prepareColumn(snap, m);
                    return Times{};
                });
            continue;
        }
        tasks[static_cast<std::size_t>(m)] = std::async(std::launch::async, [&snap, &base, m, bases, shown] {
            const auto i = static_cast<std::size_t>(m);
            const auto t0 = Clock::now();
            ModeResult result = runModeOf(snap, m, bases);
            const double ran = msSince(t0);
            const auto t1 = Clock::now();
            snap.views[i] = result.derive(base);
            snap.runs[i] = std::move(result.run.run);
            snap.checkpoints[i] = std::move(result.run.checkpoints);
            const double derived = msSince(t1);
            if (shown)
                shown->prepareColumn(snap, m);
            return Times{ran, derived, result.run.reusedBatches};
        });
    }
    double derive = 0;
    for (auto& task : tasks)
        if (task.valid()) {
            const Times t = task.get();
            snap.computeCpuMs += t.run;
            snap.reusedBatches += t.reused;
            derive = std::max(derive, t.derive);
        }
    snap.deriveMs += derive;
    snap.computeMs += msSince(start) - derive;
}

} // namespace

SnapshotPtr buildSnapshot(std::shared_ptr<const Scenario> scenario, std::uint64_t generation, std::optional<Micros> liveHorizon,
                          const RunBases* bases)
{
    auto snap = std::make_shared<Snapshot>();
    snap->generation = generation;
    snap->scenario = std::move(scenario);
    snap->liveHorizon = liveHorizon;
    runMissing(*snap, bases);
    snap->complete = true;
    return snap;
}

std::shared_ptr<Snapshot> buildLiveSnapshot(std::shared_ptr<const Scenario> scenario, std::array<std::shared_ptr<const ModeRun>, 3> runs, Micros horizon)
{
    const auto start = Clock::now();
    auto snap = std::make_shared<Snapshot>();
    snap->scenario = std::move(scenario);
    snap->liveHorizon = horizon;
    snap->basePoints = basePoints(*snap->scenario, nullptr);
    const std::vector<EventPoint>& base = *snap->basePoints;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (!runs[i])
            continue;
        snap->views[i] = std::make_shared<const ModeView>(deriveView(*runs[i], base));
        snap->runs[i] = std::move(runs[i]);
    }
    snap->deriveMs = msSince(start);
    snap->complete = true;
    return snap;
}

SnapshotPtr buildPreview(std::shared_ptr<const Scenario> scenario, std::uint64_t generation, std::optional<Micros> liveHorizon,
                         std::shared_ptr<RunControl> control, const RunBases* bases)
{
    auto snap = std::make_shared<Snapshot>();
    snap->generation = generation;
    snap->scenario = std::move(scenario);
    snap->liveHorizon = liveHorizon;
    snap->control = std::move(control);
    const auto start = Clock::now();
    snap->basePoints = basePoints(*snap->scenario, liveHorizon ? nullptr : earlierWithPoints(bases));
    const std::vector<EventPoint>& base = *snap->basePoints;
    // The order drivingMode() picks in: the query's mode, then the others Spark may accept.
    const OutputMode selected = selectedMode(*snap->scenario);
    for (OutputMode m : {selected, OutputMode::Update, OutputMode::Complete, OutputMode::Append}) {
        const auto i = static_cast<std::size_t>(m);
        if (snap->runs[i])
            continue;
        ModeResult result = runModeOf(*snap, m, bases);
        const bool accepted = !result.run.run->error;
        const auto derived = Clock::now();
        snap->views[i] = result.derive(base);
        snap->deriveMs += msSince(derived);
        snap->runs[i] = std::move(result.run.run);
        snap->checkpoints[i] = std::move(result.run.checkpoints);
        snap->reusedBatches += result.run.reusedBatches;
        if (accepted)
            break;
    }
    snap->computeMs = msSince(start) - snap->deriveMs;
    snap->computeCpuMs = snap->computeMs;
    return snap;
}

SnapshotPtr completeSnapshot(const Snapshot& preview, const RunBases* bases, const ColumnJob* columns)
{
    auto snap = std::make_shared<Snapshot>(preview);
    std::optional<ShownBatch> shown;
    if (columns && columns->prepare) {
        // The preview holds the mode the plot follows, so the view's batch is known already.
        const ViewState view = ViewState::at(SnapshotPtr(SnapshotPtr(), snap.get()), columns->position);
        shown = ShownBatch{&columns->prepare, view.driving, view.batch, view.now};
    }
    runMissing(*snap, bases, shown ? &*shown : nullptr);
    snap->complete = true;
    return snap;
}

} // namespace tidemark::ui
