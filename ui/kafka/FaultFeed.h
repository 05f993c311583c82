// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/KafkaSource.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace tidemark::kafka {

/// The faults of one stats update that a view has not seen yet.
struct NewFaults {
    std::vector<SourceFault> faults; ///< oldest first
    /// Faults that happened but were already pushed out of the source's bounded history
    /// (SourceStats::faults) before this update: counted, not listed.
    std::int64_t notListed = 0;
};

/// The faults in `stats` newer than the `seen` first ones, and `seen` moved on. Views keep
/// their own history from these, so a fault stays on screen after the source forgets it.
/// A count that went down is a new connection: it starts again from 0.
inline NewFaults takeNewFaults(const SourceStats& stats, std::int64_t& seen)
{
    NewFaults out;
    if (stats.faultCount < seen)
        seen = 0;
    const std::int64_t fresh = stats.faultCount - seen;
    const std::int64_t listed = std::min(fresh, static_cast<std::int64_t>(stats.faults.size()));
    out.notListed = fresh - listed;
    out.faults.assign(stats.faults.end() - listed, stats.faults.end());
    seen = stats.faultCount;
    return out;
}

} // namespace tidemark::kafka
