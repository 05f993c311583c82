// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/KafkaSource.h"

#include "live/ConnectionHint.h"

#include <librdkafka/rdkafkacpp.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <stdexcept>
#include <thread>
#include <utility>
#include <unistd.h>

namespace tidemark::kafka {

namespace {

using SteadyClock = std::chrono::steady_clock;
using Ms = std::chrono::milliseconds;

int toMs(std::chrono::milliseconds d) { return static_cast<int>(std::max<std::int64_t>(0, d.count())); }

bool isConnectionError(RdKafka::ErrorCode e)
{
    return e == RdKafka::ERR__TRANSPORT || e == RdKafka::ERR__ALL_BROKERS_DOWN || e == RdKafka::ERR__RESOLVE
           || e == RdKafka::ERR__TIMED_OUT || e == RdKafka::ERR__AUTHENTICATION || e == RdKafka::ERR__SSL;
}

bool isMissingTopic(RdKafka::ErrorCode e)
{
    return e == RdKafka::ERR_UNKNOWN_TOPIC_OR_PART || e == RdKafka::ERR__UNKNOWN_TOPIC || e == RdKafka::ERR__UNKNOWN_PARTITION;
}

/// librdkafka appends ", 3 identical error(s) suppressed" to repeated errors; the status should
/// not change (and be printed again) for that alone.
std::string withoutRepeatCount(std::string text)
{
    const std::string tail = " identical error(s) suppressed";
    const auto end = text.find(tail);
    if (end == std::string::npos)
        return text;
    auto start = text.rfind(", ", end);
    if (start == std::string::npos)
        return text;
    text.erase(start, end + tail.size() - start);
    return text;
}

/// Spark's KafkaSourceProvider.INSTRUCTION_FOR_FAIL_ON_DATA_LOSS_TRUE and _FALSE, joined into one
/// line (Spark's text breaks the lines of the source code, not of the sentence).
std::string sparkDataLossInstruction(bool failOnDataLoss)
{
    return failOnDataLoss
               ? "Some data may have been lost because they are not available in Kafka any more; either the data was aged out by Kafka "
                 "or the topic may have been deleted before all the data in the topic was processed. If you don't want your streaming "
                 "query to fail on such cases, set the source option \"failOnDataLoss\" to \"false\"."
               : "Some data may have been lost because they are not available in Kafka any more; either the data was aged out by Kafka "
                 "or the topic may have been deleted before all the data in the topic was processed. If you want your streaming query "
                 "to fail on such cases, set the source option \"failOnDataLoss\" to \"true\".";
}

std::string range(std::int64_t from, std::int64_t to) { return "[" + std::to_string(from) + ", " + std::to_string(to) + ")"; }

std::string uniqueGroupId()
{
    std::random_device rd;
    return "tidemark-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
}

} // namespace

KafkaSourceConfig KafkaSourceConfig::fromSettings(const KafkaSettings& s)
{
    KafkaSourceConfig c;
    c.bootstrapServers = s.bootstrapServers;
    c.topic = s.topic;
    c.startingOffsets = s.startingOffsets;
    c.groupId = s.groupId;
    c.failOnDataLoss = s.failOnDataLoss;
    return c;
}

const char* sourceStateName(SourceState state)
{
    switch (state) {
    case SourceState::Connecting: return "connecting";
    case SourceState::Unreachable: return "unreachable";
    case SourceState::TopicMissing: return "topic missing";
    case SourceState::Connected: return "connected";
    case SourceState::Reconnecting: return "reconnecting";
    case SourceState::Failed: return "failed";
    case SourceState::Closed: return "closed";
    }
    return "?";
}

std::int64_t SourceStats::lag() const
{
    std::int64_t total = 0;
    for (const auto& p : partitions)
        total += p.lag();
    return total;
}

/// librdkafka's event callback, apart from the source: log events come from librdkafka's own
/// threads, also from a consumer handle left open at shutdown (Impl::partitionVanished), so the
/// callback object must outlive the source and stop forwarding when it goes.
class EventForwarder : public RdKafka::EventCb {
public:
    explicit EventForwarder(RdKafka::EventCb* target)
        : m_target(target)
    {
    }
    void event_cb(RdKafka::Event& event) override
    {
        if (RdKafka::EventCb* t = m_target.load())
            t->event_cb(event);
    }
    void detach() { m_target.store(nullptr); }

private:
    std::atomic<RdKafka::EventCb*> m_target;
};

struct KafkaSource::Impl : public RdKafka::EventCb, public RdKafka::RebalanceCb {
    /// Per partition: offsets and the end offsets seen but not yet received.
    struct Partition {
        std::int32_t id = 0;
        bool assigned = false;
        std::int64_t start = -1;
        std::int64_t next = -1; ///< next offset to receive (-1: unknown until the first message or EOF)
        std::int64_t end = -1;
        /// (end offset, arrival time given to every message below it, when it was seen):
        /// messages the broker reported before we received them.
        struct Mark {
            std::int64_t end;
            Micros at;
            SteadyClock::time_point seen;
        };
        std::deque<Mark> marks;
        std::int64_t delivered = -1; ///< next offset after the last message handed over (for commits)
        bool offsetCheckPending = false; ///< an offset error whose watermark lookup failed: look again
        bool inFirstAssignment = false;  ///< group mode: given at the start, so startingOffsets applies
    };

