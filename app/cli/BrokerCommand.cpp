// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"
#include "app/cli/CliSignals.h"

#include "live/BrokerConsole.h"
#include "live/LiveScenario.h"
#include "live/MockCluster.h"

#include <chrono>
#include <optional>
#include <ostream>
#include <thread>

namespace tidemark::cli {

namespace {

std::optional<long> parseNumber(const std::string& s, long min, long max)
{
    try {
        size_t used = 0;
        const long v = std::stol(s, &used);
        if (used == s.size() && v >= min && v <= max)
            return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

} // namespace

int brokerCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> topics;
    long partitions = 1;
    long brokers = 1;
    std::optional<long> port;
    std::optional<long> duration;
    std::string bootstrapFile;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (i + 1 >= args.size() && (a == "--topic" || a == "--partitions" || a == "--brokers" || a == "--port" || a == "--bootstrap-file" || a == "--duration")) {
            err << "tidemark broker: " << a << " needs a value\n";
            return kUsage;
        }
        std::optional<long> n;
        if (a == "--topic") {
            topics.push_back(args[++i]);
        } else if (a == "--partitions") {
            if (!(n = parseNumber(args[++i], 1, 1000))) {
                err << "tidemark broker: --partitions must be between 1 and 1000\n";
                return kUsage;
            }
            partitions = *n;
        } else if (a == "--brokers") {
            if (!(n = parseNumber(args[++i], 1, 9))) {
                err << "tidemark broker: --brokers must be between 1 and 9\n";
                return kUsage;
            }
            brokers = *n;
        } else if (a == "--port") {
            if (!(n = parseNumber(args[++i], 1, 65535))) {
                err << "tidemark broker: --port must be a TCP port\n";
                return kUsage;
            }
            port = n;
        } else if (a == "--duration") {
            if (!(n = parseNumber(args[++i], 1, 86400 * 7))) {
                err << "tidemark broker: --duration must be a number of seconds\n";
                return kUsage;
            }
            duration = n;
        } else if (a == "--bootstrap-file") {
            bootstrapFile = args[++i];
        } else {
            err << "tidemark broker: unknown option " << a << "\n";
            return kUsage;
        }
    }
    if (topics.empty())
        topics.push_back("events");

    kafka::MockCluster cluster(static_cast<int>(brokers), static_cast<std::uint16_t>(port.value_or(0)));
    if (!cluster.ok()) {
        err << "tidemark broker: cannot start librdkafka's mock cluster: " << cluster.error();
        if (port)
            err << " (is a Kafka broker already running there? `docker compose ps`)";
        err << '\n';
        return kKafkaError;
    }
    for (const auto& t : topics) {
        std::string e;
        if (!cluster.createTopic(t, static_cast<int>(partitions), &e)) {
            err << "tidemark broker: cannot create topic " << t << ": " << e << '\n';
            return kKafkaError;
        }
    }
    const std::string bootstrap = cluster.bootstrap();
    out << "BOOTSTRAP=" << bootstrap << '\n';
    out << "Tidemark test broker: librdkafka's mock cluster, " << brokers << (brokers == 1 ? " broker" : " brokers") << " on 127.0.0.1; "
        << bootstrap << " forwards to " << cluster.brokerAddresses() << ", the address the broker advertises\n";
    for (const auto& t : topics)
        out << "topic '" << t << "', " << partitions << (partitions == 1 ? " partition" : " partitions") << '\n';
    const std::string& t0 = topics.front();
    out << "try:\n"
        << "  kcat -L -b " << bootstrap << "\n"
        << "  echo '{\"emp_id\":1,\"emp_name\":\"OO\",\"timestamp\":1625238000}' | kcat -P -b " << bootstrap << " -t " << t0 << "\n"
        << "  tidemark produce scenarios/kafka-stream-with-watermark.json --bootstrap " << bootstrap << " --topic " << t0 << "\n"
        << "  tidemark run scenarios/kafka-stream-with-watermark.json --kafka " << bootstrap << " --topic " << t0 << "\n"
        << "Type a command and Enter to stage a fault: down, up, down N, up N (broker N), fresh (an empty broker:\n"
        << "every offset read so far vanishes). Each is answered with the same line.\n"
        << "This is a test double, not Kafka: data lives in this process's memory, offsets cannot be looked up by timestamp,\n"
        << "and consumer-group joins take about 3 s. Ctrl-C stops it.\n"
        << std::flush;
    if (!bootstrapFile.empty()) {
        if (auto st = kafka::writeFileAtomically(bootstrapFile, bootstrap + "\n"); !st.ok()) {
            err << "tidemark broker: " << st.error().describe() << '\n';
            return kFileError;
        }
    }
    StopOnSignal stop;
    kafka::BrokerConsole console(cluster, out);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(duration.value_or(0));
    while (!stop.stopped() && (!duration || std::chrono::steady_clock::now() < until))
        console.serve(std::chrono::milliseconds(100));
    return kOk;
}

} // namespace tidemark::cli
