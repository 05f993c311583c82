// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"
#include "engine/scenario/Scenario.h"
#include "ui/compute/ResumableRun.h"

#include <array>
#include <cstdint>
#include <functional>
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
    std::uint8_t source = 0;   ///< index of its source in the scenario
    /// Over its rows: the windows (groups, sessions) they were offered to, and how many of
    /// those the watermark dropped. Late groups short of all of them: a partial drop.
    std::uint16_t numGroups = 0;
    std::uint16_t numLateGroups = 0;
    Millis lateWatermarkMs = 0; ///< the watermark that judged its lateness
    int nullOutputBatch = -1;   ///< outer join: index of the batch that emitted it padded with nulls

    bool partlyDropped() const { return fate != Fate::DroppedByWatermark && numLateGroups > 0; }
    /// Where the plot draws it vertically: its event time, or its arrival time when it has
    /// none (a stream without a timestamp column, as in the stream-static join).
    double drawnY() const { return hasEventTime ? eventTime : at; }
};

/// Two join input events that matched, and the batch (index) that joined them.
struct JoinPair {
    std::uint32_t first = 0;
    std::uint32_t second = 0;
    int batch = -1;
};

/// The watermark of one input (one withWatermark node) after each batch, for queries with
/// several: a stream-stream join, a union. Unset until the input has seen an event time.
struct InputWatermark {
    std::size_t source = 0;
    Millis delayMs = 0;
    std::vector<std::optional<Millis>> afterBatch; ///< indexed like run.batches
};

/// A window (or session) of the aggregation and the batches of its life, for the bands on
/// the event-time axis.
struct WindowLife {
    /// Merged: a session that grew into a longer one in this batch; Gone: after that.
    enum class State : std::uint8_t { NotYet, Open, Emitted, Evicted, Merged, Gone };

    TimeRange range;
    std::vector<Row> keys;          ///< the non-window grouping values of its groups (sorted)
    std::vector<int> keyBatches;    ///< the batch each of `keys` first came in
    std::vector<std::pair<int, bool>> finishes; ///< each eviction or merge: (batch, merged), in order
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
    std::vector<std::int64_t> droppedSoFar; ///< rows dropped by the watermark in batches 0..i (Spark's count)
    std::vector<std::int64_t> droppedEventsSoFar; ///< events dropped whole, read in batches 0..i
    std::vector<std::int64_t> partlyDroppedSoFar; ///< events that lost some of their windows, batches 0..i
    std::vector<JoinPair> joinPairs;              ///< stream-stream join matches, in batch order
    std::vector<InputWatermark> inputWatermarks;  ///< per input, when the query has several watermarks
    std::vector<std::int64_t> stateRows;    ///< state rows after batch i (downstream-most operator)
};

struct ColumnRows; // ui/pages/ColumnRows.h

/// Builds what an output mode's column lists at batch `index` of `run`. The window installs it
/// (RecomputeService::setColumnPreparer) so that the worker builds the tables of the batch
/// shown; it runs on the worker's threads.
using ColumnPreparer = std::function<std::shared_ptr<const ColumnRows>(const ModeRun& run, std::size_t index)>;

/// The columns a complete snapshot comes with: those of the batch at cursor position
/// `position` (clamped as ViewState::at clamps it).
struct ColumnJob {
    ColumnPreparer prepare;
    int position = 0;
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
    /// Every event where it arrived, before any run read it: what each mode's view starts from.
    std::shared_ptr<const std::vector<EventPoint>> basePoints;
    /// Per mode, where its run can be taken up again by the recompute of the next edit.
    std::array<std::shared_ptr<const RunCheckpoints>, 3> checkpoints;
    /// Per mode, its column's rows at the batch the window showed when the snapshot was made
    /// (ColumnJob); null when not prepared. ColumnRows::index says which batch they are of.
    std::array<std::shared_ptr<const ColumnRows>, 3> columns;
    /// Batches over its modes copied from an earlier snapshot's runs instead of run again.
    std::size_t reusedBatches = 0;
    double computeMs = 0;    ///< wall time of running the modes
    double computeCpuMs = 0; ///< the runs added up (what runAllModes would take on one core)
    double deriveMs = 0;     ///< building the views

    bool has(OutputMode m) const { return runs[static_cast<std::size_t>(m)] != nullptr; }
    /// The run of mode `m` (an empty run when a preview does not hold it).
    const ModeRun& run(OutputMode m) const;
    const ModeView& view(OutputMode m) const;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

/// For each mode, the snapshot whose run of it a recompute may continue from (null: none): an
/// earlier result for a scenario with the same query and sources, whose events may differ.
/// The batches that trigger before the first changed arrival are reused, not run again.
using RunBases = std::array<SnapshotPtr, 3>;

/// Runs all three output modes over `scenario` side by side and derives what the views draw.
/// Plain C++: this is what the worker thread runs, and what the benchmark times.
SnapshotPtr buildSnapshot(std::shared_ptr<const Scenario> scenario, std::uint64_t generation,
                          std::optional<Micros> liveHorizon = std::nullopt, const RunBases* bases = nullptr);

/// A live session's snapshot from runs already made as the messages came (LiveModeRuns): only
/// the views are derived here. The generation is set when RecomputeService adopts it.
std::shared_ptr<Snapshot> buildLiveSnapshot(std::shared_ptr<const Scenario> scenario, std::array<std::shared_ptr<const ModeRun>, 3> runs, Micros horizon);

/// Runs only the mode the timeline follows (the query's mode, or the first that Spark accepts).
SnapshotPtr buildPreview(std::shared_ptr<const Scenario> scenario, std::uint64_t generation,
                         std::optional<Micros> liveHorizon = std::nullopt, std::shared_ptr<RunControl> control = nullptr,
                         const RunBases* bases = nullptr);


/// The complete snapshot for a preview: its run, plus the modes it lacks, and with `columns`
/// each mode's column rows at that job's position. Throws RunCancelled when the preview's
/// control is cancelled meanwhile (as buildPreview does).
SnapshotPtr completeSnapshot(const Snapshot& preview, const RunBases* bases = nullptr, const ColumnJob* columns = nullptr);

/// Index of the column carrying the window (or session) in the aggregation's output and
/// state rows, or -1.
int windowColumn(const QueryPlan& plan);

/// Index of the batch with this id in `run`, or -1.
int batchIndexOf(const ModeRun& run, std::int64_t batchId);

} // namespace tidemark::ui
