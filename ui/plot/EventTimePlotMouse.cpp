// SPDX-License-Identifier: GPL-3.0-or-later
// EventTimePlot, the mouse: find the dot under it, add an event with a click, move one by
// dragging, explain what is hovered. (Kept apart from the drawing so each file stays short.)
#include "ui/plot/EventTimePlot.h"

#include "ui/compute/PlotTime.h"
#include "ui/document/CellText.h"
#include "ui/inspector/Explanations.h"
#include "ui/plot/WindowBandsItem.h"

#include <qcustomplot.h>

#include <QToolTip>

namespace tidemark::ui {

std::optional<std::uint32_t> EventTimePlot::eventAt(const QPointF& pixel) const
{
    if (!m_view.snapshot)
        return std::nullopt;
    const double radius = m_presentation ? 14 : 9;
    double best = radius * radius;
    std::optional<std::uint32_t> found;
    const auto& points = m_view.snapshot->view(m_view.driving).points;
    const QCPAxis* x = m_plot->xAxis;
    const QCPAxis* y = m_plot->yAxis;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double dx = x->coordToPixel(points[i].at) - pixel.x();
        const double dy = y->coordToPixel(points[i].drawnY()) - pixel.y();
        const double d = dx * dx + dy * dy;
        if (d <= best) {
            best = d;
            found = static_cast<std::uint32_t>(i);
        }
    }
    return found;
}

std::pair<Micros, Micros> EventTimePlot::timesAt(const QPointF& pixel) const
{
    const Micros at = fromPlotSeconds(m_plot->xAxis->pixelToCoord(pixel.x()));
    const Micros t = fromPlotSeconds(m_plot->yAxis->pixelToCoord(pixel.y()));
    return {snapPickedTime(at, fromPlotSeconds(m_plot->xAxis->range().size())), snapPickedTime(t, fromPlotSeconds(m_plot->yAxis->range().size()))};
}

void EventTimePlot::onPress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_view.snapshot || !m_plot->axisRect()->rect().contains(event->pos())) {
        m_press.reset();
        return;
    }
    Press press;
    press.pos = event->position();
    press.event = eventAt(press.pos);
    // Dragging a dot moves the event; dragging empty space pans.
    m_plot->setInteraction(QCP::iRangeDrag, !press.event);
    m_press = press;
}

void EventTimePlot::onMove(QMouseEvent* event)
{
    if (m_press && (event->buttons() & Qt::LeftButton)) {
        if (!m_press->event)
            return;
        if (!m_press->dragging && (event->position() - m_press->pos).manhattanLength() < 4)
            return;
        if (!m_press->dragging) {
            m_press->dragging = true;
            m_press->gesture = ++m_gestures;
        }
        const auto [at, t] = timesAt(event->position());
        emit eventDragged(*m_press->event, at, t, m_press->gesture);
        return;
    }
    if (!m_view.snapshot || event->buttons() != Qt::NoButton)
        return;
    // Hover: the window under the mouse, else the event under it.
    const auto window = m_windows->windowAt(event->position());
    m_windows->setHighlighted(window);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    const QPoint global = event->globalPosition().toPoint();
    if (window) {
        const WindowLife& w = m_view.snapshot->view(m_view.driving).windows[*window];
        QString state;
        switch (w.stateAt(m_view.batch)) {
        case WindowLife::State::Open: state = tr("open: in state, waiting for the watermark to pass its end"); break;
        case WindowLife::State::Emitted: state = tr("emitted to the sink in this batch"); break;
        case WindowLife::State::Evicted: state = tr("evicted: the watermark passed its end; rows for it are now late"); break;
        case WindowLife::State::Merged: state = tr("merged in this batch into a longer session of its key"); break;
        case WindowLife::State::NotYet:
        case WindowLife::State::Gone: break;
        }
        QToolTip::showText(global, tr("%1\n%2\nClick for its life.").arg(windowLabel(w), state), m_plot);
        return;
    }
    if (auto e = eventAt(event->position())) {
        QToolTip::showText(global, explainEvent(m_view, *e), m_plot);
        return;
    }
    QToolTip::hideText();
}

void EventTimePlot::onRelease(QMouseEvent* event)
{
    m_plot->setInteraction(QCP::iRangeDrag, true);
    if (!m_press || event->button() != Qt::LeftButton)
        return;
    const Press press = *m_press;
    m_press.reset();
    if (press.dragging) {
        emit dragFinished();
        return;
    }
    if ((event->position() - press.pos).manhattanLength() >= 4) {
        stopFollowing(); // a pan: the view is the user's now
        return;
    }
    const QPoint global = event->globalPosition().toPoint();
    if (press.event) {
        emit eventClicked(*press.event, global);
        return;
    }
    if (auto w = m_windows->windowAt(press.pos)) {
        emit windowClicked(m_view.snapshot->view(m_view.driving).windows[*w].range, global);
        return;
    }
    const auto [at, t] = timesAt(press.pos);
    emit addEventRequested(at, t);
}

} // namespace tidemark::ui
