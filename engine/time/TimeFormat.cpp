// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/time/TimeFormat.h"

#include <cctype>
#include <cstdio>

namespace tidemark {

namespace {

struct LocalParts {
    CivilDate date;
    int hour = 0, minute = 0, second = 0;
    Micros fraction = 0;
};

LocalParts split(TimeZone::DayTime local)
{
    LocalParts p;
    Micros inDay = local.microsOfDay;
    p.date = civilFromDays(local.day);
    p.hour = static_cast<int>(inDay / kMicrosPerHour);
    inDay %= kMicrosPerHour;
    p.minute = static_cast<int>(inDay / kMicrosPerMinute);
    inDay %= kMicrosPerMinute;
    p.second = static_cast<int>(inDay / kMicrosPerSecond);
    p.fraction = inDay % kMicrosPerSecond;
    return p;
}

std::string trimmedFraction(Micros fraction)
{
    if (fraction == 0)
        return {};
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06lld", static_cast<long long>(fraction));
    std::string s(buf);
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    return "." + s;
}

/// The year as java.time's ISO_LOCAL_DATE prints it (Spark's timestamp formatter is built on
/// it): at least four digits, with a sign once it needs more (SignStyle.EXCEEDS_PAD), so
/// 10000 is "+10000" and -1 is "-0001".
std::string isoYear(int year)
{
    char buf[16];
    const long long magnitude = year < 0 ? -static_cast<long long>(year) : year;
    std::snprintf(buf, sizeof buf, "%s%04lld", year < 0 ? "-" : (year > 9999 ? "+" : ""), magnitude);
    return buf;
}

bool digitsAt(std::string_view s, size_t pos, size_t n, int& out)
{
    if (pos + n > s.size())
        return false;
    out = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[pos + i])))
            return false;
        out = out * 10 + (s[pos + i] - '0');
    }
    return true;
}

/// Parses "HH:MM[:SS[.f{1,6}]]" from s[pos..]; returns false on any deviation.
bool parseClock(std::string_view s, size_t pos, LocalParts& p)
{
    if (!digitsAt(s, pos, 2, p.hour) || pos + 2 >= s.size() || s[pos + 2] != ':' || !digitsAt(s, pos + 3, 2, p.minute))
        return false;
    pos += 5;
    if (pos < s.size()) {
        if (s[pos] != ':' || !digitsAt(s, pos + 1, 2, p.second))
            return false;
        pos += 3;
        if (pos < s.size()) {
            if (s[pos] != '.')
                return false;
            ++pos;
            const size_t n = s.size() - pos;
            if (n == 0 || n > 6)
                return false;
            int frac = 0;
            if (!digitsAt(s, pos, n, frac))
                return false;
            p.fraction = frac;
            for (size_t k = n; k < 6; ++k)
                p.fraction *= 10;
        }
    }
    return p.hour < 24 && p.minute < 60 && p.second < 60;
}

} // namespace

std::string formatTimestamp(Micros utc, const TimeZone& zone)
{
    const LocalParts p = split(zone.toLocalDayTime(utc));
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s-%02u-%02u %02d:%02d:%02d", isoYear(p.date.year).c_str(), p.date.month, p.date.day, p.hour,
                  p.minute, p.second);
    return buf + trimmedFraction(p.fraction);
}

std::string formatTimeOfDay(Micros utc, const TimeZone& zone)
{
    const LocalParts p = split(zone.toLocalDayTime(utc));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", p.hour, p.minute, p.second);
    return buf + trimmedFraction(p.fraction);
}

std::string formatIsoUtcMillis(Millis utcMillis)
{
    const LocalParts p = split(TimeZone::DayTime{floorDiv(utcMillis * kMicrosPerMilli, kMicrosPerDay), floorMod(utcMillis * kMicrosPerMilli, kMicrosPerDay)});
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03lldZ", p.date.year, p.date.month, p.date.day, p.hour,
                  p.minute, p.second, static_cast<long long>(p.fraction / kMicrosPerMilli));
    return buf;
}

std::optional<CivilDate> parseDate(std::string_view s)
{
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || !digitsAt(s, 0, 4, y) || s[4] != '-' || !digitsAt(s, 5, 2, m) || s[7] != '-'
        || !digitsAt(s, 8, 2, d))
        return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, static_cast<unsigned>(m)))
        return std::nullopt;
    return CivilDate{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

Result<Micros> parseTimestamp(std::string_view text, const TimeZone& zone, const std::optional<CivilDate>& date)
{
    LocalParts p;
    const auto bad = [&] {
        return Error::file("", "'" + std::string(text)
                                   + "' is not a time: use \"YYYY-MM-DD HH:MM:SS[.ffffff]\", \"HH:MM[:SS]\" on the scenario's "
                                     "\"date\", or a number of epoch seconds");
    };
    if (text.size() >= 10 && text[4] == '-') {
        auto d = parseDate(text.substr(0, 10));
        if (!d)
            return bad();
        p.date = *d;
        if (text.size() > 10) {
            if (text[10] != ' ' && text[10] != 'T')
                return bad();
            if (!parseClock(text, 11, p))
                return bad();
        }
    } else {
        if (!parseClock(text, 0, p))
            return bad();
        if (!date)
            return Error::file("", "'" + std::string(text) + "' is a time of day, but the scenario has no \"date\" to put it on");
        p.date = *date;
    }
    const Micros local = daysFromCivil(p.date.year, p.date.month, p.date.day) * kMicrosPerDay + p.hour * kMicrosPerHour
                         + p.minute * kMicrosPerMinute + p.second * kMicrosPerSecond + p.fraction;
    return zone.fromLocal(local);
}

} // namespace tidemark
