// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace tidemark::kafka {

/// librdkafka's built-in mock cluster (rdkafka_mock.h, shipped in Debian's librdkafka-dev):
/// Kafka brokers inside this process, listening on 127.0.0.1 at ephemeral ports. Real clients
/// (kcat, librdkafka, Tidemark) produce and consume through it over TCP.
///
/// It is a test double, not Kafka: no offset lookup by timestamp (offsetsForTimes returns -1),
/// consumer-group joins wait about 3 s (and rejoins session.timeout.ms - 1000), data lives in
/// memory only, and the API is marked experimental. Good for classes without Docker and for
/// tests; use a real broker for anything else.
class MockCluster {
public:
    explicit MockCluster(int brokers = 1);
    ~MockCluster();
    MockCluster(const MockCluster&) = delete;
    MockCluster& operator=(const MockCluster&) = delete;

    bool ok() const { return m_cluster != nullptr; }
    const std::string& error() const { return m_error; }
    /// "127.0.0.1:PORT[,...]": what clients pass as bootstrap.servers.
    std::string bootstrap() const;

    /// Creates a topic; false (with `error`) if it could not.
    bool createTopic(const std::string& topic, int partitions, std::string* error = nullptr);
    /// Makes metadata requests for `topic` answer "unknown topic" (as a real broker does for a
    /// topic that does not exist; the mock itself auto-creates any topic asked for), or not.
    void setTopicMissing(const std::string& topic, bool missing);
    /// Disconnects a broker (-1: all) and refuses new connections; its data stays.
    void setBrokerDown(std::int32_t brokerId = -1);
    /// Accepts connections again.
    void setBrokerUp(std::int32_t brokerId = -1);

private:
    rd_kafka_s* m_owner = nullptr;
    rd_kafka_mock_cluster_s* m_cluster = nullptr;
    std::string m_error;
};

} // namespace tidemark::kafka
