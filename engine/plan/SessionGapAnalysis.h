// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/expr/BoundExpr.h"
#include "engine/schema/Schema.h"

#include <optional>
#include <string>

namespace tidemark {

/// session_window's gap written as an expression (SPARK-36465, Spark 3.2+): either an
/// expression read per row, or a constant that came out as a fixed gap.
struct SessionGapExpression {
    std::optional<BoundExpr> perRow;
    Micros fixed = 0; ///< when perRow is empty: a positive gap
};

/// Reads a gap that is not an interval literal as a SQL expression (`CASE WHEN ... END`, a
/// string column, ...), resolves it against the aggregation's input and checks its type as
/// SessionWindowing does: an interval, a string or null; anything else fails with Spark's
/// sessionWindowGapDurationDataTypeError. `intervalError` says why the text is not an interval.
/// A constant expression is evaluated once and must give a positive gap without months, as a
/// written interval must. Errors are located at `where`.
Result<SessionGapExpression> analyzeSessionGapExpression(const std::string& text, const std::string& intervalError, const Schema& schema,
                                                         const BindContext& ctx, const std::string& where);

/// Spark's DataType.toString ("IntegerType", "DoubleType", ...), as sessionWindowGapDurationDataTypeError prints it.
std::string sparkDataTypeToString(const DataType& type);

} // namespace tidemark
