// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"
#include "app/cli/RunOptions.h"

#include "engine/exec/Simulation.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/sink/ConsoleFormat.h"
#include "engine/sink/JsonlFormat.h"
#include "engine/sink/RestartText.h"

#include <optional>
#include <ostream>

namespace tidemark::cli {

namespace {

std::optional<RunOptions> parseRunOptions(const std::vector<std::string>& args, std::ostream& err)
{
    RunOptions o;
    for (size_t i = 1; i < args.size(); ++i) {
        switch (parseRunOption(args, i, o, /*allowAllModes=*/true, err)) {
        case OptionResult::Taken: break;
        case OptionResult::Error: return std::nullopt;
        case OptionResult::NotMine:
            err << "tidemark run: unknown option " << args[i] << "\n";
            return std::nullopt;
        }
    }
    if (!checkRunOptions(o, err))
        return std::nullopt;
    return o;
}

/// Runs one output mode to the end, printing each batch as it completes.
void runMode(const Scenario& scenario, const QueryPlan& plan, const RunOptions& o, std::ostream& out)
{
    SimulationOptions sim;
    sim.recordFates = false;
    sim.recordStateChanges = false;
    sim.materializeCompleteOutput = true;
    Simulation simulation(scenario, plan, sim);
    ConsoleOptions console;
    console.truncate = plan.sink.truncate && !o.noTruncate;
    console.numRows = plan.sink.numRows;
    while (auto batch = simulation.next()) {
        if (o.format == "jsonl")
            out << batchJsonLine(*batch, plan, scenario) << '\n';
        else
            out << (batch->restart ? restartConsoleLine(*batch->restart, *batch, scenario) : std::string())
                << consoleBatch(batch->batchId, plan.output, batch->sinkRows, scenario.zone, plan.version, console);
    }
    out.flush();
}

} // namespace

int runScenario(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    auto o = parseRunOptions(args, err);
    if (!o)
        return kUsage;
    auto scenario = loadScenarioFile(o->file);
    if (!scenario.ok()) {
        err << o->file << ": " << scenario.error().describe() << '\n';
        return kFileError;
    }
    std::vector<std::optional<OutputMode>> modes;
    if (o->mode == "all")
        modes = {OutputMode::Append, OutputMode::Update, OutputMode::Complete};
    else if (!o->mode.empty())
        modes = {parseOutputMode(o->mode)};
    else
        modes = {std::nullopt};

    int ran = 0;
    int lastError = kOk;
    for (const auto& mode : modes) {
        auto plan = analyze(*scenario, mode);
        if (!plan.ok()) {
            const Error& e = plan.error();
            lastError = e.kind == ErrorKind::File ? kFileError : kQueryError;
            if (modes.size() > 1 && e.kind == ErrorKind::Query) {
                // With --mode all a rejected mode prints its error in its place.
                if (o->format == "jsonl")
                    out << modeErrorJsonLine(*mode, e.text()) << '\n';
                else
                    out << "== " << outputModeName(*mode) << " ==\n" << e.text() << "\n\n";
                continue;
            }
            err << o->file << ": " << e.describe() << '\n';
            return lastError;
        }
        if (modes.size() > 1 && o->format == "console")
            out << "== " << outputModeName(plan->mode) << " ==\n";
        runMode(*scenario, *plan, *o, out);
        ++ran;
    }
    return ran > 0 ? kOk : lastError;
}

int validateScenario(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    if (args.size() != 2) {
        err << "tidemark validate: give exactly one scenario file\n";
        return kUsage;
    }
    const std::string& file = args[1];
    auto scenario = loadScenarioFile(file);
    if (!scenario.ok()) {
        err << file << ": " << scenario.error().describe() << '\n';
        return kFileError;
    }
    auto plan = analyze(*scenario);
    if (!plan.ok()) {
        err << file << ": " << plan.error().describe() << '\n';
        return plan.error().kind == ErrorKind::File ? kFileError : kQueryError;
    }
    out << file << ": ok (" << scenario->numEvents() << " events, Spark " << scenario->sparkVersion.toString() << ", "
        << outputModeName(plan->mode) << " mode)\n";
    return kOk;
}

} // namespace tidemark::cli
