// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of Spark's StreamingJoinSuite (StreamingInnerJoinSuite, StreamingOuterJoinSuite),
// transcribed step by step: each AddData / MultiAddData is one arrival, spaced so that the
// no-data batch Spark runs after it comes before the next one. Rows and state rows per batch
// are compared with the test's CheckNewAnswer and assertNumStateRows (whose `updated` sums the
// data batch and its no-data batch; `total` is the last one's).
#include "tests/support/DescribedRun.h"
#include "tests/support/TestScenario.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// StreamingJoinSuite.setupStream(prefix, multiplier) followed by
/// `.select($"key", window($"<prefix>Time", "10 second"), $"<prefix>Value")`.
std::string windowedSide(const std::string& prefix, int multiplier, bool watermark = true)
{
    std::string s = "{\"source\": \"" + prefix + "\", \"selectExpr\": [\"value AS key\", \"timestamp_seconds(value) AS " + prefix
                    + "Time\", \"value * " + std::to_string(multiplier) + " AS " + prefix + "Value\"]";
    if (watermark)
        s += ", \"withWatermark\": {\"column\": \"" + prefix + "Time\", \"delay\": \"10 seconds\"}";
    return s + ", \"window\": {\"column\": \"" + prefix + "Time\", \"duration\": \"10 seconds\", \"as\": \"window\"}}";
}

/// StreamingJoinSuite.setupStream(prefix, multiplier) without the window: key, `<prefix>Time`
/// (value seconds, a 10-second watermark) and `<prefix>Value` (value * multiplier).
std::string watermarkedSide(const std::string& prefix, int multiplier)
{
    return "{\"source\": \"" + prefix + "\", \"selectExpr\": [\"value AS key\", \"timestamp_seconds(value) AS " + prefix + "Time\", \"value * "
           + std::to_string(multiplier) + " AS " + prefix + "Value\"], \"withWatermark\": {\"column\": \"" + prefix + "Time\", \"delay\": \"10 seconds\"}}";
}

/// Sources "left" and "right" of ints; each step adds values to one or both at `100 + 10 * i` s.
TestScenario twoIntStreams(const std::vector<std::pair<std::vector<int>, std::vector<int>>>& steps, const std::string& join)
{
    auto events = [&](bool left) {
        std::string out;
        for (size_t i = 0; i < steps.size(); ++i)
            for (int v : left ? steps[i].first : steps[i].second)
                out += std::string(out.empty() ? "" : ",") + "{\"at\": " + std::to_string(100 + 10 * i) + ", \"row\": {\"value\": " + std::to_string(v) + "}}";
        return out;
    };
    TestScenario sc;
    sc.extraSources = "\"left\": {\"schema\": {\"value\": \"long\"}, \"events\": [" + events(true) + "]},"
                      "\"right\": {\"schema\": {\"value\": \"long\"}, \"events\": [" + events(false) + "]}";
    sc.query = "\"join\": " + join + ", \"outputMode\": \"append\", \"trigger\": {\"processingTime\": \"1 second\"}";
    return sc;
}

QStringList lines(const QString& text) { return text.split('\n'); }

/// Each batch of `sc`'s append run: its watermark, its rows with the join key once
/// (`keyAgain`: the column of an `on` join's output that repeats it, as a `using` join's does
/// not) and each operator's state rows.
QStringList batchesWithOneKey(const TestScenario& sc, std::optional<std::size_t> keyAgain)
{
    const ModeRun r = runMode(sc.load(), OutputMode::Append);
    if (r.error)
        return {QString::fromStdString("error: " + r.error->message)};
    Schema schema = r.plan->output;
    if (keyAgain)
        schema.fields.erase(schema.fields.begin() + static_cast<std::ptrdiff_t>(*keyAgain));
    QStringList out;
    for (const BatchRecord& b : r.batches) {
        QString line = QStringLiteral("B%1%2 wm=%3:").arg(b.batchId).arg(b.noData ? " nodata" : "").arg(b.watermarkMs / 1000);
        for (Row row : b.sinkRows) {
            if (keyAgain)
                row.erase(row.begin() + static_cast<std::ptrdiff_t>(*keyAgain));
            line += ' ' + QString::fromStdString(describeRow(row, schema)) + ';';
        }
        line += QStringLiteral(" | state=");
        for (const auto& op : b.operators)
            line += QString::number(op.numRowsTotal) + ' ';
        out << line;
    }
    return out;
}

