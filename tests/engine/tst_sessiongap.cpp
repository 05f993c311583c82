// SPDX-License-Identifier: GPL-3.0-or-later
// session_window with a gap expression (SPARK-36465, Spark 3.2+): Spark's tests on dynamic
// gaps from StreamingSessionWindowSuite and DataFrameSessionWindowingSuite, transcribed batch
// by batch, then the gap expressions Tidemark refuses and the "Why?" text of a row whose gap
// is not positive.
//
// Transcription: Spark's tests give the gap with a Scala UDF; a CASE expression computes the
// same strings here. Their MemoryStream lines are split on spaces; the compact test events are
// split on spaces themselves, so the lines are joined with commas and split on ','.
// DataFrameSessionWindowingSuite runs batch queries; here all rows arrive in one batch of a
// complete-mode query grouped by `value` as well (unique per row, so each session is the row's).
#include "engine/exec/Explain.h"
#include "tests/support/DescribedRun.h"
#include "tests/support/TestScenario.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

QStringList run(const TestScenario& sc, OutputMode mode)
{
    return describedRun(sc, mode);
}

QStringList lines(const QString& text) { return text.split('\n'); }

/// StreamingSessionWindowSuite.sessionWindowQuery(input, session_window($"eventTime", gap)):
/// words of each line are session ids, `withWatermark("eventTime", "30 seconds")`, count(*).
/// Arrivals are 10 s apart so that every no-data batch runs before the next data (processAllAvailable).
TestScenario sessionWindowQuery(const std::string& gap)
{
    TestScenario sc;
    sc.schema = {{"value", "string"}, {"eventTime", "timestamp"}};
    sc.events = {"100: hello,world,spark,streaming 40", "100: world,hello,structured,streaming 41",
                 "110: spark,streaming 25", "120: spark,streaming 0", "130: spark,streaming 30",
                 "140: hello,apache,spark 60", "150: structured,streaming 90"};
    sc.query = R"("selectExpr": ["explode(split(value, ',')) AS sessionId", "eventTime"],
        "withWatermark": {"column": "eventTime", "delay": "30 seconds"},
        "groupBy": [{"session_window": {"column": "eventTime", "gap": ")" + gap + R"("}}, "sessionId"],
        "agg": [{"fn": "count", "as": "numEvents"}], "trigger": {"processingTime": "1 second"})";
    return sc;
}

/// DataFrameSessionWindowingSuite.withTempTable holds (time, value, duration); the compact
/// events split on spaces, so `duration` ("10 seconds", ...) is computed from `value`.
const char* kDuration = "CASE value WHEN 1 THEN '10 seconds' WHEN 2 THEN '20 seconds' ELSE '30 seconds' END";

/// withTempTable's rows, without `duration`, grouped by the session window of `gap` and `value`.
TestScenario tempTableWithoutDuration(const std::string& gap)
{
    TestScenario sc;
    sc.schema = {{"time", "timestamp"}, {"value", "int"}};
    sc.events = {"100: 34 1", "100: 56 2", "100: 27 4"};
    sc.query = R"("groupBy": [{"session_window": {"column": "time", "gap": ")" + gap + R"("}}, "value"],
        "outputMode": "complete", "trigger": {"processingTime": "1 second"})";
    return sc;
}

Error analysisError(const TestScenario& sc)
{
    auto plan = analyze(sc.load());
    return plan.ok() ? Error{} : plan.error();
}

const RowFate* fateOf(const ModeRun& r, std::uint32_t event, std::uint16_t sub = 0)
{
    for (const auto& b : r.batches)
        for (const auto& f : b.fates)
            if (f.event == event && f.sub == sub)
                return &f;
    return nullptr;
}

} // namespace

