// SPDX-License-Identifier: GPL-3.0-or-later
// Session time zones as Spark's java.time resolves them: the tz database's history (Seoul's
// 1987-88 daylight time, New York, Berlin), the rule a TZif file ends with (past 2037), gaps
// and overlaps, fixed offsets and the errors for IDs that are not zones.
#include "engine/time/TimeFormat.h"
#include "engine/time/TimeZone.h"

#include <QtTest>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

using namespace tidemark;

namespace {

/// "yyyy-MM-dd HH:mm:ss" read as a wall clock without a zone.
Micros wallClock(const QString& text)
{
    auto t = parseTimestamp(text.toStdString(), TimeZone(), std::nullopt);
    return t.ok() ? t.value() : std::numeric_limits<Micros>::min();
}

/// The region IDs the tz database lists (its zones and links), as java.time's ZoneId knows them.
QStringList databaseRegions()
{
    QStringList ids;
    std::ifstream in("/usr/share/zoneinfo/tzdata.zi");
    std::string line;
    while (std::getline(in, line)) {
        // "Z Asia/Seoul 8:27:52 - LMT 1908 Ap" (a zone), "L Asia/Seoul ROK" (a link named ROK)
        if (line.size() < 3 || line[1] != ' ' || (line[0] != 'Z' && line[0] != 'L'))
            continue;
        std::istringstream fields(line.substr(2));
        std::string first, second;
        fields >> first >> second;
        ids << QString::fromStdString(line[0] == 'Z' ? first : second);
    }
    // The tz database's placeholder zone, which java.time does not know.
    ids.removeAll(QStringLiteral("Factory"));
    return ids;
}

/// Sets TZ for the C library for the life of the object.
class CLibraryZone {
public:
    explicit CLibraryZone(const QString& id)
    {
        const char* old = std::getenv("TZ");
        m_old = old ? old : "";
        m_had = old != nullptr;
        ::setenv("TZ", (":" + id.toStdString()).c_str(), 1);
        ::tzset();
    }
    ~CLibraryZone()
    {
        if (m_had)
            ::setenv("TZ", m_old.c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
    CLibraryZone(const CLibraryZone&) = delete;
    CLibraryZone& operator=(const CLibraryZone&) = delete;

private:
    std::string m_old;
    bool m_had = false;
};

} // namespace

class TestTimeZone : public QObject {
    Q_OBJECT
private slots:
    void offsets_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("utc");
        QTest::addColumn<int>("offsetSeconds");
        // Seoul kept daylight time in 1987 and 1988 only (for the Olympics): +10 from the second
        // Sunday of May 02:00 to the second Sunday of October 03:00.
        QTest::newRow("Seoul before 1987's daylight time") << "Asia/Seoul" << "1987-05-09 16:59:59" << 9 * 3600;
        QTest::newRow("Seoul 1987 daylight time starts") << "Asia/Seoul" << "1987-05-09 17:00:00" << 10 * 3600;
        QTest::newRow("Seoul 1987 daylight time's last second") << "Asia/Seoul" << "1987-10-10 16:59:59" << 10 * 3600;
        QTest::newRow("Seoul 1987 daylight time ends") << "Asia/Seoul" << "1987-10-10 17:00:00" << 9 * 3600;
        QTest::newRow("Seoul 1988 daylight time starts") << "Asia/Seoul" << "1988-05-07 17:00:00" << 10 * 3600;
        QTest::newRow("Seoul 1988 daylight time ends") << "Asia/Seoul" << "1988-10-08 17:00:00" << 9 * 3600;
        QTest::newRow("Seoul summer 1989 has none") << "Asia/Seoul" << "1989-07-01 00:00:00" << 9 * 3600;
        QTest::newRow("Seoul's local mean time before 1908") << "Asia/Seoul" << "1900-01-01 00:00:00" << 30472;
        QTest::newRow("ROK is a link to Seoul") << "ROK" << "1987-07-01 00:00:00" << 10 * 3600;
        QTest::newRow("New York 2021 spring forward") << "America/New_York" << "2021-03-14 07:00:00" << -4 * 3600;
        QTest::newRow("New York the second before it") << "America/New_York" << "2021-03-14 06:59:59" << -5 * 3600;
        QTest::newRow("New York 2021 fall back") << "America/New_York" << "2021-11-07 06:00:00" << -5 * 3600;
        QTest::newRow("New York the second before it ") << "America/New_York" << "2021-11-07 05:59:59" << -4 * 3600;
        QTest::newRow("Berlin 2021 spring forward") << "Europe/Berlin" << "2021-03-28 01:00:00" << 2 * 3600;
        QTest::newRow("Berlin the second before it") << "Europe/Berlin" << "2021-03-28 00:59:59" << 3600;
        QTest::newRow("Berlin 2021 fall back") << "Europe/Berlin" << "2021-10-31 01:00:00" << 3600;
        QTest::newRow("Etc/GMT+5 is five hours west") << "Etc/GMT+5" << "2021-07-01 00:00:00" << -5 * 3600;
        // Past the last transition a TZif file lists (2037), the POSIX TZ rule at its end applies,
        // as java.time keeps applying a zone's last rules.
        QTest::newRow("New York 2045 spring forward") << "America/New_York" << "2045-03-12 07:00:00" << -4 * 3600;
        QTest::newRow("New York summer 2100") << "America/New_York" << "2100-07-01 00:00:00" << -4 * 3600;
        QTest::newRow("Berlin 2045 fall back") << "Europe/Berlin" << "2045-10-29 00:59:59" << 2 * 3600;
        QTest::newRow("Berlin after it") << "Europe/Berlin" << "2045-10-29 01:00:00" << 3600;
        QTest::newRow("Sydney's summer spans the new year") << "Australia/Sydney" << "2050-01-01 00:00:00" << 11 * 3600;
        QTest::newRow("Sydney 2045 daylight time ends") << "Australia/Sydney" << "2045-04-01 16:00:00" << 10 * 3600;
        // "IST-2IDT,M3.4.4/26,M10.5.0": 26:00 on the fourth Thursday, past what POSIX allows.
        QTest::newRow("Jerusalem 2045 on Friday 02:00") << "Asia/Jerusalem" << "2045-03-24 00:00:00" << 3 * 3600;
        QTest::newRow("Jerusalem the second before") << "Asia/Jerusalem" << "2045-03-23 23:59:59" << 2 * 3600;
    }
    void offsets()
    {
        QFETCH(QString, zone);
        QFETCH(QString, utc);
        QFETCH(int, offsetSeconds);
        auto z = TimeZone::load(zone.toStdString());
        QVERIFY2(z.ok(), z.ok() ? "" : z.error().message.c_str());
        QCOMPARE(z->offsetSecondsAt(wallClock(utc)), std::int64_t(offsetSeconds));
    }

