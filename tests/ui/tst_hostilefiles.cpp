// SPDX-License-Identifier: GPL-3.0-or-later
// Files a class downloads or pastes, opened as a user would: through the window's open path and
// through `tidemark --screenshot`. Each must end in an error that names the file and says what
// is wrong, without a crash, a freeze or a modal loop; the scenario that was open stays open.
#include "engine/scenario/ScenarioFile.h"
#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/pages/OutputModeColumn.h"

#include <qcustomplot.h>

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

/// `tidemark --screenshot PNG --size 1024x768 FILE`, as a projector lays the window out.
void startScreenshot(QProcess& p, const QString& png, const QString& file)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TIDEMARK_BIN), {QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("1024x768"), file});
}

/// What the output-mode columns show in place of their rows.
QString columnErrors(const MainWindow& window)
{
    QString shown;
    for (const OutputModeColumn* column : window.findChildren<OutputModeColumn*>())
        shown += column->errorText();
    return shown;
}

/// Every text drawn on the event-time plot (the banner among them).
QString plotTexts(const MainWindow& window)
{
    QString texts;
    const auto* plot = window.findChild<QCustomPlot*>(QStringLiteral("eventTimeCustomPlot"));
    for (int i = 0; plot && i < plot->itemCount(); ++i)
        if (const auto* text = qobject_cast<QCPItemText*>(plot->item(i)); text && text->visible())
            texts += text->text() + QLatin1Char('\n');
    return texts;
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
    void queryPastALimitOpensAndSaysWhatToChange_data();
    void queryPastALimitOpensAndSaysWhatToChange();

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
    const auto variant = [&scenario](const char* from, const QByteArray& to) {
        QByteArray text = scenario;
        return text.contains(from) ? text.replace(from, to) : QByteArray();
    };
    const QByteArray zone = R"("timeZone": "Asia/Seoul")";
    QVERIFY(write(m_dir.filePath(QStringLiteral("zone-folder.json")), variant(zone, R"("timeZone": "Asia")")));
    QVERIFY(write(m_dir.filePath(QStringLiteral("zone-path.json")), variant(zone, R"("timeZone": "../../etc/passwd")")));
    QVERIFY(write(m_dir.filePath(QStringLiteral("duplicate-key.json")), variant(zone, zone + R"(, "timeZone": "UTC")")));
    QVERIFY(write(m_dir.filePath(QStringLiteral("nul.json")), variant("\"title\"", QByteArray("\"ti\0tle\"", 8))));
    // Nested far past the JSON limit inside a value, where a recursive reader runs out of stack.
    QVERIFY(write(m_dir.filePath(QStringLiteral("deep.json")),
                  variant("\"title\":", "\"description\": " + QByteArray(100000, '[') + QByteArray(100000, ']') + ", \"title\":")));
    QVERIFY(write(m_dir.filePath(QStringLiteral("huge-integer.json")),
                  variant(R"("schema": {"timestamp": "timestamp", "value": "string"})",
                          R"("schema": {"timestamp": "timestamp", "value": "string", "n": "long"})")
                      .replace(R"("value": "dog"})", R"("value": "dog", "n": 99999999999999999999})")));
    // Queries past Tidemark's limits read well as files: the window opens them and says what to change.
    QVERIFY(write(m_dir.filePath(QStringLiteral("deep-where.json")),
                  variant(R"("withWatermark")", "\"where\": \"" + QByteArray(5000, '(') + "word" + QByteArray(5000, ')') + " <> ''\", \"withWatermark\"")));
    QVERIFY(write(m_dir.filePath(QStringLiteral("windows-per-row.json")), variant(R"("slide": "5 minutes")", R"("slide": "1 millisecond")")));
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
    QTest::newRow("time zone names a folder") << "zone-folder.json" << "timeZone: unknown time zone 'Asia' (a folder of zones";
    QTest::newRow("time zone is a path") << "zone-path.json" << "timeZone: unknown time zone '../../etc/passwd'";
    QTest::newRow("duplicate key") << "duplicate-key.json" << R"(timeZone: the key "timeZone" appears twice)";
    QTest::newRow("NUL byte") << "nul.json" << "line 3, column 6: the file contains a NUL byte";
    QTest::newRow("deep JSON") << "deep.json" << "line 3, column 529: the JSON nests more than 512 levels";
    QTest::newRow("integer past 64 bits") << "huge-integer.json" << "sources.lines.events[0].row.n: the number is outside the range of a 64-bit integer";
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
    startScreenshot(p, png, m_dir.filePath(name));
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
    const QString shown = columnErrors(window);
    QVERIFY2(shown.contains(QStringLiteral("AnalysisException: Append output mode not supported when there are streaming aggregations")),
             qPrintable(shown));
    QVERIFY2(plotTexts(window).contains(QStringLiteral("Spark rejects append mode for this query")), qPrintable(plotTexts(window)));

    const QString png = m_dir.filePath(QStringLiteral("spark.png"));
    QProcess p;
    startScreenshot(p, png, path);
    QVERIFY(p.waitForFinished(kPatience));
    QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
    QCOMPARE(QImage(png).size(), QSize(1024, 768));
}

void TestHostileFiles::queryPastALimitOpensAndSaysWhatToChange_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");
    QTest::newRow("parentheses 5000 deep") << "deep-where.json" << "query.where: the expression nests too deep";
    QTest::newRow("a window per millisecond") << "windows-per-row.json" << "puts every row in 600000 windows";
}

void TestHostileFiles::queryPastALimitOpensAndSaysWhatToChange()
{
    // Before the limits, the first crashed the window (stack overflow) and the second grew it
    // until memory ran out. Now the file opens, nothing is simulated, and the columns say why.
    QFETCH(QString, name);
    QFETCH(QString, error);
    MainWindow window;
    window.resize(1024, 768);
    window.show();
    window.files()->openPath(m_dir.filePath(name));
    QVERIFY2(window.files()->lastError().isEmpty(), qPrintable(window.files()->lastError()));
    QVERIFY(!window.findChild<QMessageBox*>());
    QTRY_VERIFY_WITH_TIMEOUT(window.isUpToDate(), kPatience);
    const QString shown = columnErrors(window);
    QVERIFY2(shown.contains(error), qPrintable(shown));
    // The plot must not blame Spark for a limit of Tidemark's.
    const QString texts = plotTexts(window);
    QVERIFY2(texts.contains(QStringLiteral("Past one of Tidemark's limits, not a Spark error")) && !texts.contains(QStringLiteral("Spark rejects")),
             qPrintable(texts));

    const QString png = m_dir.filePath(QStringLiteral("limit.png"));
    QProcess p;
    startScreenshot(p, png, m_dir.filePath(name));
    QVERIFY(p.waitForFinished(kPatience));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
    QCOMPARE(QImage(png).size(), QSize(1024, 768));
}

QTEST_MAIN(TestHostileFiles)
#include "tst_hostilefiles.moc"