class TestSessionGap : public QObject {
    Q_OBJECT
private slots:
    /// StreamingSessionWindowSuite "SPARK-36465: dynamic gap duration": "hello" has a 1 s gap,
    /// "structured" 0 s and "world" -10 s (both filtered out before the aggregation, so never
    /// counted as dropped by the watermark), every other word 10 s.
    void streamingDynamicGapDuration()
    {
        const TestScenario sc = sessionWindowQuery("CASE WHEN sessionId = 'hello' THEN '1 second' WHEN sessionId = 'structured' THEN '0 second' "
                                                   "WHEN sessionId = 'world' THEN '-10 seconds' ELSE '10 seconds' END");
        QCOMPARE(run(sc, OutputMode::Append), lines(
            // current sessions (hello, 40, 42, 2, 2), (streaming, 40, 51, 11, 2), (spark, 40, 50, 10, 1)
            "B0 wm=0 late=0: | dropped=0 state=3\n"
            "B1 nodata wm=11 late=0: | dropped=0 state=3\n"                  // watermark: 11
            "B2 wm=11 late=11: | dropped=0 state=5\n"                        // (spark, 25, 35), (streaming, 25, 35) placed before
            "B3 wm=11 late=11: | dropped=2 state=5\n"                        // at 0: sessions end 10 <= 11, assertNumRowsDroppedByWatermark(2)
            "B4 wm=11 late=11: | dropped=0 state=3\n"                        // at 30: (spark, 25, 50, 25, 3), (streaming, 25, 51, 26, 4)
            "B5 wm=11 late=11: | dropped=0 state=6\n"                        // (hello, 60, 61, 1, 1), apache, spark at 60
            "B6 nodata wm=30 late=11: | dropped=0 state=6\n"                 // watermark: 30
            "B7 wm=30 late=30: | dropped=0 state=7\n"                        // (streaming, 90, 100); "structured" filtered out
            // watermark: 60: CheckNewAnswer((spark, 25, 50, 25, 3), (streaming, 25, 51, 26, 4), (hello, 40, 42, 2, 2))
            "B8 nodata wm=60 late=30: [25,50) spark 3; [25,51) streaming 4; [40,42) hello 2 | dropped=0 state=4"));
    }

