// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/JoinOutputWatermark.h"

#include "engine/time/Checked.h"

#include <algorithm>

namespace tidemark {

namespace {

bool readsEventTime(const BoundExpr& e)
{
    if (e.op == BoundExpr::Op::Column && e.watermarkDelayMs)
        return true;
    return std::any_of(e.args.begin(), e.args.end(), readsEventTime);
}

} // namespace

bool hasRangeAgainstEventTime(const BoundExpr& condition)
{
    switch (condition.op) {
    case BoundExpr::Op::Less:
    case BoundExpr::Op::LessEqual:
    case BoundExpr::Op::Greater:
    case BoundExpr::Op::GreaterEqual:
        if (readsEventTime(condition))
            return true;
        break;
    default: break;
    }
    return std::any_of(condition.args.begin(), condition.args.end(), hasRangeAgainstEventTime);
}

std::optional<Millis> joinStateWatermarkMs(const JoinPlan& join, int side, Millis inputWatermarkMs)
{
    if (join.keyWatermarkOrdinal)
        return inputWatermarkMs;
    const auto& offset = side == 0 ? join.leftValueOffset : join.rightValueOffset;
    const auto& column = side == 0 ? join.leftEventTime : join.rightEventTime;
    if (!offset || !column)
        return std::nullopt;
    // getStateValueWatermark: W + the bound, in milliseconds (the bound holds the -1 of <= / >=),
    // as JoinOperator evicts with it.
    return floorDiv(saturatingAdd(inputWatermarkMs * kMicrosPerMilli, *offset), kMicrosPerMilli);
}

Millis joinOutputWatermarkMs(const JoinPlan& join, Millis inputWatermarkMs)
{
    Millis out = inputWatermarkMs;
    for (int side : {0, 1})
        if (const auto state = joinStateWatermarkMs(join, side, inputWatermarkMs))
            out = std::min(out, *state);
    return out;
}

Millis chainInputWatermarkMs(const QueryPlan& plan, std::size_t stage, Millis batchWatermarkMs)
{
    if (!plan.propagatesWatermark)
        return batchWatermarkMs;
    Millis wm = batchWatermarkMs;
    if (plan.join && plan.join->isStreamStream())
        wm = propagatedInputWatermarkMs(joinOutputWatermarkMs(*plan.join, wm));
    for (std::size_t k = 0; k < stage && k < plan.chain.size(); ++k)
        if (plan.chain[k].join && plan.chain[k].join->isStreamStream())
            wm = propagatedInputWatermarkMs(joinOutputWatermarkMs(*plan.chain[k].join, wm));
    return wm;
}

} // namespace tidemark
