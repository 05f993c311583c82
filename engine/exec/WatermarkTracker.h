// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/record/BatchRecord.h"
#include "engine/time/Time.h"

#include <optional>
#include <vector>

namespace tidemark {

/// Spark's WatermarkTracker: one entry per EventTimeWatermark node, each advancing to
/// (max event time seen by that node) - delay when that is higher than before; the global
/// watermark is the min (default) or max of the nodes, a node without data counting as 0,
/// and it only ever moves forward from its initial 0.
class WatermarkTracker {
public:
    WatermarkTracker(int numNodes, std::vector<Millis> delays, bool maxPolicy);

    /// Clears the per-batch statistics before a batch runs.
    void beginBatch();
    /// EventTimeWatermarkExec: every row reaching node `node` adds its event time (ms).
    void observe(int node, Millis eventTimeMs) { m_stats[static_cast<size_t>(node)].add(eventTimeMs); }
    /// WatermarkTracker.updateWatermark after the batch; returns the new global watermark.
    Millis endBatch();

    Millis globalWatermark() const { return m_global; }
    /// A restarted query's fresh tracker set to the watermark its offset log holds
    /// (populateStartOffsets: WatermarkTracker(conf), then setWatermark): the per-node
    /// watermarks are not in the checkpoint and start over.
    void restore(Millis watermark);
    /// Progress `eventTime`: the first node (plan order) that saw rows in this batch.
    std::optional<EventTimeStats> reportedStats() const;
    /// Highest event time any node has seen, over all batches so far.
    std::optional<Millis> maxEventTimeSeen() const { return m_maxSeen; }

private:
    std::vector<Millis> m_delays;
    std::vector<std::optional<Millis>> m_nodeWatermark;
    std::vector<EventTimeStats> m_stats;
    bool m_maxPolicy = false;
    Millis m_global = 0;
    std::optional<Millis> m_maxSeen;
};

} // namespace tidemark