    void fromLocal_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("local");
        QTest::addColumn<QString>("utc");
        // java.time (ZonedDateTime.of, Spark's DateTimeUtils.convertTz): in an overlap the
        // earlier offset, in a gap the time moves forward by the gap's length.
        QTest::newRow("Seoul 1987 gap moves forward") << "Asia/Seoul" << "1987-05-10 02:30:00" << "1987-05-09 17:30:00";
        QTest::newRow("Seoul 1987 gap's first second") << "Asia/Seoul" << "1987-05-10 02:00:00" << "1987-05-09 17:00:00";
        QTest::newRow("Seoul 1987 overlap takes daylight time") << "Asia/Seoul" << "1987-10-11 02:30:00" << "1987-10-10 16:30:00";
        QTest::newRow("Seoul after the overlap") << "Asia/Seoul" << "1987-10-11 03:00:00" << "1987-10-10 18:00:00";
        QTest::newRow("Seoul 1988 gap") << "Asia/Seoul" << "1988-05-08 02:59:59" << "1988-05-07 17:59:59";
        QTest::newRow("Seoul 1988 overlap") << "Asia/Seoul" << "1988-10-09 02:00:00" << "1988-10-08 16:00:00";
        QTest::newRow("New York 2021 gap") << "America/New_York" << "2021-03-14 02:00:00" << "2021-03-14 07:00:00";
        QTest::newRow("New York 2021 overlap") << "America/New_York" << "2021-11-07 01:00:00" << "2021-11-07 05:00:00";
        QTest::newRow("New York 2045 gap") << "America/New_York" << "2045-03-12 02:30:00" << "2045-03-12 07:30:00";
        QTest::newRow("New York 2045 overlap") << "America/New_York" << "2045-11-05 01:30:00" << "2045-11-05 05:30:00";
        QTest::newRow("Berlin 2021 gap") << "Europe/Berlin" << "2021-03-28 02:30:00" << "2021-03-28 01:30:00";
        QTest::newRow("Berlin 2021 overlap") << "Europe/Berlin" << "2021-10-31 02:30:00" << "2021-10-31 00:30:00";
        QTest::newRow("Berlin after the overlap") << "Europe/Berlin" << "2021-10-31 03:00:00" << "2021-10-31 02:00:00";
        QTest::newRow("a fixed offset") << "+05:30" << "2021-07-01 00:00:00" << "2021-06-30 18:30:00";
    }
    void fromLocal()
    {
        QFETCH(QString, zone);
        QFETCH(QString, local);
        QFETCH(QString, utc);
        auto z = TimeZone::load(zone.toStdString());
        QVERIFY(z.ok());
        QCOMPARE(QString::fromStdString(formatTimestamp(z->fromLocal(wallClock(local)), TimeZone())), utc);
    }

