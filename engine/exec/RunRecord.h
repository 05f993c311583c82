// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/core/SharedVector.h"
#include "engine/exec/Simulation.h"
#include "engine/plan/QueryPlan.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace tidemark {

/// What the batches a live run no longer keeps left behind (a live window shows only its
/// newest batches, so that an hour of messages does not fill the memory): the state and the
/// result table after the last of them, and their counts, so the kept batches read on from
/// there as if the run were whole.
struct ForgottenBatches {
    std::int64_t batches = 0;        ///< how many of the first batches are gone
    std::int64_t events = 0;         ///< events of the live source those batches read
    std::int64_t droppedRows = 0;    ///< numRowsDroppedByWatermark over them (Spark's count)
    std::int64_t droppedEvents = 0;  ///< events they dropped whole
    std::int64_t partlyDropped = 0;  ///< events that lost some of their windows in them
    std::vector<Row> state;          ///< stateAfter() the last of them
    std::vector<Row> resultTable;    ///< resultTableAfter() the last of them, its newest rows only
    std::int64_t resultRowsLeftOut = 0; ///< older result rows not kept (append: the sink's earliest)
};

/// A whole run of one output mode, kept for viewing: every batch, every tick, every fate.
/// Immutable once built, so it can be handed to another thread as a shared_ptr<const>.
struct ModeRun {
    OutputMode mode = OutputMode::Append;
    std::optional<Error> error; ///< Spark rejects this mode for the query
    std::shared_ptr<const QueryPlan> plan;
    SharedVector<BatchRecord> batches; ///< shared with the runs continued from this one
    std::vector<TickRecord> ticks;
    std::vector<RowFate> unconsumed;
    Micros start = 0;
    /// A live run showing only its newest batches: what came before them. Batch indices below
    /// are then into the kept batches; their batch ids go on counting from forgotten.batches.
    ForgottenBatches forgotten;

    /// Rows of the operator's state after batch `index` (keyed by the grouping columns, or
    /// by the whole row for dedup; a join's buffered rows in its output columns, the other
    /// side null, in arrival order), folded from the recorded state changes.
    std::vector<Row> stateAfter(std::size_t index) const;
    /// What the sink received in batch `index`; for complete mode recorded without copies of
    /// the table (SimulationOptions::materializeCompleteOutput false) it is rebuilt from state.
    std::vector<Row> sinkRowsOf(std::size_t index) const;
    /// sinkRowsOf for batches first..last in one pass.
    std::vector<std::vector<Row>> sinkRowsOf(std::size_t first, std::size_t last) const;
    /// The result table as a sink in this mode would hold it after batch `index`: complete
    /// mode's last output; append's accumulated rows; update's rows upserted by key.
    std::vector<Row> resultTableAfter(std::size_t index) const;
    /// Number of leading columns that identify a state row (grouping columns incl. the window).
    std::size_t keyWidth() const;
};

/// The three output modes of one scenario, computed together.
struct RunRecord {
    std::array<ModeRun, 3> modes; ///< indexed by OutputMode
    std::optional<Error> fileError;

    const ModeRun& mode(OutputMode m) const { return modes[static_cast<size_t>(m)]; }
};

/// Runs one mode to the end with full recording; with a horizon, as a live run that has only
/// reached that time (a live session's clock): later ticks do not run yet, unread events are
/// reported as such.
ModeRun runMode(const Scenario& scenario, OutputMode mode, SimulationOptions options = {}, std::optional<Micros> horizon = std::nullopt);

/// Runs append, update and complete. A mode Spark rejects carries its error instead.
RunRecord runAllModes(const Scenario& scenario, SimulationOptions options = {});

} // namespace tidemark
