// SPDX-License-Identifier: GPL-3.0-or-later
// Autosave and recovery never lose or overwrite: the first edit is saved, each window has its
// own copy that no other window offers or deletes while it lives, a window killed with SIGKILL
// gets every edit back, and Save after recovery writes the file that was edited, wherever the
// process is now. Windows that are killed are real processes (autosave_editor).
#include "ScriptedEdit.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/Autosave.h"
#include "ui/files/FileController.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QAbstractButton>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

constexpr int kPatience = 30000; // ms; a condition waited for, never a duration measured

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

std::string json(const ScenarioDocument& doc) { return scenarioToJson(*doc.scenario()); }

/// The scenario in `path` after scripted edits 1..`edits`.
std::string expectedAfter(const QString& path, int edits)
{
    ScenarioDocument doc;
    auto sc = ScenarioDocument::load(path);
    if (!sc.ok())
        return {};
    doc.setScenario(std::move(sc.value()), path, QString());
    for (int n = 1; n <= edits; ++n)
        test::scriptedEdit(doc, n);
    return json(doc);
}

/// The copies in the autosave folder, by file name.
QStringList copies() { return QDir(Autosave::folder()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name); }

/// The text of the only copy in the autosave folder, or empty.
QByteArray onlyCopy()
{
    const QStringList names = copies();
    return names.size() == 1 ? readAll(Autosave::folder() + QLatin1Char('/') + names[0]) : QByteArray();
}

/// A window in another process, killed at the end of the test if still running.
struct Editor {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    int edits = 0;

    bool start(const QString& folder, const QString& file)
    {
        process->setProgram(QStringLiteral(AUTOSAVE_EDITOR));
        process->setArguments({file});
        process->setWorkingDirectory(folder);
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start();
        return process->waitForStarted(kPatience) && waitFor("ready");
    }
    bool waitFor(const QByteArray& line)
    {
        QByteArray out;
        while (process->state() == QProcess::Running || process->bytesAvailable() > 0) {
            while (process->canReadLine()) {
                if (process->readLine().trimmed() == line)
                    return true;
            }
            if (!process->waitForReadyRead(kPatience))
                return false;
        }
        return false;
    }
    bool edit()
    {
        process->write("edit\n");
        return waitFor("edited " + QByteArray::number(++edits));
    }
    void kill()
    {
        process->kill(); // SIGKILL: no destructor, no event loop, no goodbye
        process->waitForFinished(kPatience);
    }
    ~Editor()
    {
        if (process->state() != QProcess::NotRunning)
            kill();
    }
};

/// The recovery question a window shows, once it is there.
QMessageBox* recoveryBox(QWidget& window)
{
    for (auto* box : window.findChildren<QMessageBox*>())
        if (box->isVisible() && box->windowTitle() == FileController::tr("Recover unsaved edits?"))
            return box;
    return nullptr;
}

void click(QMessageBox* box, const QString& text)
{
    for (QAbstractButton* b : box->buttons())
        if (b->text() == text) {
            b->click();
            return;
        }
    QFAIL(qPrintable(QStringLiteral("no button ") + text));
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstEditOfAFreshlyOpenedFileIsAutosaved();
    void copyGoesOnceEditsAreSavedOrUndone();
    void twoWindowsKeepTheirOwnCopies();
    void anotherInstancesLiveCopyIsNeitherOfferedNorTouched();
    void killedWhileEditingThenRelaunchedRecoversEveryEdit();
    void recoveredSaveWritesTheOriginalFileWhereverTheProcessIs();
    void sharedCopyOfAnEarlierVersionIsOfferedWithoutItsRelativePath();
    void closingTheQuestionKeepsTheCopy();
    void windowGoneWithUnsavedEditsLeavesItsCopy();
    void closingTheWindowCleansUp_data();
    void closingTheWindowCleansUp();
    void unreadableCopyIsSetAsideNotDeleted();

private:
    /// A copy of a shipped scenario at m_home/lesson/wc.json.
    QString lessonFile();

    QTemporaryDir m_xdg;
    QTemporaryDir m_home;
    QTemporaryDir m_elsewhere;
    QString m_startFolder;
};

