// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compute/RecomputeService.h"

#include <QMetaObject>

#include <algorithm>

#include <utility>

namespace tidemark::ui {

RecomputeService::RecomputeService(QObject* parent)
    : QObject(parent)
    , m_progressTimer(new QTimer(this))
    , m_worker([this] { workerLoop(); })
{
    m_progressTimer->setInterval(kProgressInterval);
    connect(m_progressTimer, &QTimer::timeout, this, [this] { emit progressChanged(static_cast<int>(progress() * 100)); });
}

RecomputeService::~RecomputeService()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_pending.reset();
    }
    if (m_control)
        m_control->cancel(); // do not wait for a long run to finish
    m_wake.notify_one();
    m_worker.join();
}

std::uint64_t RecomputeService::request(std::shared_ptr<const Scenario> scenario, std::optional<Micros> liveHorizon)
{
    return enqueue(std::move(scenario), liveHorizon, false);
}

std::uint64_t RecomputeService::requestEventEdit(std::shared_ptr<const Scenario> scenario)
{
    return enqueue(std::move(scenario), std::nullopt, true);
}

void RecomputeService::setColumnPreparer(ColumnPreparer prepare)
{
    std::lock_guard lock(m_mutex);
    m_columnPreparer = std::move(prepare);
}

void RecomputeService::endBurst()
{
    {
        std::lock_guard lock(m_mutex);
        m_burstOver = true;
    }
    m_wake.notify_one();
}

std::uint64_t RecomputeService::enqueue(std::shared_ptr<const Scenario> scenario, std::optional<Micros> liveHorizon, bool eventsOnly)
{
    const std::uint64_t generation = ++m_requested;
    if (!eventsOnly || liveHorizon)
        m_sources = generation;
    // Each request gets its own control: cancelling it stops only the runs for this request.
    m_control = std::make_shared<RunControl>();
    m_eventsToRead = scenario ? 3 * static_cast<std::int64_t>(scenario->numEvents()) : 0;
    {
        std::lock_guard lock(m_mutex);
        m_pending = std::move(scenario);
        m_pendingGeneration = generation;
        m_pendingHorizon = liveHorizon;
        m_pendingControl = m_control;
        m_pendingSources = m_sources;
        m_burstOver = false;
        m_previousRequest = std::exchange(m_lastRequest, Clock::now());
    }
    m_wake.notify_one();
    setBusy(true);
    return generation;
}

std::uint64_t RecomputeService::adopt(std::shared_ptr<Snapshot> snapshot)
{
    const std::uint64_t generation = ++m_requested;
    m_sources = generation; // made elsewhere: no run of it to continue
    if (m_control)
        m_control->cancel(); // a recompute still running is older than this
    m_control.reset();
    m_eventsToRead = 0;
    {
        std::lock_guard lock(m_mutex);
        m_pending.reset();
    }
    snapshot->generation = generation;
    snapshot->complete = true;
    setBusy(true); // until delivered, like any request
    QMetaObject::invokeMethod(this, [this, snapshot = SnapshotPtr(std::move(snapshot))]() mutable { deliver(std::move(snapshot)); },
                              Qt::QueuedConnection);
    return generation;
}

double RecomputeService::progress() const
{
    if (!m_busy || !m_control || m_eventsToRead <= 0)
        return 0;
    // Rows read twice (a self-join) or never (Trigger.Once) make this an estimate: keep it below 1.
    return std::min(0.99, static_cast<double>(m_control->eventsRead()) / static_cast<double>(m_eventsToRead));
}

void RecomputeService::cancel()
{
    if (!m_busy)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_pending.reset();
    }
    if (m_control)
        m_control->cancel();
    setBusy(false);
    emit cancelled();
}

void RecomputeService::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    if (busy)
        m_progressTimer->start();
    else
        m_progressTimer->stop();
    emit busyChanged(busy);
}

void RecomputeService::retire(SnapshotPtr snapshot)
{
    if (!snapshot)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_retired.push_back(std::move(snapshot));
    }
    m_wake.notify_one();
}

