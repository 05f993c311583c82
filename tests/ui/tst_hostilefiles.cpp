// SPDX-License-Identifier: GPL-3.0-or-later
// Files a class downloads or pastes, opened as a user would: through the window's open path and
// through `tidemark --screenshot`. Each must end in an error that names the file and says what
// is wrong, without a crash, a freeze or a modal loop; the scenario that was open stays open.
#include "engine/scenario/ScenarioFile.h"
#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/pages/OutputModeColumn.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QAbstractButton>
#include <QMessageBox>
#include <QProcess>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace tidemark;
using namespace tidemark::ui;

namespace {

constexpr int kPatience = 60000; // ms; how long a hung process is given before the test fails

QByteArray shippedScenario()
{
    QFile f(FileController::defaultExample());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray encoded(QStringConverter::Encoding encoding, bool bom)
{
    QStringEncoder encoder(encoding, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
    return encoder.encode(QString::fromUtf8(shippedScenario()));
}

} // namespace

class TestHostileFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void windowShowsTheError_data();
    void windowShowsTheError();
    void screenshotExitsWithTheError_data();
    void screenshotExitsWithTheError();
    void queryThatSparkRejectsOpensAndShowsSparksMessage();

private:
    /// Every hostile file with a piece of the error it must give.
    void hostileFiles();

    QTemporaryDir m_dir;
};

void TestHostileFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostilefiles"));
    QVERIFY(m_dir.isValid());
    const QByteArray scenario = shippedScenario();
    QVERIFY(!scenario.isEmpty());
    QVERIFY(write(m_dir.filePath(QStringLiteral("malformed.json")), R"({"tidemark": 1, "sources": )"));
    QVERIFY(write(m_dir.filePath(QStringLiteral("truncated.json")), scenario.left(scenario.size() / 2)));
    QVERIFY(write(m_dir.filePath(QStringLiteral("unknown-key.json")), QByteArray(scenario).replace("\"title\"", "\"titel\"")));
    QVERIFY(write(m_dir.filePath(QStringLiteral("utf16.json")), encoded(QStringConverter::Utf16LE, true)));
    QVERIFY(write(m_dir.filePath(QStringLiteral("utf16-no-bom.json")), encoded(QStringConverter::Utf16LE, false)));
    QVERIFY(write(m_dir.filePath(QStringLiteral("utf16-big-endian.json")), encoded(QStringConverter::Utf16BE, true)));
    QVERIFY(write(m_dir.filePath(QStringLiteral("utf32.json")), encoded(QStringConverter::Utf32LE, true)));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.json")));
#ifdef Q_OS_UNIX
    // Read without care, a pipe with no writer blocks the reader forever.
    QCOMPARE(::mkfifo(QFile::encodeName(m_dir.filePath(QStringLiteral("pipe.json"))).constData(), 0600), 0);
#endif
}

void TestHostileFiles::hostileFiles()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");
    QTest::newRow("malformed") << "malformed.json" << "malformed JSON: parse error at line 1, column 28";
    QTest::newRow("truncated") << "truncated.json" << "malformed JSON: parse error at line";
    QTest::newRow("unknown key") << "unknown-key.json" << R"(titel: unknown key "titel" (did you mean "title"?))";
    QTest::newRow("UTF-16") << "utf16.json" << "the file is UTF-16; save it as UTF-8";
    QTest::newRow("UTF-16 without BOM") << "utf16-no-bom.json" << "the file is UTF-16; save it as UTF-8";
    QTest::newRow("UTF-16 big-endian") << "utf16-big-endian.json" << "the file is UTF-16; save it as UTF-8";
    QTest::newRow("UTF-32") << "utf32.json" << "the file is UTF-32; save it as UTF-8";
    QTest::newRow("folder") << "folder.json" << "not a regular file";
#ifdef Q_OS_UNIX
    QTest::newRow("pipe") << "pipe.json" << "not a regular file";
#endif
}

