// SPDX-License-Identifier: GPL-3.0-or-later
// The main window live on a Kafka topic (librdkafka's mock cluster on loopback, messages sent
// with kcat): the plot, the three output-mode columns, the state view and the status bar
// follow the topic; a malformed message is counted and listed; the session saves to a file
// that replays to the same batches; Disconnect leaves one undo step; an unreachable broker
// shows the hint and leaves the window working.
#include "LiveHarness.h"
#include "tests/ui/TestSupport.h"

#include "live/MockCluster.h"
#include "live/ScenarioProducer.h"
#include "ui/MainWindow.h"
#include "ui/compute/RecomputeService.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/i18n/Language.h"
#include "ui/inspector/Explanations.h"
#include "ui/inspector/InspectorBubble.h"
#include "ui/inspector/OutageExplanation.h"
#include "ui/kafka/KafkaPanel.h"
#include "ui/kafka/LiveController.h"
#include "ui/widgets/ElidedLabel.h"
#include "ui/models/EventTableModel.h"
#include "ui/models/RowDiff.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/QueryPanel.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;
using tidemark::ui::EventTableModel;
using tidemark::ui::MainWindow;

namespace {

const char* const kScenario = TIDEMARK_SCENARIOS "/kafka-stream-with-watermark.json";

/// The scenario's eight events as watermarks.py sends them (JSON values, epoch seconds).
std::vector<std::string> classroomMessages()
{
    const Scenario sc = loadScenarioFile(kScenario).value();
    const SourceSpec& src = sc.sources[0];
    std::vector<std::string> out;
    for (const SourceEvent& e : src.events)
        out.push_back(rowToJsonValue(e.row, src.schema, e.rowTimeStyle, sc.zone));
    return out;
}

/// A table model's rows as "cell | cell | ...".
QStringList rows(const QAbstractItemModel& model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.data(model.index(r, c)).toString();
        out << cells.join(QLatin1String(" | "));
    }
    return out;
}

QAction* actionNamed(QWidget* window, const QString& text)
{
    for (QAction* a : window->findChildren<QAction*>())
        if (a->text() == text)
            return a;
    return nullptr;
}

} // namespace

class TestKafkaWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void liveSessionDrivesEveryView();
    void messagesShowBeforeTheirBatchRuns();
    void unreachableBrokerShowsHintAndWindowKeepsWorking();
    void openingAnotherScenarioEndsTheSession();
    void brokerOutageIsMarkedAndExplained();
    void brokerKilledMidRunIsNoLongerLive();
    void longSessionShowsItsNewestBatches();

private:
    void connectTo(const std::string& bootstrap, const QString& startingOffsets);
    void waitUpToDate() { QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000); }
    void shot(const QString& name);
    std::size_t shownEvents() const { return m_window->document()->scenario()->sources[0].events.size(); }

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestKafkaWindow::initTestCase()
{
    QVERIFY2(std::string(TIDEMARK_KCAT).size() > 0, "kcat not found: apt-get install kcat");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_kafka_window"));
    QVERIFY(m_dir.isValid());
}

void TestKafkaWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->files()->setInteractive(false);
    QVERIFY(m_window->files()->openFile(QString::fromUtf8(kScenario)));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitUpToDate();
}

