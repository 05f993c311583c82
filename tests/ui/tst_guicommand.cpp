// SPDX-License-Identifier: GPL-3.0-or-later
// The window's command line, run as a user would: --screenshot, its errors, and the plain
// `tidemark` in a terminal without a display.
#include <QtTest>

namespace {
struct Result {
    int code = -1;
    QString out, err;
};
Result run(const QStringList& args, const QProcessEnvironment& env)
{
    QProcess p;
    p.setProgram(QStringLiteral(TIDEMARK_BIN));
    p.setArguments(args);
    p.setProcessEnvironment(env);
    p.start();
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
QProcessEnvironment offscreen()
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}
const QString kScenarios = QStringLiteral(TIDEMARK_SCENARIOS);
} // namespace

class TestGuiCommand : public QObject
{
    Q_OBJECT
private slots:
    void screenshotWritesTheWindow();
    void screenshotOfABrokenFileNamesTheJsonPath();
    void sizeMustBeWidthByHeight();
    void batchNeedsScreenshot();
    void batchPastTheLastIsABadCommandLine();
    void noDisplayPrintsTheConsoleSink();
    void lessonStepScreenshot();
    void lessonErrors();
};

void TestGuiCommand::screenshotWritesTheWindow()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    const Result r = run({QStringLiteral("--screenshot"), png, QStringLiteral("--batch"), QStringLiteral("1"), QStringLiteral("--size"),
                          QStringLiteral("1024x768"), kScenarios + "/word-count-update.json"},
                         offscreen());
    QCOMPARE(r.code, 0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1024, 768)); // as a projector shows it, not grown
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
}

void TestGuiCommand::screenshotOfABrokenFileNamesTheJsonPath()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"tidemark": 1, "sources": {"in": {"schema": {"t": "timestamp"}, "events": []}}, "query": {"source": "in", "outputmode": "append"}})");
    f.close();
    const Result r = run({QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")), bad}, offscreen());
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("query.outputmode: unknown key")), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.png"))));
}

void TestGuiCommand::sizeMustBeWidthByHeight()
{
    const Result r = run({QStringLiteral("--screenshot"), QStringLiteral("x.png"), QStringLiteral("--size"), QStringLiteral("1024")}, offscreen());
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--size needs WIDTHxHEIGHT")), qPrintable(r.err));
}

void TestGuiCommand::batchNeedsScreenshot()
{
    const Result r = run({QStringLiteral("--batch"), QStringLiteral("2")}, offscreen());
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("--batch goes with --screenshot")));
}

void TestGuiCommand::batchPastTheLastIsABadCommandLine()
{
    // word-count-update runs batches 0 to 5; --batch 50 used to clamp silently to batch 5.
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("late.png"));
    const Result r = run({QStringLiteral("--screenshot"), png, QStringLiteral("--batch"), QStringLiteral("50"), kScenarios + "/word-count-update.json"},
                         offscreen());
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--batch 50 is out of range: the scenario runs batches 0 to ")), qPrintable(r.err));
    QVERIFY(!QFile::exists(png));
    const Result huge = run({QStringLiteral("--screenshot"), png, QStringLiteral("--batch"), QStringLiteral("99999999999"), kScenarios + "/word-count-update.json"},
                            offscreen());
    QCOMPARE(huge.code, 1);
    QVERIFY2(huge.err.contains(QStringLiteral("--batch needs a batch number")), qPrintable(huge.err));
}

void TestGuiCommand::noDisplayPrintsTheConsoleSink()
{
    auto env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    const Result r = run({}, env);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("-------------------------------------------\nBatch: 0\n")), qPrintable(r.out.left(200)));
    QVERIFY(r.err.contains(QStringLiteral("no display")));
}



void TestGuiCommand::lessonStepScreenshot()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("step.png"));
    const Result r = run({QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("1024x768"), QStringLiteral("--lesson"),
                          QStringLiteral("append-no-output"), QStringLiteral("--step"), QStringLiteral("5")},
                         offscreen());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1024, 768));
    // The lesson bar's pale band runs along the bottom, above the status bar, the whole width.
    const QColor band(0xff, 0xf8, 0xe1);
    int rows = 0;
    for (int y = image.height() / 2; y < image.height(); ++y)
        if (image.pixelColor(4, y) == band && image.pixelColor(image.width() - 4, y) == band)
            ++rows;
    QVERIFY2(rows > 40, qPrintable(QString::number(rows)));
}

void TestGuiCommand::lessonErrors()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("x.png"));
    Result r = run({QStringLiteral("--screenshot"), png, QStringLiteral("--lesson"), QStringLiteral("append-no-output"), QStringLiteral("--step"),
                    QStringLiteral("99")},
                   offscreen());
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--step 99 is out of range: the lesson has steps 1 to 7")), qPrintable(r.err));
    r = run({QStringLiteral("--screenshot"), png, QStringLiteral("--lesson"), QStringLiteral("no-such-lesson")}, offscreen());
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("no built-in lesson \"no-such-lesson\"")), qPrintable(r.err));
    r = run({QStringLiteral("--step"), QStringLiteral("2")}, offscreen());
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("--step goes with --lesson")));
    r = run({QStringLiteral("--lesson"), QStringLiteral("append-no-output"), kScenarios + "/word-count-update.json"}, offscreen());
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(png));
}

QTEST_GUILESS_MAIN(TestGuiCommand)
#include "tst_guicommand.moc"
