// SPDX-License-Identifier: GPL-3.0-or-later
// File › Import PySpark…: a notebook's query opens as a new, unsaved scenario in the window.
#include "TestSupport.h"

#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/files/PySparkImporter.h"
#include "ui/models/EventTableModel.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"

#include <QApplication>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace tidemark;
using namespace tidemark::ui;

namespace {
const QString kSeed = QStringLiteral(TIDEMARK_PYSPARK_SEED);
}

class TestPySparkImportGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_pysparkimportgui"));
    }

    void fileMenuImportsANotebookAsAnUnsavedScenario()
    {
        MainWindow window;
        window.files()->setInteractive(false);
        QVERIFY(window.files()->openFile(FileController::defaultExample()));
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QStringList fileMenu;
        for (QAction* a : window.menuBar()->actions().first()->menu()->actions())
            fileMenu << a->text();
        QVERIFY2(fileMenu.contains(QStringLiteral("&Import PySpark…")), qPrintable(fileMenu.join(", ")));

        auto* importer = window.findChild<PySparkImporter*>(QStringLiteral("pysparkImporter"));
        QVERIFY(importer);
        importer->setInteractive(false);
        // Rebuilding the menus for another language keeps the one importer.
        QEvent languageChange(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&window, &languageChange);
        QCOMPARE(window.findChildren<PySparkImporter*>().size(), 1);
        QCOMPARE(window.findChild<PySparkImporter*>(), importer);
        QVERIFY2(importer->importPath(kSeed + "/lgde-spark-stream-5-aggregate.txt", 9), qPrintable(importer->lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(window.isUpToDate(), 10000);

        // A new document, not the notebook: nothing is overwritten by Save.
        const ScenarioDocument* doc = window.document();
        QVERIFY(doc->filePath().isEmpty());
        QVERIFY(doc->isModified());
        QCOMPARE(doc->displayName(), QStringLiteral("tumblingWindow.json"));
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("tumblingWindow.json")), qPrintable(window.windowTitle()));
        QCOMPARE(doc->scenario()->query.outputMode, std::string("complete"));
        QVERIFY(importer->lastMessages().join('\n').contains(QStringLiteral("cell 9, line 44: imported the query started in cell 9 (`tumblingWindow`)")));

        // The window shows the imported events and, at the last batch, the notebook's final table.
        QCOMPARE(window.eventsModel()->rowCount(), 4);
        window.cursor()->toLast();
        QTRY_VERIFY_WITH_TIMEOUT(window.isUpToDate(), 10000);
        const QStringList result = tidemark::test::dumpModel(*window.modeColumns()->column(OutputMode::Complete)->resultModel());
        QCOMPARE(result.size(), 4);
        const QString all = result.join('\n');
        for (const char* w : {"2018-11-24 06:25", "2022-01-24 16:10", "2022-07-17 06:50", "20:35"})
            QVERIFY2(all.contains(QLatin1String(w)), qPrintable(all));
        tidemark::test::saveShot(window, QStringLiteral("pyspark-import"));

        // A file without a query changes nothing and says why.
        QVERIFY(!importer->importPath(kSeed + "/lgde-spark-stream-7-questions.txt"));
        QVERIFY(importer->lastError().contains(QStringLiteral("no streaming query")));
        QCOMPARE(doc->displayName(), QStringLiteral("tumblingWindow.json"));
        // An imported scenario counts as unsaved edits; make it clean so closing does not ask.
        window.document()->setScenario(*doc->scenario(), QString(), QStringLiteral("x.json"), /*modified=*/false);
    }

    void severalQueriesAskWhichAndWarningsAreShown()
    {
        MainWindow window;
        window.files()->setInteractive(false);
        QVERIFY(window.files()->openFile(FileController::defaultExample()));
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* importer = window.findChild<PySparkImporter*>(QStringLiteral("pysparkImporter"));
        QVERIFY(importer->importPath(kSeed + "/lgde-spark-stream-6-join.txt"));

        // The notebook starts four queries: the user is asked which one.
        QInputDialog* ask = nullptr;
        QTRY_VERIFY((ask = window.findChild<QInputDialog*>()) != nullptr);
        QCOMPARE(ask->comboBoxItems(), QStringList({"Cell 7", "Cell 10: streamStreamJoin", "Cell 17: streamStreamInnerJoinWithWatermark",
                                                    "Cell 21: streamStreamOuterJoinWithWatermark"}));
        tidemark::test::saveShot(*ask, QStringLiteral("pyspark-import-choose"));
        ask->setTextValue(QStringLiteral("Cell 21: streamStreamOuterJoinWithWatermark"));
        ask->accept();
        QTRY_COMPARE(window.document()->displayName(), QStringLiteral("streamStreamOuterJoinWithWatermark.json"));
        QCOMPARE(window.document()->scenario()->query.join->type, std::string("leftOuter"));

        // What is not simulated is shown, with its place in the notebook.
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>()) != nullptr);
        QCOMPARE(box->icon(), QMessageBox::Warning);
        QVERIFY2(box->informativeText().contains(QStringLiteral("cell 19, line 10: `latestFirst` reads the newest files first")),
                 qPrintable(box->informativeText()));
        tidemark::test::saveShot(*box, QStringLiteral("pyspark-import-messages"));
        box->accept();
        QTRY_VERIFY_WITH_TIMEOUT(window.isUpToDate(), 10000);
        window.document()->setScenario(*window.document()->scenario(), QString(), QStringLiteral("x.json"), /*modified=*/false);
    }
};

QTEST_MAIN(TestPySparkImportGui)
#include "tst_pysparkimportgui.moc"
