// SPDX-License-Identifier: GPL-3.0-or-later
// EventTimePlot, the written marks: the watermark the current batch judges rows by, the
// comparison beside each dropped row, and the window bars' labels.
#include "ui/plot/EventTimePlot.h"

#include "ui/Palette.h"
#include "ui/compute/PlotTime.h"
#include "ui/document/CellText.h"
#include "ui/inspector/Explanations.h"
#include "ui/plot/WindowBandsItem.h"

#include <qcustomplot.h>

#include <QFontMetrics>

#include <algorithm>

namespace tidemark::ui {

void EventTimePlot::rebuildMarks()
{
    // The watermark the current batch judges late rows by, as a band from the trigger before
    // it to now, and labelled, so a dropped row is seen under it.
    QVector<double> bx, by, nx, ny;
    QString cutoff = batchCutoffText(m_view);
    if (m_view.hasBatch() && !cutoff.isEmpty()) {
        const auto& batches = m_view.drivingRun().batches;
        const auto i = static_cast<std::size_t>(m_view.batch);
        const double from = toPlotSeconds(i > 0 ? batches[i - 1].triggerTime : m_view.drivingRun().start);
        const double now = toPlotSeconds(m_view.now);
        const double y = msToPlotSeconds(batches[i].lateFilterWatermarkMs);
        bx << from << now;
        by << y << y;
        m_batchWatermarkLabel->position->setCoords(now, y);
        // Spark 3.4+ drops late rows by the previous batch's watermark and evicts by this one's.
        if (batches[i].watermarkMs != batches[i].lateFilterWatermarkMs)
            cutoff += tr(", evicts by %1").arg(clockText(batches[i].watermarkMs * kMicrosPerMilli, *m_view.snapshot->scenario));
    }
    if (m_view.hasBatch() && m_hasWatermark && !m_view.hidesOutcome()) {
        const BatchRecord& b = m_view.currentBatch();
        if (b.hasMaxEventTime) {
            const double now = toPlotSeconds(m_view.now);
            const double span = m_plot->xAxis->range().size();
            nx << now << now + std::max(span * 0.25, toPlotSeconds(b.endTime) - now + 1.0);
            ny << msToPlotSeconds(b.nextWatermarkMs) << msToPlotSeconds(b.nextWatermarkMs);
        }
    }
    m_batchWatermarkGraph->setData(bx, by, true);
    m_nextWatermarkGraph->setData(nx, ny, true);
    m_batchWatermarkLabel->setText(cutoff);
    m_batchWatermarkLabel->setVisible(!cutoff.isEmpty());

    // The comparison that dropped each late row, next to its mark: the newest few. The labels
    // are made once and reused: a dragged dot rebuilds the marks on every move.
    m_numAnnotations = 0;
    for (QCPItemText* t : m_annotations)
        t->setVisible(false);
    if (!m_view.hasBatch())
        return;
    const auto& points = m_view.snapshot->view(m_view.driving).points;
    std::vector<std::uint32_t> late;
    for (std::uint32_t e = 0; e < points.size(); ++e)
        if ((points[e].fate == Fate::DroppedByWatermark || points[e].partlyDropped()) && !m_view.isPending(points[e]) && !m_view.hidesFateOf(points[e]) && points[e].batchId >= 0)
            late.push_back(e);
    std::stable_sort(late.begin(), late.end(), [&](std::uint32_t a, std::uint32_t b) { return points[a].batchId > points[b].batchId; });
    constexpr std::size_t kMaxLabels = 4;
    for (std::size_t k = 0; k < late.size() && m_numAnnotations < kMaxLabels; ++k) {
        const QString text = lateComparison(m_view, late[k]);
        if (text.isEmpty())
            continue;
        if (m_numAnnotations == m_annotations.size()) {
            // Anchored to an invisible tracer on the mark, a few pixels to its left at any zoom,
            // so the label never covers the × it explains.
            m_plot->setCurrentLayer(QStringLiteral("marks"));
            auto* anchor = new QCPItemTracer(m_plot);
            anchor->setStyle(QCPItemTracer::tsNone);
            m_anchors.push_back(anchor);
            auto* t = new QCPItemText(m_plot);
            t->setFont(font());
            t->setColor(palette::fateColor(Fate::DroppedByWatermark).darker(120));
            t->setBrush(QColor(255, 255, 255, 215));
            t->setPadding(QMargins(3, 1, 3, 1));
            t->position->setParentAnchor(anchor->position);
            t->setClipToAxisRect(true);
            m_annotations.push_back(t);
            m_plot->setCurrentLayer(QStringLiteral("main"));
        }
        m_anchors[m_numAnnotations]->position->setCoords(points[late[k]].at, points[late[k]].drawnY());
        m_annotations[m_numAnnotations]->setText(text);
        m_annotations[m_numAnnotations]->setVisible(true);
        ++m_numAnnotations;
    }
    placeAnnotations();
}

void EventTimePlot::placeAnnotations()
{
    // Right of its mark where the text fits before the plot's edge (late rows sit near "now",
    // and the future there is mostly empty), else left of it.
    const double gap = m_presentation ? 14 : 9;
    const QRect area = m_plot->axisRect()->rect();
    for (std::size_t i = 0; i < m_numAnnotations; ++i) {
        QCPItemText* t = m_annotations[i];
        const QMargins pad = t->padding();
        const double width = QFontMetrics(t->font()).horizontalAdvance(t->text()) + pad.left() + pad.right();
        const double px = m_plot->xAxis->coordToPixel(m_anchors[i]->position->key());
        const bool right = px + gap + width <= area.right();
        t->position->setCoords(right ? gap : -gap, 0);
        t->setPositionAlignment((right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    }
    // The batch's watermark label ends at "now" above its band, unless it would run off the
    // left edge (then it starts at "now").
    if (m_batchWatermarkLabel->visible()) {
        const QMargins pad = m_batchWatermarkLabel->padding();
        const double width = QFontMetrics(m_batchWatermarkLabel->font()).horizontalAdvance(m_batchWatermarkLabel->text()) + pad.left() + pad.right();
        const double px = m_plot->xAxis->coordToPixel(m_batchWatermarkLabel->position->key());
        m_batchWatermarkLabel->setPositionAlignment((px - width >= area.left() ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignBottom);
    }
}

QString EventTimePlot::windowLabel(const WindowLife& w) const
{
    if (!m_view.snapshot)
        return {};
    const Scenario& sc = *m_view.snapshot->scenario;
    const QString range = clockText(w.range.start, sc) + QChar(0x2013) + clockText(w.range.end, sc);
    const ModeRun& run = m_view.drivingRun();
    QStringList keys;
    if (run.plan && run.plan->aggregate) {
        // The grouping columns other than the window, in groupBy order.
        std::vector<DataType> types;
        std::vector<std::string> names;
        for (const auto& g : run.plan->aggregate->groups)
            if (!g.isWindow) {
                types.push_back(g.type);
                names.push_back(g.name);
            }
        for (const Row& key : w.keys) {
            QStringList cells;
            for (std::size_t i = 0; i < key.size() && i < types.size(); ++i)
                // A bare number says little beside a bar: "emp_id=2"; words speak for themselves.
                cells << (types[i].id == TypeId::String ? cellText(key[i], types[i], sc)
                                                        : QStringLiteral("%1=%2").arg(QString::fromStdString(names[i]), cellText(key[i], types[i], sc)));
            if (!cells.isEmpty())
                keys << cells.join(QLatin1Char('/'));
        }
    }
    if (keys.isEmpty())
        return range;
    if (keys.size() > 2)
        return tr("%1 · %n keys", "", static_cast<int>(keys.size())).arg(range);
    return keys.join(QLatin1String(", ")) + QLatin1Char(' ') + range;
}

QStringList EventTimePlot::annotations() const
{
    QStringList texts;
    if (m_batchWatermarkLabel->visible())
        texts << m_batchWatermarkLabel->text();
    for (std::size_t i = 0; i < m_numAnnotations; ++i)
        texts << m_annotations[i]->text();
    return texts;
}

QStringList EventTimePlot::windowLabels() const { return m_windows->drawnLabels(); }

} // namespace tidemark::ui
