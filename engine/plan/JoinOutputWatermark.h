// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/plan/QueryPlan.h"

#include <optional>

namespace tidemark {

/// UnsupportedOperationChecker.hasRangeExprAgainstEventTimeCol: `condition` holds a <, <=, >
/// or >= with an event-time column (a column carrying watermark metadata) on either side.
bool hasRangeAgainstEventTime(const BoundExpr& condition);

/// StreamingSymmetricHashJoinHelper.getStateWatermark for one side (0 left, 1 right), given
/// the join's input watermark: that watermark when a join key carries it, the state value
/// watermark (watermark + the range condition's bound) when only the side does, else none.
std::optional<Millis> joinStateWatermarkMs(const JoinPlan& join, int side, Millis inputWatermarkMs);

/// StreamingSymmetricHashJoinExec.produceOutputWatermark (3.5+): the least of the input
/// watermark and both sides' state watermarks. A row the join still holds is no older than
/// that, so it is the watermark the operator after the join reads (PropagateWatermarkSimulator).
Millis joinOutputWatermarkMs(const JoinPlan& join, Millis inputWatermarkMs);

/// PropagateWatermarkSimulator.getInputWatermark: an operator's input watermark never goes
/// below 0 ("event time watermark cannot go down to negative").
inline Millis propagatedInputWatermarkMs(Millis outputOfUpstreamMs) { return outputOfUpstreamMs < 0 ? 0 : outputOfUpstreamMs; }

/// The input watermark of the operator of chain stage `stage`, given the batch's watermark:
/// with PropagateWatermarkSimulator (3.5+, allowMultiple) lowered by the output watermark of
/// each stream-stream join before it (the query's, then the chain's); otherwise the batch's.
Millis chainInputWatermarkMs(const QueryPlan& plan, std::size_t stage, Millis batchWatermarkMs);

} // namespace tidemark
