// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/EventTimePlot.h"

#include "ui/Palette.h"
#include "ui/compute/PlotTime.h"
#include "ui/document/CellText.h"
#include "ui/inspector/Explanations.h"
#include "ui/plot/TriggerTicksItem.h"
#include "ui/plot/WindowBandsItem.h"
#include "ui/plot/ZonedTimeTicker.h"

#include <qcustomplot.h>

#include <QFontMetrics>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace tidemark::ui {

namespace {

constexpr std::array<Fate, 7> kFates = {Fate::OnTime,   Fate::LateAccepted,  Fate::DroppedByWatermark, Fate::Duplicate,
                                        Fate::Filtered, Fate::NullEventTime, Fate::Unconsumed};

QCPScatterStyle fateStyle(Fate fate, double size)
{
    const QColor c = palette::fateColor(fate);
    // A cosmetic (width 0) outline takes the raster engine's fast path; a wider one goes
    // through the stroker and doubles the cost of drawing 10,000 dots.
    const QPen outline(c.darker(125), 0);
    switch (fate) {
    case Fate::OnTime: return QCPScatterStyle(QCPScatterStyle::ssDisc, outline, c, size);
    case Fate::LateAccepted: return QCPScatterStyle(QCPScatterStyle::ssDiamond, outline, c, size * 1.25);
    case Fate::DroppedByWatermark: return QCPScatterStyle(QCPScatterStyle::ssCross, QPen(c, std::max(2.5, size / 3.0)), Qt::NoBrush, size * 1.3);
    case Fate::Duplicate: return QCPScatterStyle(QCPScatterStyle::ssSquare, outline, c, size * 0.9);
    case Fate::Filtered: return QCPScatterStyle(QCPScatterStyle::ssTriangle, outline, c, size);
    case Fate::NullEventTime: return QCPScatterStyle(QCPScatterStyle::ssStar, QPen(c, 2), Qt::NoBrush, size);
    case Fate::Unconsumed: return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(c, 1.5), Qt::NoBrush, size);
    }
    return {};
}

QCPGraph* swatch(QCustomPlot* plot, const QString& name)
{
    QCPGraph* g = plot->addGraph();
    g->setName(name);
    g->setLineStyle(QCPGraph::lsLine);
    return g;
}

bool isSorted(const QVector<double>& v) { return std::is_sorted(v.begin(), v.end()); }

} // namespace

EventTimePlot::EventTimePlot(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("eventTimeCustomPlot"));
    m_plot->setMouseTracking(true);
    setupPlot();
    applyStyle();
}

EventTimePlot::~EventTimePlot() = default;

