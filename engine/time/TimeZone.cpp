// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/time/TimeZone.h"

#include "engine/time/CivilTime.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include <sys/stat.h>

namespace tidemark {

namespace {

/// One daylight-saving rule date of a POSIX TZ string: "Mm.w.d[/time]", "Jn[/time]" or "n[/time]".
struct RuleDate {
    enum class Kind { MonthWeekDay, Julian1, Julian0 } kind = Kind::MonthWeekDay;
    int month = 0, week = 0, weekday = 0, day = 0;
    std::int64_t timeSeconds = 7200;
};

/// The POSIX TZ footer of a TZif file, used after the last explicit transition.
struct PosixRule {
    std::int64_t stdOffset = 0; ///< seconds east of UTC
    bool hasDst = false;
    std::int64_t dstOffset = 0;
    RuleDate start, end;
};

} // namespace

struct TimeZone::Rules {
    std::vector<std::int64_t> transitions; ///< UTC seconds, ascending
    std::vector<std::int64_t> offsetAfter; ///< offset in force from transitions[i]
    std::int64_t initialOffset = 0;
    std::optional<PosixRule> footer;
};

namespace {

class Reader {
public:
    explicit Reader(const std::string& data) : m_data(data) {}
    bool has(size_t n) const { return m_pos + n <= m_data.size(); }
    std::int64_t be(size_t n)
    {
        std::uint64_t v = 0;
        for (size_t i = 0; i < n; ++i)
            v = (v << 8) | static_cast<unsigned char>(m_data[m_pos + i]);
        m_pos += n;
        if (n == 4)
            return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
        return static_cast<std::int64_t>(v);
    }
    unsigned char byte() { return static_cast<unsigned char>(m_data[m_pos++]); }
    void skip(size_t n) { m_pos += n; }
    size_t pos() const { return m_pos; }
    std::string rest() const { return m_data.substr(m_pos); }

private:
    const std::string& m_data;
    size_t m_pos = 0;
};

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
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            ++i;
        if (start == i)
            return std::nullopt;
        parts[p] = std::stoll(s.substr(start, i - start));
    }
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
}

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