    KafkaSourceConfig config;
    MessageParser parser;
    Clock clock;
    std::unique_ptr<RdKafka::KafkaConsumer> consumer;
    std::unique_ptr<RdKafka::Topic> topicHandle;
    std::map<std::int32_t, Partition> partitions;
    SourceStats stats;
    std::deque<MalformedMessage> malformedList;
    std::vector<MalformedMessage> newMalformed;
    std::vector<LiveMessage> pending;
    std::optional<Micros> startTime;
    Micros lastUpTo = std::numeric_limits<Micros>::min();
    bool everConnected = false;
    bool topicWasMissing = false;  ///< the broker said the topic did not exist: read it from the beginning once it does
    bool initialResolved = false;  ///< the starting offsets were applied to the first partitions
    bool subscribed = false;
    bool needWatermarkQuery = false;
    bool closed = false;
    SteadyClock::time_point nextAttempt{};
    SteadyClock::time_point nextCreate{};
    SteadyClock::time_point nextPartitionCheck{};
    SteadyClock::time_point lastErrorAt{};
    SteadyClock::time_point created = SteadyClock::now();
    std::string lastConnectionError;
    bool debugLog = false;
    std::string consumerGroupId;   ///< the group id the consumer uses (ours, or a unique one in assign mode)
    bool brokerLost = false;       ///< a BrokerLost fault is open until the broker answers again
    bool hadAssignment = false;    ///< the group assigned partitions before (a later assignment is a rejoin)
    std::optional<SteadyClock::time_point> joinWaitSince; ///< group mode: broker reachable, no assignment yet
    /// A partition we read vanished. librdkafka 2.0.x then keeps a reference to it that makes
    /// destroying the consumer wait forever (confluentinc/librdkafka#4674, #4486), so shutdown()
    /// closes that consumer and leaves the handle to the process exit.
    bool partitionVanished = false;
    std::unique_ptr<EventForwarder> events; ///< the consumer's event callback (see EventForwarder)
    int recreatedWithoutAssignment = 0; ///< consumers replaced since the last assignment (the wait doubles each time)

    Impl(KafkaSourceConfig c, MessageParser p, Clock k)
        : config(std::move(c))
        , parser(std::move(p))
        , clock(std::move(k))
    {
        setStatus(SourceState::Connecting, "connecting to " + config.bootstrapServers + " for topic '" + config.topic + "'", "");
    }

    ~Impl() override { shutdown(); }

    bool groupMode() const { return !config.groupId.empty(); }

    void setStatus(SourceState state, std::string status, std::string hint)
    {
        stats.state = state;
        stats.status = std::move(status);
        stats.hint = std::move(hint);
    }

    void addFault(SourceFault::Kind kind, std::int32_t partition, std::int64_t from, std::int64_t to, std::string text)
    {
        SourceFault f;
        f.at = stamp();
        f.kind = kind;
        f.partition = partition;
        f.fromOffset = from;
        f.toOffset = to;
        f.text = std::move(text);
        stats.faults.push_back(std::move(f));
        ++stats.faultCount;
        while (stats.faults.size() > std::max<std::size_t>(config.faultsKept, 1))
            stats.faults.pop_front();
    }

    bool failed() const { return stats.state == SourceState::Failed; }

    std::string topicPartition(std::int32_t id) const { return config.topic + "-" + std::to_string(id); }

    /// What the driver adds to a data-loss message (KafkaMicroBatchStream.reportDataLoss).
    std::string driverDataLoss(const std::string& message) const { return message + ". " + sparkDataLossInstruction(config.failOnDataLoss); }

    /// What an executor's reader adds (KafkaDataConsumer.reportDataLoss / additionalMessage).
    std::string executorDataLoss(const std::string& message, std::int32_t id) const
    {
        return message + " (GroupId: " + consumerGroupId + ", TopicPartition: " + topicPartition(id) + "). "
               + sparkDataLossInstruction(config.failOnDataLoss);
    }

    static constexpr std::int64_t kPartitionGone = -1; ///< dataLoss(): nothing to resume
    static constexpr std::int64_t kReadingOn = -2;     ///< dataLoss(): the consumer is already past the gap

    /// Spark's failOnDataLoss rule for partition `id`. true: the query stops with `sparkMessage`
    /// (an IllegalStateException in Spark). false: Spark logs it and reads on at `resumeAt`
    /// (or kPartitionGone, kReadingOn); the offsets in `missed` are never read and are reported.
    void dataLoss(std::int32_t id, const std::string& sparkMessage, std::int64_t resumeAt, const std::vector<std::pair<std::int64_t, std::int64_t>>& missed)
    {
        if (failed())
            return;
        Partition& p = partitions[id];
        std::int64_t lostFrom = -1;
        std::int64_t lostTo = -1;
        for (const auto& [from, to] : missed)
            if (to > from) {
                lostFrom = lostFrom < 0 ? from : std::min(lostFrom, from);
                lostTo = std::max(lostTo, to);
            }
        addFault(SourceFault::Kind::DataLoss, id, lostFrom, lostTo, sparkMessage);
        if (config.failOnDataLoss) {
            stats.error = sparkMessage;
            setStatus(SourceState::Failed, "the query stopped (failOnDataLoss is true): " + sparkMessage, "");
            return;
        }
        std::string ranges;
        for (const auto& [from, to] : missed) {
            if (to <= from)
                continue;
            stats.offsetsMissed += to - from;
            addFault(SourceFault::Kind::OffsetsMissed, id, from, to,
                     "partition " + std::to_string(id) + ": offsets " + range(from, to) + " were never read (failOnDataLoss is false)");
            ranges += (ranges.empty() ? "" : " and ") + range(from, to);
        }
        setStatus(stats.state,
                  "partition " + std::to_string(id) + (ranges.empty() ? std::string(": offsets vanished") : ": offsets " + ranges + " were never read")
                      + (resumeAt == kPartitionGone ? std::string("; the partition is gone")
                         : resumeAt == kReadingOn ? std::string("; reading on")
                                                  : "; reading on at offset " + std::to_string(resumeAt))
                      + ", as Spark does with failOnDataLoss=false",
                  "");
        if (resumeAt == kReadingOn)
            return;
        p.marks.clear();
        if (resumeAt == kPartitionGone) {
            p.assigned = false;
            p.next = -1;
            return;
        }
        p.next = resumeAt;
        p.end = resumeAt;
        restartPartition(id, resumeAt);
    }

