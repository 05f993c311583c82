// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/BatchRecord.h"

namespace tidemark {

const char* fateName(Fate fate)
{
    switch (fate) {
    case Fate::OnTime: return "on time";
    case Fate::LateAccepted: return "late, accepted";
    case Fate::DroppedByWatermark: return "dropped by watermark";
    case Fate::Duplicate: return "duplicate";
    case Fate::Filtered: return "filtered";
    case Fate::NullEventTime: return "null event time";
    case Fate::Unconsumed: return "not read";
    }
    return "?";
}

} // namespace tidemark
