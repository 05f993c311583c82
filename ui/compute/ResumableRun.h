// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace tidemark::ui {

/// Copies of a run's Simulation after some of its batches, so that a run of an edited scenario
/// can start there instead of at batch 0. At most kMaxPoints evenly spaced ones: the spacing
/// doubles when they fill up, so a long run keeps a bounded number. A continued run adds a
/// copy after each of the kDensePoints batches it runs first: a dragged dot edits the same few
/// batches move after move, and the next move then reruns only the batches its own edit
/// reaches instead of those back to the last evenly spaced copy.
struct RunCheckpoints {
    struct Point {
        std::size_t batches = 0; ///< batches the run had made when the copy was taken
        std::size_t ticks = 0;   ///< ticks it had recorded by then
        bool dense = false;      ///< one of the copies after a continued run's first batches
        // What `simulation` refers to; it may be an older scenario than the run's (the batches
        // before the copy read the same events in both).
        std::shared_ptr<const Scenario> scenario;
        std::shared_ptr<const QueryPlan> plan;
        std::shared_ptr<const Simulation> simulation;
    };
    static constexpr std::size_t kMaxPoints = 32;
    static constexpr std::size_t kFirstSpacing = 4;
    static constexpr std::size_t kDensePoints = 16;
    std::vector<Point> points; ///< by batches, ascending
    std::size_t spacing = kFirstSpacing;
};

/// What an edit changed for the runs: the earliest arrival (processing time) of an event that
/// differs between `before` and `after`. Unset when the sources differ in anything but their
/// events' times and values (events added or removed, a static table, a schema): no batch can
/// be reused then. Only the sources are compared; the caller knows the query is the same.
/// When no event differs, the largest Micros.
std::optional<Micros> firstChangedArrival(const Scenario& before, const Scenario& after);

/// A run of one mode and where it can be taken up again.
struct ResumableRun {
    std::shared_ptr<const ModeRun> run;
    std::shared_ptr<const RunCheckpoints> checkpoints;
    std::size_t reusedBatches = 0; ///< batches taken (shared) from the base run instead of run again
};

/// Runs `mode` over `scenario` as runMode does, keeping checkpoints. With a `base` run of a
/// scenario whose events differ from this one's only in arrivals at or after `changedFrom`
/// (firstChangedArrival), the batches triggered before that are the same in both (the engine
/// is deterministic): they are copied, and the run goes on from the last checkpoint among them.
ResumableRun runResumable(const std::shared_ptr<const Scenario>& scenario, OutputMode mode, const SimulationOptions& options,
                          const ResumableRun* base = nullptr, std::optional<Micros> changedFrom = std::nullopt);

} // namespace tidemark::ui
