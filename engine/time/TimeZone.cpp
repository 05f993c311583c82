// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/time/TimeZone.h"

#include "engine/time/PosixTzRule.h"
#include "engine/time/ZoneSuggestion.h"

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>

namespace tidemark {

/// A zone's offsets as a table: looking an instant up is one binary search, several times
/// faster than asking date/tz per row (bench/TimeZoneBench.cpp).
struct TimeZone::Rules {
    std::vector<std::int64_t> transitions; ///< UTC seconds, ascending
    std::vector<std::int64_t> offsetAfter; ///< offset in force from transitions[i]
    std::int64_t initialOffset = 0;
    /// In force from the last transition on. date/tz reads a TZif file's transitions but not
    /// the rule at its end, so without it New York would keep standard time after 2037.
    std::optional<PosixTzRule> footer;
};

namespace {

/// The system's tz database, where date/tz (built with USE_OS_TZDB) reads it.
constexpr const char* kZoneInfo = "/usr/share/zoneinfo";

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

/// The region IDs of the tz database, sorted (date/tz lists its files: zones and links, as
/// java.time's ZoneId knows them). "localtime" and other files whose names start in lower case
/// are the system's, not regions. Empty when the database cannot be read.
const std::vector<std::string>& regionIds()
{
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> names;
        try {
            for (const date::time_zone& zone : date::get_tzdb().zones) {
                const std::string name(zone.name());
                if (!name.empty() && !std::islower(static_cast<unsigned char>(name.front())))
                    names.push_back(name);
            }
        } catch (const std::exception&) {
            // No database: every region is refused below, with the reason.
        }
        std::sort(names.begin(), names.end());
        return names;
    }();
    return ids;
}

/// The POSIX TZ string on the last line of a TZif file (RFC 8536 section 3.3), or nothing.
std::optional<PosixTzRule> readFooter(const std::string& id)
{
    std::ifstream in(std::string(kZoneInfo) + "/" + id, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() < 2 || data.back() != '\n')
        return std::nullopt;
    const std::size_t begin = data.rfind('\n', data.size() - 2);
    if (begin == std::string::npos)
        return std::nullopt;
    return PosixTzRule::parse(data.substr(begin + 1, data.size() - begin - 2));
}

/// Walks date/tz's ranges of one offset (sys_info) from the first to the last.
std::shared_ptr<const TimeZone::Rules> buildRules(const date::time_zone& zone, const std::string& id)
{
    using date::January;
    auto rules = std::make_shared<TimeZone::Rules>();
    const date::sys_seconds first = date::sys_days{date::year::min() / January / 1};
    const date::sys_seconds last = date::sys_days{date::year::max() / January / 1};
    date::sys_info range = zone.get_info(first);
    rules->initialOffset = range.offset.count();
    while (range.end < last) {
        const date::sys_seconds change = range.end;
        range = zone.get_info(change);
        rules->transitions.push_back(change.time_since_epoch().count());
        rules->offsetAfter.push_back(range.offset.count());
    }
    rules->footer = readFooter(id);
    return rules;
}

/// Each region's table is built once per process; a table never changes, so loads share it.
Result<std::shared_ptr<const TimeZone::Rules>> regionRules(const std::string& id)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const TimeZone::Rules>> built;
    const std::lock_guard lock(mutex);
    if (auto it = built.find(id); it != built.end())
        return it->second;
    try {
        auto rules = buildRules(*date::locate_zone(id), id);
        built.emplace(id, rules);
        return rules;
    } catch (const std::exception& e) {
        return Error::file("timeZone", "cannot read time zone '" + id + "' from " + kZoneInfo + ": " + e.what());
    }
}

} // namespace

TimeZone::TimeZone() : m_id("UTC"), m_rules(std::make_shared<Rules>()) {}

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
    // java.time's ZoneId.of accepts only the database's IDs: no path out of it
    // ("../../etc/passwd"), no folder ("Asia"), no table ("zone.tab").
    const std::vector<std::string>& ids = regionIds();
    if (ids.empty())
        return Error::file("timeZone", "unknown time zone '" + id + "' (no tz database in " + kZoneInfo
                                           + "; is the tzdata package installed?)");
    if (!std::binary_search(ids.begin(), ids.end(), id))
        return Error::file("timeZone", "unknown time zone '" + id + "'" + zoneSuggestion(id, ids)
                                           + "; expected a region such as \"Asia/Seoul\" or an offset such as \"+09:00\"");
    auto rules = regionRules(id);
    if (!rules.ok())
        return rules.error();
    zone.m_rules = *rules;
    return zone;
}

std::int64_t TimeZone::offsetSecondsAt(Micros utc) const
{
    const Rules& r = *m_rules;
    const std::int64_t seconds = floorDiv(utc, kMicrosPerSecond);
    if (r.transitions.empty() || seconds < r.transitions.front())
        return r.transitions.empty() && r.footer ? r.footer->offsetAt(seconds) : r.initialOffset;
    if (seconds >= r.transitions.back() && r.footer)
        return r.footer->offsetAt(seconds);
    auto it = std::upper_bound(r.transitions.begin(), r.transitions.end(), seconds);
    return r.offsetAfter[static_cast<size_t>(std::distance(r.transitions.begin(), it)) - 1];
}

Micros TimeZone::fromLocal(Micros local) const
{
    const std::int64_t before = offsetSecondsAt(local - kMicrosPerDay);
    const std::int64_t after = offsetSecondsAt(local + kMicrosPerDay);
    std::optional<Micros> best;
    auto consider = [&](std::int64_t offset) {
        const Micros candidate = local - offset * kMicrosPerSecond;
        if (offsetSecondsAt(candidate) == offset && (!best || candidate < *best))
            best = candidate;
    };
    consider(before);
    if (after != before) // away from a change, one candidate is enough
        consider(after);
    if (best)
        return *best;
    return local - before * kMicrosPerSecond; // in a gap: shifted forward by the gap
}

} // namespace tidemark
