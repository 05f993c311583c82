// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ops/TimeWindows.h"

#include <algorithm>
#include <cstdint>

namespace tidemark {

void TimeWindowSpec::assign(Micros ts, const SparkVersion& version, std::vector<TimeRange>& out) const
{
    // In 128 bits, so that no timestamp of the 64-bit range wraps (a timestamp of year 290,000
    // and a window of a day). The analyzer refuses event times whose windows would leave the
    // 64-bit range (checkTimeReach), so the bounds below always fit in the end.
    __extension__ typedef __int128 Wide;
    out.clear();
    Wide lastStart = 0;
    if (version.hasNegativeWindowStartBug())
        lastStart = Wide{ts} - (Wide{ts} - startTime + slide) % slide; // C++ % truncates like Java's
    else {
        const Wide mod = (Wide{ts} - startTime) % slide;
        lastStart = Wide{ts} - (mod < 0 ? mod + slide : mod);
    }
    const std::int64_t count = windowsPerRow(); // (duration + slide - 1) / slide, without overflowing
    const bool filterByRange = duration % slide != 0;
    for (std::int64_t i = count - 1; i >= 0; --i) {
        const Wide start = lastStart - Wide{i} * slide;
        const Wide end = start + duration;
        if (start < INT64_MIN || end > INT64_MAX)
            continue; // past the last instant a timestamp can hold: no such window
        const TimeRange w{static_cast<Micros>(start), static_cast<Micros>(end)};
        if (filterByRange && !(ts >= w.start && ts < w.end))
            continue;
        out.push_back(w);
    }
}

} // namespace tidemark
