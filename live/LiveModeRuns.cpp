// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveModeRuns.h"

#include "engine/exec/EventTime.h"

#include <algorithm>
#include <map>
#include <utility>

namespace tidemark::kafka {

namespace {

/// Tags an encoded index of an event of another source than the live one (a static table, a
/// second stream): those never move. Live events are numbered by arrival below it.
constexpr std::uint32_t kOtherSource = 0x8000'0000U;


} // namespace

Result<std::unique_ptr<LiveModeRuns>> LiveModeRuns::start(const Scenario& prepared, std::size_t source, LiveShownLimits limits,
                                                          OutputMode counted)
{
    std::unique_ptr<LiveModeRuns> runs(new LiveModeRuns);
    runs->m_limits = limits;
    runs->m_counted = counted;
    runs->m_limits.batches = std::max<std::size_t>(1, limits.batches);
    runs->m_source = source;
    runs->m_base = prepared;
    runs->m_base.sources[source].events.clear();
    std::uint32_t other = 0;
    for (std::size_t s = 0; s < prepared.sources.size(); ++s) {
        runs->m_otherOffset.push_back(other);
        if (s != source)
            other += static_cast<std::uint32_t>(prepared.sources[s].events.size());
    }
    // What the views draw (as the window's recompute records it): fates, state changes, and
    // complete mode's table rebuilt from state rather than copied into every batch.
    SimulationOptions options;
    options.materializeCompleteOutput = false;
    std::optional<Error> firstError;
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
        Mode& mode = runs->m_modes[static_cast<std::size_t>(m)];
        mode.mode = m;
        auto session = LiveSession::startPrepared(prepared, source, m, options);
        if (!session.ok()) {
            mode.error = session.error();
            if (!firstError)
                firstError = session.error();
            continue;
        }
        mode.session = std::move(session.value());
        // The session keeps only what it has not read; the batches and their events are kept here.
        mode.session->setHistoryLimit(1);
        mode.plan = std::make_shared<const QueryPlan>(mode.session->plan());
    }
    if (std::none_of(runs->m_modes.begin(), runs->m_modes.end(), [](const Mode& m) { return m.session != nullptr; }))
        return *firstError;
    return runs;
}

LiveModeRuns::Fed LiveModeRuns::feed(const Delivery& delivery)
{
    Fed fed;
    bool counted = false;
    const LiveSession* recorder = nullptr;
    for (Mode& mode : m_modes) {
        if (!mode.session)
            continue;
        std::vector<BatchRecord> ran = mode.session->feed(delivery);
        if (!counted || mode.mode == m_counted) {
            counted = true;
            fed.batches = static_cast<std::int64_t>(ran.size());
            fed.dataBatches = std::count_if(ran.begin(), ran.end(), [](const BatchRecord& b) { return !b.noData && b.numInputRows > 0; });
        }
        for (BatchRecord& batch : ran) {
            encode(mode, batch);
            mode.keptEvents += batch.events.size();
            mode.kept.push_back(std::move(batch));
        }
        takeTicks(mode);
        while (mode.kept.size() > m_limits.batches || (mode.keptEvents > m_limits.events && mode.kept.size() > 1))
            forgetOldest(mode);
        while (mode.ticks.size() > 1 && !mode.kept.empty() && mode.ticks.front().time < mode.kept.front().triggerTime)
            mode.ticks.pop_front();
        if (!recorder)
            recorder = mode.session.get();
    }
    // The session forgets before it appends: the delivery's events are its last ones now.
    const auto& events = recorder->scenario().sources[m_source].events;
    const std::size_t fresh = std::min(delivery.messages.size(), events.size());
    m_events.insert(m_events.end(), events.end() - static_cast<std::ptrdiff_t>(fresh), events.end());
    trimEvents();
    return fed;
}

std::uint32_t LiveModeRuns::encodeIndex(const Mode& mode, std::uint32_t global) const
{
    const auto [source, local] = locateEvent(mode.session->scenario(), global);
    if (source == m_source)
        return static_cast<std::uint32_t>(static_cast<std::uint64_t>(local) + static_cast<std::uint64_t>(mode.session->forgottenEvents()));
    return kOtherSource | (m_otherOffset[std::min(source, m_otherOffset.size() - 1)] + static_cast<std::uint32_t>(local));
}

void LiveModeRuns::encode(const Mode& mode, BatchRecord& batch) const
{
    for (std::uint32_t& e : batch.events)
        e = encodeIndex(mode, e);
    for (RowFate& f : batch.fates)
        f.event = encodeIndex(mode, f.event);
    for (JoinEvent& j : batch.joinEvents) {
        j.event = encodeIndex(mode, j.event);
        if (j.other >= 0)
            j.other = encodeIndex(mode, static_cast<std::uint32_t>(j.other));
    }
}

std::optional<std::uint32_t> LiveModeRuns::decodeIndex(std::uint32_t encoded, std::uint64_t shownFrom, const Scenario& shown) const
{
    if ((encoded & kOtherSource) == 0) {
        if (encoded < shownFrom || encoded - shownFrom >= shown.sources[m_source].events.size())
            return std::nullopt; // read by a batch no longer shown
        return globalEventIndex(shown, m_source, encoded - shownFrom);
    }
    const std::uint32_t n = encoded & ~kOtherSource;
    for (std::size_t s = shown.sources.size(); s-- > 0;)
        if (s != m_source && m_otherOffset[s] <= n && n - m_otherOffset[s] < shown.sources[s].events.size())
            return globalEventIndex(shown, s, n - m_otherOffset[s]);
    return std::nullopt;
}

