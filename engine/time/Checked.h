// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

namespace tidemark {

/// a + b, or nullopt where it would overflow (Java's Math.addExact throws there).
constexpr std::optional<std::int64_t> checkedAdd(std::int64_t a, std::int64_t b)
{
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

/// a * b, or nullopt where it would overflow (Math.multiplyExact).
constexpr std::optional<std::int64_t> checkedMul(std::int64_t a, std::int64_t b)
{
    std::int64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

/// `v` as a 32-bit int, or nullopt where it does not fit (Math.toIntExact).
constexpr std::optional<std::int32_t> checkedInt32(std::int64_t v)
{
    if (v < INT32_MIN || v > INT32_MAX)
        return std::nullopt;
    return static_cast<std::int32_t>(v);
}

/// a + b clamped to the int64 range: for instants far past any scenario (the next tick after
/// the last possible one), where "never" is the honest answer and wrapping would be a lie.
constexpr std::int64_t saturatingAdd(std::int64_t a, std::int64_t b)
{
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r))
        return b > 0 ? INT64_MAX : INT64_MIN;
    return r;
}

} // namespace tidemark
