// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/time/Checked.h"
#include "engine/time/Time.h"

#include <optional>

#include <string>
#include <string_view>

namespace tidemark {

/// Spark's CalendarInterval: months, days and microseconds are kept apart because their
/// lengths depend on where they are used (a watermark delay counts a month as 31 days,
/// a window duration rejects months).
struct Interval {
    std::int32_t months = 0;
    std::int32_t days = 0;
    Micros micros = 0;
    std::string text; ///< The string it was parsed from, for messages.

    /// IntervalUtils.isNegative; call exactDurationMicros() first, which says whether it fits.
    bool isNegative() const;
    /// Duration with days of 24 h, ignoring months (the callers reject months first);
    /// callers check exactMicrosNoMonths() first where the value comes from the user.
    Micros toMicrosNoMonths() const { return saturatingAdd(static_cast<Micros>(days) * kMicrosPerDay, micros); }
    /// days * 24 h + micros with Math.multiplyExact/addExact (TimeWindow.getIntervalInMicroSeconds,
    /// Trigger.ProcessingTime): nullopt where Spark throws ArithmeticException("long overflow").
    std::optional<Micros> exactMicrosNoMonths() const;
    /// IntervalUtils.getDuration with 31-day months, exactly: nullopt where Spark overflows.
    std::optional<Micros> exactDurationMicros() const;
    /// EventTimeWatermark.getDelayMs: a month counts as 31 days.
    Millis watermarkDelayMs() const;

    bool operator==(const Interval& o) const { return months == o.months && days == o.days && micros == o.micros; }
};

/// Parses a Spark interval string such as "10 minutes", "1 hour 30 minutes", "500 milliseconds",
/// "-5 minutes" or "interval 2 hours" (IntervalUtils.stringToInterval). The error message is
/// Spark's text for an unparseable interval, including its overflow checks: a value past
/// Long.MAX_VALUE, or months or days past Int.MAX_VALUE, fail with "long overflow" or
/// "integer overflow" as Math.*Exact reports them.
Result<Interval> parseInterval(std::string_view text);

/// Short human text for a duration in microseconds ("10 minutes", "1 hour 30 minutes", "500 milliseconds").
std::string formatDuration(Micros us);

} // namespace tidemark
