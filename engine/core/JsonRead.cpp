// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/JsonRead.h"

#include <algorithm>
#include <cctype>
#include <vector>

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
    if (!j.is_number_integer())
        fail(path, "expected an integer, found " + std::string(jsonTypeName(j)));
    return j.get<std::int64_t>();
}

std::string malformedJson(const std::string& what)
{
    // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> the readable part
    const auto p = what.find("parse error");
    return "malformed JSON: " + (p == std::string::npos ? what : what.substr(p));
}

} // namespace tidemark::jsonread
