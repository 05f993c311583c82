// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

/// Marks an English sentence the window translates (lupdate reads it as QT_TRANSLATE_NOOP,
/// see TIDEMARK_LUPDATE_OPTIONS in ui/CMakeLists.txt). The engine itself stays in English.
#define TIDEMARK_PHRASE(context, text) text

namespace tidemark {

/// One sentence of an explanation: an English text with %1, %2... and the values that fill
/// them (times, numbers, Spark's own words), so a translation can reorder them.
struct Phrase {
    const char* text;
    std::vector<std::string> args;
};

/// `text` with %1..%9 replaced by `args` in one pass (an argument containing "%2" stays as is).
std::string substitute(const std::string& text, const std::vector<std::string>& args);

/// The phrases one after another, in English.
std::string render(const std::vector<Phrase>& phrases);

} // namespace tidemark