void TestKafkaWindow::cleanup()
{
    m_window->live()->stop();
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestKafkaWindow::shot(const QString& name)
{
    tidemark::test::saveShot(*m_window, name, 300);
}

void TestKafkaWindow::connectTo(const std::string& bootstrap, const QString& startingOffsets)
{
    QAction* live = actionNamed(m_window.get(), QStringLiteral("&Live Kafka…"));
    QVERIFY(live);
    QVERIFY(!m_window->kafkaDock()->isVisible());
    live->trigger();
    QVERIFY(m_window->kafkaDock()->isVisible());
    KafkaPanel* panel = m_window->kafkaPanel();
    panel->bootstrapEdit()->setText(QString::fromStdString(bootstrap));
    panel->startingOffsetsBox()->setCurrentText(startingOffsets);
    QTest::mouseClick(panel->connectButton(), Qt::LeftButton);
}

void TestKafkaWindow::liveSessionDrivesEveryView()
{
    MockCluster cluster;
    QVERIFY2(cluster.ok(), cluster.error().c_str());
    QVERIFY(cluster.createTopic("events", 1));
    QVERIFY(kcatProduce(cluster.bootstrap(), "events", classroomMessages()));

    // The panel starts from the scenario (no kafka block: the classroom's defaults).
    KafkaPanel* panel = m_window->kafkaPanel();
    QCOMPARE(panel->bootstrapEdit()->text(), QStringLiteral("localhost:9092"));
    QCOMPARE(panel->topicEdit()->text(), QStringLiteral("events"));
    connectTo(cluster.bootstrap(), QStringLiteral("earliest"));

    ui::ScenarioDocument* doc = m_window->document();
    QTRY_VERIFY_WITH_TIMEOUT(doc->isLive(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->receivedLabel()->text(), QStringLiteral("8"), 10000);
    // earliest: the backlog is batch 0; the watermark it sets (01:30 - 25 min) runs a no-data batch.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->live()->batches() >= 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate() && m_window->view().numBatches() >= 2 && shownEvents() == 8, 10000);
    QVERIFY(m_window->view().snapshot->liveHorizon.has_value());
    QCOMPARE(m_window->eventsModel()->rowCount(), 8);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("live")));

    // The cursor follows the newest batch; every view shows it.
    QCOMPARE(m_window->cursor()->position(), m_window->cursor()->count() - 1);
    const QStringList update = rows(*m_window->modeColumns()->column(OutputMode::Update)->resultModel());
    QCOMPARE(update.size(), 5);
    // emp 1's four events of 00:00-00:25 (00:20 arrived last but in the same batch: not late);
    // the windows share one date, which the column header carries.
    QVERIFY2(update.contains(QStringLiteral("1 | 00:00–00:25 | 4")), qPrintable(update.join('\n')));
    QVERIFY(update.contains(QStringLiteral("4 | 01:15–01:40 | 1")));
    const auto* updateModel = m_window->modeColumns()->column(OutputMode::Update)->resultModel();
    QCOMPARE(updateModel->headerData(1, Qt::Horizontal).toString(), QStringLiteral("window (2021-07-03)"));
    const QStringList append = rows(*m_window->modeColumns()->column(OutputMode::Append)->resultModel());
    QCOMPARE(append.size(), 3); // the windows ending at or before the watermark 01:05
    // State: the two emp 4 windows stay; the three the watermark passed are struck through.
    const QAbstractItemModel& state = *m_window->statePanel()->model();
    int evicted = 0;
    for (int r = 0; r < state.rowCount(); ++r)
        evicted += state.data(state.index(r, 0), ui::RowTableModel::StatusRole).toInt() == int(ui::RowStatus::Evicted);
    QCOMPARE(state.rowCount(), 5);
    QCOMPARE(evicted, 3);
    // The readout's value (on a narrow window it may show shortened; its tooltip has it all).
    auto* watermark = m_window->statusBar()->findChild<ui::ElidedLabel*>(QStringLiteral("statusWatermark"));
    QVERIFY(watermark);
    QVERIFY2(watermark->fullText().contains(QStringLiteral("01:05")), qPrintable(watermark->fullText()));
    auto* liveLabel = m_window->statusBar()->findChild<QLabel*>(QStringLiteral("statusLive"));
    QVERIFY(liveLabel && liveLabel->isVisible());
    // Dots at the received rows: the first message (event time 00:00) is under its pixel.
    const ui::ViewState& view = m_window->view();
    const auto& points = view.snapshot->view(view.driving).points;
    QCOMPARE(points.size(), std::size_t(8));
    const SourceEvent& first = doc->scenario()->sources[0].events[0];
    const Micros firstEventTime = first.row[2].asInt();
    QCOMPARE(m_window->plot()->eventAt(m_window->plot()->pixelFor(first.at, firstEventTime)), std::optional<std::uint32_t>(0));

    // Editing is off while live, and the status bar says so.
    const QPointF empty = m_window->plot()->pixelFor(first.at + 200 * kMicrosPerMilli, firstEventTime + 45 * 60 * kMicrosPerSecond);
    QVERIFY(!m_window->plot()->eventAt(empty));
    QTest::mouseClick(m_window->plot()->canvas(), Qt::LeftButton, {}, empty.toPoint());
    QTRY_VERIFY(m_window->statusMessage().contains(QStringLiteral("Editing is off")));
    QCOMPARE(shownEvents(), std::size_t(8));
    const QModelIndex cell = m_window->eventsModel()->index(0, m_window->eventsModel()->columnOf(QStringLiteral("emp_id")));
    QVERIFY(!(m_window->eventsModel()->flags(cell) & Qt::ItemIsEditable));
    QVERIFY(!m_window->queryPanel()->isEnabled());
    shot(QStringLiteral("kafka-live"));

    // Stepping back stops following; a malformed message is counted and listed, and runs as a
    // row with a null event time in the next batch.
    const std::int64_t batchesBefore = m_window->live()->batches();
    m_window->cursor()->toFirst();
    QVERIFY(kcatProduce(cluster.bootstrap(), "events", {"oops, not json"}));
    QTRY_COMPARE_WITH_TIMEOUT(panel->malformedLabel()->text(), QStringLiteral("1"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->malformedList()->topLevelItemCount(), 1, 5000);
    QVERIFY(panel->malformedList()->topLevelItem(0)->text(1).contains(QStringLiteral("not JSON")));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->live()->batches() == batchesBefore + 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate() && shownEvents() == 9 && m_window->view().numBatches() == batchesBefore + 1, 10000);
    QCOMPARE(m_window->cursor()->position(), 0);
    QCOMPARE(m_window->eventsModel()->rowCount(), 9);
    m_window->cursor()->toLast();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000);
    QCOMPARE(m_window->view().snapshot->view(m_window->view().driving).points[8].fate, Fate::NullEventTime);
    panel->malformedList()->setCurrentItem(panel->malformedList()->topLevelItem(0));
    shot(QStringLiteral("kafka-live-malformed"));

    // Save the session at any time: the file replays (as `tidemark run` does) to the same batches.
    const QString path = m_dir.filePath(QStringLiteral("session.json"));
    QVERIFY2(m_window->live()->saveSessionTo(path), qPrintable(m_window->live()->lastError()));
    const ui::SnapshotPtr shown = m_window->compute()->latest();
    auto saved = loadScenarioFile(path.toStdString());
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().describe().c_str());
    QCOMPARE(saved->sources[0].events.size(), std::size_t(9));
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
        const ModeRun replayed = runMode(*saved, m);
        const ModeRun& live = shown->run(m);
        QCOMPARE(replayed.batches.size(), live.batches.size());
        for (std::size_t b = 0; b < live.batches.size(); ++b) {
            QCOMPARE(replayed.batches[b].triggerTime, live.batches[b].triggerTime);
            QVERIFY(replayed.sinkRowsOf(b) == live.sinkRowsOf(b)); // the window keeps complete mode as state changes
        }
    }
    QCOMPARE(static_cast<std::int64_t>(runMode(*saved, OutputMode::Append).batches.size()), m_window->live()->batches());
    QString cli;
    QVERIFY2(runProgram(QStringLiteral(TIDEMARK_EXE), {QStringLiteral("run"), path, QStringLiteral("--format"), QStringLiteral("jsonl")}, {}, &cli),
             qPrintable(cli));
    QCOMPARE(static_cast<std::int64_t>(cli.trimmed().split('\n').size()), m_window->live()->batches());

    // Disconnect: the received events stay as an ordinary, unsaved scenario, one undo step.
    QElapsedTimer t;
    t.start();
    QTest::mouseClick(panel->disconnectButton(), Qt::LeftButton);
    QVERIFY(t.elapsed() < 5000);
    QVERIFY(!doc->isLive());
    QVERIFY(!liveLabel->isVisible());
    QVERIFY(doc->isModified());
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Record live session"));
    waitUpToDate();
    QCOMPARE(m_window->eventsModel()->rowCount(), 9);
    QVERIFY(m_window->eventsModel()->flags(cell) & Qt::ItemIsEditable);
    QVERIFY(m_window->queryPanel()->isEnabled());
    doc->undoStack()->undo();
    waitUpToDate();
    QCOMPARE(m_window->eventsModel()->rowCount(), 8);
    QCOMPARE(doc->scenario()->sources[0].events[0].at, loadScenarioFile(kScenario)->sources[0].events[0].at);
    doc->undoStack()->redo();
    waitUpToDate();
    QCOMPARE(m_window->eventsModel()->rowCount(), 9);
}

