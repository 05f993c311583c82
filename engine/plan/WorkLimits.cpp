// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/WorkLimits.h"

#include "engine/time/Checked.h"
#include "engine/time/Interval.h"

#include <algorithm>
#include <unordered_set>

namespace tidemark {

std::optional<Error> checkWindowDuration(const TimeWindowSpec& window, const std::string& where)
{
    if (window.duration <= WorkLimits::kMaxWindowDuration)
        return std::nullopt;
    return Error::file(where, "a window of " + formatDuration(window.duration) + " is longer than Tidemark simulates: windows may last at most "
                                  + formatDuration(WorkLimits::kMaxWindowDuration) + " (100000 years). Use a shorter duration.");
}

namespace {

/// Where the column named `name` is a column of a source, its values in every event.
std::vector<const Value*> sourceValues(const Scenario& scenario, const std::string& name)
{
    std::vector<const Value*> out;
    for (const SourceSpec& src : scenario.sources) {
        auto idx = src.schema.find(name);
        if (!idx)
            continue;
        for (const SourceEvent& e : src.events)
            out.push_back(&e.row[*idx]);
    }
    return out;
}

struct ValueHash {
    std::size_t operator()(const Value& v) const { return v.hash(); }
};

std::int64_t saturatingMul(std::int64_t a, std::int64_t b) { return checkedMul(a, b).value_or(INT64_MAX); }

} // namespace

WindowStateEstimate estimateWindowState(const Scenario& scenario, const TimeWindowSpec& window, const std::string& timeColumn,
                                        const std::vector<std::string>& keyColumns)
{
    WindowStateEstimate est;
    est.events = static_cast<std::int64_t>(scenario.numEvents());
    est.windowsPerRow = window.windowsPerRow();
    est.groups = saturatingMul(est.events, est.windowsPerRow);
    // Distinct windows: those between the earliest and the latest event time.
    const auto times = sourceValues(scenario, timeColumn);
    std::optional<Micros> lo, hi;
    for (const Value* v : times)
        if (v->isInt()) {
            lo = std::min(lo.value_or(v->asInt()), v->asInt());
            hi = std::max(hi.value_or(v->asInt()), v->asInt());
        }
    if (!times.empty() && lo) {
        // hi - lo in unsigned 64 bits: the true difference always fits there.
        const std::uint64_t span = static_cast<std::uint64_t>(*hi) - static_cast<std::uint64_t>(*lo);
        const std::uint64_t spanWindows = span / static_cast<std::uint64_t>(window.slide);
        est.distinctWindows = spanWindows > static_cast<std::uint64_t>(INT64_MAX / 2) ? INT64_MAX / 2
                                                                                       : static_cast<std::int64_t>(spanWindows) + est.windowsPerRow + 1;
    }
    // Distinct keys: the product of each key column's distinct values, where each is a source column.
    std::int64_t keys = 1;
    bool known = true;
    for (const std::string& k : keyColumns) {
        const auto values = sourceValues(scenario, k);
        if (values.empty()) {
            known = false;
            break;
        }
        std::unordered_set<Value, ValueHash> distinct;
        for (const Value* v : values)
            distinct.insert(*v);
        keys = saturatingMul(keys, static_cast<std::int64_t>(distinct.size()));
    }
    if (known)
        est.distinctKeys = keys;
    if (est.distinctWindows)
        est.groups = std::min(est.groups, saturatingMul(std::min(est.distinctKeys.value_or(est.events), est.events), *est.distinctWindows));
    return est;
}

std::optional<Error> checkWindowState(const Scenario& scenario, const TimeWindowSpec& window, const std::string& timeColumn,
                                      const std::vector<std::string>& keyColumns, const std::string& where)
{
    const WindowStateEstimate est = estimateWindowState(scenario, window, timeColumn, keyColumns);
    constexpr std::int64_t kMax = WorkLimits::kMaxWindowGroups;
    if (est.groups <= kMax)
        return std::nullopt;
    // The slide that keeps events x windows per row within the budget.
    const std::int64_t perRowAllowed = std::max<std::int64_t>(1, kMax / std::max<std::int64_t>(1, est.events));
    const std::int64_t minSlide = window.duration / perRowAllowed + (window.duration % perRowAllowed != 0 ? 1 : 0);
    std::string message = "window(" + timeColumn + ", " + formatDuration(window.duration) + ", " + formatDuration(window.slide) + ") over "
                          + std::to_string(est.events) + " events would create about " + std::to_string(est.groups)
                          + " groups of state (each row falls in " + std::to_string(est.windowsPerRow) + " windows";
    if (est.distinctWindows)
        message += "; the events span " + std::to_string(*est.distinctWindows) + " windows";
    if (est.distinctKeys)
        message += " and " + std::to_string(*est.distinctKeys) + " keys";
    message += "); Tidemark simulates at most " + std::to_string(kMax) + " groups. ";
    if (est.events <= kMax)
        message += "Make the slide at least " + formatDuration(minSlide) + ", or use fewer events.";
    else
        message += "Use fewer events, or a tumbling window over fewer keys.";
    return Error::file(where, message);
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
