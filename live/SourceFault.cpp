// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/SourceFault.h"

namespace tidemark::kafka {

const char* sourceFaultKindName(SourceFault::Kind kind)
{
    switch (kind) {
    case SourceFault::Kind::BrokerLost: return "broker lost";
    case SourceFault::Kind::BrokerBack: return "broker back";
    case SourceFault::Kind::DataLoss: return "data loss";
    case SourceFault::Kind::OffsetsMissed: return "offsets missed";
    case SourceFault::Kind::MessageRefused: return "message refused";
    case SourceFault::Kind::GroupRejoined: return "group rejoined";
    case SourceFault::Kind::InputClosed: return "input closed";
    }
    return "?";
}

} // namespace tidemark::kafka
