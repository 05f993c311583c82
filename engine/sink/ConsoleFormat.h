// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/SparkVersion.h"
#include "engine/schema/Schema.h"
#include "engine/schema/Value.h"
#include "engine/time/TimeZone.h"

#include <string>
#include <vector>

namespace tidemark {

/// Options of Spark's console sink.
struct ConsoleOptions {
    bool truncate = true; ///< `truncate` option: cut cells at 20 characters, right-align
    int numRows = 20;     ///< `numRows` option
};

/// Dataset.showString: the table Spark prints, byte for byte. Column widths count
/// East-Asian full-width characters as two (Utils.stringHalfWidth); with truncation, cells
/// longer than 20 UTF-16 units become their first 17 plus "..." and are right-aligned,
/// without it they are left-aligned; a footer says when rows were cut.
std::string showString(const Schema& schema, const std::vector<Row>& rows, const TimeZone& zone, const SparkVersion& version,
                       const ConsoleOptions& options);

/// One batch as the console sink prints it: 43 dashes, "Batch: N", 43 dashes, the table, an empty line.
std::string consoleBatch(std::int64_t batchId, const Schema& schema, const std::vector<Row>& rows, const TimeZone& zone,
                         const SparkVersion& version, const ConsoleOptions& options);

/// Utils.stringHalfWidth: UTF-16 length plus one per full-width character.
int stringHalfWidth(const std::string& utf8);
/// Length in UTF-16 code units, as Java's String.length.
int utf16Length(const std::string& utf8);

} // namespace tidemark
