// SPDX-License-Identifier: GPL-3.0-or-later
// The processing-time clock: ticks, skipped ticks, no-data batches, batch durations,
// rate limits, and the Once / AvailableNow / default triggers (MicroBatchExecution,
// ProcessingTimeExecutor).
#include "tests/support/TestScenario.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// "t=<s> B<id>" for executed batches, "t=<s> skip xN" for skipped runs.
QString describeTicks(const ModeRun& run)
{
    QStringList out;
    for (const auto& t : run.ticks) {
        const QString at = QString::number(static_cast<double>(t.time) / kMicrosPerSecond);
        if (t.batchId >= 0)
            out << QString("t=%1 B%2").arg(at).arg(t.batchId);
        else
            out << QString("t=%1 skip x%2").arg(at).arg(t.count);
    }
    return out.join(", ");
}

QString inputCounts(const ModeRun& run)
{
    QStringList out;
    for (const auto& b : run.batches)
        out << QString("%1%2").arg(b.numInputRows).arg(b.noData ? "n" : "");
    return out.join(' ');
}

const char* kWindowed = R"("withWatermark": {"column": "t", "delay": "0 seconds"},
    "groupBy": [{"window": {"column": "t", "duration": "10 seconds"}}], )";

} // namespace

class TestTriggers : public QObject {
    Q_OBJECT
private slots:
    void ticks_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("conf");
        QTest::addColumn<QString>("sourceOptions");
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<QString>("ticks");
        QTest::addColumn<QString>("inputs"); // rows per batch, "n" marks a no-data batch

