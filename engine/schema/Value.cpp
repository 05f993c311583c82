// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schema/Value.h"

#include <cmath>
#include <functional>

namespace tidemark {

double Value::toDouble() const
{
    if (isInt())
        return static_cast<double>(asInt());
    if (isDouble())
        return asDouble();
    return 0.0;
}

bool Value::equalsSlow(const Value& other) const
{
    if (m_v.index() != other.m_v.index()) {
        if ((isInt() && other.isDouble()) || (isDouble() && other.isInt()))
            return toDouble() == other.toDouble();
        return false;
    }
    if (isList())
        return asList() == other.asList();
    return m_v == other.m_v;
}

namespace {
std::strong_ordering compareDoubles(double a, double b)
{
    // Spark orders NaN above every other double, and -0.0 equal to 0.0.
    const bool an = std::isnan(a), bn = std::isnan(b);
    if (an || bn)
        return an == bn ? std::strong_ordering::equal : (an ? std::strong_ordering::greater : std::strong_ordering::less);
    if (a < b)
        return std::strong_ordering::less;
    if (a > b)
        return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}
} // namespace

std::strong_ordering Value::compareSlow(const Value& other) const
{
    if (isNull() || other.isNull())
        return isNull() == other.isNull() ? std::strong_ordering::equal
                                          : (isNull() ? std::strong_ordering::less : std::strong_ordering::greater);
    if ((isInt() || isDouble()) && (other.isInt() || other.isDouble())) {
        if (isInt() && other.isInt())
            return asInt() <=> other.asInt();
        return compareDoubles(toDouble(), other.toDouble());
    }
    if (m_v.index() != other.m_v.index())
        return m_v.index() <=> other.m_v.index();
    switch (m_v.index()) {
    case 1: return asBool() <=> other.asBool();
    case 4: {
        const int c = asString().compare(other.asString());
        return c < 0 ? std::strong_ordering::less : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }
    case 5: return asRange() <=> other.asRange();
    case 6: {
        const auto& a = asList();
        const auto& b = other.asList();
        for (size_t i = 0; i < a.size() && i < b.size(); ++i)
            if (auto c = a[i] <=> b[i]; c != 0)
                return c;
        return a.size() <=> b.size();
    }
    default: return std::strong_ordering::equal;
    }
}

std::size_t Value::hash() const
{
    switch (m_v.index()) {
    case 0: return 0x51ed27;
    case 1: return asBool() ? 0x1231 : 0x1237;
    case 2: {
        // splitmix64 finaliser: cheap and well mixed for sequential integer keys.
        std::uint64_t z = static_cast<std::uint64_t>(asInt()) + 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return static_cast<std::size_t>(z ^ (z >> 31));
    }
    case 3: {
        const double d = asDouble();
        if (d == std::floor(d) && std::abs(d) < 9.2e18)
            return Value(static_cast<std::int64_t>(d)).hash(); // equal to the same integer
        return std::hash<double>{}(d);
    }
    case 4: return std::hash<std::string>{}(asString());
    case 5: return hashCombine(Value(asRange().start).hash(), Value(asRange().end).hash());
    case 6: {
        std::size_t h = 0x6c;
        for (const Value& v : asList())
            h = hashCombine(h, v.hash());
        return h;
    }
    }
    return 0;
}

std::size_t hashRow(const Row& row)
{
    std::size_t h = 0x2545F491;
    for (const Value& v : row)
        h = hashCombine(h, v.hash());
    return h;
}

} // namespace tidemark
