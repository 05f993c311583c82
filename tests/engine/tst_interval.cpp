// SPDX-License-Identifier: GPL-3.0-or-later
// Spark interval strings (IntervalUtils.stringToInterval) and the watermark delay rule.
#include "engine/time/Interval.h"

#include <QtTest>

using namespace tidemark;

class TestInterval : public QObject {
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("months");
        QTest::newRow("plural minutes") << "10 minutes" << 600000000LL << 0 << 0;
        QTest::newRow("singular minute") << "1 minute" << 60000000LL << 0 << 0;
        QTest::newRow("hours") << "2 hours" << 7200000000LL << 0 << 0;
        QTest::newRow("milliseconds") << "500 milliseconds" << 500000LL << 0 << 0;
        QTest::newRow("compound") << "1 hour 30 minutes" << 5400000000LL << 0 << 0;
        QTest::newRow("interval prefix and upper case") << "INTERVAL 10 SECONDS" << 10000000LL << 0 << 0;
        QTest::newRow("negative") << "-5 minutes" << -300000000LL << 0 << 0;
        QTest::newRow("fractional seconds") << "1.5 seconds" << 1500000LL << 0 << 0;
        QTest::newRow("days stay days") << "1 day" << 0LL << 1 << 0;
        QTest::newRow("weeks are seven days") << "2 weeks" << 0LL << 14 << 0;
        QTest::newRow("year is twelve months") << "1 year" << 0LL << 0 << 12;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, micros);
        QFETCH(int, days);
        QFETCH(int, months);
        auto r = parseInterval(text.toStdString());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->micros, micros);
        QCOMPARE(r->days, days);
        QCOMPARE(r->months, months);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unknown unit") << "10 fortnights" << "invalid unit 'fortnights'";
        QTest::newRow("missing unit") << "10" << "missing the unit";
        QTest::newRow("not a number") << "ten minutes" << "invalid value";
        QTest::newRow("empty") << "" << "empty";
        QTest::newRow("fraction of a minute") << "1.5 minutes" << "fractional";
        // stringToInterval's Math.*Exact checks: days are a Java int, micros a long.
        QTest::newRow("days past Int.MaxValue") << "99999999999999 days" << "to interval, integer overflow";
        QTest::newRow("months past Int.MaxValue") << "3000000000 months" << "to interval, integer overflow";
        QTest::newRow("years past Int.MaxValue months") << "200000000 years" << "to interval, integer overflow";
        QTest::newRow("a value past Long.MaxValue") << "99999999999999999999 seconds" << "to interval, long overflow";
        QTest::newRow("hours past Long.MaxValue micros") << "9999999999 hours" << "to interval, long overflow";
        QTest::newRow("a sum past Long.MaxValue micros") << "9000000000000 seconds 9000000000000 seconds" << "to interval, long overflow";
    }
    void rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, fragment);
        auto r = parseInterval(text.toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().message).contains(fragment), r.error().message.c_str());
        QVERIFY(QString::fromStdString(r.error().message).startsWith("Error parsing '" + text + "' to interval"));
    }

    void largestValuesStillParse()
    {
        QCOMPARE(parseInterval("2147483647 days")->days, 2147483647);
        QCOMPARE(parseInterval("-2147483648 days")->days, -2147483647 - 1);
        QCOMPARE(parseInterval("9223372036854775807 microseconds")->micros, 9223372036854775807LL);
    }

    void exactDurationsOverflowWhereSparkThrows()
    {
        // TimeWindow.getIntervalInMicroSeconds: multiplyExact(days, MICROS_PER_DAY) overflows
        // past 106,751,991 days; getDuration also counts months as 31 days.
        QVERIFY(!parseInterval("106751992 days")->exactMicrosNoMonths());
        QCOMPARE(*parseInterval("106751991 days")->exactMicrosNoMonths(), 106751991LL * kMicrosPerDay);
        QVERIFY(!parseInterval("2147483647 months")->exactDurationMicros());
        QVERIFY(!parseInterval("106751991 days 1 day")->exactMicrosNoMonths());
        QCOMPARE(*parseInterval("1 month 1 day")->exactDurationMicros(), 32 * kMicrosPerDay);
    }

    void watermarkDelayCountsAMonthAs31Days()
    {
        // EventTimeWatermark.getDelayMs; EventTimeWatermarkSuite "SPARK-35815": 1 year = 12 * 31 days.
        QCOMPARE(parseInterval("1 month")->watermarkDelayMs(), 31LL * 24 * 3600 * 1000);
        QCOMPARE(parseInterval("1 year")->watermarkDelayMs(), 12LL * 31 * 24 * 3600 * 1000);
        QCOMPARE(parseInterval("10 minutes")->watermarkDelayMs(), 600000LL);
    }

    void negativeDetection()
    {
        QVERIFY(parseInterval("-1 second")->isNegative());
        QVERIFY(!parseInterval("1 day -1 hour")->isNegative());
        QVERIFY(parseInterval("1 hour -1 day")->isNegative());
    }

    void formatDurationReadsBack()
    {
        QCOMPARE(QString::fromStdString(formatDuration(5400 * kMicrosPerSecond)), QString("1 hour 30 minutes"));
        QCOMPARE(QString::fromStdString(formatDuration(kMicrosPerMilli * 500)), QString("500 milliseconds"));
        QCOMPARE(QString::fromStdString(formatDuration(0)), QString("0 seconds"));
    }
};

QTEST_APPLESS_MAIN(TestInterval)
#include "tst_interval.moc"