void LiveModeRuns::takeTicks(Mode& mode)
{
    // The session keeps its newest ticks only; a run of skipped ticks grows in place.
    for (const TickRecord& t : mode.session->simulation().ticks()) {
        if (!mode.ticks.empty() && t.time == mode.ticks.back().time)
            mode.ticks.back() = t;
        else if (mode.ticks.empty() || t.time > mode.ticks.back().time)
            mode.ticks.push_back(t);
    }
}

void LiveModeRuns::forgetOldest(Mode& mode)
{
    ForgottenBatches& gone = mode.forgotten;
    BatchRecord batch = std::move(mode.kept.front());
    mode.kept.pop_front();
    mode.keptEvents -= std::min(mode.keptEvents, batch.events.size());
    for (std::uint32_t e : batch.events)
        if ((e & kOtherSource) == 0) {
            mode.floor = std::max<std::uint64_t>(mode.floor, std::uint64_t{e} + 1);
            ++gone.events;
        }
    for (const OperatorProgress& op : batch.operators)
        gone.droppedRows += op.numRowsDroppedByWatermark;
    // Events dropped whole or in part, counted as the window's plot counts them (by the fate
    // its rows rank highest, and the windows they lost).
    struct Seen {
        int rank = -1;
        Fate fate = Fate::Unconsumed;
        int lateGroups = 0;
    };
    std::map<std::uint32_t, Seen> seen;
    for (const RowFate& f : batch.fates) {
        Seen& s = seen[f.event];
        if (fateRank(f.fate) > s.rank) {
            s.rank = fateRank(f.fate);
            s.fate = f.fate;
        }
        s.lateGroups += f.numLateGroups;
    }
    for (const auto& [event, s] : seen) {
        if (s.fate == Fate::DroppedByWatermark)
            ++gone.droppedEvents;
        else if (s.lateGroups > 0)
            ++gone.partlyDropped;
    }
    // The state and result table after it: ModeRun folds them from what came before.
    ModeRun fold;
    fold.mode = mode.mode;
    fold.plan = mode.plan;
    fold.forgotten = std::move(gone);
    fold.batches.push_back(std::move(batch));
    std::vector<Row> state = fold.stateAfter(0);
    std::vector<Row> table = fold.resultTableAfter(0);
    gone = std::move(fold.forgotten);
    gone.state = std::move(state);
    gone.resultTable = std::move(table);
    if (gone.resultTable.size() > m_limits.resultRows) {
        const std::size_t cut = gone.resultTable.size() - m_limits.resultRows;
        gone.resultTable.erase(gone.resultTable.begin(), gone.resultTable.begin() + static_cast<std::ptrdiff_t>(cut));
        gone.resultRowsLeftOut += static_cast<std::int64_t>(cut);
    }
    ++gone.batches;
}

void LiveModeRuns::trimEvents()
{
    std::uint64_t from = m_eventsFrom;
    for (const Mode& mode : m_modes)
        if (mode.session)
            from = std::max(from, mode.floor);
    const std::uint64_t cut = std::min<std::uint64_t>(from - m_eventsFrom, m_events.size());
    m_events.erase(m_events.begin(), m_events.begin() + static_cast<std::ptrdiff_t>(cut));
    m_eventsFrom += cut;
}

LiveModeRuns::Shown LiveModeRuns::shown() const
{
    Shown out;
    auto scenario = std::make_shared<Scenario>(m_base);
    scenario->sources[m_source].events.assign(m_events.begin(), m_events.end());
    out.forgottenEvents = static_cast<std::int64_t>(m_eventsFrom);
    const Scenario& shown = *scenario;
    const auto decode = [&](std::uint32_t e) { return decodeIndex(e, m_eventsFrom, shown); };
    for (const Mode& mode : m_modes) {
        auto run = std::make_shared<ModeRun>();
        run->mode = mode.mode;
        run->error = mode.error;
        if (mode.session) {
            run->plan = mode.plan;
            run->start = mode.session->simulation().startTime();
            run->forgotten = mode.forgotten;
            run->ticks.assign(mode.ticks.begin(), mode.ticks.end());
            run->batches.reserve(mode.kept.size());
            for (const BatchRecord& kept : mode.kept) {
                BatchRecord b = kept;
                std::erase_if(b.events, [&](std::uint32_t& e) {
                    const auto d = decode(e);
                    e = d.value_or(0);
                    return !d;
                });
                std::erase_if(b.fates, [&](RowFate& f) {
                    const auto d = decode(f.event);
                    f.event = d.value_or(0);
                    return !d;
                });
                std::erase_if(b.joinEvents, [&](JoinEvent& j) {
                    const auto d = decode(j.event);
                    j.event = d.value_or(0);
                    if (j.other >= 0) {
                        const auto o = decode(static_cast<std::uint32_t>(j.other));
                        j.other = o ? static_cast<std::int64_t>(*o) : -1;
                    }
                    return !d;
                });
                run->batches.push_back(std::move(b));
            }
            for (RowFate f : mode.session->simulation().unconsumedFates())
                if (const auto d = decode(encodeIndex(mode, f.event))) {
                    f.event = *d;
                    run->unconsumed.push_back(f);
                }
        }
        out.runs[static_cast<std::size_t>(mode.mode)] = std::move(run);
    }
    out.scenario = std::move(scenario);
    return out;
}

} // namespace tidemark::kafka