    /// Makes the consumer fetch `id` from `offset` again (after librdkafka stopped fetching it
    /// on an offset error, a seek is refused: the partition is assigned again).
    void restartPartition(std::int32_t id, std::int64_t offset)
    {
        if (!consumer)
            return;
        if (!groupMode()) {
            std::vector<RdKafka::TopicPartition*> one{RdKafka::TopicPartition::create(config.topic, id)};
            delete consumer->incremental_unassign(one);
            RdKafka::TopicPartition::destroy(one);
            std::vector<RdKafka::TopicPartition*> again{RdKafka::TopicPartition::create(config.topic, id, offset)};
            delete consumer->incremental_assign(again);
            RdKafka::TopicPartition::destroy(again);
            return;
        }
        std::vector<RdKafka::TopicPartition*> all;
        for (const auto& [pid, p] : partitions)
            if (p.assigned)
                all.push_back(RdKafka::TopicPartition::create(config.topic, pid, pid == id ? offset : (p.next >= 0 ? p.next : RdKafka::Topic::OFFSET_INVALID)));
        consumer->assign(all);
        RdKafka::TopicPartition::destroy(all);
    }

    /// librdkafka could not fetch `id` at our position (auto.offset.reset=error: it never moves
    /// the position itself). Either the partition was never positioned (a group without a
    /// committed offset: startingOffsets decides) or the offset is gone (Spark's data loss).
    void offsetUnavailable(std::int32_t id)
    {
        Partition& p = partitions[id];
        p.id = id;
        std::int64_t lo = -1;
        std::int64_t hi = -1;
        const RdKafka::ErrorCode e = consumer->query_watermark_offsets(config.topic, id, &lo, &hi, toMs(config.metadataTimeout));
        if (e != RdKafka::ERR_NO_ERROR) {
            if (isConnectionError(e))
                connectionFailed(RdKafka::err2str(e));
            p.offsetCheckPending = true; // maintain() asks again
            return;
        }
        p.offsetCheckPending = false;
        if (p.next < 0) {
            // KafkaMicroBatchStream.initialPartitionOffsets: startingOffsets for the first partitions.
            const bool earliest = !p.inFirstAssignment || topicWasMissing || config.startingOffsets == "earliest";
            p.start = p.next = earliest ? lo : hi;
            p.end = std::max(p.end, hi);
            if (hi > p.next)
                p.marks.push_back({hi, stamp(), SteadyClock::now()});
            restartPartition(id, p.next);
            return;
        }
        if (hi < p.next) {
            // KafkaOffsetReader.getOffsetRangesFromResolvedOffsets: the end offset went below the
            // next offset to read (the topic was recreated, the broker replaced by an empty one).
            // Spark plans no range for it and reads on from the new end offset.
            dataLoss(id,
                     driverDataLoss("Partition " + topicPartition(id) + "'s offset was changed from " + std::to_string(p.next) + " to "
                                    + std::to_string(hi) + ", some data may have been missed"),
                     hi, {{p.next, std::max(p.next, p.end)}, {lo, hi}});
            return;
        }
        if (lo > p.next) {
            // KafkaDataConsumer.get: OffsetOutOfRangeException, the next offset was deleted
            // (retention); with failOnDataLoss=false it goes on from the earliest available offset.
            const std::string message = config.failOnDataLoss
                                            ? executorDataLoss("Cannot fetch offset " + std::to_string(p.next), id)
                                            : "The current available offset range is AvailableOffsetRange(" + std::to_string(lo) + ","
                                                  + std::to_string(hi) + "). Offset " + std::to_string(p.next)
                                                  + " is out of range, and records in " + range(p.next, lo) + " will be skipped"
                                                  + executorDataLoss("", id);
            dataLoss(id, message, lo, {{p.next, lo}});
            return;
        }
        restartPartition(id, p.next); // in range again (e.g. a leader that had not caught up): read on
    }

    std::string positions() const
    {
        std::string s;
        for (const auto& [id, p] : partitions) {
            if (!p.assigned)
                continue;
            s += (s.empty() ? "" : ", ") + std::to_string(id) + ":" + (p.next >= 0 ? std::to_string(p.next) : std::string("committed"));
        }
        return s.empty() ? "the start" : "offsets " + s;
    }

    void connectionFailed(const std::string& error)
    {
        if (failed())
            return;
        lastErrorAt = SteadyClock::now();
        const std::string hint = connectionHint(config.bootstrapServers, error);
        if (everConnected) {
            if (!brokerLost) {
                brokerLost = true;
                addFault(SourceFault::Kind::BrokerLost, -1, -1, -1, "lost the broker at " + config.bootstrapServers + " (" + error + ")");
            }
            setStatus(SourceState::Reconnecting,
                      "lost the connection to the broker (" + error + "); reconnecting by itself, will resume at " + positions(), hint);
        } else
            setStatus(SourceState::Unreachable, "cannot reach Kafka at " + config.bootstrapServers + ": " + error + "; retrying", hint);
        if (!startTime)
            startTime = stamp();
    }

    Micros stamp() const
    {
        const Micros now = clock();
        return lastUpTo == std::numeric_limits<Micros>::min() ? now : std::max(now, lastUpTo + 1);
    }

