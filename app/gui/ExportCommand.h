// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace tidemark::gui {

/// True if `args` (without the program name) names a command that draws without a window:
/// `storyboard` (the PDF handout) or `frames` (the plot as a PNG sequence or an animated GIF).
bool isExportCommand(const std::vector<std::string>& args);

/// `tidemark storyboard [FILE] -o OUT.pdf [--lang ko|en] [--modes append,update,complete] [--lesson ID|FILE]`
/// `tidemark frames [FILE] -o DIR|OUT.gif [--lang ko|en] [--size WxH] [--delay MS] [--lesson ID|FILE]`
/// Runs headless (offscreen when there is no display). Exit codes as the CLI's: 0 ok, 1 bad
/// command line, 2 a file problem, 3 a query Spark rejects in every mode.
int runExportCommand(int& argc, char** argv, const std::vector<std::string>& args);

} // namespace tidemark::gui