void TestAutosave::initTestCase()
{
    // The windows under test, here and in autosave_editor, share these folders and nothing else.
    QVERIFY(m_xdg.isValid() && m_home.isValid() && m_elsewhere.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_xdg.filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_xdg.filePath(QStringLiteral("config"))));
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_autosave"));
    QVERIFY2(Autosave::folder().startsWith(m_xdg.path()), qPrintable(Autosave::folder()));
    m_startFolder = QDir::currentPath();
}

void TestAutosave::init() { QVERIFY(QDir(Autosave::folder()).removeRecursively()); }

void TestAutosave::cleanup() { QDir::setCurrent(m_startFolder); }

QString TestAutosave::lessonFile()
{
    const QString path = m_home.filePath(QStringLiteral("lesson/wc.json"));
    [&] { QVERIFY(write(path, readAll(FileController::defaultExample()))); }();
    return path;
}

void TestAutosave::firstEditOfAFreshlyOpenedFileIsAutosaved()
{
    // The timer used to start only when the document was modified before the edit: the first
    // edit after opening was never saved, however long the window then ran.
    ScenarioDocument doc;
    Autosave autosave(&doc);
    autosave.setDelay(10);
    auto sc = ScenarioDocument::load(lessonFile());
    QVERIFY(sc.ok());
    doc.setScenario(std::move(sc.value()), lessonFile(), QString());
    test::scriptedEdit(doc, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!autosave.copyPath().isEmpty() && readAll(autosave.copyPath()).toStdString() == json(doc), kPatience);
}

void TestAutosave::copyGoesOnceEditsAreSavedOrUndone()
{
    ScenarioDocument doc;
    Autosave autosave(&doc);
    autosave.setDelay(10);
    auto sc = ScenarioDocument::load(lessonFile());
    QVERIFY(sc.ok());
    doc.setScenario(std::move(sc.value()), lessonFile(), QString());
    autosave.saveNow();
    QVERIFY2(copies().isEmpty(), "nothing to keep without edits");

    test::scriptedEdit(doc, 1);
    QTRY_COMPARE_WITH_TIMEOUT(copies().size(), 1, kPatience);
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified());
    QVERIFY2(QDir(Autosave::folder()).isEmpty(), qPrintable(QDir(Autosave::folder()).entryList().join(' ')));

    test::scriptedEdit(doc, 1);
    test::scriptedEdit(doc, 2);
    QTRY_VERIFY_WITH_TIMEOUT(onlyCopy().toStdString() == json(doc), kPatience);
    QVERIFY(doc.save(m_home.filePath(QStringLiteral("saved.json"))).ok());
    QVERIFY2(QDir(Autosave::folder()).isEmpty(), "saving removes the copy, its description and its lock");
}

void TestAutosave::twoWindowsKeepTheirOwnCopies()
{
    // Two windows of one process: the second used to write the same file as the first, and
    // saving in either deleted the other's unsaved edits.
    ScenarioDocument first, second;
    Autosave firstAutosave(&first), secondAutosave(&second);
    for (ScenarioDocument* doc : {&first, &second}) {
        auto sc = ScenarioDocument::load(lessonFile());
        QVERIFY(sc.ok());
        doc->setScenario(std::move(sc.value()), lessonFile(), QString());
    }
    test::scriptedEdit(first, 1);
    firstAutosave.saveNow();
    firstAutosave.waitForWrite();
    test::scriptedEdit(second, 1);
    test::scriptedEdit(second, 2);
    secondAutosave.saveNow();
    secondAutosave.waitForWrite();
    QVERIFY(!firstAutosave.copyPath().isEmpty());
    QVERIFY(firstAutosave.copyPath() != secondAutosave.copyPath());
    QCOMPARE(copies().size(), 2);
    QVERIFY2(Autosave::orphans().empty(), "a live window's copy is nobody's to offer");

    const QByteArray firstCopy = readAll(firstAutosave.copyPath());
    QCOMPARE(firstCopy.toStdString(), json(first));
    QVERIFY(second.save(m_home.filePath(QStringLiteral("second.json"))).ok());
    QCOMPARE(readAll(firstAutosave.copyPath()), firstCopy);
    QCOMPARE(copies().size(), 1);
}

