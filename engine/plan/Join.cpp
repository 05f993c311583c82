// SPDX-License-Identifier: GPL-3.0-or-later
// Dataset.join: the join type (JoinType.apply), USING (Analyzer.commonNaturalJoinProcessing),
// the condition split into keys and conjuncts and pushed down (PushPredicateThroughJoin), and
// the key state is evicted by (StreamingSymmetricHashJoinHelper).
#include "engine/plan/AnalyzerRules.h"

#include "engine/plan/InferFiltersFromConstraints.h"
#include "engine/plan/JoinCondition.h"
#include "engine/plan/JoinOutputWatermark.h"
#include "engine/plan/PredicatePushdown.h"
#include "engine/plan/WorkLimits.h"

#include <algorithm>

namespace tidemark::analysis {

std::optional<JoinPlan::Type> Analyzer::parseJoinType(std::string t)
{
    std::string n;
    for (char c : t)
        if (c != '_')
            n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "inner")
        return JoinPlan::Type::Inner;
    if (n == "leftouter" || n == "left")
        return JoinPlan::Type::LeftOuter;
    if (n == "rightouter" || n == "right")
        return JoinPlan::Type::RightOuter;
    if (n == "fullouter" || n == "full" || n == "outer")
        return JoinPlan::Type::FullOuter;
    if (n == "leftsemi" || n == "semi")
        return JoinPlan::Type::LeftSemi;
    return std::nullopt;
}

/// Rewrites `impressions.adId` / `left.adId` to the side qualifiers of the join schemas.
AstPtr Analyzer::qualify(const AstPtr& a, const std::vector<std::string>& leftNames, const std::vector<std::string>& rightNames)
{
    auto copy = std::make_shared<Ast>(*a);
    auto named = [&](const std::vector<std::string>& names) {
        return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return equalsIgnoreCase(copy->qualifier, n); });
    };
    if (copy->kind == Ast::Kind::Column && !copy->qualifier.empty()) {
        if (named(leftNames) || equalsIgnoreCase(copy->qualifier, "left"))
            copy->qualifier = "left";
        else if (named(rightNames) || equalsIgnoreCase(copy->qualifier, "right"))
            copy->qualifier = "right";
    }
    for (auto& c : copy->args)
        c = qualify(c, leftNames, rightNames);
    return copy;
}

Schema Analyzer::withQualifier(Schema s, const std::string& q)
{
    for (auto& f : s.fields)
        f.qualifier = q;
    return s;
}

Schema Analyzer::concat(const Schema& a, const Schema& b)
{
    Schema s = a;
    s.fields.insert(s.fields.end(), b.fields.begin(), b.fields.end());
    return s;
}

AstPtr Analyzer::columnEquality(const std::string& leftColumn, const std::string& rightColumn)
{
    auto eq = std::make_shared<Ast>();
    eq->kind = Ast::Kind::Binary;
    eq->op = "=";
    for (const auto& [qualifier, name] : {std::pair{"left", &leftColumn}, std::pair{"right", &rightColumn}}) {
        auto c = std::make_shared<Ast>();
        c->kind = Ast::Kind::Column;
        c->qualifier = qualifier;
        c->name = *name;
        eq->args.push_back(std::move(c));
    }
    return eq;
}

