// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/time/Interval.h"

#include <cctype>
#include <vector>

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

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string_view> words(std::string_view s)
{
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
        size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])))
            ++j;
        if (j > i)
            out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

Error parseError(std::string_view text, const std::string& why)
{
    return Error::query("Error parsing '" + std::string(text) + "' to interval, " + why);
}

} // namespace

Result<Interval> parseInterval(std::string_view text)
{
    auto tokens = words(text);
    size_t i = 0;
    if (!tokens.empty() && lower(tokens[0]) == "interval")
        ++i;
    if (i >= tokens.size())
        return parseError(text, "interval string is empty");

    Interval result;
    result.text = std::string(text);
    while (i < tokens.size()) {
        std::string_view number = tokens[i];
        if (i + 1 >= tokens.size())
            return parseError(text, "missing the unit after '" + std::string(number) + "'");
        const std::string unit = lower(tokens[i + 1]);
        i += 2;

        bool negative = false;
        if (!number.empty() && (number[0] == '-' || number[0] == '+')) {
            negative = number[0] == '-';
            number.remove_prefix(1);
        }
        const auto dot = number.find('.');
        std::string_view whole = number.substr(0, dot);
        std::string_view fraction = dot == std::string_view::npos ? std::string_view() : number.substr(dot + 1);
        std::int64_t value = 0;
        if (whole.empty() && fraction.empty())
            return parseError(text, "invalid value '" + std::string(tokens[i - 2]) + "'");
        if (!whole.empty()) {
            if (whole.find_first_not_of("0123456789") != std::string_view::npos)
                return parseError(text, "invalid value '" + std::string(tokens[i - 2]) + "'");
            // Digit by digit with Math.addExact(Math.multiplyExact(10, v), digit), as Spark reads it.
            for (char c : whole) {
                const auto next = checkedMul(10, value);
                const auto sum = next ? checkedAdd(*next, c - '0') : std::nullopt;
                if (!sum)
                    return parseError(text, "long overflow");
                value = *sum;
            }
        }
        Micros fractionMicros = 0;
        if (!fraction.empty()) {
            if (fraction.size() > 9 || fraction.find_first_not_of("0123456789") != std::string_view::npos)
                return parseError(text, "invalid value '" + std::string(tokens[i - 2]) + "'");
            std::string digits(fraction);
            digits.resize(6, '0');
            fractionMicros = std::stoll(digits.substr(0, 6));
        }
        const std::string base = (unit.size() > 1 && unit.back() == 's') ? unit.substr(0, unit.size() - 1) : unit;
        const std::int64_t signedValue = negative ? -value : value;
        if (base == "year" || base == "month" || base == "week" || base == "day") {
            if (fractionMicros != 0)
                return parseError(text, "'" + std::string(tokens[i - 2]) + "' cannot have a fractional part for unit '" + base + "'");
            // stringToInterval's Math.*Exact: months and days are Java ints.
            std::optional<std::int32_t> updated;
            const char* overflow = "integer overflow";
            if (base == "year" || base == "week") {
                const auto scaled = checkedMul(base == "year" ? 12 : 7, signedValue);
                const auto sum = scaled ? checkedAdd(base == "year" ? result.months : result.days, *scaled) : std::nullopt;
                if (!sum)
                    overflow = "long overflow";
                else
                    updated = checkedInt32(*sum);
            } else {
                const auto v = checkedInt32(signedValue);
                const auto sum = v ? checkedInt32(static_cast<std::int64_t>(base == "month" ? result.months : result.days) + *v) : std::nullopt;
                updated = sum;
            }
            if (!updated)
                return parseError(text, overflow);
            (base == "year" || base == "month" ? result.months : result.days) = *updated;
            continue;
        }
        Micros unitMicros = 0;
        if (base == "hour")
            unitMicros = kMicrosPerHour;
        else if (base == "minute")
            unitMicros = kMicrosPerMinute;
        else if (base == "second")
            unitMicros = kMicrosPerSecond;
        else if (base == "millisecond")
            unitMicros = kMicrosPerMilli;
        else if (base == "microsecond")
            unitMicros = 1;
        else
            return parseError(text, "invalid unit '" + std::string(tokens[i - 1]) + "'");
        if (fractionMicros != 0 && base != "second")
            return parseError(text, "'" + std::string(tokens[i - 2]) + "' cannot have a fractional part for unit '" + base + "'");
        const auto scaled = checkedMul(signedValue, unitMicros);
        const auto sum = scaled ? checkedAdd(result.micros, *scaled) : std::nullopt;
        const auto withFraction = sum ? checkedAdd(*sum, negative ? -fractionMicros : fractionMicros) : std::nullopt;
        if (!withFraction)
            return parseError(text, "long overflow");
        result.micros = *withFraction;
    }
    return result;
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
