// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/scenario/Scenario.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace tidemark::kafka {

/// The full log of a live recording, on disk beside it, so that the session
/// need not keep every message in memory: each event is appended as the line the scenario file
/// will hold, and the recording is written by streaming the scenario's header, the journal and
/// its footer into the file. The journal is hidden (`.FILE.journal` in FILE's directory), so a
/// directory source never reads it as input. The result is byte for byte what scenarioToJson() writes for the
/// scenario with every event. The journal is removed when this object goes (a killed run leaves
/// it beside its last snapshot).
class RecordJournal {
public:
    /// Creates (or empties) journalPath(recordPath); a File error names it and why.
    static Result<std::unique_ptr<RecordJournal>> create(const std::string& recordPath);
    /// `DIR/.NAME.journal` for the recording `DIR/NAME`.
    static std::string journalPath(const std::string& recordPath);
    ~RecordJournal();
    RecordJournal(const RecordJournal&) = delete;
    RecordJournal& operator=(const RecordJournal&) = delete;

    /// Appends the events of `scenario.sources[source]` from index `first` on.
    Status append(const Scenario& scenario, std::size_t source, std::size_t first);
    /// Events appended so far.
    std::int64_t events() const { return m_events; }
    const std::string& path() const { return m_path; }

    /// Writes the recording atomically to `path` (a temporary file renamed over it): `scenario`
    /// with the journal's events in place of those of `source` (which are only a recent part).
    /// The events vector is swapped out and back meanwhile, hence the non-const scenario.
    Status writeRecording(Scenario& scenario, std::size_t source, const std::string& path);
    /// The same recording as text.
    Result<std::string> recording(Scenario& scenario, std::size_t source);

private:
    explicit RecordJournal(std::string path, std::FILE* file);
    struct Frame;
    Result<Frame> frame(Scenario& scenario, std::size_t source) const;
    /// Calls `sink` with the recording in pieces.
    template<typename Sink>
    Status stream(Scenario& scenario, std::size_t source, Sink&& sink);

    std::string m_path;
    std::FILE* m_file = nullptr;
    std::int64_t m_events = 0;
};

} // namespace tidemark::kafka
