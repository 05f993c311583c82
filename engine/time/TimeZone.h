// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/time/Time.h"

#include <memory>
#include <string>
#include <vector>

namespace tidemark {

/// A time zone as Spark's session time zone uses it: a region of the system's tz database
/// (/usr/share/zoneinfo, read with date/tz), or a fixed offset such as "+09:00" or "UTC".
/// Immutable and cheap to copy: a region's offsets are a table built once per process.
class TimeZone {
public:
    /// UTC.
    TimeZone();

    /// "UTC", "Z", "GMT", "+09:00", "-05", "UTC+9", "GMT-03:30" or a region ID ("Asia/Seoul").
    static Result<TimeZone> load(const std::string& id);

    const std::string& id() const { return m_id; }

    /// Offset from UTC in seconds at a UTC instant.
    std::int64_t offsetSecondsAt(Micros utc) const;

    /// Local wall-clock microseconds for a UTC instant. Wraps within a day of the ends of the
    /// 64-bit range; use toLocalDayTime there.
    Micros toLocal(Micros utc) const { return utc + offsetSecondsAt(utc) * kMicrosPerSecond; }

    /// The local day (days since 1970-01-01) and time of day for a UTC instant, for every
    /// instant of the 64-bit range: year 294,247 in Seoul is a local time past the last UTC one.
    struct DayTime {
        std::int64_t day = 0;
        Micros microsOfDay = 0;
    };
    DayTime toLocalDayTime(Micros utc) const
    {
        // The offset (under a day) is added to the time of day, so nothing leaves 64 bits.
        DayTime d{floorDiv(utc, kMicrosPerDay), floorMod(utc, kMicrosPerDay) + offsetSecondsAt(utc) * kMicrosPerSecond};
        if (d.microsOfDay < 0) {
            --d.day;
            d.microsOfDay += kMicrosPerDay;
        } else if (d.microsOfDay >= kMicrosPerDay) {
            ++d.day;
            d.microsOfDay -= kMicrosPerDay;
        }
        return d;
    }

    /// UTC instant for a local wall-clock time, resolved as java.time does: in an overlap the
    /// earlier instant, in a gap the time is pushed forward by the gap's length.
    Micros fromLocal(Micros local) const;

    struct Rules;

private:
    std::string m_id;
    std::shared_ptr<const Rules> m_rules;
};

} // namespace tidemark
