// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "engine/exec/EventTime.h"
#include "ui/classroom/ClassMode.h"
#include "ui/classroom/PredictPanel.h"
#include "ui/compute/ComputeStatus.h"
#include "ui/compute/RecomputeService.h"
#include "ui/document/AddEventCommand.h"
#include "ui/document/CellText.h"
#include "ui/document/DefaultEvent.h"
#include "ui/document/MoveEventCommand.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/Autosave.h"
#include "ui/files/FileController.h"
#include "ui/inspector/Explanations.h"
#include "ui/inspector/OutageExplanation.h"
#include "ui/inspector/InspectorBubble.h"
#include "ui/kafka/KafkaPanel.h"
#include "ui/kafka/LiveBadge.h"
#include "ui/kafka/LiveController.h"
#include "ui/models/EventTableModel.h"
#include "ui/pages/BatchControls.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/EventsPanel.h"
#include "ui/pages/CheckpointPane.h"
#include "ui/pages/ColumnRows.h"
#include "ui/pages/LogPane.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/QueryPanel.h"
#include "ui/pages/StatePanel.h"
#include "ui/pages/PresenterKeys.h"
#include "ui/lessons/LessonController.h"
#include "ui/plot/EventTimePlot.h"
#include "ui/widgets/ElidedLabel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QCursor>
#include <QRegularExpression>
#include <QScreen>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QGridLayout>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <utility>

namespace tidemark::ui {

namespace {
/// Below this width (a 1024 or 1280 px projector) the docks share one column on the right.
constexpr int kCompactWidth = 1400;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_document(new ScenarioDocument(this))
    , m_compute(new RecomputeService(this))
    , m_cursor(new BatchCursor(this))
    , m_autosave(new Autosave(m_document, this))
    , m_files(new FileController(m_document, m_autosave, this))
    , m_eventsModel(new EventTableModel(m_document, this))
    , m_live(new LiveController(m_document, m_compute, m_cursor, this))
    , m_title(new ElidedLabel(this))
    , m_plot(new EventTimePlot(this))
    , m_columns(new ModeColumnsPage(this))
    , m_query(new QueryPanel(m_document, this))
    , m_state(new StatePanel(this))
    , m_events(new EventsPanel(m_document, m_eventsModel, this))
    , m_log(new LogPane(this))
    , m_checkpoint(new CheckpointPane(this))
    , m_controls(new BatchControls(m_cursor, this))
    , m_inspector(new InspectorBubble(this))
    , m_kafkaPanel(new kafka::KafkaPanel(m_live->bridge(), this))
    , m_statusLive(new kafka::LiveBadge(m_live->bridge(), this))
    , m_statusMessage(new ElidedLabel(this))
    , m_statusWatermark(new ElidedLabel(this))
    , m_statusMax(new ElidedLabel(this))
    , m_statusState(new ElidedLabel(this))
    , m_statusDropped(new ElidedLabel(this))
    , m_statusCompute(new ElidedLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_baseFont = font();
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0); // coalesces the edits and steps of one event-loop pass into one redraw
    connect(&m_refresh, &QTimer::timeout, this, &MainWindow::refresh);
    m_pagesRefresh.setSingleShot(true);
    m_pagesRefresh.setInterval(150);
    connect(&m_pagesRefresh, &QTimer::timeout, this, [this] {
        refreshPages();
        emit viewUpdated();
    });

    styleTitle();
    m_title->setObjectName(QStringLiteral("scenarioTitle"));
    m_title->setContentsMargins(8, 2, 4, 2);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    // The plot is the largest thing on screen; the tables below keep enough rows to read.
    m_plot->setMinimumSize(360, 220);
    m_columns->setMinimumHeight(140);
    auto* splitter = m_splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("plotSplitter"));
    splitter->addWidget(m_plot);
    splitter->addWidget(m_columns);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    // The scenario's description is a click away (the teacher's notes on what to look for).
    auto* about = new QToolButton(this);
    about->setObjectName(QStringLiteral("aboutScenarioButton"));
    about->setIcon(style()->standardIcon(QStyle::SP_MessageBoxInformation));
    about->setAutoRaise(true);
    connect(about, &QToolButton::clicked, this, [this, about] {
        showWhy(about->mapToGlobal(about->rect().bottomLeft()), rect(), [this]() -> std::optional<std::pair<QString, QString>> {
            const Scenario& sc = *m_document->scenario();
            return std::make_pair(QString::fromStdString(sc.title), QString::fromStdString(sc.description));
        });
    });
    // The batch controls live here, not in the toolbar, so a narrow screen can never push them
    // into the toolbar's » overflow; the title gives way (elided) instead.
    m_controls->setObjectName(QStringLiteral("batchControls"));
    m_about = about;
    auto* header = m_header = new QGridLayout;
    header->setContentsMargins(0, 0, 4, 0);
    header->setHorizontalSpacing(4);
    header->setVerticalSpacing(0);
    header->addWidget(m_title, 0, 0);
    header->addWidget(about, 0, 1);
    header->addWidget(m_controls, 0, 2);
    header->setColumnStretch(0, 1);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    central->installEventFilter(this); // docks resized without the window: rearrange the header

