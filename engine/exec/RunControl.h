// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>

namespace tidemark {

/// Thrown out of Simulation::next() once its RunControl is cancelled.
struct RunCancelled : std::exception {
    const char* what() const noexcept override { return "the run was cancelled"; }
};

/// Shared between the thread that runs simulations and one that watches them: the watcher
/// may cancel (the runs stop before their next batch, by throwing RunCancelled) and reads how
/// many input events the runs have read so far, for a progress bar.
class RunControl {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    /// A run finished a batch that read `events` input events.
    void addEventsRead(std::int64_t events) { m_eventsRead.fetch_add(events, std::memory_order_relaxed); }
    /// Events read by every run using this control, added up.
    std::int64_t eventsRead() const { return m_eventsRead.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
    std::atomic<std::int64_t> m_eventsRead{0};
};

} // namespace tidemark
