// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/scenario/Scenario.h"

#include <chrono>
#include <cstdint>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>

namespace tidemark::kafka {
class LiveSession;
}

namespace tidemark::cli {

/// FILE's scenario and the index of the source that goes live (`source`, or the only one);
/// a problem is reported on `err` with the file's name, and gives nothing.
std::optional<std::pair<Scenario, std::size_t>> loadLiveScenario(const std::string& file, const std::string& source, std::ostream& err);

/// A live run's `--record`: checked before anything connects, then written atomically at the
/// start, every few seconds and at the end, so a crash or a kill loses at most the last few
/// seconds of the class. An empty path records nothing.
class LiveRecording {
public:
    LiveRecording(std::string path, double everySeconds, std::ostream& err);
    /// False (reported) when the path cannot be written: refuse the run before it starts.
    bool usable() const;
    /// Starts the journal beside the path (LiveSession::recordTo), so that the session may keep
    /// a bounded history while every message still reaches the file; false (reported) when it
    /// cannot be created. Nothing to do without a path.
    bool attach(kafka::LiveSession& live);
    /// Events recorded so far (also those the session no longer keeps).
    static std::int64_t events(const kafka::LiveSession& live);
    /// Writes now; false (reported once until a write succeeds again) when it failed.
    bool write(const kafka::LiveSession& live);
    /// Writes when the interval has passed since the last write.
    void writeIfDue(const kafka::LiveSession& live);

private:
    std::string m_path;
    double m_everySeconds;
    std::ostream& m_err;
    std::chrono::steady_clock::time_point m_next;
    bool m_failed = false;
};

} // namespace tidemark::cli