void EventTimePlot::setupPlot()
{
    QCustomPlot* p = m_plot;
    p->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    p->setNoAntialiasingOnDrag(true);
    p->xAxis->setTicker(QSharedPointer<ZonedTimeTicker>::create());
    p->yAxis->setTicker(QSharedPointer<ZonedTimeTicker>::create());
    p->xAxis->grid()->setPen(QPen(QColor(0, 0, 0, 28), 1, Qt::SolidLine));
    p->yAxis->grid()->setPen(QPen(QColor(0, 0, 0, 28), 1, Qt::SolidLine));

    // The legend sits in its own column right of the plot, at the top.
    auto* side = new QCPLayoutGrid;
    p->plotLayout()->addElement(0, 1, side);
    side->addElement(0, 0, p->legend);
    side->addElement(1, 0, new QCPLayoutElement(p));
    side->setRowStretchFactor(0, 0.001);
    p->plotLayout()->setColumnStretchFactor(1, 0.001);
    p->legend->setVisible(true);
    p->legend->setBorderPen(Qt::NoPen);
    p->legend->setBrush(Qt::NoBrush);
    p->legend->setRowSpacing(0);

    p->addLayer(QStringLiteral("ticks"), p->layer(QStringLiteral("grid")), QCustomPlot::limAbove);
    p->addLayer(QStringLiteral("future"), p->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    p->addLayer(QStringLiteral("marks"), p->layer(QStringLiteral("future")), QCustomPlot::limAbove);

    p->setCurrentLayer(QStringLiteral("ticks"));
    m_ticks = new TriggerTicksItem(p);
    m_windows = new WindowBandsItem(p);

    p->setCurrentLayer(QStringLiteral("main"));
    m_maxEventGraph = p->addGraph();
    m_maxEventGraph->setName(tr("max event time seen"));
    m_maxEventGraph->setLineStyle(QCPGraph::lsStepLeft);
    m_watermarkGraph = p->addGraph();
    m_watermarkGraph->setName(tr("watermark used by the batch"));
    m_watermarkGraph->setLineStyle(QCPGraph::lsStepLeft);
    m_nextWatermarkGraph = p->addGraph();
    m_nextWatermarkGraph->setName(tr("watermark for the next batch"));
    m_nextWatermarkGraph->setLineStyle(QCPGraph::lsStepLeft);

    for (Fate f : kFates) {
        QCPGraph* g = p->addGraph();
        g->setName(palette::fateLabel(f));
        g->setLineStyle(QCPGraph::lsNone);
        m_fateGraphs[static_cast<std::size_t>(f)] = g;
    }
    m_pendingGraph = p->addGraph();
    m_pendingGraph->setName(tr("not read yet"));
    m_pendingGraph->setLineStyle(QCPGraph::lsNone);

    m_legendData = swatch(p, tr("trigger: data batch"));
    m_legendNoData = swatch(p, tr("trigger: no-data batch"));
    m_legendSkipped = swatch(p, tr("trigger: skipped tick"));
    m_legendOpen = swatch(p, tr("window open (in state)"));
    m_legendEmitted = swatch(p, tr("window emitted this batch"));
    m_legendEvicted = swatch(p, tr("window evicted"));

    p->setCurrentLayer(QStringLiteral("marks"));
    m_selectedGraph = p->addGraph();
    m_selectedGraph->setLineStyle(QCPGraph::lsNone);
    m_selectedGraph->removeFromLegend();

    p->setCurrentLayer(QStringLiteral("future"));
    m_future = new QCPItemRect(p);
    m_future->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_future->bottomRight->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_future->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_future->bottomRight->setCoords(1.5, 1.5);
    m_future->setPen(Qt::NoPen);
    m_future->setBrush(QColor(255, 255, 255, 170));

    p->setCurrentLayer(QStringLiteral("marks"));
    m_nowLine = new QCPItemStraightLine(p);
    m_nowLine->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_nowLine->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_nowLabel = new QCPItemText(p);
    m_nowLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_nowLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_nowLabel->setColor(Qt::white);
    m_nowLabel->setBrush(palette::nowColor());
    m_nowLabel->setPadding(QMargins(6, 3, 6, 3));
    m_banner = new QCPItemText(p);
    m_banner->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_banner->position->setCoords(0.5, 0.97);
    m_banner->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    m_banner->setBrush(QColor(0xFF, 0xF4, 0xD6));
    m_banner->setPen(QPen(QColor(0xE6, 0x9F, 0x00)));
    m_banner->setPadding(QMargins(8, 4, 8, 4));
    m_banner->setVisible(false);
    p->setCurrentLayer(QStringLiteral("main"));

    connect(p->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (m_view.snapshot)
            updateNow();
    });
    connect(p, &QCustomPlot::mousePress, this, &EventTimePlot::onPress);
    connect(p, &QCustomPlot::mouseMove, this, &EventTimePlot::onMove);
    connect(p, &QCustomPlot::mouseRelease, this, &EventTimePlot::onRelease);
}

