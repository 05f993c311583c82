// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/record/BatchRecord.h"

namespace tidemark {

int fateRank(Fate fate)
{
    switch (fate) {
    case Fate::DroppedByWatermark: return 6;
    case Fate::Duplicate: return 5;
    case Fate::NullEventTime: return 4;
    case Fate::Filtered: return 3;
    case Fate::LateAccepted: return 2;
    case Fate::OnTime: return 1;
    case Fate::Unconsumed: return 0;
    }
    return 0;
}

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
