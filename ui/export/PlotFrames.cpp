// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/PlotFrames.h"

#include "ui/compute/ViewState.h"
#include "ui/plot/EventTimePlot.h"

#include <qcustomplot.h>

#include <QDir>

namespace tidemark::ui {

QString plotFrameName(int index) { return QStringLiteral("frame-%1.png").arg(index, 3, 10, QLatin1Char('0')); }

Result<int> writePlotFrames(const QString& dir, const SnapshotPtr& snapshot, QSize size)
{
    if (!snapshot || !snapshot->scenario)
        return Error::file(dir.toStdString(), "no scenario to draw");
    if (!QDir().mkpath(dir))
        return Error::file(dir.toStdString(), "cannot create the folder");
    // Laid out for real at the frame's size (the legend and labels place themselves by it),
    // never on screen. The first view fits the axes to the whole run: every frame shares them.
    EventTimePlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    plot.resize(size);
    plot.show();
    const int numBatches = ViewState::at(snapshot, 0).numBatches();
    if (numBatches == 0)
        return Error::file(dir.toStdString(), "the scenario runs no batch: there is no frame to draw");
    for (int i = 0; i < numBatches; ++i) {
        plot.setView(ViewState::at(snapshot, i));
        plot.replotNow();
        const QString path = QDir(dir).filePath(plotFrameName(i));
        if (!plot.customPlot()->savePng(path, size.width(), size.height(), 1.0))
            return Error::file(path.toStdString(), "cannot write the file");
    }
    return numBatches;
}

} // namespace tidemark::ui
