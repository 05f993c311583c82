// SPDX-License-Identifier: GPL-3.0-or-later
// Spark interval strings (IntervalUtils.stringToInterval) and the watermark delay rule.
#include "engine/expr/Parser.h"
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
        QTest::newRow("a tab and surrounding spaces") << "\t8 minutes " << 480000000LL << 0 << 0;
        QTest::newRow("a plus sign") << "+5 minutes" << 300000000LL << 0 << 0;
        QTest::newRow("a space after the sign") << "- 5 minutes" << -300000000LL << 0 << 0;
        QTest::newRow("only a fraction") << ".5 seconds" << 500000LL << 0 << 0;
        QTest::newRow("nanoseconds are truncated") << "1.123456789 seconds" << 1123456LL << 0 << 0;
        QTest::newRow("a negative fraction") << "-1.5 seconds" << -1500000LL << 0 << 0;
        QTest::newRow("microseconds") << "7 microseconds" << 7LL << 0 << 0;
        QTest::newRow("every unit") << "1 year 1 month 1 week 1 day 1 hour 1 minute 1 second 1 millisecond 1 microsecond"
                                    << 3661001001LL << 8 << 13;
        QTest::newRow("a year minus months") << "1 year -13 months" << 0LL << 0 << -1;
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
        QTest::newRow("missing unit") << "10" << "to interval, expect a unit name after '10' but hit EOL";
        QTest::newRow("not a number") << "ten minutes" << "to interval, unrecognized number 'ten'";
        QTest::newRow("empty") << "" << "to interval, interval string cannot be empty";
        QTest::newRow("only the prefix") << "interval" << "to interval, interval string cannot be empty";
        QTest::newRow("fraction of a minute") << "1.5 minutes" << "to interval, 'minutes' cannot have fractional part";
        QTest::newRow("a unit glued to the number") << "10seconds" << "to interval, invalid value '10seconds'";
        QTest::newRow("a sign without a number") << "1 day -" << "to interval, expect a number after '-' but hit EOL";
        QTest::newRow("ten fraction digits") << "1.1234567891 seconds" << "to interval, interval can only support nanosecond precision, '1.1234567891' is out of range";
        QTest::newRow("a glued prefix") << "intervals 1 day" << "to interval, invalid interval prefix intervals";
        QTest::newRow("a unit with two plural s") << "1 dayss" << "to interval, invalid unit 'dayss'";
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

    void abbreviationsAreRefused_data()
    {
        // stringToInterval matches whole unit names with an optional "s"; nothing shorter.
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("unit");
        for (const char* unit : {"sec", "secs", "s", "min", "mins", "m", "ms", "msec", "us", "hr", "hrs", "h", "d", "w", "y", "yr", "mon", "mo", "nanosecond"})
            QTest::newRow(unit) << QString("10 ") + unit << QString(unit);
    }
    void abbreviationsAreRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, unit);
        auto r = parseInterval(text.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().message), "Error parsing '" + text + "' to interval, invalid unit '" + unit + "'");
        QCOMPARE(QString::fromStdString(r.error().exception), QString("IllegalArgumentException"));
    }

    void spark4WordsTheErrorsWithErrorClasses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unit") << "10 secs" << "[INVALID_INTERVAL_FORMAT.INVALID_UNIT] Error parsing '10 secs' to interval. %1 Invalid unit secs. SQLSTATE: 22006";
        QTest::newRow("number") << "bogus" << "[INVALID_INTERVAL_FORMAT.UNRECOGNIZED_NUMBER] Error parsing 'bogus' to interval. %1 Unrecognized number bogus. SQLSTATE: 22006";
        QTest::newRow("missing unit") << "0" << "[INVALID_INTERVAL_FORMAT.MISSING_UNIT] Error parsing '0' to interval. %1 Expect a unit name after 0 but hit EOL. SQLSTATE: 22006";
        QTest::newRow("fraction") << "0.5 milliseconds" << "[INVALID_INTERVAL_FORMAT.INVALID_FRACTION] Error parsing '0.5 milliseconds' to interval. %1 milliseconds cannot have fractional part. SQLSTATE: 22006";
        QTest::newRow("empty") << "" << "[INVALID_INTERVAL_FORMAT.INPUT_IS_EMPTY] Error parsing '' to interval. %1 Interval string cannot be empty. SQLSTATE: 22006";
        QTest::newRow("overflow") << "12345678912 days" << "[INVALID_INTERVAL_FORMAT.ARITHMETIC_EXCEPTION] Error parsing '12345678912 days' to interval. %1 Uncaught arithmetic exception while parsing '12345678912 days'. SQLSTATE: 22006";
    }
    void spark4WordsTheErrorsWithErrorClasses()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        auto r = parseInterval(text.toStdString(), IntervalReader::UnitList, IntervalMessages::ErrorClasses);
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().message),
                 reason.arg("Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format."));
    }

    void sqlLiterals_data()
    {
        // EventTimeWatermarkSuite "SPARK-35815: Support ANSI intervals for delay threshold", and
        // the ANSI literal forms IntervalUtils.fromIntervalString reads from 3.2.
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("months");
        const qint64 s = 1000000;
        // A DAY-TIME literal holds its days as microseconds.
        QTest::newRow("unit list with prefix") << "Interval 3 day" << 3 * 86400 * s << 0 << 0;
        QTest::newRow("quoted day") << "inTerval '3' day" << 3 * 86400 * s << 0 << 0;
        QTest::newRow("quoted hour") << "interval '5' hour" << 5 * 3600 * s << 0 << 0;
        QTest::newRow("ANSI second") << "INTERVAL '10' SECOND" << 10 * s << 0 << 0;
        QTest::newRow("quoted year") << "interval '1' year" << 0LL << 0 << 12;
        QTest::newRow("quoted units") << "\tinterval '1' day '2' hours '3' minutes '4' seconds" << (86400 + 7384) * s << 0 << 0;
        QTest::newRow("day to second") << "interval '1 2:3:4' day to second" << (86400 + 7384) * s << 0 << 0;
        QTest::newRow("ANSI day to second") << "INTERVAL '1 02:03:04' DAY TO SECOND" << (86400 + 7384) * s << 0 << 0;
        QTest::newRow("day to second with a fraction") << "INTERVAL '0 00:00:01.5' DAY TO SECOND" << 1500000LL << 0 << 0;
        QTest::newRow("negative day to second") << "INTERVAL '-1 02:03:04' DAY TO SECOND" << -(86400 + 7384) * s << 0 << 0;
        QTest::newRow("minus outside the quotes") << "INTERVAL -'1 02:03:04' DAY TO SECOND" << -(86400 + 7384) * s << 0 << 0;
        QTest::newRow("hour to minute") << "INTERVAL '25:30' HOUR TO MINUTE" << (25 * 3600 + 1800) * s << 0 << 0;
        QTest::newRow("minute to second") << "interval '90:05' minute to second" << (90 * 60 + 5) * s << 0 << 0;
        QTest::newRow("day to hour") << "interval '2 5' day to hour" << (2 * 86400 + 5 * 3600) * s << 0 << 0;
        QTest::newRow("year to month") << "\tinterval '1-2' year to month" << 0LL << 0 << 14;
        QTest::newRow("negative year to month") << "INTERVAL '-1-2' YEAR TO MONTH" << 0LL << 0 << -14;
        QTest::newRow("year and month") << "interval '1' year '2' month" << 0LL << 0 << 14;
        QTest::newRow("typed literal") << "INTERVAL '1 day 2 hours'" << (86400 + 7200) * s << 0 << 0;
        QTest::newRow("a negative number") << "interval -3 days" << -3 * 86400 * s << 0 << 0;
        QTest::newRow("a string that is not a literal") << "1 day" << 0LL << 1 << 0;
    }
    void sqlLiterals()
    {
        QFETCH(QString, text);
        QFETCH(qint64, micros);
        QFETCH(int, days);
        QFETCH(int, months);
        auto r = parseInterval(text.toStdString(), IntervalReader::AnyLiteral);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->micros, micros);
        QCOMPARE(r->days, days);
        QCOMPARE(r->months, months);
        QCOMPARE(QString::fromStdString(r->text), text);
    }

    void sqlLiteralsThatDoNotParse_data()
    {
        QTest::addColumn<QString>("text");
        // SPARK-35815's invalid patterns, and the literal grammar's own refusals.
        for (const char* t : {"interval 4 foo", "interval '5' foo", "interval '1 2:3:4' day to hour", "interval '1 2' year to month",
                              "interval 1 year 2 days", "INTERVAL '1 year 2 days'", "interval '1 day 2' hour", "interval 1 day to second",
                              "interval '1 2:3:4' day to second '1' day", "interval '1' day '1 2:3:4' day to second", "interval '1-12' year to month",
                              "interval '1 24:00:00' day to second", "interval '1' month to day", "interval", "interval 3", "interval '3' day extra",
                              "interval 1.5 minutes", "interval '1 2:3:4' days to seconds"})
            QTest::newRow(t) << QString(t);
    }
    void sqlLiteralsThatDoNotParse()
    {
        QFETCH(QString, text);
        QVERIFY(!parseInterval(text.toStdString(), IntervalReader::AnyLiteral).ok());
    }

    void theUnitListReaderRefusesSqlLiterals()
    {
        // Trigger.ProcessingTime, a cast to interval and Spark before 3.2 read no ANSI literal.
        auto r = parseInterval("interval '10' second");
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().message), QString("Error parsing 'interval '10' second' to interval, unrecognized number ''10''"));
        QVERIFY(parseInterval("interval 10 seconds").ok());
    }

    void ansiLiteralsInExpressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<qint64>("micros");
        QTest::newRow("unit list") << "INTERVAL 10 SECONDS" << 10000000LL;
        QTest::newRow("quoted single unit") << "INTERVAL '10' SECOND" << 10000000LL;
        QTest::newRow("day to second") << "INTERVAL '1 02:03:04' DAY TO SECOND" << (86400LL + 7384) * 1000000;
        QTest::newRow("hour to minute, lower case") << "interval '1:30' hour to minute" << 5400LL * 1000000;
    }
    void ansiLiteralsInExpressions()
    {
        QFETCH(QString, expression);
        QFETCH(qint64, micros);
        auto r = parseExpression(expression.toStdString());
        QVERIFY(std::holds_alternative<AstPtr>(r));
        const AstPtr& a = std::get<AstPtr>(r);
        QCOMPARE(a->literal.asInt(), micros);
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
