// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/PredicatePushdown.h"

namespace tidemark {

namespace {

/// The expression over a projection's input: every column reference replaced by the
/// projection's expression for that column (PushPredicateThroughNonJoin's alias replacement).
BoundExpr substituteColumns(const BoundExpr& e, const std::vector<BoundExpr>& projection)
{
    if (e.op == BoundExpr::Op::Column)
        return projection[e.column];
    BoundExpr out = e;
    for (auto& a : out.args)
        a = substituteColumns(a, projection);
    return out;
}

bool readsColumn(const BoundExpr& e, std::size_t column)
{
    if (e.op == BoundExpr::Op::Column)
        return e.column == column;
    for (const auto& a : e.args)
        if (readsColumn(a, column))
            return true;
    return false;
}

} // namespace

bool joinPushesLeftConjuncts(JoinPlan::Type type)
{
    return type == JoinPlan::Type::Inner || type == JoinPlan::Type::LeftSemi || type == JoinPlan::Type::RightOuter;
}

bool joinPushesRightConjuncts(JoinPlan::Type type)
{
    return type == JoinPlan::Type::Inner || type == JoinPlan::Type::LeftSemi || type == JoinPlan::Type::LeftOuter;
}

bool filterPushesLeftConjuncts(JoinPlan::Type type)
{
    return type == JoinPlan::Type::Inner || type == JoinPlan::Type::LeftOuter || type == JoinPlan::Type::LeftSemi;
}

bool filterPushesRightConjuncts(JoinPlan::Type type)
{
    return type == JoinPlan::Type::Inner || type == JoinPlan::Type::RightOuter;
}

std::size_t pushFilterDown(InputPlan& input, BoundExpr predicate, std::string text, const Schema& sourceSchema)
{
    std::size_t at = input.steps.size();
    while (at > 0) {
        const Step& below = input.steps[at - 1];
        if (below.kind == Step::Kind::Filter) {
            --at;
        } else if (below.kind == Step::Kind::Watermark) {
            // PushPredicateThroughNonJoin, case EventTimeWatermark: only predicates that do not
            // reference the event-time column go below it.
            if (readsColumn(predicate, below.column))
                break;
            --at;
        } else {
            if (below.generator)
                break; // the predicate may read the exploded column; keep it above the Generate
            predicate = substituteColumns(predicate, below.exprs);
            --at;
        }
    }
    Step step;
    step.kind = Step::Kind::Filter;
    step.predicate = std::move(predicate);
    step.text = std::move(text);
    step.pushedFromJoin = true;
    step.output = at == 0 ? sourceSchema : input.steps[at - 1].output;
    input.steps.insert(input.steps.begin() + static_cast<std::ptrdiff_t>(at), std::move(step));
    return at;
}

} // namespace tidemark