JoinPlan Analyzer::joinPlan(const std::string& path, const std::string& typeText, const std::optional<std::string>& on,
                            const std::vector<std::string>& usingColumns, const JoinSides& sides, Schema& out,
                            const std::vector<AstPtr>& movedIn)
{
    auto type = parseJoinType(typeText);
    if (!type)
        failArgument(path + ".type", "Unsupported join type '" + typeText
                                         + "'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', "
                                           "'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', "
                                           "'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'.");
    JoinPlan j;
    j.type = *type;
    j.leftStatic = sides.leftStatic;
    j.rightStatic = sides.rightStatic;
    if (j.leftStatic && j.rightStatic)
        failFile(path, "both sides are static tables; a streaming query needs a stream");
    j.leftSchema = withQualifier(sides.leftSchema, "left");
    j.rightSchema = withQualifier(sides.rightSchema, "right");
    const Schema joined = concat(j.leftSchema, j.rightSchema);
    const BindContext ctx{m_v, m_sc.zone, on.value_or("")};
    // The source schemas the pushed filters are explained against; none for a joined side.
    auto sourceSchema = [&](const InputPlan* in) { return in ? m_sc.sources[in->source].schema : Schema{}; };

    auto bindSide = [&](const AstPtr& a, const Schema& s, const std::string& where) {
        auto b = bindExpression(*a, s, ctx);
        if (!b.ok())
            failQuery(where, b.error().message);
        return std::move(b.value());
    };
    if (!usingColumns.empty()) {
        j.usingJoin = true;
        for (size_t i = 0; i < usingColumns.size(); ++i) {
            const std::string& name = usingColumns[i];
            auto l = j.leftSchema.find(name);
            auto r = j.rightSchema.find(name);
            if (!l || !r) {
                const Schema& side = !l ? j.leftSchema : j.rightSchema;
                const char* which = !l ? "left" : "right";
                failQuery(indexed(path + ".using", i),
                          m_v.hasErrorClasses()
                              ? "[UNRESOLVED_USING_COLUMN_FOR_JOIN] USING column `" + name + "` cannot be resolved on the " + which
                                    + " side of the join. The " + which + "-side columns: [" + joinNames(side) + "]."
                              : "USING column `" + name + "` cannot be resolved on the " + which + " side of the join. The " + which
                                    + "-side columns: [" + joinNames(side) + "]");
            }
            j.usingLeft.push_back(*l);
            j.usingRight.push_back(*r);
            // Analyzer.commonNaturalJoinProcessing resolves USING into key equalities; the
            // keys keep their columns' watermark metadata, as any key does.
            BoundExpr lk, rk;
            lk.op = rk.op = BoundExpr::Op::Column;
            lk.column = *l;
            lk.type = j.leftSchema[*l].type;
            lk.watermarkDelayMs = j.leftSchema[*l].watermarkDelayMs;
            rk.column = *r;
            rk.type = j.rightSchema[*r].type;
            rk.watermarkDelayMs = j.rightSchema[*r].watermarkDelayMs;
            j.leftKeys.push_back(lk);
            j.rightKeys.push_back(rk);
            j.nullSafeKeys.push_back(false);
        }
        inferUsingNotNullFilters(j.type, sides.left, sides.right, j.usingLeft, j.usingRight, sourceSchema(sides.left), sourceSchema(sides.right),
                                 j.leftSchema, j.leftOnly);
    }
    // The join's constraints, for InferFiltersFromConstraints below: its condition's conjuncts
    // (a `using` join's key equalities first, `left.k = right.k`).
    std::vector<AstPtr> constraints;
    for (std::size_t k = 0; k < j.usingLeft.size(); ++k)
        constraints.push_back(columnEquality(j.leftSchema[j.usingLeft[k]].name, j.rightSchema[j.usingRight[k]].name));
    // A `using` join's condition is its key equalities alone, unless the optimizer moved a
    // filter into it (pushWhereThroughJoin): those conjuncts are read as an `on` would be.
    if ((on && !j.usingJoin) || !movedIn.empty()) {
        AstPtr cond;
        if (on) {
            auto parsed = parseExpression(*on);
            if (auto* f = std::get_if<ParseFailure>(&parsed))
                failParse(path + ".on", *on, *f, m_v);
            cond = qualify(std::get<AstPtr>(parsed), sides.leftNames, sides.rightNames);
        }
        std::vector<AstPtr> all;
        if (cond)
            all.push_back(cond);
        all.insert(all.end(), movedIn.begin(), movedIn.end());
        cond = conjunction(all);
        // Resolve the whole condition first: unresolved and ambiguous names fail here, as in Spark.
        auto whole = bindExpression(*cond, joined, ctx);
        if (!whole.ok())
            failQuery(path + ".on", whole.error().message);
        if (whole->type.id != TypeId::Boolean)
            failQuery(path + ".on", "join condition '" + prettyName(*cond) + "' of type " + sparkTypeName(whole->type) + " is not a boolean.");
        j.rangeConditionOnEventTime = hasRangeAgainstEventTime(*whole);
        const std::vector<AstPtr> conjuncts = splitConjunctivePredicates(cond);
        constraints.insert(constraints.end(), conjuncts.begin(), conjuncts.end());
        const SplitCondition split = splitJoinCondition(cond, j.leftSchema, j.rightSchema);
        for (const auto& k : split.keys) {
            BoundExpr l = bindSide(k.left, j.leftSchema, path + ".on");
            BoundExpr r = bindSide(k.right, j.rightSchema, path + ".on");
            if (l.type != r.type && !(l.type.isNumeric() && r.type.isNumeric()))
                failQuery(path + ".on", "cannot join on " + prettyName(*k.left) + " (" + sparkTypeName(l.type) + ") = " + prettyName(*k.right)
                                            + " (" + sparkTypeName(r.type) + ")");
            j.leftKeys.push_back(std::move(l));
            j.rightKeys.push_back(std::move(r));
            j.nullSafeKeys.push_back(k.nullSafe);
        }
        // PushPredicateThroughJoin takes the conjuncts on one side's columns out of the join,
        // where the join type allows; PushPredicateThroughNonJoin then sinks each as far as it
        // goes, below the side's watermark when it does not read the event time. A joined left
        // side (a join in `query.then`) keeps them as conditions on that side (a row failing them
        // is neither stored nor matched); pushWhereThroughJoin moves them further into the
        // first join's inputs once the query is checked.
        for (const auto& c : split.leftOnly) {
            BoundExpr bound = bindSide(c, j.leftSchema, path + ".on");
            if (joinPushesLeftConjuncts(j.type) && sides.left)
                pushFilterDown(*sides.left, std::move(bound), prettyName(*c), sourceSchema(sides.left));
            else
                j.leftOnly.push_back(std::move(bound));
        }
        for (const auto& c : split.rightOnly) {
            BoundExpr bound = bindSide(c, j.rightSchema, path + ".on");
            if (joinPushesRightConjuncts(j.type))
                pushFilterDown(*sides.right, std::move(bound), prettyName(*c), sourceSchema(sides.right));
            else
                j.rightOnly.push_back(std::move(bound));
        }
        if (!split.both.empty())
            j.pairCondition = bindSide(conjunction(split.both), joined, path + ".on");
        // After PushPredicateThroughJoin, as in Spark's optimizer ("Infer Filters" follows the
        // first operator optimization batch).
        inferJoinNotNullFilters(j.type, sides.left, sides.right, *whole, j.leftSchema.size(), sourceSchema(sides.left), sourceSchema(sides.right),
                                j.leftSchema, j.leftOnly);
        j.leftValueOffset = stateValueWatermarkOffset(split.both, JoinSide::Left, j.leftSchema, j.rightSchema);
        j.rightValueOffset = stateValueWatermarkOffset(split.both, JoinSide::Right, j.leftSchema, j.rightSchema);
    } else if (!j.usingJoin && !(j.leftStatic || j.rightStatic)) {
        failQuery(path, "Stream-stream join without equality predicate is not supported");
    }
    inferThroughKeys(j, sides, constraints, path);
    j.keyWatermarkOrdinal = joinKeyOrdinalForWatermark(j);
    // OneSideHashJoiner: a side's late filter and state value predicate read the first column of
    // its input that carries watermark metadata (`inputAttributes.find`); a joined side has two.
    j.leftEventTime = j.leftSchema.eventTimeColumn();
    j.rightEventTime = j.rightSchema.eventTimeColumn();
    j.leftEventTimeIsWindow = j.leftEventTime && j.leftSchema[*j.leftEventTime].type.id == TypeId::Window;
    j.rightEventTimeIsWindow = j.rightEventTime && j.rightSchema[*j.rightEventTime].type.id == TypeId::Window;

    // Output: left then right (left only for a semi join); `using` puts the keys first.
    out = Schema{};
    if (j.usingJoin) {
        for (size_t k = 0; k < j.usingLeft.size(); ++k) {
            Field f = (j.type == JoinPlan::Type::RightOuter ? j.rightSchema[j.usingRight[k]] : j.leftSchema[j.usingLeft[k]]);
            f.qualifier.clear();
            out.fields.push_back(f);
        }
        for (size_t c = 0; c < j.leftSchema.size(); ++c)
            if (std::find(j.usingLeft.begin(), j.usingLeft.end(), c) == j.usingLeft.end())
                out.fields.push_back(j.leftSchema[c]);
        if (j.type != JoinPlan::Type::LeftSemi)
            for (size_t c = 0; c < j.rightSchema.size(); ++c)
                if (std::find(j.usingRight.begin(), j.usingRight.end(), c) == j.usingRight.end())
                    out.fields.push_back(j.rightSchema[c]);
    } else {
        out = j.type == JoinPlan::Type::LeftSemi ? j.leftSchema : joined;
    }
    return j;
}

