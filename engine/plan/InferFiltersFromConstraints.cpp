// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/InferFiltersFromConstraints.h"

#include "engine/plan/PredicatePushdown.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

namespace tidemark {

namespace {

/// Spark's NullIntolerant expressions among those Tidemark binds: a null input always gives a
/// null result. Comparisons (BinaryComparison), arithmetic (BinaryArithmetic, UnaryMinus, Abs;
/// `timestamp + interval` is TimeAdd), Not, Cast, and the string functions Upper, Lower, Length
/// and StringSplit; SecondsToTimestamp. `<=>`, AND, OR, IN, IS [NOT] NULL, coalesce, concat and
/// CASE are not: they can turn a null into a value.
bool nullIntolerant(BoundExpr::Op op)
{
    using Op = BoundExpr::Op;
    switch (op) {
    case Op::Negate: case Op::Not:
    case Op::Add: case Op::Subtract: case Op::Multiply: case Op::Divide: case Op::Remainder:
    case Op::Equal: case Op::NotEqual: case Op::Less: case Op::LessEqual: case Op::Greater: case Op::GreaterEqual:
    case Op::Cast: case Op::Lower: case Op::Upper: case Op::Length: case Op::Split: case Op::Abs: case Op::TimestampSeconds:
        return true;
    default:
        return false;
    }
}

/// QueryPlanConstraints.scanNullIntolerantAttribute: the columns reached from `e` through
/// null-intolerant expressions only, in reading order.
void scanNullIntolerantColumns(const BoundExpr& e, std::vector<std::size_t>& out)
{
    if (e.op == BoundExpr::Op::Column) {
        if (std::find(out.begin(), out.end(), e.column) == out.end())
            out.push_back(e.column);
        return;
    }
    if (!nullIntolerant(e.op))
        return;
    for (const auto& a : e.args)
        scanNullIntolerantColumns(a, out);
}

/// PredicateHelper.splitConjunctivePredicates, then inferIsNotNullConstraints on each conjunct.
void notNullColumnsOf(const BoundExpr& condition, std::vector<std::size_t>& out)
{
    if (condition.op == BoundExpr::Op::And && !condition.negated) {
        for (const auto& a : condition.args)
            notNullColumnsOf(a, out);
        return;
    }
    if (condition.op == BoundExpr::Op::IsNotNull && !condition.args.empty()) {
        scanNullIntolerantColumns(condition.args[0], out);
        return;
    }
    scanNullIntolerantColumns(condition, out);
}

/// Whether the input's own filters already imply that output column `column` is not null
/// (Spark subtracts the input's constraints from what it infers). Follows the column down
/// through renaming projections; a computed column has no such constraint here.
bool alreadyNotNull(const InputPlan& input, std::size_t column)
{
    for (auto step = input.steps.rbegin(); step != input.steps.rend(); ++step) {
        switch (step->kind) {
        case Step::Kind::Filter: {
            // A filter inferred for the next join and moved here was a Filter above the join
            // when Spark inferred this one (InferFiltersFromConstraints runs top down, once).
            if (step->inferredFromNextJoin && !step->inferredFrom.empty())
                break;
            std::vector<std::size_t> columns;
            notNullColumnsOf(step->predicate, columns);
            if (std::find(columns.begin(), columns.end(), column) != columns.end())
                return true;
            break;
        }
        case Step::Kind::Watermark: break;
        case Step::Kind::Project:
            // A window column is a struct Spark's TimeWindowing builds for every row it keeps:
            // never null (a non-nullable attribute is its own IsNotNull constraint).
            if (column < step->exprs.size() && step->exprs[column].op == BoundExpr::Op::TumblingWindow)
                return true;
            if (step->generator || column >= step->exprs.size() || step->exprs[column].op != BoundExpr::Op::Column)
                return false;
            column = step->exprs[column].column;
            break;
        }
    }
    return false;
}

/// `isnotnull(column)` over column `column` of type `type`.
BoundExpr isNotNullOf(std::size_t column, const DataType& type)
{
    BoundExpr col;
    col.op = BoundExpr::Op::Column;
    col.column = column;
    col.type = type;
    BoundExpr isNotNull;
    isNotNull.op = BoundExpr::Op::IsNotNull;
    isNotNull.type = DataType{TypeId::Boolean};
    isNotNull.args.push_back(std::move(col));
    return isNotNull;
}

void addNotNullFilters(InputPlan& input, const std::vector<std::size_t>& columns, const Schema& sourceSchema, bool fromNextJoin = false)
{
    for (std::size_t c : columns) {
        if (alreadyNotNull(input, c))
            continue;
        const std::size_t at = pushFilterDown(input, isNotNullOf(c, input.output[c].type), "isnotnull(" + input.output[c].name + ")", sourceSchema);
        input.steps[at].pushedFromJoin = false;
        input.steps[at].inferredFromJoin = true;
        input.steps[at].inferredFromNextJoin = fromNextJoin;
    }
}

} // namespace

namespace {

/// `isnotnull(column)` over a joined side: it has no input of its own to filter, so the join
/// checks it as a condition on that side (a row failing it is neither stored nor matched).
void addJoinedSideNotNull(const Schema& side, const std::vector<std::size_t>& columns, std::vector<BoundExpr>& sideConditions)
{
    for (std::size_t c : columns) {
        if (side[c].type.id == TypeId::Window)
            continue; // a window struct is never null
        sideConditions.push_back(isNotNullOf(c, side[c].type));
    }
}

} // namespace

void inferJoinNotNullFilters(JoinPlan::Type type, InputPlan* leftInput, InputPlan* rightInput, const BoundExpr& condition, std::size_t leftWidth,
                             const Schema& leftSource, const Schema& rightSource, const Schema& leftSide, std::vector<BoundExpr>& leftConditions)
{
    std::vector<std::size_t> columns;
    notNullColumnsOf(condition, columns);
    std::vector<std::size_t> left, right;
    for (std::size_t c : columns)
        (c < leftWidth ? left : right).push_back(c < leftWidth ? c : c - leftWidth);
    // The join types whose one-side conjuncts Spark pushes are the ones it infers filters for.
    if (joinPushesLeftConjuncts(type)) {
        if (leftInput)
            addNotNullFilters(*leftInput, left, leftSource);
        else
            addJoinedSideNotNull(leftSide, left, leftConditions);
    }
    if (joinPushesRightConjuncts(type))
        addNotNullFilters(*rightInput, right, rightSource);
}

void inferUsingNotNullFilters(JoinPlan::Type type, InputPlan* leftInput, InputPlan* rightInput, const std::vector<std::size_t>& leftKeys,
                              const std::vector<std::size_t>& rightKeys, const Schema& leftSource, const Schema& rightSource, const Schema& leftSide,
                              std::vector<BoundExpr>& leftConditions)
{
    if (joinPushesLeftConjuncts(type)) {
        if (leftInput)
            addNotNullFilters(*leftInput, leftKeys, leftSource);
        else
            addJoinedSideNotNull(leftSide, leftKeys, leftConditions);
    }
    if (joinPushesRightConjuncts(type))
        addNotNullFilters(*rightInput, rightKeys, rightSource);
}

void addInferredNotNullFilters(InputPlan& input, const std::vector<std::size_t>& columns, const Schema& sourceSchema)
{
    addNotNullFilters(input, columns, sourceSchema, true);
}

std::vector<std::size_t> notNullColumns(const BoundExpr& condition)
{
    std::vector<std::size_t> columns;
    notNullColumnsOf(condition, columns);
    return columns;
}

namespace {

using SideColumn = std::pair<JoinSide, std::size_t>;

/// The column of one side `a` names, or nothing when it is not a column or names both or none.
std::optional<SideColumn> sideColumn(const Ast& a, const Schema& left, const Schema& right)
{
    if (a.kind != Ast::Kind::Column)
        return std::nullopt;
    const std::optional<JoinSide> side = sideOf(a, left, right);
    if (!side)
        return std::nullopt;
    const Schema& s = *side == JoinSide::Left ? left : right;
    const auto index = a.qualifier.empty() ? s.find(a.name) : s.find(a.qualifier, a.name);
    if (!index)
        return std::nullopt;
    return SideColumn{*side, *index};
}

bool readsColumn(const Ast& a, const SideColumn& column, const Schema& left, const Schema& right)
{
    if (a.kind == Ast::Kind::Column)
        return sideColumn(a, left, right) == column;
    return std::any_of(a.args.begin(), a.args.end(), [&](const AstPtr& c) { return readsColumn(*c, column, left, right); });
}

/// replaceConstraints: `a` with every read of `from` replaced by `to`.
AstPtr replaceColumn(const AstPtr& a, const SideColumn& from, const AstPtr& to, const Schema& left, const Schema& right)
{
    if (a->kind == Ast::Kind::Column)
        return sideColumn(*a, left, right) == from ? to : a;
    auto copy = std::make_shared<Ast>(*a);
    for (auto& c : copy->args)
        c = replaceColumn(c, from, to, left, right);
    return copy;
}

/// A text that two constraints share exactly when they are the same expression over the same
/// columns, however the columns are qualified or the names cased (ExpressionSet compares
/// canonical forms; operands written in another order count as different here). Hashed, so that
/// a condition of many equalities costs one lookup per rewritten constraint.
void appendCanonical(const Ast& a, const Schema& left, const Schema& right, std::string& out)
{
    const auto lower = [](std::string text) {
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        return text;
    };
    out += std::to_string(static_cast<int>(a.kind));
    if (a.kind == Ast::Kind::Column) {
        if (const auto c = sideColumn(a, left, right))
            out += (c->first == JoinSide::Left ? "L" : "R") + std::to_string(c->second);
        else
            out += "?" + lower(a.qualifier) + "." + lower(a.name);
        return;
    }
    out += "|" + a.op + "|" + lower(a.name) + (a.negated ? "|!" : "|");
    if (a.kind == Ast::Kind::Literal)
        out += prettyName(a) + "|" + sparkTypeName(a.literalType) + "|" + a.months;
    if (a.kind == Ast::Kind::Cast)
        out += sparkTypeName(a.castType);
    out += "(";
    for (const AstPtr& c : a.args) {
        appendCanonical(*c, left, right, out);
        out += ",";
    }
    out += ")";
}

std::string canonical(const Ast& a, const Schema& left, const Schema& right)
{
    std::string out;
    appendCanonical(a, left, right, out);
    return out;
}

} // namespace

std::vector<EqualityInference> inferThroughKeyEqualities(const std::vector<AstPtr>& constraints, const Schema& left, const Schema& right,
                                                        std::size_t limit)
{
    std::vector<EqualityInference> out;
    std::unordered_set<std::string> known;
    for (const AstPtr& c : constraints)
        known.insert(canonical(*c, left, right));
    const auto isNotNull = [](const Ast& a) { return a.kind == Ast::Kind::IsNull && a.negated; };
    const auto type = [&](const SideColumn& c) { return (c.first == JoinSide::Left ? left : right)[c.second].type; };
    for (const AstPtr& eq : constraints) {
        // EqualTo(l, r); `<=>` is EqualNullSafe, not this case.
        if (eq->kind != Ast::Kind::Binary || eq->op != "=")
            continue;
        // Each direction the equality rewrites in: a column read in a constraint and what
        // replaces it there. EqualTo(l: Attribute, r: Attribute) of one type rewrites both
        // ways; EqualTo(Cast(l: Attribute), r: Attribute) replaces r by the cast only (and the
        // mirror case). Columns of two numeric types are compared as Spark's type coercion
        // writes them: the narrower one cast to the wider (int < bigint < double).
        std::vector<std::pair<SideColumn, AstPtr>> rewrites;
        const auto castOf = [&](const Ast& e) -> std::optional<SideColumn> {
            if (e.kind != Ast::Kind::Cast || e.args.size() != 1)
                return std::nullopt;
            return sideColumn(*e.args[0], left, right);
        };
        const auto a = sideColumn(*eq->args[0], left, right);
        const auto b = sideColumn(*eq->args[1], left, right);
        if (a && b && a->first != b->first) {
            if (type(*a) == type(*b)) {
                rewrites = {{*a, eq->args[1]}, {*b, eq->args[0]}};
            } else if (type(*a).isNumeric() && type(*b).isNumeric()) {
                const bool aNarrower = static_cast<int>(type(*a).id) < static_cast<int>(type(*b).id); // Int < Long < Double
                auto cast = std::make_shared<Ast>();
                cast->kind = Ast::Kind::Cast;
                cast->castType = aNarrower ? type(*b) : type(*a);
                cast->args = {aNarrower ? eq->args[0] : eq->args[1]};
                rewrites = {{aNarrower ? *b : *a, cast}};
            }
        } else if (const auto ca = castOf(*eq->args[0]); ca && b && ca->first != b->first && eq->args[0]->castType == type(*b)) {
            rewrites = {{*b, eq->args[0]}};
        } else if (const auto cb = castOf(*eq->args[1]); cb && a && cb->first != a->first && eq->args[1]->castType == type(*a)) {
            rewrites = {{*a, eq->args[1]}};
        }
        // (Two columns of one side: that side's own constraints already hold what it implies.)
        for (const AstPtr& c : constraints) {
            if (c == eq || isNotNull(*c))
                continue;
            for (const auto& [from, to] : rewrites) {
                if (!readsColumn(*c, from, left, right))
                    continue;
                AstPtr rewritten = replaceColumn(c, from, to, left, right);
                const std::optional<JoinSide> side = sideOf(*rewritten, left, right);
                if (!side || !known.insert(canonical(*rewritten, left, right)).second)
                    continue;
                out.push_back({std::move(rewritten), *side, c, eq});
                if (out.size() > limit)
                    return out;
            }
        }
    }
    return out;
}

std::string bareName(const Ast& a)
{
    const std::string text = prettyName(a);
    switch (a.kind) {
    case Ast::Kind::Unary: case Ast::Kind::Binary: case Ast::Kind::Between: case Ast::Kind::In: case Ast::Kind::IsNull:
        return text.substr(1, text.size() - 2);
    default:
        return text;
    }
}

AstPtr qualifiedForSide(const AstPtr& a, const std::string& qualifier, const Schema& side)
{
    auto copy = std::make_shared<Ast>(*a);
    if (copy->kind == Ast::Kind::Column) {
        if (!side.find(copy->name))
            return nullptr;
        copy->qualifier = qualifier;
        return copy;
    }
    for (auto& c : copy->args)
        if (!(c = qualifiedForSide(c, qualifier, side)))
            return nullptr;
    return copy;
}

} // namespace tidemark
