// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/DirectorySource.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace tidemark::kafka {

namespace {

struct ListedFile {
    std::string name;
    std::int64_t mtimeMs = 0;
};

/// InMemoryFileIndex.shouldFilterOut: names starting with '_' or '.' are not data files
/// (half-written temporaries, _SUCCESS, .crc), nor are names ending in ._COPYING_.
bool hiddenFile(const std::string& name)
{
    const bool copying = name.size() >= 10 && name.compare(name.size() - 10, 10, "._COPYING_") == 0;
    return name.empty() || name[0] == '.' || name[0] == '_' || copying;
}

std::string errnoText(int e) { return std::strerror(e); }

/// A file name as a fault names it: control characters escaped (\x1b), so a name cannot drive
/// the terminal it is printed on (SourceFault::text is printable).
std::string printableName(const std::string& name)
{
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            static const char* const digits = "0123456789abcdef";
            out += "\\x";
            out += digits[u >> 4];
            out += digits[u & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

/// Splits as Hadoop's LineRecordReader: \n, \r or \r\n end a line; a last line without one counts.
std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r')
            continue;
        lines.push_back(text.substr(start, i - start));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            ++i;
        start = i + 1;
    }
    if (start < text.size())
        lines.push_back(text.substr(start));
    return lines;
}

bool blank(std::string_view line)
{
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; });
}

std::string fileBehaviour(std::string text)
{
    // The parser speaks of from_json; a file's lines go through the same JacksonParser rules.
    for (std::size_t at = text.find("from_json"); at != std::string::npos; at = text.find("from_json", at))
        text.replace(at, 9, "Spark's JSON file reader");
    return text;
}

} // namespace

Result<std::int64_t> parseSparkTimeStringMs(std::string_view text)
{
    std::string s;
    for (char c : text)
        if (c != ' ')
            s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t digits = 0;
    while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits])))
        ++digits;
    const std::string unit = s.substr(digits);
    static const std::map<std::string, double> perUnit = {{"", 1},        {"us", 0.001},    {"ms", 1},       {"s", 1000},
                                                          {"m", 60000},   {"min", 60000},   {"h", 3600000},  {"d", 86400000}};
    const auto it = perUnit.find(unit);
    if (digits == 0 || digits > 15 || it == perUnit.end())
        return Error::file("maxFileAge", "'" + std::string(text) + "' is not a time Spark reads (a number and us, ms, s, m, min, h or d: 7d)");
    return static_cast<std::int64_t>(static_cast<double>(std::stoll(s.substr(0, digits))) * it->second);
}

Status checkDirectory(const std::string& path)
{
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) {
        // DataSource.checkAndGlobPathIfNecessary names the qualified path.
        std::string absolute = path;
        if (path.empty() || path[0] != '/')
            if (char* cwd = ::getcwd(nullptr, 0)) {
                absolute = std::string(cwd) + "/" + path;
                std::free(cwd);
            }
        return Error::query("Path does not exist: file:" + absolute, "", "AnalysisException");
    }
    if (!S_ISDIR(st.st_mode))
        return Error::file(path, "not a directory (give the directory the JSON files are dropped into)");
    return {};
}

struct DirectorySource::Impl {
    DirectorySourceConfig config;
    MessageParser parser;
    Clock clock;
    SourceStats stats;
    std::deque<MalformedMessage> malformedList;
    std::vector<MalformedMessage> newMalformed;
    std::vector<std::string> read;
    std::vector<ListedFile> pending;           ///< listed, new, not read yet
    std::map<std::string, std::int64_t> seen;  ///< SeenFilesMap: path -> modification time
    std::int64_t latestMs = 0;                 ///< newest modification time read
    std::int64_t lastPurgeMs = std::numeric_limits<std::int64_t>::min();
    std::set<std::string> reportedAged;
    bool awaitingBatch = false;
    bool directoryMissing = false;
    bool closed = false;
    std::optional<Micros> startTime;
    Micros lastUpTo = std::numeric_limits<Micros>::min();

    Impl(DirectorySourceConfig c, MessageParser p, Clock k)
        : config(std::move(c))
        , parser(std::move(p))
        , clock(std::move(k))
    {
        stats.state = SourceState::Connecting;
        stats.status = "watching " + config.path;
    }

    std::int64_t maxAgeMs() const
    {
        // FileStreamSource: "maxFileAge is ignored when latestFirst and maxFilesPerTrigger are both set".
        return config.latestFirst && config.maxFilesPerTrigger ? std::numeric_limits<std::int64_t>::max() : config.maxFileAgeMs;
    }

