// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schema/DataType.h"
#include "engine/time/Time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidemark {

/// A named column. `watermarkDelayMs` is Spark's `spark.watermarkDelayMs` column metadata:
/// set by withWatermark, kept by column references and aliases, copied onto a window()
/// struct, lost through CAST and generators.
struct Field {
    std::string name;
    DataType type;
    std::optional<Millis> watermarkDelayMs;
    /// The source (or join side) a column came from, so `impressions.adId` resolves.
    std::string qualifier;

    bool operator==(const Field&) const = default;
};

/// An ordered list of columns. Name lookup is case-insensitive, as Spark's default
/// `spark.sql.caseSensitive=false`.
struct Schema {
    std::vector<Field> fields;

    std::size_t size() const { return fields.size(); }
    const Field& operator[](std::size_t i) const { return fields[i]; }

    /// Index of the first column with this name (case-insensitive).
    std::optional<std::size_t> find(std::string_view name) const;
    /// As find(), restricted to columns whose qualifier matches (case-insensitive).
    std::optional<std::size_t> find(std::string_view qualifier, std::string_view name) const;
    /// Index of the first column carrying watermark metadata (WatermarkSupport.findEventTimeColumn).
    std::optional<std::size_t> eventTimeColumn() const;
    std::vector<std::string> names() const;

    bool operator==(const Schema&) const = default;
};

bool equalsIgnoreCase(std::string_view a, std::string_view b);

} // namespace tidemark
