// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/RunGui.h"

#include "ui/MainWindow.h"
#include "ui/pages/BatchCursor.h"
#include "ui/files/FileController.h"
#include "ui/lessons/LessonController.h"
#include "ui/i18n/Language.h"

#include <QApplication>
#include <QIcon>
#include <QTimer>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace tidemark::gui {

namespace {

/// Waits until the scenario is computed and shown, gives queued replots a moment, then saves.
/// A --batch past the last batch is a bad command line (exit 1), not a silent clamp: a script
/// that asks for batch 12 of a 10-batch scenario would otherwise get a picture of batch 9.
void scheduleScreenshot(ui::MainWindow& window, const QString& path, std::optional<int> batch)
{
    auto done = std::make_shared<bool>(false);
    QObject::connect(&window, &ui::MainWindow::viewUpdated, &window, [&window, path, done, batch] {
        if (*done || !window.isUpToDate())
            return;
        *done = true;
        const int count = window.cursor()->count();
        if (batch && *batch >= count) {
            std::cerr << "tidemark: --batch " << *batch << " is out of range: "
                      << (count == 0 ? std::string("the scenario runs no batch") : "the scenario runs batches 0 to " + std::to_string(count - 1))
                      << '\n';
            QCoreApplication::exit(1);
            return;
        }
        QTimer::singleShot(400, &window, [&window, path] {
            const bool ok = window.grab().save(path, "PNG");
            if (!ok)
                std::cerr << "tidemark: cannot write " << path.toStdString() << '\n';
            QCoreApplication::exit(ok ? 0 : 2);
        });
    });
}

} // namespace

int runGui(int& argc, char** argv, const GuiArgs& args)
{
    const bool screenshot = !args.screenshot.empty();
    if (screenshot && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tidemark"));
    QApplication::setApplicationName(QStringLiteral("tidemark"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tidemark"));
    QApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tidemark.svg")));
    const auto chosen = ui::languageFromCode(QString::fromStdString(args.language));
    ui::setLanguage(chosen ? *chosen : ui::preferredLanguage());

    ui::MainWindow window;
    window.files()->setInteractive(!screenshot);
    if (screenshot)
        window.setStartBatch(args.batch.value_or(-1));
    if (!args.lesson.empty()) {
        ui::LessonController* lessons = window.lessons();
        if (!lessons->open(QString::fromStdString(args.lesson))) {
            std::cerr << "tidemark: cannot open the lesson " << args.lesson << ": " << lessons->lastError().toStdString() << '\n';
            return 2;
        }
        if (args.step && *args.step > lessons->count()) {
            std::cerr << "tidemark: --step " << *args.step << " is out of range: the lesson has steps 1 to " << lessons->count() << '\n';
            return 1;
        }
        lessons->goTo(args.step.value_or(1) - 1);
    } else if (const QString file = args.file.empty() ? ui::FileController::defaultExample() : QString::fromStdString(args.file);
               !window.files()->openFile(file)) {
        if (screenshot)
            return 2;
        window.files()->openFile(ui::FileController::defaultExample());
    }
    if (screenshot) {
        scheduleScreenshot(window, QString::fromStdString(args.screenshot), args.batch);
        if (args.size)
            window.resize(args.size->first, args.size->second);
        window.show();
        if (args.presentation)
            window.setPresentation(true);
        if (args.highContrast)
            window.setHighContrast(true);
        return QApplication::exec();
    }
    window.restoreSettings();
    if (args.size)
        window.resize(args.size->first, args.size->second);
    window.show();
    if (args.presentation)
        window.setPresentation(true);
    if (args.highContrast)
        window.setHighContrast(true);
    window.files()->offerRecovery();
    return QApplication::exec();
}

} // namespace tidemark::gui
