// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "engine/exec/EventTime.h"
#include "ui/compute/RecomputeService.h"
#include "ui/document/AddEventCommand.h"
#include "ui/document/CellText.h"
#include "ui/document/DefaultEvent.h"
#include "ui/document/MoveEventCommand.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/Autosave.h"
#include "ui/files/FileController.h"
#include "ui/inspector/Explanations.h"
#include "ui/inspector/InspectorBubble.h"
#include "ui/kafka/KafkaPanel.h"
#include "ui/kafka/LiveController.h"
#include "ui/models/EventTableModel.h"
#include "ui/pages/BatchControls.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/EventsPanel.h"
#include "ui/pages/LogPane.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/QueryPanel.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <utility>

namespace tidemark::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_document(new ScenarioDocument(this))
    , m_compute(new RecomputeService(this))
    , m_cursor(new BatchCursor(this))
    , m_autosave(new Autosave(m_document, this))
    , m_files(new FileController(m_document, m_autosave, this))
    , m_eventsModel(new EventTableModel(m_document, this))
    , m_live(new LiveController(m_document, m_compute, m_cursor, this))
    , m_title(new QLabel(this))
    , m_plot(new EventTimePlot(this))
    , m_columns(new ModeColumnsPage(this))
    , m_query(new QueryPanel(m_document, this))
    , m_state(new StatePanel(this))
    , m_events(new EventsPanel(m_document, m_eventsModel, this))
    , m_log(new LogPane(this))
    , m_controls(new BatchControls(m_cursor, this))
    , m_inspector(new InspectorBubble(this))
    , m_kafkaPanel(new kafka::KafkaPanel(m_live->bridge(), this))
    , m_statusLive(new QLabel(this))
    , m_statusWatermark(new QLabel(this))
    , m_statusMax(new QLabel(this))
    , m_statusState(new QLabel(this))
    , m_statusDropped(new QLabel(this))
    , m_statusCompute(new QLabel(this))
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
    m_title->setContentsMargins(8, 4, 8, 0);
    auto* splitter = new QSplitter(Qt::Vertical, this);
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
    about->setToolTip(tr("What this scenario shows"));
    connect(about, &QToolButton::clicked, this, [this, about] {
        const Scenario& sc = *m_document->scenario();
        m_inspector->showAt(about->mapToGlobal(about->rect().bottomLeft()), QString::fromStdString(sc.title),
                            QString::fromStdString(sc.description));
    });
    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title);
    header->addWidget(about);
    header->addStretch(1);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    buildDocks();
    buildActions();
    m_live->attachPanel(m_kafkaPanel);
    m_statusLive->setObjectName(QStringLiteral("statusLive"));
    m_statusLive->setStyleSheet(QStringLiteral("QLabel { background: #c62828; color: white; padding: 1px 6px; border-radius: 3px; }"));
    m_statusLive->setVisible(false);
    statusBar()->addPermanentWidget(m_statusLive);
    m_statusWatermark->setObjectName(QStringLiteral("statusWatermark"));
    for (QLabel* l : {m_statusWatermark, m_statusMax, m_statusState, m_statusDropped})
        statusBar()->addPermanentWidget(l);
    statusBar()->addPermanentWidget(m_statusCompute);
    m_statusCompute->setStyleSheet(QStringLiteral("color: palette(mid);"));

    connect(m_document, &ScenarioDocument::changed, this, [this](const ScenarioDocument::Change& change) {
        if (change.kind == ScenarioDocument::ChangeKind::Reset) {
            m_plot->requestFit();
            m_positionPending = true;
            m_inspector->hide();
            m_plot->setSelectedEvent(std::nullopt);
        }
        m_compute->request(m_document->scenario(), m_document->liveHorizon());
        updateTitle();
    });
    connect(m_document, &ScenarioDocument::fileStateChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::liveChanged, this, &MainWindow::onLiveChanged);
    connect(m_live, &LiveController::followingNewest, m_plot, &EventTimePlot::requestFit);
    connect(this, &MainWindow::viewUpdated, m_live, [this] { m_live->setViewCost(m_lastRefreshMs + m_lastPagesMs); });
    connect(m_live, &LiveController::message, statusBar(), &QStatusBar::showMessage);
    connect(m_compute, &RecomputeService::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_cursor, &BatchCursor::positionChanged, this, &MainWindow::scheduleRefresh);

    connect(m_plot, &EventTimePlot::addEventRequested, this, [this](Micros at, Micros t) { addEventAt(at, t); });
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
        refreshPages();
        emit viewUpdated();
    });
    connect(m_plot, &EventTimePlot::eventClicked, this, &MainWindow::showEventWhy);
    connect(m_plot, &EventTimePlot::windowClicked, this, [this](const TimeRange& w, const QPoint& pos) {
        m_inspector->showAt(pos, tr("Window %1").arg(cellText(Value(w), DataType(TypeId::Window), *m_view.snapshot->scenario)),
                            explainWindow(m_view, m_view.driving, w));
    });
    const auto explainRowAt = [this](OutputMode mode, const Row& row, const QPoint& pos) {
        m_inspector->showAt(pos, rowTitle(m_pagesView, mode, row), explainRow(m_pagesView, mode, row));
    };
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
        connect(m_columns->column(m), &OutputModeColumn::rowClicked, this, explainRowAt);
        connect(m_columns->column(m), &OutputModeColumn::exportRequested, this, &MainWindow::exportTable);
    }
    connect(m_state, &StatePanel::rowClicked, this, explainRowAt);
    connect(m_state, &StatePanel::exportRequested, this, &MainWindow::exportTable);
    connect(m_state, &StatePanel::batchClicked, m_cursor, &BatchCursor::setPosition);
    connect(m_events, &EventsPanel::addRequested, this, &MainWindow::addEventAfterLast);
    connect(m_events, &EventsPanel::eventSelected, m_plot, &EventTimePlot::setSelectedEvent);
    connect(m_eventsModel, &EventTableModel::editRejected, this, [this](const QString& m) { statusBar()->showMessage(m, 6000); });
    connect(m_files, &FileController::opened, this, &MainWindow::rebuildRecentMenu);
    connect(m_files, &FileController::saved, this, &MainWindow::rebuildRecentMenu);

    resize(1600, 1000);
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
    m_queryDock = dock(tr("Query"), QStringLiteral("queryDock"), m_query, Qt::RightDockWidgetArea);
    m_stateDock = dock(tr("State"), QStringLiteral("stateDock"), m_state, Qt::RightDockWidgetArea);
    m_logDock = dock(tr("Console sink"), QStringLiteral("logDock"), m_log, Qt::RightDockWidgetArea);
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
    m_stateDock->raise();
    m_log->setActive(false);
    connect(m_logDock, &QDockWidget::visibilityChanged, m_log, &LogPane::setActive);
    resizeDocks({m_eventsDock, m_queryDock}, {360, 390}, Qt::Horizontal);
    resizeDocks({m_queryDock, m_stateDock}, {380, 520}, Qt::Vertical);
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
    m_plot->setView(m_view);
    m_controls->setView(m_view);
    m_eventsModel->setView(m_view);
    m_title->setText(QString::fromStdString(snap->scenario->title));
    m_title->setToolTip(QString::fromStdString(snap->scenario->description));
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
    if (!m_view.snapshot || !m_view.snapshot->complete || (m_pagesView.snapshot == m_view.snapshot && m_pagesView.batch == m_view.batch))
        return;
    QElapsedTimer clock;
    clock.start();
    SnapshotPtr previous = std::exchange(m_pagesView, m_view).snapshot;
    m_columns->setView(m_view);
    m_state->setView(m_view);
    m_log->setView(m_view);
    if (previous != m_view.snapshot)
        m_compute->retire(std::move(previous));
    m_lastPagesMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