    // ---- librdkafka callbacks (served inside consume(), on our thread) ----

    void event_cb(RdKafka::Event& event) override
    {
        if (event.type() == RdKafka::Event::EVENT_LOG && debugLog)
            std::fprintf(stderr, "[librdkafka] %s %s\n", event.fac().c_str(), event.str().c_str());
        if (event.type() != RdKafka::Event::EVENT_ERROR)
            return;
        const RdKafka::ErrorCode e = event.err();
        if (e == RdKafka::ERR__TRANSPORT || e == RdKafka::ERR__ALL_BROKERS_DOWN || e == RdKafka::ERR__RESOLVE) {
            // ALL_BROKERS_DOWN carries no address; keep the transport error that named one.
            if (e != RdKafka::ERR__ALL_BROKERS_DOWN || lastConnectionError.empty())
                lastConnectionError = withoutRepeatCount(event.str());
            connectionFailed(lastConnectionError);
        } else if (event.fatal()) {
            setStatus(stats.state, "Kafka client error: " + event.str(), "");
        }
    }

    void rebalance_cb(RdKafka::KafkaConsumer* c, RdKafka::ErrorCode err, std::vector<RdKafka::TopicPartition*>& tps) override
    {
        const bool cooperative = c->rebalance_protocol() == "COOPERATIVE";
        if (err == RdKafka::ERR__ASSIGN_PARTITIONS) {
            for (auto* tp : tps) {
                Partition& p = partitions[tp->partition()];
                p.id = tp->partition();
                p.assigned = true;
                p.inFirstAssignment = p.inFirstAssignment || !hadAssignment;
                if (p.next >= 0)
                    tp->set_offset(p.next); // resume exactly after what we received, not at the last commit
            }
            if (cooperative) {
                delete c->incremental_assign(tps);
            } else {
                c->assign(tps);
            }
            needWatermarkQuery = true;
            everConnected = true;
            joinWaitSince.reset();
            setStatus(SourceState::Connected, "reading '" + config.topic + "' in group '" + config.groupId + "' from " + positions(), "");
            if (hadAssignment)
                addFault(SourceFault::Kind::GroupRejoined, -1, -1, -1,
                         "joined consumer group '" + config.groupId + "' again"
                             + (recreatedWithoutAssignment > 0 ? std::string(" with a new consumer") : std::string()) + "; resumed at "
                             + positions());
            hadAssignment = true;
            recreatedWithoutAssignment = 0;
            brokerBack();
        } else {
            for (auto* tp : tps)
                partitions[tp->partition()].assigned = false;
            if (cooperative)
                delete c->incremental_unassign(tps);
            else
                c->unassign();
            // Without partitions the member reads nothing until the group assigns them again (or
            // maintain() gives up after rejoinTimeout): the state must not say Connected meanwhile.
            const bool anyAssigned = std::any_of(partitions.begin(), partitions.end(), [](const auto& kv) { return kv.second.assigned; });
            if (!anyAssigned && stats.state == SourceState::Connected && !closed)
                setStatus(SourceState::Connecting, "consumer group '" + config.groupId + "' took the partitions back; joining again, to resume at " + positions(), "");
        }
    }

    // ---- connection management ----

    bool createConsumer()
    {
        std::string err;
        std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
        auto set = [&](const std::string& k, const std::string& v) {
            if (conf->set(k, v, err) != RdKafka::Conf::CONF_OK)
                throw std::runtime_error(k + ": " + err);
        };
        try {
            set("bootstrap.servers", config.bootstrapServers);
            consumerGroupId = groupMode() ? config.groupId : uniqueGroupId();
            set("group.id", consumerGroupId); // librdkafka wants one even for assign()
            set("enable.auto.commit", "false");
            set("enable.auto.offset.store", "false");
            // librdkafka never moves a position by itself: an offset it cannot fetch (or a group
            // partition without a committed offset) comes back as ERR__AUTO_OFFSET_RESET, and
            // offsetUnavailable() applies startingOffsets or Spark's failOnDataLoss rule.
            set("auto.offset.reset", "error");
            set("enable.partition.eof", "true"); // proves we have everything up to the end offset
            set("fetch.wait.max.ms", "20");      // arrival times within a few ms of the broker's
            // Room to fetch any message a broker may hold (up to 64 MiB), so that one too large
            // for us is received and refused (maxMessageBytes) instead of stalling the partition.
            set("fetch.max.bytes", "67108864");
            set("receive.message.max.bytes", "67633152");
            set("reconnect.backoff.ms", "100");
            set("reconnect.backoff.max.ms", "1000");
            set("socket.connection.setup.timeout.ms", "5000");
            set("topic.metadata.refresh.interval.ms", "5000");
            set("session.timeout.ms", "6000"); // the mock cluster needs 4000-6000; real brokers accept it
            set("heartbeat.interval.ms", "500");
            set("log_level", "3");
            set("client.id", "tidemark");
            // TIDEMARK_KAFKA_DEBUG=fetch,broker,... prints librdkafka's debug log on stderr.
            if (const char* debug = std::getenv("TIDEMARK_KAFKA_DEBUG"); debug && *debug) {
                set("debug", debug);
                set("log_level", "7");
                debugLog = true;
            }
            for (const auto& [k, v] : config.properties)
                set(k, v);
            if (!events)
                events = std::make_unique<EventForwarder>(static_cast<RdKafka::EventCb*>(this));
            if (conf->set("event_cb", static_cast<RdKafka::EventCb*>(events.get()), err) != RdKafka::Conf::CONF_OK)
                throw std::runtime_error(err);
            if (groupMode() && conf->set("rebalance_cb", static_cast<RdKafka::RebalanceCb*>(this), err) != RdKafka::Conf::CONF_OK)
                throw std::runtime_error(err);
        } catch (const std::exception& e) {
            setStatus(SourceState::Unreachable, std::string("bad Kafka setting: ") + e.what(), "");
            return false;
        }
        consumer.reset(RdKafka::KafkaConsumer::create(conf.get(), err));
        if (!consumer) {
            setStatus(SourceState::Unreachable, "cannot create a Kafka consumer: " + err, connectionHint(config.bootstrapServers, err));
            return false;
        }
        topicHandle.reset(RdKafka::Topic::create(consumer.get(), config.topic, nullptr, err));
        return true;
    }

