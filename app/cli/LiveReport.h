// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/KafkaSource.h"
#include "live/SourceFault.h"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tidemark::cli {

/// What `tidemark run --kafka` tells on stderr while it runs and when it stops: the source's
/// status and hint when they change, its new faults, and the malformed messages, every line
/// made printable (kafka::printableText) because message text must never reach the terminal raw.
///
/// Why it counts for itself: the source keeps only the newest malformed messages between two
/// looks, and a classroom terminal cannot show ten thousand lines anyway. So the first
/// `listLimit` malformed messages are listed with partition and offset; every malformed message
/// that was delivered is counted per partition from the deliveries, and the summary says how
/// many there were in all and which were not listed, so the numbers always add up.
class LiveReport {
public:
    LiveReport(std::ostream& err, std::int64_t listLimit);

    /// New status, hint, faults and malformed messages of `source`; returns the new faults.
    std::vector<kafka::SourceFault> update(kafka::KafkaSource& source);
    /// Counts the malformed messages of a delivery.
    void delivered(const kafka::Delivery& delivery);
    /// The closing lines about malformed messages (nothing when there were none).
    void summary(const kafka::SourceStats& stats, const std::string& recordPath);

    std::int64_t listed() const { return m_listed; }
    /// Whether a broker ever answered (metadata, even "no such topic"; a group joined; a message).
    bool brokerAnswered() const { return m_brokerAnswered; }
    /// The last connection hint the source gave (it clears its hint when closed).
    const std::string& lastHint() const { return m_hintSeen; }

private:
    void listMalformed(const kafka::MalformedMessage& bad);

    struct Unlisted {
        std::int64_t count = 0;
        std::int64_t first = -1;
        std::int64_t last = -1;
    };

    std::ostream& m_err;
    std::int64_t m_listLimit = 0;
    std::int64_t m_listed = 0;
    std::int64_t m_seenFaults = 0;
    bool m_brokerAnswered = false;
    bool m_limitNoted = false;
    std::string m_lastStatus;
    std::string m_lastHint;
    std::string m_hintSeen;
    std::map<kafka::MalformedKind, std::string> m_explained; ///< the Spark note last printed for each kind
    std::set<std::pair<std::int32_t, std::int64_t>> m_listedAt; ///< (partition, offset) of the listed ones
    std::map<std::int32_t, Unlisted> m_unlisted;               ///< delivered, not listed, per partition
};

} // namespace tidemark::cli
