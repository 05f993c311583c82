// SPDX-License-Identifier: GPL-3.0-or-later
// `tidemark run FILE --kafka BOOTSTRAP ...`: the notebook's awaitTermination(60) experience.
#include "app/cli/Cli.h"
#include "app/cli/RunOptions.h"
#include "app/cli/CliSignals.h"

#include "live/KafkaSource.h"
#include "live/LiveScenario.h"
#include "live/LiveSession.h"
#include "engine/exec/Simulation.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/sink/ConsoleFormat.h"
#include "engine/sink/JsonlFormat.h"

#include <chrono>
#include <optional>
#include <ostream>

namespace tidemark::cli {

namespace {

struct LiveOptions {
    std::string file;
    std::string bootstrap;
    std::string topic;
    std::optional<std::string> startingOffsets;
    std::optional<std::string> groupId;
    std::optional<std::int64_t> maxOffsetsPerTrigger;
    std::string source;
    std::optional<double> durationSeconds;
    std::optional<std::int64_t> maxBatches;
    std::string record;
    RunOptions run;
};

std::optional<LiveOptions> parseLiveOptions(const std::vector<std::string>& args, std::ostream& err)
{
    LiveOptions o;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                err << "tidemark run: " << a << " needs a value\n";
                return std::nullopt;
            }
            return args[++i];
        };
        auto number = [&](double min) -> std::optional<double> {
            auto v = value();
            if (!v)
                return std::nullopt;
            try {
                size_t used = 0;
                const double d = std::stod(*v, &used);
                if (used == v->size() && d >= min)
                    return d;
            } catch (const std::exception&) {
            }
            err << "tidemark run: " << a << " needs a number of at least " << min << "\n";
            return std::nullopt;
        };
        if (a == "--kafka") {
            auto v = value();
            if (!v)
                return std::nullopt;
            o.bootstrap = *v;
        } else if (a == "--topic") {
            auto v = value();
            if (!v)
                return std::nullopt;
            o.topic = *v;
        } else if (a == "--starting-offsets") {
            auto v = value();
            if (!v)
                return std::nullopt;
            if (*v != "earliest" && *v != "latest") {
                err << "tidemark run: --starting-offsets must be earliest or latest\n";
                return std::nullopt;
            }
            o.startingOffsets = *v;
        } else if (a == "--group-id") {
            auto v = value();
            if (!v)
                return std::nullopt;
            o.groupId = *v;
        } else if (a == "--source") {
            auto v = value();
            if (!v)
                return std::nullopt;
            o.source = *v;
        } else if (a == "--max-offsets-per-trigger") {
            auto v = number(1);
            if (!v)
                return std::nullopt;
            o.maxOffsetsPerTrigger = static_cast<std::int64_t>(*v);
        } else if (a == "--duration") {
            auto v = number(0);
            if (!v)
                return std::nullopt;
            o.durationSeconds = *v;
        } else if (a == "--max-batches") {
            auto v = number(1);
            if (!v)
                return std::nullopt;
            o.maxBatches = static_cast<std::int64_t>(*v);
        } else if (a == "--record") {
            auto v = value();
            if (!v)
                return std::nullopt;
            o.record = *v;
        } else {
            switch (parseRunOption(args, i, o.run, /*allowAllModes=*/false, err)) {
            case OptionResult::Taken: break;
            case OptionResult::Error: return std::nullopt;
            case OptionResult::NotMine:
                err << "tidemark run: unknown option " << a << "\n";
                return std::nullopt;
            }
        }
    }
    if (!checkRunOptions(o.run, err))
        return std::nullopt;
    if (o.durationSeconds && o.maxBatches) {
        err << "tidemark run: give --duration or --max-batches, not both\n";
        return std::nullopt;
    }
    return o;
}

/// Prints the source's status and new malformed messages on `err` when they change.
class StatusReporter {
public:
    explicit StatusReporter(std::ostream& err) : m_err(err) {}
    void report(kafka::KafkaSource& source)
    {
        const auto& s = source.stats();
        if (s.status != m_lastStatus) {
            m_lastStatus = s.status;
            m_err << "[kafka] " << s.status << '\n';
            if (!s.hint.empty() && s.hint != m_lastHint)
                m_err << "[kafka] hint: " << s.hint << '\n';
            m_lastHint = s.hint;
        }
        for (const auto& bad : source.takeNewMalformed())
            m_err << "[kafka] malformed message (partition " << bad.partition << ", offset " << bad.offset << "): " << bad.reason
                  << ". Spark: " << bad.sparkBehaviour << '\n';
        m_err.flush();
    }

private:
    std::ostream& m_err;
    std::string m_lastStatus;
    std::string m_lastHint;
};

} // namespace

