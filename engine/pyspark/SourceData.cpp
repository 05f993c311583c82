// SPDX-License-Identifier: GPL-3.0-or-later
// The data files a notebook's source reads: found beside the notebook, read as Spark reads them.
#include "engine/pyspark/SourceData.h"

#include "engine/time/TimeFormat.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace tidemark::pyspark {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

std::vector<std::string> splitPath(const std::string& path)
{
    std::vector<std::string> parts;
    std::string cur;
    for (char c : path) {
        if (c == '/' || c == '\\') {
            if (!cur.empty())
                parts.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        parts.push_back(cur);
    return parts;
}

/// A file source skips hidden files and those starting with `_` (InMemoryFileIndex's filter).
bool isDataFile(const fs::path& p)
{
    const std::string name = p.filename().string();
    return !name.empty() && name[0] != '.' && name[0] != '_' && !name.ends_with(".crc");
}

/// The kernel's pseudo-files look like files but are not data (and some never end).
bool isSystemPath(const fs::path& p)
{
    std::error_code ec;
    const std::string s = fs::weakly_canonical(p, ec).string();
    for (const char* root : {"/proc", "/sys", "/dev"})
        if (s == root || s.rfind(std::string(root) + "/", 0) == 0)
            return true;
    return false;
}

std::optional<DataFiles> listAt(const fs::path& p)
{
    constexpr std::size_t kMaxFiles = 10000;
    std::error_code ec;
    if (isSystemPath(p))
        return std::nullopt;
    if (fs::is_regular_file(p, ec))
        return DataFiles{p.parent_path().string(), {p.string()}};
    if (!fs::is_directory(p, ec))
        return std::nullopt;
    DataFiles out{p.string(), {}};
    for (const auto& entry : fs::directory_iterator(p, ec))
        if (entry.is_regular_file() && isDataFile(entry.path()) && out.files.size() < kMaxFiles)
            out.files.push_back(entry.path().string());
    std::sort(out.files.begin(), out.files.end());
    return out;
}

std::string readText(const std::string& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// JSON lines as the course writes them: one object per line, a trailing comma tolerated
/// (Spark's JSON reader stops at the end of the first value on a line).
std::vector<std::pair<int, Json>> jsonLines(const std::string& text, std::vector<int>* badLines)
{
    std::vector<std::pair<int, Json>> out;
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == ','))
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        try {
            out.emplace_back(n, Json::parse(line));
        } catch (const nlohmann::json::exception&) {
            if (badLines)
                badLines->push_back(n);
        }
    }
    return out;
}

