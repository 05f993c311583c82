// SPDX-License-Identifier: GPL-3.0-or-later
// Each stateful operator under each output mode, batch by batch, at Spark's boundaries.
// Cases follow EventTimeWatermarkSuite, StreamingDeduplicationSuite and
// StreamingSessionWindowSuite; arrivals are spaced so that, as with processAllAvailable,
// the no-data batch after a watermark advance runs before the next data.
#include "tests/support/TestScenario.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

Q_DECLARE_METATYPE(tidemark::OutputMode)

namespace {
const char* kWindow5s = R"("withWatermark": {"column": "t", "delay": "10 seconds"},
    "groupBy": [{"window": {"column": "t", "duration": "5 seconds"}}], "trigger": {"processingTime": "1 second"})";
const char* kSession = R"("withWatermark": {"column": "t", "delay": "10 seconds"},
    "groupBy": ["k", {"session_window": {"column": "t", "gap": "5 seconds"}}], "trigger": {"processingTime": "1 second"})";
} // namespace

class TestOutputModes : public QObject {
    Q_OBJECT
private slots:
    void batches_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<OutputMode>("mode");
        QTest::addColumn<QStringList>("expected");

        const QStringList suite = {"100: x 10", "100: x 11", "100: x 12", "100: x 13", "100: x 14", "100: x 15", "110: x 25", "120: x 10"};
        QTest::newRow("window append: emitted once when the watermark passes its end; equal end is late")
            << "4.0" << kWindow5s << suite << OutputMode::Append
            << QStringList{"B0 wm=0 late=0: | dropped=0 state=2", "B1 nodata wm=5 late=0: | dropped=0 state=2",
                           "B2 wm=5 late=5: | dropped=0 state=3", "B3 nodata wm=15 late=5: [10,15) 5 | dropped=0 state=2",
                           "B4 wm=15 late=15: | dropped=1 state=2"};
        QTest::newRow("window update: every updated window, silent eviction")
            << "4.0" << kWindow5s << suite << OutputMode::Update
            << QStringList{"B0 wm=0 late=0: [10,15) 5; [15,20) 1 | dropped=0 state=2", "B1 nodata wm=5 late=0: | dropped=0 state=2",
                           "B2 wm=5 late=5: [25,30) 1 | dropped=0 state=3", "B3 nodata wm=15 late=5: | dropped=0 state=2",
                           "B4 wm=15 late=15: | dropped=1 state=2"};
        QTest::newRow("window complete: no late filter, no eviction, no no-data batch")
            << "4.0" << kWindow5s << suite << OutputMode::Complete
            << QStringList{"B0 wm=0 late=0: [10,15) 5; [15,20) 1 | dropped=0 state=2",
                           "B1 wm=5 late=0: [10,15) 5; [15,20) 1; [25,30) 1 | dropped=0 state=3",
                           "B2 wm=15 late=5: [10,15) 6; [15,20) 1; [25,30) 1 | dropped=0 state=3"};

