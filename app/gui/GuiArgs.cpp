// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/GuiArgs.h"
#include "app/platform/DataDirs.h"

#include <cerrno>
#include <cstdlib>
#include <limits>
#include <filesystem>

namespace tidemark::gui {

namespace {

/// A whole number from `min` to `max`, or nullopt (empty, trailing text, out of range).
std::optional<int> wholeNumber(const std::string& text, long min, long max = std::numeric_limits<int>::max())
{
    char* end = nullptr;
    errno = 0;
    const long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE || n < min || n > max)
        return std::nullopt;
    return static_cast<int>(n);
}

} // namespace

std::optional<GuiArgs> parseGuiArgs(const std::vector<std::string>& args, std::string& error)
{
    GuiArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool takesValue = a == "--lesson" || a == "--step" || a == "--screenshot" || a == "--batch" || a == "--size" || a == "--lang";
        if (takesValue && i + 1 >= args.size()) {
            error = a + " needs a value";
            return std::nullopt;
        }
        const std::string value = takesValue ? args[++i] : std::string();
        if (a == "--lesson") {
            out.lesson = value;
        } else if (a == "--screenshot") {
            out.screenshot = value;
        } else if (a == "--step") {
            if (!(out.step = wholeNumber(value, 1))) {
                error = "--step needs a step number from 1, got " + value;
                return std::nullopt;
            }
        } else if (a == "--batch") {
            if (!(out.batch = wholeNumber(value, 0))) {
                error = "--batch needs a batch number, got " + value;
                return std::nullopt;
            }
        } else if (a == "--size") {
            // WxH, each within what a screen can have (a typo must not ask for a 10^9 px window).
            const auto x = value.find('x');
            const auto w = x == std::string::npos ? std::nullopt : wholeNumber(value.substr(0, x), 320, 8192);
            const auto h = x == std::string::npos ? std::nullopt : wholeNumber(value.substr(x + 1), 240, 8192);
            if (!w || !h) {
                error = "--size needs WIDTHxHEIGHT in pixels (320x240 to 8192x8192), e.g. --size 1024x768";
                return std::nullopt;
            }
            out.size = std::make_pair(*w, *h);
        } else if (a == "--lang") {
            if (value != "ko" && value != "en") {
                error = "--lang needs ko or en";
                return std::nullopt;
            }
            out.language = value;
        } else if (a == "--presentation") {
            out.presentation = true;
        } else if (a == "--high-contrast") {
            out.highContrast = true;
        } else if (!a.empty() && a[0] == '-') {
            error = "unknown option " + a;
            return std::nullopt;
        } else if (out.file.empty()) {
            out.file = a;
        } else {
            error = "only one scenario file, got " + out.file + " and " + a;
            return std::nullopt;
        }
    }
    if (out.step && out.lesson.empty()) {
        error = "--step goes with --lesson";
        return std::nullopt;
    }
    if (!out.lesson.empty() && (!out.file.empty() || out.batch)) {
        error = "--lesson opens the lesson's own scenario and batch: no FILE or --batch with it";
        return std::nullopt;
    }
    if (out.batch && out.screenshot.empty()) {
        error = "--batch goes with --screenshot";
        return std::nullopt;
    }
    return out;
}

bool hasDisplay()
{
#if defined(_WIN32) || defined(__APPLE__)
    // A desktop session always has a screen there; DISPLAY and WAYLAND_DISPLAY are X11 and Wayland's.
    return true;
#endif
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        if (const char* v = std::getenv(name); v && *v)
            return true;
    return false;
}

std::string defaultScenarioFile()
{
    return (platform::scenariosDir() / "word-count-update.json").string();
}

} // namespace tidemark::gui
