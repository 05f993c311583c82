// SPDX-License-Identifier: GPL-3.0-or-later
// The filters between the query's join and what follows it: `join(...).where(...)` (also after
// a `selectExpr`, through which the filter passes first), the `where` of a join in `then` that
// comes right after it, and that join's conditions on the first join's columns alone. Spark's
// optimizer moves them into and below the first join (EliminateOuterJoin, then
// PushPredicateThroughJoin's case for a Filter over a Join), so the rows a one-side conjunct
// rejects are never stored and, below withWatermark, never move it.
#include "engine/plan/AnalyzerRules.h"

#include "engine/expr/Parser.h"
#include "engine/plan/EliminateOuterJoin.h"
#include "engine/plan/InferFiltersFromConstraints.h"
#include "engine/plan/JoinCondition.h"
#include "engine/plan/PredicatePushdown.h"

#include <algorithm>
#include <optional>

namespace tidemark::analysis {

namespace {

/// Where a filter above the join comes from.
enum class Origin : std::uint8_t {
    QueryWhere, ///< the query's `where`, right after the join
    StageWhere, ///< the `where` of the first stage of `then`, itself a join
    NextJoinOn, ///< a conjunct of that join's `on` on this join's columns alone
    Inferred,   ///< a filter inferred for that join's left side through its key (InferredOverJoin)
};

/// Where the optimizer takes one conjunct.
enum class Place : std::uint8_t { Left, Right, Condition, Above };

struct Part {
    AstPtr ast;     ///< qualified for the first join's sides; null when it cannot be moved
    AstPtr written; ///< as written over the join's output (a `using` key unqualified)
    Origin origin;
    std::size_t index = 0; ///< NextJoinOn, Inferred: its position in the next join's left-side conditions
    Place place = Place::Above;
    bool readsUsingKey = false; ///< it reads a merged key of a `using` join
    std::optional<InferredOverJoin> inferred = std::nullopt; ///< Inferred: what it was inferred from
};

/// `a`, over the next join's left side (every column `left.`), read over this join's two
/// sides: each column by its name on the one side that has it. Null when a name is on both
/// sides (a `using` key, or a column both inputs have) or on neither.
AstPtr onJoinSides(const AstPtr& a, const Schema& left, const Schema& right)
{
    auto copy = std::make_shared<Ast>(*a);
    if (copy->kind == Ast::Kind::Column) {
        const auto named = [&](const Schema& s) {
            return std::count_if(s.fields.begin(), s.fields.end(), [&](const Field& f) { return equalsIgnoreCase(f.name, copy->name); });
        };
        const auto l = named(left), r = named(right);
        if (l + r != 1)
            return nullptr;
        copy->qualifier = l ? "left" : "right";
        return copy;
    }
    for (auto& c : copy->args)
        if (!(c = onJoinSides(c, left, right)))
            return nullptr;
    return copy;
}

/// True when `a` reads one of a `using` join's merged keys (a column of that name, unqualified).
bool readsUsingKey(const Ast& a, const std::vector<std::string>& keys)
{
    if (a.kind == Ast::Kind::Column && a.qualifier.empty()
        && std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return equalsIgnoreCase(k, a.name); }))
        return true;
    return std::any_of(a.args.begin(), a.args.end(), [&](const AstPtr& c) { return readsUsingKey(*c, keys); });
}

/// `a` with each merged key of a `using` join read from `side`: the join's output has each key
/// once, the left side's column for an inner, left outer or left semi join and the right side's
/// for a right outer one (Analyzer.commonNaturalJoinProcessing projects it), so the filter
/// above reads that column.
AstPtr readUsingKeysFrom(const AstPtr& a, const std::vector<std::string>& keys, const char* side)
{
    if (!readsUsingKey(*a, keys))
        return a;
    auto copy = std::make_shared<Ast>(*a);
    if (copy->kind == Ast::Kind::Column && copy->qualifier.empty())
        copy->qualifier = side;
    for (auto& c : copy->args)
        c = readUsingKeysFrom(c, keys, side);
    return copy;
}

