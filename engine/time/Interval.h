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

/// Which of Spark's readers an interval string goes through.
enum class IntervalReader {
    /// IntervalUtils.stringToInterval: a list of "<number> <unit>" pairs with an optional
    /// "interval" prefix ("10 minutes", "interval 1 hour 30 minutes", "-5 seconds", "1.5 seconds").
    /// Units are year, month, week, day, hour, minute, second, millisecond and microsecond, each
    /// with an optional plural "s"; Spark accepts no abbreviation ("sec", "min", "ms" are refused).
    /// Used by Trigger.ProcessingTime, a cast to interval (a session gap), and by
    /// withWatermark and window() before 3.2.
    UnitList,
    /// IntervalUtils.fromIntervalString (3.2+, SPARK-35815): a string that starts with "interval"
    /// is read as a SQL interval literal (AstBuilder.visitInterval), so the ANSI forms
    /// INTERVAL '1 02:03:04' DAY TO SECOND, INTERVAL '10' SECOND, INTERVAL '1-2' YEAR TO MONTH and
    /// INTERVAL '1' DAY '2' HOURS work; anything else goes to stringToInterval.
    /// Used by withWatermark and window() from 3.2.
    AnyLiteral,
};

/// How a stringToInterval error is worded: Spark 3's "Error parsing 'x' to interval, why", or
/// Spark 4's error class INVALID_INTERVAL_FORMAT.<reason>.
enum class IntervalMessages { Spark3, ErrorClasses };

/// Parses a Spark interval string. The error message is Spark's text for an unparseable interval,
/// including its overflow checks: a value past Long.MAX_VALUE, or months or days past
/// Int.MAX_VALUE, fail with "long overflow" or "integer overflow" as Math.*Exact reports them.
/// A SQL literal that does not parse gives a short description (Spark wraps it in "Unable to
/// parse", which never shows the cause).
Result<Interval> parseInterval(std::string_view text, IntervalReader reader = IntervalReader::UnitList,
                               IntervalMessages messages = IntervalMessages::Spark3);

/// Short human text for a duration in microseconds ("10 minutes", "1 hour 30 minutes", "500 milliseconds").
std::string formatDuration(Micros us);

} // namespace tidemark
