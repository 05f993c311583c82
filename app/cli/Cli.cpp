// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"

#include "app/cli/Help.h"

#include <ostream>

namespace tidemark::cli {

bool isHeadlessCommand(const std::vector<std::string>& args)
{
    if (args.empty())
        return false;
    const std::string& c = args[0];
    return c == "run" || c == "validate" || c == "import-pyspark" || c == "export-pyspark" || c == "produce" || c == "broker" || c == "lesson" || c == "help" || c == "--help" || c == "-h"
           || c == "--version" || c == "--man";
}

int runCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    try {
        const std::string& c = args.at(0);
        if (c == "run") {
            for (const auto& a : args)
                if (a == "--kafka")
                    return runLiveScenario(args, out, err);
            for (const auto& a : args)
                if (a == "--socket" || a == "--directory")
                    return runLiveInput(args, out, err);
            return runScenario(args, out, err);
        }
        if (c == "produce")
            return produceCommand(args, out, err);
        if (c == "broker")
            return brokerCommand(args, out, err);
        if (c == "lesson")
            return lessonCommand(args, out, err);
        if (c == "import-pyspark")
            return importPySparkCommand(args, out, err);
        if (c == "validate")
            return validateScenario(args, out, err);
        if (c == "export-pyspark")
            return exportPySparkCommand(args, out, err);
        if (c == "--version") {
            out << "tidemark " << TIDEMARK_VERSION << '\n';
            return kOk;
        }
        if (c == "--man") {
            out << manPage(TIDEMARK_VERSION);
            return kOk;
        }
        if (c == "help" && args.size() > 1) {
            const std::string forms = usageFor(args[1]);
            if (forms.empty()) {
                err << "tidemark help: no command named " << args[1] << "\n" << usage();
                return kUsage;
            }
            out << forms << exitCodesHelp();
            return kOk;
        }
        out << usage();
        return kOk;
    } catch (const std::exception& e) {
        err << "tidemark: internal error: " << e.what() << '\n';
        return kUsage;
    }
}

} // namespace tidemark::cli
