// SPDX-License-Identifier: GPL-3.0-or-later
// EventTimePlot, the legend and the axes' room: which entries show, where the legend goes
// (right of the data, or above it in columns, folded where it would crowd), and as many
// ticks as their labels fit.
#include "ui/plot/EventTimePlot.h"

#include "ui/Palette.h"
#include "ui/plot/RestartDowntimeItem.h"
#include "ui/plot/WindowBandsItem.h"

#include <qcustomplot.h>

#include <QFontMetrics>

#include <algorithm>

namespace tidemark::ui {

std::vector<std::pair<QCPAbstractPlottable*, QString>> EventTimePlot::legendEntries() const
{
    std::vector<std::pair<QCPAbstractPlottable*, QString>> entries;
    const auto add = [&](QCPAbstractPlottable* p) { entries.emplace_back(p, p->name()); };
    const auto& view = m_view.snapshot->view(m_view.driving);
    const bool inputs = !m_inputGraphs.empty();
    const bool eventTimes = std::any_of(view.points.begin(), view.points.end(), [](const EventPoint& p) { return p.hasEventTime; });
    for (QCPGraph* g : m_inputGraphs)
        add(g);
    for (Fate f : palette::kFates) {
        // With several inputs, on-time and late rows are drawn in their input's colour.
        // On time, late and dropped are always explained, where there are event times at all.
        const bool always = f == Fate::OnTime || f == Fate::LateAccepted || f == Fate::DroppedByWatermark;
        const bool shown = inputs && (f == Fate::OnTime || f == Fate::LateAccepted) ? false
                                                                                     : m_fatePresent[static_cast<std::size_t>(f)] || (always && eventTimes);
        if (shown)
            add(m_fateGraphs[static_cast<std::size_t>(f)]);
    }
    const bool partial = std::any_of(view.points.begin(), view.points.end(), [](const EventPoint& p) { return p.partlyDropped(); });
    if (partial)
        add(m_partialGraph);
    if (std::any_of(view.points.begin(), view.points.end(), [](const EventPoint& p) { return !p.hasEventTime && p.fate != Fate::NullEventTime; }))
        add(m_noTimeGraph);
    add(m_pendingGraph);
    if (m_view.hidesOutcome())
        add(m_hiddenFateGraph);
    if (!view.joinPairs.empty())
        add(m_pairCurve);
    if (std::any_of(view.points.begin(), view.points.end(), [](const EventPoint& p) { return p.nullOutputBatch >= 0; }))
        add(m_nullOutputGraph);
    if (!m_maxEventGraph->data()->isEmpty())
        add(m_maxEventGraph);
    if (m_hasWatermark) {
        add(m_watermarkGraph);
        for (QCPGraph* g : m_inputWatermarkGraphs)
            add(g);
        for (QCPGraph* g : m_operatorWatermarkGraphs)
            add(g);
        add(m_batchWatermarkGraph);
        add(m_nextWatermarkGraph);
    }
    add(m_legendData);
    if (m_hasNoData)
        add(m_legendNoData);
    if (m_hasSkipped)
        add(m_legendSkipped);
    if (!m_outages.empty())
        add(m_legendOutage);
    if (!m_restarts->marks().downTimes.empty())
        add(m_legendDownTime);
    if (!m_restarts->marks().reruns.empty())
        add(m_legendRerun);
    if (!view.windows.empty()) {
        add(m_legendOpen);
        add(m_legendEmitted);
        add(m_legendEvicted);
        if (std::any_of(view.windows.begin(), view.windows.end(), [](const WindowLife& w) { return w.merged; }))
            add(m_legendMerged);
    }
    return entries;
}

void EventTimePlot::rebuildLegend()
{
    QCPLegend* legend = m_plot->legend;
    legend->clearItems();
    m_legendEntries = legendEntries();
    for (const auto& entry : m_legendEntries)
        entry.first->addToLegend(legend);
    placeLegend();
    m_legendIsFolded = false;
    if (m_legendRight)
        return;
    if (!m_legendFoldable) { // paper or a slide: all of it, and nothing that asks for a click
        applyLegendWrap();
        return;
    }
    // Above the data, the legend may not take more than a fifth of a short plot's height:
    // then it starts folded to one line, and a click on it unfolds it (or folds it again).
    // (A plot not on screen, as for an export, keeps it unfolded.)
    int entries = 0;
    for (int i = 0; i < legend->itemCount(); ++i)
        entries += legend->item(i) ? 1 : 0;
    const int rows = (entries + std::max(1, legend->wrap()) - 1) / std::max(1, legend->wrap());
    const int rowHeight = std::max(legend->iconSize().height(), QFontMetrics(legend->font()).height()) + legend->rowSpacing() + 2;
    const bool folded = m_legendFolded.value_or(m_plot->isVisible() && rows * rowHeight > m_plot->height() / 5);
    m_legendIsFolded = folded;
    if (folded) {
        legend->clearItems();
        m_legendToggle->setName(tr("▸ legend (%1 entries): click to show").arg(entries));
    } else {
        m_legendToggle->setName(tr("▾ hide the legend"));
    }
    m_legendToggle->addToLegend(legend);
    applyLegendWrap();
}

void EventTimePlot::setLegendFolded(bool folded)
{
    m_legendFolded = folded;
    if (m_view.snapshot)
        rebuildLegend();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool EventTimePlot::legendFolded() const { return m_legendIsFolded; }

void EventTimePlot::setLegendFoldable(bool foldable)
{
    m_legendFoldable = foldable;
    if (m_view.snapshot)
        rebuildLegend();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::placeLegend()
{
    // Right of the data when the plot is wide; above it, in as many columns as fit, when a
    // column would take too much of a projector's 1024 pixels.
    QCPLegend* legend = m_plot->legend;
    std::vector<int> widths;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (QCPAbstractLegendItem* item = legend->item(i)) // a wrapped grid has empty cells
            widths.push_back(item->minimumOuterSizeHint().width());
    const int widest = widths.empty() ? 0 : *std::max_element(widths.begin(), widths.end());
    // A column right of the data only while it takes at most a fifth of the width.
    const bool right = widest + legend->margins().left() + legend->margins().right() <= m_plot->width() / 5;
    QCPLayoutGrid* layout = m_plot->plotLayout();
    if (right != m_legendRight) {
        m_legendRight = right;
        if (auto* holder = qobject_cast<QCPLayoutGrid*>(legend->layout())) {
            holder->take(legend);
            layout->take(holder);
            delete holder;
            layout->simplify();
        }
        auto* grid = new QCPLayoutGrid;
        if (right) {
            layout->addElement(0, 1, grid);
            grid->addElement(0, 0, legend);
            grid->addElement(1, 0, new QCPLayoutElement(m_plot));
            grid->setRowStretchFactor(0, 0.001);
            layout->setColumnStretchFactor(1, 0.001);
        } else {
            layout->insertRow(0);
            layout->addElement(0, 0, grid);
            grid->addElement(0, 0, legend);
            layout->setRowStretchFactor(0, 0.001);
        }
    }
    applyLegendWrap();
}

void EventTimePlot::applyLegendWrap()
{
    QCPLegend* legend = m_plot->legend;
    const bool right = m_legendRight;
    std::vector<int> widths;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (QCPAbstractLegendItem* item = legend->item(i))
            widths.push_back(item->minimumOuterSizeHint().width());
    int wrap = 1; // one column
    if (!right) {
        // The most columns whose widest entries, side by side, fit the plot's width.
        const QMargins m = legend->margins();
        const int room = m_plot->width() - m.left() - m.right() - 8;
        wrap = 1;
        for (int n = static_cast<int>(widths.size()); n > 1; --n) {
            std::vector<int> columns(static_cast<std::size_t>(n), 0);
            for (std::size_t i = 0; i < widths.size(); ++i)
                columns[i % static_cast<std::size_t>(n)] = std::max(columns[i % static_cast<std::size_t>(n)], widths[i]);
            int total = (n - 1) * legend->columnSpacing();
            for (int c : columns)
                total += c;
            if (total <= room) {
                wrap = n;
                break;
            }
        }
    }
    if (legend->wrap() != wrap) {
        legend->setWrap(wrap);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void EventTimePlot::fitTickCounts()
{
    // As many ticks as their labels fit without touching: a label ("12:07:30", or a date over
    // a time) and a gap as wide again between neighbours.
    const QFontMetrics fm(m_plot->xAxis->tickLabelFont());
    const int labelWidth = fm.horizontalAdvance(QStringLiteral("00:00:00")) * 2;
    const int labelHeight = fm.height() * 3;
    const int w = m_plot->axisRect()->width(), h = m_plot->axisRect()->height();
    const int xTicks = std::clamp(w > 0 ? w / labelWidth : 5, 2, m_presentation ? 6 : 8);
    const int yTicks = std::clamp(h > 0 ? h / labelHeight : 5, 2, m_presentation ? 6 : 8);
    bool changed = false;
    for (auto [axis, n] : {std::pair{m_plot->xAxis, xTicks}, std::pair{m_plot->yAxis, yTicks}})
        if (axis->ticker()->tickCount() != n) {
            axis->ticker()->setTickCount(n);
            changed = true;
        }
    if (changed)
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QStringList EventTimePlot::legendNames() const
{
    QStringList names;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(m_plot->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

QRect EventTimePlot::legendRect() const { return m_plot->legend->visible() ? m_plot->legend->outerRect() : QRect(); }

} // namespace tidemark::ui
