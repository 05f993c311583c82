// SPDX-License-Identifier: GPL-3.0-or-later
// Reading Tidemark's JSON files (scenarios, lessons): the located errors both loaders give.
// Private to the engine's loaders; nlohmann/json does not reach the engine's public headers.
#pragma once

#include "engine/core/Error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <istream>
#include <string>

namespace tidemark::jsonread {

using Json = nlohmann::ordered_json;

/// Thrown on the first problem, caught by the loader and returned as an Error.
struct LoadFailure {
    std::string where;
    std::string message;
};

[[noreturn]] void fail(const std::string& where, const std::string& message);
/// `path.key`, or `path["odd key"]` for a key that is not a plain name.
std::string join(const std::string& path, const std::string& key);
/// `path[i]`.
std::string at(const std::string& path, std::size_t i);
/// "an object", "a string", … for messages.
const char* jsonTypeName(const Json& j);
void expectObject(const Json& j, const std::string& path);
/// Fails on a key not in `allowed`, with a "did you mean" for a near miss.
void checkKeys(const Json& obj, const std::string& path, std::initializer_list<const char*> allowed);
/// The member `key`, or null.
const Json* find(const Json& obj, const char* key);
std::string getString(const Json& j, const std::string& path);
std::int64_t getInt(const Json& j, const std::string& path);

/// The deepest nesting of arrays and objects a file may have (docs/scenario-format.md "Limits").
inline constexpr std::size_t kMaxJsonDepth = 512;

/// Reads the raw bytes once before the JSON parser does, and fails on what the parser would
/// misreport or silently accept: a UTF-16 or UTF-32 file ("save it as UTF-8"), a NUL byte
/// (its line and column), nesting deeper than kMaxJsonDepth (its line and column), and a key
/// written twice in one object (the JSON path of the second). A UTF-8 byte order mark is
/// fine. Anything else malformed is left to the parser's own located message.
void checkJsonText(std::istream& in);

/// Success for a regular file that exists, else an Error saying what the path names instead
/// ("not a regular file"). Checked before opening: opening a FIFO would block forever, and a
/// directory or a device is never a document.
Status checkRegularFile(const std::string& path);

/// "malformed JSON: parse error at line 3, column 5: …" from nlohmann's exception text.
std::string malformedJson(const std::string& what);

/// Runs `parse`; a LoadFailure or a JSON syntax error becomes the located file Error that both
/// loaders report.
template <typename T, typename Parse>
Result<T> catchLoadErrors(Parse&& parse)
{
    try {
        return parse();
    } catch (const LoadFailure& f) {
        return Error::file(f.where.empty() ? "(top level)" : f.where, f.message);
    } catch (const nlohmann::json::parse_error& e) {
        return Error::file("", malformedJson(e.what()));
    } catch (const nlohmann::json::exception& e) {
        return Error::file("", std::string("malformed JSON: ") + e.what());
    }
}

} // namespace tidemark::jsonread
