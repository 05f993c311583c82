// SPDX-License-Identifier: GPL-3.0-or-later
// The main window driven as a student would: click in the plot, drag a dot, step through
// batches, change the query, save and reopen, and a screenshot that is not blank.
#include "TestSupport.h"

#include "engine/scenario/ScenarioFile.h"
#include "ui/MainWindow.h"
#include "ui/compute/RecomputeService.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/inspector/InspectorBubble.h"
#include "ui/models/EventTableModel.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/QueryPanel.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QMimeData>
#include <QUrl>
#include <QPlainTextEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace tidemark;
using namespace tidemark::ui;
using tidemark::test::dumpModel;

namespace {
const QString kAppendWithoutWatermark = QStringLiteral(
    "Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark");

/// 12:MM:SS on the word-count scenario's date, in its zone (Asia/Seoul).
Micros at(const Scenario& sc, int minute, int second = 0)
{
    return sc.zone.fromLocal((daysFromCivil(2021, 7, 3) * 86400 + 12 * 3600 + minute * 60 + second) * kMicrosPerSecond);
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void clickInPlotAddsEventAndUndoRestores();
    void dragMovesEventInOneUndoStep();
    void clickingADotExplainsItsFate();
    void aRowFilteredByItsSessionGapSaysSo();
    void chainedOperatorsShowEachOperator();
    void joinFollowedByAnAggregationShowsBoth();
    void steppingChangesBatchAndTables();
    void invalidQueryShowsSparkError();
    void typingInTheQueryPanelIsNotABatchShortcut();
    void saveAndReopenRoundTrips();
    void consoleLogPrintsSparkConsoleSink();
    void droppingAScenarioFileOpensIt();
    void presentationModeHidesPanes();
    void screenshotIsNotBlank();
    void aboutNamesTheVersion();

private:
    void waitUpToDate();
    /// With TIDEMARK_TEST_SHOTS=DIR set, saves what the window shows as DIR/NAME.png, for a
    /// person to look at (the tests never compare pixels).
    void shot(const QString& name);
    QStringList table(OutputMode mode, bool result) const;

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->files()->setInteractive(false);
    QVERIFY(m_window->files()->openFile(FileController::defaultExample()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitUpToDate();
}

void TestMainWindow::cleanup()
{
    m_window->document()->undoStack()->setClean(); // no unsaved-changes prompt on close
    m_window.reset();
}

void TestMainWindow::shot(const QString& name)
{
    tidemark::test::saveShot(*m_window, name);
}

void TestMainWindow::waitUpToDate() { QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000); }

QStringList TestMainWindow::table(OutputMode mode, bool result) const
{
    OutputModeColumn* c = m_window->modeColumns()->column(mode);
    return dumpModel(result ? *c->resultModel() : *c->sinkModel());
}

void TestMainWindow::clickInPlotAddsEventAndUndoRestores()
{
    m_window->cursor()->toLast();
    waitUpToDate();
    const auto scenario = m_window->document()->scenario(); // edits swap the document's pointer
    const Scenario& sc = *scenario;
    const QStringList updateBefore = table(OutputMode::Update, true);
    const QStringList completeBefore = table(OutputMode::Complete, true);
    QCOMPARE(m_window->eventsModel()->rowCount(), 10);

    // An event arriving at 12:24:30 with event time 12:22:00 is read by the last batch (12:25).
    EventTimePlot* plot = m_window->plot();
    const QPoint pos = plot->pixelFor(at(sc, 24, 30), at(sc, 22)).toPoint();
    QVERIFY(!plot->eventAt(pos).has_value());
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, pos);
    waitUpToDate();

    QCOMPARE(m_window->eventsModel()->rowCount(), 11);
    const SourceEvent& added = m_window->document()->scenario()->sources[0].events[10];
    QCOMPARE(added.at, at(sc, 24, 30));
    QCOMPARE(added.row[0].asInt(), at(sc, 22));
    QCOMPARE(m_window->document()->undoStack()->count(), 1);
    QVERIFY(m_window->isWindowModified());
    const QStringList updateAfter = table(OutputMode::Update, true);
    QVERIFY2(updateAfter != updateBefore, "the update result table changes");
    QVERIFY(table(OutputMode::Complete, true) != completeBefore);
    // The new row's word was copied from the nearest event (the donkey), now counted at 12:22.
    QVERIFY(updateAfter.filter(QStringLiteral("donkey")).size() == 2);
    shot(QStringLiteral("added-event"));

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    waitUpToDate();
    QCOMPARE(m_window->eventsModel()->rowCount(), 10);
    QCOMPARE(table(OutputMode::Update, true), updateBefore);
    QCOMPARE(table(OutputMode::Complete, true), completeBefore);
    QVERIFY(!m_window->isWindowModified());

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    waitUpToDate();
    QCOMPARE(table(OutputMode::Update, true), updateAfter);
}

void TestMainWindow::dragMovesEventInOneUndoStep()
{
    m_window->cursor()->toLast();
    waitUpToDate();
    const auto scenario = m_window->document()->scenario(); // edits swap the document's pointer
    const Scenario& sc = *scenario;
    EventTimePlot* plot = m_window->plot();
    QWidget* canvas = plot->canvas();
    // Drag the donkey (12:23:30, 12:04) up to event time 12:18: its windows end after the watermark, so it counts.
    const QPoint from = plot->pixelFor(at(sc, 23, 30), at(sc, 4)).toPoint();
    const QPoint to = plot->pixelFor(at(sc, 23, 30), at(sc, 18)).toPoint();
    QCOMPARE(plot->eventAt(from), std::optional<std::uint32_t>(9));
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 5; ++i) {
        QMouseEvent move(QEvent::MouseMove, from + (to - from) * i / 5, canvas->mapToGlobal(from + (to - from) * i / 5), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(canvas, &move);
    }
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
    waitUpToDate();
    QCOMPARE(m_window->document()->undoStack()->count(), 1);
    const Micros moved = m_window->document()->scenario()->sources[0].events[9].row[0].asInt();
    QVERIFY2(std::llabs(moved - at(sc, 18)) <= 10 * kMicrosPerSecond, qPrintable(QString::number(moved)));
    QVERIFY(table(OutputMode::Update, false).filter(QStringLiteral("donkey")).size() >= 1);
    QCOMPARE(m_window->eventsModel()->data(m_window->eventsModel()->index(9, m_window->eventsModel()->fateColumn())).toString(),
             QStringLiteral("late, accepted"));
    m_window->document()->undoStack()->undo();
    waitUpToDate();
    QCOMPARE(m_window->document()->scenario()->sources[0].events[9].row[0].asInt(), at(sc, 4));
}

void TestMainWindow::clickingADotExplainsItsFate()
{
    m_window->cursor()->toLast();
    waitUpToDate();
    const auto scenario = m_window->document()->scenario(); // edits swap the document's pointer
    const Scenario& sc = *scenario;
    EventTimePlot* plot = m_window->plot();
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, plot->pixelFor(at(sc, 23, 30), at(sc, 4)).toPoint());
    QVERIFY(m_window->inspector()->isVisible());
    const QString why = m_window->inspector()->text();
    QVERIFY2(why.contains(QStringLiteral("window end 12:10:00 <= watermark 12:11:00")), qPrintable(why));
    QVERIFY(why.contains(QStringLiteral("Read by batch 3")));
    shot(QStringLiteral("why-event"));
    QCOMPARE(m_window->document()->undoStack()->count(), 0); // a click on a dot adds nothing

