// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/time/Time.h"

#include <cmath>

namespace tidemark::ui {

/// Plots and charts use seconds since the epoch as doubles: exact to the microsecond for
/// any date the classroom meets, and what QCustomPlot's axes expect.
inline double toPlotSeconds(Micros t) { return static_cast<double>(t) / static_cast<double>(kMicrosPerSecond); }
inline double msToPlotSeconds(Millis t) { return static_cast<double>(t) / 1000.0; }
inline Micros fromPlotSeconds(double s) { return static_cast<Micros>(std::llround(s * static_cast<double>(kMicrosPerSecond))); }

/// Rounds a time picked with the mouse to a step a teacher would type (whole seconds when
/// zoomed in, whole minutes when the view spans hours).
inline Micros snapPickedTime(Micros t, Micros visibleSpan)
{
    const Micros step = visibleSpan > 2 * kMicrosPerHour ? kMicrosPerMinute
                        : visibleSpan > 10 * kMicrosPerMinute ? 10 * kMicrosPerSecond
                                                               : kMicrosPerSecond;
    return floorDiv(t + step / 2, step) * step;
}

} // namespace tidemark::ui
