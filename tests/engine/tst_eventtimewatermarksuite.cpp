// SPDX-License-Identifier: GPL-3.0-or-later
// Spark's EventTimeWatermarkSuite (sql/core/src/test/.../streaming/EventTimeWatermarkSuite.scala),
// test by test. Each slot names the Spark test it transcribes. The input is the suite's
// MemoryStream[Int] with .withColumn("eventTime", timestamp_seconds($"value")); each AddData
// arrives 10 s after the previous one, so the no-data batch Spark runs after a watermark
// advance comes before the next data, as with processAllAvailable.
//
// Not transcribed, because Tidemark cannot express them (yet):
// - "EventTimeStats", "EventTimeStats: avg on large values", "... zero merge zero",
//   "... non-zero merge zero", "... zero merge non-zero": unit tests of Spark's internal
//   EventTimeStats accumulator and its merge across partitions; Tidemark runs one partition
//   and never merges.
// - "recovery" is in tst_checkpointrestart (the scenario's `restarts`).
// - "event time and watermark metrics with Trigger.Once (SPARK-24699)",
//   "recovery from Spark ver 2.3.1 commit log without commit metadata (SPARK-24699)",
//   "MultipleWatermarkPolicy: recovery from checkpoints ignores session conf",
//   "MultipleWatermarkPolicy: recovery from Spark ver 2.3.1 checkpoints ensures min policy":
//   they stop the query and start it again from its checkpoint (the restarts of "watermark with
//   2 streams" and "MultipleWatermarkPolicy: max/min" are left out below for the same reason).
// - "the new watermark should override the old one", "overriding watermark should not be
//   allowed by default", "overriding watermark should not fail in compatibility mode": two
//   withWatermark calls on one input; a scenario query has one.
// - "multiple event time columns in an input DataFrame for stateful operator is not allowed",
//   "stateful operator should pick the first occurrence of event time column ...": a
//   stream-stream join followed by dropDuplicates (chained stateful operators).
// - "EventTime watermark should be ignored in batch query.": Tidemark runs streaming queries only.
// - "SPARK-27340 Alias on TimeWindow expression cause watermark metadata lost":
//   select(window(...) as aliasWindow) before the aggregation; a scenario writes window() only
//   inside groupBy or a join input.
// - The spark.sql.legacy.interval.enabled=true half of "SPARK-35815": Tidemark does not model
//   that conf (its only effect on a delay is to allow mixing year-month and day-time units in an
//   interval literal, which none of the test's delays does).
#include "tests/support/DescribedRun.h"
#include "tests/support/TestScenario.h"

#include "engine/exec/RunRecord.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

constexpr qint64 kMsPerDay = 86400000;

/// One AddData per step, 10 s apart, into MemoryStream[Int] "in" (column `value`).
TestScenario ints(const std::vector<std::vector<long long>>& steps, const std::string& rest, const std::string& version = "4.0")
{
    TestScenario sc;
    sc.sparkVersion = version;
    sc.schema = {{"value", "long"}};
    for (size_t i = 0; i < steps.size(); ++i)
        for (long long v : steps[i])
            sc.events.push_back(std::to_string(100 + 10 * i) + ": " + std::to_string(v));
    sc.query = R"("selectExpr": ["value", "timestamp_seconds(value) AS eventTime"], )" + rest;
    return sc;
}

/// .withWatermark("eventTime", "10 seconds").groupBy(window($"eventTime", "5 seconds")).agg(count("*")),
/// which the tests select as (window.start, count).
const std::string kWindowedCount = R"("withWatermark": {"column": "eventTime", "delay": "10 seconds"},
    "groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}], "trigger": {"processingTime": "1 second"})";

QStringList run(const TestScenario& sc, OutputMode mode)
{
    return describedRun(sc, mode);
}

QStringList lines(const QString& text) { return text.split('\n'); }

