// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only: see ZonedTimeTicker.h.

#include <qcustomplot.h>

#include <vector>

namespace tidemark::ui {

/// Matched join partners as thin lines from one dot to the other. The inputs' dots stand in
/// lanes a few pixels left and right of their arrival time, so the line is drawn between the
/// lanes in pixels (at any zoom), not between the data points, which for rows that arrive
/// together would hide under the trigger line.
class JoinPairsItem : public QCPAbstractItem
{
public:
    struct End {
        double at = 0;        ///< plot seconds
        double eventTime = 0; ///< plot seconds
        double lane = 0;      ///< pixels right of the arrival time (negative: left)
    };

    explicit JoinPairsItem(QCustomPlot* plot)
        : QCPAbstractItem(plot)
    {
        setSelectable(false);
    }

    void setPairs(std::vector<std::pair<End, End>> pairs) { m_pairs = std::move(pairs); }
    void setPen(const QPen& pen) { m_pen = pen; }
    std::size_t numPairs() const { return m_pairs.size(); }

    double selectTest(const QPointF&, bool, QVariant*) const override { return -1; }

protected:
    void draw(QCPPainter* painter) override
    {
        QCPAxis* x = parentPlot()->xAxis;
        QCPAxis* y = parentPlot()->yAxis;
        painter->setPen(m_pen);
        painter->setRenderHint(QPainter::Antialiasing, true);
        const auto pixel = [&](const End& e) { return QPointF(x->coordToPixel(e.at) + e.lane, y->coordToPixel(e.eventTime)); };
        for (const auto& [a, b] : m_pairs)
            painter->drawLine(QLineF(pixel(a), pixel(b)));
    }

private:
    std::vector<std::pair<End, End>> m_pairs;
    QPen m_pen;
};

} // namespace tidemark::ui
