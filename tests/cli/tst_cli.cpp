// SPDX-License-Identifier: GPL-3.0-or-later
// The tidemark executable's headless commands: output, exit codes and messages.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
            QVERIFY2(r.err.contains("AnalysisException: [CANNOT_PARSE_INTERVAL] Unable to parse '99999999999999 days'"), qPrintable(r.err));
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
    void exportPySparkWritesANotebookOrAScript()
    {
        QTemporaryDir dir;
        const QString scenario = QStringLiteral(TIDEMARK_SCENARIOS) + "/sliding-with-watermark.json";
        const QString notebook = dir.filePath("out.ipynb");
        Result r = run({"export-pyspark", scenario, "-o", notebook});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QFile nb(notebook);
        QVERIFY(nb.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(nb.readAll()).object();
        QCOMPARE(doc["nbformat"].toInt(), 4);
        QVERIFY(doc["cells"].toArray().size() > 3);

        const QString script = dir.filePath("out.py");
        r = run({"export-pyspark", scenario, "-o", script});
        QCOMPARE(r.code, 0);
        QFile py(script);
        QVERIFY(py.open(QIODevice::ReadOnly));
        const QByteArray text = py.readAll();
        QVERIFY(text.startsWith("# %% [markdown]\n"));
        QVERIFY(text.contains(".groupBy(\"emp_id\", F.window(\"timestamp\", \"30 minutes\", \"15 minutes\"))"));
    }
    void exportPySparkExitCodes()
    {
        QTemporaryDir dir;
        const QString scenario = QStringLiteral(TIDEMARK_SCENARIOS) + "/sliding-with-watermark.json";
        // Bad command lines: no output, an output that is neither a notebook nor a script.
        QCOMPARE(run({"export-pyspark", scenario}).code, 1);
        Result r = run({"export-pyspark", scenario, "-o", dir.filePath("out.txt")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(".ipynb") && r.err.contains(".py"), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath("out.txt")));
        // A missing file, and a query Spark rejects: nothing is written.
        QCOMPARE(run({"export-pyspark", "/nonexistent.json", "-o", dir.filePath("a.py")}).code, 2);
        const QString rejected = writeTemp(dir, "q.json", kAppendNoWatermark);
        r = run({"export-pyspark", rejected, "-o", dir.filePath("b.py")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("Append output mode not supported"), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath("a.py")));
        QVERIFY(!QFile::exists(dir.filePath("b.py")));
        // An output that cannot be written is a file problem.
        QCOMPARE(run({"export-pyspark", scenario, "-o", dir.filePath("no/such/folder/c.py")}).code, 2);
    }
    void exportPySparkInAnotherMode()
    {
        QTemporaryDir dir;
        const QString scenario = QStringLiteral(TIDEMARK_SCENARIOS) + "/sliding-with-watermark.json";
        const QString out = dir.filePath("append.py");
        QCOMPARE(run({"export-pyspark", scenario, "-o", out, "--mode", "append"}).code, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains(".outputMode(\"append\")"));
        QCOMPARE(run({"export-pyspark", scenario, "-o", out, "--mode", "sideways"}).code, 1);
        // Complete mode without an aggregation is what Spark rejects.
        QCOMPARE(run({"export-pyspark", QStringLiteral(TIDEMARK_SCENARIOS) + "/stream-stream-inner.json", "-o", out, "--mode", "complete"}).code, 3);
    }
    void helpListsExportPySpark() { QVERIFY(run({"help"}).out.contains("tidemark export-pyspark FILE -o OUT.ipynb|OUT.py")); }
    void importPySparkWritesTheScenarioAndSaysWhatItPicked()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("tumbling.json");
        const QString notebook = QStringLiteral(TIDEMARK_SOURCE_DIR) + "/tests/pyspark/seed/lgde-spark-stream-5-aggregate.txt";
        const Result r = run({"import-pyspark", notebook, "--cell", "9", "-o", out});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, out + ": 4 events, query of cell 9\n");
        QVERIFY2(r.err.contains(notebook + ": cell 9, line 44: imported the query started in cell 9 (`tumblingWindow`)"), qPrintable(r.err));
        // The file it wrote is a scenario that runs.
        const Result v = run({"validate", out});
        QCOMPARE(v.code, 0);
        QVERIFY2(v.out.contains("4 events"), qPrintable(v.out));
        // Warnings name the line, and the import still succeeds.
        const QString script = writeTemp(dir, "sink.py",
                                         "df = spark.readStream.schema(\"id INT\").json(\"in\")\n"
                                         "q = df.writeStream.foreachBatch(save).start()\n");
        const Result w = run({"import-pyspark", script, "-o", dir.filePath("sink.json")});
        QCOMPARE(w.code, 0);
        QVERIFY2(w.err.contains(script + ": warning: line 2: `.foreachBatch(...)` is not simulated; the query up to it was imported"), qPrintable(w.err));
    }
    void importedNotebookCellRunsTheShippedBatches_data()
    {
        QTest::addColumn<QString>("notebook");
        QTest::addColumn<int>("cell");
        QTest::addColumn<QString>("shipped");
        QTest::newRow("tumblingWindow") << "5-aggregate" << 9 << "tumbling-window";
        QTest::newRow("slidingWindow") << "5-aggregate" << 14 << "sliding-window";
        QTest::newRow("slidingWithWatermark") << "5-aggregate" << 19 << "sliding-with-watermark";
        QTest::newRow("tumblingWithWatermark") << "5-aggregate" << 21 << "tumbling-with-watermark";
        QTest::newRow("streamStreamJoin") << "6-join" << 10 << "stream-stream-inner";
        QTest::newRow("inner join with watermarks") << "6-join" << 17 << "stream-stream-inner-with-watermark";
        QTest::newRow("left outer join with watermarks") << "6-join" << 21 << "stream-stream-left-outer-with-watermark";
    }
    void importedNotebookCellRunsTheShippedBatches()
    {
        // The data files arrive one per trigger, as the shipped scenarios have them, so on the
        // course's Spark release the console sink prints the same batches byte for byte.
        QFETCH(QString, notebook);
        QFETCH(int, cell);
        QFETCH(QString, shipped);
        QTemporaryDir dir;
        const QString out = dir.filePath("imported.json");
        const QString path = QStringLiteral(TIDEMARK_SOURCE_DIR) + "/tests/pyspark/seed/lgde-spark-stream-" + notebook + ".txt";
        QCOMPARE(run({"import-pyspark", path, "--cell", QString::number(cell), "--spark-version", "3.2", "-o", out}).code, 0);
        const Result mine = run({"run", out});
        const Result theirs = run({"run", QStringLiteral(TIDEMARK_SCENARIOS) + "/" + shipped + ".json"});
        QCOMPARE(mine.code, 0);
        QCOMPARE(theirs.code, 0);
        QVERIFY(mine.out.contains("Batch: 0"));
        QCOMPARE(mine.out, theirs.out);
    }
    void importPySparkExitCodes()
    {
        QCOMPARE(run({"import-pyspark", "x.py", "--spark-version", "9.9", "-o", "x.json"}).code, 1);
        QTemporaryDir dir;
        const QString out = dir.filePath("x.json");
        const QString joins = QStringLiteral(TIDEMARK_SOURCE_DIR) + "/tests/pyspark/seed/lgde-spark-stream-6-join.txt";
        QCOMPARE(run({"import-pyspark", joins}).code, 1);                          // no -o
        QCOMPARE(run({"import-pyspark", joins, "--cell", "zero", "-o", out}).code, 1);
        QCOMPARE(run({"import-pyspark", joins, "--frobnicate", "-o", out}).code, 1);
        const Result missing = run({"import-pyspark", "/nonexistent.py", "-o", out});
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.startsWith("/nonexistent.py: cannot read the file"), qPrintable(missing.err));
        const Result noQuery = run({"import-pyspark", writeTemp(dir, "plain.py", "x = 1\n"), "-o", out});
        QCOMPARE(noQuery.code, 2);
        QVERIFY2(noQuery.err.contains("no streaming query"), qPrintable(noQuery.err));
        const Result wrongCell = run({"import-pyspark", joins, "--cell", "2", "-o", out});
        QCOMPARE(wrongCell.code, 2);
        QVERIFY2(wrongCell.err.contains("cell 2: no streaming query starts or is built in this cell; queries: cell 7, cell 10"), qPrintable(wrongCell.err));
        QVERIFY(!QFile::exists(out));
        QVERIFY(run({"help"}).out.contains("import-pyspark FILE.py|FILE.ipynb|FILE.txt [--cell N]"));
    }
    void badOptionIsExitOne()
    {
        QCOMPARE(run({"run", "x.json", "--mode", "sideways"}).code, 1);
        QCOMPARE(run({"run"}).code, 1);
    }

    // --version prints the project's version (CMakeLists.txt project(VERSION)), nothing else.
    void versionPrintsTheProjectVersion()
    {
        const Result r = run({"--version"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("tidemark " TIDEMARK_VERSION "\n"));
        QVERIFY(r.err.isEmpty());
    }
    // --help, -h and help agree, and every subcommand the program runs has its forms in them.
    void helpListsEverySubcommand()
    {
        const Result help = run({"--help"});
        QCOMPARE(help.code, 0);
        QCOMPARE(run({"-h"}).out, help.out);
        QCOMPARE(run({"help"}).out, help.out);
        for (const char* command : {"run", "validate", "export-pyspark", "import-pyspark", "produce", "broker", "lesson",
                                    "storyboard", "frames", "help"}) {
            QVERIFY2(help.out.contains(QStringLiteral("tidemark %1 ").arg(QLatin1String(command))), command);
            const Result one = run({"help", command});
            QCOMPARE(one.code, 0);
            QVERIFY2(one.out.contains(QStringLiteral("tidemark %1").arg(QLatin1String(command))), command);
            QVERIFY2(!one.out.contains(QStringLiteral("tidemark validate")) || qstrcmp(command, "validate") == 0, command);
            QCOMPARE(run({command, "--help"}).out, one.out);
        }
        QVERIFY(help.out.contains("tidemark --version"));
    }
    void helpForAnUnknownCommandIsExitOne()
    {
        const Result r = run({"help", "nonsense"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("nonsense"));
    }
    // The man page comes from the same table: each form's synopsis is in it (roff-escaped).
    void manPageHasEveryFormOfHelp()
    {
        const Result man = run({"--man"});
        QCOMPARE(man.code, 0);
        QVERIFY(man.out.startsWith(".TH TIDEMARK 1 "));
        QVERIFY(man.out.contains("tidemark " TIDEMARK_VERSION));
        for (const char* form : {"lesson check FILE...", "storyboard FILE \\-o OUT.pdf", "import\\-pyspark FILE.py"})
            QVERIFY2(man.out.contains(QLatin1String(form)), form);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
