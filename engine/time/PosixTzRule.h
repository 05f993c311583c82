// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tidemark {

/// The POSIX TZ string that ends a TZif file ("EST5EDT,M3.2.0,M11.1.0"): the rule in force after
/// the file's last transition, as java.time's ZoneRules keeps applying its last rules forever.
/// Read with RFC 8536's extensions (rule times from -167 to 167 hours, as Asia/Jerusalem's
/// "M3.4.4/26" and America/Nuuk's "M3.5.0/-1" need).
struct PosixTzRule {
    /// One change date: "Mm.w.d[/time]", "Jn[/time]" or "n[/time]".
    struct Date {
        enum class Kind { MonthWeekDay, Julian1, Julian0 } kind = Kind::MonthWeekDay;
        int month = 0, week = 0, weekday = 0, day = 0;
        std::int64_t timeSeconds = 7200;
    };

    std::int64_t stdOffset = 0; ///< seconds east of UTC
    bool hasDst = false;
    std::int64_t dstOffset = 0;
    Date start, end;

    /// Nothing for text that is not a POSIX TZ string.
    static std::optional<PosixTzRule> parse(const std::string& text);

    /// Offset from UTC in seconds at a UTC instant in seconds.
    std::int64_t offsetAt(std::int64_t utcSeconds) const;
};

} // namespace tidemark
