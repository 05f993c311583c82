// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/expr/Ast.h"
#include "engine/expr/BoundExpr.h"
#include "engine/plan/JoinCondition.h"
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

/// A conjunct the other half of InferFiltersFromConstraints (QueryPlanConstraints.
/// inferAdditionalConstraints) derives for one input of a join.
struct EqualityInference {
    AstPtr conjunct;   ///< reads `side` only
    JoinSide side = JoinSide::Left;
    AstPtr constraint; ///< the constraint it is rewritten from
    AstPtr equality;   ///< the key equality it is rewritten through
};

/// inferAdditionalConstraints over a join's constraints (the conjuncts of its condition and of
/// its inputs' own filters; columns resolved against `left` and `right`): each equality `a = b`
/// of a column of each side rewrites every other constraint reading `a` to read `b` and the
/// other way round, once (replaceConstraints). Kept: the rewritten constraints that read one
/// side only and are not constraints already (the input's own are subtracted). `IS NOT NULL`
/// constraints are left to the IsNotNull part above. An equality of a cast column and a column
/// (`CAST(a AS BIGINT) = b`, or `a = b` of an int and a bigint, which Spark's type coercion
/// writes so) rewrites one way only: `b` becomes the cast in the constraints that read it.
/// Stops once it has more than `limit` (the caller refuses such a query: WorkLimits).
std::vector<EqualityInference> inferThroughKeyEqualities(const std::vector<AstPtr>& constraints, const Schema& left, const Schema& right,
                                                        std::size_t limit);

/// prettyName(a) without the parentheses it puts around a whole operator expression, as the
/// join plan shows an inferred filter: "a > 0", not "(a > 0)"; "(a < 1) OR (a > 2)" keeps its
/// operands'.
std::string bareName(const Ast& a);

/// `a` with every column read from the join side `qualifier` ("left" or "right"): an input's own
/// filter, written over its columns, as a constraint of the join. Null when a column it reads is
/// not one of that side's (`side`).
AstPtr qualifiedForSide(const AstPtr& a, const std::string& qualifier, const Schema& side);

} // namespace tidemark