namespace {

/// An input's own filters as constraints of the join it feeds (a Filter's constraints pass up
/// through EventTimeWatermark, a UnaryNode, and through a projection that keeps their columns):
/// those written after the input's last projection, which read the columns the join sees, and
/// those the optimizer moved there from a join or a `where` after it, whose text reads those
/// columns wherever they sank to. Each is qualified `qualifier` over `side`.
void addOwnFilters(const InputPlan& in, const std::string& qualifier, const Schema& side, std::vector<AstPtr>& constraints)
{
    bool belowProjection = false;
    for (auto step = in.steps.rbegin(); step != in.steps.rend(); ++step) {
        belowProjection = belowProjection || step->kind == Step::Kind::Project;
        // Not the filters this join infers itself; those inferred over it for the next join
        // (and moved below it) are a Filter over it when Spark infers again from them.
        const bool inferredHere = step->inferredFromJoin && !(step->inferredFromNextJoin && !step->inferredFrom.empty());
        const bool movedHere = step->pushedFromJoin || step->pushedFromWhere || step->inferredFromNextJoin;
        if (step->kind != Step::Kind::Filter || inferredHere || (belowProjection && !movedHere))
            continue;
        auto parsed = parseExpression(step->text);
        if (!std::holds_alternative<AstPtr>(parsed))
            continue;
        for (const AstPtr& c : splitConjunctivePredicates(std::get<AstPtr>(parsed)))
            if (AstPtr q = qualifiedForSide(c, qualifier, side))
                constraints.push_back(std::move(q));
    }
}

/// `a`, a constraint over the join below (or the filters after it), read on the next join's
/// left side: each column named `left.` there. Null when a column it reads is not exactly one
/// of `joinedLeft`'s by its name (a name both inputs below have, or one the join drops).
AstPtr onJoinedSide(const AstPtr& a, const Schema& joinedLeft)
{
    auto copy = std::make_shared<Ast>(*a);
    if (copy->kind == Ast::Kind::Column) {
        const auto named = std::count_if(joinedLeft.fields.begin(), joinedLeft.fields.end(),
                                         [&](const Field& f) { return equalsIgnoreCase(f.name, copy->name); });
        if (named != 1)
            return nullptr;
        copy->qualifier = "left";
        return copy;
    }
    for (auto& c : copy->args)
        if (!(c = onJoinedSide(c, joinedLeft)))
            return nullptr;
    return copy;
}

/// inferThroughKeyEqualities, refused past WorkLimits::kMaxInferredFilters before the filters
/// are bound and pushed.
std::vector<EqualityInference> inferWithinLimit(const std::vector<AstPtr>& constraints, const Schema& left, const Schema& right, const std::string& path)
{
    auto out = inferThroughKeyEqualities(constraints, left, right, WorkLimits::kMaxInferredFilters);
    if (out.size() > WorkLimits::kMaxInferredFilters)
        failFile(path, "Spark's optimizer would infer more than " + std::to_string(WorkLimits::kMaxInferredFilters)
                           + " filters from this join's key equalities and the conditions on their columns (InferFiltersFromConstraints); "
                             "Tidemark simulates at most that many. Use fewer equalities, or fewer conditions on their columns.");
    return out;
}

/// QueryPlanConstraints.constraints of a join's output as a join of `type`, over its sides'
/// columns: Join.validConstraints (an inner join's condition and both sides' constraints; a left semi join's
/// condition and left side's; an outer join's preserved side's; a full outer join's none) and
/// what inferAdditionalConstraints derives from them, once.
std::vector<AstPtr> outputConstraints(const JoinPlan& j, JoinPlan::Type type, const std::vector<AstPtr>& condition, const std::vector<AstPtr>& left,
                                      const std::vector<AstPtr>& right, const std::string& path)
{
    const bool inner = type == JoinPlan::Type::Inner, semi = type == JoinPlan::Type::LeftSemi;
    std::vector<AstPtr> out;
    if (inner || semi)
        out.insert(out.end(), condition.begin(), condition.end());
    if (inner || semi || type == JoinPlan::Type::LeftOuter)
        out.insert(out.end(), left.begin(), left.end());
    if (inner || type == JoinPlan::Type::RightOuter)
        out.insert(out.end(), right.begin(), right.end());
    for (const EqualityInference& d : inferWithinLimit(out, j.leftSchema, j.rightSchema, path))
        out.push_back(d.conjunct);
    // A left semi join outputs its left side only: QueryPlanConstraints keeps the constraints
    // on its output (a right column of the same name is not that column).
    if (semi)
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&](const AstPtr& c) { return sideOf(*c, j.leftSchema, j.rightSchema) != JoinSide::Left; }),
                  out.end());
    return out;
}

} // namespace

