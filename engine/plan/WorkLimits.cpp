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

std::optional<Error> checkTimeReach(const Scenario& scenario, Micros reach, const std::string& what)
{
    auto outside = [&](const Value& v) {
        return !v.isNull() && v.isInt() && (!checkedAdd(v.asInt(), reach) || !checkedAdd(v.asInt(), -reach));
    };
    auto refuse = [&](const std::string& where, const Value& v) {
        return Error::file(where, std::to_string(v.asInt()) + " microseconds since the epoch is too close to the end of the timestamp range for "
                                      + what + ": the windows around it would start or end past the last instant a timestamp can hold "
                                               "(years -290308 to 294247). Use an earlier time.");
    };
    for (const SourceSpec& src : scenario.sources) {
        for (size_t c = 0; c < src.schema.size(); ++c) {
            if (src.schema[c].type.id != TypeId::Timestamp)
                continue;
            const std::string column = src.schema[c].name;
            for (size_t e = 0; e < src.events.size(); ++e)
                if (outside(src.events[e].row[c]))
                    return refuse("sources." + src.name + ".events[" + std::to_string(e) + "].row." + column, src.events[e].row[c]);
            for (size_t r = 0; r < src.staticRows.size(); ++r)
                if (outside(src.staticRows[r][c]))
                    return refuse("sources." + src.name + ".rows[" + std::to_string(r) + "]." + column, src.staticRows[r][c]);
        }
    }
    return std::nullopt;
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
