// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point: headless commands run without Qt (dispatched before any QApplication exists);
// everything else opens the simulator.
#include "app/cli/Cli.h"
#include "app/gui/ExportCommand.h"
#include "app/gui/GuiArgs.h"
#include "app/gui/RunGui.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    using namespace tidemark;
    std::vector<std::string> args(argv + 1, argv + argc);
    // `tidemark COMMAND --help` is `tidemark help COMMAND`, whichever part of the program runs COMMAND.
    if (args.size() == 2 && (args[1] == "--help" || args[1] == "-h") && args[0][0] != '-')
        return cli::runCommand({"help", args[0]}, std::cout, std::cerr);
    // The handouts draw with Qt, without a window.
    if (gui::isExportCommand(args))
        return gui::runExportCommand(argc, argv, args);
    if (cli::isHeadlessCommand(args))
        return cli::runCommand(args, std::cout, std::cerr);
    std::string error;
    const auto gui = gui::parseGuiArgs(args, error);
    if (!gui) {
        std::cerr << "tidemark: " << error << '\n' << cli::usage();
        return cli::kUsage;
    }
    // A plain terminal has no window to open: print what the window would show, the scenario's
    // console-sink output (scripts/run relies on this).
    if (gui->screenshot.empty() && !gui::hasDisplay()) {
        std::cerr << "tidemark: no display; printing the scenario's console output instead of opening the window\n";
        return cli::runCommand({"run", gui->file.empty() ? gui::defaultScenarioFile() : gui->file}, std::cout, std::cerr);
    }
    return gui::runGui(argc, argv, *gui);
}
