// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/RecordJournal.h"

#include "engine/scenario/ScenarioFile.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <unistd.h>
#include <utility>

namespace tidemark::kafka {

/// scenarioToJson() of the scenario around the live source's events: everything before its
/// first event line, the indent of each line, and everything after the last one.
struct RecordJournal::Frame {
    std::string head;
    std::string indent;
    std::string tail;
    std::string empty; ///< the whole file when there are no events (the writer prints "[]")
};

RecordJournal::RecordJournal(std::string path, std::FILE* file)
    : m_path(std::move(path))
    , m_file(file)
{
}

RecordJournal::~RecordJournal()
{
    if (m_file)
        std::fclose(m_file);
    ::unlink(m_path.c_str());
}

std::string RecordJournal::journalPath(const std::string& recordPath)
{
    const auto slash = recordPath.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string() : recordPath.substr(0, slash + 1);
    return dir + "." + recordPath.substr(slash == std::string::npos ? 0 : slash + 1) + ".journal";
}

Result<std::unique_ptr<RecordJournal>> RecordJournal::create(const std::string& recordPath)
{
    const std::string path = journalPath(recordPath);
    std::FILE* f = std::fopen(path.c_str(), "w+e");
    if (!f)
        return Error::file(path, std::string("cannot create the recording's journal: ") + std::strerror(errno));
    return std::unique_ptr<RecordJournal>(new RecordJournal(path, f));
}

Status RecordJournal::append(const Scenario& scenario, std::size_t source, std::size_t first)
{
    const SourceSpec& src = scenario.sources[source];
    for (std::size_t i = first; i < src.events.size(); ++i) {
        std::string line = scenarioEventJson(src.events[i], src, scenario);
        line += '\n';
        if (std::fwrite(line.data(), 1, line.size(), m_file) != line.size())
            return Error::file(m_path, std::string("cannot write: ") + std::strerror(errno));
        ++m_events;
    }
    if (std::fflush(m_file) != 0) // a snapshot reads the journal through another stream
        return Error::file(m_path, std::string("cannot write: ") + std::strerror(errno));
    return {};
}

Result<RecordJournal::Frame> RecordJournal::frame(Scenario& scenario, std::size_t source) const
{
    auto& events = scenario.sources[source].events;
    std::vector<SourceEvent> kept;
    kept.swap(events);
    struct Restore {
        std::vector<SourceEvent>& events;
        std::vector<SourceEvent>& kept;
        ~Restore() { events.swap(kept); }
    } restore{events, kept};

    Frame f;
    f.empty = scenarioToJson(scenario);
    // One stand-in event, found again by its line, marks where the journal's lines go.
    SourceEvent standIn;
    standIn.row.assign(scenario.sources[source].schema.size(), Value());
    events.push_back(standIn);
    const std::string line = scenarioEventJson(standIn, scenario.sources[source], scenario);
    const std::string text = scenarioToJson(scenario);
    events.clear();

    const auto sources = text.find("\n  \"sources\": {\n");
    const std::string key = "\n    " + nlohmann::json(scenario.sources[source].name).dump() + ": {\n";
    const auto own = sources == std::string::npos ? std::string::npos : text.find(key, sources);
    const std::string eventsKey = "\"events\": [\n";
    auto at = own == std::string::npos ? std::string::npos : text.find(eventsKey, own);
    if (at == std::string::npos)
        return Error::file(m_path, "cannot find the events of source '" + scenario.sources[source].name + "' in the recording");
    at += eventsKey.size();
    const auto lineEnd = text.find('\n', at);
    const auto indentEnd = text.find_first_not_of(' ', at);
    if (lineEnd == std::string::npos || indentEnd == std::string::npos || text.compare(indentEnd, lineEnd - indentEnd, line) != 0)
        return Error::file(m_path, "cannot find the events of source '" + scenario.sources[source].name + "' in the recording");
    f.head = text.substr(0, at);
    f.indent = text.substr(at, indentEnd - at);
    f.tail = text.substr(lineEnd + 1);
    return f;
}

template<typename Sink>
Status RecordJournal::stream(Scenario& scenario, std::size_t source, Sink&& sink)
{
    auto f = frame(scenario, source);
    if (!f.ok())
        return f.error();
    if (m_events == 0)
        return sink(f->empty);
    if (std::fflush(m_file) != 0)
        return Error::file(m_path, std::string("cannot write: ") + std::strerror(errno));
    std::ifstream in(m_path, std::ios::binary);
    if (!in)
        return Error::file(m_path, std::string("cannot read: ") + std::strerror(errno));
    if (auto s = sink(f->head); !s.ok())
        return s;
    // scenarioToJson's layout: each line indented, a comma after all but the last.
    std::string line;
    std::string chunk;
    std::int64_t written = 0;
    while (written < m_events && std::getline(in, line)) {
        ++written;
        chunk += f->indent;
        chunk += line;
        chunk += written < m_events ? ",\n" : "\n";
        if (chunk.size() >= (1u << 16)) {
            if (auto s = sink(chunk); !s.ok())
                return s;
            chunk.clear();
        }
    }
    if (written != m_events)
        return Error::file(m_path, "the journal holds " + std::to_string(written) + " of " + std::to_string(m_events) + " events");
    chunk += f->tail;
    return sink(chunk);
}

Status RecordJournal::writeRecording(Scenario& scenario, std::size_t source, const std::string& path)
{
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    std::FILE* out = std::fopen(tmp.c_str(), "we");
    if (!out)
        return Error::file(path, std::string("cannot write: ") + std::strerror(errno));
    Status streamed = stream(scenario, source, [&](const std::string& piece) -> Status {
        if (std::fwrite(piece.data(), 1, piece.size(), out) != piece.size())
            return Error::file(path, std::string("cannot write: ") + std::strerror(errno));
        return {};
    });
    const bool flushed = std::fflush(out) == 0 && ::fsync(::fileno(out)) == 0;
    const int flushErrno = errno;
    const bool closed = std::fclose(out) == 0;
    if (!streamed.ok() || !flushed || !closed) {
        ::unlink(tmp.c_str());
        if (!streamed.ok())
            return streamed;
        return Error::file(path, std::string("cannot write: ") + std::strerror(flushed ? errno : flushErrno));
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        return Error::file(path, "cannot replace: " + why);
    }
    return {};
}

Result<std::string> RecordJournal::recording(Scenario& scenario, std::size_t source)
{
    std::string text;
    Status s = stream(scenario, source, [&](const std::string& piece) -> Status {
        text += piece;
        return {};
    });
    if (!s.ok())
        return s.error();
    return text;
}

} // namespace tidemark::kafka