/// The analysis error for a query on MemoryStream[Int].toDF() (one int column `value`).
Error analysisError(const std::string& version, const std::string& query, const std::string& conf = {})
{
    TestScenario sc;
    sc.sparkVersion = version;
    sc.schema = {{"value", "int"}};
    sc.query = query;
    sc.conf = conf;
    auto plan = analyze(sc.load());
    if (plan.ok())
        return Error::file("", "accepted");
    return plan.error();
}

std::string jsonString(const std::string& text)
{
    std::string out = "\"";
    for (char c : text)
        out += c == '\t' ? std::string("\\t") : c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return out + "\"";
}

/// The watermark delay (EventTimeWatermark.delayKey metadata) of `eventTime` after withWatermark.
std::optional<qint64> delayMs(const std::string& version, const std::string& delay)
{
    TestScenario sc;
    sc.sparkVersion = version;
    sc.schema = {{"value", "long"}};
    sc.query = R"("selectExpr": ["value", "timestamp_seconds(value) AS eventTime"], "withWatermark": {"column": "eventTime", "delay": )"
               + jsonString(delay) + "}";
    auto plan = analyze(sc.load());
    if (!plan.ok())
        return std::nullopt;
    const auto idx = plan->streamSchema.find("eventTime");
    return idx ? plan->streamSchema[*idx].watermarkDelayMs : std::nullopt;
}

/// Sources "first" and "second" of ints; each step adds to one or both, then (as the test's
/// getWatermarkAfterData does) a dummy 0 to "first" 10 s later, whose batch reports the watermark.
TestScenario twoStreams(const std::vector<std::pair<std::vector<int>, std::vector<int>>>& steps, const std::string& firstDelay,
                        const std::string& secondDelay, const std::string& rest, bool dummyBatches)
{
    auto events = [&](bool first) {
        std::string out;
        auto add = [&](long long at, int v) { out += std::string(out.empty() ? "" : ",") + "{\"at\": " + std::to_string(at) + ", \"row\": {\"value\": " + std::to_string(v) + "}}"; };
        for (size_t i = 0; i < steps.size(); ++i) {
            const long long at = 100 + 20 * static_cast<long long>(i);
            for (int v : first ? steps[i].first : steps[i].second)
                add(at, v);
            if (first && dummyBatches)
                add(at + 10, 0);
        }
        return out;
    };
    auto side = [](const char* name, const std::string& delay) {
        return std::string("{\"source\": \"") + name + R"(", "selectExpr": ["value", "timestamp_seconds(value) AS eventTime"], )"
               + R"("withWatermark": {"column": "eventTime", "delay": ")" + delay + "\"}}";
    };
    TestScenario sc;
    sc.extraSources = "\"first\": {\"schema\": {\"value\": \"long\"}, \"events\": [" + events(true) + "]},"
                      "\"second\": {\"schema\": {\"value\": \"long\"}, \"events\": [" + events(false) + "]}";
    sc.query = "\"union\": [" + side("first", firstDelay) + ", " + side("second", secondDelay) + "], " + rest;
    return sc;
}

/// The watermark (seconds) of each batch that has input rows.
QList<qint64> watermarksOfDataBatches(const ModeRun& run)
{
    QList<qint64> out;
    for (const auto& b : run.batches)
        if (!b.noData)
            out << b.watermarkMs / 1000;
    return out;
}

} // namespace

class TestEventTimeWatermarkSuite : public QObject {
    Q_OBJECT
private slots:
    /// "error on bad column"
    void errorOnBadColumn()
    {
        const Error e = analysisError("4.0", R"("withWatermark": {"column": "badColumn", "delay": "1 minute"})");
        QCOMPARE(QString::fromStdString(e.exception), QString("AnalysisException"));
        QVERIFY2(QString::fromStdString(e.message).contains("badColumn"), e.message.c_str());
    }