void TestKafkaWindow::messagesShowBeforeTheirBatchRuns()
{
    // An hourly trigger: batch 0 runs at the start, the next one at the next full hour.
    const qint64 secondsToHour = 3600 - QDateTime::currentSecsSinceEpoch() % 3600;
    if (secondsToHour < 60)
        QSKIP("too close to a full hour, when the hourly trigger fires");
    ui::ScenarioDocument* doc = m_window->document();
    doc->apply([](Scenario& sc) { sc.query.trigger.processingTime = "1 hour"; sc.query.trigger.batchDuration.reset(); },
               {ui::ScenarioDocument::ChangeKind::Query, 0, 0});
    MockCluster cluster;
    QVERIFY(cluster.ok());
    QVERIFY(cluster.createTopic("events", 1));
    connectTo(cluster.bootstrap(), QStringLiteral("latest"));
    QTRY_VERIFY_WITH_TIMEOUT(doc->isLive(), 10000);
    QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(1, 1625238000), jsonEvent(2, 1625238300)}));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate() && shownEvents() == 2, 10000);
    // The dots are there, not read yet: the live run stops at the session's clock (a replay of
    // the recording would already have run the next batch).
    const ui::ViewState& view = m_window->view();
    QCOMPARE(view.numBatches(), 1);
    const auto& points = view.snapshot->view(view.driving).points;
    QCOMPARE(points.size(), std::size_t(2));
    QVERIFY(view.isPending(points[0]) && view.isPending(points[1]));
    const EventTableModel* events = m_window->eventsModel();
    QCOMPARE(events->data(events->index(0, events->fateColumn())).toString(), QStringLiteral("not read yet"));
    QVERIFY(explainEvent(view, 1).contains(QStringLiteral("the next batch reads it")));
    QCOMPARE(m_window->live()->batches(), 1);
}

