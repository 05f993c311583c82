// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/WorkLimits.h"

#include "engine/time/Checked.h"
#include "engine/time/Interval.h"

namespace tidemark {

std::optional<Error> checkWindowDuration(const TimeWindowSpec& window, const std::string& where)
{
    if (window.duration <= WorkLimits::kMaxWindowDuration)
        return std::nullopt;
    return Error::file(where, "a window of " + formatDuration(window.duration) + " is longer than Tidemark simulates: windows may last at most "
                                  + formatDuration(WorkLimits::kMaxWindowDuration) + " (100000 years). Use a shorter duration.");
}

std::optional<Error> checkWindowsPerRow(const TimeWindowSpec& window, const std::string& column, std::int64_t numEvents,
                                        const std::string& where)
{
    const std::int64_t perRow = window.windowsPerRow();
    constexpr std::int64_t kMax = WorkLimits::kMaxWindowsPerRow;
    if (perRow <= kMax)
        return std::nullopt;
    const std::int64_t minSlide = window.duration / kMax + (window.duration % kMax != 0 ? 1 : 0);
    const auto maxDuration = checkedMul(window.slide, kMax);
    const auto total = checkedMul(perRow, numEvents);
    std::string message = "window(" + column + ", " + formatDuration(window.duration) + ", " + formatDuration(window.slide)
                          + ") puts every row in " + std::to_string(perRow) + " windows (the duration divided by the slide)";
    if (numEvents > 0)
        message += ", " + (total ? std::to_string(*total) : std::string("more than 9223372036854775807")) + " window rows for the "
                   + std::to_string(numEvents) + " events";
    message += "; Tidemark simulates at most " + std::to_string(kMax) + " windows per row. Make the slide at least "
               + formatDuration(minSlide);
    if (maxDuration)
        message += " or the duration at most " + formatDuration(*maxDuration);
    message += ".";
    return Error::file(where, message);
}

} // namespace tidemark
