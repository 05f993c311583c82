// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/TcpForwarder.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace tidemark::kafka {

/// librdkafka's built-in mock cluster (rdkafka_mock.h, shipped in Debian's librdkafka-dev):
/// Kafka brokers inside this process, listening on 127.0.0.1 at ephemeral ports. Real clients
/// (kcat, librdkafka, Tidemark) produce and consume through it over TCP.
///
/// Clients bootstrap through a small TCP forwarder (bootstrap()) that stays when the cluster is
/// replaced by an empty one (replaceWithEmpty()); the brokers' metadata then sends them to the
/// brokers' own addresses, and after a replacement to the new ones (a Kafka client follows a
/// broker whose address changed, as in a container that restarts).
///
/// It is a test double, not Kafka: no offset lookup by timestamp (offsetsForTimes returns -1),
/// consumer-group joins wait about 3 s (and rejoins session.timeout.ms - 1000), data lives in
/// memory only, each partition keeps only its newest 5 MiB, and the API is marked experimental.
/// Good for classes without Docker and for tests; use a real broker for anything else.
class MockCluster {
public:
    /// `bootstrapPort` 0: any free port for the bootstrap forwarder.
    explicit MockCluster(int brokers = 1, std::uint16_t bootstrapPort = 0);
    ~MockCluster();
    MockCluster(const MockCluster&) = delete;
    MockCluster& operator=(const MockCluster&) = delete;

    bool ok() const { return m_cluster != nullptr && m_error.empty(); }
    const std::string& error() const { return m_error; }
    /// "127.0.0.1:PORT": what clients pass as bootstrap.servers. It stays valid across
    /// replaceWithEmpty().
    std::string bootstrap() const;
    /// "127.0.0.1:PORT[,...]": the brokers' own addresses, as their metadata advertises them.
    std::string brokerAddresses() const;
    int brokers() const { return m_brokers; }

    /// Creates a topic (and again after replaceWithEmpty()); false (with `error`) if it could not.
    bool createTopic(const std::string& topic, int partitions, std::string* error = nullptr);
    /// Makes metadata requests for `topic` answer "unknown topic" (as a real broker does for a
    /// topic that does not exist; the mock itself auto-creates any topic asked for), or not.
    void setTopicMissing(const std::string& topic, bool missing);
    /// Disconnects a broker (-1: all) and refuses new connections; its data stays.
    void setBrokerDown(std::int32_t brokerId = -1);
    /// Accepts connections again.
    void setBrokerUp(std::int32_t brokerId = -1);
    /// Makes every consumer-group coordinator request (FindCoordinator, JoinGroup, SyncGroup,
    /// Heartbeat) fail with COORDINATOR_NOT_AVAILABLE while `away`, as a broker whose group
    /// coordinator is still loading: members keep no assignment and cannot join. Fetching and
    /// producing are not affected.
    void setGroupCoordinatorAway(bool away);
    /// Replaces the whole cluster by a new, empty one with the same brokers and topics: every
    /// partition's log starts again at offset 0, so the offsets clients had read vanish and end
    /// offsets go backwards (a broker restarted without its data, a topic deleted and
    /// recreated). The mock cannot truncate a log or delete a topic, hence a new cluster; the
    /// brokers get new ports, clients find them through bootstrap(). Committed group offsets
    /// go too. False (with `error`) if the new cluster could not be made.
    bool replaceWithEmpty(std::string* error = nullptr);
    /// As replaceWithEmpty(), with `topic` made again with `partitions` partitions: fewer than
    /// before, and the partitions past them are gone (a topic deleted and recreated smaller,
    /// the closest the mock comes to deleting a partition).
    bool replaceWithEmpty(const std::string& topic, int partitions, std::string* error = nullptr);

private:
    bool startCluster(std::string* error);

    int m_brokers = 1;
    rd_kafka_s* m_owner = nullptr;
    rd_kafka_mock_cluster_s* m_cluster = nullptr;
    TcpForwarder m_forwarder;
    std::vector<std::pair<std::string, int>> m_topics;
    std::vector<std::string> m_missingTopics;
    std::string m_error;
};

} // namespace tidemark::kafka
