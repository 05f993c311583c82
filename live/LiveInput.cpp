// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveInput.h"

namespace tidemark::kafka {

int reportDataBatches(LiveInput& input, const std::vector<BatchRecord>& batches)
{
    int n = 0;
    for (const BatchRecord& b : batches)
        if (!b.noData && b.numInputRows > 0) {
            input.dataBatchRan();
            ++n;
        }
    return n;
}

void recordFault(SourceStats& stats, SourceFault fault, std::size_t kept)
{
    stats.faults.push_back(std::move(fault));
    ++stats.faultCount;
    while (stats.faults.size() > kept)
        stats.faults.pop_front();
}

} // namespace tidemark::kafka
