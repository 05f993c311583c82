// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveInput.h"

namespace tidemark::kafka {

void recordFault(SourceStats& stats, SourceFault fault, std::size_t kept)
{
    stats.faults.push_back(std::move(fault));
    ++stats.faultCount;
    while (stats.faults.size() > kept)
        stats.faults.pop_front();
}

} // namespace tidemark::kafka
