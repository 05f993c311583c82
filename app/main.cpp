// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point: headless commands run without Qt; everything else opens the simulator.
#include "app/cli/Cli.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (tidemark::cli::isHeadlessCommand(args))
        return tidemark::cli::runCommand(args, std::cout, std::cerr);
    std::vector<std::string> run = {"run", std::string(TIDEMARK_SOURCE_SCENARIOS) + "/word-count-update.json"};
    if (!args.empty())
        run[1] = args[0];
    return tidemark::cli::runCommand(run, std::cout, std::cerr);
}