    /// The topic's partitions, or nullopt (status set) when the broker or the topic is not there.
    std::optional<std::vector<std::int32_t>> fetchPartitions(std::chrono::milliseconds timeout)
    {
        RdKafka::Metadata* raw = nullptr;
        const RdKafka::ErrorCode e = consumer->metadata(false, topicHandle.get(), &raw, toMs(timeout));
        std::unique_ptr<RdKafka::Metadata> md(raw);
        if (e != RdKafka::ERR_NO_ERROR) {
            // librdkafka queued the connection errors met while waiting; serve them (event_cb) so
            // the status names the address and the cause ("Connection refused"), not just
            // "Broker transport failure".
            if (std::unique_ptr<RdKafka::Message> m(consumer->consume(0)); m)
                handle(*m);
            // The transport error that named the address says more than "Local: Timed out".
            connectionFailed(lastConnectionError.empty() ? RdKafka::err2str(e) : RdKafka::err2str(e) + " (" + lastConnectionError + ")");
            return std::nullopt;
        }
        stats.brokerAnswered = true;
        for (const auto* t : *md->topics()) {
            if (t->topic() != config.topic)
                continue;
            if (isMissingTopic(t->err()) || (t->err() == RdKafka::ERR_NO_ERROR && t->partitions()->empty())) {
                if (!groupMode()) {
                    std::vector<std::int32_t> gone;
                    for (const auto& [id, p] : partitions)
                        if (p.assigned)
                            gone.push_back(id);
                    partitionsGone(gone);
                    if (failed())
                        return std::nullopt;
                }
                topicWasMissing = true;
                if (!startTime)
                    startTime = stamp();
                setStatus(SourceState::TopicMissing,
                          "topic '" + config.topic + "' does not exist on " + config.bootstrapServers
                              + " (yet); waiting for it. Once it appears it is read from its beginning, as Spark reads partitions "
                                "that appear after the query started.",
                          "Create it (kafka-topics.sh --create --topic " + config.topic
                              + ", or tidemark broker --topic " + config.topic + ") or produce to it; check the topic name's spelling.");
                return std::nullopt;
            }
            if (t->err() != RdKafka::ERR_NO_ERROR) {
                connectionFailed(RdKafka::err2str(t->err()));
                return std::nullopt;
            }
            std::vector<std::int32_t> ids;
            for (const auto* p : *t->partitions())
                ids.push_back(p->id());
            std::sort(ids.begin(), ids.end());
            return ids;
        }
        return std::nullopt;
    }

    /// Assign mode: resolves starting offsets of partitions not yet assigned and assigns them.
    bool assignNew(const std::vector<std::int32_t>& ids)
    {
        std::vector<RdKafka::TopicPartition*> add;
        const Micros now = stamp();
        const bool initial = !initialResolved;
        for (const std::int32_t id : ids) {
            Partition& p = partitions[id];
            p.id = id;
            if (p.assigned)
                continue;
            std::int64_t lo = -1;
            std::int64_t hi = -1;
            const RdKafka::ErrorCode e = consumer->query_watermark_offsets(config.topic, id, &lo, &hi, toMs(config.metadataTimeout));
            if (e != RdKafka::ERR_NO_ERROR) {
                if (isConnectionError(e))
                    connectionFailed(RdKafka::err2str(e));
                for (auto* tp : add)
                    delete tp;
                return false;
            }
            // KafkaMicroBatchStream.initialPartitionOffsets: startingOffsets for the partitions of the
            // first batch; partitions that appear later are read from their earliest offset.
            const bool earliest = !initial || topicWasMissing || config.startingOffsets == "earliest";
            if (p.next < 0) {
                p.start = earliest ? lo : hi;
                p.next = p.start;
            }
            p.end = std::max(p.end, hi);
            if (hi > p.next)
                p.marks.push_back({hi, now, SteadyClock::now()}); // already in the topic: it arrives now
            p.assigned = true;
            add.push_back(RdKafka::TopicPartition::create(config.topic, id, p.next));
        }
        if (!add.empty()) {
            RdKafka::Error* err = consumer->incremental_assign(add);
            RdKafka::TopicPartition::destroy(add);
            if (err) {
                setStatus(stats.state, "cannot assign partitions: " + err->str(), "");
                delete err;
                return false;
            }
        }
        if (!initialResolved) {
            initialResolved = true;
            if (!startTime)
                startTime = now;
        }
        everConnected = true;
        lastConnectionError.clear();
        setStatus(SourceState::Connected,
                  "reading '" + config.topic + "' (" + std::to_string(ids.size()) + (ids.size() == 1 ? " partition" : " partitions")
                      + ") at " + config.bootstrapServers + " from " + positions(),
                  "");
        return true;
    }

