// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/KafkaSource.h"
#include "engine/record/BatchRecord.h"

#include <chrono>
#include <optional>
#include <vector>

namespace tidemark::kafka {

/// A live source other than Kafka (the course's socket and directory sources), seen the way a
/// LiveSession is fed: poll() hands over what arrived with a horizon, as KafkaSource::poll does,
/// and the counters, status and fault history use the same SourceStats.
///
/// Why an interface: the CLI and the window drive every such source with the same loop
/// (poll, LiveSession::feed, dataBatchRan), so a socket and a directory record and replay alike.
class LiveInput {
public:
    virtual ~LiveInput() = default;

    /// Reads for about `budget`, then hands over every row that arrived and was not handed over
    /// before. Every later row arrives after `upTo`.
    virtual Delivery poll(std::chrono::milliseconds budget) = 0;
    /// A batch that read rows has run (a directory source holds the next files back until a
    /// batch has read the ones handed over). May come from another thread's session, later.
    virtual void dataBatchRan() {}
    /// When the query started (the source connected or listed its directory); unset until then.
    virtual std::optional<Micros> startTime() const = 0;
    virtual const SourceStats& stats() const = 0;
    /// Malformed rows read since the last call (also counted in stats()).
    virtual std::vector<MalformedMessage> takeNewMalformed() = 0;
    virtual void close() = 0;
};

/// Calls input.dataBatchRan() for each batch of `batches` that read rows; returns how many.
int reportDataBatches(LiveInput& input, const std::vector<BatchRecord>& batches);

/// Adds `fault` to the history, keeping at most `kept` of the newest.
void recordFault(SourceStats& stats, SourceFault fault, std::size_t kept);

} // namespace tidemark::kafka