    /// DataFrameSessionWindowingSuite "SPARK-36465: time window in SQL with dynamic string expression":
    /// session_window(time, duration) with a string column of intervals.
    void stringColumnAsGap()
    {
        TestScenario sc = tempTableWithoutDuration("");
        sc.query = "\"selectExpr\": [\"time\", \"value\", \"" + std::string(kDuration) + " AS duration\"]," + R"(
            "groupBy": [{"session_window": {"column": "time", "gap": "duration"}}, "value"],
            "outputMode": "complete", "trigger": {"processingTime": "1 second"})";
        // Row("19:39:27", "19:39:57", 4), Row("19:39:34", "19:39:44", 1), Row("19:39:56", "19:40:16", 2)
        QCOMPARE(run(sc, OutputMode::Complete), lines("B0 wm=0 late=0: [27,57) 4 1; [34,44) 1 1; [56,76) 2 1 | dropped=0 state=3"));
    }

    /// DataFrameSessionWindowingSuite "SPARK-36465: time window in SQL with conditional expression as gap duration".
    void conditionalExpressionAsGap()
    {
        const TestScenario sc = tempTableWithoutDuration("case when value = 1 then '2 seconds' when value = 2 then '10 seconds' else '20 seconds' end");
        // Row("19:39:27", "19:39:47", 4), Row("19:39:34", "19:39:36", 1), Row("19:39:56", "19:40:06", 2)
        QCOMPARE(run(sc, OutputMode::Complete), lines("B0 wm=0 late=0: [27,47) 4 1; [34,36) 1 1; [56,66) 2 1 | dropped=0 state=3"));
    }

    /// The same with interval literals in the branches, the form the scenario format documents.
    void intervalLiteralsAsGap()
    {
        const TestScenario sc = tempTableWithoutDuration("CASE WHEN value = 1 THEN INTERVAL 2 SECONDS WHEN value = 2 THEN INTERVAL 10 SECONDS "
                                                         "ELSE INTERVAL 20 SECONDS END");
        QCOMPARE(run(sc, OutputMode::Complete), lines("B0 wm=0 late=0: [27,47) 4 1; [34,36) 1 1; [56,66) 2 1 | dropped=0 state=3"));
    }

    /// DataFrameSessionWindowingSuite "SPARK-36465: filter out events with negative/zero gap duration":
    /// gap 0 s for value 1, -10 s for value 2, 5 s otherwise; groupBy(session_window) count.
    /// The session-only grouping is written with a constant key (a streaming session window needs one).
    void negativeAndZeroGapsAreFilteredOut()
    {
        TestScenario sc = tempTableWithoutDuration("");
        sc.query = R"("selectExpr": ["time", "value", "'all' AS k"],
            "groupBy": ["k", {"session_window": {"column": "time", "gap": "CASE WHEN value = 1 THEN '0 seconds' WHEN value = 2 THEN '-10 seconds' ELSE '5 seconds' END"}}],
            "outputMode": "complete", "trigger": {"processingTime": "1 second"})";
        // Seq(Row("2016-03-27 19:39:27", "2016-03-27 19:39:32", 1))
        QCOMPARE(run(sc, OutputMode::Complete), lines("B0 wm=0 late=0: all [27,32) 1 | dropped=0 state=1"));
    }

    /// DataFrameSessionWindowingSuite "SPARK-36465: filter out events with invalid gap duration.",
    /// its second query: text that is not an interval makes the gap null, and the row is filtered out.
    void invalidGapTextIsFilteredOut()
    {
        const TestScenario sc = tempTableWithoutDuration("case when value = 1 then '2 seconds' when value = 2 then 'invalid gap duration' else '20 seconds' end");
        // Row("19:39:27", "19:39:47", 4), Row("19:39:34", "19:39:36", 1)
        QCOMPARE(run(sc, OutputMode::Complete), lines("B0 wm=0 late=0: [27,47) 4 1; [34,36) 1 1 | dropped=0 state=2"));
    }

    /// Its first query, session_window($"time", "x sec"), drops every row in Spark; Tidemark
    /// refuses such a gap as a problem with the file (docs/scenario-format.md, "Limits").
    void invalidFixedGapIsRefused()
    {
        const Error e = analysisError(tempTableWithoutDuration("x sec"));
        QCOMPARE(e.kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(e.where), QString("query.groupBy[0].session_window.gap"));
        QVERIFY2(e.message.find("is not an interval") != std::string::npos, e.message.c_str());
    }

    /// DataFrameSessionWindowingSuite "SPARK-36465: Unsupported dynamic gap datatype" (and the
    /// IntegerType case Spark's error class tests use): SessionWindowing refuses a gap that is
    /// neither an interval nor castable to one. Spark reads `1.0` as DecimalType(2,1); Tidemark,
    /// without decimals, as a double.
    void unsupportedGapDataType_data()
    {
        QTest::addColumn<QString>("gap");
        QTest::addColumn<QString>("type");
        QTest::newRow("an int column") << "value" << "IntegerType";
        QTest::newRow("a long") << "CAST(value AS BIGINT)" << "LongType";
        QTest::newRow("a double literal") << "1.0" << "DoubleType";
        QTest::newRow("a boolean") << "value > 1" << "BooleanType";
        QTest::newRow("a timestamp") << "time" << "TimestampType";
    }
    void unsupportedGapDataType()
    {
        QFETCH(QString, gap);
        QFETCH(QString, type);
        const Error e = analysisError(tempTableWithoutDuration(gap.toStdString()));
        QCOMPARE(e.kind, ErrorKind::Query);
        QCOMPARE(QString::fromStdString(e.exception), QString("AnalysisException"));
        QCOMPARE(QString::fromStdString(e.where), QString("query.groupBy[0].session_window.gap"));
        QCOMPARE(QString::fromStdString(e.message), "Gap duration expression used in session window must be CalendarIntervalType, but got " + type);
    }

    /// A gap that is neither an interval nor an expression, or an expression Spark cannot
    /// resolve, fails where it is written; a constant that gives no positive gap is refused
    /// like a written interval that is not positive.
    void badGapExpressionFails_data()
    {
        QTest::addColumn<QString>("gap");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("hint");
        QTest::newRow("syntax") << "CASE WHEN value = 1 THEN '1 second'" << int(ErrorKind::File) << "nor an expression (at position 35, expected END)";
        QTest::newRow("typo in a unit") << "5 minuts" << int(ErrorKind::File) << "is not an interval";
        QTest::newRow("unknown column") << "gapSeconds" << int(ErrorKind::Query) << "gapSeconds";
        QTest::newRow("branches of two types") << "CASE WHEN value = 1 THEN '1 second' ELSE INTERVAL 2 SECONDS END" << int(ErrorKind::Query)
                                               << "THEN and ELSE expressions should all be same type or coercible to a common type";
        QTest::newRow("a WHEN that is not boolean") << "CASE WHEN value THEN '1 second' END" << int(ErrorKind::Query)
                                                    << "WHEN expressions in CaseWhen should all be boolean type";
        QTest::newRow("constant null") << "CAST(NULL AS STRING)" << int(ErrorKind::File) << "is null or not an interval";
        QTest::newRow("constant zero") << "'0 seconds'" << int(ErrorKind::File) << "is not positive";
        QTest::newRow("constant negative interval") << "- INTERVAL 5 SECONDS" << int(ErrorKind::File) << "is not positive";
        QTest::newRow("constant too long") << "'40000000 days'" << int(ErrorKind::File) << "longer than Tidemark simulates";
        QTest::newRow("months in a branch") << "CASE WHEN value = 1 THEN '1 month' ELSE '1 day' END" << int(ErrorKind::File) << "months or years";
    }
    void badGapExpressionFails()
    {
        QFETCH(QString, gap);
        QFETCH(int, kind);
        QFETCH(QString, hint);
        const Error e = analysisError(tempTableWithoutDuration(gap.toStdString()));
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(QString::fromStdString(e.where), QString("query.groupBy[0].session_window.gap"));
        QVERIFY2(QString::fromStdString(e.message).contains(hint), e.message.c_str());
    }

    /// A constant expression is a fixed gap: the same sessions as the interval written out.
    void constantExpressionIsAFixedGap()
    {
        const TestScenario sc = tempTableWithoutDuration("INTERVAL 5 SECONDS + INTERVAL 5 SECONDS");
        const Scenario loaded = sc.load();
        auto plan = analyze(loaded);
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
        QVERIFY(!plan->aggregate->sessionGapExpr);
        QCOMPARE(plan->aggregate->sessionGap, 10 * kMicrosPerSecond);
        QCOMPARE(run(sc, OutputMode::Complete), lines("B0 wm=0 late=0: [27,37) 4 1; [34,44) 1 1; [56,66) 2 1 | dropped=0 state=3"));
    }

    /// The "Why?" text of a row whose gap is not positive, or null, names the gap and Spark's filter.
    void whyTextOfAFilteredRow()
    {
        const TestScenario sc = tempTableWithoutDuration("CASE WHEN value = 1 THEN '-10 seconds' WHEN value = 2 THEN 'soon' ELSE '5 seconds' END");
        const Scenario loaded = sc.load();
        const ModeRun r = runMode(loaded, OutputMode::Complete);
        const RowFate* negative = fateOf(r, 0);
        const RowFate* unreadable = fateOf(r, 1);
        const RowFate* counted = fateOf(r, 2);
        QVERIFY(negative && unreadable && counted);
        QCOMPARE(negative->fate, Fate::Filtered);
        QCOMPARE(negative->sessionGap, std::optional<Micros>(-10 * kMicrosPerSecond));
        QCOMPARE(unreadable->fate, Fate::Filtered);
        QCOMPARE(unreadable->sessionGap, std::optional<Micros>());
        QCOMPARE(counted->fate, Fate::OnTime);
        const QString whyNegative = QString::fromStdString(explainFate(*negative, r, loaded));
        QVERIFY2(whyNegative.contains("is -10 seconds, not positive"), qPrintable(whyNegative));
        QVERIFY2(whyNegative.contains("SessionWindowing's filter"), qPrintable(whyNegative));
        const QString whyNull = QString::fromStdString(explainFate(*unreadable, r, loaded));
        QVERIFY2(whyNull.contains("is null or not an interval"), qPrintable(whyNull));
        const QString whyCounted = QString::fromStdString(explainFate(*counted, r, loaded));
        QVERIFY2(whyCounted.contains("Its own session is [1970-01-01 00:00:27, 1970-01-01 00:00:32)"), qPrintable(whyCounted));
    }

    /// A gap read from a column that Tidemark cannot simulate (months, or longer than 100,000
    /// years) leaves its row out, and the row says why; the other rows run.
    void gapsNotSimulatedLeaveTheirRowOut_data()
    {
        QTest::addColumn<QString>("gap");
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("hint");
        QTest::newRow("months") << "1 month" << int(kSessionGapWithMonths) << "months or years";
        QTest::newRow("too long") << "40000000 days" << int(kSessionGapTooLong) << "longer than Tidemark simulates";
    }
    void gapsNotSimulatedLeaveTheirRowOut()
    {
        QFETCH(QString, gap);
        QFETCH(int, step);
        QFETCH(QString, hint);
        TestScenario sc = tempTableWithoutDuration("");
        sc.query = "\"selectExpr\": [\"time\", \"value\", \"CASE WHEN value = 1 THEN '" + gap.toStdString() + "' ELSE '1 second' END AS g\"]," + R"(
            "groupBy": [{"session_window": {"column": "time", "gap": "g"}}, "value"],
            "outputMode": "complete", "trigger": {"processingTime": "1 second"})";
        const Scenario loaded = sc.load();
        const ModeRun r = runMode(loaded, OutputMode::Complete);
        const RowFate* left = fateOf(r, 0);
        QVERIFY(left);
        QCOMPARE(left->fate, Fate::Filtered);
        QCOMPARE(int(left->filterStep), step);
        const QString why = QString::fromStdString(explainFate(*left, r, loaded));
        QVERIFY2(why.contains(hint), qPrintable(why));
        QCOMPARE(describeRun(r), (std::vector<std::string>{"B0 wm=0 late=0: [27,28) 4 1; [56,57) 2 1 | dropped=0 state=2"}));
    }

    /// CASE in the expression language at large: the simple form, no ELSE (null), words that
    /// end a branch are not taken for an alias or an interval unit.
    void caseExpressions_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("expected");
        QTest::newRow("searched") << "CASE WHEN value > 1 THEN 'big' ELSE 'small' END" << "small;big;big";
        QTest::newRow("simple") << "CASE value WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END" << "one;two;many";
        QTest::newRow("no ELSE is null") << "CASE WHEN value = 2 THEN 'two' END" << "null;two;null";
        QTest::newRow("numbers widen") << "CASE WHEN value = 1 THEN 1 ELSE 2.5 END" << "1;2.5;2.5";
        QTest::newRow("an interval before END") << "CAST(time + CASE WHEN value = 1 THEN INTERVAL '1' SECOND END AS STRING)" << "1970-01-01 00:00:35;null;null";
        QTest::newRow("a null condition is not true") << "CASE WHEN NULL THEN 'x' ELSE 'y' END" << "y;y;y";
    }
    void caseExpressions()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        TestScenario sc;
        sc.schema = {{"time", "timestamp"}, {"value", "int"}};
        sc.events = {"100: 34 1", "100: 56 2", "100: 27 4"};
        sc.sparkVersion = "3.5";
        sc.query = "\"selectExpr\": [\"" + expr.toStdString() + " AS c\"], \"trigger\": {\"processingTime\": \"1 second\"}";
        const Scenario loaded = sc.load();
        const ModeRun r = runMode(loaded, OutputMode::Append);
        QVERIFY2(!r.error, r.error ? r.error->text().c_str() : "");
        QStringList got;
        for (const auto& b : r.batches)
            for (const auto& row : b.sinkRows)
                got << QString::fromStdString(describeRow(row, r.plan->output));
        QCOMPARE(got.join(';'), expected);
    }
};

QTEST_APPLESS_MAIN(TestSessionGap)
#include "tst_sessiongap.moc"