int runLiveScenario(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    using SteadyClock = std::chrono::steady_clock;
    auto o = parseLiveOptions(args, err);
    if (!o)
        return kUsage;
    auto loaded = loadScenarioFile(o->run.file);
    if (!loaded.ok()) {
        err << o->run.file << ": " << loaded.error().describe() << '\n';
        return kFileError;
    }
    Scenario scenario = std::move(loaded.value());
    auto index = kafka::liveSourceIndex(scenario, o->source);
    if (!index.ok()) {
        err << o->run.file << ": " << index.error().describe() << '\n';
        return kFileError;
    }
    const std::size_t s = *index;
    // Settings: the file's kafka block, overridden by the command line.
    KafkaSettings settings = scenario.sources[s].kafka.value_or(KafkaSettings{});
    settings.bootstrapServers = o->bootstrap;
    if (!o->topic.empty())
        settings.topic = o->topic;
    if (o->startingOffsets)
        settings.startingOffsets = *o->startingOffsets;
    if (o->groupId)
        settings.groupId = *o->groupId;
    if (o->maxOffsetsPerTrigger)
        settings.maxOffsetsPerTrigger = o->maxOffsetsPerTrigger;
    if (settings.topic.empty()) {
        err << "tidemark run: which topic? (--topic T)\n";
        return kUsage;
    }
    const std::optional<OutputMode> mode = o->run.mode.empty() ? std::nullopt : std::optional<OutputMode>(parseOutputMode(o->run.mode));
    // Reject a query Spark would reject before connecting to anything.
    if (auto check = analyze(scenario, mode); !check.ok()) {
        err << o->run.file << ": " << check.error().describe() << '\n';
        return check.error().kind == ErrorKind::File ? kFileError : kQueryError;
    }

    StopOnSignal stop;
    const auto began = SteadyClock::now();
    auto expired = [&] {
        return stop.stopped()
               || (o->durationSeconds && SteadyClock::now() - began >= std::chrono::duration<double>(*o->durationSeconds));
    };
    const SourceSpec& spec = scenario.sources[s];
    kafka::MessageParser parser(spec.schema, scenario.zone, kafka::MessageParser::eventTimeColumnOf(scenario, spec));
    kafka::Clock clock = kafka::realClock();
    kafka::KafkaSource source(kafka::KafkaSourceConfig::fromSettings(settings), std::move(parser), clock);
    StatusReporter reporter(err);

    // The query starts when the starting offsets are resolved (or the first attempt failed).
    std::vector<kafka::Delivery> early;
    const auto startDeadline = SteadyClock::now() + std::chrono::seconds(15);
    while (!source.startTime() && !expired() && SteadyClock::now() < startDeadline) {
        early.push_back(source.poll(std::chrono::milliseconds(20)));
        reporter.report(source);
    }
    SimulationOptions simOptions;
    simOptions.recordFates = false;
    simOptions.recordStateChanges = false;
    auto session = kafka::LiveSession::start(std::move(scenario), s, settings, source.startTime().value_or(clock()), mode, simOptions);
    if (!session.ok()) {
        err << o->run.file << ": " << session.error().describe() << '\n';
        return session.error().kind == ErrorKind::File ? kFileError : kQueryError;
    }
    kafka::LiveSession& live = **session;
    if (o->record.empty()) // nothing needs every message: memory stays bounded however long it runs
        live.setHistoryLimit(kafka::kUnrecordedHistoryBatches);
    const QueryPlan& plan = live.plan();
    ConsoleOptions console;
    console.truncate = plan.sink.truncate && !o->run.noTruncate;
    console.numRows = plan.sink.numRows;

    std::int64_t printed = 0;
    auto feed = [&](const kafka::Delivery& d) {
        for (const BatchRecord& batch : live.feed(d)) {
            if (o->maxBatches && printed >= *o->maxBatches)
                break;
            ++printed;
            if (o->run.format == "jsonl")
                out << batchJsonLine(batch, plan, live.scenario()) << '\n';
            else
                out << consoleBatch(batch.batchId, plan.output, batch.sinkRows, live.scenario().zone, plan.version, console);
            out.flush();
        }
    };
    for (const auto& d : early)
        feed(d);
    early.clear();
    while (!expired() && !(o->maxBatches && printed >= *o->maxBatches)) {
        feed(source.poll(std::chrono::milliseconds(10)));
        reporter.report(source);
    }
    source.close();

    const auto& st = source.stats();
    err << "[kafka] stopped after " << printed << (printed == 1 ? " batch" : " batches") << ": " << st.received << " messages received, "
        << st.malformed << " malformed, lag " << st.lag() << '\n';
    if (!o->record.empty()) {
        if (auto w = live.save(o->record); !w.ok()) {
            err << "tidemark run: " << w.error().describe() << '\n';
            return kFileError;
        }
        err << "[kafka] recorded " << live.scenario().sources[s].events.size() << " events to " << o->record << "; replay with: tidemark run "
            << o->record << '\n';
    }
    return kOk;
}

} // namespace tidemark::cli
