// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/BatchChart.h"

#include "ui/Palette.h"
#include "ui/i18n/Retranslate.h"
#include "ui/plot/DurationTicker.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tidemark::ui {

BatchChart::BatchChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("batchChart"));
    setMinimumHeight(170);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_plot->setInteractions({});
    // Lines as separate segments, as in the event-time plot: a wide line stroked whole is the
    // costliest part of a redraw, and this chart redraws with every snapshot.
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setTicker(QSharedPointer<DurationTicker>::create());
    for (QCPAxis* a : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
        a->setTickLabelFont(small);
        a->setLabelFont(small);
        a->ticker()->setTickCount(4);
        a->grid()->setPen(QPen(QColor(0, 0, 0, 25)));
    }
    auto fixed = QSharedPointer<QCPAxisTickerFixed>::create();
    fixed->setTickStep(1);
    fixed->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(fixed);

    m_input = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_input->setPen(Qt::NoPen);
    m_input->setBrush(QColor(0x00, 0x72, 0xB2, 150));
    m_dropped = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_dropped->setPen(Qt::NoPen);
    m_dropped->setBrush(palette::fateColor(Fate::DroppedByWatermark));
    // Bars are axis-aligned rectangles: antialiasing them buys nothing and made each replot of a
    // few hundred batches cost ~20 ms of the UI thread (bench_ui).
    for (QCPBars* bars : {m_input, m_dropped}) {
        bars->setAntialiased(false);
        bars->setAntialiasedFill(false);
    }
    auto* group = new QCPBarsGroup(m_plot);
    m_input->setBarsGroup(group);
    m_dropped->setBarsGroup(group);
    m_state = m_plot->addGraph();
    m_state->setPen(QPen(palette::maxEventTimeColor(), 2));
    m_state->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    m_lag = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_lag->setPen(QPen(palette::watermarkColor(), 2, Qt::DashLine));
    m_lag->setLineStyle(QCPGraph::lsStepCenter);

    m_current = new QCPItemRect(m_plot);
    m_current->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_current->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_current->setPen(Qt::NoPen);
    m_current->setBrush(QColor(0, 0, 0, 28));

    // The legend in a row of its own above the chart, one line: a short dock has no room for two.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(small);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setIconSize(QSize(14, 8));
    m_plot->legend->setIconTextPadding(4);
    // QCustomPlot draws legend text unantialiased, half a pixel off the grid, and clips it to
    // the item's box, measured with the Latin font: Hangul (a taller fallback font) blurred and
    // lost its top and bottom (입력 read as 인력). Antialiased, with room above and below, it reads.
    m_plot->setAntialiasedElements(QCP::aeLegendItems);
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        m_plot->legend->item(i)->setMargins(QMargins(3, 5, 3, 5));
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    retranslated(this, [this] {
        m_plot->xAxis->setLabel(tr("batch"));
        m_input->setName(tr("input rows"));
        m_dropped->setName(tr("dropped (late)"));
        m_state->setName(tr("state rows"));
        m_lag->setName(tr("watermark lag →"));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });

    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        if (!m_drawn || e->button() != Qt::LeftButton)
            return;
        const int batch = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(e->position().x())));
        emit batchClicked(batch - static_cast<int>(m_firstBatch));
    });
}

void BatchChart::setView(const ViewState& view)
{
    if (!view.snapshot)
        return;
    if (view.snapshot != m_drawn || view.driving != m_drawnMode) {
        m_drawn = view.snapshot;
        m_drawnMode = view.driving;
        const ModeRun& run = view.drivingRun();
        const ModeView& mv = view.snapshot->view(view.driving);
        QVector<double> x, input, dropped, state, lagX, lag;
        // A long live session shows its newest batches only: the axis counts from the first shown.
        m_firstBatch = static_cast<double>(run.forgotten.batches);
        std::int64_t droppedBefore = run.forgotten.droppedRows;
        for (std::size_t i = 0; i < run.batches.size(); ++i) {
            const BatchRecord& b = run.batches[i];
            x << m_firstBatch + static_cast<double>(i);
            input << static_cast<double>(b.numInputRows);
            dropped << static_cast<double>(mv.droppedSoFar[i] - droppedBefore);
            droppedBefore = mv.droppedSoFar[i];
            state << static_cast<double>(mv.stateRows[i]);
            // No lag against a watermark of 0 (an input without data yet holds the min there).
            if (b.hasWatermark && b.watermarkMs != 0 && i > 0 && run.batches[i - 1].hasMaxEventTime) {
                lagX << m_firstBatch + static_cast<double>(i);
                lag << static_cast<double>(b.maxEventTimeMs - b.watermarkMs) / 1000.0;
            }
        }
        m_input->setData(x, input, true);
        m_dropped->setData(x, dropped, true);
        m_state->setData(x, state, true);
        m_lag->setData(lagX, lag, true);
        const double n = std::max<double>(1, static_cast<double>(run.batches.size()));
        m_plot->xAxis->setRange(m_firstBatch - 0.6, m_firstBatch + n - 0.4);
        double top = 1;
        for (double v : input)
            top = std::max(top, v);
        for (double v : state)
            top = std::max(top, v);
        m_plot->yAxis->setRange(0, top * 1.1);
        double lagTop = 60;
        for (double v : lag)
            lagTop = std::max(lagTop, v);
        m_plot->yAxis2->setRange(0, lagTop * 1.1);
        auto fixed = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerFixed>();
        if (fixed)
            fixed->setTickStep(std::max(1.0, std::ceil(n / 8)));
        const double width = n > 60 ? 0.9 : 0.4;
        m_input->setWidth(width);
        m_dropped->setWidth(width);
        // Past 60 batches the dots merge into the line: drawing them only costs the replot.
        m_state->setScatterStyle(n > 60 ? QCPScatterStyle(QCPScatterStyle::ssNone) : QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    }
    const double b = m_firstBatch + view.batch;
    m_current->topLeft->setCoords(b - 0.5, 0);
    m_current->bottomRight->setCoords(b + 0.5, 1);
    m_current->setVisible(view.hasBatch());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace tidemark::ui
