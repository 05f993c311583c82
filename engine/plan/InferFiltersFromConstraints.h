// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/expr/BoundExpr.h"
#include "engine/plan/QueryPlan.h"

#include <string>

namespace tidemark {

/// Spark's optimizer rule InferFiltersFromConstraints (Optimizer.scala) for a join, its
/// IsNotNull part: every column that a null-intolerant conjunct of the join condition reads
/// through null-intolerant expressions only (QueryPlanConstraints.scanNullIntolerantAttribute)
/// can never be null in a joined row, so Spark filters `isnotnull(column)` on the inputs the
/// join type lets it filter: both for inner and left semi joins, the left for a right outer
/// join, the right for a left outer join, none for a full outer join. The filter then sinks as
/// PushPredicateThroughNonJoin sinks it (pushFilterDown): below withWatermark unless the column
/// is the event time, so a row with a null key is never stored and never moves the watermark.
/// A column whose non-null-ness the input's own filters already imply gets no filter (Spark
/// subtracts the input's constraints).
///
/// `condition` is the whole join condition bound to the left schema's columns followed by the
/// right's (`leftWidth` of them); for a `using` join, pass the key columns instead.
/// `leftInput` is null for a joined left side (a join in `query.then`): its filters are added to
/// `leftConditions`, the join's own conditions on that side.
void inferJoinNotNullFilters(JoinPlan::Type type, InputPlan* leftInput, InputPlan* rightInput, const BoundExpr& condition, std::size_t leftWidth,
                             const Schema& leftSource, const Schema& rightSource, const Schema& leftSide, std::vector<BoundExpr>& leftConditions);
void inferUsingNotNullFilters(JoinPlan::Type type, InputPlan* leftInput, InputPlan* rightInput, const std::vector<std::size_t>& leftKeys,
                              const std::vector<std::size_t>& rightKeys, const Schema& leftSource, const Schema& rightSource, const Schema& leftSide,
                              std::vector<BoundExpr>& leftConditions);

/// `isnotnull(column)` for each of `columns` of `input`'s output, sunk as pushFilterDown sinks
/// it, unless the input's own filters already imply it: an IsNotNull filter inferred above the
/// input (from the condition of the join after the one it feeds) and pushed down to it.
void addInferredNotNullFilters(InputPlan& input, const std::vector<std::size_t>& columns, const Schema& sourceSchema);

/// QueryPlanConstraints.inferIsNotNullConstraints over the conjuncts of `condition`: the columns
/// it can never be true for when null (read through null-intolerant expressions only, or under
/// a top-level `IS NOT NULL`), in reading order.
std::vector<std::size_t> notNullColumns(const BoundExpr& condition);

} // namespace tidemark
