// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <optional>
#include <utility>

class QAction;
class QDockWidget;
class QGridLayout;
class QLabel;
class QMenu;
class QSplitter;
class QTableView;
class QToolBar;

namespace tidemark::kafka {
class KafkaPanel;
class LiveBadge;
}

namespace tidemark::ui {

class Autosave;
class BatchControls;
class ClassMode;
class PredictPanel;
class BatchCursor;
class EventTableModel;
class EventTimePlot;
class EventsPanel;
class FileController;
class InspectorBubble;
class CheckpointPane;
class LogPane;
class ModeColumnsPage;
class QueryPanel;
class RecomputeService;
class ScenarioDocument;
class StatePanel;
class LiveController;
class ElidedLabel;
class LessonController;

/// Composes the simulator: the plot above append | update | complete, the query panel, the
/// state view and the console log on the right, the events table on the left. It owns the
/// document and the recompute service and pushes one ViewState to every page; the pages do
/// the rest.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ScenarioDocument* document() const { return m_document; }
    FileController* files() const { return m_files; }
    BatchCursor* cursor() const { return m_cursor; }
    RecomputeService* compute() const { return m_compute; }
    EventTimePlot* plot() const { return m_plot; }
    ModeColumnsPage* modeColumns() const { return m_columns; }
    QueryPanel* queryPanel() const { return m_query; }
    StatePanel* statePanel() const { return m_state; }
    EventsPanel* eventsPanel() const { return m_events; }
    EventTableModel* eventsModel() const { return m_eventsModel; }
    LogPane* logPane() const { return m_log; }
    CheckpointPane* checkpointPane() const { return m_checkpoint; }
    QDockWidget* checkpointDock() const { return m_checkpointDock; }
    InspectorBubble* inspector() const { return m_inspector; }
    /// Predict, then reveal: hides each batch's outcome until the class has predicted it.
    ClassMode* classMode() const { return m_class; }
    PredictPanel* predictPanel() const { return m_predict; }
    QDockWidget* predictDock() const { return m_predictDock; }
    QAction* classModeAction() const { return m_classAction; }
    LiveController* live() const { return m_live; }
    kafka::KafkaPanel* kafkaPanel() const { return m_kafkaPanel; }
    QDockWidget* kafkaDock() const { return m_kafkaDock; }
    /// "Live Kafka…": shows the Kafka panel.
    void showKafkaPanel();
    const ViewState& view() const { return m_view; }
    /// The guided lesson shown in the bar under the plot (Help › Lessons, `tidemark --lesson`).
    LessonController* lessons() const { return m_lessons; }

    /// The batch to show once the next opened scenario has been computed (-1: the last).
    void setStartBatch(int batch) { m_startBatch = batch; }
    /// True once the latest edit has been computed and shown everywhere.
    bool isUpToDate() const;
    /// True once the plot, the timeline and the events table show the latest edit (the other
    /// pages lag behind while a dot is dragged).
    bool isPlotUpToDate() const;

    bool isPresentation() const { return m_presentation; }
    void setPresentation(bool on);
    /// The projector theme (palette::highContrast): stronger colours, thicker marks, black on white.
    bool isHighContrast() const;
    void setHighContrast(bool on);

    BatchControls* batchControls() const { return m_controls; }
    QToolBar* mainToolBar() const { return m_toolBar; }
    QSplitter* plotSplitter() const { return m_splitter; }
    /// The scenario's title as the header shows it (its "(… mode)" follows the mode chosen).
    QString shownTitle() const;
    /// The temporary message the status bar shows (empty when none).
    QString statusMessage() const;
    /// Shows `text` in the status bar for `ms` milliseconds (0: until the next message),
    /// shortened to fit: it never covers the readouts beside it.
    void showMessage(const QString& text, int ms = 6000);
    /// True when the docks share one column on the right, as on a projector's narrow screen.
    bool isCompactLayout() const { return m_compactLayout; }

    /// Adds an event arriving at `at` with event time `eventTime` (the rest of its row from
    /// its neighbour) as one undo step; returns its global index.
    std::optional<std::uint32_t> addEventAt(Micros at, Micros eventTime);

