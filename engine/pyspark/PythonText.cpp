// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pyspark/PythonText.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace tidemark {

namespace {

/// Length of the valid UTF-8 sequence starting at `i`, or 0 when the bytes there are not one.
size_t utf8SequenceLength(std::string_view s, size_t i)
{
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size())
        return 0;
    for (size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
    // Overlong forms and surrogates are not UTF-8 either (Python rejects them in source).
    if (n == 2 && c < 0xC2)
        return 0;
    if (n == 3) {
        const unsigned cp = ((c & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
    }
    if (n == 4) {
        const unsigned cp = ((c & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) | ((byte(i + 2) & 0x3Fu) << 6) | (byte(i + 3) & 0x3Fu);
        if (cp < 0x10000 || cp > 0x10FFFF)
            return 0;
    }
    return n;
}

std::string hexEscape(unsigned char c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
    return buf;
}

} // namespace

std::string pyString(std::string_view text)
{
    const bool hasDouble = text.find('"') != std::string_view::npos;
    const bool hasSingle = text.find('\'') != std::string_view::npos;
    const char quote = hasDouble && !hasSingle ? '\'' : '"';
    std::string out(1, quote);
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\' || c == quote) {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7F) {
            out += hexEscape(u);
        } else if (u >= 0x80) {
            const size_t n = utf8SequenceLength(text, i);
            if (n == 0) {
                out += hexEscape(u);
                ++i;
                continue;
            }
            out.append(text.substr(i, n));
            i += n;
            continue;
        } else {
            out += c;
        }
        ++i;
    }
    out += quote;
    return out;
}

std::string pyFloat(double d)
{
    if (std::isnan(d))
        return "float(\"nan\")";
    if (std::isinf(d))
        return d > 0 ? "float(\"inf\")" : "-float(\"inf\")";
    std::array<char, 64> buf{};
    auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), d);
    (void)ec;
    std::string s(buf.data(), end);
    if (s.find_first_of(".e") == std::string::npos)
        s += ".0";
    return s;
}

bool isPyIdentifier(std::string_view name)
{
    static constexpr std::array<std::string_view, 35> kKeywords = {
        "False", "None",   "True",    "and",      "as",   "assert", "async", "await",  "break", "class", "continue", "def",
        "del",   "elif",   "else",    "except",   "finally", "for", "from",  "global", "if",    "import", "in",      "is",
        "lambda", "nonlocal", "not",  "or",       "pass", "raise",  "return", "try",   "while", "with",  "yield"};
    if (name.empty() || (name[0] >= '0' && name[0] <= '9'))
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return std::find(kKeywords.begin(), kKeywords.end(), name) == kKeywords.end();
}

std::string uniquePyName(std::string_view name, std::string_view fallback, std::vector<std::string>& taken)
{
    const auto isTaken = [&](const std::string& n) { return std::find(taken.begin(), taken.end(), n) != taken.end(); };
    std::string chosen(name);
    if (!isPyIdentifier(chosen) || isTaken(chosen)) {
        chosen = std::string(fallback);
        for (int n = 2; isTaken(chosen); ++n)
            chosen = std::string(fallback) + std::to_string(n);
    }
    taken.push_back(chosen);
    return chosen;
}

std::string pyComment(std::string_view text, std::string_view indent)
{
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string line(text.substr(start, end - start));
        // Python ends a line at a carriage return too, which would end the comment early.
        std::replace(line.begin(), line.end(), '\r', ' ');
        out.append(indent);
        out += line.empty() ? "#" : "# ";
        out += line;
        out += '\n';
        if (end == text.size())
            break;
        start = end + 1;
    }
    return out;
}

} // namespace tidemark