    void bothInstantsOfAnOverlapPrintTheSame()
    {
        // Spark prints a timestamp as local time without its offset.
        const TimeZone seoul = TimeZone::load("Asia/Seoul").value();
        QCOMPARE(QString::fromStdString(formatTimestamp(wallClock("1987-10-10 16:30:00"), seoul)), QString("1987-10-11 02:30:00"));
        QCOMPARE(QString::fromStdString(formatTimestamp(wallClock("1987-10-10 17:30:00"), seoul)), QString("1987-10-11 02:30:00"));
    }

    void fixedOffsets_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<int>("offsetSeconds");
        // ZoneId.of's spellings: ZoneOffset.of's, and UTC/GMT/UT with one.
        QTest::newRow("+09:00") << "+09:00" << 9 * 3600;
        QTest::newRow("+9") << "+9" << 9 * 3600;
        QTest::newRow("+0930") << "+0930" << 9 * 3600 + 1800;
        QTest::newRow("+09:30:15") << "+09:30:15" << 9 * 3600 + 1815;
        QTest::newRow("-05") << "-05" << -5 * 3600;
        QTest::newRow("+18:00 is the largest") << "+18:00" << 18 * 3600;
        QTest::newRow("UTC+9") << "UTC+9" << 9 * 3600;
        QTest::newRow("GMT-03:30") << "GMT-03:30" << -(3 * 3600 + 1800);
        QTest::newRow("UT+01") << "UT+01" << 3600;
        QTest::newRow("UTC") << "UTC" << 0;
        QTest::newRow("GMT") << "GMT" << 0;
        QTest::newRow("Z") << "Z" << 0;
        QTest::newRow("Etc/UTC") << "Etc/UTC" << 0;
    }
    void fixedOffsets()
    {
        QFETCH(QString, zone);
        QFETCH(int, offsetSeconds);
        auto z = TimeZone::load(zone.toStdString());
        QVERIFY2(z.ok(), z.ok() ? "" : z.error().message.c_str());
        QCOMPARE(QString::fromStdString(z->id()), zone);
        for (Micros t : {Micros(0), wallClock("1987-07-01 00:00:00"), wallClock("2045-07-01 00:00:00")})
            QCOMPARE(z->offsetSecondsAt(t), std::int64_t(offsetSeconds));
    }

    void notZones_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("hint");
        QTest::newRow("a misspelled region") << "Asia/Seol" << "(did you mean \"Asia/Seoul\"?)";
        QTest::newRow("a folder") << "Europe" << "a folder of zones; did you mean one in it, such as \"Europe/";
        QTest::newRow("past +18:00") << "+19:00" << "unknown time zone '+19:00'";
        QTest::newRow("one-digit hours with minutes") << "+9:30" << "unknown time zone '+9:30'";
        QTest::newRow("the system's own zone file") << "localtime" << "unknown time zone 'localtime'";
        QTest::newRow("the tz database's placeholder") << "Factory" << "unknown time zone 'Factory'";
        QTest::newRow("a copy with leap seconds") << "right/UTC" << "unknown time zone 'right/UTC'";
        QTest::newRow("a table") << "zone1970.tab" << "unknown time zone";
        QTest::newRow("lower case") << "asia/seoul" << "(did you mean \"Asia/Seoul\"?)";
    }
    void notZones()
    {
        QFETCH(QString, zone);
        QFETCH(QString, hint);
        auto z = TimeZone::load(zone.toStdString());
        QVERIFY(!z.ok());
        const QString message = QString::fromStdString(z.error().message);
        QVERIFY2(message.contains(hint), qPrintable(message));
        QVERIFY2(message.contains("expected a region such as \"Asia/Seoul\" or an offset such as \"+09:00\""), qPrintable(message));
    }

    void everyRegionAgreesWithTheCLibrary()
    {
        // glibc reads the same TZif files with its own code: every zone and link, every week
        // and an hour from 1900 to 2100, must give the same offset.
        const QStringList regions = databaseRegions();
        QVERIFY(regions.size() > 500);
        const std::time_t from = -2208988800, to = 4102444800, step = 7 * 86400 + 3607;
        for (const QString& id : regions) {
            auto zone = TimeZone::load(id.toStdString());
            QVERIFY2(zone.ok(), qPrintable(id + ": " + QString::fromStdString(zone.ok() ? "" : zone.error().message)));
            const CLibraryZone cZone(id);
            for (std::time_t t = from; t < to; t += step) {
                std::tm parts{};
                ::localtime_r(&t, &parts);
                if (zone->offsetSecondsAt(t * kMicrosPerSecond) != parts.tm_gmtoff)
                    QFAIL(qPrintable(QString("%1 at %2: %3 s, the C library says %4 s")
                                         .arg(id, QString::fromStdString(formatTimestamp(t * kMicrosPerSecond, TimeZone())))
                                         .arg(zone->offsetSecondsAt(t * kMicrosPerSecond))
                                         .arg(parts.tm_gmtoff)));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestTimeZone)
#include "tst_timezone.moc"