void TestAutosave::anotherInstancesLiveCopyIsNeitherOfferedNorTouched()
{
    lessonFile();
    Editor other;
    QVERIFY(other.start(m_home.path(), QStringLiteral("lesson/wc.json")));
    QVERIFY(other.edit());
    QTRY_VERIFY_WITH_TIMEOUT(onlyCopy().toStdString() == expectedAfter(lessonFile(), 1), kPatience);
    const QString theirs = Autosave::folder() + QLatin1Char('/') + copies().value(0);
    const QByteArray theirCopy = readAll(theirs);

    // This process starts a window as a second instance would.
    MainWindow window;
    QVERIFY(window.files()->openFile(lessonFile()));
    window.show();
    window.files()->offerRecovery();
    QCoreApplication::processEvents();
    QVERIFY2(!recoveryBox(window), "offered another instance's live edits");
    QVERIFY(Autosave::orphans().empty());

    // Its own edits get their own copy; saving them leaves the other's alone.
    test::scriptedEdit(*window.document(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(copies().size(), 2, kPatience);
    QVERIFY(window.files()->saveTo(m_home.filePath(QStringLiteral("mine.json"))));
    QCOMPARE(copies(), QStringList{QFileInfo(theirs).fileName()});
    QCOMPARE(readAll(theirs), theirCopy);

    // Once that instance is gone, its edits are the next window's to offer.
    other.kill();
    const auto orphans = Autosave::orphans();
    QCOMPARE(orphans.size(), std::size_t{1});
    QCOMPARE(orphans[0].autosavePath, theirs);
}

void TestAutosave::killedWhileEditingThenRelaunchedRecoversEveryEdit()
{
    const QString original = lessonFile();
    const QByteArray before = readAll(original);
    Editor killed;
    QVERIFY(killed.start(m_home.path(), QStringLiteral("lesson/wc.json")));
    // Each edit reaches the copy (the first one included) before the next is made.
    for (int n = 1; n <= 3; ++n) {
        QVERIFY(killed.edit());
        const std::string expected = expectedAfter(original, n);
        QTRY_VERIFY_WITH_TIMEOUT(onlyCopy().toStdString() == expected, kPatience);
    }
    killed.kill();
    QCOMPARE(killed.process->exitStatus(), QProcess::CrashExit);
    QCOMPARE(readAll(original), before);

    // Relaunched from another folder that holds a file of the same relative name.
    const QString decoy = m_elsewhere.filePath(QStringLiteral("lesson/wc.json"));
    QVERIFY(write(decoy, "not to be overwritten"));
    QDir::setCurrent(m_elsewhere.path());
    MainWindow window;
    QVERIFY(window.files()->openFile(FileController::defaultExample()));
    window.show();
    window.files()->offerRecovery();
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = recoveryBox(window)) != nullptr, kPatience);
    QVERIFY2(box->text().contains(QStringLiteral("wc.json")), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QDir::toNativeSeparators(QFileInfo(original).canonicalFilePath())),
             qPrintable(box->informativeText()));
    click(box, FileController::tr("Recover"));
    const std::string expected = expectedAfter(original, 3);
    QCOMPARE(json(*window.document()), expected);
    QVERIFY(window.document()->isModified());
    QCOMPARE(window.document()->filePath(), QFileInfo(original).canonicalFilePath());

    window.files()->save();
    QCOMPARE(readAll(original).toStdString(), expected);
    QCOMPARE(readAll(decoy), QByteArray("not to be overwritten"));
    QVERIFY(!window.document()->isModified());
    QVERIFY2(QDir(Autosave::folder()).isEmpty(), qPrintable(QDir(Autosave::folder()).entryList().join(' ')));
}

