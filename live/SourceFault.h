// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schema/Value.h"

#include <cstdint>
#include <string>

namespace tidemark::kafka {

/// One thing that happened to live input that the numbers on the screen depend on: the broker
/// lost and back, offsets that can no longer be read, a message refused. Kept in the source's
/// fault history (SourceStats::faults), printed on stderr by the CLI, listed in the Kafka dock,
/// and written into the recorded session, so a teacher can say afterwards what the class saw.
struct SourceFault {
    enum class Kind : std::uint8_t {
        BrokerLost,      ///< the broker stopped answering mid-session
        BrokerBack,      ///< it answers again; reading resumed at the next offsets
        DataLoss,        ///< offsets went backwards, a partition vanished, or the next offset is gone
        OffsetsMissed,   ///< failOnDataLoss=false: the offsets [fromOffset, toOffset) were skipped
        MessageRefused,  ///< a message could not be used (e.g. past the size limit); its offset is named
        GroupRejoined,   ///< the consumer group was joined again after an outage
        InputClosed,     ///< a socket closed, a file vanished before it was read
    };
    Micros at = 0;                 ///< on the live clock, when it was noticed
    Kind kind = Kind::BrokerLost;
    std::int32_t partition = -1;   ///< -1: not about one partition
    std::int64_t fromOffset = -1;  ///< the offsets concerned, [fromOffset, toOffset); -1: none
    std::int64_t toOffset = -1;
    std::string text;              ///< one line for people, control characters already escaped
};

const char* sourceFaultKindName(SourceFault::Kind kind);

} // namespace tidemark::kafka
