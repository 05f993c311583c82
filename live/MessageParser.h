// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/scenario/Scenario.h"
#include "engine/schema/Schema.h"
#include "engine/time/TimeZone.h"

#include <optional>
#include <string>
#include <string_view>

namespace tidemark::kafka {

/// Why a message value did not fully fit the source schema.
enum class MalformedKind : std::uint8_t {
    None,
    NotJson,       ///< the value is not JSON at all
    NotObject,     ///< JSON, but not an object (an array, a number, ...)
    WrongType,     ///< a field has a JSON type the column cannot take
    NullEventTime, ///< the event-time column is missing, null, or could not be read
};

const char* malformedKindName(MalformedKind kind);

/// A message value read as a row.
struct ParsedValue {
    Row row;
    TimeStyle timeStyle = TimeStyle::EpochSeconds; ///< how the first timestamp in the value was written
    MalformedKind kind = MalformedKind::None;
    std::string reason;         ///< what is wrong, for people (empty when nothing is)
    std::string sparkBehaviour; ///< what Spark does with such a message
};

/// Reads Kafka message values as Spark's `from_json(col("value").cast("string"), schema)` does
/// in its default PERMISSIVE mode (JacksonParser, Spark 3.x), so the rows Tidemark feeds the
/// engine are the rows Spark's query would see:
///
/// - a value that is not a JSON object gives a row of nulls (the message still counts as an
///   input row);
/// - a field whose JSON type does not fit its column becomes null, the other fields keep their
///   values (the partial results of Spark 3.0+);
/// - a string column takes any JSON value as its text; int/long need integers (int within
///   32 bits), double takes any number, boolean only true/false;
/// - a timestamp column takes an integer of epoch seconds or a timestamp string
///   ("2021-07-03 00:00:00", ISO 8601 with 'T', 'Z' or an offset) in the session time zone;
///   a fractional number is not a timestamp for Spark's JSON reader;
/// - keys match column names exactly; extra keys are ignored; missing ones are null.
///
/// Besides the row, the parser says what was wrong and what Spark does about it, so that the
/// UI can list malformed messages instead of silently dropping them.
class MessageParser {
public:
    /// `eventTimeColumn`: the column the query's watermark and windows read (may be empty).
    MessageParser(Schema schema, TimeZone zone, std::string eventTimeColumn);

    ParsedValue parse(std::string_view value) const;

    const Schema& schema() const { return m_schema; }
    const std::string& eventTimeColumn() const { return m_eventTimeColumn; }

    /// The column a scenario's query uses as event time for `source`: its withWatermark column
    /// when the source has it, else the source's first timestamp column, else empty.
    static std::string eventTimeColumnOf(const Scenario& scenario, const SourceSpec& source);

private:
    Schema m_schema;
    TimeZone m_zone;
    std::string m_eventTimeColumn;
    std::optional<std::size_t> m_eventTimeIndex;
};

} // namespace tidemark::kafka
