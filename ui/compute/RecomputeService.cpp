// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compute/RecomputeService.h"

#include <QMetaObject>

#include <utility>

namespace tidemark::ui {

RecomputeService::RecomputeService(QObject* parent)
    : QObject(parent)
    , m_worker([this] { workerLoop(); })
{
}

RecomputeService::~RecomputeService()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_pending.reset();
    }
    m_wake.notify_one();
    m_worker.join();
}

std::uint64_t RecomputeService::request(std::shared_ptr<const Scenario> scenario, std::optional<Micros> liveHorizon)
{
    const std::uint64_t generation = ++m_requested;
    {
        std::lock_guard lock(m_mutex);
        m_pending = std::move(scenario);
        m_pendingGeneration = generation;
        m_pendingHorizon = liveHorizon;
        m_previousRequest = std::exchange(m_lastRequest, Clock::now());
    }
    m_wake.notify_one();
    return generation;
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
    for (;;) {
        std::shared_ptr<const Scenario> scenario;
        std::uint64_t generation = 0;
        std::optional<Micros> horizon;
        std::vector<SnapshotPtr> retired;
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
        }
        retired.clear(); // outside the lock; the last owner frees the runs here
        if (!scenario)
            continue;
        // Queued to this object: if it is destroyed first, the call is discarded with it.
        const auto post = [this](SnapshotPtr snapshot) {
            QMetaObject::invokeMethod(this, [this, snapshot = std::move(snapshot)]() mutable { deliver(std::move(snapshot)); },
                                      Qt::QueuedConnection);
        };
        // Posted even when a newer request is waiting: it is still newer than what is shown, and
        // skipping it could starve the plot while a slow scenario is dragged.
        SnapshotPtr preview = buildPreview(std::move(scenario), generation, horizon);
        post(preview);
        {
            // In a burst of requests (a drag sends one per mouse move) wait a moment for the next
            // before running the other modes; the last request of the burst always gets them.
            std::unique_lock lock(m_mutex);
            if (!horizon && m_lastRequest - m_previousRequest < kBurst)
                m_wake.wait_for(lock, kBurst, [this] { return m_stop || m_pending; });
            if (m_stop)
                return;
            if (m_pending)
                continue;
        }
        SnapshotPtr complete = completeSnapshot(*preview);
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
    retire(std::exchange(m_latest, std::move(snapshot)));
    emit snapshotReady();
}

} // namespace tidemark::ui
