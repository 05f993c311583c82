// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/MockCluster.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

namespace tidemark::kafka {

namespace {

void quietLog(const rd_kafka_t*, int, const char*, const char*) {} // the owner handle warns that it has no bootstrap.servers

} // namespace

MockCluster::MockCluster(int brokers)
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
    m_cluster = rd_kafka_mock_cluster_new(m_owner, brokers);
    if (!m_cluster)
        m_error = "rd_kafka_mock_cluster_new failed";
}

MockCluster::~MockCluster()
{
    if (m_cluster)
        rd_kafka_mock_cluster_destroy(m_cluster);
    if (m_owner)
        rd_kafka_destroy(m_owner);
}

std::string MockCluster::bootstrap() const { return m_cluster ? rd_kafka_mock_cluster_bootstraps(m_cluster) : std::string(); }

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
    return true;
}

void MockCluster::setTopicMissing(const std::string& topic, bool missing)
{
    if (m_cluster)
        rd_kafka_mock_topic_set_error(m_cluster, topic.c_str(), missing ? RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART : RD_KAFKA_RESP_ERR_NO_ERROR);
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

} // namespace tidemark::kafka
