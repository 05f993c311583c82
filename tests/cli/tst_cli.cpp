// SPDX-License-Identifier: GPL-3.0-or-later
// The tidemark executable's headless commands: output, exit codes and messages.
#include <QtTest>

namespace {
struct Result {
    int code = -1;
    QString out, err;
};
Result run(const QStringList& args)
{
    QProcess p;
    p.setProgram(QStringLiteral(TIDEMARK_BIN));
    p.setArguments(args);
    p.start();
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
QString writeTemp(QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path;
}
const QByteArray kAppendNoWatermark = R"({"tidemark": 1, "sources": {"in": {"schema": {"t": "timestamp"}, "events": [{"at": 0, "row": {"t": 1}}]}},
  "query": {"source": "in", "groupBy": [{"window": {"column": "t", "duration": "1 minute"}}], "outputMode": "append"}})";
} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void runPrintsConsoleBatches()
    {
        const Result r = run({"run", QStringLiteral(TIDEMARK_SCENARIOS) + "/word-count-update.json"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("-------------------------------------------\nBatch: 0\n"));
        QVERIFY(r.err.isEmpty());
    }
    void validateAcceptsAGoodFile()
    {
        const Result r = run({"validate", QStringLiteral(TIDEMARK_SCENARIOS) + "/sliding-with-watermark.json"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("ok"));
    }
    void missingFileIsExitTwo()
    {
        const Result r = run({"run", "/nonexistent.json"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("/nonexistent.json"));
    }
    void malformedFileIsExitTwoWithItsPath()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "bad.json", R"({"tidemark": 1, "sources": {"in": {"schema": {"t": "timestamp"}}}, "query": {"source": "in", "outputmode": "append"}})");
        const Result r = run({"validate", path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path + ": query.outputmode: unknown key"), qPrintable(r.err));
    }
    void rejectedQueryIsExitThreeWithSparksMessage()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "q.json", kAppendNoWatermark);
        for (const char* cmd : {"run", "validate"}) {
            const Result r = run({cmd, path});
            QCOMPARE(r.code, 3);
            QVERIFY2(r.err.contains("AnalysisException: Append output mode not supported when there are streaming aggregations on "
                                    "streaming DataFrames/DataSets without watermark"),
                     qPrintable(r.err));
            QVERIFY(!r.err.contains("terminate"));
        }
    }
    void aQueryPastTidemarksLimitsIsExitTwoBeforeRunning()
    {
        // A 1000-day window sliding every 5 minutes: 288,000 windows per row. `run` used to
        // allocate until it died; both commands now refuse it at once with exit 2.
        QTemporaryDir dir;
        QByteArray text = kAppendNoWatermark;
        text.replace(R"("duration": "1 minute"})", R"("duration": "1000 days", "slide": "5 minutes"})");
        text.replace(R"("outputMode": "append")", R"("outputMode": "complete")");
        const QString path = writeTemp(dir, "big.json", text);
        for (const char* cmd : {"run", "validate"}) {
            const Result r = run({cmd, path});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(path + ": query.groupBy[0].window.duration: window(t, 1000 days, 5 minutes) puts every row in 288000 windows"),
                     qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
    }
    void anIntervalPastIntMaxIsExitThreeAsSparkRejectsIt()
    {
        QTemporaryDir dir;
        QByteArray text = kAppendNoWatermark;
        text.replace(R"("duration": "1 minute")", R"("duration": "99999999999999 days")");
        const QString path = writeTemp(dir, "typo.json", text);
        for (const char* cmd : {"run", "validate"}) {
            const Result r = run({cmd, path});
            QCOMPARE(r.code, 3);
            QVERIFY2(r.err.contains("IllegalArgumentException: Error parsing '99999999999999 days' to interval, integer overflow"), qPrintable(r.err));
        }
    }
    void modeAllPrintsTheRejectedModeInItsPlace()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "q.json", kAppendNoWatermark);
        const Result r = run({"run", path, "--mode", "all", "--format", "jsonl"});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.trimmed().split('\n');
        QVERIFY2(lines[0].startsWith("{\"mode\":\"append\",\"error\":\"AnalysisException: Append output mode"), qPrintable(lines[0]));
        QVERIFY(r.out.contains("{\"mode\":\"update\",\"batchId\":0"));
        QVERIFY(r.out.contains("{\"mode\":\"complete\",\"batchId\":0"));
    }
    void modeOverrideAndNoTruncate()
    {
        const Result r = run({"run", QStringLiteral(TIDEMARK_SCENARIOS) + "/tumbling-with-watermark.json", "--mode", "complete"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("|1     |{2021-07-03 00:00:00, 2021-07-03 01:00:00}|4    |"));
    }
    void badOptionIsExitOne()
    {
        QCOMPARE(run({"run", "x.json", "--mode", "sideways"}).code, 1);
        QCOMPARE(run({"run"}).code, 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
