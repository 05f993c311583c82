// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tidemark {

/// The column types a scenario can declare, plus the structured types operators produce.
enum class TypeId : std::uint8_t {
    Null,      ///< The type of a bare NULL literal before coercion.
    String,
    Int,
    Long,
    Double,
    Boolean,
    Timestamp, ///< Microseconds since the epoch, UTC.
    Window,    ///< struct<start: timestamp, end: timestamp> from window() or session_window()
    Array,     ///< array<element>, from split() and collect_list()/collect_set()
    Interval,  ///< Only inside expressions (`ts + INTERVAL 1 HOUR`), never a column.
};

/// A column type. `element` is meaningful for arrays only.
struct DataType {
    TypeId id = TypeId::Null;
    TypeId element = TypeId::Null;

    constexpr DataType() = default;
    constexpr DataType(TypeId t, TypeId e = TypeId::Null) : id(t), element(e) {}
    bool operator==(const DataType&) const = default;

    bool isNumeric() const { return id == TypeId::Int || id == TypeId::Long || id == TypeId::Double; }
    bool isIntegral() const { return id == TypeId::Int || id == TypeId::Long; }
};

/// Spark's catalogString ("int", "bigint", "timestamp", "struct<start:timestamp,end:timestamp>", "array<string>").
std::string sparkTypeName(const DataType& type);

/// The spelling used in scenario schemas ("string", "int", "long", "double", "boolean", "timestamp").
std::string scenarioTypeName(const DataType& type);

/// Parses a scenario schema type name; also accepts Spark's aliases ("bigint", "integer", "bool").
std::optional<DataType> parseScenarioType(std::string_view name);

} // namespace tidemark