void RecomputeService::workerLoop()
{
    // Worker thread only: per mode, the newest result a request may continue, and the
    // m_sources value it was made for.
    RunBases bases;
    std::uint64_t basesSources = 0;
    for (;;) {
        std::shared_ptr<const Scenario> scenario;
        std::uint64_t generation = 0;
        std::optional<Micros> horizon;
        std::shared_ptr<RunControl> control;
        std::vector<SnapshotPtr> retired;
        std::uint64_t sources = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_pending || !m_retired.empty(); });
            if (m_stop)
                return;
            retired.swap(m_retired);
            scenario = std::move(m_pending);
            m_pending.reset();
            generation = m_pendingGeneration;
            horizon = m_pendingHorizon;
            control = std::move(m_pendingControl);
            sources = m_pendingSources;
        }
        // The retired snapshots are freed outside the lock: here when there is nothing to run,
        // else once the new result is on its way (freeing a 10,000-event snapshot takes about a
        // millisecond that a dragged dot should not wait for).
        if (!scenario)
            continue;
        // Queued to this object: if it is destroyed first, the call is discarded with it.
        const auto post = [this](SnapshotPtr snapshot) {
            QMetaObject::invokeMethod(this, [this, snapshot = std::move(snapshot)]() mutable { deliver(std::move(snapshot)); },
                                      Qt::QueuedConnection);
        };
        // Posted even when a newer request is waiting: it is still newer than what is shown, and
        // skipping it could starve the plot while a slow scenario is dragged.
        if (horizon || sources != basesSources || !m_reuseRuns)
            bases = {}; // another query or other sources: nothing to continue
        SnapshotPtr preview;
        try {
            preview = buildPreview(std::move(scenario), generation, horizon, control, &bases);
        } catch (const RunCancelled&) {
            continue; // cancel() or a newer request: nothing of this one is delivered
        }
        RunBases replaced = bases;
        if (!horizon) {
            for (std::size_t i = 0; i < bases.size(); ++i)
                if (preview->runs[i])
                    bases[i] = preview;
            basesSources = sources;
        }
        // Live: the session sends its next request only once this one is complete, so a preview
        // would only make the window draw every recording twice.
        if (!horizon)
            post(preview);
        replaced = {}; // the bases this result took the place of, freed as the retired ones are
        retired.clear();
        {
            // In a burst of requests (a drag sends one per mouse move) wait a moment for the next
            // before running the other modes; the last request of the burst always gets them.
            std::unique_lock lock(m_mutex);
            if (!horizon && !m_burstOver && m_lastRequest - m_previousRequest < kBurst)
                m_wake.wait_for(lock, kBurst, [this] { return m_stop || m_pending || m_burstOver; });
            if (m_stop)
                return;
            if (m_pending)
                continue;
        }
        SnapshotPtr complete;
        ColumnJob columns;
        {
            std::lock_guard lock(m_mutex);
            columns.prepare = m_columnPreparer;
        }
        columns.position = m_shownBatch;
        try {
            complete = completeSnapshot(*preview, &bases, &columns);
        } catch (const RunCancelled&) {
            continue;
        }
        if (!horizon)
            bases.fill(complete);
        preview.reset();
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                return;
        }
        post(std::move(complete));
    }
}

void RecomputeService::deliver(SnapshotPtr snapshot)
{
    const bool older = m_latest
                       && (snapshot->generation < m_latest->generation || (snapshot->generation == m_latest->generation && m_latest->complete));
    if (older) {
        retire(std::move(snapshot));
        return;
    }
    if (m_control && m_control->isCancelled())
        return retire(std::move(snapshot)); // posted just before cancel(): not wanted any more
    const bool done = snapshot->generation == m_requested && snapshot->complete;
    retire(std::exchange(m_latest, std::move(snapshot)));
    if (done)
        setBusy(false);
    emit snapshotReady();
}

} // namespace tidemark::ui