std::vector<AstPtr> Analyzer::joinedSideConstraints(std::size_t stage, const Schema& joinedLeft) const
{
    const QuerySpec& q = m_sc.query;
    // Only a join right after the previous one: a projection, dedup or aggregation between them
    // has constraints of its own, not modelled here.
    if (stage >= q.then.size() || !q.then[stage].selectExpr.empty())
        return {};
    if (stage == 0 && (!q.selectExpr.empty() || q.dropDuplicates || q.dropDuplicatesWithinWatermark || q.groupBy || q.agg))
        return {};
    if (stage > 0) {
        const ChainStageSpec& before = q.then[stage - 1];
        if (!before.join || before.dropDuplicates || before.dropDuplicatesWithinWatermark || before.groupBy || before.agg)
            return {};
    }
    std::vector<AstPtr> below = m_joinOutputConstraints;
    // The filters between the joins, over the previous join's output.
    if (stage == 0 && q.where)
        for (const AstPtr& c : splitConjunctivePredicates(parseExpr(*q.where, "query.where", m_v)))
            below.push_back(c);
    if (q.then[stage].where)
        for (const AstPtr& c : splitConjunctivePredicates(parseExpr(*q.then[stage].where, indexed("query.then", stage) + ".where", m_v)))
            below.push_back(c);
    std::vector<AstPtr> out;
    for (const AstPtr& c : below)
        if (AstPtr lifted = onJoinedSide(c, joinedLeft))
            out.push_back(std::move(lifted));
    return out;
}

