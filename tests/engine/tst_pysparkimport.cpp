// SPDX-License-Identifier: GPL-3.0-or-later
// Importing PySpark: every query cell of the course's notebooks becomes the scenario Tidemark
// ships for it; what cannot be simulated is said, with its place, never guessed.
#include "engine/plan/Analyzer.h"
#include "engine/pyspark/PySparkImport.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/time/Interval.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <set>

using namespace tidemark;
using namespace tidemark::pyspark;

namespace {

const QString kSeed = QStringLiteral(TIDEMARK_PYSPARK_SEED);
const QString kScenarios = QStringLiteral(TIDEMARK_SCENARIOS);

QString allMessages(const ImportResult& r)
{
    QStringList out;
    for (const auto& m : r.messages)
        out << QString::fromStdString(m.describe());
    return out.join('\n');
}

/// The query as the scenario file writes it, for comparison.
QJsonObject queryJson(const Scenario& sc)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(scenarioToJson(sc))).object().value("query").toObject();
}

void renameSource(QuerySpec& q, const std::string& from, const std::string& to)
{
    auto fix = [&](std::string& name) {
        if (name == from)
            name = to;
    };
    if (q.source)
        fix(*q.source);
    for (auto& in : q.unionInputs)
        fix(in.source);
    if (q.join) {
        fix(q.join->left.source);
        fix(q.join->right.source);
        if (q.join->on) // qualifiers: `impressions.adId`
            for (std::size_t at = q.join->on->find(from + "."); at != std::string::npos; at = q.join->on->find(from + ".", at + to.size()))
                q.join->on->replace(at, from.size(), to);
    }
}

/// The sources a query reads, in the order it names them.
std::vector<std::string> querySources(const QuerySpec& q)
{
    if (q.join)
        return {q.join->left.source, q.join->right.source};
    std::vector<std::string> out;
    for (const auto& in : q.unionInputs)
        out.push_back(in.source);
    if (q.source)
        out.push_back(*q.source);
    return out;
}

ImportResult importText(const std::string& text, const std::string& fileName = "query.py", ImportOptions options = {},
                        const std::string& folder = ".")
{
    auto r = importPySpark(ImportSource{text, fileName, folder}, options);
    if (!r.ok())
        qFatal("import failed: %s", r.error().describe().c_str());
    return r.value();
}

const char* kHeader = "from pyspark.sql.functions import *\nfrom pyspark.sql.types import *\n";

} // namespace