void TestHostileFiles::windowShowsTheError_data() { hostileFiles(); }

void TestHostileFiles::windowShowsTheError()
{
    QFETCH(QString, name);
    QFETCH(QString, error);
    MainWindow window;
    QVERIFY(window.files()->openFile(FileController::defaultExample()));
    window.resize(1024, 768);
    window.show();
    const std::string before = scenarioToJson(*window.document()->scenario());

    // A nested event loop (a dialog's exec()) would run this before openPath returns.
    bool nestedLoop = false;
    QTimer::singleShot(0, &window, [&nestedLoop] { nestedLoop = true; });
    window.files()->openPath(m_dir.filePath(name));
    QVERIFY2(!nestedLoop, "the error ran its own event loop");

    QMessageBox* box = window.findChild<QMessageBox*>();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QCOMPARE(box->windowTitle(), FileController::tr("Cannot open %1").arg(name));
    QCOMPARE(box->text(), box->windowTitle()); // not every window shows its title
    QVERIFY2(box->informativeText().contains(error), qPrintable(box->informativeText()));
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    QCOMPARE(scenarioToJson(*window.document()->scenario()), before);
    QVERIFY(!window.document()->isModified());
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(!window.findChild<QMessageBox*>());
}

void TestHostileFiles::screenshotExitsWithTheError_data() { hostileFiles(); }

void TestHostileFiles::screenshotExitsWithTheError()
{
    // README, command line: a file that cannot be opened writes no picture and exits 2.
    QFETCH(QString, name);
    QFETCH(QString, error);
    const QString png = m_dir.filePath(QStringLiteral("shot.png"));
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TIDEMARK_BIN), {QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("1024x768"), m_dir.filePath(name)});
    QVERIFY(p.waitForFinished(kPatience));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 2, qPrintable(QString::number(p.exitCode()) + QLatin1Char(' ') + err));
    QVERIFY2(err.contains(QStringLiteral("Cannot open %1: ").arg(name) + error), qPrintable(err));
    QVERIFY(!err.contains(QStringLiteral("internal error")));
    QVERIFY(!QFile::exists(png));
}

void TestHostileFiles::queryThatSparkRejectsOpensAndShowsSparksMessage()
{
    // A file that reads well with a query Spark rejects is not a broken file: the window opens
    // it and shows Spark's error where the sink's rows would be, and --screenshot draws that.
    // Append mode with an aggregation and no watermark.
    QByteArray text = shippedScenario();
    const QByteArray watermark = R"("withWatermark": {"column": "timestamp", "delay": "10 minutes"},)";
    QVERIFY(text.contains(watermark) && text.contains(R"("outputMode": "update")"));
    text.replace(watermark, "").replace(R"("outputMode": "update")", R"("outputMode": "append")");
    const QString path = m_dir.filePath(QStringLiteral("spark-rejects.json"));
    QVERIFY(write(path, text));

    MainWindow window;
    QVERIFY(window.files()->openFile(FileController::defaultExample()));
    window.resize(1024, 768);
    window.show();
    window.files()->openPath(path);
    QVERIFY2(window.files()->lastError().isEmpty(), qPrintable(window.files()->lastError()));
    QVERIFY(!window.findChild<QMessageBox*>());
    QTRY_VERIFY_WITH_TIMEOUT(window.isUpToDate(), kPatience);
    QString shown;
    for (const OutputModeColumn* column : window.findChildren<OutputModeColumn*>())
        shown += column->errorText();
    QVERIFY2(shown.contains(QStringLiteral("AnalysisException: Append output mode not supported when there are streaming aggregations")),
             qPrintable(shown));

    const QString png = m_dir.filePath(QStringLiteral("spark.png"));
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TIDEMARK_BIN), {QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("1024x768"), path});
    QVERIFY(p.waitForFinished(kPatience));
    QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
    QCOMPARE(QImage(png).size(), QSize(1024, 768));
}

QTEST_MAIN(TestHostileFiles)
#include "tst_hostilefiles.moc"
