// SPDX-License-Identifier: GPL-3.0-or-later
// WatermarkTracker: max event time minus delay, never backwards, global min/max policy.
#include "engine/exec/WatermarkTracker.h"
#include "tests/support/TestScenario.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

class TestWatermark : public QObject {
    Q_OBJECT
private slots:
    void startsAtZeroAndIgnoresNegativeCandidates()
    {
        WatermarkTracker t(1, {10000}, false);
        t.beginBatch();
        t.observe(0, 5000); // 5 s - 10 s = -5 s: the global watermark stays 0
        QCOMPARE(t.endBatch(), 0LL);
        t.beginBatch();
        t.observe(0, 12000);
        QCOMPARE(t.endBatch(), 2000LL);
    }

    void neverGoesBackwards()
    {
        WatermarkTracker t(1, {0}, false);
        t.beginBatch();
        t.observe(0, 50000);
        QCOMPARE(t.endBatch(), 50000LL);
        t.beginBatch();
        t.observe(0, 10000); // a very late row cannot move it back
        QCOMPARE(t.endBatch(), 50000LL);
        t.beginBatch(); // a batch without rows keeps it
        QCOMPARE(t.endBatch(), 50000LL);
    }

    void minPolicyWaitsForEveryInput()
    {
        // "Global watermark starts at 0 until we get data from both sides"
        WatermarkTracker t(2, {0, 0}, false);
        t.beginBatch();
        t.observe(0, 30000);
        QCOMPARE(t.endBatch(), 0LL);
        t.beginBatch();
        t.observe(1, 20000);
        QCOMPARE(t.endBatch(), 20000LL);
        t.beginBatch();
        t.observe(1, 40000);
        QCOMPARE(t.endBatch(), 30000LL);
    }

    void maxPolicyFollowsTheFastestInput()
    {
        WatermarkTracker t(2, {0, 5000}, true);
        t.beginBatch();
        t.observe(0, 30000);
        QCOMPARE(t.endBatch(), 30000LL);
        t.beginBatch();
        t.observe(1, 40000);
        QCOMPARE(t.endBatch(), 35000LL);
    }

    void reportedStatsAreTheFirstNodeWithRows()
    {
        WatermarkTracker t(2, {0, 0}, false);
        t.beginBatch();
        t.observe(1, 7000);
        t.observe(1, 9000);
        auto s = t.reportedStats();
        QVERIFY(s);
        QCOMPARE(s->min, 7000LL);
        QCOMPARE(s->max, 9000LL);
        QCOMPARE(s->avg, 8000.0);
    }

    void unionPolicies_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("watermarks");
        // left delay 5 s, right delay 10 s; left gets 20 s, later right gets 15 s
        QTest::newRow("min: waits for the right input, then the slower one") << "min" << "0 5";
        QTest::newRow("max: advances with the left input alone") << "max" << "15 15";
    }
    void unionPolicies()
    {
        QFETCH(QString, policy);
        QFETCH(QString, watermarks);
        TestScenario sc;
        sc.conf = "\"spark.sql.streaming.multipleWatermarkPolicy\": \"" + policy.toStdString() + "\"";
        sc.extraSources = R"("right": {"schema": {"k": "string", "t": "timestamp"}, "events": [{"at": 20, "row": {"k": "b", "t": 15}}]})";
        sc.query = R"("union": [{"source": "in", "withWatermark": {"column": "t", "delay": "5 seconds"}},
                                 {"source": "right", "withWatermark": {"column": "t", "delay": "10 seconds"}}],
                      "outputMode": "append", "trigger": {"processingTime": "10 seconds", "startAt": 0})";
        sc.events = {"0: a 20"};
        const ModeRun run = runMode(sc.load(), OutputMode::Append);
        QStringList got;
        for (const auto& b : run.batches)
            got << QString::number(b.nextWatermarkMs / 1000);
        QCOMPARE(got.join(' '), watermarks);
    }

    void nullEventTimeNeverEntersAWindow()
    {
        TestScenario sc;
        sc.query = R"("withWatermark": {"column": "t", "delay": "0 seconds"}, "groupBy": [{"window": {"column": "t", "duration": "10 seconds"}}],
                      "outputMode": "update", "trigger": {"processingTime": "10 seconds", "startAt": 0})";
        sc.events = {"0: a null", "0: b 3"};
        const ModeRun run = runMode(sc.load(), OutputMode::Update);
        QCOMPARE(run.batches[0].fates.size(), size_t(2));
        QCOMPARE(run.batches[0].fates[0].fate, Fate::NullEventTime);
        QCOMPARE(run.batches[0].fates[1].fate, Fate::OnTime);
        QCOMPARE(run.batches[0].sinkRows.size(), size_t(1));
        // EventTimeWatermarkExec reads a null as 0: the progress min is the epoch.
        QVERIFY(run.batches[0].eventTime);
        QCOMPARE(run.batches[0].eventTime->min, 0LL);
        QCOMPARE(run.batches[0].eventTime->count, 2LL);
    }

    void lateButAcceptedFate()
    {
        TestScenario sc;
        sc.query = R"("withWatermark": {"column": "t", "delay": "10 minutes"}, "groupBy": [{"window": {"column": "t", "duration": "10 minutes"}}],
                      "outputMode": "update", "trigger": {"processingTime": "10 seconds", "startAt": 0})";
        sc.events = {"0: a 840", "0: b 540", "20: c 900"};
        const ModeRun run = runMode(sc.load(), OutputMode::Update);
        QCOMPARE(run.batches[0].fates[0].fate, Fate::OnTime);
        QCOMPARE(run.batches[0].fates[1].fate, Fate::LateAccepted); // 09:00 arrived after 14:00
        QCOMPARE(run.batches[2].fates[0].fate, Fate::OnTime);
    }
};

QTEST_APPLESS_MAIN(TestWatermark)
#include "tst_watermark.moc"
