// SPDX-License-Identifier: GPL-3.0-or-later
// Every query Spark rejects, with Spark's own message for the chosen release
// (UnsupportedOperationChecker, CheckAnalysis, TimeWindow, Dataset.withWatermark, Trigger...).
#include "tests/support/TestScenario.h"

#include "engine/plan/Analyzer.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

class TestAnalysis : public QObject {
    Q_OBJECT
private slots:
    void errors_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("conf");
        QTest::addColumn<QString>("expected"); // exact Error::text()
        QTest::addColumn<QString>("where");

        const QString win = R"({"window": {"column": "t", "duration": "10 minutes"}})";
        QTest::newRow("append with an aggregation and no watermark")
            << "3.2" << R"("groupBy": [)" + win + R"(], "outputMode": "append")" << ""
            << "AnalysisException: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark"
            << "query.outputMode";
        QTest::newRow("append with the watermark on a column that is not grouped")
            << "4.0" << R"("withWatermark": {"column": "t", "delay": "1 minute"}, "groupBy": ["k"], "outputMode": "append")" << ""
            << "AnalysisException: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark"
            << "query.outputMode";
        QTest::newRow("complete without an aggregation")
            << "4.0" << R"("outputMode": "complete")" << ""
            << "AnalysisException: Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets"
            << "query.outputMode";
        QTest::newRow("complete with only a dedup")
            << "4.0" << R"("dropDuplicates": ["k"], "outputMode": "complete")" << ""
            << "AnalysisException: Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets"
            << "query.outputMode";
        QTest::newRow("update with a session window")
            << "3.2" << R"("withWatermark": {"column": "t", "delay": "1 minute"}, "groupBy": ["k", {"session_window": {"column": "t", "gap": "5 minutes"}}], "outputMode": "update")"
            << "" << "AnalysisException: Update output mode not supported for session window on streaming DataFrames/DataSets" << "query.outputMode";
        QTest::newRow("a distinct aggregate")
            << "4.0" << R"("groupBy": ["k"], "agg": [{"fn": "count", "column": "t", "distinct": true}], "outputMode": "update")" << ""
            << "AnalysisException: Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead."
            << "query.agg[0].distinct";
        QTest::newRow("a session window without another key")
            << "4.0" << R"("withWatermark": {"column": "t", "delay": "1 minute"}, "groupBy": [{"session_window": {"column": "t", "gap": "5 minutes"}}], "outputMode": "append")"
            << "" << "AnalysisException: Global aggregation with session window in streaming query is not supported." << "query.groupBy";
        QTest::newRow("dropDuplicatesWithinWatermark without a watermark")
            << "3.5" << R"("dropDuplicatesWithinWatermark": ["k"], "outputMode": "append")" << ""
            << "AnalysisException: dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without watermark"
            << "query.dropDuplicatesWithinWatermark";
        QTest::newRow("a negative watermark delay")
            << "3.2" << R"("withWatermark": {"column": "t", "delay": "-5 minutes"}, "outputMode": "append")" << ""
            << "IllegalArgumentException: requirement failed: delay threshold (-5 minutes) should not be negative." << "query.withWatermark.delay";
        QTest::newRow("a watermark on a string column, 3.2")
            << "3.2" << R"("withWatermark": {"column": "k", "delay": "5 minutes"}, "outputMode": "append")" << ""
            << "AnalysisException: Event time must be defined on a window or a timestamp, but k is of type string" << "query.withWatermark.column";
        QTest::newRow("a watermark on a string column, 4.0")
            << "4.0" << R"("withWatermark": {"column": "k", "delay": "5 minutes"}, "outputMode": "append")" << ""
            << "AnalysisException: [EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event time `k` has the invalid type \"STRING\", but expected \"TIMESTAMP\". SQLSTATE: 42K09"
            << "query.withWatermark.column";
        QTest::newRow("an unknown column, 3.2")
            << "3.2" << R"("selectExpr": ["kk"], "outputMode": "append")" << ""
            << "AnalysisException: cannot resolve 'kk' given input columns: [k, t]" << "query.selectExpr[0]";
        QTest::newRow("an unknown column, 3.3")
            << "3.3" << R"("selectExpr": ["kk"], "outputMode": "append")" << ""
            << "AnalysisException: Column 'kk' does not exist. Did you mean one of the following? [k, t]" << "query.selectExpr[0]";
        QTest::newRow("an unknown column, 3.5")
            << "3.5" << R"("selectExpr": ["kk"], "outputMode": "append")" << ""
            << "AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `kk` cannot be resolved. Did you mean one of the following? [`k`, `t`]."
            << "query.selectExpr[0]";
        QTest::newRow("an unknown column, 4.0")
            << "4.0" << R"("where": "kk > 1", "outputMode": "append")" << ""
            << "AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `kk` cannot be resolved. Did you mean one of the following? [`k`, `t`]. SQLSTATE: 42703"
            << "query.where";
        QTest::newRow("a slide longer than the window")
            << "3.2" << R"("groupBy": [{"window": {"column": "t", "duration": "5 minutes", "slide": "10 minutes"}}], "outputMode": "complete")" << ""
            << "AnalysisException: cannot resolve 'window(`t`)' due to data type mismatch: The slide duration (600000000) must be less than or equal to the windowDuration (300000000)."
            << "query.groupBy[0].window.slide";
        QTest::newRow("a start time not smaller than the slide")
            << "3.2" << R"("groupBy": [{"window": {"column": "t", "duration": "10 minutes", "startTime": "10 minutes"}}], "outputMode": "complete")"
            << "" << "AnalysisException: cannot resolve 'window(`t`)' due to data type mismatch: The absolute value of start time (600000000) must be less than the slideDuration (600000000)."
            << "query.groupBy[0].window.startTime";
        QTest::newRow("a zero window duration")
            << "3.2" << R"("groupBy": [{"window": {"column": "t", "duration": "0 seconds"}}], "outputMode": "complete")" << ""
            << "AnalysisException: cannot resolve 'window(`t`)' due to data type mismatch: The window duration (0) must be greater than 0."
            << "query.groupBy[0].window.duration";
        QTest::newRow("a window of a month")
            << "4.0" << R"("groupBy": [{"window": {"column": "t", "duration": "1 month"}}], "outputMode": "complete")" << ""
            << "IllegalArgumentException: Intervals greater than a month is not supported (1 month)." << "query.groupBy[0].window.duration";
        QTest::newRow("a negative trigger interval")
            << "4.0" << R"("outputMode": "append", "trigger": {"processingTime": "-1 second"})" << ""
            << "IllegalArgumentException: requirement failed: the interval of trigger should not be negative" << "query.trigger.processingTime";
        QTest::newRow("a trigger interval in months")
            << "4.0" << R"("outputMode": "append", "trigger": {"processingTime": "1 month"})" << ""
            << "IllegalArgumentException: Doesn't support month or year interval: 1 month" << "query.trigger.processingTime";
        QTest::newRow("an unknown output mode")
            << "4.0" << R"("outputMode": "upsert")" << ""
            << "IllegalArgumentException: Unknown output mode upsert. Accepted output modes are 'append', 'complete', 'update'" << "query.outputMode";
        QTest::newRow("an unknown watermark policy")
            << "4.0" << R"("outputMode": "append")" << R"("spark.sql.streaming.multipleWatermarkPolicy": "median")"
            << "IllegalArgumentException: 'median' in spark.sql.streaming.multipleWatermarkPolicy is invalid. Invalid value for "
               "'spark.sql.streaming.multipleWatermarkPolicy'. Valid values are 'min' and 'max'" << "conf[\"spark.sql.streaming.multipleWatermarkPolicy\"]";
        QTest::newRow("two triggers") << "4.0" << R"("outputMode": "append", "trigger": {"once": true, "processingTime": "1 second"})" << ""
                                      << "ValueError: Multiple triggers not allowed." << "query.trigger";
        QTest::newRow("two windows")
            << "3.2" << R"("groupBy": [)" + win + "," + win + R"(], "outputMode": "complete")" << ""
            << "AnalysisException: Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported."
            << "query.groupBy[1]";
        QTest::newRow("an interval that does not parse")
            << "4.0" << R"("withWatermark": {"column": "t", "delay": "10 minuets"}, "outputMode": "append")" << ""
            << "AnalysisException: [CANNOT_PARSE_INTERVAL] Unable to parse '10 minuets'. Please ensure that the value provided is in a valid "
               "format for defining an interval. You can reference the documentation for the correct format. If the issue persists, please "
               "double check that the input value is not null or empty and try again. SQLSTATE: 22006"
            << "query.withWatermark.delay";
        QTest::newRow("a window duration past Int.MaxValue days")
            << "3.2" << R"("groupBy": [{"window": {"column": "t", "duration": "99999999999999 days"}}], "outputMode": "complete")" << ""
            << "AnalysisException: Unable to parse '99999999999999 days'" << "query.groupBy[0].window.duration";
        QTest::newRow("a window duration past Long.MaxValue micros")
            << "3.2" << R"("groupBy": [{"window": {"column": "t", "duration": "2000000000 days"}}], "outputMode": "complete")" << ""
            << "ArithmeticException: long overflow" << "query.groupBy[0].window.duration";
        QTest::newRow("a watermark delay past Long.MaxValue micros")
            << "3.2" << R"("withWatermark": {"column": "t", "delay": "2000000000 months"}, "outputMode": "append")" << ""
            << "ArithmeticException: long overflow" << "query.withWatermark.delay";
        QTest::newRow("a trigger interval past Long.MaxValue micros")
            << "3.2" << R"("outputMode": "append", "trigger": {"processingTime": "2000000000 days"})" << ""
            << "ArithmeticException: long overflow" << "query.trigger.processingTime";
        QTest::newRow("a where that is not a boolean")
            << "3.2" << R"("where": "k", "outputMode": "append")" << ""
            << "AnalysisException: filter expression 'k' of type string is not a boolean." << "query.where";
        QTest::newRow("sum of a timestamp")
            << "3.2" << R"("groupBy": ["k"], "agg": [{"fn": "sum", "column": "t"}], "outputMode": "update")" << ""
            << "AnalysisException: cannot resolve 'sum(`t`)' due to data type mismatch: function sum requires numeric or interval types, not timestamp"
            << "query.agg[0].column";
    }

    void errors()
    {
        QFETCH(QString, version);
        QFETCH(QString, query);
        QFETCH(QString, conf);
        QFETCH(QString, expected);
        QFETCH(QString, where);
        TestScenario sc;
        sc.sparkVersion = version.toStdString();
        sc.query = query.toStdString();
        sc.conf = conf.toStdString();
        auto plan = analyze(sc.load());
        QVERIFY2(!plan.ok(), "Spark rejects this query; the analyzer accepted it");
        QCOMPARE(plan.error().kind, ErrorKind::Query);
        QCOMPARE(QString::fromStdString(plan.error().text()), expected);
        QCOMPARE(QString::fromStdString(plan.error().where), where);
    }

    void tooManyWindowsPerRowIsRefusedBeforeRunning()
    {
        // Spark accepts a 1000-day window sliding every 5 minutes; each row would be added to
        // 288,000 windows. Tidemark refuses it as a file problem, naming what to change.
        TestScenario sc;
        sc.events = {"0: a 60", "1: b 120"};
        sc.query = R"("groupBy": [{"window": {"column": "t", "duration": "1000 days", "slide": "5 minutes"}}], "outputMode": "complete")";
        auto plan = analyze(sc.load());
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(plan.error().where), QString("query.groupBy[0].window.duration"));
        QCOMPARE(QString::fromStdString(plan.error().message),
                 QString("window(t, 1000 days, 5 minutes) puts every row in 288000 windows (the duration divided by the slide), "
                         "576000 window rows for the 2 events; Tidemark simulates at most 1000 windows per row. "
                         "Make the slide at least 1 day or the duration at most 3 days 11 hours 20 minutes."));
    }

    void windowsWithinTheLimitsAreAccepted()
    {
        TestScenario sc;
        sc.events = {"0: a 60"};
        sc.query = R"("groupBy": [{"window": {"column": "t", "duration": "1000 days"}}], "outputMode": "complete")";
        QVERIFY(analyze(sc.load()).ok()); // tumbling: one window per row, however long
        sc.query = R"("groupBy": [{"window": {"column": "t", "duration": "1000 minutes", "slide": "1 minute"}}], "outputMode": "complete")";
        QVERIFY(analyze(sc.load()).ok()); // exactly 1000 windows per row
        sc.query = R"("groupBy": [{"window": {"column": "t", "duration": "1001 minutes", "slide": "1 minute"}}], "outputMode": "complete")";
        QVERIFY(!analyze(sc.load()).ok());
    }

    void aWindowLongerThanTheLimitIsRefused()
    {
        TestScenario sc;
        sc.events = {"0: a 60"};
        sc.query = R"("groupBy": [{"window": {"column": "t", "duration": "100000000 days"}}], "outputMode": "complete")";
        auto plan = analyze(sc.load());
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().kind, ErrorKind::File);
        QVERIFY2(QString::fromStdString(plan.error().message).contains("at most 36500000 days"), plan.error().message.c_str());
    }

    void parseErrorsPointAtTheToken()
    {
        TestScenario sc;
        sc.sparkVersion = "3.2";
        sc.query = R"("where": "k = = 'a'", "outputMode": "append")";
        auto plan = analyze(sc.load());
        QVERIFY(!plan.ok());
        const QString msg = QString::fromStdString(plan.error().message);
        QVERIFY2(msg.contains("'='") && msg.contains("(line 1, pos 4)"), qPrintable(msg));
        QVERIFY2(msg.contains("== SQL ==\nk = = 'a'\n----^^^"), qPrintable(msg));
    }

    void acceptedQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("mode");
        const QString windowed = R"("withWatermark": {"column": "t", "delay": "1 minute"}, "groupBy": ["k", {"window": {"column": "t", "duration": "5 minutes"}}])";
        QTest::newRow("windowed aggregation in append") << windowed << "append";
        QTest::newRow("windowed aggregation in update") << windowed << "update";
        QTest::newRow("windowed aggregation in complete") << windowed << "complete";
        QTest::newRow("aggregation without watermark in update") << R"("groupBy": ["k"])" << "update";
        QTest::newRow("stateless query in append") << R"("where": "k = 'a'")" << "append";
        QTest::newRow("stateless query in update") << R"("selectExpr": ["upper(k) AS K", "t"])" << "update";
        QTest::newRow("dedup then aggregation (operator chaining)")
            << R"("withWatermark": {"column": "t", "delay": "1 minute"}, "dropDuplicates": ["k", "t"], "groupBy": [{"window": {"column": "t", "duration": "5 minutes"}}])"
            << "append";
    }
    void acceptedQueries()
    {
        QFETCH(QString, query);
        QFETCH(QString, mode);
        for (const char* v : {"3.0", "3.2", "3.4", "4.0"}) {
            TestScenario sc;
            sc.sparkVersion = v;
            sc.query = (query + ", \"outputMode\": \"" + mode + "\"").toStdString();
            auto plan = analyze(sc.load());
            QVERIFY2(plan.ok(), plan.ok() ? "" : (std::string(v) + ": " + plan.error().text()).c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