void TestAutosave::recoveredSaveWritesTheOriginalFileWhereverTheProcessIs()
{
    // A document that knows its file by a relative path (as typed in a terminal): the copy
    // used to keep it relative, and Save after recovery wrote to that name in whatever folder
    // the recovering process was in.
    const QString original = lessonFile();
    QDir::setCurrent(m_home.path());
    {
        ScenarioDocument doc;
        Autosave autosave(&doc);
        auto sc = ScenarioDocument::load(original);
        QVERIFY(sc.ok());
        doc.setScenario(std::move(sc.value()), QStringLiteral("lesson/wc.json"), QString());
        test::scriptedEdit(doc, 1);
        autosave.saveNow();
        autosave.waitForWrite();
        QCOMPARE(copies().size(), 1);
    } // the window went away without saving

    const QString decoy = m_elsewhere.filePath(QStringLiteral("lesson/wc.json"));
    QVERIFY(write(decoy, "not to be overwritten"));
    QDir::setCurrent(m_elsewhere.path());
    MainWindow window;
    QVERIFY(window.files()->openFile(FileController::defaultExample()));
    window.show();
    window.files()->offerRecovery();
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = recoveryBox(window)) != nullptr, kPatience);
    click(box, FileController::tr("Recover"));
    QCOMPARE(window.document()->filePath(), QFileInfo(original).canonicalFilePath());
    const std::string expected = expectedAfter(original, 1);
    window.files()->save();
    QCOMPARE(readAll(original).toStdString(), expected);
    QCOMPARE(readAll(decoy), QByteArray("not to be overwritten"));
}

void TestAutosave::sharedCopyOfAnEarlierVersionIsOfferedWithoutItsRelativePath()
{
    // Before per-window copies every window wrote AppDataLocation/autosave.json, with the
    // file's path as it was given. It is offered once like any other, but a relative path
    // names no file any more: recovered, it is an unsaved scenario that Save asks a name for.
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY(write(base + QStringLiteral("/autosave.json"), readAll(FileController::defaultExample())));
    {
        QSettings ini(base + QStringLiteral("/autosave.ini"), QSettings::IniFormat);
        ini.setValue(QStringLiteral("originalPath"), QStringLiteral("lesson/wc.json"));
        ini.setValue(QStringLiteral("name"), QStringLiteral("wc.json"));
    }
    auto orphans = Autosave::orphans();
    QCOMPARE(orphans.size(), std::size_t{1});
    QCOMPARE(orphans[0].name, QStringLiteral("wc.json"));
    QCOMPARE(orphans[0].originalPath, QString());
    QVERIFY(!QFile::exists(base + QStringLiteral("/autosave.json")));
    QVERIFY(!QFile::exists(base + QStringLiteral("/autosave.ini")));
    QCOMPARE(readAll(orphans[0].autosavePath), readAll(FileController::defaultExample()));
    Autosave::remove(orphans[0]);
    QVERIFY(QDir(Autosave::folder()).isEmpty());
}

