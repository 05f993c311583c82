// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/time/Time.h"

#include <memory>
#include <string>
#include <vector>

namespace tidemark {

/// A time zone as Spark's session time zone uses it: a region read from the system's tz
/// database (TZif files under /usr/share/zoneinfo, or $TZDIR), or a fixed offset such as
/// "+09:00" or "UTC". Immutable and cheap to copy.
class TimeZone {
public:
    /// UTC.
    TimeZone();

    /// "UTC", "Z", "GMT", "+09:00", "-05", "UTC+9", "GMT-03:30" or a region ID ("Asia/Seoul").
    static Result<TimeZone> load(const std::string& id);

    const std::string& id() const { return m_id; }

    /// Offset from UTC in seconds at a UTC instant.
    std::int64_t offsetSecondsAt(Micros utc) const;

    /// Local wall-clock microseconds for a UTC instant.
    Micros toLocal(Micros utc) const { return utc + offsetSecondsAt(utc) * kMicrosPerSecond; }

    /// UTC instant for a local wall-clock time, resolved as java.time does: in an overlap the
    /// earlier instant, in a gap the time is pushed forward by the gap's length.
    Micros fromLocal(Micros local) const;

    struct Rules;

private:
    std::string m_id;
    std::shared_ptr<const Rules> m_rules;
};

} // namespace tidemark
