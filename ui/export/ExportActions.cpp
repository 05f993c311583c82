// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/ExportActions.h"

#include "ui/MainWindow.h"
#include "ui/compute/RecomputeService.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/export/PlotFrames.h"
#include "ui/export/Storyboard.h"
#include "ui/lessons/LessonController.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>

namespace tidemark::ui::ExportActions {

namespace {

/// The complete run of the window's scenario as it is now (null while an edit is being
/// computed): a drag's preview holds only one mode, and the pages print all three.
SnapshotPtr completeSnapshot(const MainWindow& window)
{
    return window.compute()->isCurrent() ? window.compute()->latest() : nullptr;
}

/// A busy cursor while a long run is printed (the pages are drawn on this thread).
struct BusyCursor {
    BusyCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;
};

QString baseName(const MainWindow& window)
{
    const QString name = QFileInfo(window.document()->displayName()).completeBaseName();
    return name.isEmpty() ? QStringLiteral("tidemark") : name;
}

} // namespace

Status writeStoryboardOf(const MainWindow& window, const QString& path)
{
    const SnapshotPtr snapshot = completeSnapshot(window);
    if (!snapshot)
        return Error::file(path.toStdString(), "the scenario is still being computed");
    StoryboardOptions options;
    options.title = window.shownTitle();
    // The lesson's steps belong to its own scenario; after an edit they may not fit it, but
    // they still tell the story the class follows.
    if (const Lesson* lesson = window.lessons()->lesson())
        options.lesson = *lesson;
    return writeStoryboard(path, snapshot, options);
}

Result<int> writePlotFramesOf(const MainWindow& window, const QString& dir)
{
    const SnapshotPtr snapshot = completeSnapshot(window);
    if (!snapshot)
        return Error::file(dir.toStdString(), "the scenario is still being computed");
    return writePlotFrames(dir, snapshot);
}

Result<int> writePlotGifOf(const MainWindow& window, const QString& path)
{
    const SnapshotPtr snapshot = completeSnapshot(window);
    if (!snapshot)
        return Error::file(path.toStdString(), "the scenario is still being computed");
    return writePlotGif(path, snapshot);
}

void askStoryboard(MainWindow& window)
{
    auto* dialog = new QFileDialog(&window, MainWindow::tr("Export storyboard as PDF"), baseName(window) + QStringLiteral("-storyboard.pdf"),
                                   MainWindow::tr("PDF (*.pdf)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    QObject::connect(dialog, &QFileDialog::fileSelected, &window, [&window](const QString& path) {
        BusyCursor busy;
        const Status s = writeStoryboardOf(window, path);
        window.showMessage(s.ok() ? MainWindow::tr("Saved the storyboard, one page per batch, to %1").arg(path)
                                  : QString::fromStdString(s.error().describe()),
                           8000);
    });
    dialog->open();
}

void askPlotFrames(MainWindow& window)
{
    auto* dialog = new QFileDialog(&window, MainWindow::tr("Export plot frames to a folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    QObject::connect(dialog, &QFileDialog::fileSelected, &window, [&window](const QString& dir) {
        BusyCursor busy;
        const auto frames = writePlotFramesOf(window, dir);
        window.showMessage(frames.ok() ? MainWindow::tr("Saved %1 frames (%2 …) to %3").arg(*frames).arg(plotFrameName(0), dir)
                                       : QString::fromStdString(frames.error().describe()),
                           8000);
    });
    dialog->open();
}

} // namespace tidemark::ui::ExportActions

namespace tidemark::ui::ExportActions {

void askPlotGif(MainWindow& window)
{
    auto* dialog = new QFileDialog(&window, MainWindow::tr("Export plot animation as GIF"), baseName(window) + QStringLiteral(".gif"),
                                   MainWindow::tr("GIF animation (*.gif)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("gif"));
    QObject::connect(dialog, &QFileDialog::fileSelected, &window, [&window](const QString& path) {
        BusyCursor busy;
        const auto frames = writePlotGifOf(window, path);
        window.showMessage(frames.ok() ? MainWindow::tr("Saved the plot's %1 batches as an animation to %2").arg(*frames).arg(path)
                                       : QString::fromStdString(frames.error().describe()),
                           8000);
    });
    dialog->open();
}

} // namespace tidemark::ui::ExportActions
