// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/Snapshot.h"

#include <QObject>
#include <QTimer>

#include <atomic>
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
/// the complete snapshot (a live request only complete: nobody waits for its plot). When requests come in a burst (under 80 ms apart, as a drag sends
/// them) the complete snapshot waits that long for a newer request and is skipped if one
/// comes, so the plot keeps up with the mouse and the rest catches up when it stops.
///
/// A request for a scenario whose events alone changed (an event dragged or edited) continues
/// the runs of the last result from its first batch the change can reach (runResumable): the
/// batches before it are reused, so an edit late in a long scenario costs only its last batches.
///
/// A recompute that takes long can be watched and stopped: isBusy() holds from a request until
/// its complete snapshot arrives, progress() estimates how far the runs have got, and cancel()
/// stops them between batches. The previous snapshot then stays latest(), and isCurrent() says
/// it is not the result of the newest request: views must not show it as current.
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
    /// Queues a recompute of `scenario`, which differs from the previous request's only in its
    /// sources' events (their number may differ too): the runs may continue earlier ones.
    std::uint64_t requestEventEdit(std::shared_ptr<const Scenario> scenario);
    /// The burst of requests is over (the dragged dot was let go): the newest request's other
    /// modes are computed at once instead of after the burst pause.
    void endBurst();
    /// Complete snapshots come with each mode's column rows at the batch the window shows
    /// (Snapshot::columns), built by `prepare` on the worker's threads. Set it before requests.
    void setColumnPreparer(ColumnPreparer prepare);
    /// The cursor position the window shows: the batch whose columns the worker prepares.
    void setShownBatch(int position) { m_shownBatch = position; }
    /// Whether a recompute may continue earlier runs (on by default; the benchmark compares).
    void setReuseRuns(bool reuse) { m_reuseRuns = reuse; }

    /// Shows a snapshot made elsewhere (a live session's: buildLiveSnapshot) as the result of a
    /// new request: it gets the next generation, a waiting request is dropped, and it is
    /// delivered at once (queued). Returns its generation.
    std::uint64_t adopt(std::shared_ptr<Snapshot> snapshot);

    /// The newest delivered snapshot (null before the first).
    const SnapshotPtr& latest() const { return m_latest; }
    /// Hands a snapshot nobody shows any more to the worker, which frees it there: freeing a
    /// run of 10,000 events takes milliseconds the UI thread should not spend.
    void retire(SnapshotPtr snapshot);
    /// The generation of the newest request.
    std::uint64_t requestedGeneration() const { return m_requested; }
    /// True when the latest request has been delivered complete.
    bool isIdle() const { return m_latest && m_latest->generation == m_requested && m_latest->complete; }
    /// A request is being computed (or waits to be): latest() is not its result yet.
    bool isBusy() const { return m_busy; }
    /// latest() is the complete result of the newest request (false while busy, after cancel()).
    bool isCurrent() const { return isIdle(); }
    /// How far the running recompute has got, 0 to 1: the input events its runs have read out
    /// of those all three modes will read. 0 when idle.
    double progress() const;
    /// Stops the running recompute before its next batch and drops any waiting request. The
    /// snapshot shown stays latest() but is no longer current; the next request starts afresh.
    void cancel();

signals:
    /// latest() changed.
    void snapshotReady();
    /// isBusy() changed.
    void busyChanged(bool busy);
    /// While busy, every kProgressInterval: progress() as a percentage.
    void progressChanged(int percent);
    /// cancel() stopped a recompute; latest() is the result of an older request.
    void cancelled();

private:
    std::uint64_t enqueue(std::shared_ptr<const Scenario> scenario, std::optional<Micros> liveHorizon, bool eventsOnly);
    void workerLoop();
    void deliver(SnapshotPtr snapshot);
    void setBusy(bool busy);

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
    bool m_burstOver = false;                  // guarded by m_mutex: endBurst() since the newest request
    std::uint64_t m_pendingSources = 0;        // guarded by m_mutex: see m_sources
    /// The generation of the newest request whose scenario changed in more than its events:
    /// results with the same value differ only in events, so their runs may be continued.
    std::uint64_t m_sources = 0;               // UI thread only
    std::atomic<bool> m_reuseRuns{true};
    std::atomic<int> m_shownBatch{0};
    ColumnPreparer m_columnPreparer;           // guarded by m_mutex
    std::shared_ptr<RunControl> m_pendingControl; // guarded by m_mutex
    std::uint64_t m_requested = 0;             // UI thread only
    SnapshotPtr m_latest;                      // UI thread only
    std::shared_ptr<RunControl> m_control;     // UI thread only: the newest request's
    std::int64_t m_eventsToRead = 0;           // UI thread only: events x 3 modes of the newest request
    bool m_busy = false;                       // UI thread only
    QTimer* m_progressTimer = nullptr;
    static constexpr std::chrono::milliseconds kProgressInterval{200};
    std::thread m_worker;
};

} // namespace tidemark::ui
