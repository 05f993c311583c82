// SPDX-License-Identifier: GPL-3.0-or-later
// Window assignment, as Spark's TimeWindowing rule computes it (ResolveTimeWindows.scala).
#include "engine/expr/TimeWindows.h"

#include <QtTest>

using namespace tidemark;

class TestWindowAssign : public QObject {
    Q_OBJECT
private slots:
    void assign_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<qint64>("slide");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("ts");
        QTest::addColumn<QString>("expected"); // windows in seconds, oldest first

        // tumbling
        QTest::newRow("tumbling inside") << "4.0" << 600LL << 600LL << 0LL << 425LL << "[0,600)";
        QTest::newRow("tumbling on the start boundary belongs to the new window") << "4.0" << 600LL << 600LL << 0LL << 600LL << "[600,1200)";
        QTest::newRow("tumbling one microsecond before the boundary") << "4.0" << 600LL << 600LL << 0LL << -1LL << "[-600,0)";
        // sliding, duration divisible by slide: every candidate kept
        QTest::newRow("sliding 10m/5m inside") << "4.0" << 600LL << 300LL << 0LL << 420LL << "[0,600) [300,900)";
        QTest::newRow("sliding 10m/5m on a boundary") << "4.0" << 600LL << 300LL << 0LL << 600LL << "[300,900) [600,1200)";
        QTest::newRow("sliding 30m/15m as in the notebook") << "4.0" << 1800LL << 900LL << 0LL << 1625238060LL
                                                            << "[1625237100,1625238900) [1625238000,1625239800)";
        // non-divisible: candidates filtered by start <= ts < end
        QTest::newRow("non-divisible 10s/3s gives 3 windows") << "4.0" << 10LL << 3LL << 0LL << 10LL << "[3,13) [6,16) [9,19)";
        QTest::newRow("non-divisible 10s/3s gives 4 windows") << "4.0" << 10LL << 3LL << 0LL << 9LL << "[0,10) [3,13) [6,16) [9,19)";
        // startTime offsets
        QTest::newRow("startTime 5s shifts tumbling windows") << "4.0" << 10LL << 10LL << 5LL << 12LL << "[5,15)";
        QTest::newRow("negative startTime") << "4.0" << 10LL << 10LL << -3LL << 12LL << "[7,17)";
        // negative timestamps (DataFrameTimeWindowingSuite "negative timestamps")
        QTest::newRow("less than one slide before epoch+offset") << "4.0" << 10LL << 10LL << 5LL << 2LL << "[-5,5)";
        QTest::newRow("far before epoch, fixed in 3.4") << "3.4" << 10LL << 10LL << 5LL << -86398LL << "[-86405,-86395)";
        QTest::newRow("far before epoch, 3.2 used ceil and was right") << "3.2" << 10LL << 10LL << 5LL << -86398LL << "[-86405,-86395)";
        QTest::newRow("far before epoch, 3.3 bug puts it after the time") << "3.3" << 10LL << 10LL << 5LL << -86398LL << "[-86395,-86385)";
    }

    void assign()
    {
        QFETCH(QString, version);
        QFETCH(qint64, duration);
        QFETCH(qint64, slide);
        QFETCH(qint64, start);
        QFETCH(qint64, ts);
        QFETCH(QString, expected);
        const TimeWindowSpec spec{duration * kMicrosPerSecond, slide * kMicrosPerSecond, start * kMicrosPerSecond};
        std::vector<TimeRange> windows;
        // "one microsecond before": the row name says so, the value -1 stands for -1 µs
        const Micros t = QString(QTest::currentDataTag()).contains("microsecond") ? ts : ts * kMicrosPerSecond;
        spec.assign(t, *SparkVersion::parse(version.toStdString()), windows);
        QStringList got;
        for (const auto& w : windows)
            got << QString("[%1,%2)").arg(w.start / kMicrosPerSecond).arg(w.end / kMicrosPerSecond);
        QCOMPARE(got.join(' '), expected);
    }

    void sameWindowsEitherSideOfTheSixtyBitShortcut()
    {
        // Times and window specs below 2^60 µs in magnitude are computed in 64 bits, the rest
        // in 128: both must give what the formula gives in exact arithmetic, for the fixed
        // formula and for 3.3's truncating one.
        __extension__ typedef __int128 Wide;
        const auto reference = [](const TimeWindowSpec& spec, Micros ts, bool truncating) {
            const Wide slide = spec.slide;
            const Wide mod = (Wide{ts} - spec.startTime) % slide;
            const Wide lastStart = truncating ? Wide{ts} - (Wide{ts} - spec.startTime + slide) % slide : Wide{ts} - (mod < 0 ? mod + slide : mod);
            QStringList out;
            for (std::int64_t i = spec.windowsPerRow() - 1; i >= 0; --i) {
                const Wide start = lastStart - Wide{i} * slide;
                const Wide end = start + spec.duration;
                if (start < INT64_MIN || end > INT64_MAX)
                    continue;
                if (spec.duration % spec.slide != 0 && !(ts >= start && ts < end))
                    continue;
                out << QString("[%1,%2)").arg(static_cast<qint64>(start)).arg(static_cast<qint64>(end));
            }
            return out.join(' ');
        };
        const Micros edge = Micros{1} << 60;
        const std::vector<TimeWindowSpec> specs = {{10 * kMicrosPerSecond, 10 * kMicrosPerSecond, 5 * kMicrosPerSecond},
                                                   {10 * kMicrosPerSecond, 3 * kMicrosPerSecond, -2 * kMicrosPerSecond},
                                                   {edge - 1, edge - 1, 0},
                                                   {edge, edge / 2, 0},
                                                   {7 * kMicrosPerSecond, 7 * kMicrosPerSecond, edge}};
        const std::vector<Micros> times = {0, -1, edge - 1, edge, edge + 1, -edge + 1, -edge, -edge - 1, INT64_MAX / 2, INT64_MIN / 2};
        std::vector<TimeRange> windows;
        for (const auto& spec : specs)
            for (const Micros ts : times)
                for (const SparkVersion version : {SparkVersion{3, 3}, SparkVersion{4, 0}}) {
                    spec.assign(ts, version, windows);
                    QStringList got;
                    for (const auto& w : windows)
                        got << QString("[%1,%2)").arg(w.start).arg(w.end);
                    QCOMPARE(got.join(' '), reference(spec, ts, version.hasNegativeWindowStartBug()));
                }
    }

    void everyWindowContainsItsTime()
    {
        // Property: for the fixed formula, each assigned window contains the timestamp.
        const TimeWindowSpec spec{7 * kMicrosPerSecond, 3 * kMicrosPerSecond, 1 * kMicrosPerSecond};
        std::vector<TimeRange> windows;
        for (Micros ts = -50 * kMicrosPerSecond; ts <= 50 * kMicrosPerSecond; ts += 250 * kMicrosPerMilli) {
            spec.assign(ts, SparkVersion{4, 0}, windows);
            QVERIFY(!windows.empty());
            for (const auto& w : windows)
                QVERIFY2(w.start <= ts && ts < w.end, qPrintable(QString::number(ts)));
        }
    }
};

QTEST_APPLESS_MAIN(TestWindowAssign)
#include "tst_windowassign.moc"
