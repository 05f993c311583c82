// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/plan/QueryPlan.h"

#include <cstdint>

namespace tidemark {

/// The gap session_window gives one row.
///
/// SessionWindowing (ResolveTimeWindows.scala) casts the gap expression to a CalendarInterval
/// (a string through IntervalUtils.safeStringToInterval: null when it does not parse) and
/// opens the session [t, t + gap). Its filter `session_window.end > session_window.start`
/// then drops a row whose gap is null, zero or negative before the aggregation sees it
/// (SPARK-36465: "rows with negative or zero gap duration will be filtered out").
struct SessionGap {
    enum class Kind : std::uint8_t {
        Positive,    ///< the session is [t, t + micros)
        NotPositive, ///< zero or negative: Spark's filter drops the row
        Null,        ///< null, or text that is not an interval: Spark's filter drops the row
        Months,      ///< a month or year part, whose length depends on the calendar: not simulated
        TooLong,     ///< longer than WorkLimits::kMaxWindowDuration: not simulated, as a fixed gap is not
    };
    Kind kind = Kind::Positive;
    Micros micros = 0; ///< Positive and NotPositive: the gap
};

/// The row's gap: the plan's fixed gap, or its gap expression evaluated for the row.
SessionGap sessionGapOf(const AggregatePlan& plan, const Row& row);

/// A gap value of the expression's type (interval, string or null) as SessionWindowing casts it.
SessionGap sessionGapFromValue(const Value& value, const DataType& type);

} // namespace tidemark
