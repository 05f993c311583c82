// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/expr/BoundExpr.h"
#include "engine/plan/QueryPlan.h"

#include <vector>

namespace tidemark {

/// Spark's optimizer rule EliminateOuterJoin (joins.scala) for a Filter over a join: an outer
/// join whose null-padded rows the filter rejects anyway runs as a narrower join. A side "has a
/// non-null predicate" when a conjunct reading that side alone is null or false on a row of
/// nulls (canFilterOutNull), or when a conjunct can never be true with one of the side's columns
/// null (the filter's IsNotNull constraints). Then a left outer join whose right side has one
/// runs as inner, a right outer join likewise with its left, and a full outer join as inner
/// (both sides), left outer (its left) or right outer (its right).
///
/// `conjuncts` are the filter's conjuncts bound to the left columns followed by the right's
/// (`leftWidth` of them). Returns the type the join runs as.
JoinPlan::Type eliminateOuterJoin(JoinPlan::Type type, const std::vector<BoundExpr>& conjuncts, std::size_t leftWidth);

} // namespace tidemark
