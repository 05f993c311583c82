// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tidemark {

/// A Python 3 string literal for `text`: double quotes unless the text holds double quotes
/// and no single ones; backslashes, the quote and control characters escaped; other UTF-8
/// kept as is (Python source is UTF-8). Bytes that are not valid UTF-8 become `\xNN`
/// escapes, so the literal always compiles.
std::string pyString(std::string_view text);

/// A Python float literal that reads back as exactly `d` (shortest round-trip digits);
/// `float("nan")` / `float("inf")` for the values Python has no literal for.
std::string pyFloat(double d);

/// True for an ASCII Python identifier that is not a keyword.
bool isPyIdentifier(std::string_view name);

/// `name` when it is a Python identifier not in `taken`, else `fallback` (made unique with a
/// number); the result is added to `taken`.
std::string uniquePyName(std::string_view name, std::string_view fallback, std::vector<std::string>& taken);

/// `text` as lines of a Python comment ("# " + line), one per line of the text (a carriage
/// return, which Python also reads as a line end, becomes a space).
std::string pyComment(std::string_view text, std::string_view indent = {});

} // namespace tidemark