void TestAutosave::closingTheQuestionKeepsTheCopy()
{
    // Esc on the question used to count as Discard and deleted the edits.
    {
        ScenarioDocument doc;
        Autosave autosave(&doc);
        auto sc = ScenarioDocument::load(lessonFile());
        QVERIFY(sc.ok());
        doc.setScenario(std::move(sc.value()), lessonFile(), QString());
        test::scriptedEdit(doc, 1);
        autosave.saveNow();
    }
    const QByteArray copy = onlyCopy();
    QVERIFY(!copy.isEmpty());
    {
        MainWindow window;
        QVERIFY(window.files()->openFile(FileController::defaultExample()));
        window.show();
        window.files()->offerRecovery();
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = recoveryBox(window)) != nullptr, kPatience);
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!recoveryBox(window), kPatience);
        QCOMPARE(onlyCopy(), copy);
        QVERIFY(!window.document()->isModified());
    }
    // Offered again at the next start; Discard is what deletes it.
    MainWindow window;
    QVERIFY(window.files()->openFile(FileController::defaultExample()));
    window.show();
    window.files()->offerRecovery();
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = recoveryBox(window)) != nullptr, kPatience);
    click(box, FileController::tr("Discard"));
    QVERIFY(copies().isEmpty());
}

void TestAutosave::windowGoneWithUnsavedEditsLeavesItsCopy()
{
    // A window destroyed with unsaved edits (the application quit without the close prompt):
    // its undo stack, torn down with the document, used to announce a clean document, and the
    // copy was deleted as if the edits had been saved.
    {
        MainWindow window;
        QVERIFY(window.files()->openFile(lessonFile()));
        test::scriptedEdit(*window.document(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(onlyCopy().toStdString() == json(*window.document()), kPatience);
    }
    const auto orphans = Autosave::orphans();
    QCOMPARE(orphans.size(), std::size_t{1});
    QCOMPARE(orphans[0].originalPath, QFileInfo(lessonFile()).canonicalFilePath());
}

void TestAutosave::closingTheWindowCleansUp_data()
{
    QTest::addColumn<QString>("answer");
    QTest::newRow("save") << QStringLiteral("Save");
    QTest::newRow("discard") << QStringLiteral("Discard");
}

void TestAutosave::closingTheWindowCleansUp()
{
    QFETCH(QString, answer);
    const QString original = lessonFile();
    MainWindow window;
    QVERIFY(window.files()->openFile(original));
    window.show();
    test::scriptedEdit(*window.document(), 1);
    const std::string edited = json(*window.document());
    QTRY_VERIFY_WITH_TIMEOUT(onlyCopy().toStdString() == edited, kPatience);
    window.close();
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox*>()) != nullptr, kPatience);
    QAbstractButton* button = box->button(answer == QLatin1String("Save") ? QMessageBox::Save : QMessageBox::Discard);
    QVERIFY(button);
    button->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), kPatience);
    QVERIFY2(QDir(Autosave::folder()).isEmpty(), qPrintable(QDir(Autosave::folder()).entryList().join(' ')));
    QCOMPARE(readAll(original).toStdString() == edited, answer == QLatin1String("Save"));
}

void TestAutosave::unreadableCopyIsSetAsideNotDeleted()
{
    {
        ScenarioDocument doc;
        Autosave autosave(&doc);
        auto sc = ScenarioDocument::load(lessonFile());
        QVERIFY(sc.ok());
        doc.setScenario(std::move(sc.value()), lessonFile(), QString());
        test::scriptedEdit(doc, 1);
        autosave.saveNow();
        autosave.waitForWrite();
        QVERIFY(write(autosave.copyPath(), "{\"tidemark\": 1, \"sources\""));
    }
    MainWindow window;
    QVERIFY(window.files()->openFile(FileController::defaultExample()));
    window.show();
    window.files()->offerRecovery();
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = recoveryBox(window)) != nullptr, kPatience);
    click(box, FileController::tr("Recover"));
    QVERIFY(!window.document()->isModified());
    const QStringList aside = QDir(Autosave::folder()).entryList({QStringLiteral("*.unreadable")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(window.files()->lastError().contains(aside[0]), qPrintable(window.files()->lastError()));
    QCOMPARE(readAll(Autosave::folder() + QLatin1Char('/') + aside[0]), QByteArray("{\"tidemark\": 1, \"sources\""));
    QVERIFY(Autosave::orphans().empty());
}

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
