// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/FateMark.h"

#include "ui/Palette.h"

#include <qcustomplot.h>

#include <QPicture>

#include <algorithm>

namespace tidemark::ui {

QCPScatterStyle fateStyle(Fate fate, double size)
{
    const QColor c = palette::fateColor(fate);
    // A cosmetic (width 0) outline takes the raster engine's fast path; a wider one goes
    // through the stroker and doubles the cost of drawing 10,000 dots.
    const QPen outline(c.darker(125), 0);
    switch (fate) {
    case Fate::OnTime: return QCPScatterStyle(QCPScatterStyle::ssDisc, outline, c, size);
    case Fate::LateAccepted: return QCPScatterStyle(QCPScatterStyle::ssDiamond, outline, c, size * 1.25);
    case Fate::DroppedByWatermark: return QCPScatterStyle(QCPScatterStyle::ssCross, QPen(c, std::max(2.5, size / 3.0)), Qt::NoBrush, size * 1.3);
    case Fate::Duplicate: return QCPScatterStyle(QCPScatterStyle::ssSquare, outline, c, size * 0.9);
    case Fate::Filtered: return QCPScatterStyle(QCPScatterStyle::ssTriangle, outline, c, size);
    case Fate::NullEventTime: return QCPScatterStyle(QCPScatterStyle::ssStar, QPen(c, 2), Qt::NoBrush, size);
    // "never read" is a circled cross, apart from the plain ring of "not read yet".
    case Fate::Unconsumed: return QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QPen(c, 1.5), Qt::NoBrush, size * 1.1);
    }
    return {};
}

void paintFateMark(QPainter& painter, Fate fate, QPointF centre, double size)
{
    QCPScatterStyle style = fateStyle(fate, size);
    // The cross's stroke is sized for a screen dot; scaled down with the mark so it stays a cross.
    if (fate == Fate::DroppedByWatermark) {
        style.setPen(QPen(style.pen().color(), std::max(1.0, size / 5.0)));
        style.setSize(size);
    }
    // QCustomPlot draws shapes only through its own painter: record them, then replay the
    // recording with any painter (vector output stays vector in a PDF).
    QPicture picture;
    {
        QCPPainter recorder(&picture);
        recorder.setRenderHint(QPainter::Antialiasing);
        style.applyTo(&recorder, style.pen());
        style.drawShape(&recorder, 0, 0);
    }
    painter.drawPicture(centre, picture);
}

} // namespace tidemark::ui