    void maintain()
    {
        if (closed || failed())
            return;
        const auto now = SteadyClock::now();
        if (consumer && now >= nextAttempt)
            for (auto& [id, p] : partitions)
                if (p.offsetCheckPending && p.assigned) {
                    offsetUnavailable(id);
                    if (failed())
                        return;
                }
        if (!consumer) {
            if (now < nextCreate)
                return;
            nextCreate = now + config.retryInterval;
            if (!createConsumer()) {
                if (!startTime)
                    startTime = stamp(); // the query starts anyway, with nothing to read
                return;
            }
        }
        if (groupMode()) {
            if (!subscribed) {
                const RdKafka::ErrorCode e = consumer->subscribe({config.topic});
                if (e != RdKafka::ERR_NO_ERROR) {
                    setStatus(SourceState::Unreachable, "cannot subscribe: " + RdKafka::err2str(e), "");
                    return;
                }
                subscribed = true;
                setStatus(SourceState::Connecting,
                          "joining consumer group '" + config.groupId + "' for topic '" + config.topic + "' at " + config.bootstrapServers,
                          "");
            }
            // The group protocol assigns partitions; check the broker and the topic for the status.
            if (stats.state != SourceState::Connected && now >= nextAttempt) {
                nextAttempt = now + config.retryInterval;
                if (fetchPartitions(config.metadataTimeout) && stats.state != SourceState::Connected) {
                    setStatus(SourceState::Connecting, "joining consumer group '" + config.groupId + "' (topic '" + config.topic + "' found)", "");
                    if (!joinWaitSince)
                        joinWaitSince = now;
                    // A replaced consumer that cannot join either waits twice as long each time (up to 8x).
                    const auto wait = config.rejoinTimeout * (1 << std::min(recreatedWithoutAssignment, 3));
                    if (everConnected && now - *joinWaitSince > wait) {
                        recreateConsumer(); // the group cannot be rejoined: start again from our offsets
                        return;
                    }
                }
            }
            if (needWatermarkQuery) {
                needWatermarkQuery = false;
                const Micros at = stamp();
                for (auto& [id, p] : partitions) {
                    std::int64_t lo = -1;
                    std::int64_t hi = -1;
                    if (p.assigned
                        && consumer->query_watermark_offsets(config.topic, id, &lo, &hi, toMs(config.metadataTimeout)) == RdKafka::ERR_NO_ERROR) {
                        p.end = std::max(p.end, hi);
                        if (hi > p.next)
                            p.marks.push_back({hi, at, SteadyClock::now()});
                    }
                }
                if (!startTime)
                    startTime = at;
            }
            if (!startTime && now - created > config.metadataTimeout * 4)
                startTime = stamp(); // group join slower than that: start without it
            return;
        }
        const bool due = now >= nextAttempt;
        if (stats.state != SourceState::Connected && stats.state != SourceState::Reconnecting && due) {
            nextAttempt = now + config.retryInterval;
            if (auto ids = fetchPartitions(config.metadataTimeout))
                assignNew(*ids);
        } else if (stats.state == SourceState::Reconnecting && due) {
            // librdkafka reconnects by itself; a short metadata probe tells when the broker is back.
            nextAttempt = now + config.retryInterval;
            if (auto ids = fetchPartitions(std::min<std::chrono::milliseconds>(config.metadataTimeout, Ms(500)))) {
                if (assignNew(*ids)) {
                    setStatus(SourceState::Connected, "connected again to " + config.bootstrapServers + "; resumed at " + positions(), "");
                    brokerBack();
                }
            }
        } else if (stats.state == SourceState::Connected && now >= nextPartitionCheck) {
            nextPartitionCheck = now + config.partitionCheckInterval;
            if (auto ids = fetchPartitions(std::min<std::chrono::milliseconds>(config.metadataTimeout, Ms(500)))) {
                std::vector<std::int32_t> gone;
                for (const auto& [id, p] : partitions)
                    if (p.assigned && !std::binary_search(ids->begin(), ids->end(), id))
                        gone.push_back(id);
                partitionsGone(gone);
                if (failed())
                    return;
                if (std::any_of(ids->begin(), ids->end(), [&](std::int32_t id) { return !partitions[id].assigned; }))
                    assignNew(*ids);
            }
        }
    }

    /// A new consumer in place of one whose group membership is stuck; the rebalance callback
    /// assigns it our next offsets, so nothing is lost or read twice.
    void recreateConsumer()
    {
        setStatus(SourceState::Connecting,
                  "the consumer group '" + config.groupId + "' did not take the consumer back; joining with a new consumer, to resume at " + positions(),
                  "");
        ++stats.consumersRecreated;
        ++recreatedWithoutAssignment;
        consumer->close();
        topicHandle.reset();
        consumer.reset();
        for (auto& [id, p] : partitions)
            p.assigned = false;
        subscribed = false;
        needWatermarkQuery = false;
        joinWaitSince.reset();
        nextCreate = SteadyClock::now();
    }

    /// Partitions we read that the broker no longer has (KafkaOffsetReader: "... are gone").
    void partitionsGone(const std::vector<std::int32_t>& gone)
    {
        if (gone.empty())
            return;
        std::string set;
        for (const std::int32_t id : gone)
            set += (set.empty() ? "" : ", ") + topicPartition(id);
        const std::string message = driverDataLoss("Set(" + set + ") are gone. Some data may have been missed.");
        partitionVanished = true;
        for (const std::int32_t id : gone) {
            Partition& p = partitions[id];
            const std::int64_t next = p.next;
            if (!config.failOnDataLoss && consumer) {
                std::vector<RdKafka::TopicPartition*> one{RdKafka::TopicPartition::create(config.topic, id)};
                delete consumer->incremental_unassign(one);
                RdKafka::TopicPartition::destroy(one);
            }
            dataLoss(id, message, kPartitionGone, {{next, std::max(next, p.end)}});
            if (failed())
                return;
        }
    }