void TestKafkaWindow::unreachableBrokerShowsHintAndWindowKeepsWorking()
{
    QElapsedTimer t;
    t.start();
    connectTo("127.0.0.1:1", QStringLiteral("latest"));
    KafkaPanel* panel = m_window->kafkaPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->hintLabel()->isVisible(), 5000);
    QVERIFY(t.elapsed() < 5000);
    QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("Unreachable")));
    QVERIFY(panel->hintLabel()->text().contains(QStringLiteral("kafka:9093")));
    // Not live: the scenario stays, and can be edited and stepped through.
    QVERIFY(!m_window->document()->isLive());
    QCOMPARE(m_window->eventsModel()->rowCount(), 8);
    QElapsedTimer ui;
    ui.start();
    QTest::qWait(50);
    QVERIFY(ui.elapsed() < 1000);
    m_window->cursor()->toFirst();
    waitUpToDate();
    QCOMPARE(m_window->view().batch, 0);
    QVERIFY(m_window->addEventAt(m_window->document()->scenario()->sources[0].events[0].at, 1625238000 * kMicrosPerSecond));
    waitUpToDate();
    QCOMPARE(m_window->eventsModel()->rowCount(), 9);
    t.restart();
    QTest::mouseClick(panel->disconnectButton(), Qt::LeftButton);
    QVERIFY(t.elapsed() < 5000);
    QCOMPARE(m_window->document()->undoStack()->count(), 1); // the added event; nothing recorded
}

