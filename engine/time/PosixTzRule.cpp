// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/time/PosixTzRule.h"

#include "engine/time/CivilTime.h"

#include <cctype>

namespace tidemark {

namespace {

/// Parses "[+-]hh[:mm[:ss]]" at s[i]; returns seconds.
std::optional<std::int64_t> parseHms(const std::string& s, size_t& i)
{
    int sign = 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        sign = s[i] == '-' ? -1 : 1;
        ++i;
    }
    std::int64_t parts[3] = {0, 0, 0};
    for (int p = 0; p < 3; ++p) {
        if (p > 0) {
            if (i >= s.size() || s[i] != ':')
                break;
            ++i;
        }
        size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < 3)
            ++i;
        if (start == i)
            return std::nullopt;
        parts[p] = std::stoll(s.substr(start, i - start));
    }
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
}

/// "EST" or "<+09>".
bool skipName(const std::string& s, size_t& i)
{
    if (i < s.size() && s[i] == '<') {
        auto close = s.find('>', i);
        if (close == std::string::npos)
            return false;
        i = close + 1;
        return true;
    }
    size_t start = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
        ++i;
    return i - start >= 3;
}

std::optional<PosixTzRule::Date> parseDate(const std::string& s, size_t& i)
{
    using Date = PosixTzRule::Date;
    Date d;
    auto number = [&](int& out) {
        size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < 3)
            ++i;
        if (start == i)
            return false;
        out = std::stoi(s.substr(start, i - start));
        return true;
    };
    if (i < s.size() && s[i] == 'M') {
        ++i;
        d.kind = Date::Kind::MonthWeekDay;
        if (!number(d.month) || i >= s.size() || s[i++] != '.' || !number(d.week) || i >= s.size() || s[i++] != '.'
            || !number(d.weekday))
            return std::nullopt;
        if (d.month < 1 || d.month > 12 || d.week < 1 || d.week > 5 || d.weekday > 6)
            return std::nullopt;
    } else if (i < s.size() && s[i] == 'J') {
        ++i;
        d.kind = Date::Kind::Julian1;
        if (!number(d.day) || d.day < 1 || d.day > 365)
            return std::nullopt;
    } else {
        d.kind = Date::Kind::Julian0;
        if (!number(d.day) || d.day > 365)
            return std::nullopt;
    }
    if (i < s.size() && s[i] == '/') {
        ++i;
        auto t = parseHms(s, i);
        if (!t)
            return std::nullopt;
        d.timeSeconds = *t;
    }
    return d;
}

/// Local seconds (in the offset in force before the change) at which a rule date fires in a year.
std::int64_t localSecondsIn(const PosixTzRule::Date& d, int year)
{
    using Date = PosixTzRule::Date;
    std::int64_t day = 0;
    switch (d.kind) {
    case Date::Kind::MonthWeekDay: {
        const std::int64_t first = daysFromCivil(year, static_cast<unsigned>(d.month), 1);
        const int firstWeekday = static_cast<int>(floorMod(first + 4, 7)); // 1970-01-01 was a Thursday
        std::int64_t dayOfMonth = 1 + floorMod(d.weekday - firstWeekday, 7) + 7 * (d.week - 1);
        const int monthLength = daysInMonth(year, static_cast<unsigned>(d.month));
        while (dayOfMonth > monthLength)
            dayOfMonth -= 7;
        day = first + dayOfMonth - 1;
        break;
    }
    case Date::Kind::Julian1: {
        // 1..365, February 29 never counted.
        std::int64_t n = d.day;
        if (isLeapYear(year) && n >= 60)
            ++n;
        day = daysFromCivil(year, 1, 1) + n - 1;
        break;
    }
    case Date::Kind::Julian0:
        day = daysFromCivil(year, 1, 1) + d.day;
        break;
    }
    return day * 86400 + d.timeSeconds;
}

} // namespace

std::optional<PosixTzRule> PosixTzRule::parse(const std::string& s)
{
    size_t i = 0;
    PosixTzRule r;
    if (!skipName(s, i))
        return std::nullopt;
    auto off = parseHms(s, i);
    if (!off)
        return std::nullopt;
    r.stdOffset = -*off;
    if (i >= s.size())
        return r;
    if (!skipName(s, i))
        return std::nullopt;
    r.hasDst = true;
    r.dstOffset = r.stdOffset + 3600;
    if (i < s.size() && s[i] != ',') {
        auto d = parseHms(s, i);
        if (!d)
            return std::nullopt;
        r.dstOffset = -*d;
    }
    if (i >= s.size() || s[i] != ',')
        return std::nullopt;
    ++i;
    auto start = parseDate(s, i);
    if (!start || i >= s.size() || s[i] != ',')
        return std::nullopt;
    ++i;
    auto end = parseDate(s, i);
    if (!end || i != s.size())
        return std::nullopt;
    r.start = *start;
    r.end = *end;
    return r;
}

std::int64_t PosixTzRule::offsetAt(std::int64_t utcSeconds) const
{
    if (!hasDst)
        return stdOffset;
    const int year = civilFromDays(floorDiv(utcSeconds + stdOffset, 86400)).year;
    const std::int64_t dstStartUtc = localSecondsIn(start, year) - stdOffset;
    const std::int64_t dstEndUtc = localSecondsIn(end, year) - dstOffset;
    if (dstStartUtc < dstEndUtc)
        return (utcSeconds >= dstStartUtc && utcSeconds < dstEndUtc) ? dstOffset : stdOffset;
    // Southern hemisphere: daylight time spans the new year.
    return (utcSeconds >= dstEndUtc && utcSeconds < dstStartUtc) ? stdOffset : dstOffset;
}

} // namespace tidemark