    // ---- receiving ----

    void popMarks(Partition& p)
    {
        while (!p.marks.empty() && p.next >= 0 && p.marks.front().end <= p.next)
            p.marks.pop_front();
    }

    void handle(const RdKafka::Message& msg)
    {
        switch (msg.err()) {
        case RdKafka::ERR_NO_ERROR: break;
        case RdKafka::ERR__TIMED_OUT: return;
        case RdKafka::ERR__PARTITION_EOF: {
            Partition& p = partitions[msg.partition()];
            p.id = msg.partition();
            p.next = std::max(p.next, msg.offset());
            p.end = std::max(p.end, msg.offset());
            popMarks(p);
            markConnected();
            return;
        }
        case RdKafka::ERR__AUTO_OFFSET_RESET:
        case RdKafka::ERR_OFFSET_OUT_OF_RANGE:
            if (msg.partition() >= 0 && !failed())
                offsetUnavailable(msg.partition());
            return;
        default:
            if (isMissingTopic(msg.err())) {
                setStatus(SourceState::TopicMissing, "topic '" + config.topic + "': " + msg.errstr(), "");
            } else if (isConnectionError(msg.err())) {
                connectionFailed(msg.errstr());
            } else {
                setStatus(stats.state, "Kafka: " + msg.errstr(), stats.hint);
            }
            return;
        }
        if (msg.topic_name() != config.topic)
            return;
        Partition& p = partitions[msg.partition()];
        p.id = msg.partition();
        if (p.next >= 0 && msg.offset() < p.next) {
            ++stats.duplicatesSkipped; // fetched again after a reconnect: already received
            return;
        }
        markConnected();
        if (failed())
            return;
        if (p.next >= 0 && msg.offset() > p.next) {
            // KafkaDataConsumer.fetchRecord: offsets below the log start are data loss; others
            // (compacted away, transaction markers) are invisible records Spark skips quietly.
            std::int64_t lo = -1;
            std::int64_t hi = -1;
            if (consumer->get_watermark_offsets(config.topic, p.id, &lo, &hi) == RdKafka::ERR_NO_ERROR && lo > p.next) {
                const std::string what = config.failOnDataLoss ? "Cannot fetch records in " : "Skip missing records in ";
                dataLoss(p.id, executorDataLoss(what + range(p.next, msg.offset()), p.id), kReadingOn, {{p.next, msg.offset()}});
                if (failed())
                    return;
            }
        }
        if (msg.len() > config.maxMessageBytes) {
            ++stats.refused;
            p.next = msg.offset() + 1;
            popMarks(p);
            addFault(SourceFault::Kind::MessageRefused, p.id, msg.offset(), msg.offset() + 1,
                     "partition " + std::to_string(p.id) + ", offset " + std::to_string(msg.offset()) + ": a message of "
                         + std::to_string(msg.len()) + " bytes, over the " + std::to_string(config.maxMessageBytes)
                         + " bytes a Kafka broker accepts by default (message.max.bytes); not read");
            return;
        }
        LiveMessage m;
        m.partition = msg.partition();
        m.offset = msg.offset();
        m.at = stamp();
        if (p.start < 0)
            p.start = msg.offset();
        p.next = msg.offset() + 1;
        // It was visible since the first end offset reported past it.
        for (const auto& mark : p.marks)
            if (mark.end > m.offset) {
                m.at = std::min(m.at, mark.at);
                break;
            }
        popMarks(p);
        const std::string_view value(static_cast<const char*>(msg.payload()), msg.payload() ? msg.len() : 0);
        ParsedValue parsed = parser.parse(value);
        m.row = std::move(parsed.row);
        m.timeStyle = parsed.timeStyle;
        m.malformed = parsed.kind;
        ++stats.received;
        if (parsed.kind != MalformedKind::None) {
            ++stats.malformed;
            MalformedMessage bad;
            bad.partition = m.partition;
            bad.offset = m.offset;
            bad.at = m.at;
            bad.value = std::string(value.substr(0, 200));
            bad.kind = parsed.kind;
            bad.reason = std::move(parsed.reason);
            bad.sparkBehaviour = std::move(parsed.sparkBehaviour);
            malformedList.push_back(bad);
            while (malformedList.size() > config.malformedKept)
                malformedList.pop_front();
            if (newMalformed.size() < config.malformedKept)
                newMalformed.push_back(std::move(bad));
        }
        pending.push_back(std::move(m));
    }

    void markConnected()
    {
        if (stats.state == SourceState::Connected || failed())
            return;
        // Data arriving proves the connection, also for a group member whose assignment
        // outlived the outage (no rebalance, so no callback says so).
        if (stats.state == SourceState::Reconnecting || stats.state == SourceState::Unreachable
            || (stats.state == SourceState::Connecting && everConnected)) {
            everConnected = true;
            lastConnectionError.clear();
            joinWaitSince.reset();
            setStatus(SourceState::Connected, "connected again to " + config.bootstrapServers + "; resumed at " + positions(), "");
            brokerBack();
        }
    }

    /// Closes an open BrokerLost with a BrokerBack fault.
    void brokerBack()
    {
        if (!brokerLost)
            return;
        brokerLost = false;
        addFault(SourceFault::Kind::BrokerBack, -1, -1, -1, "the broker at " + config.bootstrapServers + " answers again; resumed at " + positions());
    }

