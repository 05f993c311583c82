// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/GuiArgs.h"

namespace tidemark::gui {

/// Creates the QApplication and the main window on `args.file` (the default classroom
/// scenario when empty); with --screenshot renders the window to a PNG and exits.
int runGui(int& argc, char** argv, const GuiArgs& args);

} // namespace tidemark::gui
