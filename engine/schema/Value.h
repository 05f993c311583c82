// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/time/Time.h"

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace tidemark {

class Value;
using ValueList = std::shared_ptr<const std::vector<Value>>;

/// One cell. The logical type (int vs timestamp, say) comes from the schema, so the
/// representation only distinguishes what the engine computes with: null, boolean,
/// 64-bit integer (int, long, timestamp in microseconds), double, string, a window
/// struct {start, end}, and an array.
class Value {
public:
    Value() = default;
    Value(bool b) : m_v(b) {}
    Value(std::int64_t i) : m_v(i) {}
    Value(int i) : m_v(static_cast<std::int64_t>(i)) {}
    Value(double d) : m_v(d) {}
    Value(std::string s) : m_v(std::move(s)) {}
    Value(const char* s) : m_v(std::string(s)) {}
    Value(TimeRange r) : m_v(r) {}
    Value(ValueList l) : m_v(std::move(l)) {}

    bool isNull() const { return m_v.index() == 0; }
    bool isBool() const { return m_v.index() == 1; }
    bool isInt() const { return m_v.index() == 2; }
    bool isDouble() const { return m_v.index() == 3; }
    bool isString() const { return m_v.index() == 4; }
    bool isRange() const { return m_v.index() == 5; }
    bool isList() const { return m_v.index() == 6; }

    bool asBool() const { return std::get<1>(m_v); }
    std::int64_t asInt() const { return std::get<2>(m_v); }
    double asDouble() const { return std::get<3>(m_v); }
    const std::string& asString() const { return std::get<4>(m_v); }
    const TimeRange& asRange() const { return std::get<5>(m_v); }
    const std::vector<Value>& asList() const { return *std::get<6>(m_v); }

    /// Numeric value as double (integers widened); 0 for non-numbers.
    double toDouble() const;

    bool operator==(const Value& other) const
    {
        if (isInt() && other.isInt()) // the hot path of grouping and joining
            return asInt() == other.asInt();
        return equalsSlow(other);
    }
    /// Total order used for deterministic output: null first, then by value (numbers
    /// compare numerically across int and double, strings by UTF-8 bytes).
    std::strong_ordering operator<=>(const Value& other) const
    {
        if (isInt() && other.isInt())
            return asInt() <=> other.asInt();
        return compareSlow(other);
    }

    std::size_t hash() const;

private:
    bool equalsSlow(const Value& other) const;
    std::strong_ordering compareSlow(const Value& other) const;

    std::variant<std::monostate, bool, std::int64_t, double, std::string, TimeRange, ValueList> m_v;
};

/// A row: one Value per schema column.
using Row = std::vector<Value>;

std::size_t hashRow(const Row& row);

inline std::size_t hashCombine(std::size_t seed, std::size_t h)
{
    return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

} // namespace tidemark
