// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compute/ResumableRun.h"

#include "engine/plan/Analyzer.h"

#include <algorithm>
#include <limits>

namespace tidemark::ui {

namespace {

bool sameEvent(const SourceEvent& a, const SourceEvent& b)
{
    return a.at == b.at && a.partition == b.partition && a.offset == b.offset && a.row == b.row;
}

/// The checkpoint to start from: the last one taken after batches that all triggered before
/// `changedFrom` (an event arriving then is not visible to them, in either scenario).
const RunCheckpoints::Point* startPoint(const ResumableRun& base, Micros changedFrom)
{
    if (!base.run || !base.checkpoints || base.run->error)
        return nullptr;
    const RunCheckpoints::Point* best = nullptr;
    for (const auto& p : base.checkpoints->points) {
        if (p.batches == 0 || p.batches > base.run->batches.size() || base.run->batches[p.batches - 1].triggerTime >= changedFrom)
            break;
        best = &p;
    }
    return best;
}

std::size_t numEvenlySpaced(const RunCheckpoints& checkpoints)
{
    return static_cast<std::size_t>(std::count_if(checkpoints.points.begin(), checkpoints.points.end(), [](const auto& p) { return !p.dense; }));
}

} // namespace

std::optional<Micros> firstChangedArrival(const Scenario& before, const Scenario& after)
{
    // A restart's runs hold their own plans and checkpoint: run such a scenario in full.
    if (before.sources.size() != after.sources.size() || !before.restarts.empty() || !after.restarts.empty())
        return std::nullopt;
    Micros first = std::numeric_limits<Micros>::max();
    for (std::size_t s = 0; s < before.sources.size(); ++s) {
        const SourceSpec& a = before.sources[s];
        const SourceSpec& b = after.sources[s];
        if (a.name != b.name || a.schema != b.schema || a.events.size() != b.events.size() || a.maxEventsPerTrigger != b.maxEventsPerTrigger
            || a.format != b.format || a.isStatic != b.isStatic || a.staticRows != b.staticRows || a.kafka != b.kafka)
            return std::nullopt;
        for (std::size_t i = 0; i < a.events.size(); ++i)
            if (!sameEvent(a.events[i], b.events[i])) {
                // A Kafka source plans by partition offsets, not by arrival alone: run it all.
                if (a.isStatic || a.format == SourceFormat::Kafka)
                    return std::nullopt;
                first = std::min({first, a.events[i].at, b.events[i].at});
            }
    }
    return first;
}

ResumableRun runResumable(const std::shared_ptr<const Scenario>& scenario, OutputMode mode, const SimulationOptions& options,
                          const ResumableRun* base, std::optional<Micros> changedFrom)
{
    ResumableRun out;
    auto run = std::make_shared<ModeRun>();
    run->mode = mode;
    auto analysed = analyze(*scenario, mode);
    if (!analysed.ok()) {
        run->error = analysed.error();
        out.run = std::move(run);
        return out;
    }
    auto plan = std::make_shared<const QueryPlan>(std::move(analysed.value()));
    run->plan = plan;
    auto checkpoints = std::make_shared<RunCheckpoints>();
    const RunCheckpoints::Point* from = base && changedFrom ? startPoint(*base, *changedFrom) : nullptr;
    std::unique_ptr<Simulation> sim;
    if (from) {
        sim = from->simulation->continuedOver(*scenario, *plan, options);
        const ModeRun& before = *base->run;
        run->batches.sharePrefix(before.batches, from->batches);
        run->ticks.assign(before.ticks.begin(), before.ticks.begin() + static_cast<std::ptrdiff_t>(from->ticks));
        run->start = before.start;
        checkpoints->spacing = base->checkpoints->spacing;
        // The dense copies of an earlier edit stay only while they are near this one.
        for (const auto& p : base->checkpoints->points)
            if (p.batches <= from->batches && (!p.dense || p.batches + RunCheckpoints::kDensePoints > from->batches))
                checkpoints->points.push_back(p);
        out.reusedBatches = from->batches;
    } else {
        sim = std::make_unique<Simulation>(*scenario, *plan, options);
        run->start = sim->startTime();
    }
    SimulationOptions copyOptions = options;
    copyOptions.control.reset(); // a copy outlives the request that made it
    const std::size_t ticksBefore = run->ticks.size();
    const std::size_t denseUntil = from ? from->batches + RunCheckpoints::kDensePoints : 0;
    while (auto batch = sim->next()) {
        run->batches.push_back(std::move(*batch));
        const std::size_t made = run->batches.size();
        if (!scenario->restarts.empty()) // never continued (firstChangedArrival): no copies to keep
            continue;
        if (!checkpoints->points.empty() && checkpoints->points.back().batches >= made)
            continue;
        const bool dense = made <= denseUntil && made % checkpoints->spacing != 0;
        if (!dense && made % checkpoints->spacing != 0)
            continue;
        if (!dense && numEvenlySpaced(*checkpoints) >= RunCheckpoints::kMaxPoints) {
            // Keep every other evenly spaced one: the spacing doubles, the count stays bounded.
            std::vector<RunCheckpoints::Point> kept;
            std::size_t even = 0;
            for (auto& p : checkpoints->points)
                if (p.dense || even++ % 2 == 1)
                    kept.push_back(std::move(p));
            checkpoints->points = std::move(kept);
            checkpoints->spacing *= 2;
            if (made % checkpoints->spacing != 0)
                continue;
        }
        RunCheckpoints::Point p;
        p.batches = made;
        p.dense = dense;
        p.ticks = ticksBefore + sim->ticks().size();
        p.scenario = scenario;
        p.plan = plan;
        p.simulation = sim->continuedOver(*scenario, *plan, copyOptions);
        checkpoints->points.push_back(std::move(p));
    }
    run->ticks.insert(run->ticks.end(), sim->ticks().begin(), sim->ticks().end());
    run->unconsumed = sim->unconsumedFates();
    out.run = std::move(run);
    out.checkpoints = std::move(checkpoints);
    return out;
}

} // namespace tidemark::ui
