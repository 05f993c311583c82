// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/WatermarkTracker.h"

#include <algorithm>

namespace tidemark {

WatermarkTracker::WatermarkTracker(int numNodes, std::vector<Millis> delays, bool maxPolicy)
    : m_delays(std::move(delays))
    , m_nodeWatermark(static_cast<size_t>(numNodes))
    , m_stats(static_cast<size_t>(numNodes))
    , m_maxPolicy(maxPolicy)
{
}

void WatermarkTracker::beginBatch()
{
    for (auto& s : m_stats)
        s = EventTimeStats{};
}

Millis WatermarkTracker::endBatch()
{
    if (m_nodeWatermark.empty())
        return m_global;
    for (size_t i = 0; i < m_stats.size(); ++i) {
        const EventTimeStats& s = m_stats[i];
        if (s.count == 0)
            continue; // a node without rows this batch keeps its watermark
        m_maxSeen = m_maxSeen ? std::max(*m_maxSeen, s.max) : s.max;
        const Millis candidate = s.max - m_delays[i];
        if (!m_nodeWatermark[i] || candidate > *m_nodeWatermark[i])
            m_nodeWatermark[i] = candidate;
    }
    // MultipleWatermarkPolicy.chooseGlobalWatermark over `operatorToWatermarkMap.values.map(_.getOrElse(0L))`
    Millis chosen = m_nodeWatermark[0].value_or(0);
    for (const auto& w : m_nodeWatermark)
        chosen = m_maxPolicy ? std::max(chosen, w.value_or(0)) : std::min(chosen, w.value_or(0));
    if (chosen > m_global)
        m_global = chosen; // never regresses, and never below the initial 0
    return m_global;
}

void WatermarkTracker::restore(Millis watermark)
{
    for (auto& w : m_nodeWatermark)
        w.reset();
    m_global = watermark;
}

std::optional<EventTimeStats> WatermarkTracker::reportedStats() const
{
    for (const auto& s : m_stats)
        if (s.count > 0)
            return s;
    return std::nullopt;
}

} // namespace tidemark
