// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tidemark::gui {

/// `tidemark [--lang ko|en] [FILE]`, `tidemark --lesson ID [--step N]` and
/// `tidemark --screenshot OUT.png [--batch N] [--presentation] [--high-contrast] [--size WxH] [--lang ko|en] [--lesson ID [--step N]] [FILE]`.
struct GuiArgs {
    std::string file;       ///< empty: the default classroom scenario
    std::string screenshot; ///< render the main window to this PNG and exit
    std::optional<int> batch;
    bool presentation = false;
    /// `--high-contrast`: the projector theme for this run (View > High contrast remembers it instead).
    bool highContrast = false;
    /// The window's size in pixels (a projector's 1024x768, say); unset: the saved or default size.
    std::optional<std::pair<int, int>> size;
    /// `--lesson ID|FILE`: a built-in lesson (or a lesson file) instead of a scenario file.
    std::string lesson;
    /// `--step N`: the lesson's step to show, 1-based as the lesson bar counts them.
    std::optional<int> step;
    /// "ko" or "en" for this run (not remembered); empty: the saved choice, else the system's.
    std::string language;
};

/// Parses the window's command line; nullopt with a message in `error` when it is wrong.
std::optional<GuiArgs> parseGuiArgs(const std::vector<std::string>& args, std::string& error);

/// True when a window can be shown: a platform is chosen (QT_QPA_PLATFORM) or an X11 or
/// Wayland display is set.
bool hasDisplay();

/// The default classroom scenario on disk (source tree, then the installed copy), for the
/// headless fallback.
std::string defaultScenarioFile();

} // namespace tidemark::gui
