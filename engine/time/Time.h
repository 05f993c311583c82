// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
// <utility> before <compare>: Qt 6.4's moc reads this header through the tests and fails on
// libstdc++'s <compare> unless <utility> was read before it.
#include <utility>
#include <compare>

namespace tidemark {

/// Instants and durations are microseconds since the Unix epoch (UTC), Spark's internal
/// TimestampType unit. Watermarks are milliseconds, as Spark keeps them.
using Micros = std::int64_t;
using Millis = std::int64_t;

inline constexpr Micros kMicrosPerMilli = 1000;
inline constexpr Micros kMicrosPerSecond = 1000 * kMicrosPerMilli;
inline constexpr Micros kMicrosPerMinute = 60 * kMicrosPerSecond;
inline constexpr Micros kMicrosPerHour = 60 * kMicrosPerMinute;
inline constexpr Micros kMicrosPerDay = 24 * kMicrosPerHour;

/// floor(a / b) for b > 0 (Math.floorDiv).
constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// a - b * floorDiv(a, b) (Math.floorMod), computed from a % b so that it cannot overflow
/// near the ends of the 64-bit range.
constexpr std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    const std::int64_t r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

/// Spark's DateTimeUtils.microsToMillis: floor division, so pre-epoch instants round down.
constexpr Millis microsToMillis(Micros us) { return floorDiv(us, kMicrosPerMilli); }

/// Half-open [start, end) range of event time, Spark's window struct.
struct TimeRange {
    Micros start = 0;
    Micros end = 0;
    auto operator<=>(const TimeRange&) const = default;
};

} // namespace tidemark