    void restoreSettings();
    /// How long the last refresh of the plot, timeline and events table took (not counting the
    /// plot's queued replot), and of the other pages.
    double lastRefreshMs() const { return m_lastRefreshMs; }
    double lastPagesMs() const { return m_lastPagesMs; }

signals:
    /// Every page shows the current view.
    void viewUpdated();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    /// View › Language: English / 한국어, each named in its own language.
    void buildLanguageMenu(QMenu* view);
    void buildDocks();
    /// Class mode's controller, its panel (a dock beside the query) and its actions.
    void buildClassroom();
    /// Shows the predict panel in front of the query's tabs.
    void showPredictDock();
    /// What the "Why?" bubble says instead while class mode hides the answer (unset: nothing hidden).
    std::optional<std::pair<QString, QString>> hiddenWhy() const;
    /// Menus, toolbar, docks and every readout anew in the language just chosen.
    void retranslate();
    void updateLiveBadge();
    void rebuildRecentMenu();
    void onSnapshot();
    void scheduleRefresh() { m_refresh.start(); }
    void refresh();
    void refreshPages();
    void updateStatus();
    void updateTitle();
    void styleTitle();
    void exportPlot(bool pdf);
    void exportTable(QTableView* table, const QString& name);
    void addEventAfterLast();
    /// Opens the "Why?" of the outage band at processing time `at`; false when none is there.
    bool showOutageWhy(Micros at);
    void showEventWhy(std::uint32_t event, const QPoint& globalPos);
    /// Opens the "Why?" bubble with what `explain` says for the current view; the text is
    /// asked again whenever the view changes (a step, an edit), so it is never stale.
    void showWhy(const QPoint& globalPos, const QRect& bounds, std::function<std::optional<std::pair<QString, QString>>()> explain);
    void refreshWhy();
    /// What the bubble says for the current view (class mode's "hidden" text first); closes
    /// the bubble when its subject is gone.
    std::optional<std::pair<QString, QString>> whyText();
    /// The docks in one column on the right (narrow screens) or events left, the rest right.
    void arrangeDocks(bool compact);
    /// Title and batch controls on one row when both fit whole, else on two.
    void arrangeHeader();
    /// The plot's share of the height it shares with the output-mode tables.
    void giveThePlot(double share);
    /// In the one-column layout, more of the column for the state when it shows several operators.
    void fitStateDock();
    /// Esc: closes the bubble, else gives the keyboard back to the plot. False if neither applied.
    bool escape();
    /// The plot's rectangle in this window's coordinates (the bubble stays inside it).
    QRect plotBounds() const;
    void onLiveChanged(bool live);
    /// False (and says why in the status bar) while a live session is shown.
    bool editable();
    void saveLiveSessionAs();

    ScenarioDocument* m_document;
    RecomputeService* m_compute;
    BatchCursor* m_cursor;
    Autosave* m_autosave;
    FileController* m_files;
    EventTableModel* m_eventsModel;
    LiveController* m_live;

    ElidedLabel* m_title;
    QWidget* m_about = nullptr;
    QGridLayout* m_header = nullptr;
    QSplitter* m_splitter = nullptr;
    QToolBar* m_toolBar = nullptr;
    LessonController* m_lessons = nullptr;
    EventTimePlot* m_plot;
    ModeColumnsPage* m_columns;
    QueryPanel* m_query;
    StatePanel* m_state;
    EventsPanel* m_events;
    LogPane* m_log;
    CheckpointPane* m_checkpoint;
    BatchControls* m_controls;
    InspectorBubble* m_inspector;
    kafka::KafkaPanel* m_kafkaPanel;
    QDockWidget* m_eventsDock = nullptr;
    QDockWidget* m_kafkaDock = nullptr;
    QDockWidget* m_queryDock = nullptr;
    QDockWidget* m_stateDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QDockWidget* m_checkpointDock = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_presentationAction = nullptr;
    QAction* m_highContrastAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_saveLiveAction = nullptr;
    QAction* m_playAction = nullptr;
    QAction* m_classAction = nullptr;
    QAction* m_revealAction = nullptr;
    ClassMode* m_class = nullptr;
    PredictPanel* m_predict = nullptr;
    QDockWidget* m_predictDock = nullptr;
    kafka::LiveBadge* m_statusLive;
    ElidedLabel* m_statusMessage;
    QTimer m_statusMessageTimer;
    ElidedLabel* m_statusWatermark;
    ElidedLabel* m_statusMax;
    ElidedLabel* m_statusState;
    ElidedLabel* m_statusDropped;
    ElidedLabel* m_statusCompute;
    std::function<std::optional<std::pair<QString, QString>>()> m_why; ///< what the bubble shows, asked anew per view

    ViewState m_view;      ///< what the plot, the timeline and the events table show
    ViewState m_pagesView; ///< what the mode columns, the state and the log show (behind while dragging)
    QTimer m_refresh;
    QTimer m_pagesRefresh;
    int m_startBatch = 0;
    bool m_positionPending = true;
    bool m_stateFitsChain = false; ///< the state dock was given the room of several operators' tables
    bool m_presentation = false;
    bool m_compactLayout = false;
    bool m_userArrangedDocks = false; ///< the user moved a dock: stop rearranging on resize
    bool m_closeConfirmed = false;
    QByteArray m_layoutBeforePresentation;
    QFont m_baseFont;
    double m_lastRefreshMs = 0;
    double m_lastPagesMs = 0;
};

} // namespace tidemark::ui