    // A result row explains the life of its group.
    QTableView* result = m_window->modeColumns()->column(OutputMode::Append)->resultView();
    QTest::mouseClick(result->viewport(), Qt::LeftButton, {}, result->visualRect(result->model()->index(0, 1)).center());
    QVERIFY2(m_window->inspector()->text().contains(QStringLiteral("evicted")), qPrintable(m_window->inspector()->text()));
    shot(QStringLiteral("why-row"));
}

/// session-gap-expression.json: the test device's click (09:05) matches no WHEN of the gap's
/// CASE, so its gap is null and SessionWindowing's filter removes it; its "Why?" says so.
void TestMainWindow::aRowFilteredByItsSessionGapSaysSo()
{
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/session-gap-expression.json")));
    waitUpToDate();
    m_window->cursor()->toLast();
    waitUpToDate();
    const auto scenario = m_window->document()->scenario();
    const Scenario& sc = *scenario;
    const auto clock = [&](int h, int m, int s) {
        return sc.zone.fromLocal((daysFromCivil(2024, 3, 5) * 86400 + h * 3600 + m * 60 + s) * kMicrosPerSecond);
    };
    EventTimePlot* plot = m_window->plot();
    const QPoint dot = plot->pixelFor(clock(9, 5, 10), clock(9, 5, 0)).toPoint();
    QCOMPARE(plot->eventAt(dot), std::optional<std::uint32_t>(4));
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, dot);
    QVERIFY(m_window->inspector()->isVisible());
    const QString why = m_window->inspector()->text();
    QVERIFY2(why.contains(QStringLiteral("is null or not an interval")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("SessionWindowing's filter")), qPrintable(why));
    shot(QStringLiteral("why-session-gap"));
}

