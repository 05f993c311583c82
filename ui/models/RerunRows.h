// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"
#include "ui/models/RowDiff.h"

#include <QString>

#include <vector>

namespace tidemark::ui {

/// Marks the rows a batch that ran twice (it crashed before its commit; the restarted query ran
/// it again with the same offsets) sent the second time, in an output column's tables after
/// batch `index` of `run`: every row of the sink table when that batch is the rerun, and in the
/// result table of a sink that adds every row (append, update without an aggregation) the
/// rerun's copies. Tables that upsert by key or are rewritten whole hold the row once anyway.
/// `result` must be diffRows(tables.after, tables.before, ..) of batchTables(run, index).
void markRerunSinkRows(std::vector<MarkedRow>& sink, const ModeRun& run, std::size_t index);
void markRerunResultRows(std::vector<MarkedRow>& result, const ModeRun& run, std::size_t index);

/// The tooltip of a row sent again: why it is there twice, and which sink would write it once.
QString rerunRowExplanation(std::int64_t batchId);

} // namespace tidemark::ui
