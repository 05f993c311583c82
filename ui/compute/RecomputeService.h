// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/Snapshot.h"

#include <QObject>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tidemark::ui {

/// Recomputes every batch of all three output modes on a worker thread. Requests that arrive
/// while the worker is busy replace each other (the newest wins; the ones in between are never
/// run), and a result older than the one already delivered is dropped. Results are delivered
/// on the thread that owns this object.
///
/// Each request is delivered twice: first a preview with only the mode the plot follows, then
/// the complete snapshot. When requests come in a burst (under 80 ms apart, as a drag sends
/// them) the complete snapshot waits that long for a newer request and is skipped if one
/// comes, so the plot keeps up with the mouse and the rest catches up when it stops.
class RecomputeService : public QObject
{
    Q_OBJECT
public:
    explicit RecomputeService(QObject* parent = nullptr);
    ~RecomputeService() override;

    /// Queues a recompute of `scenario`; returns its generation number. With `liveHorizon` the
    /// runs stop at that time (a live session). Live requests never wait for a burst to end:
    /// the live controller sends the next only once this one is complete.
    std::uint64_t request(std::shared_ptr<const Scenario> scenario, std::optional<Micros> liveHorizon = std::nullopt);

    /// The newest delivered snapshot (null before the first).
    const SnapshotPtr& latest() const { return m_latest; }
    /// Hands a snapshot nobody shows any more to the worker, which frees it there: freeing a
    /// run of 10,000 events takes milliseconds the UI thread should not spend.
    void retire(SnapshotPtr snapshot);
    /// The generation of the newest request.
    std::uint64_t requestedGeneration() const { return m_requested; }
    /// True when the latest request has been delivered complete.
    bool isIdle() const { return m_latest && m_latest->generation == m_requested && m_latest->complete; }

signals:
    /// latest() changed.
    void snapshotReady();

private:
    void workerLoop();
    void deliver(SnapshotPtr snapshot);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::shared_ptr<const Scenario> m_pending; // guarded by m_mutex
    std::uint64_t m_pendingGeneration = 0;     // guarded by m_mutex
    std::optional<Micros> m_pendingHorizon;    // guarded by m_mutex
    std::vector<SnapshotPtr> m_retired;        // guarded by m_mutex
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kBurst{80};
    Clock::time_point m_lastRequest{}, m_previousRequest{}; // guarded by m_mutex
    bool m_stop = false;                       // guarded by m_mutex
    std::uint64_t m_requested = 0;             // UI thread only
    SnapshotPtr m_latest;                      // UI thread only
    std::thread m_worker;
};

} // namespace tidemark::ui