void TestKafkaWindow::openingAnotherScenarioEndsTheSession()
{
    MockCluster cluster;
    QVERIFY(cluster.ok());
    QVERIFY(cluster.createTopic("events", 1));
    connectTo(cluster.bootstrap(), QStringLiteral("latest"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->document()->isLive(), 10000);
    waitUpToDate();
    QCOMPARE(m_window->eventsModel()->rowCount(), 0); // latest on an empty topic: batch 0 only
    QVERIFY(m_window->view().numBatches() >= 1);
    QVERIFY(m_window->files()->openFile(ui::FileController::defaultExample()));
    QVERIFY(!m_window->document()->isLive());
    QVERIFY(!m_window->live()->bridge()->isRunning());
    waitUpToDate();
    QCOMPARE(m_window->eventsModel()->rowCount(), 10);
    QVERIFY(!m_window->view().snapshot->liveHorizon);
    QTRY_VERIFY(m_window->statusMessage().contains(QStringLiteral("another scenario")));
}

void TestKafkaWindow::brokerOutageIsMarkedAndExplained()
{
    // A session fed through the bridge as its worker would, with the faults a broker outage
    // produces: lost at 12:00:02 UTC (21:00:02 in the scenario's Seoul time), back 30 s later, and the 5 messages sent meanwhile arrive
    // together right after. No broker is needed: the window must show whatever the source says.
    m_window->resize(1024, 768);
    QAction* liveAction = actionNamed(m_window.get(), QStringLiteral("&Live Kafka…"));
    QVERIFY(liveAction);
    liveAction->trigger();
    KafkaPanel* panel = m_window->kafkaPanel();
    KafkaBridge* bridge = m_window->live()->bridge();
    const Scenario sc = loadScenarioFile(kScenario).value();
    const MessageParser parser(sc.sources[0].schema, sc.zone, MessageParser::eventTimeColumnOf(sc, sc.sources[0]));
    constexpr Micros kNoon = 1625313600 * kMicrosPerSecond; // 2021-07-03 12:00:00 UTC
    constexpr Micros kLost = kNoon + 2 * kMicrosPerSecond;
    constexpr Micros kBack = kNoon + 32 * kMicrosPerSecond;
    std::int64_t offset = 0;
    const auto message = [&](Micros at, int emp, long long eventSeconds) {
        ParsedValue v = parser.parse(jsonEvent(emp, eventSeconds));
        LiveMessage m;
        m.offset = offset++;
        m.at = at;
        m.row = std::move(v.row);
        m.timeStyle = v.timeStyle;
        return m;
    };
    std::deque<SourceFault> faults;
    const auto update = [&](SourceState state, Micros upTo, std::vector<LiveMessage> messages) {
        KafkaUpdate u;
        u.startTime = kNoon;
        u.batch.upTo = upTo;
        u.batch.messages = std::move(messages);
        u.stats.state = state;
        u.stats.status = sourceStateName(state);
        u.stats.received = offset;
        u.stats.faults = faults;
        u.stats.faultCount = static_cast<std::int64_t>(faults.size());
        bridge->deliverWithoutConsumer(u);
    };
    auto* badge = m_window->statusBar()->findChild<QLabel*>(QStringLiteral("statusLive"));
    QVERIFY(badge);

    KafkaSourceConfig config;
    config.topic = "events";
    emit panel->connectRequested(ui::LiveController::defaultSettings(sc)); // as Connect does, before the bridge connects
    bridge->startWithoutConsumer(config);
    // Before the outage: two events of 11:00 (event time) at 12:00:00.5.
    update(SourceState::Connected, kNoon + kMicrosPerSecond, {message(kNoon + 500 * kMicrosPerMilli, 1, 1625310000), message(kNoon + 500 * kMicrosPerMilli, 2, 1625310060)});
    QTRY_VERIFY_WITH_TIMEOUT(m_window->document()->isLive(), 5000);
    QCOMPARE(badge->text(), QStringLiteral("● LIVE events"));

    SourceFault lost;
    lost.kind = SourceFault::Kind::BrokerLost;
    lost.at = kLost;
    lost.text = "the broker stopped answering";
    faults.push_back(lost);
    update(SourceState::Reconnecting, kLost, {});
    QCOMPARE(badge->text(), QStringLiteral("⟳ RECONNECTING events"));
    QCOMPARE(m_window->live()->outages().size(), std::size_t(1));
    QVERIFY(!m_window->live()->outages()[0].to);
    update(SourceState::Reconnecting, kNoon + 20 * kMicrosPerSecond, {}); // the clock runs on, nothing arrives
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate() && m_window->plot()->outageLabels().size() == 1, 5000);
    QVERIFY2(m_window->plot()->outageLabels()[0].contains(QStringLiteral("so far")), qPrintable(m_window->plot()->outageLabels()[0]));

    SourceFault back = lost;
    back.kind = SourceFault::Kind::BrokerBack;
    back.at = kBack;
    back.text = "reading resumed at offset 2";
    faults.push_back(back);
    // The backlog: five events of 11:30 (event time), all received 100 ms after the broker is back.
    std::vector<LiveMessage> backlog;
    for (int i = 0; i < 5; ++i)
        backlog.push_back(message(kBack + 100 * kMicrosPerMilli, 3 + i, 1625311800 + i));
    update(SourceState::Connected, kBack + 2 * kMicrosPerSecond, std::move(backlog));
    QCOMPARE(badge->text(), QStringLiteral("● LIVE events"));
    QCOMPARE(m_window->live()->outages(), (std::vector<ui::Outage>{{kLost, kBack}}));
    QCOMPARE(panel->faultList()->topLevelItemCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate() && shownEvents() == 7, 10000);
    m_window->plot()->resetView();

    // The band: 30 s, from the lost fault to the back fault on the processing-time axis, in the legend.
    ui::EventTimePlot* plot = m_window->plot();
    QCOMPARE(plot->outageLabels(), QStringList{QStringLiteral("broker away · 30 s")});
    plot->setLegendFolded(false);
    QVERIFY2(plot->legendNames().contains(QStringLiteral("broker away: no input arrives")), qPrintable(plot->legendNames().join(", ")));
    const auto [left, right] = plot->outagePixels(0);
    QCOMPARE(left, plot->pixelFor(kLost, 0).x());
    QCOMPARE(right, plot->pixelFor(kBack, 0).x());

    // The batch after it read the whole backlog, right at the band's end, and the watermark jumped.
    const ui::ViewState& view = m_window->view();
    const int after = ui::batchAfterOutage(view, m_window->live()->outages()[0]);
    QVERIFY(after >= 0);
    const BatchRecord& batch = view.drivingRun().batches[static_cast<std::size_t>(after)];
    QVERIFY(batch.triggerTime >= kBack && batch.triggerTime < kBack + kMicrosPerSecond);
    QCOMPARE(batch.numInputRows, std::int64_t(5));
    QVERIFY(batch.nextWatermarkMs > batch.watermarkMs);
    for (std::uint32_t e = 2; e < 7; ++e)
        QCOMPARE(view.snapshot->view(view.driving).points[e].batchId, batch.batchId);
    QVERIFY(plot->pixelFor(batch.triggerTime, 0).x() >= right);

    // "Why?" on a backlog event tells the outage; on an event from before, it does not.
    QVERIFY(ui::outageNote(view, m_window->live()->outages(), 0).isEmpty());
    const SourceEvent& late = m_window->document()->scenario()->sources[0].events[4];
    const QPointF dot = plot->pixelFor(late.at, late.row[2].asInt());
    QCOMPARE(plot->eventAt(dot), std::optional<std::uint32_t>(4));
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, dot.toPoint());
    QTRY_VERIFY(m_window->inspector()->isVisible());
    const QString why = m_window->inspector()->text();
    QVERIFY2(why.contains(QStringLiteral("The broker was away from 21:00:02 to 21:00:32 (30 s)")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("Batch %1, the first after it, read the 5 rows").arg(batch.batchId)), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("The watermark then jumped from")), qPrintable(why));
    m_window->inspector()->hide();

    // A click in the band (live: nothing can be added there) explains the outage itself.
    const QPointF inBand = plot->pixelFor(kLost + 15 * kMicrosPerSecond, 1625310900 * kMicrosPerSecond);
    QVERIFY(!plot->eventAt(inBand));
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, inBand.toPoint());
    QTRY_VERIFY(m_window->inspector()->isVisible());
    QCOMPARE(m_window->inspector()->title(), QStringLiteral("Why? — broker away"));
    const QString band = m_window->inspector()->text();
    QVERIFY2(band.contains(QStringLiteral("stopped answering at 21:00:02 and answered again at 21:00:32 (30 s)")), qPrintable(band));
    QVERIFY2(band.contains(QStringLiteral("The watermark stood still at 19:36")), qPrintable(band));
    QVERIFY2(band.contains(QStringLiteral("Batch %1, the first after it, read the 5 rows").arg(batch.batchId)), qPrintable(band));
    QCOMPARE(shownEvents(), std::size_t(7)); // and added nothing
    shot(QStringLiteral("kafka-outage-why"));
    m_window->inspector()->hide();
    shot(QStringLiteral("kafka-outage"));
    // In Korean the history, the band and the badge stay (a new language redraws every text).
    ui::setLanguage(ui::Language::Korean);
    QCOMPARE(panel->faultList()->topLevelItemCount(), 2);
    QVERIFY(badge->isVisible() && badge->text().contains(QStringLiteral("events")));
    QCOMPARE(plot->outageLabels().size(), 1);
    shot(QStringLiteral("kafka-outage-ko"));
    ui::setLanguage(ui::Language::English);
    QCOMPARE(badge->text(), QStringLiteral("● LIVE events"));

    // Spark's error stops the query: the badge, the panel and the status bar say so.
    KafkaUpdate failed;
    failed.stats.state = SourceState::Failed;
    failed.stats.error = "Partition events-0's offset was changed from 7 to 0, some data may have been missed.";
    failed.stats.faults = faults;
    failed.stats.faultCount = 2;
    bridge->deliverWithoutConsumer(failed);
    QCOMPARE(badge->text(), QStringLiteral("■ STOPPED events"));
    QVERIFY(panel->errorLabel()->isVisible());
    QTRY_VERIFY(m_window->statusMessage().contains(QStringLiteral("some data may have been missed")));
    shot(QStringLiteral("kafka-stopped"));

    // Disconnect: the recording keeps its outage band.
    QTest::mouseClick(panel->disconnectButton(), Qt::LeftButton);
    QVERIFY(!m_window->document()->isLive());
    QVERIFY(!badge->isVisible());
    waitUpToDate();
    QCOMPARE(plot->outageLabels(), QStringList{QStringLiteral("broker away · 30 s")});
}