void Analyzer::inferThroughKeys(JoinPlan& j, const JoinSides& sides, const std::vector<AstPtr>& condition, const std::string& path)
{
    std::vector<AstPtr> onLeft, onRight;
    if (sides.left)
        addOwnFilters(*sides.left, "left", j.leftSchema, onLeft);
    else
        onLeft = sides.leftConstraints;
    addOwnFilters(*sides.right, "right", j.rightSchema, onRight);
    m_joinOutputConstraints = outputConstraints(j, m_constraintsType.value_or(j.type), condition, onLeft, onRight, path);
    // A conjunct of the condition counted twice changes nothing.
    std::vector<AstPtr> constraints = condition;
    constraints.insert(constraints.end(), onLeft.begin(), onLeft.end());
    constraints.insert(constraints.end(), onRight.begin(), onRight.end());
    const BindContext ctx{m_v, m_sc.zone, ""};
    // InferFiltersFromConstraints adds a filter on the inputs whose one-side conjuncts
    // PushPredicateThroughJoin may take (both for inner and left semi joins, the side an outer
    // join pads with nulls), and PushPredicateThroughNonJoin sinks it from there.
    for (const EqualityInference& inferred : inferWithinLimit(constraints, j.leftSchema, j.rightSchema, path)) {
        const bool left = inferred.side == JoinSide::Left;
        if (!(left ? joinPushesLeftConjuncts(j.type) : joinPushesRightConjuncts(j.type)))
            continue;
        auto bound = bindExpression(*inferred.conjunct, left ? j.leftSchema : j.rightSchema, ctx);
        if (!bound.ok() || bound->type.id != TypeId::Boolean)
            failFile(path, "the filter Spark infers, " + prettyName(*inferred.conjunct) + ", cannot be evaluated here");
        InputPlan* input = left ? sides.left : sides.right;
        if (!input) {
            // A joined left side checks it in the join, unless pushWhereThroughJoin moves it
            // below the join before (it reads the record).
            if (!sides.inferredBefore) {
                m_inferredOverJoin.push_back({path, j.leftOnly.size(), inferred.conjunct, inferred.constraint, inferred.equality});
                j.leftOnly.push_back(std::move(bound.value()));
            }
            continue;
        }
        const std::string text = bareName(*inferred.conjunct);
        if (std::any_of(input->steps.begin(), input->steps.end(), [&](const Step& st) { return st.inferredFromJoin && st.text == text; }))
            continue; // inferred before, from the same constraints or others
        const Schema source = m_sc.sources[input->source].schema;
        const std::size_t at = pushFilterDown(*input, std::move(bound.value()), text, source);
        Step& step = input->steps[at];
        step.pushedFromJoin = false;
        step.inferredFromJoin = true;
        step.inferredFrom = bareName(*inferred.constraint);
        step.inferredThrough = bareName(*inferred.equality);
    }
}