    buildDocks();
    buildClassroom();
    buildActions();
    retranslate();
    m_live->attachPanel(m_kafkaPanel);
    // Live, the copy of the session is its recording (every message), not the newest batches shown.
    m_autosave->setLiveWriter([live = m_live](const QString& path, std::function<void()> done) { live->writeRecording(path, std::move(done)); });
    // Messages go to a label of their own, shortened to its room: QStatusBar draws a temporary
    // message unclipped, over the readouts beside it. Anyone's showMessage() lands here too.
    m_statusMessage->setObjectName(QStringLiteral("statusMessage"));
    m_statusMessage->setPreferredWidth(80); // the readouts come first; a message takes what is left
    statusBar()->addWidget(m_statusMessage, 1);
    m_statusMessageTimer.setSingleShot(true);
    connect(&m_statusMessageTimer, &QTimer::timeout, m_statusMessage, [this] { m_statusMessage->setFullText({}); });
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            return;
        showMessage(text);
        statusBar()->clearMessage();
    });
    statusBar()->addPermanentWidget(m_statusLive);
    m_statusWatermark->setObjectName(QStringLiteral("statusWatermark"));
    m_statusDropped->setObjectName(QStringLiteral("statusDropped"));
    // The readouts shorten (full text in their tooltips) rather than widen the window.
    for (ElidedLabel* l : {m_statusWatermark, m_statusMax, m_statusState, m_statusDropped, m_statusCompute})
        statusBar()->addPermanentWidget(l, 0);
    m_statusCompute->setObjectName(QStringLiteral("statusCompute"));
    m_statusCompute->setStyleSheet(QStringLiteral("color: #555555;"));
    new PresenterKeys(this, [this] { return escape(); }); // owned by the window
    // After the presenter keys: while a lesson is open its steps take PageDown / PageUp.
    m_lessons = new LessonController(this);
    statusBar()->addPermanentWidget(new ComputeStatus(m_compute, this)); // busy, progress, Esc cancels

    connect(m_document, &ScenarioDocument::changed, this, [this](const ScenarioDocument::Change& change) {
        if (change.kind == ScenarioDocument::ChangeKind::Reset) {
            m_plot->requestFit();
            m_positionPending = true;
            m_inspector->hide();
            m_why = nullptr;
            m_plot->setSelectedEvent(std::nullopt);
            m_class->clear(); // answers about another scenario
            m_statusMessageTimer.stop();
            m_statusMessage->setFullText({}); // a message about the previous file
            if (m_class)
                m_class->clear(); // another scenario (or a lesson's): its batches, its answers
        }
        // Live, the session's own thread makes the runs as the messages come (LiveController).
        if (!m_document->isLive()) {
            using Kind = ScenarioDocument::ChangeKind;
            const bool eventsOnly = change.kind == Kind::EventsChanged || change.kind == Kind::EventsInserted
                                    || change.kind == Kind::EventsRemoved || change.kind == Kind::EventsReset;
            if (eventsOnly) // the runs may go on from the first batch the edit reaches
                m_compute->requestEventEdit(m_document->scenario());
            else
                m_compute->request(m_document->scenario());
        }
        updateTitle();
    });
    connect(m_document, &ScenarioDocument::fileStateChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::liveChanged, this, &MainWindow::onLiveChanged);
    connect(m_live, &LiveController::followingNewest, m_plot, &EventTimePlot::requestFit);
    // The plot's replot is queued after refresh(): the last one's time stands for it.
    connect(this, &MainWindow::viewUpdated, m_live, [this] { m_live->setViewCost(m_lastRefreshMs + m_lastPagesMs + m_plot->lastReplotMs()); });
    // Queued: a message about a reset (another file opened) comes after the reset cleared the old ones.
    connect(m_live, &LiveController::message, this, &MainWindow::showMessage, Qt::QueuedConnection);
    connect(m_live, &LiveController::outagesChanged, this, [this] { m_plot->setOutages(m_live->outages()); });
    connect(m_compute, &RecomputeService::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_cursor, &BatchCursor::positionChanged, this, &MainWindow::scheduleRefresh);
    // The worker builds the columns' tables of the batch shown with each complete snapshot:
    // three modes' tables are milliseconds this thread would spend when a dot is let go.
    m_compute->setColumnPreparer([](const ModeRun& run, std::size_t index) { return std::make_shared<const ColumnRows>(columnRows(run, index)); });
    connect(m_cursor, &BatchCursor::positionChanged, m_compute, &RecomputeService::setShownBatch);

    connect(m_plot, &EventTimePlot::addEventRequested, this, [this](Micros at, Micros t) {
        if (m_document->isLive() && showOutageWhy(at)) // live nothing can be added; the band explains itself
            return;
        addEventAt(at, t);
    });
    connect(m_plot, &EventTimePlot::eventDragged, this, [this](std::uint32_t e, Micros at, Micros t, int gesture) {
        if (!editable())
            return;
        const auto ref = m_document->locate(e);
        if (!ref)
            return;
        const auto columns = eventTimeColumns(*m_document->scenario());
        m_document->undoStack()->push(new MoveEventCommand(m_document, e, at, columns[ref->source], t, gesture));
    });
    connect(m_plot, &EventTimePlot::dragFinished, this, [this] {
        m_compute->endBurst(); // no more moves: the other modes and the tables now
        refreshPages();
        emit viewUpdated();
    });
    connect(m_plot, &EventTimePlot::eventClicked, this, &MainWindow::showEventWhy);
    connect(m_plot, &EventTimePlot::windowClicked, this, [this](const TimeRange& w, const QPoint& pos) {
        showWhy(pos, plotBounds(), [this, w]() -> std::optional<std::pair<QString, QString>> {
            if (!m_view.snapshot)
                return std::nullopt;
            return std::make_pair(tr("Window %1").arg(cellText(Value(w), DataType(TypeId::Window), *m_view.snapshot->scenario)),
                                  explainWindow(m_view, m_view.driving, w));
        });
    });
    const auto explainRowAt = [this](OutputMode mode, const Row& row, const QPoint& pos) {
        showWhy(pos, rect(), [this, mode, row]() -> std::optional<std::pair<QString, QString>> {
            if (!m_pagesView.snapshot)
                return std::nullopt;
            return std::make_pair(rowTitle(m_pagesView, mode, row), explainRow(m_pagesView, mode, row));
        });
    };
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
        connect(m_columns->column(m), &OutputModeColumn::rowClicked, this, explainRowAt);
        connect(m_columns->column(m), &OutputModeColumn::exportRequested, this, &MainWindow::exportTable);
    }
    connect(m_state, &StatePanel::rowClicked, this, explainRowAt);
    connect(m_state, &StatePanel::eventClicked, this, &MainWindow::showEventWhy);
    connect(m_state, &StatePanel::exportRequested, this, &MainWindow::exportTable);
    connect(m_state, &StatePanel::batchClicked, m_cursor, &BatchCursor::setPosition);
    connect(m_events, &EventsPanel::addRequested, this, &MainWindow::addEventAfterLast);
    connect(m_events, &EventsPanel::eventSelected, m_plot, &EventTimePlot::setSelectedEvent);
    connect(m_eventsModel, &EventTableModel::editRejected, this, [this](const QString& m) { statusBar()->showMessage(m, 6000); });
    connect(m_files, &FileController::opened, this, &MainWindow::rebuildRecentMenu);
    connect(m_files, &FileController::saved, this, &MainWindow::rebuildRecentMenu);

    // The screen decides the first layout: a projector's 1024 px get one dock column.
    if (const QScreen* screen = QGuiApplication::primaryScreen()) {
        const QSize avail = screen->availableSize();
        resize(std::min(1600, avail.width()), std::min(1000, avail.height()));
    } else {
        resize(1600, 1000);
    }
    arrangeDocks(width() < kCompactWidth);
    arrangeHeader();
    for (QDockWidget* d : {m_eventsDock, m_queryDock, m_stateDock, m_logDock, m_checkpointDock, m_kafkaDock})
        connect(d, &QDockWidget::topLevelChanged, this, [this] { m_userArrangedDocks = true; });
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks()
{
    const auto dock = [this](const QString& title, const QString& name, QWidget* content, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(content);
        d->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
        addDockWidget(area, d);
        return d;
    };
    m_eventsDock = dock(tr("Events"), QStringLiteral("eventsDock"), m_events, Qt::LeftDockWidgetArea);
    // In a scroll area: on a projector's narrow column the panel scrolls instead of widening the window.
    auto* queryScroll = new QScrollArea(this);
    queryScroll->setWidget(m_query);
    queryScroll->setWidgetResizable(true);
    queryScroll->setFrameShape(QFrame::NoFrame);
    m_queryDock = dock(tr("Query"), QStringLiteral("queryDock"), queryScroll, Qt::RightDockWidgetArea);
    m_stateDock = dock(tr("State"), QStringLiteral("stateDock"), m_state, Qt::RightDockWidgetArea);
    m_logDock = dock(tr("Console sink"), QStringLiteral("logDock"), m_log, Qt::RightDockWidgetArea);
    m_checkpointDock = dock(tr("Checkpoint"), QStringLiteral("checkpointDock"), m_checkpoint, Qt::RightDockWidgetArea);
    // In a scroll area: the panel is taller than the dock when it shares the column with the state.
    auto* kafkaScroll = new QScrollArea(this);
    kafkaScroll->setWidget(m_kafkaPanel);
    kafkaScroll->setWidgetResizable(true);
    kafkaScroll->setFrameShape(QFrame::NoFrame);
    m_kafkaDock = dock(tr("Kafka"), QStringLiteral("kafkaDock"), kafkaScroll, Qt::RightDockWidgetArea);
    tabifyDockWidget(m_queryDock, m_kafkaDock); // while live the query cannot be edited anyway
    m_kafkaDock->hide();                        // File › Live Kafka… or View › Kafka shows it
    m_queryDock->raise();
    tabifyDockWidget(m_stateDock, m_logDock);
    tabifyDockWidget(m_logDock, m_checkpointDock);
    m_stateDock->raise();
    m_log->setActive(false);
    connect(m_logDock, &QDockWidget::visibilityChanged, m_log, &LogPane::setActive);
    m_checkpoint->setActive(false);
    connect(m_checkpointDock, &QDockWidget::visibilityChanged, m_checkpoint, &CheckpointPane::setActive);
}

