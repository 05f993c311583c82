// SPDX-License-Identifier: GPL-3.0-or-later
// The PySpark export: every shipped scenario gives Python that compiles and a well-formed
// nbformat 4 notebook; batches are grouped into drops as Spark's file source needs them; the
// header says what cannot be reproduced; one export is pinned as a golden file.
// (PySpark itself is not installed where these tests run, so no test runs Spark.)
#include "engine/plan/Analyzer.h"
#include "engine/pyspark/ExportDrops.h"
#include "engine/pyspark/PySparkExport.h"
#include "engine/pyspark/PythonText.h"
#include "engine/scenario/ScenarioFile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace tidemark;

namespace {

Scenario load(const QString& name)
{
    auto sc = loadScenarioFile(QStringLiteral(TIDEMARK_SCENARIOS "/%1").arg(name).toStdString());
    if (!sc.ok())
        qFatal("%s: %s", qPrintable(name), sc.error().describe().c_str());
    return *sc;
}

ModeRun runOf(const Scenario& sc)
{
    auto plan = analyze(sc);
    if (!plan.ok())
        qFatal("%s", plan.error().describe().c_str());
    return runMode(sc, plan->mode);
}

QString exported(const Scenario& sc, PySparkExportFormat format, const std::string& name)
{
    auto text = exportPySpark(sc, format, name);
    if (!text.ok())
        qFatal("%s", text.error().describe().c_str());
    return QString::fromStdString(*text);
}

/// Runs python3 on `code` (given on stdin) and returns its exit code and messages.
std::pair<int, QString> python(const QString& code, const QStringList& args = {})
{
    QProcess p;
    p.start(QStringLiteral(TIDEMARK_PYTHON3), QStringList{QStringLiteral("-")} + args);
    if (!p.waitForStarted(10000))
        return {-1, QStringLiteral("python3 did not start: ") + QStringLiteral(TIDEMARK_PYTHON3)};
    p.write(code.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError() + p.readAllStandardOutput())};
}