/// One line per batch, compared as a list so that a failure names the batch that differs.
QStringList run(const TestScenario& sc)
{
    return describedRun(sc, OutputMode::Append);
}

} // namespace

class TestSparkJoinSuite : public QObject {
    Q_OBJECT
private slots:
    /// StreamingInnerJoinSuite "stream stream inner join on windows - with watermark": the
    /// USING list holds the left side's watermarked window, so it is a watermarked join key and
    /// evicts both sides by window end.
    void innerJoinOnWindowsWithWatermark()
    {
        const TestScenario sc = twoIntStreams({{{1}, {}}, {{}, {1}}, {{25}, {}}, {{}, {25}}, {{}, {1}}, {{5}, {}}},
                                              "{\"left\": " + windowedSide("left", 2) + ", \"right\": " + windowedSide("right", 3, false)
                                                  + ", \"using\": [\"key\", \"window\"], \"type\": \"inner\"}");
        QCOMPARE(run(sc), lines(
            "B0 wm=0 late=0: | dropped=0 state=1\n"                       // CheckAnswer(); total 1
            "B1 wm=0 late=0: 1 [0,10) 2 3 | dropped=0 state=2\n"          // (1, 10, 2, 3); total 2
            "B2 wm=0 late=0: | dropped=0 state=3\n"                       // watermark = 15, the no-data batch
            "B3 nodata wm=15 late=0: | dropped=0 state=1\n"               //   removes window [0,10): total 1
            "B4 wm=15 late=15: 25 [20,30) 50 75 | dropped=0 state=2\n"    // (25, 30, 50, 75); total 2
            "B5 wm=15 late=15: | dropped=0 state=2\n"                     // 1 < state key watermark 15: not added
            "B6 wm=15 late=15: | dropped=1 state=2"));                    // late: droppedByWatermark = 1
    }

    /// StreamingOuterJoinSuite "windowed left outer join" (setupWindowedJoin("left_outer")).
    void windowedLeftOuterJoin()
    {
        const TestScenario sc = twoIntStreams({{{1, 2, 3, 4, 5}, {3, 4, 5, 6, 7}}, {{21}, {22}}},
                                              "{\"left\": " + windowedSide("left", 2) + ", \"right\": " + windowedSide("right", 3)
                                                  + ", \"using\": [\"key\", \"window\"], \"type\": \"leftOuter\"}");
        QCOMPARE(run(sc), lines(
            // CheckNewAnswer((3, 10, 6, 9), (4, 10, 8, 12), (5, 10, 10, 15)); total 10
            "B0 wm=0 late=0: 3 [0,10) 6 9; 4 [0,10) 8 12; 5 [0,10) 10 15 | dropped=0 state=10\n"
            "B1 wm=0 late=0: | dropped=0 state=12\n"
            // watermark = 11: (1, 10, 2, null), (2, 10, 4, null); total 2
            "B2 nodata wm=11 late=0: 1 [0,10) 2 null; 2 [0,10) 4 null | dropped=0 state=2"));
    }

