// SPDX-License-Identifier: GPL-3.0-or-later
// `tidemark run FILE --socket HOST:PORT ...` / `--directory PATH ...`: the course's socket word
// count (`nc -lk 9999`) and its directory of JSON files (maxFilesPerTrigger 1), live.
#include "app/cli/Cli.h"
#include "app/cli/CliSignals.h"
#include "app/cli/LiveRecording.h"
#include "app/cli/RunOptions.h"

#include "live/DirectorySource.h"
#include "live/LiveInputScenario.h"
#include "live/LiveScenario.h"
#include "live/LiveSession.h"
#include "live/PrintableText.h"
#include "live/SocketSource.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/sink/ConsoleFormat.h"
#include "engine/sink/JsonlFormat.h"

#include <chrono>
#include <memory>
#include <optional>
#include <ostream>

namespace tidemark::cli {

namespace {

struct InputOptions {
    std::string socket; ///< HOST:PORT
    bool includeTimestamp = false;
    std::string directory;
    std::optional<std::int64_t> maxFilesPerTrigger;
    bool latestFirst = false;
    std::optional<std::int64_t> maxFileAgeMs;
    std::string source;
    std::optional<double> durationSeconds;
    std::optional<std::int64_t> maxBatches;
    std::string record;
    double snapshotSeconds = 10; ///< between atomic snapshots of the recording
    RunOptions run;
};

std::optional<InputOptions> parseInputOptions(const std::vector<std::string>& args, std::ostream& err)
{
    InputOptions o;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&] { return optionValue(args, i, err); };
        auto number = [&](double min) { return optionNumber(args, i, min, err); };
        std::optional<std::string> text;
        std::optional<double> n;
        if (a == "--socket" || a == "--directory" || a == "--source" || a == "--record" || a == "--max-file-age") {
            if (!(text = value()))
                return std::nullopt;
            if (a == "--socket")
                o.socket = *text;
            else if (a == "--directory")
                o.directory = *text;
            else if (a == "--source")
                o.source = *text;
            else if (a == "--record")
                o.record = *text;
            else {
                auto ms = kafka::parseSparkTimeStringMs(*text);
                if (!ms.ok()) {
                    err << "tidemark run: --max-file-age: " << ms.error().message << "\n";
                    return std::nullopt;
                }
                o.maxFileAgeMs = ms.value();
            }
        } else if (a == "--include-timestamp") {
            o.includeTimestamp = true;
        } else if (a == "--latest-first") {
            o.latestFirst = true;
        } else if (a == "--max-files-per-trigger" || a == "--max-batches") {
            if (!(n = number(1)))
                return std::nullopt;
            (a == "--max-batches" ? o.maxBatches : o.maxFilesPerTrigger) = static_cast<std::int64_t>(*n);
        } else if (a == "--duration") {
            if (!(n = number(0)))
                return std::nullopt;
            o.durationSeconds = *n;
        } else if (a == "--snapshot-every") {
            if (!(n = number(1)))
                return std::nullopt;
            o.snapshotSeconds = *n;
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
    if (o.socket.empty() == o.directory.empty()) {
        err << "tidemark run: give --socket HOST:PORT or --directory PATH, not both\n";
        return std::nullopt;
    }
    if (!o.socket.empty() && (o.maxFilesPerTrigger || o.latestFirst || o.maxFileAgeMs)) {
        err << "tidemark run: --max-files-per-trigger, --latest-first and --max-file-age are options of --directory\n";
        return std::nullopt;
    }
    if (!o.directory.empty() && o.includeTimestamp) {
        err << "tidemark run: --include-timestamp is an option of --socket\n";
        return std::nullopt;
    }
    if (o.durationSeconds && o.maxBatches) {
        err << "tidemark run: give --duration or --max-batches, not both\n";
        return std::nullopt;
    }
    return o;
}

/// "localhost:9999" -> host and port; nullopt if it is not HOST:PORT.
std::optional<std::pair<std::string, int>> hostPort(const std::string& text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
        return std::nullopt;
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') // [::1]:9999
        host = host.substr(1, host.size() - 2);
    int port = 0;
    for (char c : text.substr(colon + 1)) {
        if (c < '0' || c > '9' || port > 65535)
            return std::nullopt;
        port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535)
        return std::nullopt;
    return std::pair{host, port};
}

/// Text for the terminal (kcat -e style, cut): a line of input cannot move the cursor or
/// recolour the terminal it is reported on.
std::string escaped(const std::string& text) { return kafka::printableText(text, 2000); }

/// Prints the source's status, new faults and new malformed rows on `err` as they come.
class InputReporter {
public:
    InputReporter(std::ostream& err, std::string tag) : m_err(err), m_tag(std::move(tag)) {}
    void report(kafka::LiveInput& input)
    {
        const auto& s = input.stats();
        // Faults first: each is said once, even when the status line moved on since.
        const std::int64_t fresh = s.faultCount - m_faultsSeen;
        const auto shown = static_cast<std::int64_t>(s.faults.size());
        if (fresh > shown)
            m_err << m_tag << ' ' << (fresh - shown) << " faults not kept in the history\n";
        for (auto i = static_cast<std::size_t>(std::max<std::int64_t>(0, shown - fresh)); i < s.faults.size(); ++i)
            m_err << m_tag << ' ' << kafka::sourceFaultKindName(s.faults[i].kind) << ": " << escaped(s.faults[i].text) << '\n';
        m_faultsSeen = s.faultCount;
        if (s.status != m_lastStatus) {
            m_lastStatus = s.status;
            if (fresh == 0 || s.faults.empty() || s.faults.back().text != s.status)
                m_err << m_tag << ' ' << escaped(s.status) << '\n';
            if (!s.hint.empty())
                m_err << m_tag << " hint: " << s.hint << '\n';
        }
        for (const auto& bad : input.takeNewMalformed())
            m_err << m_tag << " malformed line (" << escaped(bad.reason) << "). Spark: " << bad.sparkBehaviour << '\n';
        m_err.flush();
    }

private:
    std::ostream& m_err;
    std::string m_tag;
    std::string m_lastStatus;
    std::int64_t m_faultsSeen = 0;
};

} // namespace

int runLiveInput(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    using SteadyClock = std::chrono::steady_clock;
    auto o = parseInputOptions(args, err);
    if (!o)
        return kUsage;
    const bool socket = !o->socket.empty();
    const std::string tag = socket ? "[socket]" : "[directory]";
    std::optional<std::pair<std::string, int>> address;
    if (socket && !(address = hostPort(o->socket))) {
        err << "tidemark run: --socket needs HOST:PORT (localhost:9999), got " << o->socket << "\n";
        return kUsage;
    }
    // An unwritable recording path is refused now, not after an hour of class.
    LiveRecording recording(o->record, o->snapshotSeconds, err);
    if (!recording.usable())
        return kFileError;
    auto loaded = loadLiveScenario(o->run.file, o->source, err);
    if (!loaded)
        return kFileError;
    Scenario scenario = std::move(loaded->first);
    const std::size_t s = loaded->second;
    // TextSocketSourceProvider: the socket's rows have Spark's fixed schema, never the file's.
    const std::optional<Schema> schema = socket ? std::optional<Schema>(kafka::socketSchema(o->includeTimestamp)) : std::nullopt;
    const std::optional<OutputMode> mode = o->run.mode.empty() ? std::nullopt : std::optional<OutputMode>(parseOutputMode(o->run.mode));
    {
        // Reject a query Spark would reject before reading anything.
        Scenario check = scenario;
        kafka::prepareLiveInputScenario(check, s, 0, schema);
        if (auto plan = analyze(check, mode); !plan.ok()) {
            err << o->run.file << ": " << plan.error().describe() << '\n';
            return plan.error().kind == ErrorKind::File ? kFileError : kQueryError;
        }
    }
    if (!socket) {
        if (auto dir = kafka::checkDirectory(o->directory); !dir.ok()) {
            err << "tidemark run: --directory " << o->directory << ": " << dir.error().text() << '\n';
            return kFileError;
        }
    }

    kafka::Clock clock = kafka::realClock();
    std::unique_ptr<kafka::LiveInput> input;
    if (socket) {
        kafka::SocketSourceConfig config;
        config.host = address->first;
        config.port = address->second;
        config.includeTimestamp = o->includeTimestamp;
        input = std::make_unique<kafka::SocketSource>(config, clock);
    } else {
        kafka::DirectorySourceConfig config;
        config.path = o->directory;
        config.maxFilesPerTrigger = o->maxFilesPerTrigger;
        config.latestFirst = o->latestFirst;
        if (o->maxFileAgeMs)
            config.maxFileAgeMs = *o->maxFileAgeMs;
        const SourceSpec& spec = scenario.sources[s];
        kafka::MessageParser parser(spec.schema, scenario.zone, kafka::MessageParser::eventTimeColumnOf(scenario, spec));
        input = std::make_unique<kafka::DirectorySource>(config, std::move(parser), clock);
    }
    InputReporter reporter(err, tag);

    StopOnSignal stop;
    const auto began = SteadyClock::now();
    auto expired = [&] {
        return stop.stopped() || (o->durationSeconds && SteadyClock::now() - began >= std::chrono::duration<double>(*o->durationSeconds));
    };
    // The first poll connects (or lists the directory); the query starts then.
    kafka::Delivery first = input->poll(std::chrono::milliseconds(0));
    reporter.report(*input);
    if (input->stats().state == kafka::SourceState::Failed) {
        err << tag << " the query stopped: " << input->stats().error << '\n';
        return kKafkaError;
    }
    kafka::prepareLiveInputScenario(scenario, s, input->startTime().value_or(clock()), schema);
    SimulationOptions simOptions;
    simOptions.recordFates = false;
    simOptions.recordStateChanges = false;
    auto session = kafka::LiveSession::startPrepared(std::move(scenario), s, mode, simOptions);
    if (!session.ok()) {
        err << o->run.file << ": " << session.error().describe() << '\n';
        return session.error().kind == ErrorKind::File ? kFileError : kQueryError;
    }
    kafka::LiveSession& live = **session;
    if (live.restartsNotice())
        err << tag << " note: " << *live.restartsNotice() << '\n';
    // Memory stays bounded however long it runs: a recording's lines go to its journal.
    if (!recording.attach(live))
        return kFileError;
    live.setHistoryLimit(kafka::kUnrecordedHistoryBatches);
    const QueryPlan& plan = live.plan();
    ConsoleOptions console;
    console.truncate = plan.sink.truncate && !o->run.noTruncate;
    console.numRows = plan.sink.numRows;

    std::int64_t printed = 0;
    auto feed = [&](const kafka::Delivery& d) {
        const std::vector<BatchRecord> ran = live.feed(d);
        kafka::reportDataBatches(*input, ran);
        for (const BatchRecord& batch : ran) {
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
    feed(first);
    recording.write(live);
    while (!expired() && !(o->maxBatches && printed >= *o->maxBatches)) {
        feed(input->poll(std::chrono::milliseconds(10)));
        reporter.report(*input);
        recording.writeIfDue(live);
    }
    input->close();

    const auto& st = input->stats();
    err << tag << " stopped after " << printed << (printed == 1 ? " batch" : " batches") << ": " << st.received
        << (socket ? " lines" : " rows") << " received, " << st.malformed << " malformed, " << st.faultCount
        << (st.faultCount == 1 ? " fault" : " faults") << '\n';
    if (!o->record.empty()) {
        if (!recording.write(live)) {
            err << "tidemark run: the recording could not be written; the last snapshot, if any, is in " << o->record << '\n';
            return kFileError;
        }
        err << tag << " recorded " << LiveRecording::events(live) << " events to " << o->record
            << "; replay with: tidemark run " << o->record << '\n';
    }
    return kOk;
}

} // namespace tidemark::cli
