// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/EventTimePlot.h"

#include "engine/plan/JoinOutputWatermark.h"
#include "engine/time/Interval.h"
#include "ui/Palette.h"
#include "ui/compute/PlotTime.h"
#include "ui/document/CellText.h"
#include "ui/i18n/SparkErrorHint.h"
#include "ui/inspector/Explanations.h"
#include "ui/plot/FateMark.h"
#include "ui/plot/JoinPairsItem.h"
#include "ui/plot/OutageBandsItem.h"
#include "ui/plot/RestartDowntimeItem.h"
#include "ui/plot/TriggerTicksItem.h"
#include "ui/plot/WindowBandsItem.h"
#include "ui/plot/ZonedTimeTicker.h"

#include <qcustomplot.h>

#include <QFontMetrics>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>
#include <limits>

namespace tidemark::ui {

namespace {

using palette::kFates;

/// Keeps `graphs` at `n` step lines on the main layer, reusing those there; true when it added
/// or removed one (a new graph still needs its pen, and the legend lists other graphs).
bool resizeStepGraphs(QCustomPlot* plot, std::vector<QCPGraph*>& graphs, std::size_t n)
{
    if (graphs.size() == n)
        return false;
    while (graphs.size() > n) {
        plot->removeGraph(graphs.back());
        graphs.pop_back();
    }
    plot->setCurrentLayer(QStringLiteral("main"));
    while (graphs.size() < n) {
        graphs.push_back(plot->addGraph());
        graphs.back()->setLineStyle(QCPGraph::lsStepLeft);
    }
    return true;
}

QCPGraph* swatch(QCustomPlot* plot, const QString& name)
{
    QCPGraph* g = plot->addGraph();
    g->setName(name);
    g->setLineStyle(QCPGraph::lsLine);
    return g;
}

bool isSorted(const QVector<double>& v) { return std::is_sorted(v.begin(), v.end()); }

double drawnY(const EventPoint& p) { return p.drawnY(); }

/// A half disc, its flat side vertical: laid over a dot, the half of it that was dropped.
/// (A custom scatter path is drawn scaled by size / 6: a radius of 3 fills the size.)
QCPScatterStyle halfDropStyle(double size)
{
    QPainterPath path;
    path.moveTo(0, -3);
    path.arcTo(QRectF(-3, -3, 6, 6), 90, -180);
    path.closeSubpath();
    return QCPScatterStyle(path, QPen(palette::fateColor(Fate::DroppedByWatermark).darker(130), 0), palette::fateColor(Fate::DroppedByWatermark), size);
}

/// The shape and colour of each input of a query with several (a join): a blue disc left of
/// the arrival time, a purple square right of it, then sky triangles on it, so rows of two
/// inputs that arrive together stand side by side in lanes.
constexpr double kLaneUnits = 3.4; ///< how far an input's dots sit off their arrival time, in path units

QCPScatterStyle inputStyle(std::size_t input, double size)
{
    static const std::array<QColor, 3> colors = {QColor(0x00, 0x72, 0xB2), QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9)};
    const QColor c = colors[std::min<std::size_t>(input, 2)];
    QPainterPath path;
    switch (std::min<std::size_t>(input, 2)) {
    case 0: path.addEllipse(QPointF(-kLaneUnits, 0), 3, 3); break;
    case 1: path.addRect(QRectF(kLaneUnits - 2.7, -2.7, 5.4, 5.4)); break;
    default:
        path.moveTo(-3, -2.6);
        path.lineTo(3, -2.6);
        path.lineTo(0, 2.6);
        path.closeSubpath();
        break;
    }
    return QCPScatterStyle(path, QPen(c.darker(140), 0), c, size);
}

QColor inputColor(std::size_t input) { return inputStyle(input, 1).brush().color(); }

/// The sources whose events the plot tells apart: the streaming ones, when there are several.
std::vector<std::size_t> streamingSources(const Scenario& sc)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < sc.sources.size(); ++i)
        if (!sc.sources[i].isStatic)
            out.push_back(i);
    return out;
}

} // namespace

EventTimePlot::EventTimePlot(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("eventTimeCustomPlot"));
    // QCustomPlot asks for the room its legend and labels need as a minimum; the legend here
    // adapts to the room it gets instead, so that demand must not grow the window.
    m_plot->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_plot->setMouseTracking(true);
    setupPlot();
    applyStyle();
}

EventTimePlot::~EventTimePlot() = default;

QSize EventTimePlot::sizeHint() const { return {720, 420}; }

QSize EventTimePlot::minimumSizeHint() const { return {320, 200}; }

double EventTimePlot::inputDotSize() const { return 9 * (m_presentation ? 1.6 : 1.0) * 1.1; }

double EventTimePlot::inputLaneOffset() const { return kLaneUnits * inputDotSize() / 6.0; }

std::size_t EventTimePlot::numDrawnPairs() const { return m_pairs->numPairs(); }