void MainWindow::updateStatus()
{
    if (!m_view.hasBatch()) {
        for (QLabel* l : {m_statusWatermark, m_statusMax, m_statusState, m_statusDropped})
            l->clear();
        return;
    }
    const Scenario& sc = *m_view.snapshot->scenario;
    const BatchRecord& b = m_view.currentBatch();
    const ModeView& mv = m_view.snapshot->view(m_view.driving);
    const auto i = static_cast<std::size_t>(m_view.batch);
    const bool hasWatermark = b.hasWatermark && m_view.batch > 0 && m_view.drivingRun().batches[i - 1].hasMaxEventTime;
    m_statusWatermark->setText(tr("watermark: %1").arg(hasWatermark ? timeText(b.watermarkMs * kMicrosPerMilli, sc) : tr("none")));
    m_statusMax->setText(tr("max event time: %1").arg(b.hasMaxEventTime ? timeText(b.maxEventTimeMs * kMicrosPerMilli, sc) : tr("none")));
    m_statusState->setText(tr("state rows: %1").arg(mv.stateRows[i]));
    m_statusDropped->setText(droppedCounterText(m_view));
    m_statusDropped->setToolTip(droppedCounterToolTip(m_view));
    m_statusCompute->setText(tr("recomputed in %1 ms, shown in %2 ms")
                                 .arg(m_view.snapshot->computeMs + m_view.snapshot->deriveMs, 0, 'f', 1)
                                 .arg(m_lastRefreshMs + m_lastPagesMs, 0, 'f', 1));
}

void MainWindow::styleTitle()
{
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_title->setFont(title);
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
        m_queryDock->hide();
    }
    QFont f = m_baseFont;
    if (on)
        f.setPointSizeF(f.pointSizeF() * 1.4);
    setFont(f);
    styleTitle();
    m_plot->setPresentation(on);
    m_columns->setPresentation(on);
    m_state->setPresentation(on);
    m_inspector->setPresentation(on);
    if (!on)
        restoreState(m_layoutBeforePresentation);
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
    const KafkaSettings& s = m_live->settings();
    m_statusLive->setText(tr("● LIVE %1").arg(QString::fromStdString(s.topic)));
    m_statusLive->setToolTip(tr("Reading %1 from %2. Editing is off until you disconnect (Kafka panel).")
                                 .arg(QString::fromStdString(s.topic), QString::fromStdString(s.bootstrapServers)));
    m_statusLive->setVisible(live);
    if (live) {
        m_inspector->hide();
        m_plot->setSelectedEvent(std::nullopt);
        m_plot->requestFit();
    }
    updateTitle();
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
    m_plot->setSelectedEvent(event);
    m_events->selectEvent(event);
    m_inspector->showAt(globalPos, tr("Why? — event %1").arg(event + 1), explainEvent(m_view, event));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
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
