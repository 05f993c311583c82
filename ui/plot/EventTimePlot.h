// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"
#include "ui/plot/Outage.h"

#include <QPointer>
#include <QWidget>

#include <array>
#include <optional>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPCurve;
class QCPAbstractPlottable;
class QCPItemStraightLine;
class QCPItemText;
class QCPItemTracer;
class QCPItemRect;
class QMouseEvent;

namespace tidemark::ui {

class TriggerTicksItem;
class JoinPairsItem;
struct WindowLife;
class WindowBandsItem;
class OutageBandsItem;
class RestartDowntimeItem;

/// The event-time × processing-time plot: events as dots coloured by fate, the max event time
/// and the watermark as step lines, trigger ticks, window bands, "now" and the greyed future.
/// Click empty space to add an event, drag a dot to move it, hover or click for the why.
class EventTimePlot : public QWidget
{
    Q_OBJECT
public:
    explicit EventTimePlot(QWidget* parent = nullptr);
    ~EventTimePlot() override;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /// Shows `view`; the redraw is queued, so several calls in one event-loop pass draw once.
    void setView(const ViewState& view);
    /// Fit the axes to the data when the next view arrives (a new scenario).
    void requestFit() { m_fitPending = true; }
    /// Fit the axes to the data now.
    void resetView();
    /// Shows processing times [from, to] (event times stay).
    void setProcessingTimeRange(Micros from, Micros to);
    void setPresentation(bool on);
    /// Marks one event (the inspector's), or none.
    void setSelectedEvent(std::optional<std::uint32_t> event);
    /// What a lesson step points at besides an event: a window (a band across the plot) and/or
    /// the watermark lines (drawn twice as thick). Cleared with {} and false.
    void setPointedAt(std::optional<TimeRange> window, bool watermark);
    std::optional<TimeRange> pointedWindow() const;
    bool pointsAtWatermark() const { return m_pointWatermark; }
    std::optional<std::uint32_t> selectedEvent() const { return m_selected; }
    /// Class mode: rings the events the class predicts will be dropped.
    void setPredictedDrops(const std::vector<std::uint32_t>& events);
    std::size_t numPredictedDrops() const;
    /// Marks when live input was away (the broker lost) as hatched bands on the processing-time
    /// axis, with a legend entry; one still going on reaches the live clock. {} clears them.
    void setOutages(const std::vector<Outage>& outages);
    /// For tests: the bands' labels, and band `i`'s pixel span [left, right] in the QCustomPlot.
    QStringList outageLabels() const;
    std::pair<double, double> outagePixels(std::size_t i) const;
    /// For tests: the labels of the restarts' down times and reruns, and down time `i`'s pixel span.
    QStringList restartLabels() const;
    std::pair<double, double> restartPixels(std::size_t i) const;

    bool savePng(const QString& path);
    bool savePdf(const QString& path);

    QCustomPlot* customPlot() const { return m_plot; }
    /// The widget that takes the mouse (the QCustomPlot), for tests that click and drag.
    QWidget* canvas() const;
    /// Pixel position of a (processing time, event time) point in the QCustomPlot widget.
    QPointF pixelFor(Micros at, Micros eventTime) const;
    /// The event whose dot is nearest to `pixel` within a few pixels.
    std::optional<std::uint32_t> eventAt(const QPointF& pixel) const;
    /// Replots immediately and returns QCustomPlot::replotTime() in ms (for the benchmark).
    double replotNow();
    /// How long the last replot took (QCustomPlot::replotTime()).
    double lastReplotMs() const;
    /// True while a dot is being dragged.
    bool isDragging() const { return m_press && m_press->dragging; }
    /// Lines the trigger-tick layer drew last time.
    int numDrawnTickLines() const;

    // For tests: what is drawn, found by what a student reads.
    /// Names of the legend's entries, top to bottom.
    QStringList legendNames() const;
    /// The graph (or curve) a legend entry with this name stands for, or null.
    QCPAbstractPlottable* plottableNamed(const QString& name) const;
    /// The texts written on the plot next to marks (the dropped rows' comparisons, the
    /// watermark of the current batch).
    QStringList annotations() const;
    /// Where the legend and the data area are, in the QCustomPlot widget.
    QRect legendRect() const;
    QRect dataRect() const;
    /// Folds the legend to one line (a click on the legend does the same), or unfolds it.
    void setLegendFolded(bool folded);
    bool legendFolded() const;
    /// False for a plot drawn for paper or a slide: the legend shows whole, without the entry
    /// that folds it (nobody can click it there).
    void setLegendFoldable(bool foldable);
    /// The window bar the mouse last highlighted, if it still shows.
    std::optional<std::size_t> highlightedWindow() const;
    /// True when the view follows the current batch's windows (events too far apart to fit).
    bool followsBatch() const { return m_followBatch; }
    /// Matched join pairs joined by a line at the current batch.
    std::size_t numDrawnPairs() const;
    /// The labels drawn on the window bars last time.
    QStringList windowLabels() const;

signals:
    void addEventRequested(tidemark::Micros at, tidemark::Micros eventTime);
    void eventDragged(std::uint32_t event, tidemark::Micros at, tidemark::Micros eventTime, int gesture);
    /// The dragged dot was let go.
    void dragFinished();
    void eventClicked(std::uint32_t event, const QPoint& globalPos);
    void windowClicked(const tidemark::TimeRange& window, const QPoint& globalPos);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// The legend names of the graphs drawn in every view, in the window's language.
    void nameGraphs();
    void setupPlot();
    void applyStyle();
    void applyDotStyles();
    void rebuildHistory();
    /// The lines of the joins' output watermarks (rebuildHistory), held to `tail`; true when a
    /// graph was added or removed.
    bool rebuildOperatorWatermarks(double tail);
    void rebuildDots();
    /// The selected event's and the predicted drops' marks at their dots in the current view.
    void placeSelectedEvent();
    void placePredictedDrops();
    void updateNow();
    /// What the legend lists, with each entry's name: rebuilt only when this changes.
    std::vector<std::pair<QCPAbstractPlottable*, QString>> legendEntries() const;
    void rebuildLegend();
    void rebuildOutages();
    void rebuildMarks();
    void placeAnnotations();
    QString windowLabel(const WindowLife& w) const;
    double inputDotSize() const;
    /// Pixels an input's dots sit left (first input) or right (second) of their arrival time.
    double inputLaneOffset() const;
    void placeLegend();
    void applyLegendWrap();
    void fitTickCounts();
    void fitCurrentBatch();
    void stopFollowing();
    /// The data's extent in plot seconds: x processing time, y event time.
    QRectF dataBounds() const;
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);
    std::pair<Micros, Micros> timesAt(const QPointF& pixel) const;
    QSize exportSize() const;

