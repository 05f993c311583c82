// SPDX-License-Identifier: GPL-3.0-or-later
// `left.join(right, on).where(...)`: Spark's optimizer moves the `where` into and below the join
// (EliminateOuterJoin, then PushPredicateThroughJoin's case for a Filter over a Join), so the
// rows a one-side conjunct rejects are never stored and, below withWatermark, never move it.
#include "engine/plan/AnalyzerRules.h"

#include "engine/plan/EliminateOuterJoin.h"
#include "engine/plan/JoinCondition.h"
#include "engine/plan/PredicatePushdown.h"

#include <array>

namespace tidemark::analysis {

namespace {

AstPtr allOf(const std::vector<AstPtr>& parts)
{
    AstPtr all;
    for (const AstPtr& p : parts) {
        if (!all) {
            all = p;
            continue;
        }
        auto both = std::make_shared<Ast>();
        both->kind = Ast::Kind::Binary;
        both->op = "AND";
        both->args = {all, p};
        all = both;
    }
    return all;
}

AstPtr keyConjunct(const SplitCondition::KeyPair& k)
{
    auto eq = std::make_shared<Ast>();
    eq->kind = Ast::Kind::Binary;
    eq->op = k.nullSafe ? "<=>" : "=";
    eq->args = {k.left, k.right};
    return eq;
}

} // namespace

void Analyzer::pushWhereThroughJoin(QueryPlan& plan, const InputPlan& leftBefore, const InputPlan& rightBefore)
{
    const QuerySpec& q = m_sc.query;
    const JoinSpec& spec = *q.join;
    const std::string path = "query.join";
    JoinPlan& j = *plan.join;
    if (plan.steps.size() != 1 || plan.steps[0].kind != Step::Kind::Filter)
        return;
    const std::vector<std::string> leftNames{spec.left.source}, rightNames{spec.right.source};
    const AstPtr where = qualify(parseExpr(*q.where, "query.where", m_v), leftNames, rightNames);
    const SplitCondition split = splitJoinCondition(where, j.leftSchema, j.rightSchema);
    std::vector<AstPtr> common = split.both;
    for (const auto& k : split.keys)
        common.push_back(keyConjunct(k));

    // EliminateOuterJoin reads every conjunct against the joined row.
    const Schema joined = concat(j.leftSchema, j.rightSchema);
    const BindContext ctx{m_v, m_sc.zone, *q.where};
    std::vector<BoundExpr> bound;
    for (const std::vector<AstPtr>* part : std::array<const std::vector<AstPtr>*, 3>{&split.leftOnly, &split.rightOnly, &common})
        for (const AstPtr& c : *part) {
            auto b = bindExpression(*c, joined, ctx);
            if (!b.ok())
                return; // the filter resolved against the join's output; keep it there
            bound.push_back(std::move(b.value()));
        }
    const JoinPlan::Type written = j.type;
    const JoinPlan::Type type = eliminateOuterJoin(written, bound, j.leftSchema.size());

    // PushPredicateThroughJoin, case Filter(Join): an inner join takes each side's conjuncts into
    // that side and the rest into its condition; a left outer or left semi join its left side's
    // conjuncts, a right outer join its right side's; a full outer join none.
    const bool pushLeft = type == JoinPlan::Type::Inner || type == JoinPlan::Type::LeftOuter || type == JoinPlan::Type::LeftSemi;
    const bool pushRight = type == JoinPlan::Type::Inner || type == JoinPlan::Type::RightOuter;
    const bool intoCondition = type == JoinPlan::Type::Inner && !common.empty();
    const bool pushesLeft = pushLeft && !split.leftOnly.empty();
    const bool pushesRight = pushRight && !split.rightOnly.empty();
    if (type == written && !pushesLeft && !pushesRight && !intoCondition)
        return;

    // The join again, on its inputs as they were, with the moved conjuncts below and in it.
    plan.inputs[0] = leftBefore;
    plan.inputs[1] = rightBefore;
    auto pushInto = [&](InputPlan& input, const std::vector<AstPtr>& parts, const Schema& side) {
        for (const AstPtr& c : parts) {
            auto b = bindExpression(*c, side, ctx);
            if (!b.ok())
                failQuery("query.where", b.error().message);
            const std::size_t at = pushFilterDown(input, std::move(b.value()), prettyName(*c), m_sc.sources[input.source].schema);
            input.steps[at].pushedFromJoin = false;
            input.steps[at].pushedFromWhere = true;
        }
    };
    if (pushesLeft)
        pushInto(plan.inputs[0], split.leftOnly, j.leftSchema);
    if (pushesRight)
        pushInto(plan.inputs[1], split.rightOnly, j.rightSchema);
    JoinSides sides;
    sides.left = &plan.inputs[0];
    sides.right = &plan.inputs[1];
    sides.leftSchema = plan.inputs[0].output;
    sides.rightSchema = plan.inputs[1].output;
    sides.leftNames = leftNames;
    sides.rightNames = rightNames;
    sides.leftStatic = j.leftStatic;
    sides.rightStatic = j.rightStatic;
    Schema out;
    JoinPlan optimized = joinPlan(path, joinTypeSparkName(type), spec.on, spec.usingColumns, sides, out,
                                  intoCondition ? common : std::vector<AstPtr>{});
    if (type != written)
        optimized.writtenType = written;
    if (intoCondition)
        optimized.conditionFromWhere = common;
    j = std::move(optimized);

    // What is left of the filter stays after the join.
    std::vector<AstPtr> above;
    if (!pushesLeft)
        above.insert(above.end(), split.leftOnly.begin(), split.leftOnly.end());
    if (!pushesRight)
        above.insert(above.end(), split.rightOnly.begin(), split.rightOnly.end());
    if (!intoCondition)
        above.insert(above.end(), common.begin(), common.end());
    if (above.empty()) {
        plan.steps.clear();
        return;
    }
    if (above.size() == split.leftOnly.size() + split.rightOnly.size() + common.size())
        return; // nothing moved out of it: the filter as written
    const AstPtr rest = allOf(above);
    auto b = bindExpression(*rest, plan.steps[0].output, ctx);
    if (!b.ok())
        failQuery("query.where", b.error().message);
    plan.steps[0].predicate = std::move(b.value());
    plan.steps[0].text = prettyName(*rest);
}

} // namespace tidemark::analysis
