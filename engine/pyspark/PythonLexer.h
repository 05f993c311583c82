// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace tidemark::pyspark {

/// A token of the Python subset a notebook's query is written in.
struct PyToken {
    enum class Kind : std::uint8_t {
        Name,
        Number,
        String,  ///< `text` is the decoded value; `fstring` marks f"..." (its `{...}` kept)
        Op,      ///< punctuation and operators: ( ) [ ] { } . , : = == != <= ... & | ~ ** //
        Shell,   ///< an IPython `!command` or `%magic`, to the end of the line
        Newline, ///< the end of a logical line
        End,
    };
    Kind kind = Kind::End;
    std::string text;
    bool fstring = false;
    int line = 1;   ///< 1-based line in the cell
    int column = 0; ///< 0-based column
    int indent = 0; ///< indentation of the logical line the token is on
    std::size_t begin = 0, end = 0; ///< byte offsets in the cell's text
};

/// Splits a cell's code into tokens. Newlines inside brackets and after a backslash do not
/// end a logical line; comments are dropped. An unterminated string ends at the end of its
/// line (the parser then reports the statement).
std::vector<PyToken> tokenizePython(const std::string& code);

} // namespace tidemark::pyspark
