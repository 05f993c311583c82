// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: a live run (KafkaSource + Simulation in live mode) driven step by step with
// bounded waits, replay of a recording, message producers (kcat, librdkafka) and processes.

#include "live/KafkaSource.h"
#include "live/LiveScenario.h"
#include "live/LiveSession.h"
#include "engine/exec/Simulation.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/sink/JsonlFormat.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QProcess>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace tidemark::kafka::test {

/// A loopback port nothing listens on (bound, read, closed).
inline int unusedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

using namespace std::chrono_literals;

/// The classroom schema and query (notebook 5, 1.2.4), with a trigger given by the test.
inline std::string classroomScenario(const std::string& trigger = R"({"processingTime": "200 milliseconds"})",
                                     const std::string& kafkaBlock = "")
{
    return R"({
  "tidemark": 1,
  "sparkVersion": "3.2",
  "timeZone": "Asia/Seoul",
  "sources": {
    "events": {
      "format": "kafka",)"
           + (kafkaBlock.empty() ? std::string() : "\n      \"kafka\": " + kafkaBlock + ",") + R"(
      "schema": {"emp_id": "int", "emp_name": "string", "timestamp": "timestamp", "time": "string"},
      "events": []
    }
  },
  "query": {
    "source": "events",
    "selectExpr": ["emp_id", "timestamp"],
    "withWatermark": {"column": "timestamp", "delay": "25 minutes"},
    "groupBy": ["emp_id", {"window": {"column": "timestamp", "duration": "25 minutes"}}],
    "agg": [{"fn": "count"}],
    "outputMode": "update",
    "trigger": )"
           + trigger + R"(
  }
})";
}

/// Settings tests give every source: quick reconnects, short timeouts.
inline KafkaSourceConfig testConfig(const std::string& bootstrap, const std::string& topic, const std::string& starting = "earliest")
{
    KafkaSourceConfig c;
    c.bootstrapServers = bootstrap;
    c.topic = topic;
    c.startingOffsets = starting;
    c.metadataTimeout = 1000ms;
    c.retryInterval = 300ms;
    c.properties["reconnect.backoff.max.ms"] = "300";
    return c;
}

/// KafkaSource feeding a LiveSession, as the CLI and the GUI do.
class LiveRun {
public:
    /// False (with `error`) if the scenario does not load or the source never starts.
    bool start(const std::string& scenarioText, KafkaSourceConfig config, Clock clock = realClock())
    {
        auto loaded = loadScenarioText(scenarioText);
        if (!loaded.ok()) {
            error = loaded.error().describe();
            return false;
        }
        auto idx = liveSourceIndex(*loaded);
        if (!idx.ok()) {
            error = idx.error().describe();
            return false;
        }
        const SourceSpec& spec = loaded->sources[*idx];
        KafkaSettings settings;
        settings.bootstrapServers = config.bootstrapServers;
        settings.topic = config.topic;
        settings.startingOffsets = config.startingOffsets;
        settings.groupId = config.groupId;
        settings.failOnDataLoss = config.failOnDataLoss;
        if (spec.kafka)
            settings.maxOffsetsPerTrigger = spec.kafka->maxOffsetsPerTrigger;
        source = std::make_unique<KafkaSource>(config, MessageParser(spec.schema, loaded->zone, MessageParser::eventTimeColumnOf(*loaded, spec)),
                                               clock);
        std::vector<Delivery> early;
        const auto deadline = std::chrono::steady_clock::now() + 15s;
        while (!source->startTime() && std::chrono::steady_clock::now() < deadline)
            early.push_back(source->poll(20ms));
        if (!source->startTime()) {
            error = "the source did not start: " + source->stats().status;
            return false;
        }
        SimulationOptions o;
        o.recordFates = false;
        o.recordStateChanges = false;
        auto started = LiveSession::start(std::move(loaded.value()), *idx, settings, *source->startTime(), std::nullopt, o);
        if (!started.ok()) {
            error = started.error().describe();
            return false;
        }
        session = std::move(started.value());
        for (const auto& d : early)
            feed(d);
        return true;
    }

    void feed(const Delivery& d)
    {
        for (auto& b : session->feed(d)) {
            lines.push_back(batchJsonLine(b, session->plan(), session->scenario()));
            batches.push_back(std::move(b));
        }
    }

    void step(std::chrono::milliseconds budget = 10ms) { feed(source->poll(budget)); }

    /// Steps until `done` holds or `timeout` passes; returns whether it held.
    bool runUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!done()) {
            if (std::chrono::steady_clock::now() >= deadline)
                return false;
            step();
        }
        return true;
    }

    void runFor(std::chrono::milliseconds d)
    {
        const auto until = std::chrono::steady_clock::now() + d;
        while (std::chrono::steady_clock::now() < until)
            step();
    }

    const Scenario& scenario() const { return session->scenario(); }
    const std::vector<SourceEvent>& events() const { return scenario().sources[session->source()].events; }
    const SourceStats& stats() const { return source->stats(); }
    std::string recording() const { return session->recording(); }

    std::unique_ptr<KafkaSource> source;
    std::unique_ptr<LiveSession> session;
    std::vector<BatchRecord> batches;
    std::vector<std::string> lines;
    std::string error;
};

/// The batches (as JSON lines) a recording replays to, without live mode, as `tidemark run` does.
inline std::vector<std::string> replay(const std::string& recording, std::string* error = nullptr)
{
    std::vector<std::string> out;
    auto sc = loadScenarioText(recording);
    if (!sc.ok()) {
        if (error)
            *error = sc.error().describe();
        return out;
    }
    auto plan = analyze(*sc);
    if (!plan.ok()) {
        if (error)
            *error = plan.error().describe();
        return out;
    }
    SimulationOptions o;
    o.recordFates = false;
    o.recordStateChanges = false;
    Simulation sim(*sc, *plan, o);
    while (auto b = sim.next())
        out.push_back(batchJsonLine(*b, *plan, *sc));
    return out;
}

/// Runs a program to its end with input on stdin; false if it fails or takes longer than `timeout`.
inline bool runProgram(const QString& program, const QStringList& args, const QByteArray& input, QString* output = nullptr,
                       int timeoutMs = 20000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return false;
    p.write(input);
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(timeoutMs);
    if (!finished) {
        p.kill();
        p.waitForFinished(2000);
    }
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

/// Produces lines with the real kcat client (one message per line) to a topic, or one partition.
inline bool kcatProduce(const std::string& bootstrap, const std::string& topic, const std::vector<std::string>& lines, int partition = -1,
                        QString* output = nullptr)
{
    QByteArray input;
    for (const auto& l : lines)
        input += QByteArray::fromStdString(l) + '\n';
    QStringList args = {"-P", "-b", QString::fromStdString(bootstrap), "-t", QString::fromStdString(topic), "-X", "message.timeout.ms=10000"};
    if (partition >= 0)
        args << "-p" << QString::number(partition);
    return runProgram(QStringLiteral(TIDEMARK_KCAT), args, input, output);
}

inline std::string jsonEvent(int empId, long long epochSeconds)
{
    return "{\"emp_id\":" + std::to_string(empId) + ",\"emp_name\":\"OO\",\"timestamp\":" + std::to_string(epochSeconds) + "}";
}

} // namespace tidemark::kafka::test
