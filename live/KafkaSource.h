// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/LiveClock.h"
#include "live/MessageParser.h"
#include "live/SourceFault.h"
#include "engine/scenario/Scenario.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::kafka {

/// How to reach the topic. Defaults suit the classroom: a broker on the host at localhost:9092.
struct KafkaSourceConfig {
    std::string bootstrapServers = "localhost:9092";
    std::string topic;
    std::string startingOffsets = "latest"; ///< earliest | latest
    /// Empty: assign() every partition directly (Spark's own way: it tracks offsets in its
    /// checkpoint, not in a group). Set: subscribe() in this consumer group and commit the
    /// offsets delivered, so a later session in the group resumes there.
    std::string groupId;
    /// Extra librdkafka properties, applied last (tests use them to shorten timeouts).
    std::map<std::string, std::string> properties;
    std::chrono::milliseconds metadataTimeout{1500}; ///< one metadata or offset lookup at most
    std::chrono::milliseconds retryInterval{1000};   ///< between attempts while unreachable / topic missing
    std::chrono::milliseconds partitionCheckInterval{5000}; ///< looking for new partitions
    /// How long the delivery horizon may wait for messages known to be in the topic but not yet
    /// received (a broker gone mid-fetch); after that they count as arriving when they come.
    std::chrono::milliseconds visibilityWait{10000};
    /// A consumer group member that has not been given its partitions back this long after the
    /// broker answers again is replaced by a new consumer that resumes at the next offsets.
    std::chrono::milliseconds rejoinTimeout{8000};
    std::size_t malformedKept = 1000; ///< the newest malformed messages kept for the list
    std::size_t faultsKept = 1000;    ///< the newest faults kept for the history
    /// Larger messages are refused (reported with partition and offset, not read): Kafka's
    /// default message.max.bytes, so a value no default broker would store never reaches the
    /// query. The consumer can fetch messages far larger than this, so the limit is ours.
    std::size_t maxMessageBytes = 1048588;
    /// Spark's Kafka source option failOnDataLoss (default true): offsets that went backwards,
    /// a vanished partition or a next offset no longer available stop the query with Spark's
    /// error; false reads on and reports the missed offsets as a fault.
    bool failOnDataLoss = true;

    static KafkaSourceConfig fromSettings(const KafkaSettings& settings);
};

enum class SourceState : std::uint8_t {
    Connecting,   ///< first attempt under way
    Unreachable,  ///< no broker answered (never connected yet)
    TopicMissing, ///< the broker answered, the topic does not exist
    Connected,    ///< partitions assigned, reading
    Reconnecting, ///< was connected, lost the broker; librdkafka reconnects, we resume at our offsets
    Failed,       ///< the query stopped with Spark's error (SourceStats::error), e.g. data loss
    Closed,
};

const char* sourceStateName(SourceState state);

/// One partition as the source sees it.
struct PartitionProgress {
    std::int32_t partition = 0;
    std::int64_t startOffset = -1; ///< where reading began (-1: not known yet, e.g. a group's committed offset)
    std::int64_t nextOffset = -1;  ///< the next offset to receive
    std::int64_t endOffset = -1;   ///< the partition's end offset as last reported by the broker
    std::int64_t lag() const { return endOffset >= 0 && nextOffset >= 0 && endOffset > nextOffset ? endOffset - nextOffset : 0; }
};

/// A message read from the topic, parsed, with its arrival time on the simulator's clock.
struct LiveMessage {
    std::int32_t partition = 0;
    std::int64_t offset = 0;
    Micros at = 0;
    Row row;
    TimeStyle timeStyle = TimeStyle::EpochSeconds;
    MalformedKind malformed = MalformedKind::None;
};

/// A message whose value did not fit the schema, with why and what Spark does with it.
struct MalformedMessage {
    std::int32_t partition = 0;
    std::int64_t offset = 0;
    Micros at = 0;
    std::string value; ///< the start of the value as text
    MalformedKind kind = MalformedKind::NotJson;
    std::string reason;
    std::string sparkBehaviour;
};