/// The query's `selectExpr` between the join and its `where`, as PushPredicateThroughNonJoin's
/// Project case reads it: each output name and the expression it stands for.
struct Projection {
    std::vector<std::pair<std::string, AstPtr>> items;
    bool star = false; ///< `*` passes every column of the join through
    /// The column a generator (`explode`) makes: Spark's analyzer puts the Generate below the
    /// projection (ExtractGenerator), and PushPredicateThroughNonJoin's Generate case keeps a
    /// conjunct that reads it above, moving the others below it.
    std::optional<std::string> generated;
};

/// The projection `items` write, or nothing when a filter cannot pass it.
std::optional<Projection> projectionOf(const std::vector<std::string>& items)
{
    Projection p;
    for (const std::string& text : items) {
        auto parsed = parseSelectItem(text);
        if (!std::holds_alternative<SelectItem>(parsed))
            return std::nullopt;
        const SelectItem& item = std::get<SelectItem>(parsed);
        if (item.expr->kind == Ast::Kind::Star) {
            p.star = true;
            continue;
        }
        if (item.expr->kind == Ast::Kind::Call && equalsIgnoreCase(item.expr->name, "explode")) {
            p.generated = item.alias.empty() ? "col" : item.alias; // Explode's output is named `col`
            continue;
        }
        p.items.emplace_back(item.alias.empty() ? prettyName(*item.expr) : item.alias, item.expr);
    }
    return p;
}

/// `a` read below the projection: each column it names replaced by the expression that column
/// stands for (PushPredicateThroughNonJoin's replaceAlias). Null when a column is not one the
/// projection names once, nor one that `*` or a bare column passes through unchanged.
AstPtr throughProjection(const AstPtr& a, const Projection& p)
{
    if (a->kind == Ast::Kind::Column) {
        if (p.generated && a->qualifier.empty() && equalsIgnoreCase(*p.generated, a->name))
            return nullptr; // the generator's output: the conjunct stays above the Generate
        AstPtr found;
        int matches = 0;
        for (const auto& [name, expr] : p.items) {
            const bool bare = expr->kind == Ast::Kind::Column;
            if (!equalsIgnoreCase(name, a->name) || (!a->qualifier.empty() && !(bare && equalsIgnoreCase(expr->qualifier, a->qualifier))))
                continue;
            found = expr;
            ++matches;
        }
        if (matches > 1)
            return nullptr; // ambiguous: Spark's analysis would have failed
        if (matches == 1)
            return found;
        return p.star ? a : nullptr;
    }
    auto copy = std::make_shared<Ast>(*a);
    for (auto& c : copy->args)
        if (!(c = throughProjection(c, p)))
            return nullptr;
    return copy;
}

} // namespace