/// python3 -m py_compile on a file.
std::pair<int, QString> pyCompile(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral(TIDEMARK_PYTHON3), {QStringLiteral("-m"), QStringLiteral("py_compile"), path});
    if (!p.waitForFinished(60000))
        return {-1, QStringLiteral("python3 did not finish")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

QSet<QString> keysOf(const QJsonObject& o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QStringList drops(const std::vector<ExportDrop>& ds)
{
    QStringList out;
    for (const auto& d : ds) {
        QStringList ids;
        for (const auto& b : d.batches)
            ids << QString::number(b.batchId);
        QString s = ids.join(',');
        if (!d.noDataBatchesAfter.empty()) {
            QStringList nd;
            for (auto id : d.noDataBatchesAfter)
                nd << QString::number(id);
            s += " then " + nd.join(',');
        }
        out << s;
    }
    return out;
}

} // namespace

class TestPySparkExport : public QObject {
    Q_OBJECT
private slots:
    void everyShippedScenarioExportsAsAScriptThatCompiles_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& f : QDir(QStringLiteral(TIDEMARK_SCENARIOS)).entryList({QStringLiteral("*.json")}))
            QTest::newRow(qPrintable(f)) << f;
    }
    void everyShippedScenarioExportsAsAScriptThatCompiles()
    {
        QFETCH(QString, file);
        const QString text = exported(load(file), PySparkExportFormat::Script, file.toStdString());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        f.close();
        const auto [code, message] = pyCompile(path);
        QVERIFY2(code == 0, qPrintable(message));
        // The pieces every export needs, in the order they must run.
        QStringList needed = {"SparkSession.builder", "SCHEMAS = {", "DROPS = [", "def write_drop(", "os.rename(", "recentProgress",
                              ".foreachBatch(collect", "EXPECTED = {", "matches"};
        qsizetype at = 0;
        for (const QString& n : needed) {
            const qsizetype next = text.indexOf(n, at);
            QVERIFY2(next >= 0, qPrintable(n));
            at = next;
        }
    }

    void everyShippedScenarioExportsAsANotebook_data() { everyShippedScenarioExportsAsAScriptThatCompiles_data(); }
    void everyShippedScenarioExportsAsANotebook()
    {
        QFETCH(QString, file);
        const QString text = exported(load(file), PySparkExportFormat::Notebook, file.toStdString());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject nb = doc.object();
        // nbformat 4 (v4.5 schema): these keys and nothing else at the top.
        QCOMPARE(keysOf(nb), (QSet<QString>{"cells", "metadata", "nbformat", "nbformat_minor"}));
        QCOMPARE(nb["nbformat"].toInt(), 4);
        QCOMPARE(nb["nbformat_minor"].toInt(), 5);
        const QJsonObject kernel = nb["metadata"].toObject()["kernelspec"].toObject();
        QCOMPARE(kernel["name"].toString(), QStringLiteral("python3"));
        QCOMPARE(kernel["language"].toString(), QStringLiteral("python"));
        QVERIFY(!kernel["display_name"].toString().isEmpty());
        const QJsonArray cells = nb["cells"].toArray();
        QVERIFY(cells.size() >= 3);
        QSet<QString> ids;
        QString code;
        for (const QJsonValue& v : cells) {
            const QJsonObject cell = v.toObject();
            const QString type = cell["cell_type"].toString();
            QVERIFY2(type == "markdown" || type == "code", qPrintable(type));
            const QString id = cell["id"].toString();
            QVERIFY(QRegularExpression(QStringLiteral("^[a-zA-Z0-9-_]{1,64}$")).match(id).hasMatch());
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
            QVERIFY(cell["metadata"].isObject());
            QVERIFY(cell["source"].isArray());
            QString source;
            const QJsonArray lines = cell["source"].toArray();
            for (qsizetype i = 0; i < lines.size(); ++i) {
                QVERIFY(lines[i].isString());
                // Every line but the last ends with its newline, as Jupyter writes them.
                QCOMPARE(lines[i].toString().endsWith('\n'), i + 1 < lines.size());
                source += lines[i].toString();
            }
            if (type == "code") {
                QCOMPARE(keysOf(cell),
                         (QSet<QString>{"cell_type", "execution_count", "id", "metadata", "outputs", "source"}));
                QVERIFY(cell["execution_count"].isNull());
                QVERIFY(cell["outputs"].isArray() && cell["outputs"].toArray().isEmpty());
                code += source + "\n\n";
            } else {
                QCOMPARE(keysOf(cell), (QSet<QString>{"cell_type", "id", "metadata", "source"}));
            }
        }
        QCOMPARE(cells.first().toObject()["cell_type"].toString(), QStringLiteral("markdown"));
        // The code cells, run one after the other, are a valid Python program.
        const auto [compiled, why] = python(QStringLiteral("compile(%1, 'notebook cells', 'exec')\n")
                                                .arg(QString::fromStdString(pyString(code.toStdString()))));
        QVERIFY2(compiled == 0, qPrintable(why));
    }

    void pythonStringsCompileToTheSameText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("plain") << QByteArray("dog");
        QTest::newRow("double quotes") << QByteArray("say \"hi\"");
        QTest::newRow("both quotes") << QByteArray("it's \"x\"");
        QTest::newRow("backslash and newline") << QByteArray("a\\b\nc\td\r");
        QTest::newRow("control character") << QByteArray("a\x01z");
        QTest::newRow("Korean") << QByteArray("OO전자 오전 12:00:00");
        QTest::newRow("SQL with a regex") << QByteArray("explode(split(value, '\\\\s+')) AS word");
    }
    void pythonStringsCompileToTheSameText()
    {
        QFETCH(QByteArray, text);
        const std::string literal = pyString(text.toStdString());
        // Python prints the literal's value as UTF-8 hex; it must be the original bytes.
        const auto [code, out] = python(QStringLiteral("import sys\nsys.stdout.write(%1.encode('utf-8').hex())\n").arg(QString::fromStdString(literal)));
        QVERIFY2(code == 0, qPrintable(out));
        QCOMPARE(out.toLatin1(), text.toHex());
    }

    void invalidUtf8StillGivesALiteralThatCompiles()
    {
        const std::string literal = pyString(std::string("a\xff\xc3(b", 5));
        const auto [code, out] = python(QStringLiteral("x = %1\n").arg(QString::fromLatin1(literal.c_str())));
        QVERIFY2(code == 0, qPrintable(out));
        QVERIFY(QByteArray::fromStdString(literal).contains("\\xff"));
    }

    void aTitleWithLineBreaksStaysInTheComment()
    {
        Scenario sc = load(QStringLiteral("word-count-update.json"));
        sc.title = "two\rlines and \"quotes\" \\";
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("title.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(exported(sc, PySparkExportFormat::Script, "t.json").toUtf8());
        f.close();
        const auto [code, message] = pyCompile(path);
        QVERIFY2(code == 0, qPrintable(message));
    }

    void pythonNames()
    {
        std::vector<std::string> taken = {"result"};
        QCOMPARE(uniquePyName("lines", "source", taken), std::string("lines"));
        QCOMPARE(uniquePyName("result", "source", taken), std::string("source"));
        QCOMPARE(uniquePyName("class", "source", taken), std::string("source2"));
        QCOMPARE(uniquePyName("클릭", "source", taken), std::string("source3"));
        QCOMPARE(pyFloat(2.5), std::string("2.5"));
        QCOMPARE(pyFloat(3.0), std::string("3.0"));
        QCOMPARE(pyFloat(1e300), std::string("1e+300"));
    }

    void dropsKeepBackToBackBatchesTogether_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        // The guide's word count: every trigger finds new lines right after the watermark moved,
        // so Spark must find each next file already there: one drop, no no-data batch.
        QTest::newRow("word count, back to back") << "word-count-update.json" << QStringList{"0,1,2,3"};
        // Kafka's empty first batch moves nothing; events 1-5 and 6-8 follow back to back;
        // then the no-data batch that emits the windows.
        QTest::newRow("Kafka, empty first batch") << "kafka-stream-with-watermark.json" << QStringList{"0", "1,2,3 then 4"};
        // Each batch is followed by the no-data batch its watermark asks for.
        QTest::newRow("session windows, gaps between arrivals")
            << "session-windows.json" << QStringList{"0 then 1", "2 then 3", "4 then 5", "6 then 7", "8 then 9"};
        // Batch 4 moves the watermark and batch 5 reads new data at the next trigger.
        QTest::newRow("dedup within watermark") << "dedup-within-watermark.json" << QStringList{"0,1", "2 then 3", "4,5"};
    }
    void dropsKeepBackToBackBatchesTogether()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const Scenario sc = load(file);
        QCOMPARE(drops(planDrops(sc, runOf(sc))), expected);
    }

    void everyDataBatchReadsItsOwnEventsPerSource()
    {
        // A join: the events of each batch, by source, are exactly the ones the batch read.
        const Scenario sc = load(QStringLiteral("stream-stream-left-outer-with-watermark.json"));
        const ModeRun run = runOf(sc);
        const auto ds = planDrops(sc, run);
        size_t read = 0;
        for (const auto& d : ds)
            for (const auto& b : d.batches) {
                QCOMPARE(b.eventsBySource.size(), sc.sources.size());
                for (const auto& perSource : b.eventsBySource)
                    read += perSource.size();
            }
        QCOMPARE(read, sc.numEvents());
        // Batch 1 reads only the delayed impression (adId 4), nothing from clicks.
        const ExportBatch& second = ds.back().batches.back();
        QCOMPARE(second.batchId, std::int64_t{1});
        QCOMPARE(second.eventsBySource[1].size(), size_t{0});
        QCOMPARE(second.eventsBySource[0].size(), size_t{1});
        QCOMPARE(sc.sources[0].events[second.eventsBySource[0][0]].row[0].asInt(), std::int64_t{4});
    }

    void restartsEndADropAndTheRerunWritesNoFile()
    {
        // restart-from-checkpoint.json: batch 2 crashes; its rerun reads the same offsets again,
        // so it is in no drop; the backlog batches 3 and 4 after the restart are a drop of their own.
        const Scenario sc = load(QStringLiteral("restart-from-checkpoint.json"));
        const auto ds = planDrops(sc, runOf(sc));
        QCOMPARE(drops(ds), (QStringList{"0,1,2", "3,4", "5 then 6"}));
        QCOMPARE(ds[0].restartAfter, std::optional<std::size_t>(0));
        QCOMPARE(ds[0].crashedBatch, std::optional<std::int64_t>(2));
        QVERIFY(!ds[1].restartAfter && !ds[2].restartAfter);
    }

    void restartsStopAndStartTheQueryOnOneCheckpoint()
    {
        const QString text = exported(load(QStringLiteral("restart-from-checkpoint.json")), PySparkExportFormat::Script, "restart.json");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        f.close();
        const auto [code, message] = pyCompile(path);
        QVERIFY2(code == 0, qPrintable(message));
        QVERIFY(text.contains("## Stops and restarts from the checkpoint"));
        QVERIFY(text.contains("1. batches 0, 1 and 2; the query crashes in batch 2 and starts again from its checkpoint"));
        QCOMPARE(text.count("# drop "), 3);
        // Batch 2's first run raises from foreachBatch after collecting its rows: no commit.
        QVERIFY(text.contains("CRASH_ONCE = set([2])"));
        QVERIFY(text.contains(".foreachBatch(collect_or_crash)"));
        QCOMPARE(text.count("\"checkpointLocation\""), 1); // every run starts on the same checkpoint
        // Two runs: drop 1 until the crash, then the changed query (the filter) on drops 2 and 3.
        const qsizetype first = text.indexOf("run_once(result, [1], True)");
        const qsizetype restart = text.indexOf("# restarts[0]: the query starts again from the same checkpoint, with its changed query.");
        const qsizetype filter = text.indexOf(".where(\"word != 'bird'\")");
        const qsizetype second = text.indexOf("run_once(result, [2, 3], False)");
        QVERIFY2(first > 0 && first < restart && restart < filter && filter < second, qPrintable(text));
        QVERIFY(text.contains("TIDEMARK_RUNS = [0, 1, 2, 2, 3, 4, 5, 6]"));
    }

    void aCleanStopStopsTheQuery()
    {
        Scenario sc = load(QStringLiteral("restart-from-checkpoint.json"));
        sc.restarts[0].crash = false;
        sc.restarts[0].changedKeys.clear();
        const QString text = exported(sc, PySparkExportFormat::Script, "stop.json");
        QVERIFY(text.contains("CRASH_ONCE = set([])"));
        QVERIFY(text.contains("`query.stop()`, then the same `writeStream...start()`"));
        QVERIFY(text.contains("# restarts[0]: the query starts again from the same checkpoint.\n"));
        QVERIFY(!text.contains("with its changed query"));
        QVERIFY(text.contains("; the query stops and starts again from its checkpoint"));
    }

    void aTriggerThatStopsByItselfStartsEachRunWithItsOwn()
    {
        // Trigger.Once, then availableNow after the restart: each run's files are written before
        // its start, and each run starts with its own trigger.
        Scenario sc = load(QStringLiteral("restart-from-checkpoint.json"));
        sc.query.trigger = TriggerSpec{};
        sc.query.trigger.once = true;
        sc.restarts[0].changedKeys = {"trigger"};
        sc.restarts[0].changes = QuerySpec{};
        sc.restarts[0].changes.trigger.availableNow = true;
        const QString text = exported(sc, PySparkExportFormat::Script, "once.json");
        QVERIFY(text.contains(".trigger(**trigger)"));
        const qsizetype once = text.indexOf("TRIGGER = dict(once=True)");
        const qsizetype later = text.indexOf("TRIGGER = dict(availableNow=True)");
        QVERIFY2(once > 0 && once < later, qPrintable(text));
        QVERIFY(text.contains("write_drop(number, DROPS[number - 1], query_running=False)"));
        QVERIFY(!text.contains("changes the trigger between one that stops by itself"));
    }

    void theHeaderSaysWhatCannotBeReproduced()
    {
        const QString kafka = exported(load(QStringLiteral("kafka-stream-with-watermark.json")), PySparkExportFormat::Script, "k.json");
        QVERIFY(kafka.contains("is a **Kafka** topic in the scenario"));
        QVERIFY(kafka.contains("is an empty file"));
        QVERIFY(kafka.contains("**When** batches run"));
        QVERIFY(!kafka.contains("Several streaming sources"));
        const QString join = exported(load(QStringLiteral("stream-stream-full-outer.json")), PySparkExportFormat::Script, "j.json");
        QVERIFY(join.contains("**Several streaming sources.**"));
        QVERIFY(join.contains(".trigger(processingTime=\"1 second\")"));
        QVERIFY(join.contains(".alias(\"impressions\")"));
        const QString stat = exported(load(QStringLiteral("static-join.json")), PySparkExportFormat::Script, "s.json");
        QVERIFY(stat.contains("Static table `users` is written once"));
        QVERIFY(stat.contains("users = read_static(\"users\")"));
        const QString sets = exported(load(QStringLiteral("session-windows.json")), PySparkExportFormat::Script, "s.json");
        QVERIFY(sets.contains("F.session_window(\"ts\", \"5 minutes\")"));
        // A gap expression: a plain string would be cast to an interval (null for every row).
        const QString gaps = exported(load(QStringLiteral("session-gap-expression.json")), PySparkExportFormat::Script, "g.json");
        QVERIFY2(gaps.contains("F.session_window(\"ts\", F.expr(\"CASE device WHEN 'mobile' THEN INTERVAL 2 MINUTES"), qPrintable(gaps));
        QVERIFY(sets.contains("**Spark 4.0**"));
    }

    void unionsAndJoinSideWindowsTranslate()
    {
        // Two sources unioned, each with its own steps; then a join whose sides carry windows.
        auto unioned = loadScenarioText(R"({"tidemark": 1, "sparkVersion": "3.5",
          "sources": {"a": {"schema": {"k": "string", "t": "timestamp"}, "events": [{"at": 1, "row": {"k": "x", "t": 1.5}}]},
                      "b b": {"schema": {"k": "string", "t": "timestamp"}, "events": [{"at": 2, "row": {"k": "y", "t": 2}}]}},
          "query": {"union": [{"source": "a", "where": "k <> 'z'", "withWatermark": {"column": "t", "delay": "1 minute"}},
                              {"source": "b b", "withWatermark": {"column": "t", "delay": "1 minute"}}],
                    "groupBy": ["k"], "agg": [{"fn": "collect_set", "column": "k", "as": "ks"}], "outputMode": "update"}})");
        QVERIFY2(unioned.ok(), unioned.ok() ? "" : unioned.error().describe().c_str());
        const QString u = exported(*unioned, PySparkExportFormat::Script, "u.json");
        QVERIFY(u.contains("source = read_stream(\"b b\")"));
        QVERIFY(u.contains("FOLDERS = {\"a\": \"a\", \"b b\": \"source-2\"}"));
        QVERIFY(u.contains("input1 = (a\n          .where(\"k <> 'z'\")"));
        QVERIFY(u.contains("result = (input1.union(input2)"));
        QVERIFY(u.contains("SORTED_ARRAY_COLUMNS = [1]"));
        // A timestamp with a fraction of a second is written as text in TIMESTAMP_FORMAT.
        QVERIFY(u.contains("\"t\": \"1970-01-01T00:00:01.500000Z\""));
        QVERIFY(u.contains("\"t\": 2}"));

        auto joined = loadScenarioText(R"({"tidemark": 1, "sparkVersion": "3.5",
          "sources": {"l": {"schema": {"id": "long", "lt": "timestamp"}, "events": [{"at": 1, "row": {"id": 1, "lt": 1}}]},
                      "r": {"schema": {"rid": "long", "rt": "timestamp"}, "events": [{"at": 1, "row": {"rid": 1, "rt": 1}}]}},
          "query": {"join": {"left": {"source": "l", "withWatermark": {"column": "lt", "delay": "1 minute"},
                                      "window": {"column": "lt", "duration": "1 minute", "as": "w"}},
                             "right": {"source": "r", "withWatermark": {"column": "rt", "delay": "1 minute"},
                                       "window": {"column": "rt", "duration": "1 minute", "as": "w2"}},
                             "on": "id = rid AND w = w2", "type": "inner"}, "outputMode": "append"}})");
        QVERIFY2(joined.ok(), joined.ok() ? "" : joined.error().describe().c_str());
        const QString j = exported(*joined, PySparkExportFormat::Script, "j.json");
        QVERIFY2(j.contains(".select(\"id\", F.window(\"lt\", \"1 minute\").alias(\"w\"))"), qPrintable(j));
    }

    void aSourceTheQueryDoesNotReadIsNotFed()
    {
        auto sc = loadScenarioText(R"({"tidemark": 1,
          "sources": {"a": {"schema": {"k": "string"}, "events": [{"at": 1, "row": {"k": "x"}}]},
                      "spare": {"schema": {"k": "string"}, "events": [{"at": 1, "row": {"k": "y"}}]}},
          "query": {"source": "a"}})");
        QVERIFY(sc.ok());
        const QString text = exported(*sc, PySparkExportFormat::Script, "a.json");
        QVERIFY(text.contains("STREAMS = [\"a\"]\n"));
        QVERIFY(!text.contains("Several streaming sources"));
        QVERIFY(!text.contains("processingTime=\"1 second\""));
    }

    void triggerOnceWritesEverythingBeforeTheStart()
    {
        Scenario sc = load(QStringLiteral("tumbling-with-watermark.json"));
        sc.query.trigger = TriggerSpec{};
        sc.query.trigger.once = true;
        const QString text = exported(sc, PySparkExportFormat::Script, "once.json");
        QVERIFY(text.contains(".trigger(once=True)"));
        QVERIFY(text.contains("query.awaitTermination()"));
        QVERIFY(text.contains("**Trigger.Once**"));
        QVERIFY(text.contains("events arrive after the query has stopped and are never read"));
        QCOMPARE(text.count("# drop "), 1);
    }

    void aRejectedQueryIsNotExported()
    {
        Scenario sc = load(QStringLiteral("tumbling-window.json"));
        sc.query.outputMode = "append"; // windows without a watermark
        auto text = exportPySpark(sc, PySparkExportFormat::Script, "x.json");
        QVERIFY(!text.ok());
        QCOMPARE(text.error().kind, ErrorKind::Query);
        QVERIFY(text.error().message.find("Append output mode not supported") != std::string::npos);
    }

    void formatFollowsTheFileName()
    {
        QCOMPARE(pysparkExportFormatFor("a/b.ipynb"), std::optional(PySparkExportFormat::Notebook));
        QCOMPARE(pysparkExportFormatFor("B.PY"), std::optional(PySparkExportFormat::Script));
        QCOMPARE(pysparkExportFormatFor("b.json"), std::optional<PySparkExportFormat>());
    }

    void goldenExport()
    {
        // The whole script for the notebook's tumblingWithWatermark cell, reviewed by hand;
        // SIM_UPDATE_GOLDEN=1 rewrites it (then review the diff).
        const QString text = exported(load(QStringLiteral("tumbling-with-watermark.json")), PySparkExportFormat::Script, "tumbling-with-watermark.json");
        const QString path = QStringLiteral(TIDEMARK_EXPECTED "/tumbling-with-watermark.pyspark.py");
        QFile f(path);
        if (qEnvironmentVariableIsSet("SIM_UPDATE_GOLDEN")) {
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
            return;
        }
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(text, QString::fromUtf8(f.readAll()));
    }
};

QTEST_GUILESS_MAIN(TestPySparkExport)
#include "tst_pysparkexport.moc"
