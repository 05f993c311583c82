// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"
#include "ui/models/RowDiff.h"

#include <cstddef>
#include <vector>

namespace tidemark::ui {

/// What an output mode's column lists at one batch: the rows its sink got and the result table
/// after the batch, each marked against the table before it (new, changed, removed, sent again).
/// Plain data: the worker prepares it for the batch the window shows (Snapshot::columns), so
/// letting go of a dragged dot does not build three modes' tables on the UI thread.
struct ColumnRows {
    std::size_t index = 0;         ///< the batch, an index into the run's batches
    std::vector<MarkedRow> sink;   ///< one per row the sink got
    std::vector<MarkedRow> table;  ///< the result table, then the rows it lost (Removed)
    std::size_t numResultRows = 0; ///< rows of the result table after the batch
};

/// The column's rows for batch `index` of `run` (index < run.batches.size()).
ColumnRows columnRows(const ModeRun& run, std::size_t index);

} // namespace tidemark::ui