void Analyzer::inferAlongChainAgain(QueryPlan& plan)
{
    const QuerySpec& q = m_sc.query;
    for (std::size_t k = 0; k < plan.chain.size() && k < q.then.size(); ++k) {
        ChainStage& stage = plan.chain[k];
        if (!stage.join || !q.then[k].join || stage.path != indexed("query.then", k))
            return; // the constraints stop at the first operator that is not a join
        const StageJoinSpec& spec = *q.then[k].join;
        JoinPlan& j = *stage.join;
        JoinSides sides;
        sides.right = &plan.inputs[stage.joinInput];
        sides.leftConstraints = joinedSideConstraints(k, j.leftSchema);
        sides.inferredBefore = true;
        // The condition's conjuncts as joinPlan read them.
        std::vector<AstPtr> condition;
        for (std::size_t u = 0; u < j.usingLeft.size(); ++u)
            condition.push_back(columnEquality(j.leftSchema[j.usingLeft[u]].name, j.rightSchema[j.usingRight[u]].name));
        if (spec.on && spec.usingColumns.empty()) {
            std::vector<std::string> leftNames;
            for (std::size_t i = 0; i < stage.joinInput; ++i)
                leftNames.push_back(m_sc.sources[plan.inputs[i].source].name);
            for (const AstPtr& c : splitConjunctivePredicates(parseExpr(*spec.on, stage.path + ".join.on", m_v)))
                condition.push_back(qualify(c, leftNames, {spec.right.source}));
        }
        inferThroughKeys(j, sides, condition, stage.path + ".join");
    }
}

JoinSides Analyzer::firstJoinSides(QueryPlan& plan) const
{
    const JoinSpec& spec = *m_sc.query.join;
    JoinSides sides;
    sides.left = &plan.inputs[0];
    sides.right = &plan.inputs[1];
    sides.leftSchema = plan.inputs[0].output;
    sides.rightSchema = plan.inputs[1].output;
    sides.leftNames = {spec.left.source};
    sides.rightNames = {spec.right.source};
    sides.leftStatic = m_sc.sources[plan.inputs[0].source].isStatic;
    sides.rightStatic = m_sc.sources[plan.inputs[1].source].isStatic;
    return sides;
}

