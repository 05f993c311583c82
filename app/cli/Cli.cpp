// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"

#include <ostream>

namespace tidemark::cli {

std::string usage()
{
    return "usage:\n"
           "  tidemark [FILE]                       open the simulator (on the default classroom scenario)\n"
           "  tidemark --screenshot OUT.png [--batch N] [--presentation] [FILE]\n"
           "                                        render the main window to a PNG and exit\n"
           "                                        (at batch N, default the last)\n"
           "  tidemark run FILE [--mode append|update|complete|all] [--format console|jsonl] [--no-truncate]\n"
           "                                        run a scenario to the end and print every batch\n"
           "  tidemark validate FILE                check a scenario file and its query\n"
           "exit codes: 0 ok, 1 bad command line, 2 file problem, 3 query Spark would reject\n";
}

bool isHeadlessCommand(const std::vector<std::string>& args)
{
    if (args.empty())
        return false;
    const std::string& c = args[0];
    return c == "run" || c == "validate" || c == "help" || c == "--help" || c == "-h";
}

int runCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    try {
        const std::string& c = args.at(0);
        if (c == "run")
            return runScenario(args, out, err);
        if (c == "validate")
            return validateScenario(args, out, err);
        out << usage();
        return kOk;
    } catch (const std::exception& e) {
        err << "tidemark: internal error: " << e.what() << '\n';
        return kUsage;
    }
}

} // namespace tidemark::cli
