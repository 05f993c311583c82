// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/expr/TimeWindows.h"

#include <algorithm>
#include <cstdint>

namespace tidemark {

namespace {

__extension__ typedef __int128 Wide;

/// TimeWindowSpec::assign computed in `Int`: 128 bits for any operands, 64 bits when none
/// lies near the ends of the range (no intermediate can wrap then, and every window fits).
template <typename Int>
void assignIn(const TimeWindowSpec& spec, Micros ts, bool negativeStartBug, std::vector<TimeRange>& out)
{
    const Int slide = spec.slide;
    Int lastStart = 0;
    if (negativeStartBug)
        lastStart = Int{ts} - (Int{ts} - spec.startTime + slide) % slide; // C++ % truncates like Java's
    else {
        const Int mod = (Int{ts} - spec.startTime) % slide;
        lastStart = Int{ts} - (mod < 0 ? mod + slide : mod);
    }
    const std::int64_t count = spec.windowsPerRow(); // (duration + slide - 1) / slide, without overflowing
    const bool filterByRange = spec.duration % spec.slide != 0;
    for (std::int64_t i = count - 1; i >= 0; --i) {
        const Int start = lastStart - Int{i} * slide;
        const Int end = start + spec.duration;
        if constexpr (sizeof(Int) > sizeof(Micros)) {
            if (start < INT64_MIN || end > INT64_MAX)
                continue; // past the last instant a timestamp can hold: no such window
        }
        const TimeRange w{static_cast<Micros>(start), static_cast<Micros>(end)};
        if (filterByRange && !(ts >= w.start && ts < w.end))
            continue;
        out.push_back(w);
    }
}

} // namespace

void TimeWindowSpec::assign(Micros ts, const SparkVersion& version, std::vector<TimeRange>& out) const
{
    // In 128 bits, so that no timestamp of the 64-bit range wraps (a timestamp of year 290,000
    // and a window of a day). The analyzer refuses event times whose windows would leave the
    // 64-bit range (checkTimeReach), so the bounds below always fit in the end. Operands below
    // 2^60 in magnitude (until year 38,000) keep every intermediate below 2^62: 64 bits do.
    constexpr Micros kSmall = Micros{1} << 60;
    out.clear();
    const auto small = [](Micros v) { return v > -kSmall && v < kSmall; };
    if (small(ts) && small(startTime) && small(duration) && small(slide))
        assignIn<std::int64_t>(*this, ts, version.hasNegativeWindowStartBug(), out);
    else
        assignIn<Wide>(*this, ts, version.hasNegativeWindowStartBug(), out);
}

} // namespace tidemark
