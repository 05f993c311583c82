// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/expr/Aggregates.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace tidemark {

void accumulate(const AggFunction& fn, Accumulator& acc, const Value& input)
{
    using K = AggFunction::Kind;
    if (fn.kind == K::CountStar) {
        ++acc.count;
        return;
    }
    if (input.isNull())
        return;
    switch (fn.kind) {
    case K::CountStar:
    case K::Count: ++acc.count; break;
    case K::Sum:
        ++acc.count;
        if (fn.resultType.id == TypeId::Double)
            acc.doubleSum += input.toDouble();
        else
            acc.intSum = static_cast<std::int64_t>(static_cast<std::uint64_t>(acc.intSum) + static_cast<std::uint64_t>(input.asInt()));
        break;
    case K::Avg:
        ++acc.count;
        acc.doubleSum += input.toDouble(); // Average keeps a double sum for integral input
        break;
    case K::Min:
        if (acc.extreme.isNull() || input < acc.extreme)
            acc.extreme = input;
        break;
    case K::Max:
        if (acc.extreme.isNull() || input > acc.extreme)
            acc.extreme = input;
        break;
    case K::CollectList: acc.values.push_back(input); break;
    case K::CollectSet:
    case K::ApproxCountDistinct:
        if (std::find(acc.values.begin(), acc.values.end(), input) == acc.values.end())
            acc.values.push_back(input);
        break;
    case K::StddevSamp: {
        // CentralMomentAgg.update: n, avg, m2 updated per value.
        const double x = input.toDouble();
        const double n = static_cast<double>(acc.count) + 1.0;
        const double delta = x - acc.mean;
        const double deltaN = delta / n;
        acc.mean += deltaN;
        acc.m2 += delta * (delta - deltaN);
        ++acc.count;
        break;
    }
    }
}

Value aggregateResult(const AggFunction& fn, const Accumulator& acc)
{
    using K = AggFunction::Kind;
    switch (fn.kind) {
    case K::CountStar:
    case K::Count: return Value(acc.count);
    case K::Sum:
        if (acc.count == 0)
            return {};
        return fn.resultType.id == TypeId::Double ? Value(acc.doubleSum) : Value(acc.intSum);
    case K::Avg: return acc.count == 0 ? Value() : Value(acc.doubleSum / static_cast<double>(acc.count));
    case K::Min:
    case K::Max: return acc.extreme;
    case K::CollectList:
    case K::CollectSet: return Value(ValueList(std::make_shared<const std::vector<Value>>(acc.values)));
    case K::ApproxCountDistinct: return Value(static_cast<std::int64_t>(acc.values.size()));
    case K::StddevSamp:
        if (acc.count <= 1)
            return {}; // n == 0: null; n == 1: null (nullOnDivideByZero, Spark 3.0+)
        return Value(std::sqrt(acc.m2 / (static_cast<double>(acc.count) - 1.0)));
    }
    return {};
}

} // namespace tidemark
