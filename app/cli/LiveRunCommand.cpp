// SPDX-License-Identifier: GPL-3.0-or-later
// `tidemark run FILE --kafka BOOTSTRAP ...`: the notebook's awaitTermination(60) experience.
#include "app/cli/Cli.h"
#include "app/cli/RunOptions.h"
#include "app/cli/CliSignals.h"
#include "app/cli/LiveRecording.h"
#include "app/cli/LiveReport.h"

#include "live/ConnectionHint.h"
#include "live/KafkaSource.h"
#include "live/LiveScenario.h"
#include "live/LiveSession.h"
#include "live/PrintableText.h"
#include "engine/exec/Simulation.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/sink/ConsoleFormat.h"
#include "engine/sink/JsonlFormat.h"

#include <algorithm>
#include <chrono>
#include <iomanip>
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
    std::optional<bool> failOnDataLoss;
    std::string source;
    std::optional<double> durationSeconds;
    std::optional<std::int64_t> maxBatches;
    std::string record;
    /// Seconds between snapshots of the recording (written atomically), so a crash or a
    /// killed terminal loses at most that much of the session.
    double snapshotSeconds = 10;
    /// Give up (exit 4) when no broker has answered after this many seconds.
    double connectTimeoutSeconds = 30;
    /// Malformed messages listed one by one; the rest are counted (see LiveReport).
    std::int64_t listMalformed = 100;
    RunOptions run;
};

std::optional<LiveOptions> parseLiveOptions(const std::vector<std::string>& args, std::ostream& err)
{
    LiveOptions o;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&] { return optionValue(args, i, err); };
        auto number = [&](double min) { return optionNumber(args, i, min, err); };
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
        } else if (a == "--fail-on-data-loss") {
            auto v = value();
            if (!v)
                return std::nullopt;
            if (*v != "true" && *v != "false") {
                err << "tidemark run: --fail-on-data-loss must be true or false\n";
                return std::nullopt;
            }
            o.failOnDataLoss = *v == "true";
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
        } else if (a == "--snapshot-every") {
            auto v = number(0.1);
            if (!v)
                return std::nullopt;
            o.snapshotSeconds = *v;
        } else if (a == "--connect-timeout") {
            auto v = number(0.1);
            if (!v)
                return std::nullopt;
            o.connectTimeoutSeconds = *v;
        } else if (a == "--list-malformed") {
            auto v = number(0);
            if (!v)
                return std::nullopt;
            o.listMalformed = static_cast<std::int64_t>(*v);
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

} // namespace

int runLiveScenario(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    using SteadyClock = std::chrono::steady_clock;
    auto o = parseLiveOptions(args, err);
    if (!o)
        return kUsage;
    auto loaded = loadLiveScenario(o->run.file, o->source, err);
    if (!loaded)
        return kFileError;
    Scenario scenario = std::move(loaded->first);
    const std::size_t s = loaded->second;
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
    if (o->failOnDataLoss)
        settings.failOnDataLoss = *o->failOnDataLoss;
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

    // An unwritable recording path is refused now, not after an hour of class.
    LiveRecording recording(o->record, o->snapshotSeconds, err);
    if (!recording.usable())
        return kFileError;

    StopOnSignal stop;
    const auto began = SteadyClock::now();
    auto expired = [&] {
        return stop.stopped()
               || (o->durationSeconds && SteadyClock::now() - began >= std::chrono::duration<double>(*o->durationSeconds));
    };
    const auto connectDeadline = began + std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(o->connectTimeoutSeconds));
    const SourceSpec& spec = scenario.sources[s];
    kafka::MessageParser parser(spec.schema, scenario.zone, kafka::MessageParser::eventTimeColumnOf(scenario, spec));
    kafka::Clock clock = kafka::realClock();
    kafka::KafkaSource source(kafka::KafkaSourceConfig::fromSettings(settings), std::move(parser), clock);
    LiveReport report(err, o->listMalformed);
    auto gaveUp = [&] { return !report.brokerAnswered() && SteadyClock::now() >= connectDeadline; };
    auto failed = [&] { return source.stats().state == kafka::SourceState::Failed; };

    // The query starts when the starting offsets are resolved (or the first attempt failed).
    std::vector<kafka::Delivery> early;
    std::vector<kafka::SourceFault> earlyFaults;
    const auto startDeadline = SteadyClock::now() + std::chrono::seconds(15);
    while (!source.startTime() && !expired() && !gaveUp() && !failed() && SteadyClock::now() < startDeadline) {
        early.push_back(source.poll(std::chrono::milliseconds(20)));
        for (auto& f : report.update(source)) // lists the new malformed messages before they are counted as delivered
            earlyFaults.push_back(std::move(f));
        report.delivered(early.back());
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
    if (live.restartsNotice())
        err << "[kafka] note: " << *live.restartsNotice() << '\n';
    for (const auto& f : earlyFaults)
        live.addFault(f);
    // Memory stays bounded however long it runs: a recording's messages go to its journal.
    if (!recording.attach(live))
        return kFileError;
    live.setHistoryLimit(kafka::kUnrecordedHistoryBatches);
    const QueryPlan& plan = live.plan();
    ConsoleOptions console;
    console.truncate = plan.sink.truncate && !o->run.noTruncate;
    console.numRows = plan.sink.numRows;

    recording.write(live);

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
    while (!expired() && !gaveUp() && !failed() && !(o->maxBatches && printed >= *o->maxBatches)) {
        const kafka::Delivery d = source.poll(std::chrono::milliseconds(10));
        for (const auto& f : report.update(source))
            live.addFault(f);
        report.delivered(d);
        feed(d);
        recording.writeIfDue(live);
    }
    const bool queryFailed = failed();
    source.close();

    const auto& st = source.stats();
    err << "[kafka] stopped after " << printed << (printed == 1 ? " batch" : " batches") << ": " << st.received << " messages received, "
        << st.malformed << " malformed, lag " << st.lag() << '\n';
    report.summary(st, o->record);
    int code = kOk;
    if (queryFailed) {
        // Spark's query stops with this error (e.g. failOnDataLoss); so does the run, non-zero.
        // KafkaMicroBatchStream.reportDataLoss throws IllegalStateException, the only way the source fails.
        err << "[kafka] the query stopped: java.lang.IllegalStateException: " << kafka::printableText(st.error, 2000) << '\n';
        code = kKafkaError;
    } else if (!report.brokerAnswered()) {
        const double waited = std::chrono::duration<double>(SteadyClock::now() - began).count();
        err << "[kafka] no broker answered at " << kafka::printableText(settings.bootstrapServers) << " in " << std::fixed << std::setprecision(1)
            << waited << std::defaultfloat << " s; nothing was read (exit " << kKafkaError << ")\n";
        const std::string hint = report.lastHint().empty() ? kafka::connectionHint(settings.bootstrapServers, "") : report.lastHint();
        err << "[kafka] hint: " << kafka::printableText(hint, 2000) << '\n';
        code = kKafkaError;
    }
    if (!o->record.empty()) {
        if (!recording.write(live)) {
            err << "tidemark run: the recording could not be written; the last snapshot, if any, is in " << o->record << '\n';
            return kFileError;
        }
        err << "[kafka] recorded " << LiveRecording::events(live) << " events to " << o->record << "; replay with: tidemark run "
            << o->record << '\n';
    }
    return code;
}

} // namespace tidemark::cli
