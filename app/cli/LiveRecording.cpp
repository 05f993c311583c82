// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/LiveRecording.h"

#include "live/LiveScenario.h"
#include "live/LiveSession.h"
#include "engine/scenario/ScenarioFile.h"

#include <ostream>

namespace tidemark::cli {

std::optional<std::pair<Scenario, std::size_t>> loadLiveScenario(const std::string& file, const std::string& source, std::ostream& err)
{
    auto loaded = loadScenarioFile(file);
    if (!loaded.ok()) {
        err << file << ": " << loaded.error().describe() << '\n';
        return std::nullopt;
    }
    auto index = kafka::liveSourceIndex(loaded.value(), source);
    if (!index.ok()) {
        err << file << ": " << index.error().describe() << '\n';
        return std::nullopt;
    }
    return std::pair{std::move(loaded.value()), *index};
}

LiveRecording::LiveRecording(std::string path, double everySeconds, std::ostream& err)
    : m_path(std::move(path))
    , m_everySeconds(everySeconds)
    , m_err(err)
    , m_next(std::chrono::steady_clock::now())
{
}

bool LiveRecording::usable() const
{
    if (m_path.empty())
        return true;
    if (auto writable = kafka::LiveSession::checkRecordPath(m_path); !writable.ok()) {
        m_err << "tidemark run: " << writable.error().describe() << '\n';
        return false;
    }
    return true;
}

bool LiveRecording::attach(kafka::LiveSession& live)
{
    if (m_path.empty())
        return true;
    if (auto started = live.recordTo(m_path); !started.ok()) {
        m_err << "tidemark run: " << started.error().describe() << '\n';
        return false;
    }
    return true;
}

std::int64_t LiveRecording::events(const kafka::LiveSession& live)
{
    return live.forgottenEvents() + static_cast<std::int64_t>(live.scenario().sources[live.source()].events.size());
}

bool LiveRecording::write(const kafka::LiveSession& live)
{
    m_next = std::chrono::steady_clock::now()
             + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(m_everySeconds));
    if (m_path.empty())
        return true;
    if (auto w = live.save(m_path); !w.ok()) {
        if (!m_failed) // once; the next write tries again
            m_err << "tidemark run: " << w.error().describe() << "; retrying every " << m_everySeconds << " s\n";
        m_failed = true;
        return false;
    }
    m_failed = false;
    return true;
}

void LiveRecording::writeIfDue(const kafka::LiveSession& live)
{
    if (std::chrono::steady_clock::now() >= m_next)
        write(live);
}

} // namespace tidemark::cli
