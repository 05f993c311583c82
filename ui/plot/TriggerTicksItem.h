// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only: see ZonedTimeTicker.h.

#include "engine/record/BatchRecord.h"
#include "ui/Palette.h"
#include "ui/compute/PlotTime.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace tidemark::ui {

/// The trigger ticks as vertical lines: data batches solid, no-data batches dashed, skipped
/// ticks dotted. Only what is visible is drawn, at most one line per few pixels, and a run of
/// skipped ticks too dense to tell apart becomes a light hatched band: a 1-second trigger
/// over a day is 86,400 ticks.
class TriggerTicksItem : public QCPAbstractItem
{
public:
    enum class Kind : std::uint8_t { Data, NoData, Skipped };
    struct Tick {
        double time = 0; ///< plot seconds
        Kind kind = Kind::Data;
        std::int64_t count = 1;
        double step = 0; ///< plot seconds between merged skipped ticks
    };

    explicit TriggerTicksItem(QCustomPlot* plot)
        : QCPAbstractItem(plot)
    {
        setSelectable(false);
    }

    void setTicks(std::vector<Tick> ticks) { m_ticks = std::move(ticks); }
    void setLineWidth(double w) { m_width = w; }

    /// How many lines the last draw() drew (for the benchmark and tests).
    int numDrawnLines() const { return m_drawn; }

    double selectTest(const QPointF&, bool, QVariant*) const override { return -1; }

protected:
    void draw(QCPPainter* painter) override
    {
        m_drawn = 0;
        QCPAxis* x = parentPlot()->xAxis;
        const QRect r = clipRect();
        const QCPRange vis = x->range();
        constexpr double kMinGapPx = 5.0;
        constexpr int kMaxLines = 4000;
        double lastPx[3] = {-1e9, -1e9, -1e9};
        // Dense batch lines fade, so hundreds of batches read as a texture, not a wall.
        int visibleBatches = 0;
        for (const Tick& t : m_ticks)
            visibleBatches += t.kind != Kind::Skipped && t.time >= vis.lower && t.time <= vis.upper ? 1 : 0;
        const double spacing = r.width() / std::max(1, visibleBatches);
        const double fade = std::clamp(spacing / 24.0, 0.25, 1.0);
        // Collected per kind and drawn with one pen each: hundreds of lines, three pens.
        std::array<QVector<QLineF>, 3> lines;
        for (const Tick& t : m_ticks) {
            const auto k = static_cast<std::size_t>(t.kind);
            if (t.count <= 1 || !(t.step > 0)) {
                if (t.time < vis.lower || t.time > vis.upper)
                    continue;
                const double px = x->coordToPixel(t.time);
                if (std::abs(px - lastPx[k]) < kMinGapPx || m_drawn >= kMaxLines)
                    continue;
                lines[k].append(QLineF(px, r.top(), px, r.bottom()));
                lastPx[k] = px;
                ++m_drawn;
                continue;
            }
            // A run of skipped ticks: t.time, t.time + step, ... (count of them).
            const double end = t.time + t.step * static_cast<double>(t.count - 1);
            if (end < vis.lower || t.time > vis.upper)
                continue;
            const double spacingPx = std::abs(x->coordToPixel(t.time + t.step) - x->coordToPixel(t.time));
            if (spacingPx < kMinGapPx * 2) {
                const double a = x->coordToPixel(std::max(t.time, vis.lower));
                const double b = x->coordToPixel(std::min(end, vis.upper));
                QColor c = palette::skippedTickColor();
                c.setAlpha(70);
                painter->fillRect(QRectF(QPointF(std::min(a, b), r.top()), QPointF(std::max(a, b), r.bottom())), QBrush(c, Qt::BDiagPattern));
                continue;
            }
            const auto first = static_cast<std::int64_t>(std::max(0.0, std::ceil((vis.lower - t.time) / t.step)));
            const auto last = std::min(t.count - 1, static_cast<std::int64_t>(std::floor((vis.upper - t.time) / t.step)));
            for (std::int64_t i = first; i <= last && m_drawn < kMaxLines; ++i) {
                const double px = x->coordToPixel(t.time + t.step * static_cast<double>(i));
                lines[k].append(QLineF(px, r.top(), px, r.bottom()));
                ++m_drawn;
            }
        }
        for (Kind kind : {Kind::Data, Kind::NoData, Kind::Skipped}) {
            const auto k = static_cast<std::size_t>(kind);
            if (lines[k].isEmpty())
                continue;
            QPen pen = penFor(kind);
            if (kind != Kind::Skipped) {
                QColor c = pen.color();
                c.setAlphaF(static_cast<float>(c.alphaF() * fade));
                pen.setColor(c);
            }
            painter->setPen(pen);
            painter->drawLines(lines[k]);
        }
    }

private:
    QPen penFor(Kind k) const
    {
        switch (k) {
        case Kind::Data: {
            QColor c = palette::dataBatchColor();
            c.setAlpha(150);
            return QPen(c, m_width, Qt::SolidLine);
        }
        case Kind::NoData: return QPen(palette::noDataBatchColor(), m_width, Qt::DashLine);
        case Kind::Skipped: return QPen(palette::skippedTickColor(), m_width, Qt::DotLine);
        }
        return {};
    }

    std::vector<Tick> m_ticks;
    double m_width = 1.0;
    int m_drawn = 0;
};

} // namespace tidemark::ui
