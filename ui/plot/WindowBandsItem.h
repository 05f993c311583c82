// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only: see ZonedTimeTicker.h.

#include "ui/Palette.h"
#include "ui/compute/PlotTime.h"
#include "ui/compute/Snapshot.h"

#include <qcustomplot.h>

#include <optional>

namespace tidemark::ui {

/// The aggregation's windows as bars along the event-time axis, in lanes at the left edge of
/// the plot (overlapping sliding windows take separate lanes), coloured by their state at the
/// current batch. The window under the mouse is also shown as a faint band across the plot,
/// so its end can be compared with the watermark line.
class WindowBandsItem : public QCPAbstractItem
{
public:
    explicit WindowBandsItem(QCustomPlot* plot)
        : QCPAbstractItem(plot)
    {
        setSelectable(false);
    }

    /// `view` must outlive the next draw (the plot keeps its snapshot).
    void setWindows(const ModeView* view, int batch)
    {
        m_view = view;
        m_batch = batch;
    }
    void setHighlighted(std::optional<std::size_t> index) { m_highlight = index; }
    void setLaneWidth(double w) { m_laneWidth = w; }

    /// Width of the lanes in pixels (the plot keeps its data clear of them).
    double gutterWidth() const { return m_view && m_view->numLanes > 0 ? kLeft + m_view->numLanes * (m_laneWidth + kGap) : 0; }

    /// The window whose bar is at `pos`, if any.
    std::optional<std::size_t> windowAt(const QPointF& pos) const
    {
        if (!m_view)
            return std::nullopt;
        for (std::size_t i = 0; i < m_view->windows.size(); ++i) {
            const WindowLife& w = m_view->windows[i];
            if (w.stateAt(m_batch) == WindowLife::State::NotYet)
                continue;
            if (barRect(w).adjusted(-2, -1, 2, 1).contains(pos))
                return i;
        }
        return std::nullopt;
    }

    double selectTest(const QPointF&, bool, QVariant*) const override { return -1; }

protected:
    void draw(QCPPainter* painter) override
    {
        if (!m_view)
            return;
        const QRect clip = clipRect();
        if (m_highlight && *m_highlight < m_view->windows.size()) {
            const WindowLife& w = m_view->windows[*m_highlight];
            const QRectF bar = barRect(w);
            QColor c = colorFor(w.stateAt(m_batch));
            c.setAlpha(28);
            painter->fillRect(QRectF(QPointF(clip.left(), bar.top()), QPointF(clip.right(), bar.bottom())), c);
            QPen edge(c.darker(), 1, Qt::DashLine);
            edge.setColor(colorFor(w.stateAt(m_batch)));
            painter->setPen(edge);
            painter->drawLine(QLineF(clip.left(), bar.top(), clip.right(), bar.top()));
            painter->drawLine(QLineF(clip.left(), bar.bottom(), clip.right(), bar.bottom()));
        }
        painter->setRenderHint(QPainter::Antialiasing, true);
        for (const WindowLife& w : m_view->windows) {
            const auto state = w.stateAt(m_batch);
            if (state == WindowLife::State::NotYet)
                continue;
            const QRectF bar = barRect(w);
            if (bar.bottom() < clip.top() || bar.top() > clip.bottom())
                continue;
            QColor fill = colorFor(state);
            fill.setAlpha(state == WindowLife::State::Evicted ? 150 : 215);
            painter->setPen(QPen(fill.darker(130), 1));
            painter->setBrush(fill);
            painter->drawRoundedRect(bar.adjusted(0, 1, 0, -1), 3, 3);
        }
    }

private:
    static constexpr double kLeft = 6;
    static constexpr double kGap = 3;

    static QColor colorFor(WindowLife::State s)
    {
        switch (s) {
        case WindowLife::State::Open: return palette::windowOpenColor();
        case WindowLife::State::Emitted: return palette::windowEmittedColor();
        case WindowLife::State::Evicted: return palette::windowEvictedColor();
        case WindowLife::State::NotYet: break;
        }
        return Qt::transparent;
    }

    QRectF barRect(const WindowLife& w) const
    {
        QCPAxis* y = parentPlot()->yAxis;
        const double top = y->coordToPixel(toPlotSeconds(w.range.end));
        const double bottom = y->coordToPixel(toPlotSeconds(w.range.start));
        const double left = clipRect().left() + kLeft + w.lane * (m_laneWidth + kGap);
        return QRectF(QPointF(left, std::min(top, bottom)), QPointF(left + m_laneWidth, std::max(top, bottom)));
    }

    const ModeView* m_view = nullptr;
    int m_batch = -1;
    std::optional<std::size_t> m_highlight;
    double m_laneWidth = 10;
};

} // namespace tidemark::ui
