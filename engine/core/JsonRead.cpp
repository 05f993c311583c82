// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/JsonRead.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include <sys/stat.h>

namespace tidemark::jsonread {

[[noreturn]] void fail(const std::string& where, const std::string& message) { throw LoadFailure{where, message}; }

std::string join(const std::string& path, const std::string& key)
{
    const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; });
    if (!plain)
        return path + "[\"" + key + "\"]";
    return path.empty() ? key : path + "." + key;
}

std::string at(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

const char* jsonTypeName(const Json& j)
{
    switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number";
    default: return "a value";
    }
}

namespace {

size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (std::tolower(a[i - 1]) == std::tolower(b[j - 1]) ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

void expectObject(const Json& j, const std::string& path)
{
    if (!j.is_object())
        fail(path, "expected an object, found " + std::string(jsonTypeName(j)));
}

void checkKeys(const Json& obj, const std::string& path, std::initializer_list<const char*> allowed)
{
    expectObject(obj, path);
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string& key = it.key();
        if (std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
            continue;
        std::string best;
        size_t bestDistance = 3;
        std::string list;
        for (const char* a : allowed) {
            list += std::string(list.empty() ? "" : ", ") + a;
            const size_t d = editDistance(key, a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        fail(join(path, key), "unknown key \"" + key + "\"" + (best.empty() ? "" : " (did you mean \"" + best + "\"?)")
                                  + "; expected one of: " + list);
    }
}

const Json* find(const Json& obj, const char* key)
{
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

std::string getString(const Json& j, const std::string& path)
{
    if (!j.is_string())
        fail(path, "expected a string, found " + std::string(jsonTypeName(j)));
    return j.get<std::string>();
}

std::int64_t getInt(const Json& j, const std::string& path)
{
    static const std::string kRange = " is outside the range of a 64-bit integer (-9223372036854775808 to 9223372036854775807)";
    // nlohmann keeps 2^63 .. 2^64-1 as unsigned and anything larger as a double: reading either
    // as int64 would wrap without a word.
    if (j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        fail(path, std::to_string(j.get<std::uint64_t>()) + kRange);
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (std::abs(d) >= 9223372036854775808.0 && d == static_cast<double>(static_cast<long double>(d)))
            fail(path, "the number" + kRange);
    }
    if (!j.is_number_integer())
        fail(path, "expected an integer, found " + std::string(jsonTypeName(j)));
    return j.get<std::int64_t>();
}

namespace {

std::string lineColumn(std::size_t line, std::size_t column)
{
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// The encoding a file's first bytes betray when it is not UTF-8: a byte order mark, or the
/// zero bytes that ASCII text has in UTF-16 and UTF-32. Empty for UTF-8.
std::string foreignEncoding(const unsigned char* b, std::size_t n)
{
    auto starts = [&](std::initializer_list<int> bytes) {
        if (n < bytes.size())
            return false;
        std::size_t i = 0;
        for (int v : bytes)
            if (b[i++] != v)
                return false;
        return true;
    };
    if (starts({0x00, 0x00, 0xFE, 0xFF}))
        return "UTF-32 (big-endian)";
    if (starts({0xFF, 0xFE, 0x00, 0x00}))
        return "UTF-32 (little-endian)";
    if (starts({0xFE, 0xFF}))
        return "UTF-16 (big-endian)";
    if (starts({0xFF, 0xFE}))
        return "UTF-16 (little-endian)";
    if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
        return "UTF-32 (little-endian)";
    if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0)
        return "UTF-32 (big-endian)";
    if (n >= 2 && b[0] != 0 && b[1] == 0)
        return "UTF-16 (little-endian)";
    if (n >= 2 && b[0] == 0 && b[1] != 0)
        return "UTF-16 (big-endian)";
    return {};
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// A JSON string's text as the parser decodes it (escapes, \u with surrogate pairs), so that
/// "a" and "\u0061" are recognised as one key. Malformed escapes are kept as written: the
/// parser reports them.
std::string decodeJsonString(const std::string& raw)
{
    std::string out;
    auto hex4 = [&](std::size_t i) -> std::optional<std::uint32_t> {
        if (i + 4 > raw.size())
            return std::nullopt;
        std::uint32_t v = 0;
        for (std::size_t k = i; k < i + 4; ++k) {
            const char c = raw[k];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return std::nullopt;
        }
        return v;
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i];
            continue;
        }
        const char e = raw[++i];
        switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
            auto cp = hex4(i + 1);
            if (!cp) {
                out += "\\u";
                break;
            }
            i += 4;
            if (*cp >= 0xD800 && *cp < 0xDC00 && i + 2 < raw.size() && raw[i + 1] == '\\' && raw[i + 2] == 'u') {
                if (auto low = hex4(i + 3); low && *low >= 0xDC00 && *low < 0xE000) {
                    cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
                    i += 6;
                }
            }
            appendUtf8(out, *cp);
            break;
        }
        default: out += e; break; // \" \\ \/
        }
    }
    return out;
}

/// The structure the pre-scan follows: one frame per open array or object. Frames are reused
/// as the scan goes in and out, so a file of a million small objects allocates little.
struct Frame {
    bool isArray = false;
    std::size_t index = 0;  ///< array: the element being read
    bool expectKey = true;  ///< object: the next string is a key
    std::string key;        ///< object: the member being read
    std::vector<std::string> keys;        ///< object: the keys seen so far
    std::unordered_set<std::string> many; ///< object: the same, once there are many of them

    void reset(bool array)
    {
        isArray = array;
        index = 0;
        expectKey = true;
        keys.clear();
        many.clear();
    }
    /// False when `k` was seen before in this object.
    bool insert(const std::string& k)
    {
        constexpr std::size_t kLinear = 16;
        if (keys.size() < kLinear) {
            if (std::find(keys.begin(), keys.end(), k) != keys.end())
                return false;
            keys.push_back(k);
            return true;
        }
        if (many.empty())
            many.insert(keys.begin(), keys.end());
        return many.insert(k).second;
    }
};

class JsonScan {
public:
    void byte(unsigned char c)
    {
        if (c == '\n') {
            ++m_line;
            m_column = 0;
        } else {
            ++m_column;
        }
        if (c == 0)
            fail(lineColumn(m_line, m_column), "the file contains a NUL byte (a zero byte) here, which JSON text never holds; "
                                                 "is it a binary file, or saved as UTF-16? Save it as UTF-8 text");
        if (m_inString) {
            stringByte(c);
            return;
        }
        if (!m_number.empty()) {
            if (std::isdigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                m_number += static_cast<char>(c);
                return;
            }
            checkNumber();
        } else if (std::isdigit(c) || c == '-') {
            m_number = static_cast<char>(c);
            m_numberColumn = m_column;
            return;
        }
        switch (c) {
        case '"':
            m_inString = true;
            m_isKey = !m_confused && m_depth > 0 && !top().isArray && top().expectKey;
            m_raw.clear();
            break;
        case '{':
        case '[':
            if (m_depth >= kMaxJsonDepth)
                fail(lineColumn(m_line, m_column), "the JSON nests more than " + std::to_string(kMaxJsonDepth)
                                                       + " levels of arrays and objects deep here; Tidemark reads at most "
                                                       + std::to_string(kMaxJsonDepth));
            if (m_depth == m_frames.size())
                m_frames.emplace_back();
            m_frames[m_depth++].reset(c == '[');
            break;
        case '}':
        case ']':
            if (m_depth == 0 || top().isArray != (c == ']'))
                m_confused = true; // malformed: the parser will say where
            if (m_depth > 0)
                --m_depth;
            break;
        case ',':
            if (m_depth > 0) {
                if (top().isArray)
                    ++top().index;
                else
                    top().expectKey = true;
            }
            break;
        case ':':
            if (m_depth > 0)
                top().expectKey = false;
            break;
        default: break;
        }
    }

    /// At the end of the text: a number may run to the last byte.
    void finish()
    {
        if (!m_number.empty())
            checkNumber();
    }

private:
    /// A number too large for a double (1e400) makes the parser fail without a place.
    void checkNumber()
    {
        const std::string number = std::exchange(m_number, {});
        char* end = nullptr;
        errno = 0;
        const double v = std::strtod(number.c_str(), &end);
        if (end == number.c_str() + number.size() && std::isinf(v))
            fail(lineColumn(m_line, m_numberColumn), "the number " + number.substr(0, 40) + (number.size() > 40 ? "…" : "")
                                                         + " is too large for a number of this format (at most about 1.8e308)");
    }

    void stringByte(unsigned char c)
    {
        if (m_escaped) {
            m_escaped = false;
        } else if (c == '\\') {
            m_escaped = true;
        } else if (c == '"') {
            m_inString = false;
            if (m_isKey)
                addKey(decodeJsonString(m_raw));
            return;
        }
        if (m_isKey)
            m_raw += static_cast<char>(c);
    }

    Frame& top() { return m_frames[m_depth - 1]; }

    void addKey(std::string key)
    {
        Frame& f = top();
        if (!f.insert(key))
            fail(join(path(), key), "the key \"" + key + "\" appears twice in this object; JSON would keep only the last one, so say it once");
        f.key = std::move(key);
    }

    /// The JSON path of the innermost open object.
    std::string path() const
    {
        std::string p;
        for (std::size_t i = 0; i + 1 < m_depth; ++i)
            p = m_frames[i].isArray ? at(p, m_frames[i].index) : join(p, m_frames[i].key);
        return p;
    }

    std::vector<Frame> m_frames; ///< the first m_depth are open
    std::size_t m_depth = 0;
    std::size_t m_line = 1;
    std::size_t m_column = 0;
    bool m_inString = false;
    bool m_escaped = false;
    bool m_isKey = false;
    bool m_confused = false;
    std::string m_raw;
    std::string m_number; ///< the number being read, outside strings
    std::size_t m_numberColumn = 0;
};

} // namespace

void checkJsonText(std::istream& in)
{
    unsigned char head[4] = {0, 0, 0, 0};
    in.read(reinterpret_cast<char*>(head), 4);
    const auto n = static_cast<std::size_t>(in.gcount());
    const std::string encoding = foreignEncoding(head, n);
    if (!encoding.empty())
        fail("line 1, column 1", "the file is " + encoding + "; save it as UTF-8");
    JsonScan scan;
    const std::size_t skip = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0; // UTF-8 BOM
    for (std::size_t i = skip; i < n; ++i)
        scan.byte(head[i]);
    auto* buf = in.rdbuf();
    for (auto c = buf->sbumpc(); c != std::char_traits<char>::eof(); c = buf->sbumpc())
        scan.byte(static_cast<unsigned char>(c));
    scan.finish();
}

Status checkRegularFile(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return Error::file("", "cannot open the file (" + std::string(std::strerror(errno)) + ")");
    if (S_ISREG(st.st_mode))
        return {};
    const char* what = S_ISDIR(st.st_mode) ? "a directory" : S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)" : S_ISSOCK(st.st_mode) ? "a socket"
                     : (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))                  ? "a device"
                                                                                      : "not a file";
    return Error::file("", std::string("not a regular file: the path names ") + what + ", not a saved .json file");
}

std::string malformedJson(const std::string& what)
{
    // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> the readable part
    const auto p = what.find("parse error");
    return "malformed JSON: " + (p == std::string::npos ? what : what.substr(p));
}

} // namespace tidemark::jsonread
