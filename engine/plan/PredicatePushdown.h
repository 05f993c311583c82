// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/expr/BoundExpr.h"
#include "engine/plan/QueryPlan.h"

#include <string>

namespace tidemark {

/// Which one-side conjuncts of a join's condition Spark's optimizer moves out of the join
/// (PushPredicateThroughJoin, the join-condition case): both sides' for inner and left semi
/// joins, only the non-preserved side's for outer joins, none for a full outer join.
bool joinPushesLeftConjuncts(JoinPlan::Type type);
bool joinPushesRightConjuncts(JoinPlan::Type type);

/// Which one-side conjuncts of a Filter over a join Spark's optimizer moves below the join
/// (PushPredicateThroughJoin, the Filter case): both sides' for an inner join, the preserved
/// side's for an outer one (the left's for a left semi join too), none for a full outer join.
bool filterPushesLeftConjuncts(JoinPlan::Type type);
bool filterPushesRightConjuncts(JoinPlan::Type type);

/// Adds `predicate` (bound to `input`'s output) to the input's steps as low as Spark's
/// PushPredicateThroughNonJoin would place it: through filters, through projections (their
/// expressions substituted for the columns), and through EventTimeWatermark when it does not
/// read the event-time column. Below the watermark, the rows it removes never move it.
/// Stops above an explode(). Returns the index of the new step.
std::size_t pushFilterDown(InputPlan& input, BoundExpr predicate, std::string text, const Schema& sourceSchema);

} // namespace tidemark