void MainWindow::arrangeDocks(bool compact)
{
    m_compactLayout = compact;
    if (compact) {
        // One column on the right, tabs on top (events, query, Kafka) and below (state, log):
        // the plot keeps two thirds of a 1024 px screen.
        addDockWidget(Qt::RightDockWidgetArea, m_eventsDock);
        tabifyDockWidget(m_eventsDock, m_queryDock);
        tabifyDockWidget(m_queryDock, m_kafkaDock);
        m_queryDock->raise();
    } else {
        addDockWidget(Qt::LeftDockWidgetArea, m_eventsDock);
    }
    m_statusCompute->setVisible(!compact); // a figure for the curious, not for the room
    // Sizes once the docks are laid out in their new places (the next event-loop pass).
    QTimer::singleShot(0, this, [this] {
        giveThePlot(3.0 / 5); // whatever the tables would like
        if (m_compactLayout) {
            resizeDocks({m_queryDock}, {std::max(280, width() * 29 / 100)}, Qt::Horizontal);
            resizeDocks({m_queryDock, m_stateDock}, {height() / 2, height() / 2}, Qt::Vertical);
            m_stateFitsChain = false;
            fitStateDock();
        } else {
            resizeDocks({m_eventsDock, m_queryDock}, {360, 390}, Qt::Horizontal);
            resizeDocks({m_queryDock, m_stateDock}, {380, 520}, Qt::Vertical);
        }
    });
}