    /// "error on wrong type" (the Spark 3.3 wording the test asserts: it names "value" and "int";
    /// from 3.4 the error class names the type as "INT").
    void errorOnWrongType()
    {
        Error e = analysisError("3.3", R"("withWatermark": {"column": "value", "delay": "1 minute"})");
        QCOMPARE(QString::fromStdString(e.exception), QString("AnalysisException"));
        QVERIFY2(QString::fromStdString(e.message).contains("value") && QString::fromStdString(e.message).contains("int"), e.message.c_str());
        e = analysisError("4.0", R"("withWatermark": {"column": "value", "delay": "1 minute"})");
        QCOMPARE(QString::fromStdString(e.exception), QString("AnalysisException"));
        QVERIFY2(QString::fromStdString(e.message).contains("`value`") && QString::fromStdString(e.message).contains("\"INT\""), e.message.c_str());
    }

    /// "event time and watermark metrics": no event-time stats without a watermark; with one,
    /// min/max/avg of each data batch's event times and the batch's watermark.
    void eventTimeAndWatermarkMetrics()
    {
        TestScenario noWatermark = ints({{15}, {10, 12, 14}},
                                        R"("groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}], "trigger": {"processingTime": "1 second"})");
        const ModeRun complete = runMode(noWatermark.load(), OutputMode::Complete);
        QVERIFY(!complete.error);
        QCOMPARE(run(noWatermark, OutputMode::Complete),
                 lines("B0 wm=0 late=0: [15,20) 1 | dropped=0 state=1\n"            // CheckAnswer((15, 1))
                       "B1 wm=0 late=0: [10,15) 3; [15,20) 1 | dropped=0 state=2")); // CheckAnswer((10, 3), (15, 1))
        for (const auto& b : complete.batches)
            QVERIFY(!b.eventTime); // assertEventStats { e => assert(e.isEmpty) }

        const TestScenario withWatermark = ints({{15}, {10, 12, 14}, {25}}, kWindowedCount);
        const ModeRun append = runMode(withWatermark.load(), OutputMode::Append);
        QVERIFY(!append.error);
        struct Stats {
            qint64 min, max, avg, watermark;
        };
        const std::vector<Stats> expected = {{15, 15, 15, 0}, {10, 14, 12, 5}, {25, 25, 25, 5}};
        size_t i = 0;
        for (const auto& b : append.batches) {
            if (b.noData)
                continue;
            QVERIFY(i < expected.size());
            QVERIFY(b.eventTime);
            QCOMPARE(b.eventTime->min / 1000, expected[i].min);
            QCOMPARE(b.eventTime->max / 1000, expected[i].max);
            QCOMPARE(static_cast<qint64>(b.eventTime->avg) / 1000, expected[i].avg);
            QCOMPARE(b.watermarkMs / 1000, expected[i].watermark);
            ++i;
        }
        QCOMPARE(i, expected.size());
        // CheckAnswer((10, 3)): the whole answer after the last step.
        QCOMPARE(run(withWatermark, OutputMode::Append).join('\n').count("[10,15) 3"), 1);
    }

    /// "append mode" (with assertNumStateRows and assertNumRowsDroppedByWatermark)
    void appendMode()
    {
        QCOMPARE(run(ints({{10, 11, 12, 13, 14, 15}, {25}, {10}}, kWindowedCount), OutputMode::Append),
                 lines("B0 wm=0 late=0: | dropped=0 state=2\n"
                       "B1 nodata wm=5 late=0: | dropped=0 state=2\n"
                       "B2 wm=5 late=5: | dropped=0 state=3\n"                      // AddData(25): watermark to 15,
                       "B3 nodata wm=15 late=5: [10,15) 5 | dropped=0 state=2\n"    //   CheckNewAnswer((10, 5)), 2 state rows
                       "B4 wm=15 late=15: | dropped=1 state=2"));                   // 10 < watermark: 1 dropped, 2 rows
    }

    /// "update mode"
    void updateMode()
    {
        QCOMPARE(run(ints({{10, 11, 12, 13, 14, 15}, {25}, {10, 25}, {10}}, kWindowedCount), OutputMode::Update),
                 lines("B0 wm=0 late=0: [10,15) 5; [15,20) 1 | dropped=0 state=2\n" // CheckNewAnswer((10, 5), (15, 1))
                       "B1 nodata wm=5 late=0: | dropped=0 state=2\n"
                       "B2 wm=5 late=5: [25,30) 1 | dropped=0 state=3\n"            // CheckNewAnswer((25, 1))
                       "B3 nodata wm=15 late=5: | dropped=0 state=2\n"              // assertNumStateRows(2), dropped 0
                       "B4 wm=15 late=15: [25,30) 2 | dropped=1 state=2\n"          // 10 ignored: ((25, 2)), dropped 1
                       "B5 wm=15 late=15: | dropped=1 state=2"));                   // CheckNewAnswer(), dropped 1
    }

    /// "delay in months and years handled correctly": "2 years 5 months" is 29 months of 31
    /// days (EventTimeWatermark.getDelayMs through IntervalUtils.getDuration), so the watermark
    /// trails the event time by 29 or 30 calendar months, as the test accepts.
    void delayInMonthsAndYears()
    {
        const long long now = 1767225600; // 2026-01-01T00:00:00Z, as currentTimeMs / 1000
        TestScenario sc = ints({{now}, {now}}, R"("withWatermark": {"column": "eventTime", "delay": "2 years 5 months"},
            "groupBy": [{"window": {"column": "eventTime", "duration": "5 seconds"}}], "trigger": {"processingTime": "1 second"})");
        const ModeRun r = runMode(sc.load(), OutputMode::Append);
        QVERIFY(!r.error);
        const BatchRecord* lastData = nullptr;
        for (const auto& b : r.batches)
            if (!b.noData)
                lastData = &b;
        QVERIFY(lastData && lastData->eventTime);
        QCOMPARE(lastData->eventTime->max, static_cast<Millis>(now) * 1000);
        const qint64 expected = now * 1000 - 29 * 31 * kMsPerDay;
        QCOMPARE(lastData->watermarkMs, expected);
        // 2026-01-01 minus 899 days is 2023-07-17: 30 months since epoch apart, within {29, 30}.
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(expected, Qt::UTC).date(), QDate(2023, 7, 17));
    }

    /// "watermark with 2 streams": the global watermark is the minimum of the two inputs'
    /// (until the restart, which Tidemark does not simulate).
    void watermarkWithTwoStreams()
    {
        const std::vector<std::pair<std::vector<int>, std::vector<int>>> steps = {
            {{11}, {}}, {{}, {6}}, {{}, {8}}, {{21}, {}}, {{}, {17, 28, 39}}, {{31}, {}}, {{41}, {}}, {{51}, {}},
            {{100}, {100}}, {{120}, {110}}, {{130}, {125}}, {{100}, {100}}, {{140}, {100}}, {{100}, {135}}, {{200}, {190}}};
        const TestScenario sc = twoStreams(steps, "10 seconds", "5 seconds",
                                           R"("agg": [{"fn": "sum", "column": "value"}], "trigger": {"processingTime": "1 second"})", true);
        const ModeRun r = runMode(sc.load(), OutputMode::Complete);
        QVERIFY2(!r.error, r.error ? r.error->text().c_str() : "");
        // Every second data batch is the dummy one whose watermark the test reads.
        const QList<qint64> all = watermarksOfDataBatches(r);
        QList<qint64> read;
        for (int i = 1; i < all.size(); i += 2)
            read << all[i];
        QCOMPARE(read, (QList<qint64>{0, 1, 1, 3, 11, 21, 31, 34, 90, 105, 120, 120, 120, 130, 185}));
    }

    /// "complete mode": no eviction and no late filter when asked to compute complete results.
    void completeMode()
    {
        QCOMPARE(run(ints({{10, 11, 12}, {25}, {25}, {10}, {25}}, kWindowedCount), OutputMode::Complete),
                 lines("B0 wm=0 late=0: [10,15) 3 | dropped=0 state=1\n"
                       "B1 wm=2 late=0: [10,15) 3; [25,30) 1 | dropped=0 state=2\n"
                       "B2 wm=15 late=2: [10,15) 3; [25,30) 2 | dropped=0 state=2\n"
                       "B3 wm=15 late=15: [10,15) 4; [25,30) 2 | dropped=0 state=2\n"
                       "B4 wm=15 late=15: [10,15) 4; [25,30) 3 | dropped=0 state=2"));
    }

    /// "group by on raw timestamp"
    void groupByOnRawTimestamp()
    {
        const std::string query = R"("withWatermark": {"column": "eventTime", "delay": "10 seconds"}, "groupBy": ["eventTime"],
            "trigger": {"processingTime": "1 second"})";
        TestScenario sc = ints({{10}, {25}}, query);
        sc.query = R"("selectExpr": ["timestamp_seconds(value) AS eventTime"], )" + query;
        QCOMPARE(run(sc, OutputMode::Append), lines("B0 wm=0 late=0: | dropped=0 state=1\n"
                                                    "B1 wm=0 late=0: | dropped=0 state=2\n"
                                                    "B2 nodata wm=15 late=0: 10 1 | dropped=0 state=1")); // CheckAnswer((10, 1))
    }

    /// "delay threshold should not be negative."
    void delayThresholdShouldNotBeNegative_data()
    {
        QTest::addColumn<QString>("delay");
        for (const char* d : {"-1 year", "1 year -13 months", "1 month -40 days", "-10 seconds"})
            QTest::newRow(d) << QString(d);
    }
    void delayThresholdShouldNotBeNegative()
    {
        QFETCH(QString, delay);
        for (const char* version : {"3.0", "3.2", "3.5", "4.0"}) {
            const Error e = analysisError(version, R"("withWatermark": {"column": "value", "delay": )" + jsonString(delay.toStdString()) + "}");
            QCOMPARE(QString::fromStdString(e.exception), QString("IllegalArgumentException"));
            QCOMPARE(QString::fromStdString(e.message), "requirement failed: delay threshold (" + delay + ") should not be negative.");
        }
    }

    /// "SPARK-21565: watermark operator accepts attributes from replacement"
    void watermarkAcceptsAttributesFromReplacement()
    {
        TestScenario sc;
        sc.schema = {{"symbol", "string"}, {"price", "double"}, {"eventTime", "timestamp"}};
        sc.events = {"100: a 100.0 0.1"};
        sc.query = R"("withWatermark": {"column": "eventTime", "delay": "2 seconds"}, "groupBy": ["symbol", "eventTime"],
            "agg": [{"fn": "count", "column": "price", "as": "count"}], "outputMode": "append")";
        const ModeRun r = runMode(sc.load(), OutputMode::Append);
        QVERIFY2(!r.error, r.error ? r.error->text().c_str() : "");
        QVERIFY(!r.batches.empty());
    }

    /// "test no-data flag" (spark.sql.streaming.noDataMicroBatches.enabled, also written as the
    /// string "false" that spark.conf.set receives)
    void testNoDataFlag_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("true") << "true"
                              << lines("B0 wm=0 late=0: | dropped=0 state=2\n"
                                       "B1 nodata wm=5 late=0: | dropped=0 state=2\n"
                                       "B2 wm=5 late=5: | dropped=0 state=3\n"
                                       "B3 nodata wm=15 late=5: [10,15) 5 | dropped=0 state=2"); // CheckNewAnswer((10, 5))
        QTest::newRow("false") << "\"false\""
                               << lines("B0 wm=0 late=0: | dropped=0 state=2\n"
                                        "B1 wm=5 late=0: | dropped=0 state=3"); // CheckNewAnswer()
        QTest::newRow("FALSE with spaces") << "\" FALSE \"" << lines("B0 wm=0 late=0: | dropped=0 state=2\n"
                                                                       "B1 wm=5 late=0: | dropped=0 state=3");
    }
    void testNoDataFlag()
    {
        QFETCH(QString, flag);
        QFETCH(QStringList, expected);
        TestScenario sc = ints({{10, 11, 12, 13, 14, 15}, {25}}, kWindowedCount);
        sc.conf = "\"spark.sql.streaming.noDataMicroBatches.enabled\": " + flag.toStdString();
        QCOMPARE(run(sc, OutputMode::Append), expected);
    }

    /// spark.conf.set of a boolean conf to a value that is not one (ConfigHelpers.toBoolean)
    void aBooleanConfThatIsNotABoolean()
    {
        const Error e = analysisError("4.0", R"("outputMode": "append")", R"("spark.sql.streaming.noDataMicroBatches.enabled": "yes")");
        QCOMPARE(QString::fromStdString(e.text()), QString("IllegalArgumentException: spark.sql.streaming.noDataMicroBatches.enabled should be boolean, but was yes"));
        QCOMPARE(QString::fromStdString(e.where), QString("conf[\"spark.sql.streaming.noDataMicroBatches.enabled\"]"));
    }

    /// "MultipleWatermarkPolicy: max" and "MultipleWatermarkPolicy: min" (without their
    /// StopStream/StartStream, which keeps the watermark)
    void multipleWatermarkPolicy_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QList<qint64>>("watermarks");
        // Batches: (20, 30), checkWatermark's 1, (120, 130), its 1, 150, its 1.
        QTest::newRow("max") << "max" << QList<qint64>{0, 15, 15, 115, 115, 140};  // max(20-10, 30-15) = 15; 115; 140
        QTest::newRow("min") << "min" << QList<qint64>{0, 10, 10, 110, 110, 110};  // min(...) = 10; 110; stays 110
        QTest::newRow("MAX, upper case") << "MAX" << QList<qint64>{0, 15, 15, 115, 115, 140};
    }
    void multipleWatermarkPolicy()
    {
        QFETCH(QString, policy);
        QFETCH(QList<qint64>, watermarks);
        const bool max = policy.toLower() == "max";
        // checkWatermark(input, wm) adds 1 to `input`: input1 for max, input2 for min.
        const std::vector<std::pair<std::vector<int>, std::vector<int>>> steps = {
            {{20}, {30}}, {max ? std::vector<int>{1} : std::vector<int>{}, max ? std::vector<int>{} : std::vector<int>{1}},
            {{120}, {130}}, {max ? std::vector<int>{1} : std::vector<int>{}, max ? std::vector<int>{} : std::vector<int>{1}},
            {max ? std::vector<int>{150} : std::vector<int>{}, max ? std::vector<int>{} : std::vector<int>{150}},
            {max ? std::vector<int>{1} : std::vector<int>{}, max ? std::vector<int>{} : std::vector<int>{1}}};
        TestScenario sc = twoStreams(steps, "10 seconds", "15 seconds",
                                     R"("selectExpr": ["CAST(eventTime AS INT) AS eventTime"], "trigger": {"processingTime": "1 second"})", false);
        sc.conf = "\"spark.sql.streaming.multipleWatermarkPolicy\": \"" + policy.toStdString() + "\"";
        const ModeRun r = runMode(sc.load(), OutputMode::Append);
        QVERIFY2(!r.error, r.error ? r.error->text().c_str() : "");
        QCOMPARE(watermarksOfDataBatches(r), watermarks);
    }

    /// "MultipleWatermarkPolicy: fail on incorrect conf values"
    void multipleWatermarkPolicyFailsOnIncorrectConfValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("empty") << "";
        QTest::newRow("random") << "random";
        QTest::newRow("Random, lower-cased in the message") << "Random";
    }
    void multipleWatermarkPolicyFailsOnIncorrectConfValues()
    {
        QFETCH(QString, value);
        for (const char* version : {"3.0", "3.5", "4.0"}) {
            const Error e = analysisError(version, R"("outputMode": "append")",
                                          R"("spark.sql.streaming.multipleWatermarkPolicy": )" + jsonString(value.toStdString()));
            QCOMPARE(QString::fromStdString(e.exception), QString("IllegalArgumentException"));
            QVERIFY(QString::fromStdString(e.message).toLower().contains("valid values are 'min' and 'max'"));
            QCOMPARE(QString::fromStdString(e.message), "'" + value.toLower()
                                                            + "' in spark.sql.streaming.multipleWatermarkPolicy is invalid. Invalid value for "
                                                              "'spark.sql.streaming.multipleWatermarkPolicy'. Valid values are 'min' and 'max'");
        }
    }

    /// "SPARK-35815: Support ANSI intervals for delay threshold (spark.sql.legacy.interval.enabled=false)"
    void ansiIntervalsForDelayThreshold_data()
    {
        QTest::addColumn<QString>("delay");
        QTest::addColumn<qint64>("expectedMs");
        const qint64 day = kMsPerDay, hour = 3600000, minute = 60000, second = 1000, month = 31 * kMsPerDay;
        const std::vector<std::pair<std::vector<const char*>, qint64>> cases = {
            {{"3 days", "Interval 3 day", "inTerval '3' day"}, 3 * day},
            {{" 5 hours", "INTERVAL 5 hour", "interval '5' hour"}, 5 * hour},
            {{"\t8 minutes", "interval 8 minute", "interval '8' minute"}, 8 * minute},
            {{"10 seconds", "interval 10 second", "interval '10' second"}, 10 * second},
            {{"1 years", "interval 1 year", "interval '1' year"}, 12 * month},
            {{"1 months", "interval 1 month", "interval '1' month"}, month},
            {{"1 day 2 hours 3 minutes 4 seconds", " interval 1 day 2 hours 3 minutes 4 seconds",
              "\tinterval '1' day '2' hours '3' minutes '4' seconds", "interval '1 2:3:4' day to second"},
             day + 2 * hour + 3 * minute + 4 * second},
            {{" 1 year 2 months", "interval 1 year 2 month", "interval '1' year '2' month", "\tinterval '1-2' year to month"}, 14 * month},
        };
        for (const auto& [variants, ms] : cases)
            for (const char* v : variants)
                QTest::newRow(v) << QString(v) << ms;
    }
    void ansiIntervalsForDelayThreshold()
    {
        QFETCH(QString, delay);
        QFETCH(qint64, expectedMs);
        for (const char* version : {"3.2", "3.5", "4.0"}) {
            const auto ms = delayMs(version, delay.toStdString());
            QVERIFY2(ms, version);
            QCOMPARE(*ms, expectedMs);
        }
    }

    /// SPARK-35815's invalid patterns: an AnalysisException, worded per release.
    void invalidIntervalPatterns_data()
    {
        QTest::addColumn<QString>("delay");
        for (const char* d : {"1 foo", "interva 2 day", "intrval '3' day", "interval 4 foo", "interval '5' foo", "interval '1 2:3:4' day to hour",
                              "interval '1 2' year to month", "10 secs", "5 min", "interval 1 year 2 days"})
            QTest::newRow(d) << QString(d);
    }
    void invalidIntervalPatterns()
    {
        QFETCH(QString, delay);
        const std::string query = R"("selectExpr": ["timestamp_seconds(value) AS eventTime"], "withWatermark": {"column": "eventTime", "delay": )"
                                  + jsonString(delay.toStdString()) + "}";
        Error e = analysisError("3.2", query);
        QCOMPARE(QString::fromStdString(e.text()), "AnalysisException: Unable to parse '" + delay + "'");
        QCOMPARE(QString::fromStdString(e.where), QString("query.withWatermark.delay"));
        e = analysisError("3.5", query);
        QCOMPARE(QString::fromStdString(e.text()),
                 "AnalysisException: [CANNOT_PARSE_INTERVAL] Unable to parse '" + delay
                     + "'. Please ensure that the value provided is in a valid format for defining an interval. You can reference the "
                       "documentation for the correct format. If the issue persists, please double check that the input value is not null "
                       "or empty and try again.");
        e = analysisError("4.0", query);
        QVERIFY(QString::fromStdString(e.text()).startsWith("AnalysisException: [CANNOT_PARSE_INTERVAL] Unable to parse '" + delay + "'. "));
        QVERIFY(QString::fromStdString(e.text()).endsWith(" SQLSTATE: 22006"));
    }

    /// Before 3.2 (SPARK-35815) withWatermark read the delay with stringToInterval only: an ANSI
    /// literal does not parse, and the error says "time delay".
    void ansiLiteralsAreRefusedBefore32()
    {
        const std::string query = R"("selectExpr": ["timestamp_seconds(value) AS eventTime"], "withWatermark": {"column": "eventTime", "delay": "interval '10' second"})";
        for (const char* version : {"3.0", "3.1"}) {
            const Error e = analysisError(version, query);
            QCOMPARE(QString::fromStdString(e.text()), QString("AnalysisException: Unable to parse time delay 'interval '10' second'"));
        }
        QCOMPARE(delayMs("3.1", "interval 10 seconds").value_or(-1), 10000);
        QCOMPARE(delayMs("3.2", "interval '10' second").value_or(-1), 10000);
    }

    /// window() reads its durations as withWatermark does from 3.2 (TimeWindow.getIntervalInMicroSeconds
    /// through fromIntervalString), so an ANSI literal is a window duration too.
    void windowDurationsTakeAnsiLiterals()
    {
        TestScenario sc = ints({{10, 11, 12, 13, 14, 15}, {25}, {10}},
                               R"("withWatermark": {"column": "eventTime", "delay": "INTERVAL '10' SECOND"},
            "groupBy": [{"window": {"column": "eventTime", "duration": "INTERVAL '0 00:00:05' DAY TO SECOND"}}], "trigger": {"processingTime": "1 second"})");
        QCOMPARE(run(sc, OutputMode::Append), run(ints({{10, 11, 12, 13, 14, 15}, {25}, {10}}, kWindowedCount), OutputMode::Append));
        sc.sparkVersion = "3.1";
        QCOMPARE(run(sc, OutputMode::Append), QStringList{"error: AnalysisException: Unable to parse time delay 'INTERVAL '10' SECOND'"});
    }

    /// Trigger.ProcessingTime reads stringToInterval (no ANSI literal); Spark 4 words its
    /// errors with INVALID_INTERVAL_FORMAT.
    void triggerIntervalErrors()
    {
        const Error e3 = analysisError("3.5", R"("outputMode": "append", "trigger": {"processingTime": "10 secs"})");
        QCOMPARE(QString::fromStdString(e3.text()), QString("IllegalArgumentException: Error parsing '10 secs' to interval, invalid unit 'secs'"));
        const Error e4 = analysisError("4.0", R"("outputMode": "append", "trigger": {"processingTime": "10 secs"})");
        QCOMPARE(QString::fromStdString(e4.text()),
                 QString("IllegalArgumentException: [INVALID_INTERVAL_FORMAT.INVALID_UNIT] Error parsing '10 secs' to interval. Please ensure "
                         "that the value provided is in a valid format for defining an interval. You can reference the documentation for the "
                         "correct format. Invalid unit secs. SQLSTATE: 22006"));
        QCOMPARE(QString::fromStdString(analysisError("4.0", R"("outputMode": "append", "trigger": {"processingTime": "INTERVAL '10' SECOND"})").exception),
                 QString("IllegalArgumentException"));
    }
};

QTEST_APPLESS_MAIN(TestEventTimeWatermarkSuite)
#include "tst_eventtimewatermarksuite.moc"
