// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sink/ConsoleFormat.h"

#include "engine/schema/ValueText.h"

namespace tidemark {

namespace {

/// Decodes UTF-8 into code points (invalid bytes are taken as single units).
std::vector<char32_t> codePoints(const std::string& s)
{
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (i + static_cast<size_t>(len) > s.size())
            len = 1;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
        out.push_back(cp);
        i += static_cast<size_t>(len);
    }
    return out;
}

/// Utils.fullWidthRegex.
bool isFullWidth(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
           || (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
}

/// The first `units` UTF-16 units of a string (String.substring(0, units)).
std::string prefixUnits(const std::string& s, int units)
{
    std::string out;
    int used = 0;
    size_t i = 0;
    for (char32_t cp : codePoints(s)) {
        const int w = cp >= 0x10000 ? 2 : 1;
        if (used + w > units)
            break;
        used += w;
        // re-encode by copying the original bytes
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        out.append(s, i, len);
        i += len;
    }
    return out;
}

/// SchemaUtils.escapeMetaCharacters: control characters would break the table.
std::string escapeMeta(const std::string& s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\f': out += "\\f"; break;
        case '\b': out += "\\b"; break;
        case '\v': out += "\\v"; break;
        case '\a': out += "\\a"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace

int utf16Length(const std::string& utf8)
{
    int n = 0;
    for (char32_t cp : codePoints(utf8))
        n += cp >= 0x10000 ? 2 : 1;
    return n;
}

int stringHalfWidth(const std::string& utf8)
{
    int n = 0;
    for (char32_t cp : codePoints(utf8))
        n += (cp >= 0x10000 ? 2 : 1) + (isFullWidth(cp) ? 1 : 0);
    return n;
}

std::string showString(const Schema& schema, const std::vector<Row>& rows, const TimeZone& zone, const SparkVersion& version,
                       const ConsoleOptions& options)
{
    const int truncate = options.truncate ? 20 : 0;
    const size_t shown = std::min(rows.size(), static_cast<size_t>(std::max(options.numRows, 0)));
    const bool hasMoreData = rows.size() > shown;
    std::vector<std::vector<std::string>> cells;
    cells.reserve(shown + 1);
    std::vector<std::string> header;
    for (const auto& f : schema.fields)
        header.push_back(escapeMeta(f.name));
    cells.push_back(std::move(header));
    for (size_t r = 0; r < shown; ++r) {
        std::vector<std::string> line;
        for (size_t c = 0; c < schema.size(); ++c) {
            std::string str = escapeMeta(valueToText(rows[r][c], schema[c].type, zone, version.nullText()));
            if (truncate > 0 && utf16Length(str) > truncate)
                str = truncate < 4 ? prefixUnits(str, truncate) : prefixUnits(str, truncate - 3) + "...";
            line.push_back(std::move(str));
        }
        cells.push_back(std::move(line));
    }
    std::vector<int> widths(schema.size(), 3);
    for (const auto& line : cells)
        for (size_t c = 0; c < line.size(); ++c)
            widths[c] = std::max(widths[c], stringHalfWidth(line[c]));
    std::string sep = "+";
    for (int w : widths)
        sep += std::string(static_cast<size_t>(w), '-') + "+";
    sep += "\n";
    auto renderLine = [&](const std::vector<std::string>& line) {
        std::string out = "|";
        for (size_t c = 0; c < line.size(); ++c) {
            const int pad = widths[c] - stringHalfWidth(line[c]);
            if (truncate > 0)
                out += std::string(static_cast<size_t>(std::max(pad, 0)), ' ') + line[c];
            else
                out += line[c] + std::string(static_cast<size_t>(std::max(pad, 0)), ' ');
            out += "|";
        }
        return out + "\n";
    };
    std::string out = sep + renderLine(cells[0]) + sep;
    for (size_t r = 1; r < cells.size(); ++r)
        out += renderLine(cells[r]);
    out += sep;
    if (hasMoreData)
        out += "only showing top " + std::to_string(shown) + (shown == 1 ? " row\n" : " rows\n");
    return out;
}

std::string consoleBatch(std::int64_t batchId, const Schema& schema, const std::vector<Row>& rows, const TimeZone& zone,
                         const SparkVersion& version, const ConsoleOptions& options)
{
    const std::string dashes(43, '-');
    return dashes + "\nBatch: " + std::to_string(batchId) + "\n" + dashes + "\n" + showString(schema, rows, zone, version, options) + "\n";
}

} // namespace tidemark