void MainWindow::fitStateDock()
{
    // On a projector's column, a chain of stateful operators gets two thirds of it: each
    // operator's table then shows a few rows instead of one. Only when that changes, so a dock
    // the user sized stays as sized while the scenario stays a chain (or not).
    const bool chain = m_state->numOperatorSections() > 1;
    if (!m_compactLayout || m_presentation || m_userArrangedDocks || chain == m_stateFitsChain)
        return;
    m_stateFitsChain = chain;
    const int h = height();
    resizeDocks({m_queryDock, m_stateDock}, {chain ? h / 3 : h / 2, chain ? h - h / 3 : h / 2}, Qt::Vertical);
    QTimer::singleShot(0, m_state, &StatePanel::shareRoom); // once the dock has its new height
}

void MainWindow::giveThePlot(double share)
{
    const int total = m_splitter->height();
    const int plot = static_cast<int>(total * share);
    m_splitter->setSizes({plot, total - plot});
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == centralWidget() && event->type() == QEvent::Resize)
        arrangeHeader();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::arrangeHeader()
{
    // The title and the batch controls share a row when both fit whole; otherwise the controls
    // take a row of their own (they are never squeezed, the title never cut).
    const int room = centralWidget() ? centralWidget()->width() : width();
    const int needed = m_title->sizeHint().width() + m_about->sizeHint().width() + m_controls->sizeHint().width() + 16;
    const bool oneRow = needed <= room;
    const int row = oneRow ? 0 : 1;
    if (m_header->indexOf(m_controls) >= 0) {
        int r = 0, c = 0, rs = 0, cs = 0;
        m_header->getItemPosition(m_header->indexOf(m_controls), &r, &c, &rs, &cs);
        if (r == row)
            return;
        m_header->removeWidget(m_controls);
    }
    if (oneRow)
        m_header->addWidget(m_controls, 0, 2);
    else
        m_header->addWidget(m_controls, 1, 0, 1, 3, Qt::AlignLeft);
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    // Follow the screen until the user arranges the docks; presentation mode has its own.
    const bool compact = width() < kCompactWidth;
    if (compact != m_compactLayout && !m_userArrangedDocks && !m_presentation)
        arrangeDocks(compact);
    arrangeHeader();
}