void EventTimePlot::applyStyle()
{
    const double scale = m_presentation ? 1.6 : 1.0;
    const double dot = 9 * scale;
    const double line = 2.2 * scale;
    applyDotStyles();
    m_selectedGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::nowColor(), 2.5 * scale), Qt::NoBrush, dot * 2.2));
    m_maxEventGraph->setPen(QPen(palette::maxEventTimeColor(), line));
    m_watermarkGraph->setPen(QPen(palette::watermarkColor(), line * 1.2));
    m_nextWatermarkGraph->setPen(QPen(palette::watermarkColor(), line * 0.8, Qt::DashLine));
    m_legendData->setPen(QPen(palette::dataBatchColor(), 1.5 * scale));
    m_legendNoData->setPen(QPen(palette::noDataBatchColor(), 1.5 * scale, Qt::DashLine));
    m_legendSkipped->setPen(QPen(palette::skippedTickColor(), 1.5 * scale, Qt::DotLine));
    m_legendOpen->setPen(QPen(palette::windowOpenColor(), 8 * scale));
    m_legendEmitted->setPen(QPen(palette::windowEmittedColor(), 8 * scale));
    m_legendEvicted->setPen(QPen(palette::windowEvictedColor(), 8 * scale));
    m_ticks->setLineWidth(m_presentation ? 2.0 : 1.0);
    m_windows->setLaneWidth(10 * scale);
    m_nowLine->setPen(QPen(palette::nowColor(), line));

    // Text follows the window's font (presentation mode enlarges that); marks scale here.
    QFont base = font();
    QFont tick = base;
    QFont label = base;
    label.setPointSizeF(base.pointSizeF() * 1.1);
    label.setBold(true);
    for (QCPAxis* a : {m_plot->xAxis, m_plot->yAxis}) {
        a->setTickLabelFont(tick);
        a->setLabelFont(label);
        a->setBasePen(QPen(Qt::black, scale));
        a->setTickPen(QPen(Qt::black, scale));
        a->ticker()->setTickCount(m_presentation ? 5 : 7);
    }
    QFont legend = base;
    legend.setPointSizeF(base.pointSizeF() * 0.95);
    m_plot->legend->setFont(legend);
    m_plot->legend->setIconSize(QSize(static_cast<int>(22 * scale), static_cast<int>(12 * scale)));
    QFont mark = label;
    m_nowLabel->setFont(mark);
    m_banner->setFont(tick);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::applyDotStyles()
{
    const double dot = 9 * (m_presentation ? 1.6 : 1.0);
    // Many dots are stamped from pre-drawn pixmaps: twice as fast as drawing each shape, and
    // antialiased for free. Few dots are drawn as shapes, antialiased, crisp at any DPI.
    const auto style = [this](QCPScatterStyle s, QCPAbstractPlottable* graph) {
        graph->setAntialiasedScatters(!m_pixmapDots);
        if (!m_pixmapDots)
            return s;
        const int side = static_cast<int>(std::ceil(s.size() + s.pen().widthF())) + 3;
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QCPPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        s.applyTo(&painter, s.pen());
        s.drawShape(&painter, side / 2.0, side / 2.0);
        painter.end();
        return QCPScatterStyle(pixmap);
    };
    for (Fate f : kFates) {
        QCPGraph* g = m_fateGraphs[static_cast<std::size_t>(f)];
        g->setScatterStyle(style(fateStyle(f, dot), g));
    }
    m_pendingGraph->setScatterStyle(
        style(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::pendingColor(), m_presentation ? 2.4 : 1.5), Qt::NoBrush, dot), m_pendingGraph));
}

void EventTimePlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyStyle();
}

void EventTimePlot::setPresentation(bool on)
{
    m_presentation = on;
    applyStyle();
}

