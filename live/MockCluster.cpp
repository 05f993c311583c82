// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/MockCluster.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <algorithm>

namespace tidemark::kafka {

namespace {

void quietLog(const rd_kafka_t*, int, const char*, const char*) {} // the owner handle warns that it has no bootstrap.servers

/// "127.0.0.1:PORT,..." -> the port of the first address.
std::uint16_t firstPort(const std::string& addresses)
{
    const std::string first = addresses.substr(0, addresses.find(','));
    const auto colon = first.rfind(':');
    return colon == std::string::npos ? 0 : static_cast<std::uint16_t>(std::stoi(first.substr(colon + 1)));
}

} // namespace

MockCluster::MockCluster(int brokers, std::uint16_t bootstrapPort)
    : m_brokers(brokers)
{
    char err[512] = {0};
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_conf_set_log_cb(conf, quietLog);
    m_owner = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!m_owner) {
        rd_kafka_conf_destroy(conf);
        m_error = err;
        return;
    }
    if (!startCluster(&m_error))
        return;
    m_forwarder.start(bootstrapPort, "127.0.0.1", firstPort(brokerAddresses()), &m_error);
}

MockCluster::~MockCluster()
{
    m_forwarder.stop();
    if (m_cluster)
        rd_kafka_mock_cluster_destroy(m_cluster);
    if (m_owner)
        rd_kafka_destroy(m_owner);
}

bool MockCluster::startCluster(std::string* error)
{
    m_cluster = rd_kafka_mock_cluster_new(m_owner, m_brokers);
    if (!m_cluster) {
        *error = "rd_kafka_mock_cluster_new failed";
        return false;
    }
    return true;
}

std::string MockCluster::bootstrap() const { return m_forwarder.port() ? "127.0.0.1:" + std::to_string(m_forwarder.port()) : brokerAddresses(); }

std::string MockCluster::brokerAddresses() const { return m_cluster ? rd_kafka_mock_cluster_bootstraps(m_cluster) : std::string(); }

bool MockCluster::createTopic(const std::string& topic, int partitions, std::string* error)
{
    if (!m_cluster) {
        if (error)
            *error = m_error;
        return false;
    }
    const rd_kafka_resp_err_t e = rd_kafka_mock_topic_create(m_cluster, topic.c_str(), partitions, 1);
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (error)
            *error = rd_kafka_err2str(e);
        return false;
    }
    m_topics.emplace_back(topic, partitions);
    return true;
}

void MockCluster::setTopicMissing(const std::string& topic, bool missing)
{
    if (!m_cluster)
        return;
    rd_kafka_mock_topic_set_error(m_cluster, topic.c_str(), missing ? RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART : RD_KAFKA_RESP_ERR_NO_ERROR);
    std::erase(m_missingTopics, topic);
    if (missing)
        m_missingTopics.push_back(topic);
}

void MockCluster::setBrokerDown(std::int32_t brokerId)
{
    if (m_cluster)
        rd_kafka_mock_broker_set_down(m_cluster, brokerId);
}

void MockCluster::setBrokerUp(std::int32_t brokerId)
{
    if (m_cluster)
        rd_kafka_mock_broker_set_up(m_cluster, brokerId);
}

namespace {
// Kafka protocol ApiKeys the group coordinator serves.
constexpr std::int16_t kCoordinatorApis[] = {10 /* FindCoordinator */, 11 /* JoinGroup */, 12 /* Heartbeat */, 14 /* SyncGroup */};
} // namespace

void MockCluster::setGroupCoordinatorAway(bool away)
{
    if (!m_cluster)
        return;
    for (const std::int16_t api : kCoordinatorApis) {
        rd_kafka_mock_clear_request_errors(m_cluster, api);
        if (away) {
            // The mock pops one error per request; far more than a client sends while it waits.
            const std::vector<rd_kafka_resp_err_t> errors(100000, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE);
            rd_kafka_mock_push_request_errors_array(m_cluster, api, errors.size(), errors.data());
        }
    }
}

bool MockCluster::replaceWithEmpty(const std::string& topic, int partitions, std::string* error)
{
    for (auto& [name, count] : m_topics)
        if (name == topic)
            count = partitions;
    return replaceWithEmpty(error);
}

bool MockCluster::replaceWithEmpty(std::string* error)
{
    std::string e;
    if (!m_owner) {
        if (error)
            *error = m_error;
        return false;
    }
    if (m_cluster)
        rd_kafka_mock_cluster_destroy(m_cluster); // closes every client connection
    m_cluster = nullptr;
    if (!startCluster(&e)) {
        if (error)
            *error = e;
        return false;
    }
    const auto topics = std::exchange(m_topics, {});
    for (const auto& [topic, partitions] : topics)
        if (!createTopic(topic, partitions, error))
            return false;
    for (const auto& topic : m_missingTopics)
        rd_kafka_mock_topic_set_error(m_cluster, topic.c_str(), RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
    m_forwarder.retarget(firstPort(brokerAddresses()));
    return true;
}

} // namespace tidemark::kafka
