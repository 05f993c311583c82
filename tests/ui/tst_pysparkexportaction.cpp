// SPDX-License-Identifier: GPL-3.0-or-later
// File › Export › PySpark notebook…: the action asks for a file and writes the export of the
// scenario on screen, a notebook or a script by the kind chosen.
#include "TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/files/PySparkExportFile.h"
#include "ui/widgets/ElidedLabel.h"

#include "engine/scenario/ScenarioFile.h"

#include <QAction>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

/// Types a file name into the dialog and presses Save, as a person does.
void typeAndSave(QFileDialog* dialog, const QString& path)
{
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    QVERIFY(edit);
    edit->setText(path);
    static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept, what Save calls
}

} // namespace

class TestPySparkExportAction : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_pysparkexportaction"));
        QVERIFY(m_dir.isValid());
    }

    void theActionIsInFileExport()
    {
        MainWindow window;
        auto* action = window.findChild<QAction*>(QStringLiteral("exportPySparkAction"));
        QVERIFY(action);
        QMenu* exportMenu = nullptr;
        for (QMenu* m : window.menuBar()->findChildren<QMenu*>())
            if (m->actions().contains(action))
                exportMenu = m;
        QVERIFY(exportMenu);
        QCOMPARE(exportMenu->title(), QStringLiteral("&Export"));
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        exportMenu->popup(window.mapToGlobal(QPoint(40, 40)));
        test::saveShot(*exportMenu, QStringLiteral("pyspark-export-menu"));
        exportMenu->hide();
    }

    void theActionWritesANotebookOfTheScenarioOnScreen()
    {
        MainWindow window;
        window.files()->setInteractive(false);
        QVERIFY(window.files()->openFile(QStringLiteral(":/scenarios/sliding-with-watermark.json")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        window.findChild<QAction*>(QStringLiteral("exportPySparkAction"))->trigger();
        auto* dialog = window.findChild<QFileDialog*>(QStringLiteral("pysparkExportDialog"));
        QVERIFY(dialog);
        // Suggested next to the scenario, after its name.
        QVERIFY2(dialog->selectedFiles().value(0).endsWith(QStringLiteral("/sliding-with-watermark-pyspark.ipynb")), qPrintable(dialog->selectedFiles().value(0)));
        test::saveShot(*dialog, QStringLiteral("pyspark-export-dialog"));
        const QString path = m_dir.filePath(QStringLiteral("sliding.ipynb"));
        typeAndSave(dialog, path);

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject nb = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(nb[QStringLiteral("nbformat")].toInt(), 4);
        const QJsonArray cells = nb[QStringLiteral("cells")].toArray();
        QVERIFY(cells.size() > 3);
        QString all;
        for (const QJsonValue& c : cells)
            for (const QJsonValue& line : c.toObject()[QStringLiteral("source")].toArray())
                all += line.toString();
        QVERIFY(all.contains(QStringLiteral("F.window(\"timestamp\", \"30 minutes\", \"15 minutes\")")));
        // The window shows status-bar messages in its own label.
        auto* message = window.findChild<ElidedLabel*>(QStringLiteral("statusMessage"));
        QVERIFY(message);
        QVERIFY2(message->fullText().contains(path), qPrintable(message->fullText()));
        window.document()->undoStack()->setClean();
    }

    void choosingAScriptWritesPython()
    {
        MainWindow window;
        window.files()->setInteractive(false);
        QVERIFY(window.files()->openFile(QStringLiteral(":/scenarios/word-count-append.json")));
        window.findChild<QAction*>(QStringLiteral("exportPySparkAction"))->trigger();
        auto* dialog = window.findChild<QFileDialog*>(QStringLiteral("pysparkExportDialog"));
        QVERIFY(dialog);
        const QStringList filters = dialog->nameFilters();
        QCOMPARE(filters.size(), 2);
        dialog->selectNameFilter(filters[1]);
        emit dialog->filterSelected(filters[1]);
        QCOMPARE(dialog->defaultSuffix(), QStringLiteral("py"));
        typeAndSave(dialog, m_dir.filePath(QStringLiteral("wordcount")));
        QFile f(m_dir.filePath(QStringLiteral("wordcount.py")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("# %% [markdown]\n"));
    }

    void aRejectedQueryIsReportedAndNothingIsWritten()
    {
        // Complete-mode windows without a watermark, switched to append: Spark rejects it.
        QFile res(QStringLiteral(":/scenarios/tumbling-window.json"));
        QVERIFY(res.open(QIODevice::ReadOnly));
        const QString copy = m_dir.filePath(QStringLiteral("tumbling.json"));
        QFile out(copy);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(res.readAll().replace("\"outputMode\": \"complete\"", "\"outputMode\": \"append\""));
        out.close();
        auto scenario = loadScenarioFile(copy.toStdString());
        QVERIFY(scenario.ok());
        const QString target = m_dir.filePath(QStringLiteral("rejected.py"));
        const Status s = writePySparkExport(target, *scenario, QStringLiteral("tumbling.json"));
        QVERIFY(!s.ok());
        QVERIFY(s.error().describe().find("Append output mode not supported") != std::string::npos);
        QVERIFY(!QFile::exists(target));
        QVERIFY(!writePySparkExport(m_dir.filePath(QStringLiteral("x.txt")), *scenario, QStringLiteral("t.json")).ok());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPySparkExportAction)
#include "tst_pysparkexportaction.moc"