void EventTimePlot::setupPlot()
{
    QCustomPlot* p = m_plot;
    p->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    p->setNoAntialiasingOnDrag(true);
    // Lines as separate segments: the watermark's and max event time's wide step lines stroke
    // in a fraction of the time, and their square caps fill each corner (solid pens on screen only).
    p->setPlottingHint(QCP::phFastPolylines, true);
    p->xAxis->setTicker(QSharedPointer<ZonedTimeTicker>::create());
    p->yAxis->setTicker(QSharedPointer<ZonedTimeTicker>::create());
    p->xAxis->grid()->setPen(QPen(QColor(0, 0, 0, 28), 1, Qt::SolidLine));
    p->yAxis->grid()->setPen(QPen(QColor(0, 0, 0, 28), 1, Qt::SolidLine));

    // The legend sits outside the data area: in a column right of it when the plot is wide,
    // in rows above it when it is not (placeLegend).
    auto* side = new QCPLayoutGrid;
    p->plotLayout()->addElement(0, 1, side);
    side->addElement(0, 0, p->legend);
    side->addElement(1, 0, new QCPLayoutElement(p));
    side->setRowStretchFactor(0, 0.001);
    p->plotLayout()->setColumnStretchFactor(1, 0.001);
    p->legend->setVisible(true);
    p->legend->setFillOrder(QCPLegend::foColumnsFirst, false);
    p->legend->setWrap(1); // one column until placeLegend knows the width
    p->legend->setColumnSpacing(10);
    p->legend->setBorderPen(Qt::NoPen);
    p->legend->setBrush(Qt::NoBrush);
    p->legend->setRowSpacing(0);

    p->addLayer(QStringLiteral("ticks"), p->layer(QStringLiteral("grid")), QCustomPlot::limAbove);
    p->addLayer(QStringLiteral("future"), p->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    // What has happened by now is drawn above the veil over the future, so a dot that arrived
    // exactly on the trigger (on the "now" line) is not half greyed.
    p->addLayer(QStringLiteral("dots"), p->layer(QStringLiteral("future")), QCustomPlot::limAbove);
    p->addLayer(QStringLiteral("marks"), p->layer(QStringLiteral("dots")), QCustomPlot::limAbove);

    p->setCurrentLayer(QStringLiteral("ticks"));
    m_ticks = new TriggerTicksItem(p);
    m_outageBands = new OutageBandsItem(p);
    m_restarts = new RestartDowntimeItem(p);
    m_windows = new WindowBandsItem(p);
    m_windows->setLabelText([this](const WindowLife& w) { return windowLabel(w); });

    p->setCurrentLayer(QStringLiteral("main"));
    m_maxEventGraph = p->addGraph();
    m_maxEventGraph->setLineStyle(QCPGraph::lsStepLeft);
    // The watermark as it moves: each batch computes the next one when it ends.
    m_watermarkGraph = p->addGraph();
    m_watermarkGraph->setLineStyle(QCPGraph::lsStepLeft);
    m_pendingGraph = p->addGraph();
    m_pendingGraph->setLineStyle(QCPGraph::lsNone);

    p->setCurrentLayer(QStringLiteral("dots"));
    // The watermark the current batch compares rows with, from the trigger before it to now:
    // every row this batch read arrived under it.
    m_batchWatermarkGraph = p->addGraph();
    m_batchWatermarkGraph->setLineStyle(QCPGraph::lsLine);
    m_nextWatermarkGraph = p->addGraph();
    m_nextWatermarkGraph->setLineStyle(QCPGraph::lsLine);
    m_hiddenFateGraph = p->addGraph();
    m_hiddenFateGraph->setName(tr("read by this batch: fate hidden (predict it)"));
    m_hiddenFateGraph->setLineStyle(QCPGraph::lsNone);
    // The legend's swatch for matched pairs; the lines are JoinPairsItem's.
    m_pairCurve = new QCPCurve(p->xAxis, p->yAxis);
    m_pairCurve->setScatterStyle(QCPScatterStyle::ssNone);
    m_pairs = new JoinPairsItem(p);

    for (Fate f : kFates) {
        QCPGraph* g = p->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        m_fateGraphs[static_cast<std::size_t>(f)] = g;
    }
    m_noTimeGraph = p->addGraph();
    m_noTimeGraph->setLineStyle(QCPGraph::lsNone);
    m_partialGraph = p->addGraph();
    m_partialGraph->setLineStyle(QCPGraph::lsNone);
    m_nullOutputGraph = p->addGraph();
    m_nullOutputGraph->setLineStyle(QCPGraph::lsNone);

    p->setCurrentLayer(QStringLiteral("main"));
    m_legendData = swatch(p, QString());
    m_legendNoData = swatch(p, QString());
    m_legendSkipped = swatch(p, QString());
    m_legendOpen = swatch(p, QString());
    m_legendEmitted = swatch(p, QString());
    m_legendEvicted = swatch(p, QString());
    m_legendMerged = swatch(p, QString());
    m_legendOutage = swatch(p, QString());
    m_legendDownTime = swatch(p, QString());
    m_legendRerun = swatch(p, QString());
    m_legendToggle = swatch(p, QString());
    m_legendToggle->setPen(Qt::NoPen);

    nameGraphs();

    p->setCurrentLayer(QStringLiteral("marks"));
    m_selectedGraph = p->addGraph();
    m_selectedGraph->setLineStyle(QCPGraph::lsNone);
    m_selectedGraph->removeFromLegend();
    m_predictedDropGraph = p->addGraph();
    m_predictedDropGraph->setLineStyle(QCPGraph::lsNone);
    m_predictedDropGraph->removeFromLegend();

    p->setCurrentLayer(QStringLiteral("future"));
    m_future = new QCPItemRect(p);
    m_future->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_future->bottomRight->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_future->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_future->bottomRight->setCoords(1.5, 1.5);
    m_future->setPen(Qt::NoPen);
    m_future->setBrush(QColor(255, 255, 255, 170));
    m_future->setAntialiased(false); // an upright rectangle: edges on pixels are crisp and fast

    p->setCurrentLayer(QStringLiteral("marks"));
    m_batchWatermarkLabel = new QCPItemText(p);
    m_batchWatermarkLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_batchWatermarkLabel->setColor(palette::watermarkColor().darker(130));
    m_batchWatermarkLabel->setBrush(QColor(255, 255, 255, 215));
    m_batchWatermarkLabel->setPadding(QMargins(3, 1, 3, 1));
    m_batchWatermarkLabel->setVisible(false);
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
        if (m_view.snapshot) {
            updateNow();
            placeAnnotations();
        }
    });
    // Tick counts and the legend's place follow the room there is.
    connect(p, &QCustomPlot::afterLayout, this, &EventTimePlot::fitTickCounts);
    // A wheel zoom or a pan is the user's own view: stop following the batch.
    connect(p, &QCustomPlot::mouseWheel, this, [this] { stopFollowing(); });
    connect(p, &QCustomPlot::legendClick, this, [this] {
        if (!m_legendRight)
            setLegendFolded(!legendFolded());
    });
    p->installEventFilter(this);
    connect(p, &QCustomPlot::mousePress, this, &EventTimePlot::onPress);
    connect(p, &QCustomPlot::mouseMove, this, &EventTimePlot::onMove);
    connect(p, &QCustomPlot::mouseRelease, this, &EventTimePlot::onRelease);
}

