// SPDX-License-Identifier: GPL-3.0-or-later
// Class mode in the real window: a batch's outcome hidden, the class's answers picked from the
// keyboard and the plot, Reveal marking them and showing the batch, the summary counting.
#include "TestSupport.h"

#include "engine/exec/EventTime.h"
#include "ui/MainWindow.h"
#include "ui/classroom/ClassMode.h"
#include "ui/classroom/PredictPanel.h"
#include "ui/compute/PlotTime.h"
#include "ui/compute/RecomputeService.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/models/EventTableModel.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/LogPane.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"
#include "ui/widgets/ElidedLabel.h"
#include "ui/Palette.h"

#include <qcustomplot.h>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>

using namespace tidemark;
using namespace tidemark::ui;

class TestPredict : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void predictThenRevealOneBatch();
    void pageDownRevealsBeforeSteppingOn();
    void lessonAsksOnlyWhatItNames();
    void presentationKeepsThePanel();

private:
    void waitUpToDate() { QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000); }
    void shot(const QString& name);
    /// The batch (index) of update mode that drops an event, and that event.
    std::pair<int, std::uint32_t> batchWithDrop() const;
    /// True when the plot's graph named `name` has a point at this event's dot.
    bool drawsEventIn(const QString& name, std::uint32_t event) const;

    std::unique_ptr<MainWindow> m_window;
};

void TestPredict::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_predict"));
}

void TestPredict::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->files()->setInteractive(false);
    m_window->resize(1024, 768);
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/word-count-update.json")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitUpToDate();
}

