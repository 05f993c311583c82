// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"

#include <cstdint>
#include <vector>

namespace tidemark::ui {

/// One stateful operator of a query whose state is kept by key (deduplication, aggregation),
/// as Spark's progress lists it among stateOperators. A chain (`query.then`) has several.
struct StatefulOperator {
    std::uint8_t op = 0;       ///< its index in StateChange::op (0 = upstream-most)
    Schema schema;             ///< the columns of its state rows
    std::size_t keyWidth = 0;  ///< leading columns that identify a row; 0: the whole row (dedup)
    int windowColumn = -1;     ///< the window among the key columns, for the order of the rows
};

/// The operators of `plan` whose state is kept by key, upstream first (the query's stream-stream
/// join's buffered rows are not among them: JoinStateModel shows those; a join in `query.then`
/// is, its buffered rows keyed by the whole row).
std::vector<StatefulOperator> statefulOperators(const QueryPlan& plan);

/// One operator's state around one batch.
struct OperatorStateAt {
    std::vector<Row> before;  ///< after the batch before (empty for the first)
    std::vector<Row> after;   ///< after the batch
    std::vector<Row> evicted; ///< rows the watermark evicted in the batch
};

/// The state of `op` before and after batch `index` of `run`, folded from the recorded state
/// changes in one pass (ModeRun::stateAfter folds from the first batch on each call, and the
/// panel needs two).
OperatorStateAt operatorStateAt(const ModeRun& run, const StatefulOperator& op, std::size_t index);

} // namespace tidemark::ui