/// chained-window-aggregation.json: the state view lists both stateful operators, and "Why?"
/// of an order follows its minute into the second aggregation.
void TestMainWindow::chainedOperatorsShowEachOperator()
{
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/chained-window-aggregation.json")));
    waitUpToDate();
    m_window->cursor()->toLast();
    waitUpToDate();
    auto* title = m_window->findChild<QLabel*>(QStringLiteral("stateTitle"));
    QVERIFY(title);
    QVERIFY2(title->text().contains(QStringLiteral("<b>operator 1 of 2</b> (stateStoreSave)")), qPrintable(title->text()));
    auto* second = m_window->findChild<QLabel*>(QStringLiteral("stateTitle2"));
    QVERIFY(second);
    QVERIFY2(second->text().contains(QStringLiteral("<b>Operator 2 of 2</b> (stateStoreSave): 0 row(s)")), qPrintable(second->text()));
    // The state table holds the first aggregation's rows, under its own columns.
    auto* stateTable = m_window->findChild<QTableView*>(QStringLiteral("stateTable"));
    QVERIFY(stateTable);
    QStringList headers;
    for (int c = 0; c < stateTable->model()->columnCount(); ++c)
        headers << stateTable->model()->headerData(c, Qt::Horizontal).toString();
    QVERIFY2(headers.contains(QStringLiteral("orders")) && !headers.contains(QStringLiteral("busyMinutes")), qPrintable(headers.join(',')));
    const auto scenario = m_window->document()->scenario();
    const Scenario& sc = *scenario;
    const auto clock = [&](int h, int m, int s) {
        return sc.zone.fromLocal((daysFromCivil(2024, 3, 5) * 86400 + h * 3600 + m * 60 + s) * kMicrosPerSecond);
    };
    EventTimePlot* plot = m_window->plot();
    const QPoint first = plot->pixelFor(clock(10, 0, 10), clock(10, 0, 5)).toPoint();
    QCOMPARE(plot->eventAt(first), std::optional<std::uint32_t>(0));
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, first);
    QVERIFY(m_window->inspector()->isVisible());
    QString why = m_window->inspector()->text();
    QVERIFY2(why.contains(QStringLiteral("to stateful operator 2 (query.then[0]), which took it in")), qPrintable(why));
    shot(QStringLiteral("why-chained"));
}