void Analyzer::joinQuery(QueryPlan& plan)
{
    const JoinSpec& spec = *m_sc.query.join;
    const std::string path = "query.join";
    plan.inputs.push_back(input(spec.left, path + ".left", true));
    plan.inputs.push_back(input(spec.right, path + ".right", true));
    const InputPlan leftBefore = plan.inputs[0], rightBefore = plan.inputs[1];
    Schema out;
    JoinPlan j = joinPlan(path, spec.type, spec.on, spec.usingColumns, firstJoinSides(plan), out);
    plan.numWatermarkNodes = m_nextWatermarkNode;

    const QuerySpec& q = m_sc.query;
    // The operators the join's output flows into, in the order the DataFrame code writes them:
    // `left.join(right, on).dropDuplicates(...).groupBy(...).agg(...)`, then `query.then`.
    std::vector<ChainStageSpec> stages;
    std::vector<std::string> stagePaths;
    if (q.dropDuplicates && q.dropDuplicatesWithinWatermark)
        failQuery("query", "give only one of \"dropDuplicates\" and \"dropDuplicatesWithinWatermark\"");
    if (q.dropDuplicates || q.dropDuplicatesWithinWatermark) {
        ChainStageSpec dedupStage;
        dedupStage.dropDuplicates = q.dropDuplicates;
        dedupStage.dropDuplicatesWithinWatermark = q.dropDuplicatesWithinWatermark;
        stages.push_back(std::move(dedupStage));
        stagePaths.push_back("query");
    }
    if (q.groupBy || q.agg) {
        ChainStageSpec aggStage;
        aggStage.groupBy = q.groupBy;
        aggStage.agg = q.agg;
        stages.push_back(std::move(aggStage));
        stagePaths.push_back("query");
    }
    for (size_t i = 0; i < q.then.size(); ++i) {
        stages.push_back(q.then[i]);
        stagePaths.push_back(indexed("query.then", i));
    }
    // The join's output keeps both sides' watermark metadata (its attributes are the inputs'),
    // which the operators after it read. Without one, nothing downstream reads it.
    if (stages.empty())
        for (auto& f : out.fields)
            f.watermarkDelayMs.reset();
    plan.join = std::move(j);

    // A withWatermark after the join: Spark 3.4+ refuses it when a side below has one
    // (failRedefiningWatermark, once its own checks have passed); otherwise it would start a
    // second event time, which Tidemark does not model.
    const bool watermarkBelow = std::any_of(plan.inputs.begin(), plan.inputs.end(), [](const InputPlan& in) {
        return std::any_of(in.steps.begin(), in.steps.end(), [](const Step& st) { return st.kind == Step::Kind::Watermark; });
    });
    const bool redefines = q.withWatermark && m_v.allowsMultipleStatefulOperators() && m_sc.conf.allowMultipleStatefulOperators && watermarkBelow;
    if (q.withWatermark && !redefines)
        failFile("query.withWatermark", "after a join Tidemark models no second withWatermark; put withWatermark on the join sides");
    Schema schema = out;
    if (!q.selectExpr.empty())
        plan.steps.push_back(project(q.selectExpr, schema, "query.selectExpr"));
    if (q.where)
        plan.steps.push_back(filter(*q.where, schema, "query.where"));
    plan.streamSchema = out;
    plan.mode = outputMode();
    if (!stages.empty()) {
        ChainHooks hooks = chainHooks();
        // A join in `query.then` (`a.join(b, ...).join(c, ...)`): its right side is a new input.
        hooks.join = [this, &plan, &q](const StageJoinSpec& stage, const std::string& at, const Schema& left, Schema& output) {
            const std::size_t index = plan.inputs.size();
            plan.inputs.push_back(input(stage.right, at + ".right", true));
            JoinSides s;
            s.right = &plan.inputs[index];
            s.leftSchema = left;
            s.rightSchema = plan.inputs[index].output;
            for (std::size_t i = 0; i < index; ++i) // the joined side's columns keep their sources' names
                s.leftNames.push_back(m_sc.sources[plan.inputs[i].source].name);
            s.rightNames = {stage.right.source};
            s.rightStatic = m_sc.sources[plan.inputs[index].source].isStatic;
            // The join before carries its constraints into this one's left side.
            for (std::size_t k = 0; k < q.then.size(); ++k)
                if (at == indexed("query.then", k) + ".join")
                    s.leftConstraints = joinedSideConstraints(k, left);
            return std::make_pair(joinPlan(at, stage.type, stage.on, stage.usingColumns, s, output), index);
        };
        plan.chain = analyzeChain(stages, schema, hooks, m_v, stagePaths);
    }
    plan.numWatermarkNodes = m_nextWatermarkNode;
    plan.output = schema;
    plan.trigger = trigger(q.trigger);
    const std::string modeWhere = m_modeOverride ? "" : "query.outputMode";
    if (auto e = checkMultipleAggregations(plan, modeWhere))
        throw AnalysisFailure{*e};
    checkForStreaming(plan);
    checkJoin(*plan.join, plan.mode, "query.join");
    for (const ChainStage& stage : plan.chain)
        if (stage.join)
            checkJoin(*stage.join, plan.mode, stage.path + ".join");
    if (auto e = checkGlobalWatermarkLimit(plan, m_sc.conf.checkCorrectness, modeWhere))
        throw AnalysisFailure{*e};
    if (redefines)
        failRedefiningWatermark("query.withWatermark");
    // Spark's optimizer runs on the plan its checks passed.
    if (pushWhereThroughJoin(plan, leftBefore, rightBefore))
        inferAlongChainAgain(plan);
}

/// StreamingSymmetricHashJoinHelper.findJoinKeyOrdinalForWatermark: the first left key that
/// is a column carrying watermark metadata, else the first such right key. State on both
/// sides is then evicted by that key (getStateWatermarkPredicates). A null-safe key is
/// coalesce(column, default) there, not a column, so it never is that key.
std::optional<size_t> Analyzer::joinKeyOrdinalForWatermark(const JoinPlan& j)
{
    for (const auto* keys : {&j.leftKeys, &j.rightKeys})
        for (size_t k = 0; k < keys->size(); ++k)
            if ((*keys)[k].op == BoundExpr::Op::Column && (*keys)[k].watermarkDelayMs && !j.nullSafeKeys[k])
                return k;
    return std::nullopt;
}

} // namespace tidemark::analysis
