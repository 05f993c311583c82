// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only: see ZonedTimeTicker.h.

#include "ui/Palette.h"
#include "ui/compute/PlotTime.h"
#include "ui/compute/Snapshot.h"

#include <qcustomplot.h>

#include <functional>
#include <optional>

namespace tidemark::ui {

/// The aggregation's windows as bars along the event-time axis, in lanes at the left edge of
/// the plot (overlapping sliding windows take separate lanes), coloured by their state at the
/// current batch, labelled (key and range) where a bar is tall enough. Sessions show as they
/// were at the batch: one that merged into a longer one is dashed in that batch and gone after.
/// The window under the mouse is also shown as a faint band across the plot, so its end can be
/// compared with the watermark line.
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
    /// A window a lesson points at: a band across the plot until the lesson moves on.
    void setPinned(std::optional<TimeRange> range) { m_pinned = range; }
    std::optional<TimeRange> pinned() const { return m_pinned; }
    std::optional<std::size_t> highlighted() const { return m_highlight; }
    void setLaneWidth(double w) { m_laneWidth = w; }
    void setLabelFont(const QFont& font) { m_font = font; }
    /// How a bar is labelled ("민준 09:00–09:07").
    void setLabelText(std::function<QString(const WindowLife&)> text) { m_labelText = std::move(text); }
    /// The labels the last draw() wrote.
    const QStringList& drawnLabels() const { return m_drawnLabels; }

    /// Width of the lanes in pixels (the plot keeps its data clear of them).
    double gutterWidth() const { return m_view && m_view->numLanes > 0 ? kLeft + m_view->numLanes * (m_laneWidth + kGap) : 0; }

    /// Width the labels need right of the lanes (the plot keeps its data clear of them too).
    double labelsWidth() const
    {
        if (!m_view || !m_labelText || m_view->windows.empty())
            return 0;
        const QFontMetricsF fm(m_font);
        double widest = 0;
        for (const WindowLife& w : m_view->windows)
            widest = std::max(widest, fm.horizontalAdvance(m_labelText(w)) + 8);
        return std::min(widest, std::min(fm.horizontalAdvance(QLatin1Char('M')) * 24.0, clipRect().width() * 0.3));
    }

    /// The window whose bar is at `pos`, if any.
    std::optional<std::size_t> windowAt(const QPointF& pos) const
    {
        if (!m_view)
            return std::nullopt;
        for (std::size_t i = 0; i < m_view->windows.size(); ++i) {
            const WindowLife& w = m_view->windows[i];
            if (!shows(w.stateAt(m_batch)))
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
        if (m_pinned) {
            // Purple: no fate or window state uses it, so it reads as "look here".
            const QColor pin(0x6A, 0x3D, 0x9A);
            QCPAxis* y = parentPlot()->yAxis;
            const double top = y->coordToPixel(toPlotSeconds(m_pinned->end));
            const double bottom = y->coordToPixel(toPlotSeconds(m_pinned->start));
            QColor fill = pin;
            fill.setAlpha(36);
            painter->fillRect(QRectF(QPointF(clip.left(), top), QPointF(clip.right(), bottom)), fill);
            painter->setPen(QPen(pin, 2, Qt::DashLine));
            painter->drawLine(QLineF(clip.left(), top, clip.right(), top));
            painter->drawLine(QLineF(clip.left(), bottom, clip.right(), bottom));
        }
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
        std::vector<Label> labels;
        for (const WindowLife& w : m_view->windows) {
            const auto state = w.stateAt(m_batch);
            if (!shows(state))
                continue;
            const QRectF bar = barRect(w);
            if (bar.bottom() < clip.top() || bar.top() > clip.bottom())
                continue;
            if (state == WindowLife::State::Merged) {
                painter->setPen(QPen(colorFor(state), 1.5, Qt::DashLine));
                painter->setBrush(Qt::NoBrush);
            } else {
                QColor fill = colorFor(state);
                fill.setAlpha(state == WindowLife::State::Evicted ? 150 : 215);
                painter->setPen(QPen(fill.darker(130), 1));
                painter->setBrush(fill);
            }
            painter->drawRoundedRect(bar.adjusted(0, 1, 0, -1), 3, 3);
            if (m_labelText && state != WindowLife::State::Evicted)
                labels.push_back({bar, &w, state == WindowLife::State::Merged});
        }
        drawLabels(painter, labels);
    }

    /// A bar that may be labelled. Its text is made only once the bar is known to be tall
    /// enough: zoomed out over thousands of events, most are not.
    struct Label {
        QRectF bar;
        const WindowLife* window = nullptr;
        bool merged = false;
    };

    /// Labels right of the lanes, each beside its bar where the bar is tall enough and no
    /// label above took the place; what does not fit is in the bar's tooltip.
    void drawLabels(QCPPainter* painter, const std::vector<Label>& labels)
    {
        m_drawnLabels.clear();
        const QFontMetricsF fm(m_font);
        const double x = clipRect().left() + gutterWidth() + 2;
        const double maxWidth = std::min(fm.horizontalAdvance(QLatin1Char('M')) * 24.0, clipRect().width() * 0.3);
        std::vector<QRectF> taken;
        painter->setFont(m_font);
        for (const auto& l : labels) {
            if (l.bar.height() < fm.height() * 0.9)
                continue;
            const QString full = l.merged ? QCoreApplication::translate("WindowBandsItem", "%1 → merged").arg(m_labelText(*l.window)) : m_labelText(*l.window);
            const QString text = fm.elidedText(full, Qt::ElideRight, maxWidth);
            QRectF box(x, l.bar.center().y() - fm.height() / 2, fm.horizontalAdvance(text) + 6, fm.height());
            box.moveTop(std::clamp(box.top(), l.bar.top(), l.bar.bottom() - box.height()));
            if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& r) { return r.intersects(box); }))
                continue;
            taken.push_back(box);
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(255, 255, 255, 200));
            painter->drawRoundedRect(box, 2, 2);
            painter->setPen(QColor(0x30, 0x30, 0x30));
            painter->drawText(box.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
            m_drawnLabels << text;
        }
    }

private:
    static constexpr double kLeft = 6;
    static constexpr double kGap = 3;

    static bool shows(WindowLife::State s) { return s != WindowLife::State::NotYet && s != WindowLife::State::Gone; }

    static QColor colorFor(WindowLife::State s)
    {
        switch (s) {
        case WindowLife::State::Merged:
        case WindowLife::State::Open: return palette::windowOpenColor();
        case WindowLife::State::Emitted: return palette::windowEmittedColor();
        case WindowLife::State::Evicted: return palette::windowEvictedColor();
        case WindowLife::State::NotYet:
        case WindowLife::State::Gone: break;
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
    std::optional<TimeRange> m_pinned;
    double m_laneWidth = 10;
    QFont m_font;
    std::function<QString(const WindowLife&)> m_labelText;
    QStringList m_drawnLabels;
};

} // namespace tidemark::ui
