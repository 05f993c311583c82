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

std::uint64_t RecomputeService::request(std::shared_ptr<const Scenario> scenario)
{
    const std::uint64_t generation = ++m_requested;
    {
        std::lock_guard lock(m_mutex);
        m_pending = std::move(scenario);
        m_pendingGeneration = generation;
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
        }
        retired.clear(); // outside the lock; the last owner frees the runs here
        if (!scenario)
            continue;
        SnapshotPtr snapshot = buildSnapshot(std::move(scenario), generation);
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                return;
        }
        // Queued to this object: if it is destroyed first, the call is discarded with it.
        QMetaObject::invokeMethod(this, [this, snapshot = std::move(snapshot)]() mutable { deliver(std::move(snapshot)); },
                                  Qt::QueuedConnection);
    }
}

void RecomputeService::deliver(SnapshotPtr snapshot)
{
    if (m_latest && snapshot->generation <= m_latest->generation) {
        retire(std::move(snapshot));
        return;
    }
    retire(std::exchange(m_latest, std::move(snapshot)));
    emit snapshotReady();
}

} // namespace tidemark::ui
