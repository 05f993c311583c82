// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tidemark::kafka {

/// Text taken from a message (or from anything a message reached) made safe to print on a
/// terminal and short enough for one line, in the spirit of `cat -v` and kcat's escaped output:
///
/// - ESC is written `\e`; newline, carriage return and tab `\n`, `\r`, `\t`; the other C0
///   controls and DEL `\xNN` (so a message cannot move the cursor, recolour or clear the
///   teacher's terminal, or split one report into two lines);
/// - bytes that are not valid UTF-8 are `\xNN`, one per byte;
/// - the C1 controls (U+0080..U+009F, which some terminals obey like ESC sequences), the
///   bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069) and the line and
///   paragraph separators are `\u{XXXX}`;
/// - everything else, Korean text included, is kept; a backslash is kept as it is, so JSON
///   escapes read as the producer typed them, and text already escaped passes through again
///   unchanged (when the cap leaves room for it);
/// - after `maxChars` characters of the input the rest is cut and "…" appended.
std::string printableText(std::string_view text, std::size_t maxChars = 120);

} // namespace tidemark::kafka
