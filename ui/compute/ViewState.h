// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/Snapshot.h"

#include <optional>

namespace tidemark::ui {

/// The query's output mode as the scenario names it (update when the text is unknown).
OutputMode selectedMode(const Scenario& scenario);

/// The mode whose batches the timeline steps through: the selected one, or, when Spark rejects
/// it, the first of update, complete, append that runs.
OutputMode drivingMode(const Snapshot& snapshot, OutputMode selected);

/// Index of the last batch of `run` triggered at or before `now`, or -1.
int batchAtOrBefore(const ModeRun& run, Micros now);

/// What every page shows: one snapshot at one batch. Other modes are shown at their last batch
/// triggered at or before the same processing time.
struct ViewState {
    SnapshotPtr snapshot;
    OutputMode selected = OutputMode::Update;
    OutputMode driving = OutputMode::Update;
    int batch = -1; ///< index into run(driving).batches; -1 when there is none
    Micros now = 0; ///< trigger time of that batch
    /// Class mode: batches from this index on have not shown their outcome yet (the sink rows,
    /// the fates of the events they read, the watermark computed at their end). Their inputs
    /// still show. Unset: everything shows.
    std::optional<int> hideOutcomeFrom;

    bool hasBatch() const { return snapshot && batch >= 0; }
    const ModeRun& drivingRun() const { return snapshot->run(driving); }
    int numBatches() const { return snapshot ? static_cast<int>(drivingRun().batches.size()) : 0; }
    /// Id of the current batch, or -1.
    std::int64_t batchId() const { return hasBatch() ? drivingRun().batches[static_cast<std::size_t>(batch)].batchId : -1; }
    /// The current batch (hasBatch() must hold).
    const BatchRecord& currentBatch() const { return drivingRun().batches[static_cast<std::size_t>(batch)]; }
    /// True for an event a later batch reads: it has not happened yet. Live, that includes an
    /// event no batch has read so far (the next trigger will).
    bool isPending(const EventPoint& p) const
    {
        return p.batchId > batchId() || (p.batchId < 0 && p.fate == Fate::Unconsumed && snapshot && snapshot->liveHorizon);
    }
    /// True while the current batch's outcome is hidden: the class predicts it first.
    bool hidesOutcome() const { return hideOutcomeFrom && batch >= *hideOutcomeFrom; }
    /// True when the batch at `index` may show what it did.
    bool showsOutcomeOf(int index) const { return !hideOutcomeFrom || index < *hideOutcomeFrom; }
    /// True for an event the current batch reads while its fate is hidden.
    bool hidesFateOf(const EventPoint& p) const { return hidesOutcome() && p.batchId >= 0 && p.batchId == batchId(); }
    /// The last batch whose outcome shows (the one before the current while it is hidden).
    int outcomeBatch() const { return hidesOutcome() ? batch - 1 : batch; }
    /// Index of the batch of `mode` that ran last at or before `now`, or -1.
    int batchIn(OutputMode mode) const;

    /// A view of `snapshot` at batch index `batch` (clamped).
    static ViewState at(SnapshotPtr snapshot, int batch);
};

} // namespace tidemark::ui