void MainWindow::onSnapshot()
{
    const SnapshotPtr& snap = m_compute->latest();
    const int count = ViewState::at(snap, 0).numBatches();
    m_cursor->setCount(count);
    if (m_positionPending) {
        m_positionPending = false;
        m_cursor->setPosition(m_startBatch < 0 ? count - 1 : m_startBatch);
    }
    scheduleRefresh();
}

bool MainWindow::isPlotUpToDate() const
{
    const SnapshotPtr& latest = m_compute->latest();
    return latest && latest->generation == m_compute->requestedGeneration() && !m_refresh.isActive() && m_view.snapshot == latest;
}

bool MainWindow::isUpToDate() const
{
    return isPlotUpToDate() && m_compute->isIdle() && !m_pagesRefresh.isActive() && m_pagesView.snapshot == m_view.snapshot;
}

void MainWindow::refresh()
{
    const SnapshotPtr& snap = m_compute->latest();
    if (!snap)
        return;
    QElapsedTimer clock;
    clock.start();
    SnapshotPtr previous = m_view.snapshot;
    m_view = ViewState::at(snap, m_cursor->position());
    m_class->setView(m_view);
    m_view.hideOutcomeFrom = m_class->hideOutcomeFrom(m_view.batch);
    m_plot->setView(m_view);
    m_controls->setView(m_view);
    m_eventsModel->setView(m_view);
    m_title->setFullText(shownTitle());
    m_title->setToolTip(QString::fromStdString(snap->scenario->description));
    arrangeHeader();
    // While a dot is dragged the plot follows every move; the tables catch up a few times a
    // second and once more when the dot is let go.
    if (snap->complete) { // a preview leaves the pages waiting for the complete snapshot
        if (m_plot->isDragging())
            m_pagesRefresh.start();
        else
            refreshPages();
    }
    // Free the previous snapshot's megabytes on the worker (this drops the last reference
    // unless the tables still show it).
    if (previous != snap)
        m_compute->retire(std::move(previous));
    m_lastRefreshMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    updateStatus();
    emit viewUpdated();
}