void EventTimePlot::setPointedAt(std::optional<TimeRange> window, bool watermark)
{
    m_windows->setPinned(window);
    if (watermark != m_pointWatermark) {
        m_pointWatermark = watermark;
        applyStyle(); // replots
        return;
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

std::optional<TimeRange> EventTimePlot::pointedWindow() const { return m_windows->pinned(); }

void EventTimePlot::applyStyle()
{
    const double scale = (m_presentation ? 1.6 : 1.0) * palette::strokeScale();
    const double dot = 9 * scale;
    const double line = 2.2 * scale;
    applyDotStyles();
    m_selectedGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::nowColor(), 2.5 * scale), Qt::NoBrush, dot * 2.2));
    m_maxEventGraph->setPen(QPen(palette::maxEventTimeColor(), line));
    const double pointed = m_pointWatermark ? 2.0 : 1.0; // a lesson step points at the watermark
    m_watermarkGraph->setPen(QPen(palette::watermarkColor(), line * 1.2 * pointed));
    m_nextWatermarkGraph->setPen(QPen(palette::watermarkColor(), line * 0.8, Qt::DashLine));
    QColor band = palette::watermarkColor();
    band.setAlpha(110);
    m_batchWatermarkGraph->setPen(QPen(band, line * 4.0 * pointed, Qt::SolidLine, Qt::FlatCap));
    for (std::size_t i = 0; i < m_inputWatermarkGraphs.size(); ++i)
        m_inputWatermarkGraphs[i]->setPen(QPen(inputColor(i), line * 0.8, Qt::DotLine));
    for (QCPGraph* g : m_operatorWatermarkGraphs)
        g->setPen(QPen(palette::watermarkColor().darker(150), line, Qt::DashDotLine));
    m_pairCurve->setPen(QPen(QColor(0x33, 0x33, 0x33), 1.5 * scale));
    m_pairs->setPen(m_pairCurve->pen());
    m_legendData->setPen(QPen(palette::dataBatchColor(), 1.5 * scale));
    m_legendNoData->setPen(QPen(palette::noDataBatchColor(), 1.5 * scale, Qt::DashLine));
    m_legendSkipped->setPen(QPen(palette::skippedTickColor(), 1.5 * scale, Qt::DotLine));
    m_legendOpen->setPen(QPen(palette::windowOpenColor(), 8 * scale));
    m_legendEmitted->setPen(QPen(palette::windowEmittedColor(), 8 * scale));
    m_legendEvicted->setPen(QPen(palette::windowEvictedColor(), 8 * scale));
    m_legendMerged->setPen(QPen(palette::windowOpenColor(), 2 * scale, Qt::DashLine));
    m_ticks->setLineWidth((m_presentation ? 2.0 : 1.0) * palette::strokeScale());
    {
        const QColor outage(0x4a, 0x14, 0x8c);
        m_outageBands->setColor(outage);
        m_outageBands->setLineWidth((m_presentation ? 2.0 : 1.0) * palette::strokeScale());
        m_legendOutage->setPen(QPen(outage, 1.5 * scale));
        m_legendOutage->setBrush(QBrush(outage, Qt::DiagCrossPattern));
    }
    m_restarts->setLineWidth((m_presentation ? 2.0 : 1.0) * palette::strokeScale());
    m_legendDownTime->setPen(QPen(m_restarts->bandBrush().color(), 1.5 * scale, Qt::DashLine));
    m_legendDownTime->setBrush(m_restarts->bandBrush());
    m_legendRerun->setPen(m_restarts->rerunPen(2.5 * scale));
    m_windows->setLaneWidth(10 * scale);
    m_nowLine->setPen(QPen(palette::nowColor(), line));

    // Text follows the window's font (presentation mode enlarges that); marks scale here.
    // Tick labels a little larger than the window's text, for the back of a classroom.
    QFont base = font();
    QFont tick = base;
    tick.setPointSizeF(base.pointSizeF() * 1.15);
    QFont label = base;
    label.setPointSizeF(base.pointSizeF() * 1.1);
    label.setBold(true);
    for (QCPAxis* a : {m_plot->xAxis, m_plot->yAxis}) {
        a->setTickLabelFont(tick);
        a->setLabelFont(label);
        a->setBasePen(QPen(Qt::black, scale));
        a->setTickPen(QPen(Qt::black, scale));
    }
    fitTickCounts();
    m_plot->legend->setFont(base);
    m_plot->legend->setIconSize(QSize(static_cast<int>(20 * scale), static_cast<int>(12 * scale)));
    m_plot->legend->setIconTextPadding(static_cast<int>(5 * scale));
    QFont mark = label;
    m_nowLabel->setFont(mark);
    m_banner->setFont(tick);
    m_outageBands->setFont(tick);
    m_restarts->setFont(base);
    m_batchWatermarkLabel->setFont(base);
    for (QCPItemText* t : m_annotations)
        t->setFont(base);
    m_windows->setLabelFont(base);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::applyDotStyles()
{
    const double dot = 9 * (m_presentation ? 1.6 : 1.0) * palette::strokeScale();
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
        style(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::pendingColor(), (m_presentation ? 2.4 : 1.5) * palette::strokeScale()), Qt::NoBrush, dot), m_pendingGraph));
    // A dashed ring in the dropped colour: a guess, not a fate.
    m_predictedDropGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                          QPen(palette::fateColor(Fate::DroppedByWatermark), m_presentation ? 3.0 : 2.0, Qt::DashLine),
                                                          Qt::NoBrush, dot * 2.1));
    // Grey inside, a heavy dark ring: clearly in this batch, clearly not yet judged.
    m_hiddenFateGraph->setScatterStyle(style(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::nowColor(), m_presentation ? 3.0 : 2.0), palette::pendingColor().lighter(130), dot * 1.25),
        m_hiddenFateGraph));
    for (std::size_t i = 0; i < m_inputGraphs.size(); ++i)
        m_inputGraphs[i]->setScatterStyle(style(inputStyle(i, inputDotSize()), m_inputGraphs[i]));
    m_noTimeGraph->setScatterStyle(style(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(palette::fateColor(Fate::OnTime), 1.5), Qt::NoBrush, dot), m_noTimeGraph));
    m_partialGraph->setScatterStyle(style(halfDropStyle(dot * 1.15), m_partialGraph));
    m_nullOutputGraph->setScatterStyle(
        style(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0x30, 0x30, 0x30), m_presentation ? 2.4 : 1.6, Qt::DashLine), Qt::NoBrush, dot * 2.0), m_nullOutputGraph));
}