void TestKafkaWindow::brokerKilledMidRunIsNoLongerLive()
{
    // A real `tidemark broker` process, killed mid-run: the badge must stop saying LIVE.
    QProcess broker;
    const QString file = m_dir.filePath(QStringLiteral("bootstrap.txt"));
    QFile::remove(file);
    broker.setProcessChannelMode(QProcess::MergedChannels);
    broker.start(QStringLiteral(TIDEMARK_EXE), {QStringLiteral("broker"), QStringLiteral("--bootstrap-file"), file});
    QVERIFY(broker.waitForStarted(5000));
    QString bootstrap;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            bootstrap = QString::fromUtf8(f.readAll()).trimmed();
        return !bootstrap.isEmpty();
    }(), 10000);
    connectTo(bootstrap.toStdString(), QStringLiteral("latest"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->document()->isLive(), 10000);
    auto* badge = m_window->statusBar()->findChild<QLabel*>(QStringLiteral("statusLive"));
    QVERIFY(badge);
    QTRY_COMPARE_WITH_TIMEOUT(badge->text(), QStringLiteral("● LIVE events"), 5000);
    QVERIFY(kcatProduce(bootstrap.toStdString(), "events", {jsonEvent(1, 1625238000), jsonEvent(2, 1625238300)}));
    KafkaPanel* panel = m_window->kafkaPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->receivedLabel()->text(), QStringLiteral("2"), 10000);

    broker.kill();
    QVERIFY(broker.waitForFinished(5000));
    QTRY_COMPARE_WITH_TIMEOUT(badge->text(), QStringLiteral("⟳ RECONNECTING events"), 20000);
    QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("Reconnecting")));
    // The window stays live on what arrived, and keeps working.
    QVERIFY(m_window->document()->isLive());
    // The two messages reach the views once the session's thread has made their batch.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate() && shownEvents() == 2, 10000);
    QTest::mouseClick(panel->disconnectButton(), Qt::LeftButton);
    QVERIFY(!badge->isVisible());
    QCOMPARE(m_window->document()->scenario()->sources[0].events.size(), std::size_t(2));
}


