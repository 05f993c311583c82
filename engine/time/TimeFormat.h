// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/time/CivilTime.h"
#include "engine/time/TimeZone.h"

#include <optional>
#include <string>
#include <string_view>

namespace tidemark {

/// A timestamp as Spark casts it to a string: `yyyy-MM-dd HH:mm:ss` in the session time
/// zone, plus the fraction of a second with trailing zeros removed when it is not zero.
std::string formatTimestamp(Micros utc, const TimeZone& zone);

/// `HH:mm:ss` (with a trimmed fraction when not zero) in the zone; for compact labels.
std::string formatTimeOfDay(Micros utc, const TimeZone& zone);

/// `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` in UTC, the format of StreamingQueryProgress.eventTime.
std::string formatIsoUtcMillis(Millis utcMillis);

/// Parses "YYYY-MM-DD HH:MM:SS[.ffffff]" (or with 'T'), "YYYY-MM-DD", or "HH:MM[:SS[.f]]"
/// on `date` ("YYYY-MM-DD"), as local time in `zone`. The message says what is wrong.
Result<Micros> parseTimestamp(std::string_view text, const TimeZone& zone, const std::optional<CivilDate>& date);

/// Parses "YYYY-MM-DD".
std::optional<CivilDate> parseDate(std::string_view text);

} // namespace tidemark
