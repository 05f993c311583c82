// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/SparkVersion.h"
#include "engine/time/Time.h"

#include <vector>

namespace tidemark {

/// window(timeColumn, duration, slide, startTime) in microseconds.
struct TimeWindowSpec {
    Micros duration = 0;
    Micros slide = 0;
    Micros startTime = 0;
    bool operator==(const TimeWindowSpec&) const = default;

    bool isTumbling() const { return duration == slide; }
    /// ceil(duration / slide): how many candidate windows assign() walks for each row.
    std::int64_t windowsPerRow() const { return duration / slide + (duration % slide != 0 ? 1 : 0); }

    /// The windows an event time falls in, oldest first, as Spark's TimeWindowing rule
    /// computes them (ResolveTimeWindows.scala): candidates
    /// `[lastStart - i*slide, lastStart - i*slide + duration)` for i in [0, ceil(duration/slide)),
    /// where lastStart = ts - floorMod(ts - startTime, slide). When duration % slide != 0 the
    /// candidates are filtered to those containing ts (`ts >= start && ts < end`); when it
    /// divides, every candidate is kept (only IsNotNull is applied). Spark 3.3 (SPARK-38069)
    /// used `ts - (ts - startTime + slide) % slide` with Java's truncating remainder, which
    /// misplaces timestamps more than one slide before startTime; 3.4 (SPARK-39347) fixed it.
    void assign(Micros ts, const SparkVersion& version, std::vector<TimeRange>& out) const;
};

} // namespace tidemark