/// stream-stream-join-then-window-count.json: the state view shows the join's state and the
/// window count after it, and the result is the count of the window the join finished.
void TestMainWindow::joinFollowedByAnAggregationShowsBoth()
{
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/stream-stream-join-then-window-count.json")));
    waitUpToDate();
    m_window->cursor()->toLast();
    waitUpToDate();
    auto* title = m_window->findChild<QLabel*>(QStringLiteral("stateTitle"));
    QVERIFY(title);
    QVERIFY2(title->text().contains(QStringLiteral("Join state")), qPrintable(title->text()));
    QVERIFY2(title->text().contains(QStringLiteral("<b>Join state</b> (operator 1 of 2) after batch 8 — buffered: 1 impressions, 1 clicks")),
             qPrintable(title->text()));
    // The window count after the join has its own section, with its state rows.
    auto* panel = m_window->findChild<StatePanel*>();
    QVERIFY(panel);
    QCOMPARE(panel->numOperatorSections(), 2);
    const QString second = panel->operatorTitle(1)->text();
    QVERIFY2(second.contains(QStringLiteral("<b>Operator 2 of 2</b> (stateStoreSave): 2 row(s)")), qPrintable(second));
    QCOMPARE(panel->operatorModel(1)->rowCount(), 3); // the 2 it keeps and the window it evicted
    QVERIFY(panel->operatorTitle(1)->isVisibleTo(panel));
    const QStringList rows = table(OutputMode::Append, false);
    QVERIFY2(rows.size() == 1 && rows.front().contains(QStringLiteral("3 | 2")), qPrintable(rows.join('\n')));
    shot(QStringLiteral("join-then-window-count"));
    // "Why?" of impression 3 follows the row the join emits with nulls into the window count.
    const auto scenario = m_window->document()->scenario();
    const auto clock = [&](int h, int m, int s) { return scenario->zone.fromLocal((daysFromCivil(2024, 5, 1) * 86400 + h * 3600 + m * 60 + s) * kMicrosPerSecond); };
    EventTimePlot* plot = m_window->plot();
    const QPoint third = plot->pixelFor(clock(10, 12, 30), clock(10, 7, 0)).toPoint();
    QCOMPARE(plot->eventAt(third), std::optional<std::uint32_t>(2));
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, third);
    QVERIFY(m_window->inspector()->isVisible());
    const QString why = m_window->inspector()->text();
    QVERIFY2(why.contains(QStringLiteral("the joined row went on to stateful operator 2 (groupBy/agg, query)")), qPrintable(why));
    shot(QStringLiteral("why-join-then-window-count"));
}

void TestMainWindow::steppingChangesBatchAndTables()
{
    BatchCursor* cursor = m_window->cursor();
    QCOMPARE(cursor->position(), 0);
    QCOMPARE(cursor->count(), 4);
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("batchLabel"));
    QVERIFY(label);
    QVERIFY2(label->text().startsWith(QStringLiteral("batch 0 of 4")), qPrintable(label->text()));
    const QStringList first = table(OutputMode::Update, false);
    QCOMPARE(first.size(), 4);

    auto* next = m_window->findChild<QToolButton*>(QStringLiteral("nextBatchButton"));
    QVERIFY(next);
    QTest::mouseClick(next, Qt::LeftButton);
    waitUpToDate();
    QCOMPARE(cursor->position(), 1);
    QVERIFY2(label->text().startsWith(QStringLiteral("batch 1 of 4")), qPrintable(label->text()));
    QVERIFY(table(OutputMode::Update, false) != first);

    // The arrow keys step as well; the state table follows.
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    waitUpToDate();
    QCOMPARE(cursor->position(), 3);
    QCOMPARE(m_window->view().batchId(), std::int64_t{3});
    QCOMPARE(m_window->statePanel()->model()->numRowsWithStatus(RowStatus::Evicted), 3);
    // Append mode has emitted its first windows only now.
    QCOMPARE(table(OutputMode::Append, false).size(), 3);
    QTest::keyClick(m_window.get(), Qt::Key_Left);
    waitUpToDate();
    QCOMPARE(cursor->position(), 2);
    QCOMPARE(table(OutputMode::Append, false).size(), 0);
}