class TestPySparkImport : public QObject {
    Q_OBJECT
private slots:
    void seedQueryCells_data()
    {
        QTest::addColumn<QString>("notebook");
        QTest::addColumn<int>("cell");
        QTest::addColumn<QString>("shipped");   // the scenario Tidemark ships for the cell, or empty
        QTest::addColumn<int>("events");        // events imported from the data folders
        QTest::addColumn<QString>("message");   // a message the import must give
        const QString agg = "lgde-spark-stream-5-aggregate.txt";
        const QString join = "lgde-spark-stream-6-join.txt";
        QTest::newRow("5 tumblingWindow") << agg << 9 << "tumbling-window.json" << 4 << "4 files read";
        QTest::newRow("5 slidingWindow") << agg << 14 << "sliding-window.json" << 8 << "8 files read";
        QTest::newRow("5 slidingWithWatermark") << agg << 19 << "sliding-with-watermark.json" << 6 << "`latestFirst` reads the newest files first";
        QTest::newRow("5 tumblingWithWatermark") << agg << 21 << "tumbling-with-watermark.json" << 6 << "3 files read";
        QTest::newRow("5 kafkaStreamWithWatermark") << agg << 26 << "kafka-stream-with-watermark.json" << 0 << "reads Kafka topic `events` at kafka:9093";
        QTest::newRow("5' kafka-watermark-stream") << "lgde-spark-stream-5-aggregation.txt" << 20 << "kafka-stream-with-watermark.json" << 0
                                                  << "`from_json(...)` is read as the source's schema";
        QTest::newRow("6 staticJoin") << join << 7 << "static-join.json" << 4 << "1 file read from";
        QTest::newRow("6 streamStreamJoin") << join << 10 << "stream-stream-inner.json" << 7 << "";
        QTest::newRow("6 inner join with watermarks") << join << 17 << "stream-stream-inner-with-watermark.json" << 9 << "";
        QTest::newRow("6 left outer join with watermarks") << join << 21 << "stream-stream-left-outer-with-watermark.json" << 9 << "";
        // Query cells Tidemark ships no scenario for: they import, and say what is missing.
        QTest::newRow("1 activity_count") << "lgde-spark-stream-1-introduction.txt" << 15 << "" << 0
                                          << "cell 6, line 5: the schema of `activityReader` is not known (cell 6, line 2: the schema of `activityData` is only known when the notebook runs)";
        QTest::newRow("2 socket word count") << "lgde-spark-stream-2-basic.txt" << 17 << "" << 0 << "reads lines from a socket";
        QTest::newRow("3 wordCount") << "lgde-spark-stream-3-tools.txt" << 5 << "" << 0 << "reads lines from a socket";
        QTest::newRow("3 wordCount again") << "lgde-spark-stream-3-tools.txt" << 12 << "" << 0 << "reads lines from a socket";
        QTest::newRow("3 custom_count") << "lgde-spark-stream-3-tools.txt" << 15 << "" << 0
                                        << "cell 14, line 17: the data of `customReader` (`/home/jovyan/work/data/activity-data`) was not found";
        QTest::newRow("3 memory_flight") << "lgde-spark-stream-3-tools.txt" << 22 << "" << 0 << "flight-data/json`) was not found";
        QTest::newRow("4 fileSource") << "lgde-spark-stream-4-external.txt" << 6 << "" << 0 << "was not found";
        QTest::newRow("4 kafkaSource") << "lgde-spark-stream-4-external.txt" << 8 << "" << 0 << "reads Kafka topic `events`";
        QTest::newRow("4 cassandra foreachBatch") << "lgde-spark-stream-4-external.txt" << 12 << "" << 0
                                                  << "cell 12, line 24: `.foreachBatch(...)` is not simulated; the query up to it was imported";
        QTest::newRow("4 mysql foreach") << "lgde-spark-stream-4-external.txt" << 19 << "" << 0
                                         << "cell 18, line 22: `.foreach(...)` is not simulated; the query up to it was imported";
        QTest::newRow("4 mysql ForeachWriter") << "lgde-spark-stream-4-external.txt" << 26 << "" << 0 << "`.foreach(...)` is not simulated";
        QTest::newRow("5 jsonFileReader") << agg << 7 << "" << 0 << "was not found";
        QTest::newRow("5' tumbling-stream") << "lgde-spark-stream-5-aggregation.txt" << 6 << "" << 0 << "`{…}/data/tumbling-stream`";
        QTest::newRow("5' sliding-stream") << "lgde-spark-stream-5-aggregation.txt" << 10 << "" << 0 << "was not found";
        QTest::newRow("5' watermark-stream") << "lgde-spark-stream-5-aggregation.txt" << 14 << "" << 0 << "was not found";
    }

    void seedQueryCells()
    {
        QFETCH(QString, notebook);
        QFETCH(int, cell);
        QFETCH(QString, shipped);
        QFETCH(int, events);
        QFETCH(QString, message);
        ImportOptions options;
        options.cell = cell;
        auto imported = importPySparkFile((kSeed + "/" + notebook).toStdString(), options);
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
        QCOMPARE(imported->picked.cell, cell);
        QCOMPARE(static_cast<int>(imported->scenario.numEvents()), events);
        if (!message.isEmpty())
            QVERIFY2(allMessages(*imported).contains(message), qPrintable(allMessages(*imported)));

        // The file written is the scenario returned.
        auto reread = loadScenarioText(imported->json);
        QVERIFY(reread.ok());
        QCOMPARE(queryJson(*reread), queryJson(imported->scenario));

        // One file per trigger: the arrival times of a source step by the trigger interval.
        Micros spacing = kMicrosPerSecond;
        if (const auto& pt = imported->scenario.query.trigger.processingTime)
            spacing = *parseInterval(*pt)->exactMicrosNoMonths();
        for (const auto& src : imported->scenario.sources) {
            std::set<Micros> arrivals;
            for (const auto& e : src.events)
                arrivals.insert(e.at);
            for (auto it = arrivals.begin(); it != arrivals.end() && std::next(it) != arrivals.end(); ++it)
                QCOMPARE(*std::next(it) - *it, spacing);
        }
        if (shipped.isEmpty())
            return;

        auto expected = loadScenarioFile((kScenarios + "/" + shipped).toStdString());
        QVERIFY(expected.ok());
        QVERIFY2(analyze(imported->scenario).ok(), "the imported query passes Spark's analysis");
        // Source names are labels (the notebook's folder, topic or variable); the shipped files
        // chose their own. The query is compared with the shipped names put in place of ours.
        QuerySpec q = imported->scenario.query;
        const auto ours = querySources(q);
        const auto theirs = querySources(expected->query);
        QCOMPARE(ours.size(), theirs.size());
        for (std::size_t i = 0; i < ours.size(); ++i)
            renameSource(q, ours[i], "\x01" + theirs[i]);
        for (std::size_t i = 0; i < ours.size(); ++i)
            renameSource(q, "\x01" + theirs[i], theirs[i]);
        // The simulated clock (how long a batch takes, when the query starts) is not part of
        // the notebook's query: the shipped Kafka scenario sets it to match the recording.
        QuerySpec want = expected->query;
        want.trigger.batchDuration.reset();
        want.trigger.startAt.reset();
        Scenario a = *expected, b = *expected;
        a.query = q;
        b.query = want;
        QCOMPARE(queryJson(a), queryJson(b));
        // And the sources have the shipped schemas, column for column.
        for (std::size_t i = 0; i < ours.size(); ++i) {
            const SourceSpec* mine = imported->scenario.findSource(ours[i]);
            const SourceSpec* ship = expected->findSource(theirs[i]);
            QVERIFY(mine && ship);
            QCOMPARE(mine->schema.names(), ship->schema.names());
            for (std::size_t c = 0; c < mine->schema.size(); ++c)
                QVERIFY(mine->schema[c].type == ship->schema[c].type);
            QCOMPARE(mine->isStatic, ship->isStatic);
        }
    }

