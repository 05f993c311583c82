// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/JoinCondition.h"

#include <map>

namespace tidemark {

namespace {

void conjuncts(const AstPtr& a, std::vector<AstPtr>& out)
{
    if (a->kind == Ast::Kind::Binary && a->op == "AND") {
        conjuncts(a->args[0], out);
        conjuncts(a->args[1], out);
        return;
    }
    out.push_back(a);
}

} // namespace

std::vector<AstPtr> splitConjunctivePredicates(const AstPtr& condition)
{
    std::vector<AstPtr> out;
    conjuncts(condition, out);
    return out;
}

AstPtr conjunction(const std::vector<AstPtr>& parts)
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

namespace {

std::optional<std::size_t> resolve(const Ast& col, const Schema& s)
{
    if (!col.qualifier.empty())
        return s.find(col.qualifier, col.name);
    return s.find(col.name);
}

/// Sides referenced by an expression: bit 1 left, bit 2 right.
int references(const Ast& a, const Schema& left, const Schema& right)
{
    if (a.kind == Ast::Kind::Column) {
        int r = 0;
        if (resolve(a, left))
            r |= 1;
        if (resolve(a, right))
            r |= 2;
        return r;
    }
    int r = 0;
    for (const auto& c : a.args)
        r |= references(*c, left, right);
    return r;
}

/// A linear form sum(coeff * column) + constant, with columns keyed by (side, index).
struct Linear {
    std::map<std::pair<int, std::size_t>, int> terms;
    Micros constant = 0;
};

std::optional<Linear> linear(const Ast& a, const Schema& left, const Schema& right)
{
    switch (a.kind) {
    case Ast::Kind::Column: {
        Linear l;
        if (auto i = resolve(a, left); i && !resolve(a, right))
            l.terms[{0, *i}] = 1;
        else if (auto j = resolve(a, right); j && !resolve(a, left))
            l.terms[{1, *j}] = 1;
        else
            return std::nullopt;
        return l;
    }
    case Ast::Kind::Literal:
        if (a.literalType.id == TypeId::Interval && a.months.empty()) {
            Linear l;
            l.constant = a.literal.asInt();
            return l;
        }
        return std::nullopt;
    case Ast::Kind::Unary:
        if (a.op == "-") {
            auto inner = linear(*a.args[0], left, right);
            if (!inner)
                return std::nullopt;
            for (auto& [k, v] : inner->terms)
                v = -v;
            inner->constant = -inner->constant;
            return inner;
        }
        return std::nullopt;
    case Ast::Kind::Binary:
        if (a.op == "+" || a.op == "-") {
            auto l = linear(*a.args[0], left, right);
            auto r = linear(*a.args[1], left, right);
            if (!l || !r)
                return std::nullopt;
            const int sign = a.op == "+" ? 1 : -1;
            for (const auto& [k, v] : r->terms)
                l->terms[k] += sign * v;
            l->constant += sign * r->constant;
            return l;
        }
        return std::nullopt;
    case Ast::Kind::Cast:
        if (a.castType.id == TypeId::Timestamp)
            return linear(*a.args[0], left, right);
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

/// getStateWatermarkFromLessThenPredicate for `x < y` (strict) or `x <= y`.
std::optional<Micros> boundFromLessThan(const Ast& x, const Ast& y, bool inclusive, JoinSide side, const Schema& left, const Schema& right)
{
    auto lx = linear(x, left, right);
    auto ly = linear(y, left, right);
    if (!lx || !ly)
        return std::nullopt;
    // diff = x - y < 0
    Linear diff = *lx;
    for (const auto& [k, v] : ly->terms)
        diff.terms[k] -= v;
    diff.constant -= ly->constant;
    const int s = side == JoinSide::Left ? 0 : 1;
    const Schema& other = side == JoinSide::Left ? right : left;
    std::optional<std::pair<std::size_t, int>> stateTerm, otherTerm;
    for (const auto& [k, coeff] : diff.terms) {
        if (coeff == 0)
            continue;
        if (coeff != 1 && coeff != -1)
            return std::nullopt;
        if (k.first == s) {
            if (stateTerm)
                return std::nullopt; // more than one column of the state side
            stateTerm = std::pair{k.second, coeff};
        } else {
            if (otherTerm)
                return std::nullopt;
            otherTerm = std::pair{k.second, coeff};
        }
    }
    // S must be on the greater side (negative in x - y) and the other side's column must be
    // watermarked, so that substituting W gives a lower bound for S.
    if (!stateTerm || !otherTerm || stateTerm->second != -1 || otherTerm->second != 1)
        return std::nullopt;
    if (!other[otherTerm->first].watermarkDelayMs)
        return std::nullopt;
    // O + c - S < 0  =>  S > O + c, with O := W.
    Micros bound = diff.constant;
    if (inclusive)
        bound -= kMicrosPerMilli; // Spark subtracts 1 (ms) for <= and >=
    return bound;
}

std::optional<Micros> boundFromConjunct(const Ast& c, JoinSide side, const Schema& left, const Schema& right)
{
    if (c.kind == Ast::Kind::Between && !c.negated) {
        // x BETWEEN a AND b is x >= a AND x <= b
        auto lo = boundFromLessThan(*c.args[1], *c.args[0], true, side, left, right);
        auto hi = boundFromLessThan(*c.args[0], *c.args[2], true, side, left, right);
        if (lo && hi)
            return std::min(*lo, *hi);
        return lo ? lo : hi;
    }
    if (c.kind != Ast::Kind::Binary)
        return std::nullopt;
    const Ast& a = *c.args[0];
    const Ast& b = *c.args[1];
    if (c.op == "<")
        return boundFromLessThan(a, b, false, side, left, right);
    if (c.op == "<=")
        return boundFromLessThan(a, b, true, side, left, right);
    if (c.op == ">")
        return boundFromLessThan(b, a, false, side, left, right);
    if (c.op == ">=")
        return boundFromLessThan(b, a, true, side, left, right);
    return std::nullopt;
}

} // namespace

std::optional<JoinSide> sideOf(const Ast& ast, const Schema& left, const Schema& right)
{
    const int r = references(ast, left, right);
    if (r == 1)
        return JoinSide::Left;
    if (r == 2)
        return JoinSide::Right;
    return std::nullopt;
}

SplitCondition splitJoinCondition(const AstPtr& condition, const Schema& left, const Schema& right)
{
    SplitCondition out;
    std::vector<AstPtr> parts;
    conjuncts(condition, parts);
    for (const auto& c : parts) {
        const int r = references(*c, left, right);
        // ExtractEquiJoinKeys: EqualTo and EqualNullSafe between the two sides are keys (the
        // null-safe one as coalesce(x, default) and isnull(x), i.e. null matches null).
        if (c->kind == Ast::Kind::Binary && (c->op == "=" || c->op == "<=>")) {
            const bool nullSafe = c->op == "<=>";
            const int a = references(*c->args[0], left, right);
            const int b = references(*c->args[1], left, right);
            if (a == 1 && b == 2) {
                out.keys.push_back({c->args[0], c->args[1], nullSafe});
                continue;
            }
            if (a == 2 && b == 1) {
                out.keys.push_back({c->args[1], c->args[0], nullSafe});
                continue;
            }
        }
        if (r == 1)
            out.leftOnly.push_back(c);
        else if (r == 2)
            out.rightOnly.push_back(c);
        else
            out.both.push_back(c);
    }
    return out;
}

std::optional<Micros> stateValueWatermarkOffset(const std::vector<AstPtr>& both, JoinSide side, const Schema& left, const Schema& right)
{
    std::optional<Micros> best;
    for (const auto& c : both)
        if (auto b = boundFromConjunct(*c, side, left, right))
            best = best ? std::min(*best, *b) : *b;
    return best;
}

} // namespace tidemark
