// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only: see ZonedTimeTicker.h.

#include "ui/compute/PlotTime.h"
#include "ui/plot/RestartMarks.h"

#include <qcustomplot.h>

#include <algorithm>

namespace tidemark::ui {

/// The query's down time between a stop and its restart from the checkpoint, as a band over
/// processing time filled with horizontal lines (the outages' cross hatching and the skipped
/// ticks' single hatching read differently, also in grey) and edged by dashed lines, labelled
/// near the bottom ("query stopped", or the crash and its uncommitted batch). A batch a crash
/// made run again is a dash-dot line at its second trigger, labelled "batch N again" on its left.
class RestartDowntimeItem : public QCPAbstractItem
{
public:
    explicit RestartDowntimeItem(QCustomPlot* plot)
        : QCPAbstractItem(plot)
    {
        setSelectable(false);
    }

    void setMarks(RestartMarks marks) { m_marks = std::move(marks); }
    const RestartMarks& marks() const { return m_marks; }
    void setColor(const QColor& c) { m_color = c; }
    void setLineWidth(double w) { m_width = w; }
    void setFont(const QFont& f) { m_font = f; }
    /// The pixel span [left, right] of down time `i` as last drawn (for tests).
    std::pair<double, double> pixelSpan(std::size_t i) const
    {
        QCPAxis* x = parentPlot()->xAxis;
        return {x->coordToPixel(toPlotSeconds(m_marks.downTimes[i].stopAt)), x->coordToPixel(toPlotSeconds(m_marks.downTimes[i].restartAt))};
    }

    /// The pen and brush of the legend's swatches: the band's hatching, the rerun's line.
    QBrush bandBrush() const { return QBrush(m_color, Qt::HorPattern); }
    QPen rerunPen(double width) const { return QPen(m_color, width, Qt::DashDotLine); }

    double selectTest(const QPointF&, bool, QVariant*) const override { return -1; }

protected:
    void draw(QCPPainter* painter) override
    {
        QCPAxis* x = parentPlot()->xAxis;
        const QRect r = clipRect();
        const QFontMetricsF fm(m_font);
        const double rowHeight = fm.height() + 4;
        painter->setFont(m_font);
        for (const RestartMarks::DownTime& d : m_marks.downTimes) {
            const double a = x->coordToPixel(toPlotSeconds(d.stopAt));
            const double e = x->coordToPixel(toPlotSeconds(d.restartAt));
            const double left = std::min(a, e), right = std::max(a, e);
            if (right < r.left() || left > r.right())
                continue;
            const QRectF band(QPointF(left, r.top()), QPointF(right, r.bottom()));
            QColor fill = m_color;
            fill.setAlpha(28);
            painter->fillRect(band, fill);
            QColor hatch = m_color;
            hatch.setAlpha(120);
            painter->fillRect(band, QBrush(hatch, Qt::HorPattern));
            painter->setPen(QPen(m_color, m_width * 1.5, Qt::DashLine));
            painter->drawLine(QLineF(left, r.top(), left, r.bottom()));
            painter->drawLine(QLineF(right, r.top(), right, r.bottom()));
            // One row above the bottom: the bottom row is the rerun's label.
            drawLabel(painter, d.label, left, right, r.bottom() - 2.4 * rowHeight, r);
        }
        for (const RestartMarks::Rerun& b : m_marks.reruns) {
            const double px = x->coordToPixel(toPlotSeconds(b.at));
            if (px < r.left() - 1 || px > r.right() + 1)
                continue;
            painter->setPen(rerunPen(m_width * 2.5));
            painter->drawLine(QLineF(px, r.top(), px, r.bottom()));
            // Left of the line: the batch runs at "now", and right of it lies the greyed future.
            const double width = fm.horizontalAdvance(b.label) + 8;
            drawLabel(painter, b.label, px - width - 3, px - width - 3, r.bottom() - 1.2 * rowHeight, r);
        }
    }

private:
    /// A boxed label centred in [left, right] when it fits, else starting just right of `left`.
    void drawLabel(QCPPainter* painter, const QString& text, double left, double right, double top, const QRect& r) const
    {
        if (text.isEmpty())
            return;
        const QFontMetricsF fm(m_font);
        const QSizeF size(fm.horizontalAdvance(text) + 8, fm.height() + 4);
        double lx = right - left >= size.width() ? left + (right - left - size.width()) / 2 : left + 3;
        lx = std::clamp(lx, static_cast<double>(r.left()) + 1, std::max(static_cast<double>(r.left()) + 1, r.right() - size.width() - 1));
        const QRectF box(QPointF(lx, top), size);
        painter->setPen(QPen(m_color, 1));
        painter->setBrush(QColor(255, 255, 255, 235));
        painter->drawRect(box);
        painter->setPen(m_color.darker(120));
        painter->drawText(box, Qt::AlignCenter, text);
    }

    RestartMarks m_marks;
    QColor m_color{0x5a, 0x3e, 0x1b}; // dark brown: apart from the outages' purple and the palette's fates
    double m_width = 1.0;
    QFont m_font;
};

} // namespace tidemark::ui