void MainWindow::refreshPages()
{
    m_pagesRefresh.stop();
    if (!m_view.snapshot || !m_view.snapshot->complete || (m_pagesView.snapshot == m_view.snapshot && m_pagesView.batch == m_view.batch
                                                                  && m_pagesView.hideOutcomeFrom == m_view.hideOutcomeFrom))
        return;
    QElapsedTimer clock;
    clock.start();
    SnapshotPtr previous = std::exchange(m_pagesView, m_view).snapshot;
    m_columns->setView(m_view);
    m_state->setView(m_view);
    m_log->setView(m_view);
    m_checkpoint->setView(m_view);
    // A scenario that stops and restarts its query opens on what the checkpoint holds.
    const auto restarts = [](const SnapshotPtr& s) { return s && s->scenario && !s->scenario->restarts.empty(); };
    if (restarts(m_view.snapshot) && !restarts(previous) && !m_presentation)
        m_checkpointDock->raise();
    refreshWhy();
    if (m_presentation) // the state shows beside the plot only when there is state to read
        m_stateDock->setVisible(m_state->hasContent());
    fitStateDock();
    if (previous != m_view.snapshot)
        m_compute->retire(std::move(previous));
    m_lastPagesMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

void MainWindow::updateStatus()
{
    if (!m_view.hasBatch()) {
        for (ElidedLabel* l : {m_statusWatermark, m_statusMax, m_statusState, m_statusDropped})
            l->setFullText({});
        return;
    }
    const Scenario& sc = *m_view.snapshot->scenario;
    const BatchRecord& b = m_view.currentBatch();
    const ModeView& mv = m_view.snapshot->view(m_view.driving);
    const auto i = static_cast<std::size_t>(m_view.batch);
    const bool hasWatermark = b.hasWatermark && m_view.batch > 0 && m_view.drivingRun().batches[i - 1].hasMaxEventTime;
    m_statusWatermark->setFullText(tr("watermark: %1").arg(hasWatermark ? timeText(b.watermarkMs * kMicrosPerMilli, sc) : tr("none")));
    m_statusMax->setFullText(tr("max event time: %1").arg(b.hasMaxEventTime ? timeText(b.maxEventTimeMs * kMicrosPerMilli, sc) : tr("none")));
    m_statusState->setFullText(tr("state rows: %1").arg(mv.stateRows[i]));
    m_statusDropped->setFullText(droppedCounterText(m_view));
    m_statusDropped->setToolTip(droppedCounterToolTip(m_view)); // what the counter counts, in words
    if (m_view.hidesOutcome()) // class mode: these are the batch's outcome
        for (ElidedLabel* l : {m_statusMax, m_statusState, m_statusDropped})
            l->setFullText(l == m_statusMax ? tr("max event time: ?") : l == m_statusState ? tr("state rows: ?") : tr("dropped: ?"));
    m_statusCompute->setFullText(tr("recomputed in %1 ms, shown in %2 ms")
                                 .arg(m_view.snapshot->computeMs + m_view.snapshot->deriveMs, 0, 'f', 1)
                                 .arg(m_lastRefreshMs + m_lastPagesMs, 0, 'f', 1));
}

void MainWindow::styleTitle()
{
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * (m_presentation ? 1.1 : 1.3)); // the font is already larger there
    title.setBold(true);
    // Hangul comes from the fallback font; name a family that has a real bold face, or the
    // Korean half of a title renders regular next to bold Latin.
    title.setFamilies(QStringList{title.family(), QStringLiteral("NanumGothic"), QStringLiteral("NanumBarunGothic")});
    m_title->setFont(title);
}

QString MainWindow::shownTitle() const
{
    if (!m_view.snapshot)
        return {};
    QString title = QString::fromStdString(m_view.snapshot->scenario->title);
    // "Word count (update mode)" names the mode the file was written for; after the query panel
    // switches to append the header must not still say update.
    static const QRegularExpression mode(QStringLiteral("\\b(append|update|complete) mode\\b"));
    return title.replace(mode, QString::fromLatin1(outputModeName(m_view.selected)) + QStringLiteral(" mode"));
}

QString MainWindow::statusMessage() const { return m_statusMessage->fullText(); }

void MainWindow::showMessage(const QString& text, int ms)
{
    m_statusMessage->setFullText(text);
    if (ms > 0)
        m_statusMessageTimer.start(ms);
    else
        m_statusMessageTimer.stop();
}