    /// Reads the end offsets the client last heard from the broker (no request).
    void observeEndOffsets()
    {
        if (!consumer)
            return;
        const Micros at = stamp();
        for (auto& [id, p] : partitions) {
            if (!p.assigned)
                continue;
            std::int64_t lo = -1;
            std::int64_t hi = -1;
            if (consumer->get_watermark_offsets(config.topic, id, &lo, &hi) != RdKafka::ERR_NO_ERROR || hi < 0)
                continue;
            if (p.next >= 0 && hi < p.next && p.end >= 0 && hi < p.end) {
                // The end went backwards (the topic was recreated): Spark's data loss, checked
                // against the broker's current offsets.
                offsetUnavailable(id);
                if (failed())
                    return;
                continue;
            }
            p.end = std::max(p.end, hi);
            if (p.next >= 0 && hi > p.next && (p.marks.empty() || hi > p.marks.back().end))
                p.marks.push_back({hi, at, SteadyClock::now()});
        }
    }

    Delivery deliver()
    {
        Delivery d;
        if (failed()) {
            // The query stopped: no more batches (the horizon stays where it was).
            d.upTo = lastUpTo == std::numeric_limits<Micros>::min() ? clock() : lastUpTo;
            lastUpTo = d.upTo;
            pending.clear();
            return d;
        }
        Micros upTo = clock();
        if (lastUpTo != std::numeric_limits<Micros>::min())
            upTo = std::max(upTo, lastUpTo);
        const auto now = SteadyClock::now();
        for (auto& [id, p] : partitions) {
            popMarks(p);
            if (p.marks.empty())
                continue;
            if (now - p.marks.front().seen > config.visibilityWait) {
                // Known to be in the topic but not received for too long (broker gone): stop
                // holding the horizon; those messages will arrive when they come.
                p.marks.clear();
                continue;
            }
            upTo = std::min(upTo, p.marks.front().at - 1);
        }
        if (lastUpTo != std::numeric_limits<Micros>::min())
            upTo = std::max(upTo, lastUpTo);
        auto split = std::stable_partition(pending.begin(), pending.end(), [&](const LiveMessage& m) { return m.at <= upTo; });
        d.messages.assign(std::make_move_iterator(pending.begin()), std::make_move_iterator(split));
        pending.erase(pending.begin(), split);
        std::stable_sort(d.messages.begin(), d.messages.end(), [](const LiveMessage& a, const LiveMessage& b) { return a.at < b.at; });
        d.upTo = upTo;
        lastUpTo = upTo;
        if (groupMode() && consumer && !d.messages.empty())
            commit(d.messages);
        return d;
    }

    void commit(const std::vector<LiveMessage>& messages)
    {
        for (const auto& m : messages) {
            Partition& p = partitions[m.partition];
            p.delivered = std::max(p.delivered, m.offset + 1);
        }
        std::vector<RdKafka::TopicPartition*> offsets;
        for (const auto& [id, p] : partitions)
            if (p.assigned && p.delivered >= 0)
                offsets.push_back(RdKafka::TopicPartition::create(config.topic, id, p.delivered));
        if (!offsets.empty())
            consumer->commitAsync(offsets);
        RdKafka::TopicPartition::destroy(offsets);
    }

    Delivery poll(std::chrono::milliseconds budget)
    {
        const auto deadline = SteadyClock::now() + budget;
        const auto t0 = SteadyClock::now();
        maintain();
        if (debugLog && SteadyClock::now() - t0 > Ms(50))
            std::fprintf(stderr, "[tidemark] maintain() took %lld ms\n",
                         static_cast<long long>(std::chrono::duration_cast<Ms>(SteadyClock::now() - t0).count()));
        while (!closed && !failed()) {
            const auto left = std::chrono::duration_cast<Ms>(deadline - SteadyClock::now());
            if (left.count() <= 0 && SteadyClock::now() >= deadline)
                break;
            if (!consumer) {
                std::this_thread::sleep_for(std::min<Ms>(left, Ms(50)));
                continue;
            }
            std::unique_ptr<RdKafka::Message> msg(consumer->consume(std::min(toMs(left), 10)));
            if (msg)
                handle(*msg);
        }
        observeEndOffsets();
        refreshStats();
        return deliver();
    }

    void refreshStats()
    {
        stats.partitions.clear();
        for (const auto& [id, p] : partitions)
            if (p.assigned)
                stats.partitions.push_back(PartitionProgress{id, p.start, p.next, p.end});
    }

    void shutdown()
    {
        if (closed)
            return;
        closed = true;
        if (consumer) {
            if (!groupMode())
                consumer->unassign();
            consumer->close();
        }
        topicHandle.reset();
        if (partitionVanished && consumer) {
            // Closed above; destroying it would hang (see partitionVanished). Its threads may
            // still log, through the forwarder, which outlives us and forwards nothing more.
            events->detach();
            (void)events.release();
            (void)consumer.release();
        }
        consumer.reset();
        setStatus(SourceState::Closed, "disconnected", "");
    }
};

KafkaSource::KafkaSource(KafkaSourceConfig config, MessageParser parser, Clock clock)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(parser), std::move(clock)))
{
}

KafkaSource::~KafkaSource() = default;

Delivery KafkaSource::poll(std::chrono::milliseconds budget) { return m_impl->poll(budget); }

std::optional<Micros> KafkaSource::startTime() const { return m_impl->startTime; }

const SourceStats& KafkaSource::stats() const { return m_impl->stats; }

std::vector<MalformedMessage> KafkaSource::takeNewMalformed() { return std::exchange(m_impl->newMalformed, {}); }

const std::deque<MalformedMessage>& KafkaSource::malformed() const { return m_impl->malformedList; }

void KafkaSource::close() { m_impl->shutdown(); }

const KafkaSourceConfig& KafkaSource::config() const { return m_impl->config; }

} // namespace tidemark::kafka
