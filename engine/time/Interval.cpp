// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/time/Interval.h"


namespace tidemark {

bool Interval::isNegative() const
{
    // IntervalUtils.isNegative: months * 31 days + days + micros, as a total duration.
    return exactDurationMicros().value_or(0) < 0;
}

std::optional<Micros> Interval::exactMicrosNoMonths() const
{
    // TimeWindow.getIntervalInMicroSeconds: Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY), microseconds)
    const auto dayMicros = checkedMul(days, kMicrosPerDay);
    return dayMicros ? checkedAdd(*dayMicros, micros) : std::nullopt;
}

std::optional<Micros> Interval::exactDurationMicros() const
{
    // IntervalUtils.getDuration(daysPerMonth = 31), every step with Math.*Exact.
    const auto monthMicros = checkedMul(31 * kMicrosPerDay, months);
    const auto dayMicros = checkedMul(kMicrosPerDay, days);
    if (!monthMicros || !dayMicros)
        return std::nullopt;
    const auto both = checkedAdd(*dayMicros, *monthMicros);
    return both ? checkedAdd(micros, *both) : std::nullopt;
}

Millis Interval::watermarkDelayMs() const
{
    const Millis millisPerMonth = 31 * (kMicrosPerDay / kMicrosPerMilli);
    return microsToMillis(micros) + days * (kMicrosPerDay / kMicrosPerMilli) + months * millisPerMonth;
}

std::string formatDuration(Micros us)
{
    if (us == 0)
        return "0 seconds";
    std::string out;
    if (us < 0) {
        out = "-";
        us = -us;
    }
    struct Unit {
        Micros size;
        const char* name;
    };
    static constexpr Unit kUnits[] = {{kMicrosPerDay, "day"}, {kMicrosPerHour, "hour"}, {kMicrosPerMinute, "minute"},
                                      {kMicrosPerSecond, "second"}, {kMicrosPerMilli, "millisecond"}, {1, "microsecond"}};
    bool first = true;
    for (const Unit& u : kUnits) {
        const Micros n = us / u.size;
        if (n == 0)
            continue;
        us -= n * u.size;
        if (!first)
            out += ' ';
        out += std::to_string(n) + ' ' + u.name + (n == 1 ? "" : "s");
        first = false;
    }
    return out;
}

} // namespace tidemark
