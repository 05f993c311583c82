// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"

#include <vector>

namespace tidemark::ui {

/// What an output mode's column shows for one batch: the rows the sink got, and the result
/// table before and after the batch.
struct BatchTables {
    std::vector<Row> sink;   ///< ModeRun::sinkRowsOf(index)
    std::vector<Row> before; ///< ModeRun::resultTableAfter(index - 1); empty for the first batch
    std::vector<Row> after;  ///< ModeRun::resultTableAfter(index)
};

/// The three tables in one pass over the batches before `index` (index < run.batches.size()).
/// Why: each of ModeRun's calls folds every batch from the first, and the columns are redrawn
/// after every edit; at the end of a long scenario three folds per mode cost milliseconds.
BatchTables batchTables(const ModeRun& run, std::size_t index);

} // namespace tidemark::ui
