// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/Storyboard.h"

#include "ui/compute/ViewState.h"
#include "ui/export/BatchPanels.h"
#include "ui/export/LessonNotes.h"
#include "ui/export/PagePainter.h"
#include "ui/export/StoryboardPage.h"
#include "ui/lessons/UiLanguage.h"

#include <QPageLayout>
#include <QPdfWriter>

namespace tidemark::ui {

namespace {
/// Points per inch of the page's coordinates: a pixel of the window is a unit of the page,
/// so the plot and the tables keep the proportions they have on screen.
constexpr int kPageDpi = 96;
/// The plot is laid out this much larger than its place on the page, then scaled down: more
/// of the run fits its axes at the window's font size.
constexpr qreal kPlotZoom = 1.3;
} // namespace

std::vector<OutputMode> storyboardModes(const Snapshot& snapshot)
{
    std::vector<OutputMode> modes;
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete})
        if (snapshot.has(m) && !snapshot.run(m).error)
            modes.push_back(m);
    if (modes.empty())
        modes.push_back(selectedMode(*snapshot.scenario));
    return modes;
}

Status writeStoryboard(const QString& path, const SnapshotPtr& snapshot, const StoryboardOptions& options)
{
    if (!snapshot || !snapshot->scenario)
        return Error::file(path.toStdString(), "no scenario to print");
    QPdfWriter writer(path);
    writer.setResolution(kPageDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(10, 9, 10, 9), QPageLayout::Millimeter));
    const QString title = options.title.isEmpty() ? QString::fromStdString(snapshot->scenario->title) : options.title;
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Tidemark"));
    const QRectF page(0, 0, writer.width(), writer.height());

    const QRectF plot = StoryboardPage::plotArea(page);
    BatchPanels panels(snapshot, (plot.size() * kPlotZoom).toSize());
    const int numBatches = panels.numBatches();
    if (numBatches == 0)
        return Error::file(path.toStdString(), "the scenario runs no batch: there is no page to print");
    const std::vector<QStringList> notes = options.lesson ? lessonNotesByBatch(*options.lesson, numBatches, uiLanguage())
                                                          : std::vector<QStringList>(static_cast<std::size_t>(numBatches));
    PagePainter painter(&writer);
    if (!painter.isActive())
        return Error::file(path.toStdString(), "cannot write the file");
    for (int i = 0; i < numBatches; ++i) {
        if (i > 0)
            writer.newPage();
        panels.showBatch(i);
        StoryboardPage(painter, page, options).paint(panels, i + 1, numBatches, notes[static_cast<std::size_t>(i)]);
    }
    painter.end();
    return {};
}

} // namespace tidemark::ui