void EventTimePlot::nameGraphs()
{
    m_maxEventGraph->setName(tr("max event time seen"));
    m_watermarkGraph->setName(tr("watermark (moves when a batch ends)"));
    m_pendingGraph->setName(tr("not read yet"));
    m_batchWatermarkGraph->setName(tr("watermark this batch uses (late if ≤)"));
    m_nextWatermarkGraph->setName(tr("watermark for the next batch"));
    m_pairCurve->setName(tr("matched pair (joined)"));
    m_noTimeGraph->setName(tr("no event time: drawn at arrival"));
    m_partialGraph->setName(tr("partly dropped (some windows late)"));
    m_nullOutputGraph->setName(tr("emitted with nulls (outer join)"));
    m_legendData->setName(tr("trigger: data batch"));
    m_legendNoData->setName(tr("trigger: no-data batch"));
    m_legendSkipped->setName(tr("trigger: skipped tick"));
    m_legendOpen->setName(tr("window open (in state)"));
    m_legendEmitted->setName(tr("window emitted this batch"));
    m_legendEvicted->setName(tr("window evicted"));
    m_legendMerged->setName(tr("session merged into a longer one"));
    m_legendOutage->setName(tr("broker away: no input arrives"));
    m_legendDownTime->setName(tr("query down: stopped or crashed, restarted from the checkpoint"));
    m_legendRerun->setName(tr("batch run again after a crash (same offsets)"));
    for (Fate f : kFates)
        m_fateGraphs[static_cast<std::size_t>(f)]->setName(palette::fateLabel(f));
}

void EventTimePlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyStyle();
    if (event->type() == QEvent::LanguageChange) {
        nameGraphs();
        // Draw the view anew: the legend, the axes, the labels and the banner in the new language.
        ViewState view = std::exchange(m_view, ViewState{});
        if (view.snapshot)
            setView(view);
    }
}

void EventTimePlot::setPresentation(bool on)
{
    m_presentation = on;
    applyStyle();
}

namespace {

/// True when `b` draws exactly what `a` draws: the complete snapshot that follows a preview
/// shares the preview's runs of the modes the plot reads, and adds only the others.
bool drawsTheSame(const ViewState& a, const ViewState& b)
{
    if (!a.snapshot || !b.snapshot || a.snapshot->scenario != b.snapshot->scenario || a.snapshot->liveHorizon != b.snapshot->liveHorizon)
        return false;
    const auto same = [&](OutputMode m) {
        const auto i = static_cast<std::size_t>(m);
        return a.snapshot->runs[i] && a.snapshot->runs[i] == b.snapshot->runs[i] && a.snapshot->views[i] == b.snapshot->views[i];
    };
    return a.driving == b.driving && a.selected == b.selected && a.batch == b.batch && a.now == b.now && a.hideOutcomeFrom == b.hideOutcomeFrom
           && same(a.driving) && same(a.selected);
}

} // namespace

