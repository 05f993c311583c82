// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a query that crashes and restarts from its checkpoint
// (scenarios/restart-from-checkpoint.json), beyond the Checkpoint tab: the event-time plot marks
// the down time and the batch run again, with legend entries; the append tables mark the rows
// the batch run twice sent again, and say which sink would write them once.
#include "TestSupport.h"

#include "ui/MainWindow.h"
#include "ui/compute/ViewState.h"
#include "ui/files/FileController.h"
#include "ui/inspector/Explanations.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/plot/EventTimePlot.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

class TestRestartViews : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void plotMarksTheDownTimeAndTheRerun();
    void plotWithoutRestartsHasNoMarks();
    void appendTablesMarkTheRowsSentAgain();
    void updateTableHoldsTheRowsOnce();
    void whySaysWhichSinkWritesThemOnce();

private:
    void waitUpToDate() { QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000); }
    int batchIndex(std::int64_t id, bool rerun) const;
    void showBatch(int index);
    std::unique_ptr<MainWindow> m_window;
};

void TestRestartViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_restartviews"));
}

void TestRestartViews::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->files()->setInteractive(false);
    m_window->resize(1024, 768);
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/restart-from-checkpoint.json")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitUpToDate();
}

void TestRestartViews::cleanup() { m_window.reset(); }

int TestRestartViews::batchIndex(std::int64_t id, bool rerun) const
{
    const ModeRun& run = m_window->view().drivingRun();
    for (std::size_t i = 0; i < run.batches.size(); ++i)
        if (run.batches[i].batchId == id && run.batches[i].checkpoint.rerun == rerun)
            return static_cast<int>(i);
    return -1;
}

void TestRestartViews::showBatch(int index)
{
    m_window->cursor()->setPosition(index);
    waitUpToDate();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isPlotUpToDate(), 10000);
}

void TestRestartViews::plotMarksTheDownTimeAndTheRerun()
{
    const int rerun = batchIndex(2, true);
    QVERIFY(rerun > 0);
    showBatch(rerun);
    EventTimePlot* plot = m_window->plot();
    plot->setLegendFolded(false);
    QCOMPARE(plot->restartLabels(), (QStringList{QStringLiteral("crashed: batch 2 not committed"), QStringLiteral("batch 2 again")}));
    const QStringList legend = plot->legendNames();
    QVERIFY2(legend.contains(QStringLiteral("query down: stopped or crashed, restarted from the checkpoint")), qPrintable(legend.join(u'\n')));
    QVERIFY2(legend.contains(QStringLiteral("batch run again after a crash (same offsets)")), qPrintable(legend.join(u'\n')));
    // The band spans 10:00:35 → 10:01:00 on the processing-time axis, inside the data area.
    plot->replotNow();
    const auto [left, right] = plot->restartPixels(0);
    const QRect data = plot->dataRect();
    QVERIFY2(right - left > 20, qPrintable(QStringLiteral("%1..%2").arg(left).arg(right)));
    QVERIFY(left >= data.left() && right <= data.right() + 1);
    const QPointF stop = plot->pixelFor(m_window->view().currentBatch().restart->stopAt, 0);
    QVERIFY(std::abs(stop.x() - left) < 1.5);
    test::saveShot(*m_window, QStringLiteral("restart-plot"));
}

void TestRestartViews::plotWithoutRestartsHasNoMarks()
{
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/word-count-update.json")));
    waitUpToDate();
    showBatch(0);
    EventTimePlot* plot = m_window->plot();
    plot->setLegendFolded(false);
    QVERIFY(plot->restartLabels().isEmpty());
    QVERIFY(!plot->legendNames().contains(QStringLiteral("query down: stopped or crashed, restarted from the checkpoint")));
}

void TestRestartViews::appendTablesMarkTheRowsSentAgain()
{
    OutputModeColumn* append = m_window->modeColumns()->column(OutputMode::Append);
    // The crashed batch's first run: the console printed its rows, nothing is "again" yet.
    showBatch(batchIndex(2, false));
    QCOMPARE(append->sinkModel()->numRowsAgain(), 0);
    QCOMPARE(append->resultModel()->numRowsAgain(), 0);

    // The rerun: both rows it sent are copies, in the sink table and at the result table's end.
    showBatch(batchIndex(2, true));
    RowTableModel* sink = append->sinkModel();
    RowTableModel* result = append->resultModel();
    QCOMPARE(sink->rowCount(), 2);
    QCOMPARE(sink->numRowsAgain(), 2);
    QCOMPARE(result->rowCount(), 4);
    QCOMPARE(result->numRowsAgain(), 2);
    QCOMPARE(result->againOfAt(0), -1);
    QCOMPARE(result->againOfAt(1), -1);
    QCOMPARE(result->againOfAt(2), 2);
    QCOMPARE(result->againOfAt(3), 2);
    QVERIFY(*result->rowAt(0) == *result->rowAt(2)); // the same row, twice
    QCOMPARE(result->headerData(2, Qt::Vertical).toString(), QStringLiteral("+\u21bb"));
    const QString why = result->headerData(2, Qt::Vertical, Qt::ToolTipRole).toString();
    QVERIFY2(why.contains(QStringLiteral("batch 2 ran twice")) && why.contains(QStringLiteral("file sink writes them once")), qPrintable(why));
    QVERIFY2(append->resultLabel()->text().contains(QStringLiteral("↻2 again")), qPrintable(append->resultLabel()->text()));
    QCOMPARE(append->resultLabel()->toolTip(), why);
    test::saveShot(*m_window, QStringLiteral("restart-again-rows"));

    // A later batch: the copies stay marked in the table; its own sink rows are not copies.
    showBatch(batchIndex(2, true) + 1);
    QCOMPARE(append->resultModel()->numRowsAgain(), 2);
    QCOMPARE(append->sinkModel()->numRowsAgain(), 0);
}

void TestRestartViews::updateTableHoldsTheRowsOnce()
{
    // Update mode upserts by key: the rerun's rows replace themselves, the table has no copies.
    showBatch(batchIndex(2, true));
    OutputModeColumn* update = m_window->modeColumns()->column(OutputMode::Update);
    QCOMPARE(update->resultModel()->numRowsAgain(), 0);
    QVERIFY(!update->resultLabel()->text().contains(QStringLiteral("again")));
}

void TestRestartViews::whySaysWhichSinkWritesThemOnce()
{
    showBatch(batchIndex(2, true));
    // Event 5 (the 10:00:33 dog) was read by batch 2; in append mode that batch emitted rows.
    const QString why = explainEvent(m_window->view(), 4);
    QVERIFY2(why.contains(QStringLiteral("result table lists that batch's rows twice")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("the file sink skips a batch id its _spark_metadata log already holds")), qPrintable(why));
}

QTEST_MAIN(TestRestartViews)
#include "tst_restartviews.moc"
