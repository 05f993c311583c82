// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/expr/TimeWindows.h"
#include "engine/scenario/Scenario.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tidemark {

/// Queries Spark accepts but Tidemark will not simulate, because one typo would make the
/// simulation allocate without end (a 1000-day window sliding every 5 minutes puts each row
/// in 288,000 windows). They are refused before anything is allocated, as a file problem
/// (exit 2), with the JSON path of the setting to change. docs/scenario-format.md "Limits".
struct WorkLimits {
    /// ceil(duration / slide): the windows each row is added to (TimeWindowing's candidates).
    static constexpr std::int64_t kMaxWindowsPerRow = 1000;
    /// The longest window: 100,000 years of 365 days. Window bounds are computed as
    /// timestamp ± duration (TimeWindowing, in Long arithmetic that wraps); with this bound they
    /// stay far inside 64 bits for any timestamp of years 1 to 9999.
    static constexpr Micros kMaxWindowDuration = 100'000LL * 365 * kMicrosPerDay;
    /// The (key, window) groups a windowed aggregation is expected to hold at most: about
    /// 300 MB of state and output in the worst case (every group distinct, update mode), per
    /// output mode the window computes.
    static constexpr std::int64_t kMaxWindowGroups = 1'000'000;
    /// The filters InferFiltersFromConstraints derives for one join through its key equalities:
    /// each equality rewrites every other constraint, so 300 equalities on one column and 300
    /// conditions on it make 90,000 filters (Spark derives them too, slowly).
    static constexpr std::size_t kMaxInferredFilters = 1000;
};

/// An upper bound of the groups a time-windowed aggregation creates, from the scenario's
/// events before any simulation: the smaller of events x windows per row, and distinct keys x
/// distinct windows. Keys and window times are counted on the sources' own columns where the
/// query groups by them unchanged; a computed column counts as one value per event.
struct WindowStateEstimate {
    std::int64_t events = 0;
    std::int64_t windowsPerRow = 0;
    std::optional<std::int64_t> distinctWindows; ///< from the span of the time column's values
    std::optional<std::int64_t> distinctKeys;    ///< the product of the key columns' distinct values
    std::int64_t groups = 0;                     ///< the bound itself (saturates at INT64_MAX)
};

WindowStateEstimate estimateWindowState(const Scenario& scenario, const TimeWindowSpec& window, const std::string& timeColumn,
                                        const std::vector<std::string>& keyColumns);

/// The refusal for a windowed aggregation whose estimate exceeds kMaxWindowGroups, saying what
/// the query would create and how to stay within the budget.
std::optional<Error> checkWindowState(const Scenario& scenario, const TimeWindowSpec& window, const std::string& timeColumn,
                                      const std::vector<std::string>& keyColumns, const std::string& where);

/// The refusal for a time window that gives each row more than kMaxWindowsPerRow windows,
/// saying how many it would create for `numEvents` events and how to stay within the limit.
/// The refusal for a window longer than kMaxWindowDuration.
std::optional<Error> checkWindowDuration(const TimeWindowSpec& window, const std::string& where);

/// The refusal for an event time so near the end (or start) of the timestamp range that the
/// windows or sessions around it, `reach` microseconds to either side, would leave it: Spark's
/// Long arithmetic would wrap there (or fail with "long overflow" under ANSI mode), so no answer
/// is right. Names the cell (`sources.in.events[3].row.t`) and what reaches that far.
std::optional<Error> checkTimeReach(const Scenario& scenario, Micros reach, const std::string& what);

std::optional<Error> checkWindowsPerRow(const TimeWindowSpec& window, const std::string& column, std::int64_t numEvents,
                                        const std::string& where);

} // namespace tidemark