void EventTimePlot::setView(const ViewState& view)
{
    if (drawsTheSame(m_view, view)) {
        m_view = view; // nothing drawn changes: no rebuild, no replot
        return;
    }
    // Class mode hides the watermark line from the batch being predicted on.
    const bool history = view.snapshot != m_view.snapshot || view.driving != m_view.driving || view.hideOutcomeFrom != m_view.hideOutcomeFrom;
    const bool batchChanged = history || view.batch != m_view.batch;
    m_view = view;
    if (!m_view.snapshot)
        return;
    // A highlighted band belongs to the view it was hovered in.
    if (batchChanged)
        m_windows->setHighlighted(std::nullopt);
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
    const QRectF bounds = dataBounds();
    if (m_fitPending) {
        m_fitPending = false;
        resetView();
    } else if (history) {
        // An edit that takes the data past what is shown (a dot dragged off the top, events
        // added after "now") refits, unless the user had zoomed in on part of the data anyway.
        const QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
        const QRectF shown(QPointF(x.lower, y.lower), QPointF(x.upper, y.upper));
        const auto inside = [&](const QRectF& r) {
            return r.left() >= shown.left() && r.right() <= shown.right() && r.top() >= shown.top() && r.bottom() <= shown.bottom();
        };
        if (inside(m_lastBounds) && !inside(bounds) && !m_followBatch)
            resetView();
    }
    if (m_followBatch && batchChanged)
        fitCurrentBatch();
    m_lastBounds = bounds;
    rebuildMarks();
    updateNow();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::rebuildHistory()
{
    const ModeRun& run = m_view.drivingRun();
    const auto& batches = run.batches;
    QVector<double> wmX, wmY, maxX, maxY;
    std::vector<TriggerTicksItem::Tick> ticks;
    m_hasWatermark = !batches.empty() && batches.front().hasWatermark;
    m_hasNoData = false;
    for (std::size_t i = 0; i < batches.size(); ++i) {
        const BatchRecord& b = batches[i];
        m_hasNoData = m_hasNoData || b.noData;
        if (b.hasMaxEventTime && m_view.showsOutcomeOf(static_cast<int>(i))) {
            maxX << toPlotSeconds(b.endTime);
            maxY << msToPlotSeconds(b.maxEventTimeMs);
            // The watermark a batch computes holds from its end until the next batch ends.
            // (Spark's watermark is 0 until a batch has seen event times; drawing 1970 would
            // flatten the plot.)
            if (m_hasWatermark) {
                wmX << toPlotSeconds(b.endTime);
                wmY << msToPlotSeconds(b.nextWatermarkMs);
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
    double tail = batches.empty() ? 0 : toPlotSeconds(batches.back().endTime) + 60.0;
    if (m_view.hideOutcomeFrom) // what is still hidden is not drawn as if it stayed put
        tail = toPlotSeconds(m_view.now);
    for (auto* series : {&wmX, &maxX})
        if (!series->isEmpty())
            series->push_back(std::max(tail, series->back()));
    for (auto* series : {&wmY, &maxY})
        if (!series->isEmpty())
            series->push_back(series->back());
    m_watermarkGraph->setData(wmX, wmY, true);
    m_maxEventGraph->setData(maxX, maxY, true);
    m_ticks->setTicks(std::move(ticks));
    m_restarts->setMarks(restartMarks(run));

    // A query with several inputs: each input's dots and own watermark apart.
    const Scenario& sc = *m_view.snapshot->scenario;
    const ModeView& view = m_view.snapshot->view(m_view.driving);
    const auto sources = streamingSources(sc);
    const std::size_t numInputs = sources.size() > 1 ? sources.size() : 0;
    // Graphs are reused from one snapshot to the next; only a new one needs styling, and the
    // legend is rebuilt only when what it lists changes (a graph made in place of a removed one
    // may have its address and name).
    bool changed = m_inputGraphs.size() != numInputs;
    while (m_inputGraphs.size() > numInputs) {
        m_plot->removeGraph(m_inputGraphs.back());
        m_inputGraphs.pop_back();
    }
    m_plot->setCurrentLayer(QStringLiteral("dots"));
    while (m_inputGraphs.size() < numInputs) {
        QCPGraph* g = m_plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        m_inputGraphs.push_back(g);
    }
    const bool left = m_view.drivingRun().plan && m_view.drivingRun().plan->join;
    for (std::size_t i = 0; i < m_inputGraphs.size(); ++i) {
        const QString name = QString::fromStdString(sc.sources[sources[i]].name);
        m_inputGraphs[i]->setName(left && i < 2 ? (i == 0 ? tr("%1 (left input)") : tr("%1 (right input)")).arg(name) : name);
    }
    m_plot->setCurrentLayer(QStringLiteral("main"));
    changed = resizeStepGraphs(m_plot, m_inputWatermarkGraphs, view.inputWatermarks.size()) || changed;
    for (std::size_t k = 0; k < view.inputWatermarks.size(); ++k) {
        const InputWatermark& iw = view.inputWatermarks[k];
        QCPGraph* g = m_inputWatermarkGraphs[k];
        g->setName(tr("watermark of %1 (delay %2)")
                       .arg(QString::fromStdString(sc.sources[iw.source].name), QString::fromStdString(formatDuration(iw.delayMs * kMicrosPerMilli))));
        QVector<double> x, y;
        for (std::size_t i = 0; i < iw.afterBatch.size() && i < batches.size(); ++i)
            if (iw.afterBatch[i] && m_view.showsOutcomeOf(static_cast<int>(i))) {
                x << toPlotSeconds(batches[i].endTime);
                y << msToPlotSeconds(*iw.afterBatch[i]);
            }
        if (!x.isEmpty()) {
            x << std::max(tail, x.back());
            y << y.back();
        }
        g->setData(x, y, true);
    }
    changed = rebuildOperatorWatermarks(tail) || changed;
    if (!view.inputWatermarks.empty())
        m_watermarkGraph->setName(m_view.drivingRun().plan->maxWatermarkPolicy ? tr("global watermark (max of the inputs')")
                                                                               : tr("global watermark (min of the inputs')"));
    else
        m_watermarkGraph->setName(tr("watermark (moves when a batch ends)"));
    if (changed)
        applyStyle();

    m_fatePresent.fill(false);
    for (const EventPoint& p : view.points)
        if (p.hasEventTime || p.fate == Fate::NullEventTime) // the others are drawn as "no event time"
            m_fatePresent[static_cast<std::size_t>(p.fate)] = true;
    if (changed || legendEntries() != m_legendEntries)
        rebuildLegend();
}

bool EventTimePlot::rebuildOperatorWatermarks(double tail)
{
    const ModeRun& run = m_view.drivingRun();
    const QueryPlan* plan = run.plan.get();
    if (!plan || !plan->propagatesWatermark || !plan->join || !plan->join->isStreamStream())
        return resizeStepGraphs(m_plot, m_operatorWatermarkGraphs, 0);
    // The first stateful operator after each stream-stream join: it reads the join's output
    // watermark (StreamingSymmetricHashJoinExec.produceOutputWatermark), which the line shows as
    // the batches compute it. Operators between two joins read the same one.
    std::vector<std::size_t> readers;
    bool afterJoin = true;
    for (std::size_t k = 0; k < plan->chain.size(); ++k) {
        const ChainStage& stage = plan->chain[k];
        if (!stage.isStateful())
            continue;
        if (afterJoin)
            readers.push_back(k);
        afterJoin = stage.join && stage.join->isStreamStream();
    }
    struct Line {
        QString name;
        QVector<double> x, y;
    };
    std::vector<Line> lines;
    for (const std::size_t stage : readers) {
        QVector<double> x, y;
        for (std::size_t i = 0; i < run.batches.size(); ++i) {
            const BatchRecord& b = run.batches[i];
            if (!b.hasMaxEventTime || b.nextWatermarkMs == 0 || !m_view.showsOutcomeOf(static_cast<int>(i)))
                continue;
            x << toPlotSeconds(b.endTime);
            y << msToPlotSeconds(chainInputWatermarkMs(*plan, stage, b.nextWatermarkMs));
        }
        if (x.isEmpty())
            continue;
        x << std::max(tail, x.back());
        y << y.back();
        const ChainStage& reader = plan->chain[stage];
        lines.push_back({tr("watermark after the join, read by stateful operator %1 (%2)")
                             .arg(plan->chainOperator(stage) + 1)
                             .arg(QString::fromStdString(reader.join ? reader.path + ".join" : reader.path)),
                         std::move(x), std::move(y)});
    }
    const bool changed = resizeStepGraphs(m_plot, m_operatorWatermarkGraphs, lines.size());
    for (std::size_t k = 0; k < lines.size(); ++k) {
        m_operatorWatermarkGraphs[k]->setName(lines[k].name);
        m_operatorWatermarkGraphs[k]->setData(lines[k].x, lines[k].y, true);
    }
    return changed;
}

void EventTimePlot::rebuildDots()
{
    const auto& view = m_view.snapshot->view(m_view.driving);
    const auto& points = view.points;
    const Scenario& sc = *m_view.snapshot->scenario;
    std::array<QVector<double>, 7> xs, ys;
    QVector<double> px, py, hx, hy, partX, partY, noX, noY, nullX, nullY;
    std::vector<QVector<double>> inX(m_inputGraphs.size()), inY(m_inputGraphs.size());
    std::vector<int> inputOf(sc.sources.size(), -1);
    if (!m_inputGraphs.empty()) {
        const auto sources = streamingSources(sc);
        for (std::size_t i = 0; i < sources.size(); ++i)
            inputOf[sources[i]] = static_cast<int>(i);
    }
    for (const EventPoint& p : points) {
        const double y = drawnY(p);
        if (m_view.isPending(p)) {
            px.push_back(p.at);
            py.push_back(y);
            continue;
        }
        if (m_view.hidesFateOf(p)) {
            hx.push_back(p.at);
            hy.push_back(y);
            continue;
        }
        const int input = p.source < inputOf.size() ? inputOf[p.source] : -1;
        if (!p.hasEventTime && p.fate != Fate::NullEventTime) {
            noX.push_back(p.at);
            noY.push_back(y);
        } else if (input >= 0 && (p.fate == Fate::OnTime || p.fate == Fate::LateAccepted)) {
            inX[static_cast<std::size_t>(input)].push_back(p.at);
            inY[static_cast<std::size_t>(input)].push_back(y);
        } else {
            const auto f = static_cast<std::size_t>(p.fate);
            xs[f].push_back(p.at);
            ys[f].push_back(y);
        }
        if (p.partlyDropped()) {
            partX.push_back(p.at);
            partY.push_back(y);
        }
        if (p.nullOutputBatch >= 0 && p.nullOutputBatch <= m_view.outcomeBatch()) {
            nullX.push_back(p.at);
            nullY.push_back(y);
        }
    }
    for (Fate f : kFates) {
        const auto i = static_cast<std::size_t>(f);
        m_fateGraphs[i]->setData(xs[i], ys[i], isSorted(xs[i]));
    }
    for (std::size_t i = 0; i < m_inputGraphs.size(); ++i)
        m_inputGraphs[i]->setData(inX[i], inY[i], isSorted(inX[i]));
    m_pendingGraph->setData(px, py, isSorted(px));
    m_hiddenFateGraph->setData(hx, hy, isSorted(hx));
    m_partialGraph->setData(partX, partY, isSorted(partX));
    m_noTimeGraph->setData(noX, noY, isSorted(noX));
    m_nullOutputGraph->setData(nullX, nullY, isSorted(nullX));
    // Matched partners joined by a thin line, once the batch that matched them has run.
    std::vector<std::pair<JoinPairsItem::End, JoinPairsItem::End>> pairs;
    const double lane = inputLaneOffset();
    const auto end = [&](const EventPoint& p) {
        const int input = p.source < inputOf.size() ? inputOf[p.source] : -1;
        return JoinPairsItem::End{p.at, drawnY(p), input == 0 ? -lane : input == 1 ? lane : 0.0};
    };
    for (const JoinPair& pair : view.joinPairs)
        if (pair.batch <= m_view.outcomeBatch() && pair.first < points.size() && pair.second < points.size())
            pairs.push_back({end(points[pair.first]), end(points[pair.second])});
    m_pairs->setPairs(std::move(pairs));
    const bool many = points.size() >= kManyDots;
    if (many != m_pixmapDots) {
        m_pixmapDots = many;
        applyDotStyles();
    }
    m_windows->setWindows(&view, m_view.outcomeBatch());
    placeSelectedEvent();
    placePredictedDrops();
}

void EventTimePlot::setSelectedEvent(std::optional<std::uint32_t> event)
{
    // Unchanged: the mark already follows the view (rebuildDots places it); sent again, it
    // would only cost a replot of every dot.
    if (event == m_selected)
        return;
    m_selected = event;
    placeSelectedEvent();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::placeSelectedEvent()
{
    m_selectedGraph->data()->clear();
    if (m_view.snapshot && m_selected) {
        const auto& points = m_view.snapshot->view(m_view.driving).points;
        if (*m_selected < points.size())
            m_selectedGraph->addData(points[*m_selected].at, drawnY(points[*m_selected]));
    }
}

void EventTimePlot::setPredictedDrops(const std::vector<std::uint32_t>& events)
{
    if (events == m_predictedDrops)
        return; // as for the selection: class mode sends them again with every view
    m_predictedDrops = events;
    placePredictedDrops();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::placePredictedDrops()
{
    m_predictedDropGraph->data()->clear();
    if (m_view.snapshot) {
        const auto& points = m_view.snapshot->view(m_view.driving).points;
        for (std::uint32_t e : m_predictedDrops)
            if (e < points.size())
                m_predictedDropGraph->addData(points[e].at, drawnY(points[e]));
    }
}

std::size_t EventTimePlot::numPredictedDrops() const { return static_cast<std::size_t>(m_predictedDropGraph->data()->size()); }

void EventTimePlot::setOutages(const std::vector<Outage>& outages)
{
    if (outages == m_outages)
        return;
    const bool legend = outages.empty() != m_outages.empty();
    m_outages = outages;
    rebuildOutages();
    if (legend && m_view.snapshot)
        rebuildLegend();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::rebuildOutages()
{
    // One still going on reaches the live clock (or the current batch, once the session ended).
    Micros end = m_view.now;
    if (m_view.snapshot && m_view.snapshot->liveHorizon)
        end = std::max(end, *m_view.snapshot->liveHorizon);
    std::vector<OutageBandsItem::Band> bands;
    for (const Outage& o : m_outages) {
        const Micros to = o.to ? *o.to : std::max(end, o.from);
        const Micros seconds = (to - o.from + kMicrosPerSecond / 2) / kMicrosPerSecond;
        const QString length = seconds < 120 ? tr("%1 s").arg(seconds) : tr("%1 min").arg(seconds / 60);
        bands.push_back({toPlotSeconds(o.from), toPlotSeconds(to),
                         o.to ? tr("broker away · %1").arg(length) : tr("broker away · %1 so far").arg(length)});
    }
    m_outageBands->setBands(std::move(bands));
}

QStringList EventTimePlot::outageLabels() const
{
    QStringList out;
    for (const auto& b : m_outageBands->bands())
        out << b.label;
    return out;
}

std::pair<double, double> EventTimePlot::outagePixels(std::size_t i) const { return m_outageBands->pixelSpan(i); }

QStringList EventTimePlot::restartLabels() const
{
    QStringList labels;
    for (const auto& d : m_restarts->marks().downTimes)
        labels << d.label;
    for (const auto& r : m_restarts->marks().reruns)
        labels << r.label;
    return labels;
}

std::pair<double, double> EventTimePlot::restartPixels(std::size_t i) const { return m_restarts->pixelSpan(i); }

void EventTimePlot::updateNow()
{
    if (!m_outages.empty())
        rebuildOutages();
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
        banner = tr("Past one of Tidemark's limits, not a Spark error — see the query panel");
    else if (selected.error)
        banner = tr("Spark rejects this query in every output mode — see the query panel");
    if (selected.error) {
        const QString hint = sparkErrorHint(QString::fromStdString(selected.error->text()));
        if (!hint.isEmpty())
            banner += QLatin1Char('\n') + hint;
    }
    else if (m_followBatch) {
        const Scenario& sc = *m_view.snapshot->scenario;
        const auto day = [&](double t) {
            const QString full = QString::fromStdString(formatTimestamp(fromPlotSeconds(t), sc.zone));
            return full.left(full.indexOf(QLatin1Char(' ')));
        };
        banner = tr("Batch %1's windows, on %2\nevents span %3 – %4 · scroll to see all")
                     .arg(m_view.batchId())
                     .arg(day(m_plot->yAxis->range().center()), day(m_lastBounds.top()), day(m_lastBounds.bottom()));
    }
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
}

QRectF EventTimePlot::dataBounds() const
{
    if (!m_view.snapshot)
        return {};
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
        addY(drawnY(p));
    }
    const auto& batches = m_view.drivingRun().batches;
    for (std::size_t i = 0; i < batches.size(); ++i) {
        const BatchRecord& b = batches[i];
        addX(toPlotSeconds(b.triggerTime));
        if (b.hasMaxEventTime)
            addY(msToPlotSeconds(b.maxEventTimeMs));
        // The watermark lines belong in view too, but not a watermark of 0 (1970): Spark's
        // initial one, and a join's global one while an input has seen no data (its 0 is the min).
        if (b.hasWatermark && b.watermarkMs != 0 && i > 0 && batches[i - 1].hasMaxEventTime)
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
        x1 = x0;
    }
    if (y0 > y1) {
        y0 = x0;
        y1 = x1;
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

void EventTimePlot::resetView()
{
    if (!m_view.snapshot)
        return;
    const QRectF b = dataBounds();
    // At least a minute each way, centred: a run that is one instant gets whole-second ticks.
    const double dx = std::max(b.width(), 60.0), dy = std::max(b.height(), 60.0);
    const double x0 = b.center().x() - dx / 2, x1 = b.center().x() + dx / 2;
    const double y0 = b.center().y() - dy / 2, y1 = b.center().y() + dy / 2;
    const double width = std::max(400, m_plot->axisRect()->width());
    const double gutter = m_windows->gutterWidth() + m_windows->labelsWidth() + 14;
    const double left = dx * 0.04 + dx * gutter / std::max(100.0, width - gutter);
    m_plot->xAxis->setRange(x0 - left, x1 + dx * 0.08);
    m_plot->yAxis->setRange(y0 - dy * 0.06, y1 + dy * 0.08);
    m_lastBounds = b;
    // Events years apart (tumbling-window: 2018-2022) make 5-minute windows invisible slivers
    // on an axis in years. Such a view follows the current batch instead: its windows and
    // events fill the height, stepping moves it along, and a zoom or pan of the user's ends it.
    m_followBatch = false;
    const auto& windows = m_view.snapshot->view(m_view.driving).windows;
    if (!windows.empty()) {
        Micros shortest = std::numeric_limits<Micros>::max();
        for (const WindowLife& w : windows)
            shortest = std::min(shortest, w.range.end - w.range.start);
        const double height = std::max(200, m_plot->axisRect()->height());
        const double px = toPlotSeconds(shortest) / (dy * 1.14) * height;
        if (px < 4.0) {
            m_followBatch = true;
            fitCurrentBatch();
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EventTimePlot::fitCurrentBatch()
{
    if (!m_view.hasBatch())
        return;
    const ModeView& view = m_view.snapshot->view(m_view.driving);
    double y0 = std::numeric_limits<double>::max(), y1 = std::numeric_limits<double>::lowest();
    const std::int64_t id = m_view.batchId();
    for (const EventPoint& p : view.points)
        if (p.batchId == id) {
            y0 = std::min(y0, drawnY(p));
            y1 = std::max(y1, drawnY(p));
        }
    for (const WindowLife& w : view.windows) {
        const auto st = w.stateAt(m_view.batch);
        const bool touched = st == WindowLife::State::Emitted || (w.createdBatch == m_view.batch && st != WindowLife::State::NotYet);
        if (touched && toPlotSeconds(w.range.end) >= y0 - 3600 && toPlotSeconds(w.range.start) <= y1 + 3600) {
            y0 = std::min(y0, toPlotSeconds(w.range.start));
            y1 = std::max(y1, toPlotSeconds(w.range.end));
        }
    }
    if (y0 > y1)
        return;
    const double dy = std::max(y1 - y0, 60.0);
    const double mid = (y0 + y1) / 2;
    m_plot->yAxis->setRange(mid - dy * 0.9, mid + dy * 0.9);
}

void EventTimePlot::stopFollowing()
{
    if (!m_followBatch)
        return;
    m_followBatch = false;
    if (m_view.snapshot)
        updateNow();
}

bool EventTimePlot::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Resize) {
        if (m_view.snapshot)
            rebuildLegend(); // folded or not depends on the height
        else
            placeLegend();
    }
    // The mouse left the plot (for a result row, a table): the band it highlighted goes.
    if (watched == m_plot && event->type() == QEvent::Leave && m_windows->highlighted()) {
        m_windows->setHighlighted(std::nullopt);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    return QWidget::eventFilter(watched, event);
}

QCPAbstractPlottable* EventTimePlot::plottableNamed(const QString& name) const
{
    for (int i = 0; i < m_plot->plottableCount(); ++i)
        if (m_plot->plottable(i)->name() == name)
            return m_plot->plottable(i);
    return nullptr;
}

QRect EventTimePlot::dataRect() const { return m_plot->axisRect()->rect(); }

std::optional<std::size_t> EventTimePlot::highlightedWindow() const { return m_windows->highlighted(); }

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
