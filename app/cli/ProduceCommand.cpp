// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"
#include "app/cli/CliSignals.h"

#include "live/ScenarioProducer.h"
#include "engine/scenario/ScenarioFile.h"

#include <ostream>

namespace tidemark::cli {

int produceCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    kafka::ProduceOptions o;
    std::string file;
    bool bootstrapGiven = false;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string* {
            if (i + 1 >= args.size()) {
                err << "tidemark produce: " << a << " needs a value\n";
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "--bootstrap" || a == "--kafka") {
            const auto* v = value();
            if (!v)
                return kUsage;
            o.bootstrapServers = *v;
            bootstrapGiven = true;
        } else if (a == "--topic") {
            const auto* v = value();
            if (!v)
                return kUsage;
            o.topic = *v;
        } else if (a == "--source") {
            const auto* v = value();
            if (!v)
                return kUsage;
            o.source = *v;
        } else if (a == "--speed") {
            const auto* v = value();
            if (!v)
                return kUsage;
            try {
                o.speed = std::stod(*v);
            } catch (const std::exception&) {
                o.speed = -1;
            }
            if (!(o.speed > 0)) {
                err << "tidemark produce: --speed must be a positive number (2 = twice as fast)\n";
                return kUsage;
            }
        } else if (a == "-X") { // a librdkafka producer property, as kcat takes them
            const auto* v = value();
            if (!v)
                return kUsage;
            const auto eq = v->find('=');
            if (eq == std::string::npos) {
                err << "tidemark produce: -X needs key=value\n";
                return kUsage;
            }
            o.properties[v->substr(0, eq)] = v->substr(eq + 1);
        } else if (a == "--quiet") {
            o.quiet = true;
        } else if (!a.empty() && a[0] == '-') {
            err << "tidemark produce: unknown option " << a << "\n";
            return kUsage;
        } else if (file.empty()) {
            file = a;
        } else {
            err << "tidemark produce: only one scenario file\n";
            return kUsage;
        }
    }
    if (file.empty()) {
        err << "tidemark produce: which scenario file?\n" << usage();
        return kUsage;
    }
    auto scenario = loadScenarioFile(file);
    if (!scenario.ok()) {
        err << file << ": " << scenario.error().describe() << '\n';
        return kFileError;
    }
    // Defaults from the file's kafka block, when it has one.
    for (const auto& s : scenario->sources)
        if (s.kafka && (o.source.empty() || s.name == o.source)) {
            if (o.topic.empty())
                o.topic = s.kafka->topic;
            if (!bootstrapGiven)
                o.bootstrapServers = s.kafka->bootstrapServers;
            break;
        }
    if (o.topic.empty()) {
        err << "tidemark produce: which topic? (--topic T)\n";
        return kUsage;
    }
    StopOnSignal stop;
    const int rc = kafka::produceScenario(*scenario, o, out, err, &StopOnSignal::flag());
    if (rc == 2)
        return kFileError;
    return rc == 0 ? kOk : kKafkaError;
}

} // namespace tidemark::cli
