// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ops/TimeWindows.h"

#include <algorithm>

namespace tidemark {

void TimeWindowSpec::assign(Micros ts, const SparkVersion& version, std::vector<TimeRange>& out) const
{
    out.clear();
    Micros lastStart = 0;
    if (version.hasNegativeWindowStartBug())
        lastStart = ts - (ts - startTime + slide) % slide; // C++ % truncates like Java's
    else
        lastStart = ts - floorMod(ts - startTime, slide);
    const std::int64_t count = windowsPerRow(); // (duration + slide - 1) / slide, without overflowing
    const bool filterByRange = duration % slide != 0;
    for (std::int64_t i = count - 1; i >= 0; --i) {
        const Micros start = lastStart - i * slide;
        const TimeRange w{start, start + duration};
        if (filterByRange && !(ts >= w.start && ts < w.end))
            continue;
        out.push_back(w);
    }
}

} // namespace tidemark