void TestMainWindow::invalidQueryShowsSparkError()
{
    QueryPanel* query = m_window->queryPanel();
    QVERIFY(query->errorText().isEmpty());
    query->outputModeBox()->setCurrentIndex(query->outputModeBox()->findText(QStringLiteral("append")));
    waitUpToDate();
    QVERIFY(query->errorText().isEmpty());
    QTest::mouseClick(query->watermarkBox(), Qt::LeftButton);
    QVERIFY(!query->watermarkBox()->isChecked());
    waitUpToDate();
    QVERIFY2(query->errorText().contains(kAppendWithoutWatermark), qPrintable(query->errorText()));
    OutputModeColumn* append = m_window->modeColumns()->column(OutputMode::Append);
    QVERIFY(append->showsError());
    QVERIFY(append->errorText().contains(QStringLiteral("AnalysisException: ") + kAppendWithoutWatermark));
    QVERIFY(!m_window->modeColumns()->column(OutputMode::Update)->showsError());
    shot(QStringLiteral("append-without-watermark"));
    QCOMPARE(m_window->view().driving, OutputMode::Update); // the timeline follows a mode that runs

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    waitUpToDate();
    QVERIFY(query->watermarkBox()->isChecked());
    QVERIFY(query->errorText().isEmpty());
    QVERIFY(!append->showsError());
}

void TestMainWindow::typingInTheQueryPanelIsNotABatchShortcut()
{
    // Space plays and the arrows step batches, but not while typing an interval.
    QLineEdit* delay = m_window->queryPanel()->watermarkDelayEdit();
    delay->setFocus();
    QTRY_VERIFY(delay->hasFocus());
    delay->selectAll();
    QTest::keyClicks(delay, QStringLiteral("5 minutes"));
    QTest::keyClick(delay, Qt::Key_Left);
    QTest::keyClick(delay, Qt::Key_Return);
    waitUpToDate();
    QCOMPARE(m_window->document()->scenario()->query.withWatermark->delay, std::string("5 minutes"));
    QVERIFY(!m_window->cursor()->isPlaying());
    QCOMPARE(m_window->cursor()->position(), 0);
    QCOMPARE(m_window->document()->undoStack()->count(), 1);
    QVERIFY(m_window->document()->undoStack()->undoText().contains(QStringLiteral("watermark")));
}

void TestMainWindow::saveAndReopenRoundTrips()
{
    m_window->addEventAt(at(*m_window->document()->scenario(), 26), at(*m_window->document()->scenario(), 19));
    waitUpToDate();
    m_window->cursor()->toLast();
    waitUpToDate();
    const std::string json = scenarioToJson(*m_window->document()->scenario());
    const QStringList complete = table(OutputMode::Complete, true);
    const QString path = m_dir.filePath(QStringLiteral("roundtrip.json"));
    QVERIFY(m_window->files()->saveTo(path));
    QVERIFY(!m_window->document()->isModified());
    QCOMPARE(m_window->document()->filePath(), path);

    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/tumbling-window.json")));
    waitUpToDate();
    QVERIFY(table(OutputMode::Complete, true) != complete);
    m_window->setStartBatch(-1);
    QVERIFY(m_window->files()->openFile(path));
    waitUpToDate();
    QCOMPARE(scenarioToJson(*m_window->document()->scenario()), json);
    QCOMPARE(m_window->document()->scenario()->numEvents(), std::size_t{11});
    QCOMPARE(table(OutputMode::Complete, true), complete);
}