std::optional<RuleDate> parseRuleDate(const std::string& s, size_t& i)
{
    RuleDate d;
    auto number = [&](int& out) {
        size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            ++i;
        if (start == i)
            return false;
        out = std::stoi(s.substr(start, i - start));
        return true;
    };
    if (i < s.size() && s[i] == 'M') {
        ++i;
        d.kind = RuleDate::Kind::MonthWeekDay;
        if (!number(d.month) || i >= s.size() || s[i++] != '.' || !number(d.week) || i >= s.size() || s[i++] != '.'
            || !number(d.weekday))
            return std::nullopt;
    } else if (i < s.size() && s[i] == 'J') {
        ++i;
        d.kind = RuleDate::Kind::Julian1;
        if (!number(d.day))
            return std::nullopt;
    } else {
        d.kind = RuleDate::Kind::Julian0;
        if (!number(d.day))
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

std::optional<PosixRule> parsePosix(const std::string& s)
{
    size_t i = 0;
    PosixRule r;
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
    auto start = parseRuleDate(s, i);
    if (!start || i >= s.size() || s[i] != ',')
        return std::nullopt;
    ++i;
    auto end = parseRuleDate(s, i);
    if (!end)
        return std::nullopt;
    r.start = *start;
    r.end = *end;
    return r;
}

/// Local seconds (in the offset in force before the change) at which a rule date fires in a year.
std::int64_t ruleLocalSeconds(const RuleDate& d, int year)
{
    std::int64_t day = 0;
    switch (d.kind) {
    case RuleDate::Kind::MonthWeekDay: {
        const std::int64_t first = daysFromCivil(year, static_cast<unsigned>(d.month), 1);
        const int firstWeekday = static_cast<int>(floorMod(first + 4, 7)); // 1970-01-01 was a Thursday
        std::int64_t dayOfMonth = 1 + floorMod(d.weekday - firstWeekday, 7) + 7 * (d.week - 1);
        const int monthLength = daysInMonth(year, static_cast<unsigned>(d.month));
        while (dayOfMonth > monthLength)
            dayOfMonth -= 7;
        day = first + dayOfMonth - 1;
        break;
    }
    case RuleDate::Kind::Julian1: {
        // 1..365, February 29 never counted.
        std::int64_t n = d.day;
        if (isLeapYear(year) && n >= 60)
            ++n;
        day = daysFromCivil(year, 1, 1) + n - 1;
        break;
    }
    case RuleDate::Kind::Julian0:
        day = daysFromCivil(year, 1, 1) + d.day;
        break;
    }
    return day * 86400 + d.timeSeconds;
}

std::int64_t posixOffsetAt(const PosixRule& r, std::int64_t utcSeconds)
{
    if (!r.hasDst)
        return r.stdOffset;
    const int year = civilFromDays(floorDiv(utcSeconds + r.stdOffset, 86400)).year;
    const std::int64_t dstStartUtc = ruleLocalSeconds(r.start, year) - r.stdOffset;
    const std::int64_t dstEndUtc = ruleLocalSeconds(r.end, year) - r.dstOffset;
    if (dstStartUtc < dstEndUtc)
        return (utcSeconds >= dstStartUtc && utcSeconds < dstEndUtc) ? r.dstOffset : r.stdOffset;
    // Southern hemisphere: DST spans the new year.
    return (utcSeconds >= dstEndUtc && utcSeconds < dstStartUtc) ? r.stdOffset : r.dstOffset;
}

std::optional<TimeZone::Rules> parseTzif(const std::string& data)
{
    Reader r(data);
    auto header = [&](int& version, std::int64_t counts[6]) {
        if (!r.has(44) || data.compare(r.pos(), 4, "TZif") != 0)
            return false;
        r.skip(4);
        const unsigned char v = r.byte();
        version = v == 0 ? 1 : v - '0';
        r.skip(15);
        for (int k = 0; k < 6; ++k)
            counts[k] = r.be(4);
        return true;
    };
    int version = 1;
    std::int64_t c[6];
    if (!header(version, c))
        return std::nullopt;
    // counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    size_t timeSize = 4;
    if (version >= 2) {
        const size_t v1 = c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0];
        if (!r.has(v1))
            return std::nullopt;
        r.skip(v1);
        if (!header(version, c))
            return std::nullopt;
        timeSize = 8;
    }
    const std::int64_t timecnt = c[3], typecnt = c[4];
    if (typecnt <= 0 || !r.has(timecnt * timeSize + timecnt + typecnt * 6))
        return std::nullopt;
    TimeZone::Rules rules;
    rules.transitions.resize(timecnt);
    for (auto& t : rules.transitions)
        t = r.be(timeSize);
    std::vector<int> idx(timecnt);
    for (auto& k : idx)
        k = r.byte();
    std::vector<std::int64_t> offsets(typecnt);
    std::vector<bool> isDst(typecnt);
    for (std::int64_t k = 0; k < typecnt; ++k) {
        offsets[k] = r.be(4);
        isDst[k] = r.byte() != 0;
        r.skip(1);
    }
    r.skip(c[5] + c[2] * (timeSize + 4) + c[1] + c[0]);
    rules.offsetAfter.resize(timecnt);
    for (std::int64_t k = 0; k < timecnt; ++k) {
        if (idx[k] >= typecnt)
            return std::nullopt;
        rules.offsetAfter[k] = offsets[idx[k]];
    }
    // Before the first transition: the first standard-time type (RFC 8536 section 3.2).
    rules.initialOffset = offsets[0];
    for (std::int64_t k = 0; k < typecnt; ++k)
        if (!isDst[k]) {
            rules.initialOffset = offsets[k];
            break;
        }
    if (version >= 2) {
        std::string footer = r.rest();
        if (footer.size() >= 2 && footer[0] == '\n') {
            auto end = footer.find('\n', 1);
            if (end != std::string::npos && end > 1)
                rules.footer = parsePosix(footer.substr(1, end - 1));
        }
    }
    return rules;
}

std::optional<std::int64_t> parseFixedOffset(std::string id)
{
    for (const char* prefix : {"UTC", "GMT", "UT"}) {
        const std::string p(prefix);
        if (id.compare(0, p.size(), p) == 0 && id.size() > p.size() && (id[p.size()] == '+' || id[p.size()] == '-')) {
            id = id.substr(p.size());
            break;
        }
    }
    if (id.empty() || (id[0] != '+' && id[0] != '-'))
        return std::nullopt;
    // "+9", "+09", "+0930", "+09:30"
    std::string digits;
    for (char ch : id.substr(1))
        if (ch != ':')
            digits += ch;
    if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    int h = 0, m = 0, s = 0;
    if (digits.size() <= 2) {
        h = std::stoi(digits);
    } else if (digits.size() == 4) {
        h = std::stoi(digits.substr(0, 2));
        m = std::stoi(digits.substr(2, 2));
    } else if (digits.size() == 6) {
        h = std::stoi(digits.substr(0, 2));
        m = std::stoi(digits.substr(2, 2));
        s = std::stoi(digits.substr(4, 2));
    } else {
        return std::nullopt;
    }
    if (h > 18 || m > 59 || s > 59)
        return std::nullopt;
    const std::int64_t total = h * 3600 + m * 60 + s;
    return id[0] == '-' ? -total : total;
}

} // namespace

TimeZone::TimeZone() : m_id("UTC"), m_rules(std::make_shared<Rules>()) {}