    /// StreamingOuterJoinSuite "left outer join with non-key condition violated": the right-only
    /// conjunct `rightValue < 300 OR rightValue > 1000` runs below the right side's watermark
    /// (PushPredicateThroughJoin, then PushPredicateThroughNonJoin past EventTimeWatermark), so
    /// the right rows 101-103 (values 303-309) are never stored and do not move the watermark:
    /// assertNumStateRows(total = 6, updated = 3) after them.
    void leftOuterJoinWithNonKeyConditionViolated()
    {
        const TestScenario sc = twoIntStreams(
            {{{1, 2, 3}, {1, 2, 3}}, {{20}, {21}}, {{}, {20}}, {{40, 41}, {40, 41}}, {{70}, {71}}, {{}, {70}},
             {{101, 102, 103}, {101, 102, 103}}, {{1000}, {1001}}},
            "{\"left\": " + windowedSide("left", 2) + ", \"right\": " + windowedSide("right", 3)
                + ", \"on\": \"left.key = right.key AND left.window = right.window AND leftValue > 10 AND "
                  "(rightValue < 300 OR rightValue > 1000)\", \"type\": \"leftOuter\"}");
        QCOMPARE(run(sc), lines(
            // (1, 10, 2, null), (2, 10, 4, null), (3, 10, 6, null); total 3: only right 1, 2, 3 stored
            "B0 wm=0 late=0: 1 [0,10) 2 null null null; 2 [0,10) 4 null null null; 3 [0,10) 6 null null null | dropped=0 state=3\n"
            "B1 wm=0 late=0: | dropped=0 state=5\n"
            "B2 nodata wm=10 late=0: | dropped=0 state=2\n"       // watermark = 10: only 20 and 21 left
            "B3 wm=10 late=10: 20 [20,30) 40 20 [20,30) 60 | dropped=0 state=3\n"
            "B4 wm=10 late=10: 40 [40,50) 80 40 [40,50) 120; 41 [40,50) 82 41 [40,50) 123 | dropped=0 state=7\n"
            "B5 nodata wm=31 late=10: | dropped=0 state=4\n"      // watermark = 31: 40, 41 on both sides
            "B6 wm=31 late=31: | dropped=0 state=6\n"
            "B7 nodata wm=60 late=31: | dropped=0 state=2\n"      // only 70, 71
            "B8 wm=60 late=60: 70 [70,80) 140 70 [70,80) 210 | dropped=0 state=3\n"
            "B9 wm=60 late=60: | dropped=0 state=6\n"             // total 6, updated 3 (B9 + B10):
            "B10 nodata wm=61 late=60: | dropped=0 state=6\n"     //   right 101-103 filtered below its watermark
            "B11 wm=61 late=61: | dropped=0 state=8\n"
            "B12 nodata wm=990 late=61: 101 [100,110) 202 null null null; 102 [100,110) 204 null null null; "
            "103 [100,110) 206 null null null | dropped=0 state=2"));
    }

    /// PushPredicateThroughNonJoin's EventTimeWatermark case: a right-only conjunct goes below
    /// the right side's watermark only when it does not read the event-time column. Left 60
    /// and right 1, 50 arrive; the right row 50 fails the conjunct. Below the watermark it does
    /// not count (right watermark 1 - 10 s, so the global one stays 0); above it, it does (right
    /// watermark 40, global min(50, 40) = 40).
    void pushedBelowTheWatermarkUnlessItReadsTheEventTime_data()
    {
        QTest::addColumn<QString>("conjunct");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a value: below the watermark") << "rightValue < 100"
            << "B0 wm=0 late=0: | dropped=0 state=2\nB1 wm=0 late=0: | dropped=0 state=3";
        QTest::newRow("the event time: above it") << "rightTime < CAST(30 AS TIMESTAMP)"
            << "B0 wm=0 late=0: | dropped=0 state=2\nB1 wm=40 late=0: | dropped=0 state=3";
    }
    void pushedBelowTheWatermarkUnlessItReadsTheEventTime()
    {
        QFETCH(QString, conjunct);
        QFETCH(QString, expected);
        const TestScenario sc = twoIntStreams({{{60}, {1, 50}}, {{2}, {}}},
            "{\"left\": " + watermarkedSide("left", 2) + ", \"right\": " + watermarkedSide("right", 3) + ", \"on\": \"left.key = right.key AND "
                + conjunct.toStdString() + "\", \"type\": \"inner\"}");
        QCOMPARE(run(sc), lines(expected));
    }

