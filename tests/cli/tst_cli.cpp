// SPDX-License-Identifier: GPL-3.0-or-later
// The tidemark executable's headless commands: output, exit codes and messages.
#include <QtTest>

#include <sys/stat.h>

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
    void hostileFilesAreExitTwoWithTheirPlace()
    {
        // A FIFO blocked for ever and a directory was an internal error (exit 1); a time zone
        // naming a folder of the tz database or a path outside it was an internal error too.
        QTemporaryDir dir;
        const QString fifo = dir.filePath("pipe.json");
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        for (const QString& path : {fifo, dir.path()}) {
            for (const char* cmd : {"run", "validate"}) {
                const Result r = run({cmd, path});
                QCOMPARE(r.code, 2);
                QVERIFY2(r.err.contains(path + ": not a regular file"), qPrintable(r.err));
            }
        }
        for (const char* zone : {"Asia", "../../etc/passwd"}) {
            QByteArray text = kAppendNoWatermark;
            text.replace(R"({"tidemark": 1,)", QByteArray("{\"tidemark\": 1, \"timeZone\": \"") + zone + "\",");
            const QString path = writeTemp(dir, "zone.json", text);
            for (const char* cmd : {"run", "validate"}) {
                const Result r = run({cmd, path});
                QCOMPARE(r.code, 2);
                QVERIFY2(r.err.contains(path + ": timeZone: unknown time zone '" + zone + "'"), qPrintable(r.err));
                QVERIFY2(!r.err.contains("internal error"), qPrintable(r.err));
            }
        }
        // A sliding window of a day sliding every millisecond: 86.4 million windows per row.
        QByteArray text = kAppendNoWatermark;
        text.replace(R"("duration": "1 minute"})", R"("duration": "1 day", "slide": "1 millisecond"})");
        const QString path = writeTemp(dir, "slide.json", text);
        const Result r = run({"run", path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("puts every row in 86400000 windows"), qPrintable(r.err));
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
    void lessonCheckExitCodes()
    {
        const QString shipped = QStringLiteral(TIDEMARK_SOURCE_DIR "/resources/lessons/append-no-output.lesson.json");
        Result r = run({"lesson", "check", shipped});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("claims hold"), qPrintable(r.out));
        QTemporaryDir dir;
        const QByteArray lesson = R"({"tidemarkLesson": 1, "id": "x", "title": {"en": "X", "ko": "엑스"}, "scenario": "word-count-append.json",
          "steps": [{"batch": 3, "text": {"en": "t", "ko": "티"}, "claims": [{"watermark": "12:04", "batch": 3}]}]})";
        // A false claim: exit 4, naming the file, the step, the claim and the real value.
        const QString wrong = writeTemp(dir, "wrong.lesson.json", lesson);
        r = run({"lesson", "check", wrong, "--scenarios", QStringLiteral(TIDEMARK_SCENARIOS)});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("wrong.lesson.json: steps[0].claims[0] {\"watermark\":\"12:04\",\"batch\":3} is false; the engine gives: 12:11:00"),
                 qPrintable(r.err));
        // A bad file: exit 2 with its JSON path.
        const QString bad = writeTemp(dir, "bad.lesson.json", QByteArray(lesson).replace("\"batch\": 3}]", "\"batch\": -1}]"));
        r = run({"lesson", "check", bad, "--scenarios", QStringLiteral(TIDEMARK_SCENARIOS)});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("steps[0].claims[0].batch: expected a number from 0 up"), qPrintable(r.err));
        QCOMPARE(run({"lesson", "check"}).code, 1);
    }
    void lessonListShowsTheBuiltInLessons()
    {
        const Result r = run({"lesson", "list"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("append-no-output\tWhy append mode shows nothing yet\n"), qPrintable(r.out));
    }
    void badOptionIsExitOne()
    {
        QCOMPARE(run({"run", "x.json", "--mode", "sideways"}).code, 1);
        QCOMPARE(run({"run"}).code, 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
