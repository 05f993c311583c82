// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/core/SparkVersion.h"
#include "engine/expr/Ast.h"
#include "engine/expr/TimeWindows.h"
#include "engine/schema/Schema.h"
#include "engine/time/TimeZone.h"

#include <memory>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace tidemark {

/// An expression resolved against an input schema: column references are indices, every
/// node has its result type, implicit casts are explicit nodes. Evaluated per row with
/// Spark's non-ANSI semantics (null in, null out; bad casts give null).
struct BoundExpr {
    enum class Op {
        Literal, Column, Negate, Not,
        Add, Subtract, Multiply, Divide, Remainder,
        Equal, NotEqual, NullSafeEqual, Less, LessEqual, Greater, GreaterEqual,
        And, Or, In, IsNull, IsNotNull, Cast,
        Split, Lower, Upper, Length, Concat, Coalesce, Abs, Trim, TimestampSeconds,
        TumblingWindow, ///< window(args[0], duration) for a join side
        CaseWhen,       ///< args: condition, value pairs, then the ELSE value when their count is odd
        WindowTime,     ///< window_time(window) (3.4+): the window's end - 1 µs
    };
    Op op = Op::Literal;
    DataType type;
    std::size_t column = 0;
    Value literal;
    std::vector<BoundExpr> args;
    bool negated = false;
    std::shared_ptr<const re2::RE2> regex; ///< split(): compiled once at bind time
    TimeZone zone;                           ///< casts between strings and timestamps
    TimeWindowSpec window;                   ///< TumblingWindow
    /// For a column reference: the watermark metadata it carries forward (Alias keeps it).
    std::optional<Millis> watermarkDelayMs;

    Value eval(const Row& row) const;
    /// True only for a non-null true (SQL WHERE semantics).
    bool test(const Row& row) const;
};

/// What binding needs to know beyond the schema.
struct BindContext {
    SparkVersion version;
    TimeZone zone;
    std::string text; ///< the expression's source text, for positions in messages
};

/// Resolves an expression against `schema`. Errors carry Spark's AnalysisException text.
Result<BoundExpr> bindExpression(const Ast& ast, const Schema& schema, const BindContext& ctx);

/// Casts a value between types with Spark's non-ANSI Cast semantics.
Value castValue(const Value& v, const DataType& from, const DataType& to, const TimeZone& zone);

/// Spark's message for a column that does not resolve, worded per release.
std::string unresolvedColumnMessage(const std::string& name, const Schema& schema, const SparkVersion& version);

/// Splits like Java's Pattern.split(input, -1), which Spark's split() uses: trailing empty
/// strings are kept, a zero-width match at the start never yields a leading empty string.
/// RE2 matches in time linear in the input and without recursion, so no pattern can hang
/// or overflow the stack the way a backtracking engine (Java's, or std::regex) can.
std::vector<std::string> regexSplit(const std::string& input, const re2::RE2& pattern);

/// Compiles a split() pattern, or says why it cannot be used (Tidemark's words: Spark's
/// Java regex accepts back references and look-around, which RE2 refuses).
Result<std::shared_ptr<const re2::RE2>> compileSplitPattern(const std::string& pattern);

} // namespace tidemark