void TestMainWindow::consoleLogPrintsSparkConsoleSink()
{
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/sliding-with-watermark.json")));
    waitUpToDate();
    m_window->cursor()->toLast();
    waitUpToDate();
    auto* logDock = m_window->findChild<QDockWidget*>(QStringLiteral("logDock"));
    QVERIFY(logDock);
    logDock->raise();
    auto* log = m_window->findChild<QPlainTextEdit*>(QStringLiteral("logPane"));
    QTRY_VERIFY(log->toPlainText().contains(QStringLiteral("Batch: 2")));
    const QString text = log->toPlainText();
    // Spark's console sink: 43 dashes, "Batch: N", the table with the window struct as Spark casts it.
    QVERIFY(text.contains(QStringLiteral("-------------------------------------------\nBatch: 0\n-------------------------------------------\n")));
    QVERIFY2(text.contains(QStringLiteral("|{2021-07-03 00:15:00, 2021-07-03 00:45:00}|")), qPrintable(text));
    shot(QStringLiteral("console-log"));
}

void TestMainWindow::droppingAScenarioFileOpensIt()
{
    const QString path = m_dir.filePath(QStringLiteral("dropped.json"));
    QFile::remove(path);
    QVERIFY(QFile::copy(QStringLiteral(":/scenarios/tumbling-window.json"), path));
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(text)});
    QDragEnterEvent refused(QPoint(200, 200), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QCoreApplication::sendEvent(m_window.get(), &refused);
    QVERIFY(!refused.isAccepted());

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &drop);
    waitUpToDate();
    QCOMPARE(m_window->document()->filePath(), path);
    QCOMPARE(m_window->document()->scenario()->title, std::string("5-minute tumbling windows (complete mode)"));
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("dropped.json")));
}

void TestMainWindow::presentationModeHidesPanes()
{
    auto* eventsDock = m_window->findChild<QWidget*>(QStringLiteral("eventsDock"));
    QVERIFY(eventsDock && eventsDock->isVisible());
    const qreal size = m_window->font().pointSizeF();
    m_window->setPresentation(true);
    QVERIFY(!eventsDock->isVisible());
    QVERIFY(m_window->font().pointSizeF() > size * 1.2);
    m_window->setPresentation(false);
    QVERIFY(eventsDock->isVisible());
    QCOMPARE(m_window->font().pointSizeF(), size);
}

void TestMainWindow::screenshotIsNotBlank()
{
    m_window->cursor()->toLast();
    waitUpToDate();
    QTest::qWait(100); // the plot's queued replot
    const QImage image = m_window->grab().toImage();
    QVERIFY(image.width() >= 800 && image.height() >= 600);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
    // The fates are drawn: the red of the dropped donkey is somewhere in the plot.
    const QImage plot = m_window->plot()->grab().toImage();
    bool red = false;
    for (int y = 0; y < plot.height() && !red; ++y)
        for (int x = 0; x < plot.width() && !red; ++x)
            red = plot.pixelColor(x, y) == QColor(0xD5, 0x1F, 0x26);
    QVERIFY(red);
    QVERIFY(image.save(m_dir.filePath(QStringLiteral("shot.png")), "PNG"));
}

// Help > About says which version is running: the one the program sets from project(VERSION).
void TestMainWindow::aboutNamesTheVersion()
{
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    QAction* about = nullptr;
    for (QAction* a : m_window->menuBar()->findChildren<QAction*>())
        if (a->text().remove(QLatin1Char('&')) == QStringLiteral("About Tidemark"))
            about = a;
    QVERIFY(about);
    about->trigger();
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox*>()) != nullptr);
    QVERIFY2(box->text().startsWith(QStringLiteral("Tidemark 9.8.7\n")), qPrintable(box->text()));
    if (const QByteArray dir = qgetenv("TIDEMARK_TEST_SHOTS"); !dir.isEmpty())
        box->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/about.png"));
    box->close();
    QCoreApplication::setApplicationVersion(QString());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
