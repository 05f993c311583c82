// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/EliminateOuterJoin.h"

#include "engine/plan/InferFiltersFromConstraints.h"

#include <algorithm>

namespace tidemark {

namespace {

void columnsOf(const BoundExpr& e, std::vector<std::size_t>& out)
{
    if (e.op == BoundExpr::Op::Column)
        out.push_back(e.column);
    for (const auto& a : e.args)
        columnsOf(a, out);
}

/// EliminateOuterJoin.canFilterOutNull: the conjunct, evaluated with every column it reads null,
/// is null or false.
bool canFilterOutNull(const BoundExpr& conjunct, std::size_t width)
{
    const Value v = conjunct.eval(Row(width));
    return v.isNull() || (v.isBool() && !v.asBool());
}

} // namespace

JoinPlan::Type eliminateOuterJoin(JoinPlan::Type type, const std::vector<BoundExpr>& conjuncts, std::size_t leftWidth)
{
    using Type = JoinPlan::Type;
    if (type != Type::LeftOuter && type != Type::RightOuter && type != Type::FullOuter)
        return type;
    bool leftNonNull = false, rightNonNull = false;
    std::vector<std::vector<std::size_t>> reads(conjuncts.size());
    std::size_t width = leftWidth; // a row of nulls as wide as the columns the conjuncts read
    for (std::size_t i = 0; i < conjuncts.size(); ++i) {
        columnsOf(conjuncts[i], reads[i]);
        for (std::size_t col : reads[i])
            width = std::max(width, col + 1);
    }
    for (std::size_t i = 0; i < conjuncts.size(); ++i) {
        const BoundExpr& c = conjuncts[i];
        const std::vector<std::size_t>& read = reads[i];
        const bool leftOnly = !read.empty() && std::all_of(read.begin(), read.end(), [&](std::size_t col) { return col < leftWidth; });
        const bool rightOnly = !read.empty() && std::all_of(read.begin(), read.end(), [&](std::size_t col) { return col >= leftWidth; });
        if ((leftOnly || rightOnly) && canFilterOutNull(c, width))
            (leftOnly ? leftNonNull : rightNonNull) = true;
        for (std::size_t col : notNullColumns(c))
            (col < leftWidth ? leftNonNull : rightNonNull) = true;
    }
    switch (type) {
    case Type::LeftOuter: return rightNonNull ? Type::Inner : type;
    case Type::RightOuter: return leftNonNull ? Type::Inner : type;
    case Type::FullOuter:
        if (leftNonNull && rightNonNull)
            return Type::Inner;
        if (leftNonNull)
            return Type::LeftOuter;
        return rightNonNull ? Type::RightOuter : type;
    default: return type;
    }
}

} // namespace tidemark