/// What poll() hands over: every message that arrived up to `upTo` and was not handed over
/// before, in arrival order. Every later message will arrive after `upTo`, so a Simulation in
/// live mode may run its ticks up to `upTo` (advanceTo) once these are appended.
struct Delivery {
    Micros upTo = 0;
    std::vector<LiveMessage> messages;
};

/// Counters and status for the UI.
struct SourceStats {
    SourceState state = SourceState::Connecting;
    std::string status; ///< one line: what the source is doing or what is wrong
    std::string hint;   ///< for connection problems: what to check (listeners, ports)
    bool brokerAnswered = false; ///< a broker answered at least once (metadata, even "no such topic")
    std::int64_t received = 0;
    std::int64_t malformed = 0;
    std::int64_t duplicatesSkipped = 0; ///< re-fetched offsets already received (should stay 0)
    std::int64_t offsetsMissed = 0;     ///< offsets deleted (retention) before they were read: data loss
    std::int64_t refused = 0;           ///< messages over config.maxMessageBytes, reported, not read
    std::int64_t consumersRecreated = 0; ///< group members replaced after config.rejoinTimeout without partitions
    std::string error;                  ///< state Failed: Spark's error that stopped the query
    std::deque<SourceFault> faults;     ///< the newest faults (at most config.faultsKept), oldest first
    std::int64_t faultCount = 0;        ///< every fault, also those no longer in `faults`
    std::vector<PartitionProgress> partitions;
    std::int64_t lag() const;
};

/// Reads a Kafka topic the way Spark's Kafka source sees it, for a live Simulation.
///
/// Why it is built this way:
/// - Arrival (processing) time is when a message becomes visible to the query: when it is
///   received, or earlier, when the broker already reported an end offset past it (Spark's
///   latestOffset at planning time covers messages the consumer has not fetched yet). A
///   startingOffsets=earliest backlog therefore arrives at the start, so it lands in batch 0
///   as in Spark.
/// - poll() delivers messages in arrival order together with a horizon `upTo`, and holds the
///   horizon back while messages known to be in the topic are still on their way. So the
///   engine never plans a tick without a message that was already visible at that tick, and a
///   recorded session (each message with its arrival time, partition and offset) replays to
///   the same batches.
/// - Faults are states, never exceptions: an unreachable broker, a missing topic or a broker
///   lost mid-session set the status (with a hint about listeners) and are retried with
///   bounded waits; reading resumes at the next offset of each partition, and an offset
///   received twice is skipped, so no message is lost or doubled.
///
/// Single-threaded: one thread calls poll() and reads stats(); the Qt bridge runs it on its
/// own worker thread.
class KafkaSource {
public:
    KafkaSource(KafkaSourceConfig config, MessageParser parser, Clock clock);
    ~KafkaSource();
    KafkaSource(const KafkaSource&) = delete;
    KafkaSource& operator=(const KafkaSource&) = delete;

    /// Connects if needed, receives for about `budget` (never much longer, except for one
    /// bounded metadata lookup while connecting), then hands over what arrived.
    Delivery poll(std::chrono::milliseconds budget);

    /// When the query started: the moment the starting offsets were resolved (or the first
    /// attempt failed). Unset until then; a live Simulation's first trigger is at this time.
    std::optional<Micros> startTime() const;

    const SourceStats& stats() const;
    /// Malformed messages received since the last call (also counted in stats()).
    std::vector<MalformedMessage> takeNewMalformed();
    /// The newest malformed messages (at most config.malformedKept).
    const std::deque<MalformedMessage>& malformed() const;

    /// Leaves the group (if any) and closes the consumer; bounded by librdkafka's timeouts.
    void close();

    const KafkaSourceConfig& config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace tidemark::kafka
