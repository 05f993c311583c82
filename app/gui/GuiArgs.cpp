// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/GuiArgs.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <filesystem>

namespace tidemark::gui {

std::optional<GuiArgs> parseGuiArgs(const std::vector<std::string>& args, std::string& error)
{
    GuiArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--lesson" || a == "--step") {
            if (i + 1 >= args.size()) {
                error = a + " needs a value";
                return std::nullopt;
            }
            const std::string& v = args[++i];
            if (a == "--lesson") {
                out.lesson = v;
            } else {
                char* end = nullptr;
                errno = 0;
                const long n = std::strtol(v.c_str(), &end, 10);
                if (v.empty() || *end != '\0' || n < 1 || errno == ERANGE || n > std::numeric_limits<int>::max()) {
                    error = "--step needs a step number from 1, got " + v;
                    return std::nullopt;
                }
                out.step = static_cast<int>(n);
            }
        } else if (a == "--screenshot" || a == "--batch") {
            if (i + 1 >= args.size()) {
                error = a + " needs a value";
                return std::nullopt;
            }
            const std::string& v = args[++i];
            if (a == "--screenshot") {
                out.screenshot = v;
            } else {
                char* end = nullptr;
                errno = 0;
                const long n = std::strtol(v.c_str(), &end, 10);
                if (v.empty() || *end != '\0' || n < 0 || errno == ERANGE || n > std::numeric_limits<int>::max()) {
                    error = "--batch needs a batch number, got " + v;
                    return std::nullopt;
                }
                out.batch = static_cast<int>(n);
            }
        } else if (a == "--size") {
            // WxH, each within what a screen can have (a typo must not ask for a 10^9 px window).
            int w = 0, h = 0;
            char tail = 0;
            if (i + 1 >= args.size() || std::sscanf(args[i + 1].c_str(), "%dx%d%c", &w, &h, &tail) != 2 || w < 320 || h < 240 || w > 8192 ||
                h > 8192) {
                error = "--size needs WIDTHxHEIGHT in pixels (320x240 to 8192x8192), e.g. --size 1024x768";
                return std::nullopt;
            }
            ++i;
            out.size = std::make_pair(w, h);
        } else if (a == "--lang") {
            if (i + 1 >= args.size() || (args[i + 1] != "ko" && args[i + 1] != "en")) {
                error = "--lang needs ko or en";
                return std::nullopt;
            }
            out.language = args[++i];
        } else if (a == "--presentation") {
            out.presentation = true;
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
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        if (const char* v = std::getenv(name); v && *v)
            return true;
    return false;
}

std::string defaultScenarioFile()
{
    const std::string name = "/word-count-update.json";
    const std::string source = std::string(TIDEMARK_SOURCE_SCENARIOS) + name;
    if (std::filesystem::exists(source))
        return source;
    return std::string(TIDEMARK_INSTALLED_SCENARIOS) + name;
}

} // namespace tidemark::gui