namespace {

/// The region IDs of the tz database (its zones and links, as java.time's ZoneId knows them),
/// from tzdata.zi; empty where the file is missing.
std::vector<std::string> regionNames(const std::string& root)
{
    std::vector<std::string> names;
    std::ifstream in(root + "/tzdata.zi");
    std::string line;
    while (std::getline(in, line)) {
        // "Z Asia/Seoul 8:27:52 - LMT 1908 Ap" (a zone), "L Asia/Seoul ROK" (a link: ROK -> Asia/Seoul)
        if (line.size() < 3 || line[1] != ' ' || (line[0] != 'Z' && line[0] != 'L'))
            continue;
        std::istringstream fields(line.substr(2));
        std::string first, second;
        fields >> first >> second;
        names.push_back(line[0] == 'Z' ? first : second);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

/// ' (did you mean "Asia/Seoul"?)' for a near miss, the first zones of a folder for a folder's
/// name ("Asia"), or nothing.
std::string didYouMean(const std::string& id, const std::vector<std::string>& names)
{
    std::vector<std::string> inFolder;
    for (const auto& n : names)
        if (n.size() > id.size() + 1 && n.compare(0, id.size(), id) == 0 && n[id.size()] == '/')
            inFolder.push_back(n);
    if (!inFolder.empty()) {
        std::string list;
        for (std::size_t i = 0; i < std::min<std::size_t>(inFolder.size(), 3); ++i)
            list += (i ? "\", \"" : "\"") + inFolder[i];
        return " (a folder of zones; did you mean one in it, such as " + list + "\"?)";
    }
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(3, id.size() / 4) + 1;
    for (const auto& n : names) {
        // Cheap bound first: the lengths alone rule most names out.
        const std::size_t gap = n.size() > id.size() ? n.size() - id.size() : id.size() - n.size();
        if (gap >= bestDistance)
            continue;
        const std::size_t d = editDistance(id, n);
        if (d < bestDistance) {
            bestDistance = d;
            best = n;
        }
    }
    return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
}

/// Refuses what is not a region ID before any file is opened: a path that leaves the tz
/// database ("../../etc/passwd"), a folder of it ("Asia"), or a file in it that is not a
/// zone ("zone.tab", "posix/..."). java.time's ZoneId.of accepts only the database's IDs.
std::optional<Error> checkRegionName(const std::string& id, const std::string& root)
{
    const std::vector<std::string> names = regionNames(root);
    auto unknown = [&](const std::string& why) {
        return Error::file("timeZone", "unknown time zone '" + id + "'" + why + didYouMean(id, names)
                                           + "; expected a region such as \"Asia/Seoul\" or an offset such as \"+09:00\"");
    };
    bool wellFormed = !id.empty() && id.size() <= 64 && id.front() != '/' && id.back() != '/';
    for (std::size_t i = 0; wellFormed && i < id.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(id[i]);
        wellFormed = std::isalnum(c) || c == '_' || c == '-' || c == '+' || (c == '/' && id[i + 1] != '/') || (c == '.' && id[i + 1] != '.');
    }
    if (!wellFormed)
        return unknown("");
    if (!names.empty()) {
        if (!std::binary_search(names.begin(), names.end(), id))
            return unknown("");
        return std::nullopt;
    }
    // No list of IDs on this system: accept a regular file of the database, nothing else.
    struct stat st {};
    if (::stat((root + "/" + id).c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return unknown("");
    return std::nullopt;
}

} // namespace

Result<TimeZone> TimeZone::load(const std::string& id)
{
    TimeZone zone;
    zone.m_id = id;
    if (id == "UTC" || id == "Z" || id == "GMT" || id == "UT" || id == "Etc/UTC")
        return zone;
    if (auto fixed = parseFixedOffset(id)) {
        auto rules = std::make_shared<Rules>();
        rules->initialOffset = *fixed;
        zone.m_rules = rules;
        return zone;
    }
    const char* dir = std::getenv("TZDIR");
    const std::string root = dir && *dir ? dir : "/usr/share/zoneinfo";
    if (auto refused = checkRegionName(id, root))
        return *refused;
    const std::string path = root + "/" + id;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::file("timeZone", "unknown time zone '" + id + "' (no file " + path + "; is the tzdata package installed?)");
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto rules = parseTzif(data);
    if (!rules)
        return Error::file("timeZone", "cannot read time zone file " + path);
    zone.m_rules = std::make_shared<Rules>(std::move(*rules));
    return zone;
}

std::int64_t TimeZone::offsetSecondsAt(Micros utc) const
{
    const Rules& r = *m_rules;
    const std::int64_t seconds = floorDiv(utc, kMicrosPerSecond);
    if (r.transitions.empty() || seconds < r.transitions.front())
        return r.transitions.empty() && r.footer ? posixOffsetAt(*r.footer, seconds) : r.initialOffset;
    if (seconds >= r.transitions.back() && r.footer)
        return posixOffsetAt(*r.footer, seconds);
    auto it = std::upper_bound(r.transitions.begin(), r.transitions.end(), seconds);
    return r.offsetAfter[static_cast<size_t>(std::distance(r.transitions.begin(), it)) - 1];
}

Micros TimeZone::fromLocal(Micros local) const
{
    const std::int64_t before = offsetSecondsAt(local - kMicrosPerDay);
    const std::int64_t after = offsetSecondsAt(local + kMicrosPerDay);
    std::optional<Micros> best;
    for (std::int64_t offset : {before, after}) {
        const Micros candidate = local - offset * kMicrosPerSecond;
        if (offsetSecondsAt(candidate) == offset && (!best || candidate < *best))
            best = candidate;
    }
    if (best)
        return *best;
    return local - before * kMicrosPerSecond; // in a gap: shifted forward by the gap
}

} // namespace tidemark
