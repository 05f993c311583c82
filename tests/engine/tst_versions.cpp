// SPDX-License-Identifier: GPL-3.0-or-later
// Behaviour that changed between Spark releases, each pinned to the release that changed it.
#include "engine/sink/ConsoleFormat.h"
#include "tests/support/DescribedRun.h"
#include "tests/support/TestScenario.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {
QString runLines(const TestScenario& sc, OutputMode mode)
{
    return describedRun(sc, mode).join('\n');
}
} // namespace

class TestVersions : public QObject {
    Q_OBJECT
private slots:
    void lateRowsUsePreviousWatermarkFrom34_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("conf");
        QTest::addColumn<QString>("expected");
        // EventTimeWatermarkSuite "test no-data flag": 5 s windows, delay 10 s, append, no-data
        // batches off; input 10..15, then 25, then 10. The third batch runs with watermark 15
        // right after a batch that ran with 5.
        const QString before = "B0 wm=0 late=0: | dropped=0 state=2\nB1 wm=5 late=5: | dropped=0 state=3\n"
                               "B2 wm=15 late=15: [10,15) 5 | dropped=1 state=2";
        const QString after = "B0 wm=0 late=0: | dropped=0 state=2\nB1 wm=5 late=0: | dropped=0 state=3\n"
                              "B2 wm=15 late=5: [10,15) 6 | dropped=0 state=2";
        QTest::newRow("3.2 drops the 10 s row and emits (10,5)") << "3.2" << "" << before;
        QTest::newRow("3.3 still uses one watermark") << "3.3" << "" << before;
        QTest::newRow("3.4 accepts it and emits (10,6)") << "3.4" << "" << after;
        QTest::newRow("4.0 accepts it and emits (10,6)") << "4.0" << "" << after;
        QTest::newRow("4.0 with allowMultiple=false restores the single watermark")
            << "4.0" << R"("spark.sql.streaming.statefulOperator.allowMultiple": false)" << before;
    }
    void lateRowsUsePreviousWatermarkFrom34()
    {
        QFETCH(QString, version);
        QFETCH(QString, conf);
        QFETCH(QString, expected);
        TestScenario sc;
        sc.sparkVersion = version.toStdString();
        sc.conf = R"("spark.sql.streaming.noDataMicroBatches.enabled": false)" + (conf.isEmpty() ? std::string() : ", " + conf.toStdString());
        sc.query = R"("withWatermark": {"column": "t", "delay": "10 seconds"},
            "groupBy": [{"window": {"column": "t", "duration": "5 seconds"}}], "outputMode": "append",
            "trigger": {"processingTime": "1 second"})";
        sc.events = {"100: x 10", "100: x 11", "100: x 12", "100: x 13", "100: x 14", "100: x 15", "110: x 25", "120: x 10"};
        QCOMPARE(runLines(sc, OutputMode::Append), expected);
    }

    void windowStartForNegativeTimestamps()
    {
        // SPARK-38069 (3.3) misplaced times more than one slide before startTime; SPARK-39347 (3.4) fixed it.
        TestScenario sc;
        sc.query = R"("groupBy": [{"window": {"column": "t", "duration": "10 seconds", "startTime": "5 seconds"}}],
            "outputMode": "complete", "trigger": {"processingTime": "1 second"})";
        sc.events = {"100: x -86398"};
        for (const char* v : {"3.2", "3.4", "4.0"}) {
            sc.sparkVersion = v;
            QCOMPARE(runLines(sc, OutputMode::Complete), QString("B0 wm=0 late=0: [-86405,-86395) 1 | dropped=0 state=1"));
        }
        sc.sparkVersion = "3.3";
        QCOMPARE(runLines(sc, OutputMode::Complete), QString("B0 wm=0 late=0: [-86395,-86385) 1 | dropped=0 state=1"));
    }

    void apisThatDidNotExistYet_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("error"); // empty: accepted
        const QString within = R"("withWatermark": {"column": "t", "delay": "1 minute"}, "dropDuplicatesWithinWatermark": ["k"], "outputMode": "append")";
        QTest::newRow("dropDuplicatesWithinWatermark before 3.5") << "3.4" << within
                                                                  << "AttributeError: 'DataFrame' object has no attribute 'dropDuplicatesWithinWatermark'";
        QTest::newRow("dropDuplicatesWithinWatermark in 3.5") << "3.5" << within << "";
        const QString avail = R"("outputMode": "append", "trigger": {"availableNow": true})";
        QTest::newRow("availableNow before 3.3") << "3.2" << avail << "TypeError: trigger() got an unexpected keyword argument 'availableNow'";
        QTest::newRow("availableNow in 3.3") << "3.3" << avail << "";
        const QString session = R"("withWatermark": {"column": "t", "delay": "1 minute"},
            "groupBy": ["k", {"session_window": {"column": "t", "gap": "5 minutes"}}], "outputMode": "append")";
        QTest::newRow("session_window before 3.2") << "3.1" << session << "ImportError: cannot import name 'session_window' from 'pyspark.sql.functions'";
        QTest::newRow("session_window in 3.2") << "3.2" << session << "";
    }
    void apisThatDidNotExistYet()
    {
        QFETCH(QString, version);
        QFETCH(QString, query);
        QFETCH(QString, error);
        TestScenario sc;
        sc.sparkVersion = version.toStdString();
        sc.query = query.toStdString();
        auto plan = analyze(sc.load());
        if (error.isEmpty()) {
            QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().text().c_str());
        } else {
            QVERIFY(!plan.ok());
            QVERIFY2(QString::fromStdString(plan.error().text()).startsWith(error), plan.error().text().c_str());
        }
    }

    void nullSpelling()
    {
        // SPARK-43063 (3.5.0): show() prints NULL.
        Schema s;
        s.fields.push_back(Field{"v", DataType(TypeId::String), std::nullopt, {}});
        const std::vector<Row> rows = {Row{Value()}};
        const auto zone = TimeZone();
        QVERIFY(QString::fromStdString(showString(s, rows, zone, SparkVersion{3, 4}, {})).contains("|null|"));
        QVERIFY(QString::fromStdString(showString(s, rows, zone, SparkVersion{3, 5}, {})).contains("|NULL|"));
    }

    void stddevColumnName()
    {
        TestScenario sc;
        sc.schema = {{"k", "string"}, {"v", "long"}};
        sc.query = R"("groupBy": ["k"], "agg": [{"fn": "stddev", "column": "v"}], "outputMode": "complete")";
        sc.sparkVersion = "3.5";
        QCOMPARE(QString::fromStdString(analyze(sc.load())->output[1].name), QString("stddev_samp(v)"));
        sc.sparkVersion = "4.0";
        QCOMPARE(QString::fromStdString(analyze(sc.load())->output[1].name), QString("stddev(v)"));
    }

    void sessionLateRowsCountedFrom34()
    {
        TestScenario sc;
        sc.query = R"("withWatermark": {"column": "t", "delay": "10 seconds"},
            "groupBy": ["k", {"session_window": {"column": "t", "gap": "5 seconds"}}], "outputMode": "append",
            "trigger": {"processingTime": "1 second"})";
        sc.events = {"100: a 30", "110: a 1"};
        sc.sparkVersion = "3.3";
        QVERIFY(runLines(sc, OutputMode::Append).contains("B2 wm=20 late=20: | dropped=0 state=1"));
        sc.sparkVersion = "3.4";
        QVERIFY2(runLines(sc, OutputMode::Append).contains("B2 wm=20 late=20: | dropped=1 state=1"), qPrintable(runLines(sc, OutputMode::Append)));
    }

    void redefiningWatermark()
    {
        // 3.4+ (WatermarkPropagator): a second withWatermark on one lineage is rejected.
        TestScenario sc;
        sc.extraSources = R"("in2": {"schema": {"k": "string", "t": "timestamp"}, "events": []})";
        sc.query = R"("union": [{"source": "in", "withWatermark": {"column": "t", "delay": "5 seconds"}},
                                 {"source": "in2", "withWatermark": {"column": "t", "delay": "5 seconds"}}],
                      "withWatermark": {"column": "t", "delay": "1 second"}, "outputMode": "append")";
        sc.sparkVersion = "3.3";
        QVERIFY(analyze(sc.load()).ok());
        sc.sparkVersion = "3.4";
        auto plan = analyze(sc.load());
        QVERIFY(!plan.ok());
        QVERIFY(QString::fromStdString(plan.error().message).startsWith("Redefining watermark is disallowed."));

        // The same after a join whose sides have watermarks: Spark refuses it once the join's own
        // checks pass. Before 3.4, or with no watermark below, it would start a second event time,
        // which Tidemark does not model: a file error, not Spark's.
        const auto joined = [](const char* version, const char* sideWatermark) {
            TestScenario j;
            j.sparkVersion = version;
            j.extraSources = R"("in2": {"schema": {"k2": "string", "t2": "timestamp"}, "events": []})";
            j.query = std::string(R"("join": {"left": {"source": "in")") + sideWatermark + R"(}, "right": {"source": "in2"}, "on": "k = k2", "type": "inner"}, )"
                      + R"("withWatermark": {"column": "t", "delay": "1 second"}, "outputMode": "append")";
            return analyze(j.load());
        };
        const char* watermarked = R"(, "withWatermark": {"column": "t", "delay": "5 seconds"})";
        const auto refused = joined("3.5", watermarked);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Query);
        QCOMPARE(QString::fromStdString(refused.error().where), QString("query.withWatermark"));
        QVERIFY(QString::fromStdString(refused.error().message).startsWith("Redefining watermark is disallowed."));
        for (const auto& notModelled : {joined("3.3", watermarked), joined("3.5", "")}) {
            QVERIFY(!notModelled.ok());
            QCOMPARE(notModelled.error().kind, ErrorKind::File);
        }
    }
};

QTEST_APPLESS_MAIN(TestVersions)
#include "tst_versions.moc"