void EventTimePlot::setView(const ViewState& view)
{
    const bool history = view.snapshot != m_view.snapshot || view.driving != m_view.driving;
    m_view = view;
    if (!m_view.snapshot)
        return;
    const Scenario& sc = *m_view.snapshot->scenario;
    for (QCPAxis* a : {m_plot->xAxis, m_plot->yAxis})
        if (auto t = a->ticker().dynamicCast<ZonedTimeTicker>())
            t->setZone(sc.zone);
    const QString zone = QString::fromStdString(sc.timeZoneId);
    m_plot->xAxis->setLabel(tr("processing time (%1)").arg(zone));
    m_plot->yAxis->setLabel(tr("event time (%1)").arg(zone));
    if (history)
        rebuildHistory();
    rebuildDots();
    if (m_fitPending) {
        m_fitPending = false;
        resetView();
    }
    updateNow();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::rebuildHistory()
{
    const ModeRun& run = m_view.drivingRun();
    const auto& batches = run.batches;
    QVector<double> wmX, wmY, nextX, nextY, maxX, maxY;
    std::vector<TriggerTicksItem::Tick> ticks;
    m_hasWatermark = !batches.empty() && batches.front().hasWatermark;
    m_hasNoData = false;
    for (std::size_t i = 0; i < batches.size(); ++i) {
        const BatchRecord& b = batches[i];
        m_hasNoData = m_hasNoData || b.noData;
        // Spark's watermark is 0 until a batch has seen event times; drawing 1970 would flatten the plot.
        if (m_hasWatermark && i > 0 && batches[i - 1].hasMaxEventTime) {
            wmX << toPlotSeconds(b.triggerTime);
            wmY << msToPlotSeconds(b.watermarkMs);
        }
        if (b.hasMaxEventTime) {
            maxX << toPlotSeconds(b.endTime);
            maxY << msToPlotSeconds(b.maxEventTimeMs);
            if (m_hasWatermark) {
                nextX << toPlotSeconds(b.endTime);
                nextY << msToPlotSeconds(b.nextWatermarkMs);
            }
        }
    }
    m_hasSkipped = false;
    for (const TickRecord& t : run.ticks) {
        TriggerTicksItem::Tick tick;
        tick.time = toPlotSeconds(t.time);
        if (t.batchId >= 0) {
            const int bi = batchIndexOf(run, t.batchId);
            tick.kind = bi >= 0 && batches[static_cast<std::size_t>(bi)].noData ? TriggerTicksItem::Kind::NoData : TriggerTicksItem::Kind::Data;
        } else {
            tick.kind = TriggerTicksItem::Kind::Skipped;
            tick.count = t.count;
            tick.step = toPlotSeconds(t.step);
            m_hasSkipped = true;
        }
        ticks.push_back(tick);
    }
    // Hold the last values a little past the last batch, so the final step is visible.
    const double tail = batches.empty() ? 0 : toPlotSeconds(batches.back().endTime) + 60.0;
    for (auto* series : {&wmX, &nextX, &maxX})
        if (!series->isEmpty())
            series->push_back(std::max(tail, series->back()));
    for (auto* series : {&wmY, &nextY, &maxY})
        if (!series->isEmpty())
            series->push_back(series->back());
    m_watermarkGraph->setData(wmX, wmY, true);
    m_nextWatermarkGraph->setData(nextX, nextY, true);
    m_maxEventGraph->setData(maxX, maxY, true);
    m_ticks->setTicks(std::move(ticks));

    m_fatePresent.fill(false);
    for (const EventPoint& p : m_view.snapshot->view(m_view.driving).points)
        m_fatePresent[static_cast<std::size_t>(p.fate)] = true;
    rebuildLegend();
}

void EventTimePlot::rebuildLegend()
{
    QCPLegend* legend = m_plot->legend;
    legend->clearItems();
    const auto& view = m_view.snapshot->view(m_view.driving);
    for (Fate f : kFates)
        if (m_fatePresent[static_cast<std::size_t>(f)] || f == Fate::OnTime || f == Fate::LateAccepted || f == Fate::DroppedByWatermark)
            m_fateGraphs[static_cast<std::size_t>(f)]->addToLegend(legend);
    m_pendingGraph->addToLegend(legend);
    if (!m_maxEventGraph->data()->isEmpty())
        m_maxEventGraph->addToLegend(legend);
    if (m_hasWatermark) {
        m_watermarkGraph->addToLegend(legend);
        m_nextWatermarkGraph->addToLegend(legend);
    }
    m_legendData->addToLegend(legend);
    if (m_hasNoData)
        m_legendNoData->addToLegend(legend);
    if (m_hasSkipped)
        m_legendSkipped->addToLegend(legend);
    if (!view.windows.empty()) {
        m_legendOpen->addToLegend(legend);
        m_legendEmitted->addToLegend(legend);
        m_legendEvicted->addToLegend(legend);
    }
}

void EventTimePlot::rebuildDots()
{
    const auto& points = m_view.snapshot->view(m_view.driving).points;
    std::array<QVector<double>, 7> xs, ys;
    QVector<double> px, py;
    for (const EventPoint& p : points) {
        if (!p.hasEventTime)
            continue;
        if (m_view.isPending(p)) {
            px.push_back(p.at);
            py.push_back(p.eventTime);
        } else {
            const auto f = static_cast<std::size_t>(p.fate);
            xs[f].push_back(p.at);
            ys[f].push_back(p.eventTime);
        }
    }
    for (Fate f : kFates) {
        const auto i = static_cast<std::size_t>(f);
        m_fateGraphs[i]->setData(xs[i], ys[i], isSorted(xs[i]));
    }
    m_pendingGraph->setData(px, py, isSorted(px));
    const bool many = points.size() >= kManyDots;
    if (many != m_pixmapDots) {
        m_pixmapDots = many;
        applyDotStyles();
    }
    m_windows->setWindows(&m_view.snapshot->view(m_view.driving), m_view.batch);
    setSelectedEvent(m_selected);
}

void EventTimePlot::setSelectedEvent(std::optional<std::uint32_t> event)
{
    m_selected = event;
    m_selectedGraph->data()->clear();
    if (m_view.snapshot && event) {
        const auto& points = m_view.snapshot->view(m_view.driving).points;
        if (*event < points.size() && points[*event].hasEventTime)
            m_selectedGraph->addData(points[*event].at, points[*event].eventTime);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::updateNow()
{
    const bool has = m_view.hasBatch();
    m_nowLine->setVisible(has);
    m_nowLabel->setVisible(has);
    m_future->setVisible(has);
    if (has) {
        const double now = toPlotSeconds(m_view.now);
        m_nowLine->point1->setCoords(now, 0);
        m_nowLine->point2->setCoords(now, 1);
        // Keep the label inside the plot: right of the line if it fits there, else left of it;
        // when neither side has room (a narrow plot, a live session's long times) it starts at
        // the left edge and covers the line's top.
        const QString text = tr("now · batch %1 · %2").arg(m_view.batchId()).arg(timeText(m_view.now, *m_view.snapshot->scenario));
        const QMargins pad = m_nowLabel->padding();
        const double width = QFontMetrics(m_nowLabel->font()).horizontalAdvance(text) + pad.left() + pad.right();
        const QCPRange r = m_plot->xAxis->range();
        const QRect area = m_plot->axisRect()->rect();
        const double px = m_plot->xAxis->coordToPixel(now);
        double x = now;
        Qt::Alignment side = Qt::AlignLeft;
        if (area.width() <= 0) { // not laid out yet
            if (now > r.lower + r.size() * 0.7)
                side = Qt::AlignRight;
        } else if (px + width > area.right()) {
            if (px - width >= area.left())
                side = Qt::AlignRight;
            else
                x = m_plot->xAxis->pixelToCoord(area.left() + 1);
        }
        m_nowLabel->position->setCoords(x, 0.0);
        m_nowLabel->setPositionAlignment(side | Qt::AlignTop);
        m_nowLabel->setText(text);
        m_future->topLeft->setCoords(now, -0.5);
    }
    QString banner;
    const ModeRun& selected = m_view.snapshot->run(m_view.selected);
    if (selected.error && m_view.driving != m_view.selected)
        banner = tr("Spark rejects %1 mode for this query — the plot follows %2 mode")
                     .arg(QString::fromLatin1(outputModeName(m_view.selected)), QString::fromLatin1(outputModeName(m_view.driving)));
    else if (selected.error && selected.error->kind == ErrorKind::File) // one of Tidemark's limits, not Spark's word
        banner = tr("Tidemark does not run this query — see the query panel");
    else if (selected.error)
        banner = tr("Spark rejects this query in every output mode — see the query panel");
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
}

void EventTimePlot::resetView()
{
    if (!m_view.snapshot)
        return;
    double x0 = std::numeric_limits<double>::max(), x1 = std::numeric_limits<double>::lowest();
    double y0 = x0, y1 = x1;
    auto addX = [&](double x) {
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
    };
    auto addY = [&](double y) {
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
    };
    const auto& view = m_view.snapshot->view(m_view.driving);
    for (const EventPoint& p : view.points) {
        addX(p.at);
        if (p.hasEventTime)
            addY(p.eventTime);
    }
    const auto& batches = m_view.drivingRun().batches;
    for (std::size_t i = 0; i < batches.size(); ++i) {
        const BatchRecord& b = batches[i];
        addX(toPlotSeconds(b.triggerTime));
        if (b.hasMaxEventTime)
            addY(msToPlotSeconds(b.maxEventTimeMs));
        // The watermark lines belong in view too (not Spark's initial 0, which is 1970).
        if (b.hasWatermark && i > 0 && batches[i - 1].hasMaxEventTime)
            addY(msToPlotSeconds(b.watermarkMs));
    }
    for (const TickRecord& t : m_view.drivingRun().ticks)
        if (t.batchId < 0 || t.count <= 1)
            addX(toPlotSeconds(t.time));
    for (const WindowLife& w : view.windows) {
        addY(toPlotSeconds(w.range.start));
        addY(toPlotSeconds(w.range.end));
    }
    if (x0 > x1) {
        x0 = toPlotSeconds(m_view.drivingRun().start);
        x1 = x0 + 60;
    }
    if (y0 > y1) {
        y0 = x0;
        y1 = x1;
    }
    const double dx = std::max(x1 - x0, 10.0), dy = std::max(y1 - y0, 10.0);
    const double width = std::max(400, m_plot->axisRect()->width());
    const double gutter = m_windows->gutterWidth() + 14;
    const double left = dx * 0.04 + dx * gutter / std::max(100.0, width - gutter);
    m_plot->xAxis->setRange(x0 - left, x1 + dx * 0.08);
    m_plot->yAxis->setRange(y0 - dy * 0.06, y1 + dy * 0.08);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::setProcessingTimeRange(Micros from, Micros to)
{
    m_plot->xAxis->setRange(toPlotSeconds(from), toPlotSeconds(to));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QSize EventTimePlot::exportSize() const
{
    // What is on screen; a plot never shown (or squeezed) exports at a slide's 16:9.
    return m_plot->isVisible() && m_plot->width() >= 400 ? m_plot->size() : QSize(1280, 720);
}

bool EventTimePlot::savePng(const QString& path)
{
    const QSize size = exportSize();
    return m_plot->savePng(path, size.width(), size.height(), 2.0); // twice the pixels, sharp on a projector
}

bool EventTimePlot::savePdf(const QString& path)
{
    const QSize size = exportSize();
    return m_plot->savePdf(path, size.width(), size.height());
}

QPointF EventTimePlot::pixelFor(Micros at, Micros eventTime) const
{
    return {m_plot->xAxis->coordToPixel(toPlotSeconds(at)), m_plot->yAxis->coordToPixel(toPlotSeconds(eventTime))};
}

QWidget* EventTimePlot::canvas() const { return m_plot; }

double EventTimePlot::lastReplotMs() const { return m_plot->replotTime(); }

double EventTimePlot::replotNow()
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return m_plot->replotTime();
}

int EventTimePlot::numDrawnTickLines() const { return m_ticks->numDrawnLines(); }

} // namespace tidemark::ui
