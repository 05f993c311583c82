// SPDX-License-Identifier: GPL-3.0-or-later
// Timestamps as Spark prints and parses them, in a session time zone.
#include "engine/schema/ValueText.h"
#include "engine/time/TimeFormat.h"

#include <QtTest>

using namespace tidemark;

class TestTimeFormat : public QObject {
    Q_OBJECT
private slots:
    void format_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Seoul is UTC+9") << "Asia/Seoul" << 1625238000000000LL << "2021-07-03 00:00:00";
        QTest::newRow("UTC") << "UTC" << 1625238000000000LL << "2021-07-02 15:00:00";
        QTest::newRow("fraction trimmed") << "UTC" << 1500000LL << "1970-01-01 00:00:01.5";
        QTest::newRow("microseconds kept") << "UTC" << 1000001LL << "1970-01-01 00:00:01.000001";
        QTest::newRow("before the epoch") << "UTC" << -1000000LL << "1969-12-31 23:59:59";
        QTest::newRow("fixed offset") << "+05:30" << 0LL << "1970-01-01 05:30:00";
        QTest::newRow("New York summer time") << "America/New_York" << 1625238000000000LL << "2021-07-02 11:00:00";
        QTest::newRow("New York winter time") << "America/New_York" << 1609459200000000LL << "2020-12-31 19:00:00";
        // java.time's ISO_LOCAL_DATE (Spark's formatter): four digits, a sign past them.
        QTest::newRow("last second of 9999") << "UTC" << 253402300799000000LL << "9999-12-31 23:59:59";
        QTest::newRow("year 10000 gets a plus") << "UTC" << 253402300800000000LL << "+10000-01-01 00:00:00";
        QTest::newRow("year 10000 in Seoul") << "Asia/Seoul" << 253402268400000000LL << "+10000-01-01 00:00:00";
        QTest::newRow("year 999 is padded") << "UTC" << -30641760000000000LL << "0999-01-01 00:00:00";
        QTest::newRow("year -1 keeps four digits") << "UTC" << -62198755200000000LL << "-0001-01-01 00:00:00";
    }
    void format()
    {
        QFETCH(QString, zone);
        QFETCH(qint64, micros);
        QFETCH(QString, expected);
        auto z = TimeZone::load(zone.toStdString());
        QVERIFY(z.ok());
        QCOMPARE(QString::fromStdString(formatTimestamp(micros, *z)), expected);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("date time in Seoul") << "Asia/Seoul" << "2021-07-03 00:00:00" << 1625238000LL;
        QTest::newRow("time of day on the scenario date") << "Asia/Seoul" << "00:10" << 1625238600LL;
        QTest::newRow("T separator") << "UTC" << "2021-07-02T15:00:00" << 1625238000LL;
        QTest::newRow("date only is midnight") << "UTC" << "2021-07-03" << 1625270400LL;
        // java.time resolution: an overlap takes the earlier instant, a gap moves forward.
        QTest::newRow("New York fall-back overlap takes the earlier offset") << "America/New_York" << "2021-11-07 01:30:00" << 1636263000LL;
        QTest::newRow("New York spring-forward gap moves forward") << "America/New_York" << "2021-03-14 02:30:00" << 1615707000LL;
    }
    void parse()
    {
        QFETCH(QString, zone);
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        auto z = TimeZone::load(zone.toStdString());
        QVERIFY(z.ok());
        auto t = parseTimestamp(text.toStdString(), *z, parseDate("2021-07-03"));
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        QCOMPARE(t.value(), seconds * kMicrosPerSecond);
    }

    void badTimes()
    {
        auto z = TimeZone::load("UTC");
        QVERIFY(!parseTimestamp("25:00", *z, parseDate("2021-07-03")).ok());
        QVERIFY(!parseTimestamp("2021-13-01 00:00:00", *z, std::nullopt).ok());
        QVERIFY(!parseTimestamp("yesterday", *z, std::nullopt).ok());
        auto noDate = parseTimestamp("10:00", *z, std::nullopt);
        QVERIFY(!noDate.ok());
        QVERIFY(QString::fromStdString(noDate.error().message).contains("no \"date\""));
        QVERIFY(!TimeZone::load("Mars/Olympus").ok());
    }

    void isoProgressFormat() { QCOMPARE(QString::fromStdString(formatIsoUtcMillis(1625238000123LL)), QString("2021-07-02T15:00:00.123Z")); }

    void javaDoubles_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("integral") << 4.0 << "4.0";
        QTest::newRow("notebook average") << 26.5 << "26.5";
        QTest::newRow("notebook stddev") << 49.00680224893955 << "49.00680224893955";
        QTest::newRow("ten million switches to E notation") << 1e7 << "1.0E7";
        QTest::newRow("just below ten million") << 9999999.5 << "9999999.5";
        QTest::newRow("small") << 0.001 << "0.001";
        QTest::newRow("smaller switches") << 0.0001 << "1.0E-4";
        QTest::newRow("negative") << -2.25 << "-2.25";
    }
    void javaDoubles()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(javaDoubleToString(value)), expected);
    }
};

QTEST_APPLESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
