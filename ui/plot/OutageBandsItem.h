// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only: see ZonedTimeTicker.h.

#include <qcustomplot.h>

#include <algorithm>
#include <vector>

namespace tidemark::ui {

/// Outages of live input (the broker away) as cross-hatched bands over the processing-time
/// axis, each edged by solid lines and labelled near the top ("broker away · 30 s"), one line
/// below where the "now" label goes. Cross hatching, unlike the skipped ticks' single hatching,
/// so the two never read alike, also in grey. A band spans the whole event-time range.
class OutageBandsItem : public QCPAbstractItem
{
public:
    struct Band {
        double from = 0; ///< plot seconds
        double to = 0;
        QString label;
    };

    explicit OutageBandsItem(QCustomPlot* plot)
        : QCPAbstractItem(plot)
    {
        setSelectable(false);
    }

    void setBands(std::vector<Band> bands) { m_bands = std::move(bands); }
    const std::vector<Band>& bands() const { return m_bands; }
    void setColor(const QColor& c) { m_color = c; }
    void setLineWidth(double w) { m_width = w; }
    void setFont(const QFont& f) { m_font = f; }
    /// The pixel span [left, right] of band `i` as last drawn (for tests).
    std::pair<double, double> pixelSpan(std::size_t i) const
    {
        QCPAxis* x = parentPlot()->xAxis;
        return {x->coordToPixel(m_bands[i].from), x->coordToPixel(m_bands[i].to)};
    }

    double selectTest(const QPointF&, bool, QVariant*) const override { return -1; }

protected:
    void draw(QCPPainter* painter) override
    {
        QCPAxis* x = parentPlot()->xAxis;
        const QRect r = clipRect();
        for (const Band& b : m_bands) {
            const double a = x->coordToPixel(b.from);
            const double e = x->coordToPixel(b.to);
            const double left = std::min(a, e), right = std::max(a, e);
            if (right < r.left() || left > r.right())
                continue;
            QColor fill = m_color;
            fill.setAlpha(40);
            painter->fillRect(QRectF(QPointF(left, r.top()), QPointF(right, r.bottom())), fill);
            QColor hatch = m_color;
            hatch.setAlpha(110);
            painter->fillRect(QRectF(QPointF(left, r.top()), QPointF(right, r.bottom())), QBrush(hatch, Qt::DiagCrossPattern));
            painter->setPen(QPen(m_color, m_width * 1.5));
            painter->drawLine(QLineF(left, r.top(), left, r.bottom()));
            painter->drawLine(QLineF(right, r.top(), right, r.bottom()));
            if (b.label.isEmpty())
                continue;
            painter->setFont(m_font);
            const QFontMetricsF fm(m_font);
            const QSizeF size(fm.horizontalAdvance(b.label) + 8, fm.height() + 4);
            // Inside the band when it fits, else just right of its start.
            double lx = right - left >= size.width() ? left + (right - left - size.width()) / 2 : left + 3;
            lx = std::clamp(lx, static_cast<double>(r.left()) + 1, std::max(static_cast<double>(r.left()) + 1, r.right() - size.width() - 1));
            const QRectF box(QPointF(lx, r.top() + 1.6 * size.height()), size);
            painter->setPen(QPen(m_color, 1));
            painter->setBrush(QColor(255, 255, 255, 235));
            painter->drawRect(box);
            painter->setPen(m_color.darker(130));
            painter->drawText(box, Qt::AlignCenter, b.label);
        }
    }

private:
    std::vector<Band> m_bands;
    QColor m_color{0x4a, 0x14, 0x8c};
    double m_width = 1.0;
    QFont m_font;
};

} // namespace tidemark::ui