/// An hour-long session must not fill the memory: the window shows the newest batches (here at
/// most 12, and the events they read), older ones summarised, while the recording keeps every
/// message; the batches shown are those a run over the whole recording has.
void TestKafkaWindow::longSessionShowsItsNewestBatches()
{
    ui::LiveController* live = m_window->live();
    kafka::LiveShownLimits limits;
    limits.batches = 12;
    limits.events = 40;
    live->setShownLimits(limits);
    KafkaBridge* bridge = live->bridge();
    const Scenario sc = loadScenarioFile(kScenario).value();
    const MessageParser parser(sc.sources[0].schema, sc.zone, MessageParser::eventTimeColumnOf(sc, sc.sources[0]));
    constexpr Micros kNoon = 1625313600 * kMicrosPerSecond; // 2021-07-03 12:00:00 UTC
    std::int64_t offset = 0;
    KafkaSourceConfig config;
    config.topic = "events";
    emit m_window->findChild<KafkaPanel*>()->connectRequested(ui::LiveController::defaultSettings(sc));
    bridge->startWithoutConsumer(config);
    constexpr int kUpdates = 400, kPerUpdate = 5;
    for (int u = 0; u < kUpdates; ++u) {
        KafkaUpdate update;
        update.startTime = kNoon;
        update.batch.upTo = kNoon + (u + 1) * 300 * kMicrosPerMilli;
        for (int i = 0; i < kPerUpdate; ++i) {
            ParsedValue v = parser.parse(jsonEvent(1 + i % 3, 1625238000 + offset * 60 - (i == 4 ? 3600 : 0))); // one in five an hour late
            LiveMessage m;
            m.offset = offset++;
            m.at = kNoon + u * 300 * kMicrosPerMilli + (i + 1) * 50 * kMicrosPerMilli;
            m.row = std::move(v.row);
            m.timeStyle = v.timeStyle;
            update.batch.messages.push_back(std::move(m));
        }
        update.stats.state = SourceState::Connected;
        update.stats.received = offset;
        bridge->deliverWithoutConsumer(update);
        if (u % 50 == 0)
            QCoreApplication::processEvents();
    }
    const auto total = static_cast<std::size_t>(kUpdates * kPerUpdate);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate() && live->forgottenEvents() + static_cast<std::int64_t>(shownEvents()) == static_cast<std::int64_t>(total),
                             20000);
    QVERIFY2(shownEvents() <= limits.events + 2 * kPerUpdate, qPrintable(QString::number(shownEvents())));
    QVERIFY(live->forgottenEvents() > 0);
    const ui::ViewState& view = m_window->view();
    QVERIFY(view.numBatches() <= static_cast<int>(limits.batches));
    const ModeRun& shown = view.drivingRun();
    QCOMPARE(shown.batches.back().batchId + 1, live->batches());
    QCOMPARE(m_window->cursor()->position(), m_window->cursor()->count() - 1); // following the newest
    QCOMPARE(m_window->eventsModel()->rowCount(), static_cast<int>(shownEvents()));

    // The whole recording, saved now, runs to the same batches: the newest shown are its last.
    const QString path = m_dir.filePath(QStringLiteral("long.json"));
    QVERIFY2(live->saveSessionTo(path), qPrintable(live->lastError()));
    const Scenario saved = loadScenarioFile(path.toStdString()).value();
    QCOMPARE(saved.sources[0].events.size(), total);
    const ModeRun whole = runMode(saved, shown.mode, {}, *view.snapshot->liveHorizon);
    QCOMPARE(static_cast<std::int64_t>(whole.batches.size()), shown.forgotten.batches + static_cast<std::int64_t>(shown.batches.size()));
    const auto shift = static_cast<std::uint32_t>(live->forgottenEvents());
    for (std::size_t i = 0; i < shown.batches.size(); ++i) {
        const BatchRecord& a = shown.batches[i];
        const BatchRecord& b = whole.batches[static_cast<std::size_t>(shown.forgotten.batches) + i];
        QCOMPARE(a.batchId, b.batchId);
        QCOMPARE(a.watermarkMs, b.watermarkMs);
        QCOMPARE(a.sinkRows, b.sinkRows);
        QCOMPARE(a.fates.size(), b.fates.size());
        for (std::size_t f = 0; f < a.fates.size(); ++f) {
            QCOMPARE(a.fates[f].event + shift, b.fates[f].event);
            QCOMPARE(a.fates[f].fate, b.fates[f].fate);
        }
    }
    // The drop counter counts the forgotten batches too (Spark's count is over the whole run).
    std::int64_t dropped = 0;
    for (const BatchRecord& b : whole.batches)
        for (const OperatorProgress& op : b.operators)
            dropped += op.numRowsDroppedByWatermark;
    QVERIFY(dropped > 0);
    QCOMPARE(view.snapshot->view(shown.mode).droppedSoFar.back(), dropped);
    shot(QStringLiteral("kafka-long-session"));
    ui::setLanguage(ui::Language::Korean);
    shot(QStringLiteral("kafka-long-session-ko"));
    ui::setLanguage(ui::Language::English);

    // Disconnect: the whole recording becomes the scenario.
    live->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->document()->isLive(), 10000);
    QCOMPARE(shownEvents(), total);
}

QTEST_MAIN(TestKafkaWindow)
#include "tst_kafka_window.moc"