void TestPredict::cleanup()
{
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestPredict::shot(const QString& name)
{
    tidemark::test::saveShot(*m_window, name);
}

std::pair<int, std::uint32_t> TestPredict::batchWithDrop() const
{
    const SnapshotPtr snap = m_window->compute()->latest();
    const ModeRun& run = snap->run(OutputMode::Update);
    const auto& points = snap->view(OutputMode::Update).points;
    for (std::uint32_t e = 0; e < points.size(); ++e)
        if (points[e].fate == Fate::DroppedByWatermark)
            return {batchIndexOf(run, points[e].batchId), e};
    return {-1, 0};
}

bool TestPredict::drawsEventIn(const QString& name, std::uint32_t event) const
{
    const auto* graph = qobject_cast<QCPGraph*>(m_window->plot()->plottableNamed(name));
    if (!graph)
        return false;
    const EventPoint& p = m_window->compute()->latest()->view(OutputMode::Update).points[event];
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        if (it->key == p.at && it->value == p.drawnY())
            return true;
    return false;
}

void TestPredict::predictThenRevealOneBatch()
{
    const auto [batch, donkey] = batchWithDrop();
    QVERIFY2(batch > 0, "the scenario drops an event after its first batch");
    const SnapshotPtr snap = m_window->compute()->latest();
    const ModeRun& run = snap->run(OutputMode::Update);
    const BatchRecord& record = run.batches[static_cast<std::size_t>(batch)];
    const std::vector<Row> realSink = run.sinkRowsOf(static_cast<std::size_t>(batch));
    QVERIFY2(!realSink.empty(), "the batch sends rows, so hiding them shows");
    const QString dropped = palette::fateLabel(Fate::DroppedByWatermark);
    const QString hiddenFate = QStringLiteral("read by this batch: fate hidden (predict it)");
    const QString nextWatermark = QStringLiteral("watermark for the next batch");

    // Before class mode, the batch shows its outcome.
    m_window->cursor()->setPosition(batch);
    waitUpToDate();
    QVERIFY(drawsEventIn(dropped, donkey));
    QCOMPARE(m_window->modeColumns()->column(OutputMode::Update)->sinkModel()->rowCount(), static_cast<int>(realSink.size()));

    // Ctrl+P: class mode. The batch's inputs show, its outcome does not.
    m_window->plot()->canvas()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
    waitUpToDate();
    ClassMode* cm = m_window->classMode();
    PredictPanel* panel = m_window->predictPanel();
    QVERIFY(cm->isOn());
    QVERIFY(cm->isPredicting());
    QVERIFY(m_window->predictDock()->isVisible());
    QCOMPARE(panel->title()->text(), QStringLiteral("Predict batch %1").arg(record.batchId));
    OutputModeColumn* update = m_window->modeColumns()->column(OutputMode::Update);
    QCOMPARE(update->sinkModel()->rowCount(), 0);
    QCOMPARE(m_window->modeColumns()->column(OutputMode::Complete)->sinkModel()->rowCount(), 0);
    QVERIFY(!drawsEventIn(dropped, donkey));
    QVERIFY(drawsEventIn(hiddenFate, donkey));
    const auto* next = qobject_cast<QCPGraph*>(m_window->plot()->plottableNamed(nextWatermark));
    QVERIFY(next && next->data()->isEmpty());
    const auto* watermark = qobject_cast<QCPGraph*>(m_window->plot()->plottableNamed(QStringLiteral("watermark (moves when a batch ends)")));
    QVERIFY(watermark);
    const int watermarkPoints = watermark->data()->size();
    for (auto it = watermark->data()->constBegin(); it != watermark->data()->constEnd(); ++it)
        QVERIFY2(it->key <= toPlotSeconds(record.triggerTime), "no watermark drawn past now");
    QCOMPARE((watermark->data()->constEnd() - 1)->value, msToPlotSeconds(run.batches[static_cast<std::size_t>(batch - 1)].nextWatermarkMs));
    QCOMPARE(m_window->eventsModel()->data(m_window->eventsModel()->index(static_cast<int>(donkey), m_window->eventsModel()->fateColumn())).toString(),
             QStringLiteral("? (predict)"));
    QVERIFY(m_window->statePanel()->title()->text().contains(QStringLiteral("hidden")));
    m_window->logPane()->setActive(true);
    const QString batchLine = QStringLiteral("Batch: %1\n").arg(record.batchId);
    QVERIFY(m_window->logPane()->toPlainText().contains(QStringLiteral("Batch: %1\n").arg(record.batchId - 1)));
    QVERIFY2(!m_window->logPane()->toPlainText().contains(batchLine), "the console has not printed the batch yet");
    QCOMPARE(m_window->statusBar()->findChild<ElidedLabel*>(QStringLiteral("statusDropped"))->fullText(), QStringLiteral("dropped: ?"));
    shot(QStringLiteral("predict"));

    // Enter while typing in a field is the field's, not Reveal.
    auto* field = new QLineEdit(m_window->predictPanel());
    field->show();
    field->setFocus();
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(cm->isPredicting());
    delete field;

    // Sink: pick exactly the real rows, from the keyboard (arrows and Space).
    const BatchPrediction* p = cm->current();
    QVERIFY(p && p->asks(PredictKind::Sink) && p->asks(PredictKind::Drops) && p->asks(PredictKind::Watermark));
    QVERIFY2(p->sink.size() > realSink.size(), "distractors to choose from");
    QListWidget* sinkList = panel->sinkList();
    sinkList->setFocus();
    sinkList->setCurrentRow(0);
    for (std::size_t i = 0; i < p->sink.size(); ++i) {
        if (p->sink[i].real)
            QTest::keyClick(sinkList, Qt::Key_Space);
        QTest::keyClick(sinkList, Qt::Key_Down);
    }
    QVERIFY(cm->isPredicting()); // Space picked, it did not reveal
    QVERIFY(p->isRight(PredictKind::Sink));

    // Drops: a wrong answer, clicked in the plot: an event the batch keeps.
    const auto kept = std::find_if(p->drops.begin(), p->drops.end(), [](const DropChoice& c) { return !c.dropped; });
    QVERIFY(kept != p->drops.end());
    const std::uint32_t keptEvent = kept->event;
    const Scenario& sc = *m_window->document()->scenario();
    const auto [source, index] = locateEvent(sc, keptEvent);
    const SourceEvent& ev = sc.sources[source].events[index];
    QTest::mouseClick(m_window->plot()->canvas(), Qt::LeftButton, {}, m_window->plot()->pixelFor(ev.at, ev.row[0].asInt()).toPoint());
    QVERIFY(kept->picked);
    QCOMPARE(m_window->plot()->numPredictedDrops(), std::size_t(1)); // ringed on the plot
    QVERIFY(!p->isRight(PredictKind::Drops));

    // Watermark: the real one, from the keyboard.
    QListWidget* wmList = panel->watermarkList();
    wmList->setFocus();
    wmList->setCurrentRow(0);
    for (std::size_t i = 0; i < p->watermarks.size() && !p->watermarks[i].real; ++i)
        QTest::keyClick(wmList, Qt::Key_Down);
    QTest::keyClick(wmList, Qt::Key_Space);
    QVERIFY(p->isRight(PredictKind::Watermark));

    shot(QStringLiteral("predict-answered"));

    // Enter reveals.
    QTest::keyClick(wmList, Qt::Key_Return);
    waitUpToDate();
    QVERIFY(!cm->isPredicting());
    QCOMPARE(m_window->plot()->numPredictedDrops(), std::size_t(0)); // the real fates instead
    QVERIFY(panel->markOf(PredictKind::Sink).startsWith(QStringLiteral("✓")));
    QVERIFY(panel->markOf(PredictKind::Drops).startsWith(QStringLiteral("✗")));
    QVERIFY(panel->markOf(PredictKind::Watermark).startsWith(QStringLiteral("✓")));
    QVERIFY(panel->dropList()->item(static_cast<int>(kept - p->drops.begin()))->text().startsWith(QStringLiteral("✗")));
    // The why of both differences: the dropped event not predicted, the kept one predicted.
    QVERIFY2(panel->whyText().contains(QStringLiteral("Event %1 ·").arg(donkey + 1)), qPrintable(panel->whyText()));
    QVERIFY(panel->whyText().contains(QStringLiteral("Event %1 ·").arg(keptEvent + 1)));
    // The batch now shows.
    QCOMPARE(update->sinkModel()->rowCount(), static_cast<int>(realSink.size()));
    QVERIFY(drawsEventIn(dropped, donkey));
    QVERIFY(!drawsEventIn(hiddenFate, donkey));
    QVERIFY(!next->data()->isEmpty());
    QVERIFY(m_window->logPane()->toPlainText().contains(batchLine));
    QVERIFY(watermark->data()->size() > watermarkPoints);
    QCOMPARE(m_window->eventsModel()->data(m_window->eventsModel()->index(static_cast<int>(donkey), m_window->eventsModel()->fateColumn())).toString(),
             dropped);
    // Two of three right, remembered.
    QCOMPARE(cm->summary().right, 2);
    QCOMPARE(cm->summary().asked, 3);
    QVERIFY(panel->summaryText().contains(QStringLiteral("2 of 3")));
    shot(QStringLiteral("reveal"));

    // Back and forth keeps the revealed answers.
    m_window->cursor()->setPosition(batch - 1);
    waitUpToDate();
    QVERIFY(cm->isPredicting());
    m_window->cursor()->setPosition(batch);
    waitUpToDate();
    QVERIFY(!cm->isPredicting());
    QCOMPARE(cm->current()->numRight(), 2);
}

void TestPredict::pageDownRevealsBeforeSteppingOn()
{
    m_window->cursor()->setPosition(1);
    waitUpToDate();
    m_window->classModeAction()->trigger();
    waitUpToDate();
    QVERIFY(m_window->classMode()->isPredicting());
    m_window->plot()->canvas()->setFocus();
    QTest::keyClick(m_window->plot()->canvas(), Qt::Key_PageDown);
    waitUpToDate();
    QCOMPARE(m_window->cursor()->position(), 1); // revealed, not stepped
    QVERIFY(!m_window->classMode()->isPredicting());
    QTest::keyClick(m_window->plot()->canvas(), Qt::Key_PageDown);
    waitUpToDate();
    QCOMPARE(m_window->cursor()->position(), 2);
    QVERIFY(m_window->classMode()->isPredicting());
    // Space reveals too while the focus is not on an answer (it does not play).
    QTest::keyClick(m_window->plot()->canvas(), Qt::Key_Space);
    waitUpToDate();
    QVERIFY(!m_window->classMode()->isPredicting());
    QVERIFY(!m_window->cursor()->isPlaying());
}

void TestPredict::lessonAsksOnlyWhatItNames()
{
    // A lesson step asks about one batch without class mode: only that batch is hidden.
    ClassMode* cm = m_window->classMode();
    cm->ask(2, PredictKind::Watermark);
    waitUpToDate();
    QCOMPARE(m_window->cursor()->position(), 2);
    QVERIFY(!cm->isOn());
    QVERIFY(cm->isPredicting());
    QVERIFY(cm->current()->asks(PredictKind::Watermark));
    QVERIFY(!cm->current()->asks(PredictKind::Sink));
    QVERIFY(!m_window->predictPanel()->sinkList()->isVisibleTo(m_window->predictPanel()));
    QVERIFY(m_window->predictPanel()->watermarkList()->isVisibleTo(m_window->predictPanel()));
    QCOMPARE(m_window->modeColumns()->column(OutputMode::Update)->sinkModel()->rowCount(), 0);
    cm->reveal();
    waitUpToDate();
    QVERIFY(m_window->modeColumns()->column(OutputMode::Update)->sinkModel()->rowCount() > 0);
    QCOMPARE(cm->summary().asked, 1);
    QCOMPARE(predictKindFromName(QStringLiteral("drops")), std::optional<PredictKind>(PredictKind::Drops));
    QVERIFY(!predictKindFromName(QStringLiteral("dropz")));
}

void TestPredict::presentationKeepsThePanel()
{
    m_window->classModeAction()->trigger();
    m_window->cursor()->setPosition(2);
    waitUpToDate();
    m_window->setPresentation(true);
    waitUpToDate();
    QVERIFY(m_window->predictDock()->isVisible());
    QVERIFY(m_window->predictPanel()->revealButton()->isVisible());
    shot(QStringLiteral("predict-presentation"));
    m_window->setPresentation(false);
    waitUpToDate();
    QVERIFY(m_window->predictDock()->isVisible());
}

QTEST_MAIN(TestPredict)
#include "tst_predict.moc"
