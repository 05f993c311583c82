// SPDX-License-Identifier: GPL-3.0-or-later
// Files: load errors name their JSON path, CSV export, recent files (autosave: tst_autosave).
#include "engine/scenario/ScenarioFile.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/Autosave.h"
#include "ui/files/CsvExport.h"
#include "ui/files/FileController.h"
#include "ui/files/RecentFiles.h"
#include "ui/models/EventTableModel.h"
#include "ui/models/RowTableModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace tidemark;
using namespace tidemark::ui;

class TestFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void examplesAreEmbedded();
    void loadErrorNamesItsJsonPath();
    void csvQuotesCells();
    void csvOfStateMarksEvictedRows();
    void csvOfEventsWritesTheCells();
    void csvForExcelStartsWithAByteOrderMark();
    void recentFilesAreMostRecentFirst();
    void saveAsStartsInTheScenariosFolder();

private:
    QTemporaryDir m_dir;
};

void TestFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_files"));
    QVERIFY(m_dir.isValid());
}

void TestFiles::examplesAreEmbedded()
{
    const QStringList examples = FileController::examples();
    QVERIFY(examples.contains(FileController::defaultExample()));
    for (const QString& e : examples)
        QVERIFY2(ScenarioDocument::load(e).ok(), qPrintable(e));
}

