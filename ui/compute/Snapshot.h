// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"
#include "engine/scenario/Scenario.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace tidemark::ui {

/// One event as the plot draws it, in the fate it met in one output mode.
struct EventPoint {
    double at = 0;        ///< processing time, plot seconds
    double eventTime = 0; ///< plot seconds; meaningful when hasEventTime
    bool hasEventTime = false;
    Fate fate = Fate::Unconsumed;
    std::int64_t batchId = -1; ///< the batch that read it; -1 if none did
};

/// A window (or session) of the aggregation and the batches of its life, for the bands on
/// the event-time axis.
struct WindowLife {
    enum class State : std::uint8_t { NotYet, Open, Emitted, Evicted };

    TimeRange range;
    int createdBatch = -1;          ///< index of the first batch that put it in state
    int finishedBatch = -1;         ///< index of the batch that evicted (or merged) it; -1 while it lives
    bool merged = false;            ///< a session that merged into a longer one
    std::vector<int> outputBatches; ///< indices of batches whose sink output carried it (sorted)
    int lane = 0;

    /// Its state as of the end of batch `batch`: Emitted when that batch sent it to the sink,
    /// Evicted once it has left the state store.
    State stateAt(int batch) const;
};

/// What the views derive from one mode's run, computed once on the worker thread.
struct ModeView {
    std::vector<EventPoint> points;         ///< indexed by global event index
    std::vector<WindowLife> windows;        ///< sorted by start
    int numLanes = 0;
    std::vector<std::int64_t> droppedSoFar; ///< rows dropped by the watermark in batches 0..i
    std::vector<std::int64_t> stateRows;    ///< state rows after batch i (downstream-most operator)
};

/// An immutable result of one recompute: the scenario it ran and the three modes. Views hold
/// it through SnapshotPtr, so the worker never touches what the UI reads. A preview holds only
/// the mode the plot follows (it comes first, so a dragged dot follows the mouse); the
/// complete snapshot of the same generation shares that run and adds the other two.
struct Snapshot {
    std::uint64_t generation = 0;
    std::shared_ptr<const Scenario> scenario;
    std::array<std::shared_ptr<const ModeRun>, 3> runs;
    std::array<std::shared_ptr<const ModeView>, 3> views;
    bool complete = false;
    /// Live input: the runs stop where the Kafka session's clock has got to (ticks after it
    /// have not happened yet), as the live Simulation does. Unset: run to the end.
    std::optional<Micros> liveHorizon;
    /// Lets RecomputeService cancel the runs and watch their progress (null: not watched).
    std::shared_ptr<RunControl> control;
    double computeMs = 0;    ///< wall time of running the modes
    double computeCpuMs = 0; ///< the runs added up (what runAllModes would take on one core)
    double deriveMs = 0;     ///< building the views

    bool has(OutputMode m) const { return runs[static_cast<std::size_t>(m)] != nullptr; }
    /// The run of mode `m` (an empty run when a preview does not hold it).
    const ModeRun& run(OutputMode m) const;
    const ModeView& view(OutputMode m) const;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

/// Runs all three output modes over `scenario` side by side and derives what the views draw.
/// Plain C++: this is what the worker thread runs, and what the benchmark times.
SnapshotPtr buildSnapshot(std::shared_ptr<const Scenario> scenario, std::uint64_t generation,
                          std::optional<Micros> liveHorizon = std::nullopt);

/// Runs only the mode the timeline follows (the query's mode, or the first that Spark accepts).
SnapshotPtr buildPreview(std::shared_ptr<const Scenario> scenario, std::uint64_t generation,
                         std::optional<Micros> liveHorizon = std::nullopt, std::shared_ptr<RunControl> control = nullptr);


/// The complete snapshot for a preview: its run, plus the modes it lacks. Throws RunCancelled
/// when the preview's control is cancelled meanwhile (as buildPreview does).
SnapshotPtr completeSnapshot(const Snapshot& preview);

/// Index of the column carrying the window (or session) in the aggregation's output and
/// state rows, or -1.
int windowColumn(const QueryPlan& plan);

/// Index of the batch with this id in `run`, or -1.
int batchIndexOf(const ModeRun& run, std::int64_t batchId);

} // namespace tidemark::ui
