// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schema/DataType.h"
#include "engine/schema/Value.h"

#include <memory>
#include <string>
#include <vector>

namespace tidemark {

struct Ast;
using AstPtr = std::shared_ptr<const Ast>;

/// An unresolved SQL expression as written in `selectExpr`, `where` or a join's `on`.
struct Ast {
    enum class Kind {
        Literal,  ///< `literal` of `literalType` (an INTERVAL literal has TypeId::Interval, micros in an int)
        Column,   ///< `qualifier`.`name`
        Star,     ///< `*`, only as count(*)'s argument or a whole select item
        Unary,    ///< `op` is "-" or "NOT"
        Binary,   ///< `op` is + - * / % = != < <= > >= AND OR
        Between,  ///< args: value, low, high; `negated` for NOT BETWEEN
        In,       ///< args: value, then the list
        IsNull,   ///< `negated` for IS NOT NULL
        Cast,     ///< CAST(args[0] AS castType)
        Call,     ///< `name`(args)
        Case,     ///< CASE WHEN: args are condition, value pairs, then the ELSE value if `negated`
    };
    Kind kind = Kind::Literal;
    std::size_t pos = 0; ///< offset of the node's first character in the text
    Value literal;
    DataType literalType;
    std::string qualifier;
    std::string name;
    std::string op;
    std::vector<AstPtr> args;
    bool negated = false;
    DataType castType;
    std::string months; ///< INTERVAL literal: a month/year part, kept to reject it where Spark does
    std::size_t depth = 1; ///< nodes on the longest path down to a leaf, this one included
};

/// The deepest expression the parser accepts (docs/scenario-format.md "Limits"): parentheses,
/// operators, NOT and unary minus each add a level. Binding, evaluation and printing recurse
/// over the tree, so an unbounded depth would overflow the stack.
inline constexpr std::size_t kMaxExpressionDepth = 1000;
/// Parentheses and function calls nest at most this deep: each one is a pass through every
/// precedence level of the parser, so it costs ten stack frames where a NOT or a sign costs one,
/// and 1000 of them would not fit the stack of a sanitizer build.
inline constexpr std::size_t kMaxParenthesesDepth = 250;

/// A select item: an expression and its optional alias (`expr AS name`).
struct SelectItem {
    AstPtr expr;
    std::string alias;
    std::size_t aliasPos = 0;
};

/// Where a parse failed: the offending token and its offset, plus what was expected.
struct ParseFailure {
    std::size_t pos = 0;
    std::string token; ///< the offending token text, "<EOF>" at the end
    std::string expected;
    /// The text nests deeper than kMaxExpressionDepth: Tidemark's limit, not Spark's syntax error.
    bool tooDeep = false;
    /// An INTERVAL literal whose microseconds do not fit 64 bits: Spark parses it and then fails
    /// with ArithmeticException: long overflow where it adds it to a timestamp.
    bool overflow = false;
};

/// Spark's pretty name of an expression, used as the column name when there is no alias
/// (`upper(name)`, `(a + 1)`, `CAST(x AS INT)`).
std::string prettyName(const Ast& ast);

} // namespace tidemark
