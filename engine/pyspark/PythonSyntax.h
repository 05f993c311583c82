// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tidemark::pyspark {

struct PyExpr;
using PyExprPtr = std::shared_ptr<const PyExpr>;

/// An expression of the Python subset: enough to follow a DataFrame's method chain, the
/// values passed to it, and the names it is assigned to.
struct PyExpr {
    enum class Kind : std::uint8_t {
        Name,      ///< `text`
        Number,    ///< `text` as written
        String,    ///< `text` decoded; `fstring` for f"..."
        Constant,  ///< True, False, None (`text`)
        List,      ///< `items`
        Tuple,     ///< `items`
        Attribute, ///< `object`.`text`
        Call,      ///< `object`(`items`, `keywords`)
        Subscript, ///< `object`[`items[0]`]
        Unary,     ///< `text` is - + ~ not; `items[0]`
        Binary,    ///< `text` is the operator; `items[0]`, `items[1]`
        Shell,     ///< IPython `!command`
        Other,     ///< a construct outside the subset (dict, lambda, comprehension, ...)
    };
    Kind kind = Kind::Other;
    std::string text;
    bool fstring = false;
    PyExprPtr object;
    std::vector<PyExprPtr> items;
    std::vector<std::pair<std::string, PyExprPtr>> keywords;
    int line = 1; ///< 1-based line in the cell
    std::size_t begin = 0, end = 0; ///< byte offsets in the cell's text
};

/// A top-level statement: `targets = value`, or a bare expression (no targets).
/// Compound statements (def, for, if, ...) are skipped with their bodies: a query is built
/// at the top level of a cell.
struct PyStatement {
    std::vector<std::string> targets;
    bool opaqueTarget = false; ///< `a, b = ...`, `x += ...`: the names become unknown
    PyExprPtr value;
    int line = 1;
};

/// A statement that could not be read.
struct PySyntaxError {
    int line = 1;
    std::string message;
};

struct PyModule {
    std::vector<PyStatement> statements;
    std::vector<PySyntaxError> errors;
};

/// Parses a cell's code. A statement that cannot be read is reported and skipped; the rest
/// of the cell is still read.
PyModule parsePython(const std::string& code);

} // namespace tidemark::pyspark