std::vector<std::string> csvFields(const std::string& line, char sep)
{
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cur += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

/// A cell as Spark's JSON or CSV reader converts it into the schema's type; nullopt where
/// Spark's PERMISSIVE mode would give null for a malformed value.
std::optional<Value> convert(const Json& j, const DataType& type, const TimeZone& zone)
{
    if (j.is_null())
        return Value{};
    switch (type.id) {
    case TypeId::String:
        return Value(j.is_string() ? j.get<std::string>() : j.dump());
    case TypeId::Int:
    case TypeId::Long:
        if (j.is_number_integer())
            return Value(j.get<std::int64_t>());
        return std::nullopt;
    case TypeId::Double:
        if (j.is_number())
            return Value(j.get<double>());
        return std::nullopt;
    case TypeId::Boolean:
        if (j.is_boolean())
            return Value(j.get<bool>());
        return std::nullopt;
    case TypeId::Timestamp:
        // JacksonParser: a number is seconds since the epoch, a string is parsed in the session zone.
        if (j.is_number_integer())
            return Value(j.get<std::int64_t>() * kMicrosPerSecond);
        if (j.is_number())
            return Value(static_cast<std::int64_t>(std::llround(j.get<double>() * kMicrosPerSecond)));
        if (j.is_string()) {
            auto t = parseTimestamp(j.get<std::string>(), zone, std::nullopt);
            if (t.ok())
                return Value(t.value());
        }
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

Json csvCell(const std::string& text, const DataType& type)
{
    if (text.empty())
        return Json(nullptr);
    if (type.id == TypeId::String || type.id == TypeId::Timestamp)
        return Json(text);
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::exception&) {
        return Json(text);
    }
}

} // namespace

std::optional<DataFiles> findDataFiles(const std::string& path, const std::vector<std::string>& searchFolders)
{
    const auto unknown = path.rfind(kUnknownPiece);
    const std::string known = unknown == std::string::npos ? path : path.substr(unknown + 1);
    if (unknown == std::string::npos && !known.empty()) {
        const fs::path p(known);
        if (p.is_absolute())
            if (auto found = listAt(p))
                return found;
        for (const auto& folder : searchFolders)
            if (auto found = listAt(fs::path(folder) / p))
                return found;
    }
    const auto parts = splitPath(known);
    for (std::size_t skip = 0; skip < parts.size(); ++skip) {
        fs::path tail;
        for (std::size_t i = skip; i < parts.size(); ++i)
            tail /= parts[i];
        for (const auto& folder : searchFolders)
            if (auto found = listAt(fs::path(folder) / tail))
                return found;
    }
    return std::nullopt;
}

std::vector<Row> readDataFile(const std::string& file, const std::string& format, const Schema& schema,
                              const std::map<std::string, std::string>& options, const TimeZone& zone,
                              std::vector<ImportMessage>& messages)
{
    std::vector<Row> rows;
    const std::string text = readText(file);
    const std::string name = fs::path(file).filename().string();
    auto warn = [&](const std::string& msg) { messages.push_back({ImportMessage::Level::Warning, name, msg}); };
    std::vector<std::pair<int, Json>> records;
    if (format == "json") {
        std::vector<int> bad;
        records = jsonLines(text, &bad);
        for (int line : bad)
            warn("line " + std::to_string(line) + " is not a JSON object; Spark would read it as a corrupt record, so it was left out");
    } else if (format == "csv") {
        const char sep = options.count("sep") && !options.at("sep").empty() ? options.at("sep")[0] : ',';
        const bool header = options.count("header") && options.at("header") == "true";
        std::istringstream in(text);
        std::string line;
        std::vector<std::string> names;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (line.empty())
                continue;
            auto fields = csvFields(line, sep);
            if (header && names.empty()) {
                names = fields;
                continue;
            }
            Json obj = Json::object();
            for (std::size_t i = 0; i < fields.size() && i < schema.size(); ++i) {
                // Spark's CSV reader matches columns by position (enforceSchema=true).
                obj[schema[i].name] = csvCell(fields[i], schema[i].type);
            }
            records.emplace_back(n, obj);
        }
    } else if (format == "text") {
        std::istringstream in(text);
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            records.emplace_back(n, Json{{"value", line}});
        }
    } else {
        warn("the `" + format + "` format is not read by the import; add the events in the Events table");
        return rows;
    }
    for (const auto& [line, obj] : records) {
        if (!obj.is_object()) {
            warn("line " + std::to_string(line) + " is not a JSON object; left out");
            continue;
        }
        Row row(schema.size());
        for (std::size_t i = 0; i < schema.size(); ++i) {
            auto it = obj.find(schema[i].name);
            if (it == obj.end())
                continue;
            auto v = convert(*it, schema[i].type, zone);
            if (!v)
                warn("line " + std::to_string(line) + ": `" + schema[i].name + "` = " + it->dump() + " is not a " + scenarioTypeName(schema[i].type)
                     + "; Spark reads it as null, and so does the scenario");
            else
                row[i] = *v;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Schema inferJsonSchema(const std::vector<std::string>& files)
{
    std::map<std::string, DataType> types; // sorted by name, as JsonInferSchema sorts fields
    for (const auto& f : files)
        for (const auto& [line, obj] : jsonLines(readText(f), nullptr)) {
            (void)line;
            if (!obj.is_object())
                continue;
            for (auto it = obj.begin(); it != obj.end(); ++it) {
                DataType t(TypeId::String);
                if (it->is_number_integer())
                    t = DataType(TypeId::Long);
                else if (it->is_number())
                    t = DataType(TypeId::Double);
                else if (it->is_boolean())
                    t = DataType(TypeId::Boolean);
                else if (it->is_null())
                    continue;
                auto [pos, fresh] = types.emplace(it.key(), t);
                if (!fresh && pos->second != t)
                    pos->second = (pos->second.isNumeric() && t.isNumeric()) ? DataType(TypeId::Double) : DataType(TypeId::String);
            }
        }
    Schema s;
    for (const auto& [name, type] : types)
        s.fields.push_back(Field{name, type, std::nullopt, ""});
    return s;
}

} // namespace tidemark::pyspark