    Micros stamp() const
    {
        const Micros now = clock();
        return lastUpTo == std::numeric_limits<Micros>::min() ? now : std::max(now, lastUpTo + 1);
    }

    void fault(SourceFault::Kind kind, std::string text)
    {
        SourceFault f;
        f.at = stamp();
        f.kind = kind;
        f.text = std::move(text);
        stats.status = f.text;
        recordFault(stats, std::move(f), config.faultsKept);
    }

    void list()
    {
        DIR* dir = ::opendir(config.path.c_str());
        if (!dir) {
            if (!directoryMissing)
                fault(SourceFault::Kind::InputClosed, "cannot list " + printableName(config.path) + ": " + errnoText(errno) + "; no new files are read until it is back");
            directoryMissing = true;
            stats.state = SourceState::Reconnecting;
            return;
        }
        if (directoryMissing || stats.state != SourceState::Connected) {
            stats.state = SourceState::Connected;
            stats.status = "watching " + config.path;
        }
        directoryMissing = false;
        while (const dirent* e = ::readdir(dir)) {
            const std::string name = e->d_name;
            if (hiddenFile(name) || seen.count(name)
                || std::any_of(pending.begin(), pending.end(), [&](const ListedFile& f) { return f.name == name; }))
                continue;
            struct stat st{};
            if (::stat((config.path + "/" + name).c_str(), &st) != 0 || !S_ISREG(st.st_mode))
                continue;
            const std::int64_t mtimeMs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
            // SeenFilesMap.isNewFile: timestamp >= lastPurgeTimestamp && not seen.
            if (mtimeMs < lastPurgeMs) {
                if (reportedAged.insert(name).second)
                    fault(SourceFault::Kind::MessageRefused,
                          "file " + printableName(name) + " is not read: it is older than maxFileAge before the newest file read, "
                          "and Spark's file source takes it as already processed");
                continue;
            }
            pending.push_back(ListedFile{name, mtimeMs});
        }
        ::closedir(dir);
        // FileStreamSource.fetchAllFiles: by modification time, newest first with latestFirst.
        std::stable_sort(pending.begin(), pending.end(), [&](const ListedFile& a, const ListedFile& b) {
            if (a.mtimeMs != b.mtimeMs)
                return config.latestFirst ? a.mtimeMs > b.mtimeMs : a.mtimeMs < b.mtimeMs;
            return a.name < b.name;
        });
    }

    void markSeen(const ListedFile& f)
    {
        seen[f.name] = f.mtimeMs;
        latestMs = std::max(latestMs, f.mtimeMs);
        // SeenFilesMap.purge: forget files older than maxFileAge before the newest one.
        const std::int64_t age = maxAgeMs();
        lastPurgeMs = age == std::numeric_limits<std::int64_t>::max() ? std::numeric_limits<std::int64_t>::min() : latestMs - age;
        for (auto it = seen.begin(); it != seen.end();)
            it = it->second < lastPurgeMs ? seen.erase(it) : std::next(it);
    }

    void malformedLine(const std::string& file, std::size_t lineNo, std::string_view line, const ParsedValue& parsed, Micros at)
    {
        ++stats.malformed;
        MalformedMessage m;
        m.partition = -1;
        m.offset = static_cast<std::int64_t>(lineNo);
        m.at = at;
        m.value = std::string(line.substr(0, 200));
        m.kind = parsed.kind;
        m.reason = printableName(file) + " line " + std::to_string(lineNo) + ": " + parsed.reason;
        m.sparkBehaviour = fileBehaviour(parsed.sparkBehaviour);
        newMalformed.push_back(m);
        malformedList.push_back(std::move(m));
        while (malformedList.size() > config.malformedKept)
            malformedList.pop_front();
    }

    void addRow(std::vector<LiveMessage>& out, const std::string& file, std::size_t lineNo, std::string_view line, std::string_view json,
                Micros at)
    {
        ParsedValue parsed = parser.parse(json);
        if (parsed.kind != MalformedKind::None)
            malformedLine(file, lineNo, line, parsed, at);
        LiveMessage m;
        m.partition = -1;
        m.offset = -1;
        m.at = at;
        m.row = std::move(parsed.row);
        m.timeStyle = parsed.timeStyle;
        m.malformed = parsed.kind;
        out.push_back(std::move(m));
        ++stats.received;
    }

