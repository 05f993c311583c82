// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/ScenarioProducer.h"

#include "live/ConnectionHint.h"
#include "live/LiveScenario.h"
#include "engine/time/TimeFormat.h"

#include <librdkafka/rdkafkacpp.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <numeric>
#include <ostream>
#include <thread>

namespace tidemark::kafka {

namespace {

/// Counts acknowledgements and keeps the first failure.
class DeliveryCounter : public RdKafka::DeliveryReportCb {
public:
    void dr_cb(RdKafka::Message& message) override
    {
        if (message.err() == RdKafka::ERR_NO_ERROR) {
            ++acked;
        } else {
            ++failed;
            if (firstError.empty())
                firstError = message.errstr();
        }
    }
    int acked = 0;
    int failed = 0;
    std::string firstError;
};

/// Keeps the transport error that names the address, for the hint.
class ErrorListener : public RdKafka::EventCb {
public:
    void event_cb(RdKafka::Event& event) override
    {
        if (event.type() == RdKafka::Event::EVENT_ERROR && lastError.empty())
            lastError = event.str();
    }
    std::string lastError;
};

} // namespace

std::string rowToJsonValue(const Row& row, const Schema& schema, TimeStyle timeStyle, const TimeZone& zone)
{
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < schema.size() && i < row.size(); ++i) {
        const Value& v = row[i];
        auto& cell = j[schema[i].name];
        if (v.isNull()) {
            cell = nullptr;
            continue;
        }
        switch (schema[i].type.id) {
        case TypeId::String: cell = v.asString(); break;
        case TypeId::Int:
        case TypeId::Long: cell = v.asInt(); break;
        case TypeId::Double: cell = v.toDouble(); break;
        case TypeId::Boolean: cell = v.asBool(); break;
        case TypeId::Timestamp:
            if (timeStyle == TimeStyle::EpochSeconds && v.asInt() % kMicrosPerSecond == 0)
                cell = v.asInt() / kMicrosPerSecond;
            else
                cell = formatTimestamp(v.asInt(), zone);
            break;
        default: cell = nullptr;
        }
    }
    return j.dump();
}

int produceScenario(const Scenario& scenario, const ProduceOptions& o, std::ostream& out, std::ostream& err, const std::atomic<bool>* stop)
{
    auto index = liveSourceIndex(scenario, o.source);
    if (!index.ok()) {
        err << "tidemark produce: " << index.error().describe() << '\n';
        return 2;
    }
    const SourceSpec& src = scenario.sources[*index];
    DeliveryCounter counter;
    ErrorListener errors;
    std::string e;
    std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
    std::map<std::string, std::string> settings = {
        {"bootstrap.servers", o.bootstrapServers},
        {"message.timeout.ms", std::to_string(o.timeoutMs)},
        {"linger.ms", "0"}, // send each message when its time comes
        {"client.id", "tidemark-produce"},
        {"log_level", "3"},
    };
    for (const auto& [k, v] : o.properties)
        settings[k] = v;
    for (const auto& [k, v] : settings)
        if (conf->set(k, v, e) != RdKafka::Conf::CONF_OK) {
            err << "tidemark produce: " << k << ": " << e << '\n';
            return 1;
        }
    conf->set("dr_cb", static_cast<RdKafka::DeliveryReportCb*>(&counter), e);
    conf->set("event_cb", static_cast<RdKafka::EventCb*>(&errors), e);
    std::unique_ptr<RdKafka::Producer> producer(RdKafka::Producer::create(conf.get(), e));
    if (!producer) {
        err << "tidemark produce: cannot create a producer: " << e << '\n';
        return 4;
    }

    std::vector<std::size_t> order(src.events.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return src.events[a].at < src.events[b].at; });
    const double speed = o.speed > 0 ? o.speed : 1.0;
    const auto start = std::chrono::steady_clock::now();
    int sent = 0;
    for (const std::size_t i : order) {
        if (stop && *stop)
            break;
        const SourceEvent& ev = src.events[i];
        const Micros offset = ev.at - src.events[order.front()].at;
        const auto due = start + std::chrono::microseconds(static_cast<std::int64_t>(static_cast<double>(offset) / speed));
        while (std::chrono::steady_clock::now() < due && !(stop && *stop)) {
            producer->poll(0);
            std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(due - std::chrono::steady_clock::now(), std::chrono::milliseconds(20)));
        }
        const std::string value = rowToJsonValue(ev.row, src.schema, ev.rowTimeStyle, scenario.zone);
        const std::int32_t partition = ev.partition >= 0 ? ev.partition : RdKafka::Topic::PARTITION_UA;
        for (;;) {
            const RdKafka::ErrorCode rc = producer->produce(o.topic, partition, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>(value.data()),
                                                            value.size(), nullptr, 0, 0, nullptr);
            if (rc == RdKafka::ERR__QUEUE_FULL) {
                producer->poll(50);
                continue;
            }
            if (rc != RdKafka::ERR_NO_ERROR) {
                err << "tidemark produce: " << RdKafka::err2str(rc) << '\n';
                return 4;
            }
            break;
        }
        ++sent;
        if (!o.quiet)
            out << "Sending " << value << '\n' << std::flush;
        producer->poll(0);
    }
    // Wait for the acknowledgements, never longer than a message may wait anyway.
    producer->flush(o.timeoutMs + 1000);
    producer->poll(0);
    if (counter.failed > 0 || counter.acked < sent) {
        const int lost = sent - counter.acked;
        const std::string why = !errors.lastError.empty() ? errors.lastError : counter.firstError;
        err << "tidemark produce: " << lost << " of " << sent << " messages were not acknowledged by " << o.bootstrapServers
            << (why.empty() ? "" : " (" + why + ")") << ".\nhint: " << connectionHint(o.bootstrapServers, why) << '\n';
        return 4;
    }
    err << "sent " << sent << " messages to topic '" << o.topic << "' at " << o.bootstrapServers << '\n';
    return 0;
}

} // namespace tidemark::kafka
