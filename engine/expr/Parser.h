// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/expr/Ast.h"

#include <string_view>
#include <variant>

namespace tidemark {

/// Parses a SQL boolean/value expression (`where`, a join's `on`).
std::variant<AstPtr, ParseFailure> parseExpression(std::string_view text);

/// Parses one `selectExpr` item: an expression with an optional `[AS] alias`.
std::variant<SelectItem, ParseFailure> parseSelectItem(std::string_view text);

} // namespace tidemark