    /// The file's rows, or nullopt when it could not be read (a fault is recorded).
    std::optional<std::vector<LiveMessage>> readFile(const ListedFile& f, Micros at)
    {
        std::ifstream in(config.path + "/" + f.name, std::ios::binary);
        if (!in) {
            fault(SourceFault::Kind::InputClosed,
                  "file " + printableName(f.name) + " was deleted (or became unreadable: " + errnoText(errno)
                      + ") after it was listed and before it was read; its rows are missing. Spark would fail the batch "
                        "with a FileNotFoundException (spark.sql.files.ignoreMissingFiles is false by default).");
            return std::nullopt;
        }
        // A file past the limit is not read into memory: it is reported and skipped.
        std::error_code sizeError;
        const auto size = std::filesystem::file_size(config.path + "/" + f.name, sizeError);
        if (!sizeError && size > kMaxDirectoryFileBytes) {
            ++stats.refused;
            fault(SourceFault::Kind::MessageRefused,
                  "file " + printableName(f.name) + " holds " + std::to_string(size) + " bytes, more than Tidemark's limit of "
                      + std::to_string(kMaxDirectoryFileBytes) + " bytes for one file: it was not read; split it into smaller files.");
            return std::vector<LiveMessage>{};
        }
        std::ostringstream text;
        text << in.rdbuf();
        const std::string content = text.str();
        std::vector<LiveMessage> rows;
        std::size_t lineNo = 0;
        for (const std::string_view line : splitLines(content)) {
            ++lineNo;
            if (blank(line))
                continue; // JacksonParser: a line with no JSON token gives no row
            const std::size_t first = line.find_first_not_of(" \t");
            if (line[first] == '[') {
                // A top-level array of objects: one row per object (JacksonParser's START_ARRAY case).
                const auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
                if (j.is_array() && std::all_of(j.begin(), j.end(), [](const nlohmann::json& e) { return e.is_object(); })) {
                    for (const auto& element : j)
                        addRow(rows, f.name, lineNo, line, element.dump(), at);
                    continue;
                }
            }
            addRow(rows, f.name, lineNo, line, line, at);
        }
        return rows;
    }

    Delivery poll(std::chrono::milliseconds budget)
    {
        if (closed) {
            std::this_thread::sleep_for(budget);
            return Delivery{stamp(), {}};
        }
        std::this_thread::sleep_for(budget);
        list();
        if (!startTime)
            startTime = stamp();
        Delivery d;
        std::int64_t taken = 0;
        while (!awaitingBatch && !pending.empty() && (!config.maxFilesPerTrigger || taken < *config.maxFilesPerTrigger)) {
            const ListedFile f = pending.front();
            pending.erase(pending.begin());
            auto rows = readFile(f, stamp());
            if (!rows)
                continue; // named as a fault; the next file takes its turn
            markSeen(f);
            read.push_back(f.name);
            ++taken;
            for (auto& r : *rows)
                d.messages.push_back(std::move(r));
        }
        // maxFilesPerTrigger: the files after these wait for the batch that reads these.
        if (config.maxFilesPerTrigger && !d.messages.empty())
            awaitingBatch = true;
        if (!directoryMissing)
            stats.status = "watching " + config.path + ": " + std::to_string(read.size()) + " files read, " + std::to_string(pending.size())
                           + " waiting";
        d.upTo = stamp();
        lastUpTo = d.upTo;
        return d;
    }


};

DirectorySource::DirectorySource(DirectorySourceConfig config, MessageParser parser, Clock clock)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(parser), std::move(clock)))
{
}

DirectorySource::~DirectorySource() = default;

Delivery DirectorySource::poll(std::chrono::milliseconds budget) { return m_impl->poll(budget); }

void DirectorySource::dataBatchRan() { m_impl->awaitingBatch = false; }

std::optional<Micros> DirectorySource::startTime() const { return m_impl->startTime; }

const SourceStats& DirectorySource::stats() const { return m_impl->stats; }

std::vector<MalformedMessage> DirectorySource::takeNewMalformed() { return std::exchange(m_impl->newMalformed, {}); }

void DirectorySource::close()
{
    m_impl->closed = true;
    m_impl->stats.state = SourceState::Closed;
    m_impl->stats.status = "stopped";
}

const std::deque<MalformedMessage>& DirectorySource::malformed() const { return m_impl->malformedList; }

const std::vector<std::string>& DirectorySource::filesRead() const { return m_impl->read; }

} // namespace tidemark::kafka
