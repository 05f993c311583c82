// SPDX-License-Identifier: GPL-3.0-or-later
// Spark's ParseException for the expressions of a query, worded per release.
#include "engine/plan/AnalyzerRules.h"

namespace tidemark::analysis {

/// Spark's ParseException text, with the "== SQL ==" excerpt and a caret under the token.
std::string parseMessage(const std::string& text, const ParseFailure& f, const SparkVersion& v)
{
    std::string head;
    if (v.atLeast(4, 0))
        head = "[PARSE_SYNTAX_ERROR] Syntax error at or near '" + f.token + "'. SQLSTATE: 42601 (line 1, pos " + std::to_string(f.pos) + ")";
    else if (v.hasErrorClasses())
        head = "[PARSE_SYNTAX_ERROR] Syntax error at or near '" + f.token + "'.(line 1, pos " + std::to_string(f.pos) + ")";
    else
        head = "mismatched input '" + f.token + "' expecting " + f.expected + "(line 1, pos " + std::to_string(f.pos) + ")";
    return "\n" + head + "\n\n== SQL ==\n" + text + "\n" + std::string(f.pos, '-') + "^^^\n";
}

/// Spark's ParseException, or Tidemark's nesting limit (a file problem: Spark has no such limit).
[[noreturn]] void failParse(const std::string& where, const std::string& text, const ParseFailure& f, const SparkVersion& v)
{
    if (f.tooDeep)
        failFile(where, "the expression nests too deep (at position " + std::to_string(f.pos) + "); Tidemark reads at most " + std::to_string(kMaxExpressionDepth) + " levels of operators, NOT and signs, and at most "
                            + std::to_string(kMaxParenthesesDepth)
                            + " parentheses and function calls inside each other. Split the condition or remove redundant parentheses.");
    if (f.overflow)
        failQuery(where, "long overflow", "ArithmeticException");
    failQuery(where, parseMessage(text, f, v));
}

AstPtr parseExpr(const std::string& text, const std::string& where, const SparkVersion& v)
{
    auto r = parseExpression(text);
    if (auto* f = std::get_if<ParseFailure>(&r))
        failParse(where, text, *f, v);
    return std::get<AstPtr>(r);
}

} // namespace tidemark::analysis
