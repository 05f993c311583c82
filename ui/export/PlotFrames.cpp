// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/PlotFrames.h"

#include "ui/compute/ViewState.h"
#include "ui/export/GifWriter.h"
#include "ui/plot/EventTimePlot.h"

#include <qcustomplot.h>

#include <QDir>

#include <functional>

namespace tidemark::ui {

namespace {

/// Draws the plot at every batch and hands each picture to `take` (which returns false to stop
/// on an error). The plot is laid out for real at the frame's size (the legend and labels
/// place themselves by it), never on screen; the first view fits the axes to the whole run,
/// so every frame shares them.
Result<int> forEachFrame(const SnapshotPtr& snapshot, QSize size, const std::string& where, const std::function<bool(const QImage&, int, int)>& take)
{
    if (!snapshot || !snapshot->scenario)
        return Error::file(where, "no scenario to draw");
    const int numBatches = ViewState::at(snapshot, 0).numBatches();
    if (numBatches == 0)
        return Error::file(where, "the scenario runs no batch: there is no frame to draw");
    EventTimePlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    plot.resize(size);
    plot.setLegendFoldable(false); // a slide cannot be clicked
    plot.show();
    for (int i = 0; i < numBatches; ++i) {
        plot.setView(ViewState::at(snapshot, i));
        plot.replotNow();
        if (!take(plot.customPlot()->toPixmap(size.width(), size.height(), 1.0).toImage(), i, numBatches))
            return Error::file(where, "cannot write the file");
    }
    return numBatches;
}

} // namespace

QString plotFrameName(int index) { return QStringLiteral("frame-%1.png").arg(index, 3, 10, QLatin1Char('0')); }

Result<int> writePlotFrames(const QString& dir, const SnapshotPtr& snapshot, QSize size)
{
    if (!QDir().mkpath(dir))
        return Error::file(dir.toStdString(), "cannot create the folder");
    return forEachFrame(snapshot, size, dir.toStdString(),
                        [&](const QImage& image, int index, int) { return image.save(QDir(dir).filePath(plotFrameName(index)), "PNG"); });
}

Result<int> writePlotGif(const QString& path, const SnapshotPtr& snapshot, QSize size, int delayMs)
{
    GifWriter gif(path);
    if (!gif.begin(size))
        return Error::file(path.toStdString(), "cannot write the file: " + gif.errorString().toStdString());
    auto frames = forEachFrame(snapshot, size, path.toStdString(), [&](const QImage& image, int index, int count) {
        return gif.addFrame(image, index + 1 == count ? 3 * delayMs : delayMs);
    });
    if (!gif.finish() && frames.ok())
        return Error::file(path.toStdString(), "cannot write the file: " + gif.errorString().toStdString());
    return frames;
}

} // namespace tidemark::ui