    void aQueryOnAnUnknownDataFrameSaysWhere()
    {
        auto r = importPySpark(ImportSource{"df = load_events()\nq = df.writeStream.start()\n", "x.py", "."});
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().describe()),
                 QString("line 2: no streaming query could be imported: `df.writeStream` writes a DataFrame the import cannot follow "
                         "(line 1: `load_events(...)` is not simulated)"));
    }

    void notebookWithoutQueryIsAnError()
    {
        auto r = importPySparkFile((kSeed + "/lgde-spark-stream-7-questions.txt").toStdString());
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error().message).contains("no streaming query"));
    }

    void defaultPicksTheFirstQueryAndSaysSo()
    {
        auto r = importPySparkFile((kSeed + "/lgde-spark-stream-6-join.txt").toStdString());
        QVERIFY(r.ok());
        QCOMPARE(r->picked.cell, 7);
        QCOMPARE(static_cast<int>(r->candidates.size()), 4);
        QCOMPARE(r->scenario.title, std::string("staticQuery")); // no queryName: the query's variable
        QVERIFY2(allMessages(*r).contains("imported the query started in cell 7; the file has 4 queries (cell 7, cell 10 (`streamStreamJoin`), "
                                          "cell 17 (`streamStreamInnerJoinWithWatermark`), cell 21 (`streamStreamOuterJoinWithWatermark`)): "
                                          "choose another with --cell N"),
                 qPrintable(allMessages(*r)));
    }

    void aCellWithoutQueryListsTheCellsThatHaveOne()
    {
        ImportOptions options;
        options.cell = 2;
        auto r = importPySparkFile((kSeed + "/lgde-spark-stream-6-join.txt").toStdString(), options);
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().describe()),
                 QString("cell 2: no streaming query starts or is built in this cell; queries: cell 7, cell 10 (`streamStreamJoin`), "
                         "cell 17 (`streamStreamInnerJoinWithWatermark`), cell 21 (`streamStreamOuterJoinWithWatermark`)"));
    }

    void aCellThatBuildsTheWriterPicksItsQuery()
    {
        ImportOptions options;
        options.cell = 16; // the join and its writer; cell 17 starts it
        auto r = importPySparkFile((kSeed + "/lgde-spark-stream-6-join.txt").toStdString(), options);
        QVERIFY(r.ok());
        QCOMPARE(r->picked.cell, 17);
    }

    void unsupportedConstructsAreNamedWithTheirLine_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QString reader = "df = spark.readStream.format(\"json\").schema(\"id INT, ts TIMESTAMP, v STRING\").load(\"in\")\n";
        QTest::newRow("foreachBatch") << reader + "q = (df\n  .writeStream\n  .foreachBatch(save)\n  .start())\n"
                                      << "line 6: `.foreachBatch(...)` is not simulated; the query up to it was imported";
        QTest::newRow("orderBy on a stream") << reader + "q = df.orderBy(\"ts\").groupBy(\"id\").count().writeStream.outputMode(\"complete\").start()\n"
                                             << "line 4: `.orderBy(...)` sorts, which a streaming query only allows after an aggregation in "
                                                "complete mode; sort the result table instead; the query up to it was imported";
        QTest::newRow("filter on event time after the watermark")
            << reader + "q = df.withWatermark(\"ts\", \"10 minutes\").where(\"ts > TIMESTAMP '2024-01-01 00:00:00'\").writeStream.start()\n"
            << "line 4: `.where(...)` filters on the event-time column after `.withWatermark(...)`";
        QTest::newRow("anti join") << reader + "q = df.join(df, \"id\", \"left_anti\").writeStream.start()\n"
                                   << "line 4: `.join(...)` is a `left_anti` join, which is not simulated";
        QTest::newRow("cross join") << reader + "q = df.join(df).writeStream.start()\n"
                                    << "line 4: `.join(...)` has no join condition: a cross join is not simulated";
        QTest::newRow("continuous trigger") << reader + "q = df.writeStream.trigger(continuous=\"1 second\").start()\n"
                                            << "line 4: `.trigger(continuous=...)` is not simulated";
        QTest::newRow("a type Tidemark lacks") << QString("df = spark.readStream.schema(StructType([StructField(\"d\", DateType())])).json(\"in\")\n"
                                                          "q = df.writeStream.start()\n")
                                               << "line 3: `in.d` is a DateType, which Tidemark does not simulate; it is read as a string";
        QTest::newRow("grouping by an expression") << reader + "q = df.groupBy(upper(col(\"v\"))).count().writeStream.start()\n"
                                                   << "line 4: `.groupBy(...)` groups by `upper(v)`; grouping by an expression is not simulated";
        QTest::newRow("a projection that drops the filter's column")
            << reader + "q = df.where(\"n > 0\").select(\"id\", \"ts\").writeStream.start()\n"
            << "line 4: `.select(...)` projects after a filter or a stateful step, which is not simulated (select the columns first)";
        QTest::newRow("two projections") << reader + "q = df.select(\"id\", \"v\").select(\"v\").writeStream.start()\n"
                                         << "line 4: `.select(...)` is a second projection";
        QTest::newRow("aggregate of an expression") << reader + "q = df.groupBy(\"v\").agg(sum(col(\"id\") * 2)).writeStream.start()\n"
                                                    << "an aggregate of an expression is not simulated";
        QTest::newRow("a Python syntax error") << reader + "x = 1 +\nq = df.writeStream.start()\n"
                                               << "line 4: cannot read this Python: expected an expression, found the end of the line";
        QTest::newRow("a join whose right side is a join")
            << reader + "q = df.join(df.join(df, \"id\"), \"id\").writeStream.start()\n"
            << "line 4: `.join(...)` combines a DataFrame that is itself a join or union on its right, which is not simulated; write the joins "
               "left first, `a.join(b, ...).join(c, ...)`; the query up to it was imported";
        QTest::newRow("unionByName") << reader + "q = df.unionByName(df).writeStream.start()\n"
                                     << "line 4: `.unionByName(...)` matches columns by name";
        QTest::newRow("an unknown schema") << QString("df = spark.readStream.schema(mySchema()).json(\"in\")\nq = df.writeStream.start()\n")
                                           << "line 3: the schema of `in` is not known (line 3: `mySchema(...)` is not simulated)";
    }

    void unsupportedConstructsAreNamedWithTheirLine()
    {
        QFETCH(QString, code);
        QFETCH(QString, message);
        const ImportResult r = importText(kHeader + code.toStdString());
        QVERIFY2(allMessages(r).contains(message), qPrintable(allMessages(r)));
    }

    void theSupportedSubsetMapsToTheQuery_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("query");
        const QString reader = "df = spark.readStream.format(\"json\").schema(\"id INT, ts TIMESTAMP, v STRING, n LONG\").load(\"in\")\n";
        QTest::newRow("selectExpr, where, watermark, sliding window, agg with aliases")
            << reader + "q = (df.selectExpr(\"id\", \"ts\", \"upper(v) AS v\", \"n\")\n"
                        "  .where((col(\"id\") > 0) & col(\"v\").isNotNull())\n"
                        "  .withWatermark(\"ts\", \"10 minute\")\n"
                        "  .groupBy(window(col(\"ts\"), \"10 minutes\", \"5 minutes\"), \"v\")\n"
                        "  .agg(count(\"*\").alias(\"c\"), sum(\"n\"), avg(\"n\").alias(\"mean\"), max(col(\"n\")))\n"
                        "  .writeStream.outputMode(\"update\").trigger(processingTime=\"1 minute\").start())\n"
            << R"({"source":"in","selectExpr":["id","ts","upper(v) AS v","n"],"where":"id > 0 AND v IS NOT NULL",)"
               R"("withWatermark":{"column":"ts","delay":"10 minutes"},"groupBy":[{"window":{"column":"ts","duration":"10 minutes","slide":"5 minutes"}},"v"],)"
               R"("agg":[{"fn":"count","as":"c"},{"fn":"sum","column":"n"},{"fn":"avg","column":"n","as":"mean"},{"fn":"max","column":"n"}],)"
               R"("outputMode":"update","trigger":{"processingTime":"1 minute"}})";
        QTest::newRow("select with col and alias, filter after the watermark on another column, session window")
            << reader + "q = (df.select(col(\"v\").alias(\"user\"), \"ts\").withWatermark(\"ts\", \"5 minutes\").filter(\"user != 'bot'\")\n"
                        "  .groupBy(\"user\", session_window(\"ts\", \"2 minutes\")).count()\n"
                        "  .writeStream.outputMode(\"append\").start())\n"
            << R"({"source":"in","selectExpr":["v AS user","ts"],"where":"user != 'bot'","withWatermark":{"column":"ts","delay":"5 minutes"},)"
               R"("groupBy":["user",{"session_window":{"column":"ts","gap":"2 minutes"}}],"agg":[{"fn":"count"}],"outputMode":"append"})";
        QTest::newRow("session window with a gap expression (SPARK-36465)")
            << reader + "q = (df.withWatermark(\"ts\", \"5 minutes\")\n"
                        "  .groupBy(\"v\", session_window(\"ts\", expr(\"CASE WHEN v = 'a' THEN INTERVAL 1 MINUTE ELSE INTERVAL 5 MINUTES END\"))).count()\n"
                        "  .writeStream.outputMode(\"append\").start())\n"
            << R"({"source":"in","withWatermark":{"column":"ts","delay":"5 minutes"},)"
               R"("groupBy":["v",{"session_window":{"column":"ts","gap":"CASE WHEN v = 'a' THEN INTERVAL 1 MINUTE ELSE INTERVAL 5 MINUTES END"}}],"agg":[{"fn":"count"}],"outputMode":"append"})";
        QTest::newRow("dropDuplicates and dropDuplicatesWithinWatermark")
            << reader + "q = df.withWatermark(\"ts\", \"1 hour\").dropDuplicatesWithinWatermark([\"id\"]).writeStream.trigger(availableNow=True).start()\n"
            << R"({"source":"in","withWatermark":{"column":"ts","delay":"1 hour"},"dropDuplicatesWithinWatermark":["id"],"outputMode":"append","trigger":{"availableNow":true}})";
        QTest::newRow("dropDuplicates with a list, console options")
            << reader + "q = df.dropDuplicates([\"id\", \"ts\"]).writeStream.format(\"console\").option(\"truncate\", False).option(\"numRows\", 50).start()\n"
            << R"({"source":"in","dropDuplicates":["id","ts"],"outputMode":"append","sinkOptions":{"truncate":false,"numRows":50}})";
        QTest::newRow("join on a list of columns, how as a keyword")
            << QString("a = spark.readStream.schema(\"id INT, ta TIMESTAMP\").json(\"a\")\nb = spark.readStream.schema(\"id INT, tb TIMESTAMP\").json(\"b\")\n"
                       "q = a.withWatermark(\"ta\", \"1 hour\").join(b.withWatermark(\"tb\", \"1 hour\"), on=[\"id\"], how=\"left_outer\").writeStream.start()\n")
            << R"({"join":{"left":{"source":"a","withWatermark":{"column":"ta","delay":"1 hour"}},"right":{"source":"b","withWatermark":{"column":"tb","delay":"1 hour"}},)"
               R"("using":["id"],"type":"leftOuter"},"outputMode":"append"})";
        QTest::newRow("join with expr and column conditions")
            << QString("a = spark.readStream.schema(\"id INT, ta TIMESTAMP\").json(\"a\")\nb = spark.readStream.schema(\"id INT, tb TIMESTAMP\").json(\"b\")\n"
                       "q = a.join(b, (a.id == b.id) & expr(\"tb BETWEEN ta AND ta + INTERVAL 5 MINUTES\"), \"fullOuter\").writeStream.start()\n")
            << R"({"join":{"left":{"source":"a"},"right":{"source":"b"},"on":"a.id = b.id AND tb BETWEEN ta AND ta + INTERVAL 5 MINUTES","type":"fullOuter"},"outputMode":"append"})";
        QTest::newRow("aliased sides named in the condition")
            << QString("imp = spark.readStream.schema(\"adId INT, t TIMESTAMP\").json(\"impressions\")\nclk = spark.readStream.schema(\"adId INT, t2 TIMESTAMP\").json(\"clicks\")\n"
                       "q = imp.alias(\"i\").join(clk.alias(\"c\"), expr(\"i.adId = c.adId AND t2 >= t\")).writeStream.start()\n")
            << R"({"join":{"left":{"source":"imp"},"right":{"source":"clk"},"on":"imp.adId = clk.adId AND t2 >= t","type":"inner"},"outputMode":"append"})";
        QTest::newRow("StructType with a list of fields, from_json on Kafka")
            << QString("schema = StructType([StructField(\"word\", StringType(), True), StructField(\"ts\", TimestampType())])\n"
                       "raw = spark.readStream.format(\"kafka\").option(\"subscribe\", \"words\").option(\"maxOffsetsPerTrigger\", 5).load()\n"
                       "q = (raw.select(from_json(col(\"value\").cast(\"string\"), schema).alias(\"j\")).select(\"j.*\")\n"
                       "  .groupBy(\"word\").count().writeStream.outputMode(\"complete\").trigger(processingTime=\"5 seconds\").start())\n")
            << R"({"source":"words","groupBy":["word"],"agg":[{"fn":"count"}],"outputMode":"complete","trigger":{"processingTime":"5 seconds"}})";
        QTest::newRow("explode and split in select")
            << QString("lines = spark.readStream.format(\"socket\").option(\"host\", \"localhost\").load()\n"
                       "q = lines.select(explode(split(lines.value, \" \")).alias(\"word\")).groupBy(\"word\").count().writeStream.outputMode(\"complete\").start()\n")
            << R"({"source":"lines","selectExpr":["explode(split(value, ' ')) AS word"],"groupBy":["word"],"agg":[{"fn":"count"}],"outputMode":"complete"})";
        QTest::newRow("withColumn adds a column, or replaces one of that name")
            << reader + "q = df.withColumn(\"v\", upper(col(\"v\"))).withWatermark(\"ts\", \"1 minute\").writeStream.start()\n"
            << R"({"source":"in","selectExpr":["id","ts","upper(v) AS v","n"],"withWatermark":{"column":"ts","delay":"1 minute"},"outputMode":"append"})";
        QTest::newRow("countDistinct is imported, for Spark's own error")
            << reader + "q = df.groupBy(\"v\").agg(countDistinct(\"id\")).writeStream.outputMode(\"complete\").start()\n"
            << R"({"source":"in","groupBy":["v"],"agg":[{"fn":"count","column":"id","distinct":true}],"outputMode":"complete"})";
        QTest::newRow("a projection of columns after the filter and the watermark")
            << reader + "q = df.where(\"id > 0\").withWatermark(\"ts\", \"1 minute\").select(\"id\", \"ts\").groupBy(\"id\").count().writeStream.outputMode(\"update\").start()\n"
            << R"({"source":"in","selectExpr":["id","ts"],"where":"id > 0","withWatermark":{"column":"ts","delay":"1 minute"},"groupBy":["id"],"agg":[{"fn":"count"}],"outputMode":"update"})";
        QTest::newRow("a join of a join: the second is a stage of then, the count after it")
            << QString("a = spark.readStream.schema(\"id INT, ta TIMESTAMP\").json(\"a\")\nb = spark.readStream.schema(\"id INT, tb TIMESTAMP\").json(\"b\")\n"
                       "c = spark.readStream.schema(\"id INT, tc TIMESTAMP\").json(\"c\")\n"
                       "q = (a.withWatermark(\"ta\", \"1 hour\").join(b.withWatermark(\"tb\", \"1 hour\"), \"id\")\n"
                       "  .where(\"id > 0\").join(c.withWatermark(\"tc\", \"1 hour\"), [\"id\"], \"left_outer\")\n"
                       "  .groupBy(\"id\").count().writeStream.start())\n")
            << R"({"join":{"left":{"source":"a","withWatermark":{"column":"ta","delay":"1 hour"}},"right":{"source":"b","withWatermark":{"column":"tb","delay":"1 hour"}},)"
               R"("using":["id"],"type":"inner"},"then":[{"where":"id > 0","join":{"right":{"source":"c","withWatermark":{"column":"tc","delay":"1 hour"}},)"
               R"("using":["id"],"type":"leftOuter"}},{"groupBy":["id"],"agg":[{"fn":"count"}]}],"outputMode":"append"})";
        QTest::newRow("union") << QString("a = spark.readStream.schema(\"id INT\").json(\"a\")\nb = spark.readStream.schema(\"id INT\").json(\"b\")\n"
                                          "q = a.union(b).writeStream.start()\n")
                               << R"({"union":[{"source":"a"},{"source":"b"}],"outputMode":"append"})";
    }

    void theSupportedSubsetMapsToTheQuery()
    {
        QFETCH(QString, code);
        QFETCH(QString, query);
        const ImportResult r = importText(kHeader + code.toStdString());
        const QJsonObject want = QJsonDocument::fromJson(query.toUtf8()).object();
        QVERIFY2(!want.isEmpty(), "the expected query is JSON");
        QCOMPARE(queryJson(r.scenario), want);
        for (const auto& m : r.messages)
            QVERIFY2(m.level == ImportMessage::Level::Note || QString::fromStdString(m.text).contains("no events")
                         || QString::fromStdString(m.text).contains("was not found") || QString::fromStdString(m.text).contains("reads Kafka"),
                     m.describe().c_str());
    }

    void dataFilesBecomeEventsOneTriggerApart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkpath("data/clicks");
        auto write = [&](const QString& name, const char* text) {
            std::ofstream(QString(dir.path() + "/data/clicks/" + name).toStdString()) << text;
        };
        write("b.json", "{\"user\": \"b\", \"ts\": \"2024-03-05 10:01:00\"}\n");
        write("a.json", "{\"user\": \"a\", \"ts\": 1709600400},\n{\"user\": \"c\", \"ts\": \"oops\"}\n");
        write("_SUCCESS", "");
        const std::string code = std::string(kHeader)
                                 + "spark = SparkSession.builder.config(\"spark.sql.session.timeZone\", \"Asia/Seoul\").getOrCreate()\n"
                                   "work = !pwd\n"
                                   "clicks = spark.readStream.schema(\"user STRING, ts TIMESTAMP\").json(f\"{work[0]}/data/clicks\")\n"
                                   "q = clicks.writeStream.trigger(processingTime=\"30 seconds\").start()\n";
        const ImportResult r = importText(code, "clicks.py", {}, dir.path().toStdString());
        const SourceSpec* src = r.scenario.findSource("clicks");
        QVERIFY(src);
        QCOMPARE(r.scenario.timeZoneId, std::string("Asia/Seoul"));
        QCOMPARE(static_cast<int>(src->events.size()), 3);
        // a.json first (name order); its latest event 10:00 KST, so the start is 10:00:00.
        const Micros start = 1709600400 * kMicrosPerSecond;
        QCOMPARE(src->events[0].at, start);
        QCOMPARE(src->events[1].at, start);
        QVERIFY(src->events[1].row[1].isNull()); // "oops" is not a timestamp: null, as Spark reads it
        QCOMPARE(src->events[2].at, start + 30 * kMicrosPerSecond);
        QCOMPARE(src->events[2].row[1].asInt(), (1709600400 + 60) * kMicrosPerSecond);
        QVERIFY2(allMessages(r).contains("a.json: line 2: `ts` = \"oops\" is not a timestamp; Spark reads it as null"), qPrintable(allMessages(r)));
    }

    void hostileFilesAreRefusedNotFollowed()
    {
        // Deep nesting, endless method chains and lineages are bounded: a message, no crash.
        const std::string reader = "df = spark.readStream.schema(\"id INT\").json(\"in\")\n";
        const ImportResult nested = importText(reader + "q = df.writeStream.start()\nx = " + std::string(100000, '(') + "\n");
        QVERIFY2(allMessages(nested).contains("line 3: cannot read this Python: the expression is nested too deeply to read"), qPrintable(allMessages(nested)));
        std::string chain = "q = df";
        for (int i = 0; i < 100000; ++i)
            chain += ".where(\"id > 0\")";
        auto longChain = importPySpark(ImportSource{reader + chain + ".writeStream.start()\n", "x.py", "."});
        QVERIFY(!longChain.ok());
        QVERIFY(QString::fromStdString(longChain.error().message).contains("no streaming query"));
        std::string statements = reader;
        for (int i = 0; i < 5000; ++i)
            statements += "df = df.where(\"id > 0\")\n";
        auto longLineage = importPySpark(ImportSource{statements + "q = df.writeStream.start()\n", "x.py", "."});
        QVERIFY(!longLineage.ok());
        QVERIFY2(QString::fromStdString(longLineage.error().describe()).contains("more than the import follows"),
                 longLineage.error().describe().c_str());
    }

    void dataFoldersGivenOnTheCommandLineAreSearchedFirst()
    {
        std::ifstream in((kSeed + "/lgde-spark-stream-5-aggregate.txt").toStdString());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        ImportOptions options;
        options.cell = 9;
        QCOMPARE(importText(text, "copy.txt", options, "/nonexistent").scenario.numEvents(), std::size_t{0});
        options.dataDirs = {kSeed.toStdString()};
        QCOMPARE(importText(text, "copy.txt", options, "/nonexistent").scenario.numEvents(), std::size_t{4});
    }

    void csvAndTextFilesAreReadAsSparkReadsThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkpath("csv");
        QDir(dir.path()).mkpath("txt");
        std::ofstream(QString(dir.path() + "/csv/part-0.csv").toStdString()) << "id,name,score\n1,\"Kim, J\",2.5\n2,,x\n";
        std::ofstream(QString(dir.path() + "/txt/a.txt").toStdString()) << "the cat\nthe dog\n";
        const ImportResult csv = importText(std::string(kHeader)
                                                + "df = spark.readStream.option(\"header\", True).schema(\"id INT, name STRING, score DOUBLE\").csv(\"csv\")\n"
                                                  "q = df.writeStream.start()\n",
                                            "x.py", {}, dir.path().toStdString());
        const auto& rows = csv.scenario.sources.at(0).events;
        QCOMPARE(static_cast<int>(rows.size()), 2);
        QCOMPARE(rows[0].row[1].asString(), std::string("Kim, J"));
        QCOMPARE(rows[0].row[2].asDouble(), 2.5);
        QVERIFY(rows[1].row[1].isNull());
        QVERIFY(rows[1].row[2].isNull());
        QVERIFY2(allMessages(csv).contains("part-0.csv: line 3: `score` = \"x\" is not a double"), qPrintable(allMessages(csv)));
        const ImportResult text = importText("lines = spark.readStream.text(\"txt\")\nq = lines.writeStream.start()\n", "x.py", {}, dir.path().toStdString());
        QCOMPARE(text.scenario.sources.at(0).schema.names(), std::vector<std::string>{"value"});
        QCOMPARE(static_cast<int>(text.scenario.numEvents()), 2);
    }

    void notebookFormats()
    {
        // nbformat 4: cells[].source as a list of lines; markdown cells count in the numbering.
        const std::string ipynb = R"js({"nbformat": 4, "cells": [
            {"cell_type": "markdown", "source": ["# Title"]},
            {"cell_type": "code", "source": ["df = spark.readStream.schema(\"id INT\").json(\"in\")\n", "q = df.writeStream.foreachBatch(f).start()"]}]})js";
        const ImportResult nb = importText(ipynb, "x.ipynb");
        QCOMPARE(nb.picked.cell, 2);
        QVERIFY2(allMessages(nb).contains("cell 2, line 2: `.foreachBatch(...)` is not simulated"), qPrintable(allMessages(nb)));
        // A script with `# %%` cells: places are file lines.
        const std::string py = "# %%\nimport x\n# %%\ndf = spark.readStream.schema(\"id INT\").json(\"in\")\nq = df.writeStream.foreach(f).start()\n";
        const ImportResult script = importText(py, "x.py");
        QCOMPARE(script.picked.cell, 2);
        QVERIFY2(allMessages(script).contains("line 5: `.foreach(...)` is not simulated"), qPrintable(allMessages(script)));
        auto bad = importPySpark(ImportSource{"{\"cells\": 3}", "x.ipynb", "."});
        QVERIFY(!bad.ok());
        QCOMPARE(QString::fromStdString(bad.error().describe()), QString("cells: an .ipynb notebook (nbformat 4) has a \"cells\" array"));
    }
};

QTEST_GUILESS_MAIN(TestPySparkImport)
#include "tst_pysparkimport.moc"
