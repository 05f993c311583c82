// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a query that crashes and restarts from its checkpoint
// (scenarios/restart-from-checkpoint.json): the Checkpoint tab comes to the front and lists the
// offset log, the commit log (the crashed batch without its entry) and the state version after
// the current batch; the console sink prints the batch run again twice; the "Why?" of a row
// that batch read says it was processed again.
#include "TestSupport.h"

#include "ui/MainWindow.h"
#include "ui/compute/ViewState.h"
#include "ui/files/FileController.h"
#include "ui/inspector/Explanations.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/CheckpointPane.h"
#include "ui/pages/LogPane.h"

#include <QDockWidget>
#include <QStandardPaths>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

class TestCheckpointPane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void checkpointTabShowsTheCrashAndTheRestart();
    void consoleAndWhyShowTheBatchRunAgain();
    void scenarioWithoutRestartsKeepsTheStateInFront();

private:
    void waitUpToDate() { QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000); }
    /// Index in the driving mode's batches of the first batch with this id and rerun flag.
    int batchIndex(std::int64_t id, bool rerun) const;
    std::unique_ptr<MainWindow> m_window;
};

void TestCheckpointPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_checkpointpane"));
}

void TestCheckpointPane::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->files()->setInteractive(false);
    m_window->resize(1024, 768);
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/restart-from-checkpoint.json")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitUpToDate();
}

void TestCheckpointPane::cleanup() { m_window.reset(); }

int TestCheckpointPane::batchIndex(std::int64_t id, bool rerun) const
{
    const ModeRun& run = m_window->view().drivingRun();
    for (std::size_t i = 0; i < run.batches.size(); ++i)
        if (run.batches[i].batchId == id && run.batches[i].checkpoint.rerun == rerun)
            return static_cast<int>(i);
    return -1;
}

void TestCheckpointPane::checkpointTabShowsTheCrashAndTheRestart()
{
    QVERIFY2(m_window->checkpointPane()->isVisible(), "a scenario with restarts opens on its checkpoint");
    const int crashed = batchIndex(2, false);
    const int rerun = batchIndex(2, true);
    QVERIFY(crashed >= 0 && rerun == crashed + 1);

    // After the crashed batch: its offsets are logged, its commit is missing, state is at version 2.
    m_window->cursor()->setPosition(crashed);
    waitUpToDate();
    QString text = m_window->checkpointPane()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Checkpoint after batch 2")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("  2  words=5  watermark 10:00:11  timestamp 10:00:30")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("  2  missing: crashed before the commit")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("  1  next watermark 10:00:11")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("state/ version 2 committed")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Restarts")), qPrintable(text));
    test::saveShot(*m_window, QStringLiteral("checkpoint-crashed"));

    // After the batch run again: the restart, the same offsets written again, the commit, version 3.
    m_window->cursor()->setPosition(rerun);
    waitUpToDate();
    text = m_window->checkpointPane()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Crashed at 10:00:35 in batch 2, restarted at 10:01:00: batch 2 runs again with the same offsets.")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Watermark 10:00:11 restored from the offset log.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("The sink gets batch 2 again: the console sink prints it twice, the file sink skips a batch id")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("The query changed.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("  2  words=5  watermark 10:00:11  timestamp 10:00:30  (written again, same offsets)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("  2  next watermark 10:00:23")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("state/ version 3 committed")), qPrintable(text));
    test::saveShot(*m_window, QStringLiteral("checkpoint-restarted"));
}

void TestCheckpointPane::consoleAndWhyShowTheBatchRunAgain()
{
    const int rerun = batchIndex(2, true);
    m_window->cursor()->setPosition(rerun);
    waitUpToDate();
    m_window->logPane()->setActive(true);
    const QString console = m_window->logPane()->toPlainText();
    QCOMPARE(console.count(QStringLiteral("Batch: 2\n")), 2);
    QVERIFY2(console.contains(QStringLiteral(">> crashed at 10:00:35 in batch 2")), qPrintable(console));
    QVERIFY(console.indexOf(QStringLiteral(">> crashed")) < console.lastIndexOf(QStringLiteral("Batch: 2\n")));
    // Event 5 (the 10:00:33 dog) was read by batch 2, which ran twice.
    const QString why = explainEvent(m_window->view(), 4);
    QVERIFY2(why.contains(QStringLiteral("Batch 2 crashed before its commit log entry was written")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("processed twice")), qPrintable(why));
    // A row of another batch says nothing of it.
    QVERIFY(!explainEvent(m_window->view(), 0).contains(QStringLiteral("crashed")));
}

void TestCheckpointPane::scenarioWithoutRestartsKeepsTheStateInFront()
{
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/word-count-update.json")));
    waitUpToDate();
    m_window->checkpointDock()->raise();
    m_window->checkpointPane()->setActive(true);
    m_window->cursor()->setPosition(0);
    waitUpToDate();
    const QString text = m_window->checkpointPane()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("offsets/")) && text.contains(QStringLiteral("  0  next watermark")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("missing")), qPrintable(text));
}

QTEST_MAIN(TestCheckpointPane)
#include "tst_checkpointpane.moc"