    /// PushPredicateThroughJoin, its case for a Filter over a Join: `join(...).where(c)` on an
    /// inner join runs each one-side conjunct of `c` where the same conjunct of `on` runs, so the
    /// two spellings give the same batches (the value conjunct below the right watermark, the
    /// event-time one above it), and a conjunct over both sides joins the condition, where a
    /// time range bounds the state as one in `on` does.
    void whereAfterAnInnerJoinRunsAsTheSameConjunctOfOn_data()
    {
        QTest::addColumn<QString>("conjunct");
        QTest::newRow("a value: below the right watermark") << "rightValue < 100";
        QTest::newRow("the event time: above it") << "rightTime < CAST(30 AS TIMESTAMP)";
        QTest::newRow("a time range over both sides: the state's bound")
            << "rightTime BETWEEN leftTime - INTERVAL 5 SECONDS AND leftTime + INTERVAL 5 SECONDS";
    }
    void whereAfterAnInnerJoinRunsAsTheSameConjunctOfOn()
    {
        QFETCH(QString, conjunct);
        const std::vector<std::pair<std::vector<int>, std::vector<int>>> steps{{{60}, {1, 50}}, {{2}, {}}, {{}, {58, 2}}, {{90}, {95}}};
        const std::string sides = "{\"left\": " + watermarkedSide("left", 2) + ", \"right\": " + watermarkedSide("right", 3);
        const TestScenario inOn = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key AND " + conjunct.toStdString() + "\", \"type\": \"inner\"}");
        TestScenario inWhere = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key\", \"type\": \"inner\"}");
        inWhere.query += ", \"where\": \"" + conjunct.toStdString() + "\"";
        QCOMPARE(run(inWhere), run(inOn));
        const QueryPlan plan = analyze(inWhere.load(), OutputMode::Append).value();
        QVERIFY(plan.steps.empty()); // nothing of the where is left after the join
        QCOMPARE(plan.join->conditionFromWhere.empty(), !conjunct.contains(QLatin1String("BETWEEN")));
    }

    /// A `using` join is a join on its keys' equalities under a projection that keeps one key,
    /// the left side's for an inner or left outer join (Analyzer.commonNaturalJoinProcessing), so
    /// the optimizer moves a `where` after it as it moves one after an `on` join: a time range
    /// becomes the condition that bounds the state (without it the state is never evicted), a
    /// one-side conjunct runs below that side's watermark, and a conjunct on the key reads the
    /// left side's key. Each gives the batches of the `on` join with the conjunct in `on`.
    void whereAfterAUsingJoinRunsAsTheSameConjunctOfOn_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("inOn");
        const QString range = QStringLiteral("rightTime BETWEEN leftTime - INTERVAL 5 SECONDS AND leftTime + INTERVAL 5 SECONDS");
        QTest::newRow("inner: a time range") << "inner" << range << range;
        QTest::newRow("inner: a range and a value") << "inner" << range + " AND rightValue < 100" << range + " AND rightValue < 100";
        QTest::newRow("inner: the key") << "inner" << range + " AND key < 50" << range + " AND left.key < 50";
    }
    void whereAfterAUsingJoinRunsAsTheSameConjunctOfOn()
    {
        QFETCH(QString, type);
        QFETCH(QString, written);
        QFETCH(QString, inOn);
        const std::vector<std::pair<std::vector<int>, std::vector<int>>> steps{{{60}, {1, 50}}, {{2}, {}}, {{}, {58, 2}}, {{90}, {95}}};
        const std::string sides = "{\"left\": " + watermarkedSide("left", 2) + ", \"right\": " + watermarkedSide("right", 3);
        TestScenario usingJoin = twoIntStreams(steps, sides + ", \"using\": [\"key\"], \"type\": \"" + type.toStdString() + "\"}");
        usingJoin.query += ", \"where\": \"" + written.toStdString() + "\"";
        const TestScenario onJoin = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key AND " + inOn.toStdString() + "\", \"type\": \"inner\"}");
        const QStringList expected = batchesWithOneKey(onJoin, 3);
        QCOMPARE(batchesWithOneKey(usingJoin, std::nullopt), expected);
        const QueryPlan plan = analyze(usingJoin.load(), OutputMode::Append).value();
        QVERIFY(plan.steps.empty()); // nothing of the where is left after the join
        QVERIFY(plan.join->type == JoinPlan::Type::Inner);
        QVERIFY(plan.join->usingJoin);
    }

    /// PushPredicateThroughNonJoin's Project case, then the Filter-over-Join rules: a `where`
    /// after the query's `selectExpr` reads the expressions its columns stand for (`rv` is
    /// `rightValue * 1`), so it moves as the same conjunct written over the join does: the
    /// value conjunct below the right watermark, the range into the condition. The run equals
    /// the one with both in `on`, under the same `selectExpr`.
    void whereAfterASelectAfterTheJoinPassesTheSelectFirst()
    {
        const std::vector<std::pair<std::vector<int>, std::vector<int>>> steps{{{60}, {1, 50}}, {{2}, {}}, {{}, {58, 2}}, {{90}, {95}}};
        const std::string sides = "{\"left\": " + watermarkedSide("left", 2) + ", \"right\": " + watermarkedSide("right", 3);
        const std::string select = ", \"selectExpr\": [\"left.key AS k\", \"leftTime\", \"rightTime AS rt\", \"rightValue * 1 AS rv\"]";
        const std::string range = "rightTime BETWEEN leftTime - INTERVAL 5 SECONDS AND leftTime + INTERVAL 5 SECONDS";
        TestScenario inWhere = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key\", \"type\": \"inner\"}");
        inWhere.query += select + ", \"where\": \"rv < 100 AND rt BETWEEN leftTime - INTERVAL 5 SECONDS AND leftTime + INTERVAL 5 SECONDS\"";
        TestScenario inOn = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key AND rightValue * 1 < 100 AND " + range + "\", \"type\": \"inner\"}");
        inOn.query += select;
        QCOMPARE(run(inWhere), run(inOn));
        const QueryPlan plan = analyze(inWhere.load(), OutputMode::Append).value();
        QCOMPARE(plan.steps.size(), std::size_t{1}); // the selectExpr alone
        QCOMPARE(plan.join->conditionFromWhere.size(), std::size_t{1});

        // Through a generator: Spark's analyzer puts the Generate under the projection
        // (ExtractGenerator), and PushPredicateThroughNonJoin's Generate case moves below it the
        // conjuncts that do not read what it makes. `rightValue < 100` then goes on into the
        // right input, as written in `on`; `n = 'a'` stays after the selectExpr.
        const std::string explode = ", \"selectExpr\": [\"leftTime\", \"rightValue\", \"explode(split('a b', ' ')) AS n\"]";
        TestScenario exploded = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key AND " + range + "\", \"type\": \"inner\"}");
        exploded.query += explode + ", \"where\": \"rightValue < 100 AND n = 'a'\"";
        TestScenario explodedInOn = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key AND " + range + " AND rightValue < 100\", \"type\": \"inner\"}");
        explodedInOn.query += explode + ", \"where\": \"n = 'a'\"";
        QCOMPARE(run(exploded), run(explodedInOn));
        const QueryPlan explodedPlan = analyze(exploded.load(), OutputMode::Append).value();
        QCOMPARE(explodedPlan.steps.size(), std::size_t{2}); // the selectExpr, then the where on n
        QCOMPARE(explodedPlan.steps[1].text, std::string("(n = a)"));
        const auto& right = explodedPlan.inputs[1].steps;
        QVERIFY(std::any_of(right.begin(), right.end(), [](const Step& st) { return st.pushedFromWhere && st.text.find("rightValue < 100") != std::string::npos; }));
        // Explode's column is `col` when the select does not name it.
        TestScenario unnamed = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key AND " + range + "\", \"type\": \"inner\"}");
        unnamed.query += ", \"selectExpr\": [\"rightValue\", \"explode(split('a b', ' '))\"], \"where\": \"col = 'a' AND rightValue < 100\"";
        const QueryPlan unnamedPlan = analyze(unnamed.load(), OutputMode::Append).value();
        QCOMPARE(unnamedPlan.steps.size(), std::size_t{2});
        QCOMPARE(unnamedPlan.steps[1].text, std::string("(col = a)"));
    }

    /// UnsupportedOperationChecker reads the plan as written, before the optimizer: a time range
    /// in a `where` after an outer `using` join is not in the join's condition there, so Spark
    /// refuses the join although the optimizer would have moved the range into it.
    void aRangeAfterAnOuterUsingJoinDoesNotBoundIt()
    {
        TestScenario sc = twoIntStreams({{{60}, {1, 50}}}, "{\"left\": " + watermarkedSide("left", 2) + ", \"right\": " + watermarkedSide("right", 3)
                                                               + ", \"using\": [\"key\"], \"type\": \"leftOuter\"}");
        sc.query += ", \"where\": \"rightTime BETWEEN leftTime - INTERVAL 5 SECONDS AND leftTime + INTERVAL 5 SECONDS\"";
        const auto plan = analyze(sc.load(), OutputMode::Append);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().message.find("LeftOuter join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys")
                     != std::string::npos,
                 plan.error().message.c_str());
    }

    /// The windowed `using` join of StreamingJoinSuite ("stream stream left outer join with
    /// watermark - ..." setup, keys `key` and `window`) with a `where` that rejects the
    /// null-padded rows: EliminateOuterJoin runs it as inner and `rightValue < 100` runs below the
    /// right watermark, as in the inner join with the conjunct in `on`. A full outer `using`
    /// join's key is coalesce(left.key, right.key), on both sides at once: a `where` reading it
    /// stays after the join.
    void whereAfterAWindowedUsingJoin()
    {
        const std::vector<std::pair<std::vector<int>, std::vector<int>>> steps{{{1, 2, 3}, {3, 4, 5}}, {{21}, {}}, {{}, {22, 50}}, {{60}, {61}}};
        const std::string sides = "{\"left\": " + windowedSide("left", 2) + ", \"right\": " + windowedSide("right", 3);
        TestScenario leftOuter = twoIntStreams(steps, sides + ", \"using\": [\"key\", \"window\"], \"type\": \"leftOuter\"}");
        leftOuter.query += ", \"where\": \"rightValue < 100\"";
        const TestScenario inner =
            twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key AND left.window = right.window AND rightValue < 100\", \"type\": \"inner\"}");
        const auto shape = [](const QStringList& batches) {
            QStringList out;
            for (const QString& b : batches)
                out << b.section(':', 0, 0) + QStringLiteral(" rows=%1").arg(b.count(';')) + b.section('|', 1);
            return out;
        };
        QCOMPARE(shape(batchesWithOneKey(leftOuter, std::nullopt)), shape(batchesWithOneKey(inner, std::nullopt)));
        const QueryPlan plan = analyze(leftOuter.load(), OutputMode::Append).value();
        QVERIFY(plan.join->type == JoinPlan::Type::Inner);
        QVERIFY(plan.join->writtenType == JoinPlan::Type::LeftOuter);
        QVERIFY(plan.steps.empty());
        QVERIFY(std::any_of(plan.inputs[1].steps.begin(), plan.inputs[1].steps.end(), [](const Step& st) { return st.pushedFromWhere; }));

        TestScenario fullOuter = twoIntStreams(steps, sides + ", \"using\": [\"key\", \"window\"], \"type\": \"fullOuter\"}");
        fullOuter.query += ", \"where\": \"key < 50 AND leftValue > 0\"";
        const auto full = analyze(fullOuter.load(), OutputMode::Append);
        QVERIFY2(full.ok(), full.ok() ? "" : full.error().message.c_str());
        QVERIFY(full.value().join->type == JoinPlan::Type::FullOuter);
        QCOMPARE(full.value().steps.size(), std::size_t{1});
    }

    /// EliminateOuterJoin: a `where` after a left outer join that is never true when the right
    /// side's columns are null (here `rightValue < 100`: null < 100 is null) rejects every
    /// null-padded row, so Spark's optimizer runs the join as an inner one and then pushes the
    /// conjunct below the right watermark, as for an inner join with it in `on`. The right row
    /// 50 (value 150) then never moves the watermark, and left 60 is never output with nulls.
    /// `rightValue IS NULL OR rightValue < 100` keeps null-padded rows: the join stays a left
    /// outer one, the filter stays after it, and the right row 50 moves the watermark.
    void whereAfterAnOuterJoinThatRejectsNullsRunsItAsInner()
    {
        const std::vector<std::pair<std::vector<int>, std::vector<int>>> steps{{{60}, {1, 50}}, {{2}, {}}, {{}, {58, 2}}, {{90}, {95}}};
        const std::string sides = "{\"left\": " + watermarkedSide("left", 2) + ", \"right\": " + watermarkedSide("right", 3);
        const std::string range = " AND rightTime BETWEEN leftTime - INTERVAL 5 SECONDS AND leftTime + INTERVAL 5 SECONDS";
        TestScenario leftOuter = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key" + range + "\", \"type\": \"leftOuter\"}");
        leftOuter.query += ", \"where\": \"rightValue < 100\"";
        const TestScenario inner = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key" + range + " AND rightValue < 100\", \"type\": \"inner\"}");
        QCOMPARE(run(leftOuter), run(inner));
        const QueryPlan plan = analyze(leftOuter.load(), OutputMode::Append).value();
        QVERIFY(plan.join->type == JoinPlan::Type::Inner);
        QVERIFY(plan.join->writtenType == JoinPlan::Type::LeftOuter);

        TestScenario keepsNulls = leftOuter;
        keepsNulls.query = twoIntStreams(steps, sides + ", \"on\": \"left.key = right.key" + range + "\", \"type\": \"leftOuter\"}").query
                           + ", \"where\": \"rightValue IS NULL OR rightValue < 100\"";
        const QueryPlan kept = analyze(keepsNulls.load(), OutputMode::Append).value();
        QVERIFY(kept.join->type == JoinPlan::Type::LeftOuter);
        QVERIFY(!kept.join->writtenType);
        QCOMPARE(kept.steps.size(), std::size_t{1});
        const QStringList batches = run(keepsNulls);
        QVERIFY2(batches.size() >= 2 && batches[1].startsWith(QLatin1String("B1 nodata wm=40 ")), qPrintable(batches.join(QLatin1Char('\n'))));
        QVERIFY2(batches.join(QLatin1Char('\n')).contains(QLatin1String("60 60 120 null null null")), qPrintable(batches.join(QLatin1Char('\n'))));
    }

    /// PushPredicateThroughJoin keeps a `where` after a full outer join whole: neither side's
    /// rows may be removed before it (nor does a conjunct like `leftValue > 0 OR rightValue > 0`,
    /// true on some null-padded rows, narrow it).
    void whereAfterAFullOuterJoinStaysAfterIt()
    {
        TestScenario sc = twoIntStreams({{{60}, {1, 50}}, {{2}, {}}},
                                        "{\"left\": " + watermarkedSide("left", 2) + ", \"right\": " + watermarkedSide("right", 3)
                                            + ", \"on\": \"left.key = right.key AND rightTime BETWEEN leftTime - INTERVAL 5 SECONDS AND "
                                              "leftTime + INTERVAL 5 SECONDS\", \"type\": \"fullOuter\"}");
        sc.query += ", \"where\": \"leftValue > 0 OR rightValue > 0\"";
        const QueryPlan plan = analyze(sc.load(), OutputMode::Append).value();
        QVERIFY(plan.join->type == JoinPlan::Type::FullOuter);
        QCOMPARE(plan.steps.size(), std::size_t{1});
        for (const InputPlan& in : plan.inputs)
            for (const Step& s : in.steps)
                QVERIFY(!s.pushedFromWhere);
    }
};

QTEST_GUILESS_MAIN(TestSparkJoinSuite)
#include "tst_sparkjoinsuite.moc"