bool Analyzer::pushWhereThroughJoin(QueryPlan& plan, const InputPlan& leftBefore, const InputPlan& rightBefore)
{
    const QuerySpec& q = m_sc.query;
    const JoinSpec& spec = *q.join;
    JoinPlan& j = *plan.join;
    // A `where` after the query's selectExpr passes it first (PushPredicateThroughNonJoin, the
    // Project case): it reads the expressions the projection's columns stand for.
    std::optional<Projection> projection;
    if (!q.selectExpr.empty() && !(projection = projectionOf(q.selectExpr)))
        return false;
    const std::vector<std::string> leftNames{spec.left.source}, rightNames{spec.right.source};
    const std::vector<std::string>& usingKeys = spec.usingColumns;
    const char* keySide = j.type == JoinPlan::Type::RightOuter ? "right" : "left";
    std::vector<Part> parts;
    auto part = [&](const AstPtr& read, const AstPtr& written, Origin origin, std::size_t index = 0) {
        return Part{readUsingKeysFrom(read, usingKeys, keySide), written, origin, index, Place::Above, readsUsingKey(*read, usingKeys)};
    };
    auto add = [&](const std::string& text, const std::string& where, Origin origin) {
        for (const AstPtr& c : splitConjunctivePredicates(parseExpr(text, where, m_v))) {
            const AstPtr written = qualify(c, leftNames, rightNames);
            if (!projection) {
                parts.push_back(part(written, written, origin));
                continue;
            }
            // A conjunct that reads what the projection cannot give it stays above.
            const AstPtr below = throughProjection(c, *projection);
            parts.push_back(below ? part(qualify(below, leftNames, rightNames), written, origin) : Part{nullptr, written, origin});
        }
    };
    // The query's where, right after the join or after its selectExpr.
    const std::size_t whereStep = projection ? 1 : 0;
    const bool queryWhere = q.where && plan.steps.size() == whereStep + 1 && plan.steps[whereStep].kind == Step::Kind::Filter
                            && (!projection || plan.steps[0].kind == Step::Kind::Project);
    if (queryWhere)
        add(*q.where, "query.where", Origin::QueryWhere);

    // The first stage of `then`, when it follows the join directly (no dedup or aggregation of
    // the query's own between them) and selects nothing first.
    ChainStage* next = nullptr;
    const ChainStageSpec* nextSpec = nullptr;
    // (After the query's selectExpr the next stage reads its columns: its filters stay.)
    if (!projection && !plan.chain.empty() && !q.then.empty() && plan.chain[0].path == "query.then[0]" && q.then[0].selectExpr.empty()) {
        next = &plan.chain[0];
        nextSpec = &q.then[0];
    }
    const bool stageWhere = next && nextSpec->where && !next->steps.empty() && next->steps[0].kind == Step::Kind::Filter;
    if (stageWhere)
        add(*nextSpec->where, "query.then[0].where", Origin::StageWhere);
    // PushPredicateThroughJoin on the next join: its conditions on its left side's columns alone
    // become a filter over this join, where its type lets Spark take them out of it.
    std::size_t nextLeftConditions = 0; // of next->join->leftOnly, those written in its `on`
    if (next && next->join && nextSpec->join && nextSpec->join->on && nextSpec->join->usingColumns.empty()) {
        auto parsed = parseExpression(*nextSpec->join->on);
        if (std::holds_alternative<AstPtr>(parsed)) {
            std::vector<std::string> upperLeft = leftNames;
            upperLeft.insert(upperLeft.end(), rightNames.begin(), rightNames.end());
            for (const AstPtr& c : splitConjunctivePredicates(std::get<AstPtr>(parsed))) {
                const AstPtr upper = qualify(c, upperLeft, {nextSpec->join->right.source});
                if (splitJoinCondition(upper, next->join->leftSchema, next->join->rightSchema).leftOnly.size() != 1)
                    continue;
                if (joinPushesLeftConjuncts(next->join->type)) {
                    const AstPtr overThisJoin = qualify(c, leftNames, rightNames);
                    parts.push_back(part(overThisJoin, overThisJoin, Origin::NextJoinOn, nextLeftConditions));
                }
                ++nextLeftConditions;
            }
        }
    }
    // InferFiltersFromConstraints' filters for the next join's left side through its keys are a
    // Filter over this join, which the pushdown after inference moves like a `where`.
    if (next && next->join)
        for (const InferredOverJoin& f : m_inferredOverJoin)
            if (f.path == next->path + ".join")
                if (AstPtr over = onJoinSides(f.conjunct, j.leftSchema, j.rightSchema))
                    parts.push_back(Part{over, over, Origin::Inferred, f.index, Place::Above, false, f});
    const bool inferredOver = next && next->join && next->join->leftOnly.size() > nextLeftConditions;
    if (parts.empty() && !inferredOver)
        return false;
    // A full outer `using` join's key is coalesce(left, right): a filter on it is on both sides
    // at once, and so on neither. Such a filter stays after the join, with the rest of it.
    if (j.type == JoinPlan::Type::FullOuter
        && std::any_of(parts.begin(), parts.end(), [](const Part& p) { return !p.ast || p.readsUsingKey; }))
        return false;

    // EliminateOuterJoin reads every conjunct of the filter against the joined row, with the
    // isnotnull filters Spark infers for the next join's left side (they are filters over this
    // join too).
    const Schema joined = concat(j.leftSchema, j.rightSchema);
    const BindContext ctx{m_v, m_sc.zone, q.where.value_or("")};
    std::vector<BoundExpr> bound;
    for (const Part& p : parts) {
        if (!p.ast || p.origin == Origin::Inferred)
            continue;
        auto b = bindExpression(*p.ast, joined, ctx);
        if (!b.ok())
            return false; // it resolved against the join's output, not as a conjunct over its sides: leave it
        bound.push_back(std::move(b.value()));
    }
    const JoinPlan::Type written = j.type;
    // The type Spark's filter inference sees: EliminateOuterJoin has run on the filters written
    // over the join, not yet on those inference adds.
    const JoinPlan::Type beforeInference = eliminateOuterJoin(written, bound, j.leftSchema.size());
    if (inferredOver)
        for (std::size_t k = nextLeftConditions; k < next->join->leftOnly.size(); ++k)
            bound.push_back(next->join->leftOnly[k]);
    const JoinPlan::Type type = eliminateOuterJoin(written, bound, j.leftSchema.size());

    // The isnotnull filters Spark infers for the next join's left side are a Filter over this
    // join too ("Operator Optimization after Inferring Filters" runs PushPredicateThroughJoin
    // again): each goes into the side of this join whose column it reads, where the Filter case
    // takes that side's conjuncts for this join's type, and below its watermark unless it is the
    // event time.
    // (A `using` join's output puts its keys first: its columns are not mapped here.)
    struct InferredPush {
        std::size_t index, side, column; ///< in next->join->leftOnly; 0 left, 1 right; of that side
    };
    std::vector<InferredPush> inferredPushes;
    if (inferredOver && usingKeys.empty())
        for (std::size_t k = nextLeftConditions; k < next->join->leftOnly.size(); ++k) {
            const BoundExpr& e = next->join->leftOnly[k];
            if (e.op != BoundExpr::Op::IsNotNull || e.args.size() != 1 || e.args[0].op != BoundExpr::Op::Column)
                continue;
            const std::size_t c = e.args[0].column, leftWidth = j.leftSchema.size();
            if (c < leftWidth && filterPushesLeftConjuncts(type))
                inferredPushes.push_back({k, 0, c});
            else if (c >= leftWidth && filterPushesRightConjuncts(type))
                inferredPushes.push_back({k, 1, c - leftWidth});
        }

    // PushPredicateThroughJoin, case Filter(Join): an inner join takes each side's conjuncts into
    // that side and the rest into its condition; a left outer or left semi join its left side's
    // conjuncts, a right outer join its right side's; a full outer join none. A condition of the
    // next join over both of this join's sides joins an inner join's condition too: there a time
    // range bounds this join's state as well.
    bool moved = type != written || !inferredPushes.empty();
    for (Part& p : parts) {
        if (!p.ast)
            continue;
        const SplitCondition side = splitJoinCondition(p.ast, j.leftSchema, j.rightSchema);
        if (side.leftOnly.size() == 1 && filterPushesLeftConjuncts(type))
            p.place = Place::Left;
        else if (side.rightOnly.size() == 1 && filterPushesRightConjuncts(type))
            p.place = Place::Right;
        else if (side.leftOnly.empty() && side.rightOnly.empty() && type == JoinPlan::Type::Inner && p.origin != Origin::Inferred)
            p.place = Place::Condition;
        moved = moved || p.place != Place::Above;
    }
    if (!moved)
        return false;

    // The join again, on its inputs as they were, with the moved conjuncts below and in it.
    plan.inputs[0] = leftBefore;
    plan.inputs[1] = rightBefore;
    std::vector<AstPtr> intoCondition, fromWhere, fromNextJoin;
    for (const Part& p : parts) {
        if (p.place == Place::Condition) {
            intoCondition.push_back(p.ast);
            (p.origin == Origin::NextJoinOn ? fromNextJoin : fromWhere).push_back(p.ast);
            continue;
        }
        if (p.place != Place::Left && p.place != Place::Right)
            continue;
        InputPlan& input = plan.inputs[p.place == Place::Left ? 0 : 1];
        auto b = bindExpression(*p.ast, p.place == Place::Left ? j.leftSchema : j.rightSchema, ctx);
        if (!b.ok())
            failQuery(p.origin == Origin::QueryWhere ? "query.where" : p.origin == Origin::StageWhere ? "query.then[0].where" : "query.then[0].join.on",
                      b.error().message);
        if (p.inferred) {
            const std::string text = bareName(*p.ast);
            if (std::any_of(input.steps.begin(), input.steps.end(), [&](const Step& st) { return st.inferredFromJoin && st.text == text; }))
                continue;
            Step& step = input.steps[pushFilterDown(input, std::move(b.value()), text, m_sc.sources[input.source].schema)];
            step.pushedFromJoin = false;
            step.inferredFromJoin = step.inferredFromNextJoin = true;
            step.inferredFrom = bareName(*p.inferred->constraint);
            step.inferredThrough = bareName(*p.inferred->equality);
            continue;
        }
        const std::size_t at = pushFilterDown(input, std::move(b.value()), prettyName(*p.ast), m_sc.sources[input.source].schema);
        input.steps[at].pushedFromJoin = p.origin == Origin::NextJoinOn;
        input.steps[at].pushedFromWhere = p.origin != Origin::NextJoinOn;
    }
    Schema out;
    m_constraintsType = beforeInference;
    JoinPlan optimized = joinPlan("query.join", joinTypeSparkName(type), spec.on, spec.usingColumns, firstJoinSides(plan), out, intoCondition);
    m_constraintsType.reset();
    // After the first join's own inferred filters: a column both joins' conditions make not null
    // is filtered once, as the first join's (Spark's constraints are a set).
    for (const InferredPush& push : inferredPushes) {
        InputPlan& input = plan.inputs[push.side];
        addInferredNotNullFilters(input, {push.column}, m_sc.sources[input.source].schema);
    }
    if (type != written)
        optimized.writtenType = written;
    optimized.conditionFromWhere = std::move(fromWhere);
    optimized.conditionFromNextJoin = std::move(fromNextJoin);
    j = std::move(optimized);

    // What is not moved stays where it was written: the query's where after the join, the next
    // stage's where before its join, the next join's conditions in it.
    auto rewrite = [&](std::vector<Step>& steps, std::size_t at, Origin origin, const std::string& where) {
        std::vector<AstPtr> rest;
        bool movedAny = false;
        for (const Part& p : parts)
            if (p.origin == origin) {
                if (p.place == Place::Above)
                    rest.push_back(p.written);
                else
                    movedAny = true;
            }
        if (!movedAny)
            return; // the filter as written
        if (rest.empty()) {
            steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(at));
            return;
        }
        const AstPtr kept = conjunction(rest);
        auto b = bindExpression(*kept, steps[at].output, ctx);
        if (!b.ok())
            failQuery(where, b.error().message);
        steps[at].predicate = std::move(b.value());
        steps[at].text = prettyName(*kept);
    };
    if (queryWhere)
        rewrite(plan.steps, whereStep, Origin::QueryWhere, "query.where");
    if (stageWhere)
        rewrite(next->steps, 0, Origin::StageWhere, "query.then[0].where");
    if (next && next->join) {
        std::vector<BoundExpr> kept;
        for (std::size_t k = 0; k < next->join->leftOnly.size(); ++k) {
            const bool pushed = std::any_of(parts.begin(), parts.end(),
                                            [&](const Part& p) {
                                                return (p.origin == Origin::NextJoinOn || p.origin == Origin::Inferred) && p.index == k && p.place != Place::Above;
                                            })
                                || std::any_of(inferredPushes.begin(), inferredPushes.end(), [&](const InferredPush& push) { return push.index == k; });
            if (!pushed)
                kept.push_back(next->join->leftOnly[k]);
        }
        next->join->leftOnly = std::move(kept);
    }
    return true;
}

} // namespace tidemark::analysis