void MainWindow::updateTitle()
{
    const QString name = m_document->displayName().isEmpty() ? tr("untitled") : m_document->displayName();
    setWindowTitle(m_document->isLive() ? tr("%1[*] (live from Kafka) — Tidemark").arg(name) : tr("%1[*] — Tidemark").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::setPresentation(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    m_presentationAction->setChecked(on);
    if (on) {
        m_layoutBeforePresentation = saveState();
        m_eventsDock->hide();
        m_logDock->hide();
        m_checkpointDock->hide();
        m_queryDock->hide();
    }
    QFont f = m_baseFont;
    if (on)
        f.setPointSizeF(f.pointSizeF() * 1.4);
    setFont(f);
    styleTitle();
    // Icons only: the larger text would not fit a projector's width beside them.
    m_toolBar->setToolButtonStyle(on ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    m_plot->setPresentation(on);
    m_columns->setPresentation(on);
    m_state->setPresentation(on);
    m_inspector->setPresentation(on);
    m_predict->setPresentation(on);
    m_inspector->hide();
    if (on) {
        // The state stays beside the plot only when there is state to read.
        m_stateDock->setVisible(m_state->hasContent());
        resizeDocks({m_stateDock}, {std::max(260, width() * 28 / 100)}, Qt::Horizontal);
        giveThePlot(11.0 / 20); // the plot dominates; the tables keep a few rows each
    } else {
        restoreState(m_layoutBeforePresentation);
        if (m_class->isOn() || m_class->current()) // class mode began during the presentation
            m_predictDock->show();
        giveThePlot(3.0 / 5);
    }
    arrangeHeader();
}

bool MainWindow::editable()
{
    if (!m_document->isLive())
        return true;
    statusBar()->showMessage(tr("Editing is off while live: the events come from Kafka. Disconnect to edit them."), 6000);
    return false;
}

void MainWindow::onLiveChanged(bool live)
{
    m_query->setEnabled(!live);
    m_undoAction->setEnabled(!live && m_document->undoStack()->canUndo());
    m_redoAction->setEnabled(!live && m_document->undoStack()->canRedo());
    m_saveLiveAction->setEnabled(live);
    updateLiveBadge();
    if (live) {
        m_inspector->hide();
        m_plot->setSelectedEvent(std::nullopt);
        m_plot->requestFit();
    }
    updateTitle();
}

void MainWindow::updateLiveBadge()
{
    m_statusLive->refresh(); // it follows the source's state by itself
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        // The menus and the toolbar are built anew (their actions hold the texts); the rest
        // is shown again from the current view. The pages' own constructor texts follow by
        // themselves (ui/i18n/Retranslate.h).
        setMenuBar(new QMenuBar(this)); // deletes the old one
        removeToolBar(m_toolBar);
        delete m_toolBar;
        delete m_undoAction;
        delete m_redoAction;
        buildActions();
        m_presentationAction->setChecked(m_presentation);
        m_toolBar->setToolButtonStyle(m_presentation ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
        const bool live = m_document->isLive();
        m_undoAction->setEnabled(!live && m_document->undoStack()->canUndo());
        m_redoAction->setEnabled(!live && m_document->undoStack()->canRedo());
        m_saveLiveAction->setEnabled(live);
        retranslate();
    }
}

void MainWindow::retranslate()
{
    m_about->setToolTip(tr("What this scenario shows"));
    // Names a screen reader reads for controls that show only an icon or sit around a panel.
    m_about->setAccessibleName(tr("About this scenario"));
    m_queryDock->widget()->setAccessibleName(tr("Query"));
    m_kafkaDock->widget()->setAccessibleName(tr("Kafka"));
    m_log->setAccessibleName(tr("Console sink"));
    m_eventsDock->setWindowTitle(tr("Events"));
    m_queryDock->setWindowTitle(tr("Query"));
    m_stateDock->setWindowTitle(tr("State"));
    m_logDock->setWindowTitle(tr("Console sink"));
    m_checkpointDock->setWindowTitle(tr("Checkpoint"));
    m_checkpoint->setAccessibleName(tr("Checkpoint"));
    m_kafkaDock->setWindowTitle(tr("Kafka"));
    updateLiveBadge();
    updateTitle();
    if (m_eventsModel->columnCount() > 0)
        emit m_eventsModel->headerDataChanged(Qt::Horizontal, 0, m_eventsModel->columnCount() - 1);
    // Every page shows the current batch again, in the new words.
    m_pagesView = {};
    if (m_view.snapshot) {
        m_view = {};
        refresh();
    }
    updateStatus();
    arrangeHeader();
}

std::optional<std::uint32_t> MainWindow::addEventAt(Micros at, Micros eventTime)
{
    if (!editable())
        return std::nullopt;
    const auto source = m_document->defaultSource();
    if (!source) {
        statusBar()->showMessage(tr("This scenario has no streaming source to add events to."), 6000);
        return std::nullopt;
    }
    NewEvent e = defaultEventAt(*m_document->scenario(), *source, at, eventTime);
    auto* command = new AddEventCommand(m_document, e.position, std::move(e.event));
    const std::uint32_t global = command->globalIndex();
    m_document->undoStack()->push(command);
    m_events->selectEvent(global);
    m_plot->setSelectedEvent(global);
    const Scenario& sc = *m_document->scenario();
    statusBar()->showMessage(tr("Added event %1 arriving %2 with event time %3 — edit its row in the Events table; Ctrl+Z undoes it.")
                                 .arg(global + 1)
                                 .arg(timeText(at, sc), timeText(eventTime, sc)),
                             8000);
    return global;
}

void MainWindow::addEventAfterLast()
{
    const auto source = m_document->defaultSource();
    if (!source)
        return;
    const auto& events = m_document->scenario()->sources[*source].events;
    Micros at = m_view.snapshot ? m_view.now : 0;
    for (const auto& e : events)
        at = std::max(at, e.at + 10 * kMicrosPerSecond);
    addEventAt(at, at);
}

void MainWindow::showEventWhy(std::uint32_t event, const QPoint& globalPos)
{
    if (m_class->toggleDropOfEvent(event)) // class mode: a click on a dot of the batch predicts its drop
        return;
    m_plot->setSelectedEvent(event);
    m_events->selectEvent(event);
    showWhy(globalPos, plotBounds(), [this, event]() -> std::optional<std::pair<QString, QString>> {
        if (!m_view.snapshot || event >= m_view.snapshot->scenario->numEvents())
            return std::nullopt; // deleted (undo of its add)
        const auto& points = m_view.snapshot->view(m_view.driving).points;
        if (m_view.hideOutcomeFrom && event < points.size() && m_view.isPending(points[event])) // class mode: not told ahead
            return std::make_pair(tr("Why? — event %1").arg(event + 1), tr("A later batch reads it. Class mode tells its fate when that batch is revealed."));
        QString why = explainEvent(m_view, event);
        if (const QString outage = outageNote(m_view, m_live->outages(), event); !outage.isEmpty())
            why += QStringLiteral("\n\n") + outage;
        return std::make_pair(tr("Why? — event %1").arg(event + 1), why);
    });
}

bool MainWindow::showOutageWhy(Micros at)
{
    const auto horizon = [this] { return m_view.snapshot && m_view.snapshot->liveHorizon ? *m_view.snapshot->liveHorizon : m_view.now; };
    const auto outage = outageAt(m_live->outages(), at, horizon());
    if (!outage)
        return false;
    showWhy(QCursor::pos(), plotBounds(), [this, horizon, from = outage->from]() -> std::optional<std::pair<QString, QString>> {
        for (const Outage& o : m_live->outages())
            if (o.from == from)
                return std::make_pair(tr("Why? — broker away"), explainOutage(m_view, o, horizon()));
        return std::nullopt;
    });
    return true;
}

void MainWindow::showWhy(const QPoint& globalPos, const QRect& bounds, std::function<std::optional<std::pair<QString, QString>>()> explain)
{
    m_why = std::move(explain);
    if (const auto text = whyText())
        m_inspector->showAt(globalPos, text->first, text->second, bounds);
}

void MainWindow::refreshWhy()
{
    if (!m_why || !m_inspector->isVisible())
        return;
    if (const auto text = whyText())
        m_inspector->setContent(text->first, text->second);
}

std::optional<std::pair<QString, QString>> MainWindow::whyText()
{
    const auto hidden = hiddenWhy();
    auto text = hidden ? hidden : m_why();
    if (!text) { // its subject is gone (an undone event): the bubble goes too
        m_why = nullptr;
        m_inspector->hide();
    }
    return text;
}

bool MainWindow::escape()
{
    if (m_inspector->isVisible()) {
        m_inspector->hide();
        m_why = nullptr;
        return true;
    }
    if (m_lessons->isOpen()) {
        m_lessons->close();
        return true;
    }
    QWidget* focus = QApplication::focusWidget();
    if (focus && focus != m_plot->canvas() && !m_plot->isAncestorOf(focus)) {
        m_plot->canvas()->setFocus(Qt::ShortcutFocusReason);
        return true;
    }
    return false;
}

QRect MainWindow::plotBounds() const { return QRect(m_plot->mapTo(this, QPoint(0, 0)), m_plot->size()); }

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    setHighContrast(settings.value(QStringLiteral("view/highContrast"), false).toBool());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Stop reading first: what arrived becomes an ordinary edit, which the prompt below covers.
    m_live->stop();
    if (!m_closeConfirmed && m_document->isModified()) {
        event->ignore();
        m_files->maybeSave([this] {
            m_closeConfirmed = true;
            close();
        });
        return;
    }
    if (m_presentation)
        setPresentation(false);
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    m_cursor->setPlaying(false);
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            m_files->openPath(url.toLocalFile());
            return;
        }
}

} // namespace tidemark::ui