        QTest::newRow("first tick at the start, then every interval; idle ticks are skipped without a batch id")
            << QString(kWindowed) + R"("outputMode": "update", "trigger": {"processingTime": "10 seconds", "startAt": 0})" << ""
            << "" << QStringList{"0: a 1", "35: a 2"}
            << "t=0 B0, t=10 B1, t=20 skip x2, t=40 B2, t=50 B3" << "1 0n 1 0n";
        QTest::newRow("start defaults to the earliest arrival rounded down to the interval")
            << QString(kWindowed) + R"("outputMode": "update", "trigger": {"processingTime": "10 seconds"})" << "" << ""
            << QStringList{"37: a 1"} << "t=30 skip x1, t=40 B0, t=50 B1" << "1 0n";
        QTest::newRow("no-data batches disabled")
            << QString(kWindowed) + R"("outputMode": "update", "trigger": {"processingTime": "10 seconds", "startAt": 0})"
            << R"("spark.sql.streaming.noDataMicroBatches.enabled": false)" << "" << QStringList{"0: a 1", "35: a 2"}
            << "t=0 B0, t=10 skip x3, t=40 B1" << "1 1";
        QTest::newRow("a stateless query never runs a no-data batch")
            << R"("withWatermark": {"column": "t", "delay": "0 seconds"}, "outputMode": "append", "trigger": {"processingTime": "10 seconds", "startAt": 0})"
            << "" << "" << QStringList{"0: a 1", "15: a 2"} << "t=0 B0, t=10 skip x1, t=20 B1" << "1 1";
        QTest::newRow("complete mode aggregation runs no no-data batch")
            << QString(kWindowed) + R"("outputMode": "complete", "trigger": {"processingTime": "10 seconds", "startAt": 0})" << "" << ""
            << QStringList{"0: a 1", "25: a 2"} << "t=0 B0, t=10 skip x2, t=30 B1" << "1 1";
        QTest::newRow("a batch that overruns the interval: the next trigger fires when it ends")
            << QString(kWindowed) + R"("outputMode": "update", "trigger": {"processingTime": "10 seconds", "batchDuration": "15 seconds", "startAt": 0})"
            << "" << "" << QStringList{"0: a 1", "12: a 2", "40: a 50"} << "t=0 B0, t=15 B1, t=30 B2, t=45 B3, t=60 B4"
            << "1 1 0n 1 0n";
        QTest::newRow("maxEventsPerTrigger splits what has arrived")
            << QString(kWindowed) + R"("outputMode": "update", "trigger": {"processingTime": "10 seconds", "startAt": 0})" << ""
            << R"("maxEventsPerTrigger": 2)" << QStringList{"0: a 1", "0: a 2", "0: a 3", "0: a 4", "0: a 5"}
            << "t=0 B0, t=10 B1, t=20 B2, t=30 B3" << "2 2 1 0n";
        QTest::newRow("Trigger.Once reads what arrived at start, ignores rate limits, no no-data batch")
            << QString(kWindowed) + R"("outputMode": "update", "trigger": {"once": true, "startAt": 0})" << ""
            << R"("maxEventsPerTrigger": 1)" << QStringList{"0: a 1", "0: a 2", "0: a 3", "50: a 60"} << "t=0 B0" << "3";
        QTest::newRow("Trigger.AvailableNow honours rate limits, runs the no-data batch, then stops")
            << QString(kWindowed) + R"("outputMode": "update", "trigger": {"availableNow": true, "startAt": 0})" << ""
            << R"("maxEventsPerTrigger": 2)" << QStringList{"0: a 1", "0: a 2", "0: a 3", "50: a 60"}
            << "t=0 B0, t=0 B1, t=0 B2" << "2 1 0n";
        QTest::newRow("default trigger: a batch as soon as data arrives, the no-data batch right after")
            << QString(kWindowed) + R"("outputMode": "update")" << "" << "" << QStringList{"5: a 1", "9: a 2", "9: a 3"}
            << "t=5 B0, t=5 B1, t=9 B2, t=9 B3" << "1 0n 2 0n";
        QTest::newRow("a Kafka source runs batch 0 at start even before any message")
            << QString(kWindowed) + R"("outputMode": "update", "trigger": {"processingTime": "10 seconds", "startAt": 0})" << ""
            << R"("format": "kafka")" << QStringList{"15: a 1"} << "t=0 B0, t=10 skip x1, t=20 B1, t=30 B2" << "0 1 0n";
    }

    void ticks()
    {
        QFETCH(QString, query);
        QFETCH(QString, conf);
        QFETCH(QString, sourceOptions);
        QFETCH(QStringList, events);
        QFETCH(QString, ticks);
        QFETCH(QString, inputs);
        TestScenario sc;
        sc.query = query.toStdString();
        sc.conf = conf.toStdString();
        sc.sourceOptions = sourceOptions.toStdString();
        for (const auto& e : events)
            sc.events.push_back(e.toStdString());
        const Scenario scenario = sc.load();
        // The clock does not depend on the output mode; run the file's.
        auto plan = analyze(scenario);
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().text().c_str());
        const ModeRun run = runMode(scenario, plan->mode);
        QCOMPARE(describeTicks(run), ticks);
        QCOMPARE(inputCounts(run), inputs);
    }

    void onceAndAvailableNowLeaveLaterEventsUnread()
    {
        TestScenario sc;
        sc.query = std::string(kWindowed) + R"("outputMode": "update", "trigger": {"once": true, "startAt": 0})";
        sc.events = {"0: a 1", "50: a 60"};
        const ModeRun run = runMode(sc.load(), OutputMode::Update);
        QCOMPARE(run.unconsumed.size(), size_t(1));
        QCOMPARE(run.unconsumed[0].event, 1u);
        QCOMPARE(run.unconsumed[0].fate, Fate::Unconsumed);
    }

    void triggerTimesAreOnTheIntervalGrid()
    {
        // ProcessingTimeExecutor.nextBatchTime: after a trigger at t, the next is the next
        // multiple of the interval, even if the query started off the grid.
        TestScenario sc;
        sc.query = std::string(kWindowed) + R"("outputMode": "update", "trigger": {"processingTime": "10 seconds", "startAt": 3})";
        sc.events = {"3: a 1", "14: a 2"};
        const ModeRun run = runMode(sc.load(), OutputMode::Update);
        QCOMPARE(describeTicks(run), QString("t=3 B0, t=10 B1, t=20 B2, t=30 B3"));
    }
};

QTEST_APPLESS_MAIN(TestTriggers)
#include "tst_triggers.moc"