        // A raw timestamp key is late iff t <= watermark: exactly at it and 1 ms either side.
        const char* rawKey = R"("withWatermark": {"column": "t", "delay": "5 seconds"}, "groupBy": ["t"],
            "trigger": {"processingTime": "1 second"})";
        QTest::newRow("timestamp key: equal is late, 1 ms after is not")
            << "4.0" << rawKey << QStringList{"100: x 20", "110: x 15", "110: x 15.001", "110: x 14.999"} << OutputMode::Update
            << QStringList{"B0 wm=0 late=0: 20 1 | dropped=0 state=1", "B1 nodata wm=15 late=0: | dropped=0 state=1",
                           "B2 wm=15 late=15: 15.001 1 | dropped=2 state=2"};
        QTest::newRow("timestamp key in append: emitted when the watermark reaches it")
            << "4.0" << rawKey << QStringList{"100: x 20", "110: x 26"} << OutputMode::Append
            << QStringList{"B0 wm=0 late=0: | dropped=0 state=1", "B1 nodata wm=15 late=0: | dropped=0 state=1",
                           "B2 wm=15 late=15: | dropped=0 state=2", "B3 nodata wm=21 late=15: 20 1 | dropped=0 state=1"};

        const char* keyOnly = R"("withWatermark": {"column": "t", "delay": "5 seconds"}, "groupBy": ["k"],
            "trigger": {"processingTime": "1 second"})";
        QTest::newRow("watermark not grouped: nothing late or evicted, no-data batches still run")
            << "4.0" << keyOnly << QStringList{"100: a 20", "110: a 1", "110: b 30"} << OutputMode::Update
            << QStringList{"B0 wm=0 late=0: a 1 | dropped=0 state=1", "B1 nodata wm=15 late=0: | dropped=0 state=1",
                           "B2 wm=15 late=15: a 2; b 1 | dropped=0 state=2", "B3 nodata wm=25 late=15: | dropped=0 state=2"};

        const char* dedup = R"("withWatermark": {"column": "t", "delay": "10 seconds"}, "dropDuplicates": ["k", "t"],
            "trigger": {"processingTime": "1 second"})";
        QTest::newRow("dropDuplicates with the event time: first row wins, late dropped, keys evicted")
            << "4.0" << dedup << QStringList{"100: a 10", "100: a 10", "100: b 12", "110: a 10", "110: c 1", "120: d 40", "130: a 10"}
            << OutputMode::Append
            << QStringList{"B0 wm=0 late=0: a 10; b 12 | dropped=0 state=2", "B1 nodata wm=2 late=0: | dropped=0 state=2",
                           "B2 wm=2 late=2: | dropped=1 state=2", "B3 wm=2 late=2: d 40 | dropped=0 state=3",
                           "B4 nodata wm=30 late=2: | dropped=0 state=1", "B5 wm=30 late=30: | dropped=1 state=1"};
        const char* dedupKeyOnly = R"("withWatermark": {"column": "t", "delay": "10 seconds"}, "dropDuplicates": ["k"],
            "trigger": {"processingTime": "1 second"})";
        QTest::newRow("dropDuplicates without the event time keeps its keys forever")
            << "4.0" << dedupKeyOnly << QStringList{"100: a 10", "110: a 50", "120: a 70"} << OutputMode::Append
            << QStringList{"B0 wm=0 late=0: a 10 | dropped=0 state=1", "B1 wm=0 late=0: | dropped=0 state=1",
                           "B2 nodata wm=40 late=0: | dropped=0 state=1", "B3 wm=40 late=40: | dropped=0 state=1",
                           "B4 nodata wm=60 late=40: | dropped=0 state=1"};
        const char* within = R"("withWatermark": {"column": "t", "delay": "10 seconds"}, "dropDuplicatesWithinWatermark": ["k"],
            "trigger": {"processingTime": "1 second"})";
        QTest::newRow("dropDuplicatesWithinWatermark: evicted once watermark >= first time + delay")
            << "4.0" << within << QStringList{"100: a 10", "110: a 25", "120: a 30", "130: a 31"} << OutputMode::Append
            << QStringList{"B0 wm=0 late=0: a 10 | dropped=0 state=1", "B1 wm=0 late=0: | dropped=0 state=1",
                           "B2 nodata wm=15 late=0: | dropped=0 state=1", "B3 wm=15 late=15: | dropped=0 state=1",
                           "B4 nodata wm=20 late=15: | dropped=0 state=0", "B5 wm=20 late=20: a 31 | dropped=0 state=1",
                           "B6 nodata wm=21 late=20: | dropped=0 state=1"};

        QTest::newRow("session windows: touching sessions merge, evicted and emitted at their end, late rows dropped")
            << "4.0" << kSession << QStringList{"100: a 10", "100: a 12", "100: a 17", "100: b 30", "110: a 40", "120: b 20"}
            << OutputMode::Append
            << QStringList{"B0 wm=0 late=0: | dropped=0 state=2", "B1 nodata wm=20 late=0: | dropped=0 state=2",
                           "B2 wm=20 late=20: | dropped=0 state=3", "B3 nodata wm=30 late=20: a [10,22) 3 | dropped=0 state=2",
                           "B4 wm=30 late=30: | dropped=1 state=2"};
        QTest::newRow("session windows in complete mode keep every session")
            << "4.0" << kSession << QStringList{"100: a 10", "100: a 16", "110: a 13"} << OutputMode::Complete
            << QStringList{"B0 wm=0 late=0: a [10,15) 1; a [16,21) 1 | dropped=0 state=2",
                           "B1 wm=6 late=0: a [10,21) 3 | dropped=0 state=1"};

        const char* aggs = R"("groupBy": ["k"], "agg": [{"fn": "count"}, {"fn": "count", "column": "v"}, {"fn": "sum", "column": "v"},
            {"fn": "avg", "column": "v"}, {"fn": "min", "column": "v"}, {"fn": "max", "column": "v"},
            {"fn": "collect_list", "column": "v"}, {"fn": "approx_count_distinct", "column": "v"}, {"fn": "stddev", "column": "v", "as": "sd"}],
            "trigger": {"processingTime": "1 second"})";
        QTest::newRow("aggregate functions over plain keys, nulls ignored except by count(*)")
            << "4.0" << aggs << QStringList{"100: a 1", "100: a 3", "100: a null", "101: a 3", "101: b 7"} << OutputMode::Complete
            << QStringList{"B0 wm=0 late=0: a 3 2 4 2 1 3 [1,3] 2 1.41421 | dropped=0 state=1",
                           "B1 wm=0 late=0: a 4 3 7 2.33333 1 3 [1,3,3] 2 1.1547; b 1 1 7 7 7 7 [7] 1 null | dropped=0 state=2"};
    }

    void globalAggregationEmitsEvenFromAnEmptyBatch()
    {
        // groupBy().count() on a Kafka-like source: batch 0 runs on the empty topic and
        // update mode emits count 0; a later batch whose rows are all filtered re-emits the count.
        TestScenario sc;
        sc.sourceOptions = R"("format": "kafka")";
        sc.query = R"("where": "k != 'skip'", "groupBy": [], "outputMode": "update", "trigger": {"processingTime": "10 seconds", "startAt": 0})";
        sc.events = {"10: a 1", "10: b 2", "20: skip 3"};
        QStringList got;
        for (const auto& l : runAndDescribe(sc, OutputMode::Update))
            got << QString::fromStdString(l);
        QCOMPARE(got.join('\n'), QString("B0 wm=0 late=0: 0 | dropped=0 state=1\nB1 wm=0 late=0: 2 | dropped=0 state=1\n"
                                          "B2 wm=0 late=0: 2 | dropped=0 state=1"));
    }

    void rowOrderWithIntegerNullAndWideKeys()
    {
        // Output rows are sorted by window start, then the grouping columns in groupBy order
        // (null first), the same whether the keys are integers, include a null, or are more
        // than the two integer keys a group keeps beside its key row.
        TestScenario sc;
        sc.schema = {{"a", "long"}, {"b", "long"}, {"c", "long"}, {"t", "timestamp"}};
        sc.query = R"("groupBy": ["a", {"window": {"column": "t", "duration": "10 seconds"}}, "b"], "outputMode": "update",
            "trigger": {"processingTime": "1 second"})";
        sc.events = {"100: 3 1 0 15", "100: null 2 0 15", "100: -7 1 0 15", "100: 3 0 0 15", "100: 3 1 0 5", "100: -7 null 0 15"};
        const QString twoKeys = "B0 wm=0 late=0: 3 [0,10) 1 1; null [10,20) 2 1; -7 [10,20) null 1; -7 [10,20) 1 1; "
                                "3 [10,20) 0 1; 3 [10,20) 1 1 | dropped=0 state=6";
        QStringList got;
        for (const auto& l : runAndDescribe(sc, OutputMode::Update))
            got << QString::fromStdString(l);
        QCOMPARE(got.join('\n'), twoKeys);

        sc.query = R"("groupBy": ["c", "a", {"window": {"column": "t", "duration": "10 seconds"}}, "b"], "outputMode": "update",
            "trigger": {"processingTime": "1 second"})";
        got.clear();
        for (const auto& l : runAndDescribe(sc, OutputMode::Update))
            got << QString::fromStdString(l);
        QCOMPARE(got.join('\n'), QString("B0 wm=0 late=0: 0 3 [0,10) 1 1; 0 null [10,20) 2 1; 0 -7 [10,20) null 1; 0 -7 [10,20) 1 1; "
                                           "0 3 [10,20) 0 1; 0 3 [10,20) 1 1 | dropped=0 state=6"));
    }

    void groupCreatedBehindTheEvictionWatermarkIsEvictedInItsBatch()
    {
        // From 3.4 the late filter uses the previous batch's watermark (0 here) and eviction
        // this batch's (20): the window [10,15) is accepted and evicted in the same batch, even
        // though every group already in state ends after the watermark.
        TestScenario sc;
        sc.query = R"("withWatermark": {"column": "t", "delay": "10 seconds"},
            "groupBy": [{"window": {"column": "t", "duration": "5 seconds"}}], "outputMode": "append",
            "trigger": {"processingTime": "1 second"})";
        sc.events = {"100: x 30", "101: x 12", "102: x 31"};
        QStringList got;
        for (const auto& l : runAndDescribe(sc, OutputMode::Append))
            got << QString::fromStdString(l);
        QCOMPARE(got.join('\n'), QString("B0 wm=0 late=0: | dropped=0 state=1\nB1 wm=20 late=0: [10,15) 1 | dropped=0 state=1\n"
                                           "B2 wm=20 late=20: | dropped=0 state=1\nB3 nodata wm=21 late=20: | dropped=0 state=1"));
    }

    void batches()
    {
        QFETCH(QString, version);
        QFETCH(QString, query);
        QFETCH(QStringList, events);
        QFETCH(OutputMode, mode);
        QFETCH(QStringList, expected);
        TestScenario sc;
        sc.sparkVersion = version.toStdString();
        sc.query = query.toStdString();
        if (QString(QTest::currentDataTag()).startsWith("aggregate functions"))
            sc.schema = {{"k", "string"}, {"v", "long"}};
        for (const auto& e : events)
            sc.events.push_back(e.toStdString());
        const auto got = runAndDescribe(sc, mode);
        QStringList gotList;
        for (const auto& l : got)
            gotList << QString::fromStdString(l);
        QCOMPARE(gotList.join('\n'), expected.join('\n'));
    }
};

QTEST_APPLESS_MAIN(TestOutputModes)
#include "tst_outputmodes.moc"
