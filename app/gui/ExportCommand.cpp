// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ExportCommand.h"

#include "app/cli/Cli.h"
#include "app/gui/GuiArgs.h"
#include "ui/compute/ViewState.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/export/PlotFrames.h"
#include "ui/export/Storyboard.h"
#include "ui/i18n/Language.h"
#include "ui/lessons/LessonLibrary.h"

#include <QApplication>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>

namespace tidemark::gui {

namespace {

struct ExportArgs {
    std::string command;
    std::string file;
    std::string out;
    std::string language;
    std::string lesson;
    std::vector<OutputMode> modes;
    std::optional<std::pair<int, int>> size;
    int delayMs = 1200;
};

std::optional<ExportArgs> parse(const std::vector<std::string>& args, std::string& error)
{
    ExportArgs a;
    a.command = args.at(0);
    const bool storyboard = a.command == "storyboard";
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& o = args[i];
        const bool takesValue = o == "-o" || o == "--lang" || o == "--lesson" || o == "--modes" || o == "--size" || o == "--delay";
        if (takesValue && i + 1 >= args.size()) {
            error = o + " needs a value";
            return std::nullopt;
        }
        const std::string value = takesValue ? args[++i] : std::string();
        if (o == "-o") {
            a.out = value;
        } else if (o == "--lang") {
            if (value != "ko" && value != "en") {
                error = "--lang needs ko or en";
                return std::nullopt;
            }
            a.language = value;
        } else if (o == "--lesson") {
            a.lesson = value;
        } else if (o == "--modes" && storyboard) {
            std::stringstream names(value);
            for (std::string name; std::getline(names, name, ',');) {
                const auto mode = parseOutputMode(name);
                if (!mode) {
                    error = "--modes takes append, update and complete separated by commas, got " + name;
                    return std::nullopt;
                }
                if (std::find(a.modes.begin(), a.modes.end(), *mode) == a.modes.end())
                    a.modes.push_back(*mode);
            }
            if (a.modes.empty()) {
                error = "--modes needs at least one of append, update, complete";
                return std::nullopt;
            }
        } else if (o == "--size" && !storyboard) {
            const auto x = value.find('x');
            const int w = x == std::string::npos ? 0 : std::atoi(value.substr(0, x).c_str());
            const int h = x == std::string::npos ? 0 : std::atoi(value.substr(x + 1).c_str());
            if (w < 320 || h < 240 || w > 8192 || h > 8192) {
                error = "--size needs WIDTHxHEIGHT in pixels (320x240 to 8192x8192), e.g. --size 1280x720";
                return std::nullopt;
            }
            a.size = std::make_pair(w, h);
        } else if (o == "--delay" && !storyboard) {
            char* end = nullptr;
            const long ms = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || ms < 100 || ms > 60000) {
                error = "--delay needs the milliseconds each batch shows, 100 to 60000";
                return std::nullopt;
            }
            a.delayMs = static_cast<int>(ms);
        } else if (!o.empty() && o[0] == '-') {
            error = "unknown option " + o + " for " + a.command;
            return std::nullopt;
        } else if (a.file.empty()) {
            a.file = o;
        } else {
            error = "only one scenario file, got " + a.file + " and " + o;
            return std::nullopt;
        }
    }
    if (a.out.empty()) {
        error = storyboard ? "storyboard needs -o OUT.pdf" : "frames needs -o DIR (PNG files) or -o OUT.gif";
        return std::nullopt;
    }
    if (a.file.empty() == a.lesson.empty()) {
        error = a.lesson.empty() ? a.command + " needs a scenario FILE (or --lesson ID)"
                                 : "--lesson prints the lesson's own scenario: no FILE with it";
        return std::nullopt;
    }
    return a;
}

} // namespace

bool isExportCommand(const std::vector<std::string>& args) { return !args.empty() && (args[0] == "storyboard" || args[0] == "frames"); }

int runExportCommand(int& argc, char** argv, const std::vector<std::string>& args)
{
    std::string error;
    const auto a = parse(args, error);
    if (!a) {
        std::cerr << "tidemark: " << error << '\n' << cli::usage();
        return cli::kUsage;
    }
    if (!hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tidemark"));
    QApplication::setApplicationName(QStringLiteral("tidemark"));
    const auto chosen = ui::languageFromCode(QString::fromStdString(a->language));
    ui::setLanguage(chosen ? *chosen : ui::preferredLanguage());

    ui::StoryboardOptions options;
    options.modes = a->modes;
    std::shared_ptr<const Scenario> scenario;
    if (!a->lesson.empty()) {
        auto lesson = ui::LessonLibrary::load(QString::fromStdString(a->lesson));
        if (!lesson) {
            std::cerr << "tidemark: cannot open the lesson " << a->lesson << ": " << lesson.error().describe() << '\n';
            return cli::kFileError;
        }
        scenario = std::make_shared<const Scenario>(lesson->scenario);
        options.lesson = std::move(lesson.value());
    } else {
        auto loaded = ui::ScenarioDocument::load(QString::fromStdString(a->file));
        if (!loaded) {
            std::cerr << a->file << ": " << loaded.error().describe() << '\n';
            return cli::kFileError;
        }
        scenario = std::make_shared<const Scenario>(std::move(loaded.value()));
    }
    const ui::SnapshotPtr snapshot = ui::buildSnapshot(scenario, 1);
    const ui::ViewState view = ui::ViewState::at(snapshot, 0);
    if (const auto& e = view.drivingRun().error) {
        std::cerr << "tidemark: " << e->describe() << '\n';
        return e->kind == ErrorKind::File ? cli::kFileError : cli::kQueryError;
    }
    const QString out = QString::fromStdString(a->out);
    if (a->command == "storyboard") {
        if (const Status s = ui::writeStoryboard(out, snapshot, options); !s) {
            std::cerr << "tidemark: " << s.error().describe() << '\n';
            return cli::kFileError;
        }
        std::cout << "wrote " << a->out << ": " << view.numBatches() << " pages, one per batch\n";
        return cli::kOk;
    }
    const QSize size = a->size ? QSize(a->size->first, a->size->second) : QSize(1280, 720);
    const bool gif = out.endsWith(QStringLiteral(".gif"), Qt::CaseInsensitive);
    const auto frames = gif ? ui::writePlotGif(out, snapshot, size, a->delayMs) : ui::writePlotFrames(out, snapshot, size);
    if (!frames) {
        std::cerr << "tidemark: " << frames.error().describe() << '\n';
        return cli::kFileError;
    }
    if (gif)
        std::cout << "wrote " << a->out << ": " << *frames << " frames, one per batch\n";
    else
        std::cout << "wrote " << *frames << " frames to " << a->out << " (" << ui::plotFrameName(0).toStdString() << " …)\n";
    return cli::kOk;
}

} // namespace tidemark::gui