    QCustomPlot* m_plot = nullptr;
    std::array<QCPGraph*, 7> m_fateGraphs{}; ///< indexed by Fate
    QCPGraph* m_pendingGraph = nullptr;
    QCPGraph* m_hiddenFateGraph = nullptr; ///< class mode: read by this batch, fate not shown yet
    QCPGraph* m_selectedGraph = nullptr;
    QCPGraph* m_predictedDropGraph = nullptr;
    std::vector<std::uint32_t> m_predictedDrops;
    QCPGraph* m_maxEventGraph = nullptr;
    QCPGraph* m_watermarkGraph = nullptr;
    QCPGraph* m_nextWatermarkGraph = nullptr;
    QCPGraph* m_batchWatermarkGraph = nullptr; ///< the late-row cutoff of the current batch
    QCPGraph* m_partialGraph = nullptr;        ///< overlay: events that lost some windows
    QCPGraph* m_noTimeGraph = nullptr;         ///< events without an event time, at their arrival
    QCPGraph* m_nullOutputGraph = nullptr;     ///< outer join rows emitted with nulls
    QCPCurve* m_pairCurve = nullptr;           ///< the legend's swatch for matched partners
    JoinPairsItem* m_pairs = nullptr;
    std::vector<QCPGraph*> m_inputGraphs;      ///< per source, for queries with several inputs
    std::vector<std::pair<QCPAbstractPlottable*, QString>> m_legendEntries; ///< what the legend was built from
    std::vector<QCPGraph*> m_inputWatermarkGraphs;
    /// 3.5+: the output watermark of each stream-stream join that a stateful operator reads
    /// (PropagateWatermarkSimulator), below the global one.
    std::vector<QCPGraph*> m_operatorWatermarkGraphs;
    std::vector<QCPItemText*> m_annotations; ///< the late rows' labels, each on its anchor; the first m_numAnnotations show
    std::vector<QCPItemTracer*> m_anchors;
    std::size_t m_numAnnotations = 0;
    QCPItemText* m_batchWatermarkLabel = nullptr;
    // Legend swatches for what is not a graph (ticks, windows).
    QCPGraph* m_legendData = nullptr;
    QCPGraph* m_legendNoData = nullptr;
    QCPGraph* m_legendSkipped = nullptr;
    QCPGraph* m_legendOpen = nullptr;
    QCPGraph* m_legendEmitted = nullptr;
    QCPGraph* m_legendEvicted = nullptr;
    QCPGraph* m_legendMerged = nullptr;
    QCPGraph* m_legendToggle = nullptr; ///< the entry that folds and unfolds the legend
    std::optional<bool> m_legendFolded;  ///< the user's choice; unset: folded when it would crowd
    bool m_legendIsFolded = false;
    bool m_legendFoldable = true;
    TriggerTicksItem* m_ticks = nullptr;
    WindowBandsItem* m_windows = nullptr;
    OutageBandsItem* m_outageBands = nullptr;
    std::vector<Outage> m_outages;
    QCPGraph* m_legendOutage = nullptr;
    RestartDowntimeItem* m_restarts = nullptr;
    QCPGraph* m_legendDownTime = nullptr;
    QCPGraph* m_legendRerun = nullptr;
    QCPItemStraightLine* m_nowLine = nullptr;
    QCPItemText* m_nowLabel = nullptr;
    QCPItemRect* m_future = nullptr;
    QCPItemText* m_banner = nullptr;

    ViewState m_view;
    std::array<bool, 7> m_fatePresent{};
    bool m_hasWatermark = false;
    bool m_hasNoData = false;
    bool m_hasSkipped = false;
    bool m_fitPending = true;
    bool m_followBatch = false;
    bool m_legendRight = true;
    QRectF m_lastBounds;
    bool m_presentation = false;
    /// From this many events on, dots are stamped from pixmaps (see applyDotStyles).
    static constexpr std::size_t kManyDots = 3000;
    bool m_pixmapDots = false;
    std::optional<std::uint32_t> m_selected;
    bool m_pointWatermark = false; ///< a lesson points at the watermark lines

    struct Press {
        QPointF pos;
        std::optional<std::uint32_t> event; ///< pressed on this dot
        bool dragging = false;
        int gesture = 0;
    };
    std::optional<Press> m_press;
    int m_gestures = 0;
};

} // namespace tidemark::ui