void TestFiles::loadErrorNamesItsJsonPath()
{
    QFile in(QStringLiteral(":/scenarios/word-count-update.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray text = in.readAll();
    text.replace("\"slide\": \"5 minutes\"", "\"slide\": 5");
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();

    QWidget window;
    ScenarioDocument doc;
    Autosave autosave(&doc);
    FileController files(&doc, &autosave, &window);
    files.setInteractive(false);
    QVERIFY(files.openFile(FileController::defaultExample()));
    QVERIFY(!files.openFile(path));
    QCOMPARE(files.lastError(), QStringLiteral("query.groupBy[0].window.slide: expected a string, found an integer"));
    // The scenario that was open stays open.
    QCOMPARE(doc.scenario()->title, std::string("Word count with late data (update mode)"));
}

void TestFiles::csvQuotesCells()
{
    RowTableModel model;
    Schema schema;
    schema.fields = {Field{"word", DataType(TypeId::String), std::nullopt, {}}, Field{"n", DataType(TypeId::Long), std::nullopt, {}}};
    model.setRows(schema, {{Row{Value("a, b"), Value(1)}, RowStatus::New}, {Row{Value("say \"hi\""), Value(2)}, RowStatus::Unchanged}},
                  std::make_shared<const Scenario>());
    QCOMPARE(modelToCsv(model), QStringLiteral("word,n,status\r\n\"a, b\",1,new\r\n\"say \"\"hi\"\"\",2,\r\n"));
    const QString path = m_dir.filePath(QStringLiteral("t.csv"));
    QVERIFY(writeCsv(path, model).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("word,n,status\r\n"));
}

void TestFiles::csvOfStateMarksEvictedRows()
{
    RowTableModel model;
    Schema schema;
    schema.fields = {Field{"word", DataType(TypeId::String), std::nullopt, {}}, Field{"count", DataType(TypeId::Long), std::nullopt, {}}};
    model.setRows(schema, {{Row{Value("cat"), Value(2)}, RowStatus::Evicted}, {Row{Value("dog"), Value(1)}, RowStatus::Changed}},
                  std::make_shared<const Scenario>());
    QSortFilterProxyModel sorted; // the views may sit behind a proxy
    sorted.setSourceModel(&model);
    QCOMPARE(modelToCsv(sorted), QStringLiteral("word,count,status\r\ncat,2,evicted\r\ndog,1,changed\r\n"));
}

void TestFiles::csvOfEventsWritesTheCells()
{
    // The events model numbers its own roles: UserRole + 2 is a fate there, which the export
    // once wrote instead of the cells ("0,0,0").
    auto sc = ScenarioDocument::load(QStringLiteral(":/scenarios/tumbling-with-watermark.json"));
    QVERIFY(sc.ok());
    ScenarioDocument doc;
    doc.setScenario(std::move(sc.value()), QString(), QStringLiteral("t"), false);
    EventTableModel events(&doc);
    const QStringList lines = modelToCsv(events).split(QStringLiteral("\r\n"));
    QVERIFY2(lines.size() > 2, qPrintable(lines.join('|')));
    QVERIFY2(lines[1].contains(QStringLiteral("OO전자")), qPrintable(lines[1]));
    QVERIFY2(!lines[1].startsWith(QStringLiteral("0,0,0")), qPrintable(lines[1]));
    QCOMPARE(lines[1].count(QLatin1Char(',')), lines[0].count(QLatin1Char(',')));
}

void TestFiles::csvForExcelStartsWithAByteOrderMark()
{
    QStandardItemModel model(1, 1);
    model.setHorizontalHeaderLabels({QStringLiteral("이름")});
    model.setItem(0, 0, new QStandardItem(QStringLiteral("전자")));
    const QString plain = m_dir.filePath(QStringLiteral("plain.csv")), excel = m_dir.filePath(QStringLiteral("excel.csv"));
    QVERIFY(writeCsv(plain, model).ok());
    CsvOptions options;
    options.excelBom = true;
    QVERIFY(writeCsv(excel, model, options).ok());
    QFile p(plain), e(excel);
    QVERIFY(p.open(QIODevice::ReadOnly) && e.open(QIODevice::ReadOnly));
    const QByteArray expected = QStringLiteral("이름\r\n전자\r\n").toUtf8();
    QCOMPARE(p.readAll(), expected);
    QCOMPARE(e.readAll(), QByteArray("\xEF\xBB\xBF") + expected);
}

void TestFiles::recentFilesAreMostRecentFirst()
{
    RecentFiles::clear();
    const QString a = m_dir.filePath(QStringLiteral("a.json")), b = m_dir.filePath(QStringLiteral("b.json"));
    for (const QString& p : {a, b}) {
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    RecentFiles::add(a);
    RecentFiles::add(b);
    RecentFiles::add(a);
    RecentFiles::add(FileController::defaultExample()); // resources are not files to reopen
    QCOMPARE(RecentFiles::list(), (QStringList{a, b}));
    QFile::remove(b);
    QCOMPARE(RecentFiles::list(), QStringList{a});
    RecentFiles::clear();
}

QTEST_MAIN(TestFiles)
void TestFiles::saveAsStartsInTheScenariosFolder()
{
    // A scenario opened from a terminal by a relative path: Save As used to open in the home folder.
    const QString folder = m_dir.filePath(QStringLiteral("lesson"));
    QVERIFY(QDir().mkpath(folder));
    QFile::remove(folder + QStringLiteral("/wc.json"));
    QVERIFY(QFile::copy(QStringLiteral(":/scenarios/word-count-update.json"), folder + QStringLiteral("/wc.json")));
    const QString before = QDir::currentPath();
    QDir::setCurrent(m_dir.path());
    QWidget window;
    ScenarioDocument doc;
    Autosave autosave(&doc);
    FileController files(&doc, &autosave, &window);
    files.setInteractive(false);
    QVERIFY(files.openFile(QStringLiteral("lesson/wc.json")));
    QDir::setCurrent(QDir::homePath()); // the dialog must not depend on where the process is now
    QCOMPARE(files.saveAsSuggestion(), QDir(folder).absoluteFilePath(QStringLiteral("wc.json")));
    files.saveAs();
    auto* dialog = window.findChild<QFileDialog*>();
    QVERIFY(dialog);
    QCOMPARE(QFileInfo(dialog->directory().absolutePath()).canonicalFilePath(), QFileInfo(folder).canonicalFilePath());
    QCOMPARE(dialog->selectedFiles().value(0), QDir(folder).absoluteFilePath(QStringLiteral("wc.json")));
    dialog->reject();
    QDir::setCurrent(before);
}

#include "tst_files.moc"
