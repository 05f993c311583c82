// SPDX-License-Identifier: GPL-3.0-or-later
// Joins of three or more inputs: a join in `query.then` whose left input is the join before it
// (`a.join(b, ...).join(c, ...)`). Spark's tests transcribed: StreamingJoinSuite "join between
// three streams" and UnsupportedOperationsSuite's global-watermark checks for a join after a
// join. Each batch lists its rows and, per stateful operator downstream first (as
// StreamingQueryProgress.stateOperators lists them), numRowsTotal / numRowsDroppedByWatermark.
#include "tests/support/DescribedRun.h"

#include "engine/exec/Explain.h"
#include "engine/plan/StatefulChain.h"
#include "engine/pyspark/PySparkExport.h"
#include "engine/scenario/ScenarioFile.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

/// A source of `value: long` events, each (arrival second, value).
std::string intSource(const std::string& name, const std::vector<std::pair<int, int>>& events)
{
    std::string out = "\"" + name + "\": {\"schema\": {\"value\": \"long\"}, \"events\": [";
    for (size_t i = 0; i < events.size(); ++i)
        out += (i ? ", " : "") + std::string("{\"at\": ") + std::to_string(events[i].first) + ", \"row\": {\"value\": " + std::to_string(events[i].second) + "}}";
    return out + "]}";
}

/// in1.join(in2, on1, type1).join(in3, on2, type2); each input `value` renamed by `select`.
TestScenario threeWay(const std::string& version, const std::string& sources, const std::string& left, const std::string& middle,
                      const std::string& on1, const std::string& type1, const std::string& right, const std::string& on2, const std::string& type2)
{
    TestScenario sc;
    sc.sparkVersion = version;
    sc.extraSources = sources;
    sc.query = "\"join\": {\"left\": " + left + ", \"right\": " + middle + ", \"on\": \"" + on1 + "\", \"type\": \"" + type1
               + "\"}, \"then\": [{\"join\": {\"right\": " + right + ", \"on\": \"" + on2 + "\", \"type\": \"" + type2
               + "\"}}], \"outputMode\": \"append\", \"trigger\": {\"processingTime\": \"1 second\"}";
    return sc;
}

QStringList run(const TestScenario& sc) { return describeOperators(runMode(sc.load(), OutputMode::Append)); }

QStringList lines(const QString& text) { return text.split('\n'); }

/// StreamingJoinSuite "join between three streams": df1.join(df2, leftKey = middleKey)
/// .join(df3, rightKey = middleKey), no watermark; three AddData, one per batch here.
TestScenario threeStreams(const std::string& version)
{
    const std::string sources = intSource("input1", {{100, 1}, {100, 5}}) + ", " + intSource("input2", {{110, 1}, {110, 5}, {110, 10}}) + ", "
                                + intSource("input3", {{120, 5}, {120, 10}});
    return threeWay(version, sources, R"({"source": "input1", "selectExpr": ["value AS leftKey", "value * 2 AS leftValue"]})",
                    R"({"source": "input2", "selectExpr": ["value AS middleKey", "value * 3 AS middleValue"]})", "leftKey = middleKey", "inner",
                    R"({"source": "input3", "selectExpr": ["value AS rightKey", "value * 5 AS rightValue"]})", "rightKey = middleKey", "inner");
}

/// Three streams of `value` seconds as event time `t<n>` with a 0-second watermark, the second
/// join on a watermarked key (t1 = t3), the first on `firstOn`.
TestScenario watermarkedThreeWay(const std::string& version, const std::string& type1, const std::string& type2, const std::string& firstOn = "t1 = t2")
{
    auto side = [](const std::string& n) {
        return "{\"source\": \"in" + n + "\", \"selectExpr\": [\"value AS v" + n + "\", \"timestamp_seconds(value) AS t" + n
               + "\"], \"withWatermark\": {\"column\": \"t" + n + "\", \"delay\": \"0 seconds\"}}";
    };
    const std::string sources = intSource("in1", {{100, 1}}) + ", " + intSource("in2", {{100, 1}}) + ", " + intSource("in3", {{100, 1}});
    return threeWay(version, sources, side("1"), side("2"), firstOn, type1, side("3"), "t1 = t3", type2);
}

const char* kThreeStreamJoin = TIDEMARK_SCENARIOS "/three-stream-join.json";

/// in1.join(in2, a1 = a2, type1).join(in3, a2 = a3, type2).join(in4, a3 = a4, type3), each
/// input's `value` as `a<n>`, with `wheres[n]` on input n (none when empty). Inner joins need no
/// watermark; with an outer join each input gets event time `t<n>` (0-second watermark) and each
/// join a 10-second range, which reads no key.
TestScenario fourWay(const std::array<std::string, 4>& wheres, const std::array<std::string, 3>& types)
{
    const bool timed = std::any_of(types.begin(), types.end(), [](const std::string& t) { return t != "inner"; });
    const auto on = [&](int l, int r) {
        const std::string a = std::to_string(l), b = std::to_string(r);
        return "a" + a + " = a" + b + (timed ? " AND t" + b + " BETWEEN t" + a + " AND t" + a + " + INTERVAL 10 SECONDS" : "");
    };
    const std::string sources = intSource("in1", {{100, 3}, {100, 7}, {110, 9}}) + ", " + intSource("in2", {{100, 3}, {100, 7}, {110, 9}}) + ", "
                                + intSource("in3", {{100, 3}, {110, 7}, {110, 9}}) + ", " + intSource("in4", {{100, 3}, {110, 7}, {120, 9}});
    auto side = [&](int n) {
        const std::string i = std::to_string(n);
        const std::string& where = wheres[static_cast<std::size_t>(n - 1)];
        return "{\"source\": \"in" + i + "\", \"selectExpr\": [\"value AS a" + i + "\"" + (timed ? ", \"timestamp_seconds(value) AS t" + i + "\"" : "")
               + "]" + (where.empty() ? "" : ", \"where\": \"" + where + "\"")
               + (timed ? ", \"withWatermark\": {\"column\": \"t" + i + "\", \"delay\": \"0 seconds\"}" : "") + "}";
    };
    TestScenario sc;
    sc.sparkVersion = "3.5";
    sc.extraSources = sources;
    sc.query = "\"join\": {\"left\": " + side(1) + ", \"right\": " + side(2) + ", \"on\": \"" + on(1, 2) + "\", \"type\": \"" + types[0]
               + "\"}, \"then\": [{\"join\": {\"right\": " + side(3) + ", \"on\": \"" + on(2, 3) + "\", \"type\": \"" + types[1]
               + "\"}}, {\"join\": {\"right\": " + side(4) + ", \"on\": \"" + on(3, 4) + "\", \"type\": \"" + types[2]
               + "\"}}], \"outputMode\": \"append\", \"trigger\": {\"processingTime\": \"1 second\"}";
    return sc;
}

/// Per input after the first, its filters inferred through a key equality:
/// "in<n>: <filter> from <constraint> through <equality>".
QStringList inferredThroughKeys(const QueryPlan& plan)
{
    QStringList out;
    for (std::size_t i = 1; i < plan.inputs.size(); ++i)
        for (const Step& st : plan.inputs[i].steps)
            if (st.kind == Step::Kind::Filter && !st.inferredFrom.empty())
                out << QString::fromStdString("in" + std::to_string(i + 1) + ": " + st.text + " from " + st.inferredFrom + " through " + st.inferredThrough);
    return out;
}

} // namespace

class TestMultiwayJoins : public QObject {
    Q_OBJECT
private slots:
    /// StreamingJoinSuite "join between three streams": only (5, 10, 5, 15, 5, 25) reaches the
    /// sink. Each join keeps its rows for ever (no watermark): the first holds both inputs'
    /// five rows, the second the two joined rows and input3's 10, which found no partner.
    /// InferFiltersFromConstraintsSuite "multiple inner joins: filter out values on all sides on
    /// equi-join keys": t1.where(a > 5) joined on a with t2, then t3, then t4 (inner joins). Each
    /// join's left side carries the constraints of the join below (QueryPlanConstraints.
    /// constraints: its condition, its inputs' filters and what those imply through its keys),
    /// so every input gets `a > 5`. The run is the one with the filters written on every input:
    /// the rows they reject are never stored in any join's state.
    void multipleInnerJoinsFilterAllSides()
    {
        const std::array<std::string, 3> inner{"inner", "inner", "inner"};
        const TestScenario inferred = fourWay({"a1 > 5", "", "", ""}, inner);
        const QueryPlan plan = analyze(inferred.load(), OutputMode::Append).value();
        QCOMPARE(inferredThroughKeys(plan), (QStringList{"in2: a2 > 5 from a1 > 5 through a1 = a2", "in3: a3 > 5 from a2 > 5 through a2 = a3",
                                                         "in4: a4 > 5 from a3 > 5 through a3 = a4"}));
        for (const ChainStage& stage : plan.chain) // nothing is left to check in a later join
            QVERIFY(stage.join->leftOnly.empty() || std::all_of(stage.join->leftOnly.begin(), stage.join->leftOnly.end(),
                                                                  [](const BoundExpr& c) { return c.op == BoundExpr::Op::IsNotNull; }));
        const QStringList expected = run(fourWay({"a1 > 5", "a2 > 5", "a3 > 5", "a4 > 5"}, inner));
        QCOMPARE(run(inferred), expected);
        QVERIFY2(expected.join('\n').contains(QLatin1String("7 7 7 7")), qPrintable(expected.join('\n')));
    }

    /// The other way: a filter on in3 reaches the second join's left side through a2 = a3. Spark
    /// adds `a2 > 5` as a Filter over the first join, infers `a1 > 5` from it there (the Filter
    /// case of InferFiltersFromConstraints, through the first join's a1 = a2), and pushes both
    /// into their inputs below the first join. Neither row 3 of in1 nor of in2 is stored in the
    /// first join's state; the run is the one with the filters written on every input.
    void aFilterOnALaterInputReachesTheJoinBelow()
    {
        const std::array<std::string, 3> inner{"inner", "inner", "inner"};
        const TestScenario inferred = fourWay({"", "", "a3 > 5", ""}, inner);
        const QueryPlan plan = analyze(inferred.load(), OutputMode::Append).value();
        QStringList in1;
        for (const Step& st : plan.inputs[0].steps)
            if (st.kind == Step::Kind::Filter && !st.inferredFrom.empty())
                in1 << QString::fromStdString(st.text + " from " + st.inferredFrom + " through " + st.inferredThrough);
        QCOMPARE(in1, QStringList{"a1 > 5 from a2 > 5 through a1 = a2"});
        QCOMPARE(inferredThroughKeys(plan), (QStringList{"in2: a2 > 5 from a3 > 5 through a2 = a3", "in4: a4 > 5 from a3 > 5 through a3 = a4"}));
        const auto in2 = std::find_if(plan.inputs[1].steps.begin(), plan.inputs[1].steps.end(), [](const Step& st) { return !st.inferredFrom.empty(); });
        QVERIFY(in2->inferredFromNextJoin);
        QVERIFY(plan.chain[0].join->leftOnly.empty()); // moved below the first join, not checked again
        const QStringList expected = run(fourWay({"a1 > 5", "a2 > 5", "a3 > 5", "a4 > 5"}, inner));
        QCOMPARE(run(inferred), expected);
        QVERIFY2(expected.join('\n').contains(QLatin1String("7 7 7 7")), qPrintable(expected.join('\n')));
    }

    /// Join.validConstraints by type: a left outer join's output holds its left side's
    /// constraints only, so a filter on its right input reaches no join after it; a filter on
    /// its left input does. (SPARK-21479's rule, one join higher.)
    void aJoinCarriesOnlyTheConstraintsItsTypeKeeps()
    {
        const TestScenario rightFiltered = fourWay({"", "a2 > 5", "", ""}, {"leftOuter", "inner", "inner"});
        QCOMPARE(inferredThroughKeys(analyze(rightFiltered.load(), OutputMode::Append).value()), QStringList{});
        const TestScenario leftFiltered = fourWay({"a1 > 5", "", "", ""}, {"leftOuter", "inner", "inner"});
        // a1 > 5 reaches in2 through the first join (its null-supplying side), but a1 = a2 is no
        // constraint of a left outer join's output: in3 and in4 get nothing from it.
        QCOMPARE(inferredThroughKeys(analyze(leftFiltered.load(), OutputMode::Append).value()), QStringList{"in2: a2 > 5 from a1 > 5 through a1 = a2"});
        // The same filter written on in2 of an inner first join reaches in3 and in4.
        const TestScenario innerFirst = fourWay({"", "a2 > 5", "", ""}, {"inner", "inner", "inner"});
        QCOMPARE(inferredThroughKeys(analyze(innerFirst.load(), OutputMode::Append).value()),
                 (QStringList{"in3: a3 > 5 from a2 > 5 through a2 = a3", "in4: a4 > 5 from a3 > 5 through a3 = a4"}));
        // The second join's key makes a2 not null, and EliminateOuterJoin then turns the first
        // join inner, but only after filters are inferred: in2's filter still reaches no later join.
        QVERIFY(analyze(rightFiltered.load(), OutputMode::Append).value().join->type == JoinPlan::Type::Inner);
        // Written as a `where` over the first join instead, the filter eliminates the outer join
        // before inference (EliminateOuterJoin, then PushPredicateThroughJoin into in2): it is
        // then an inner join's constraint and reaches every input.
        TestScenario whereAfter = fourWay({"", "", "", ""}, {"leftOuter", "inner", "inner"});
        whereAfter.query += R"(, "where": "a2 > 5")";
        QCOMPARE(inferredThroughKeys(analyze(whereAfter.load(), OutputMode::Append).value()),
                 (QStringList{"in3: a3 > 5 from a2 > 5 through a2 = a3", "in4: a4 > 5 from a3 > 5 through a3 = a4"}));
        const QueryPlan afterPlan = analyze(whereAfter.load(), OutputMode::Append).value();
        QVERIFY(afterPlan.join->writtenType == JoinPlan::Type::LeftOuter);
        QCOMPARE(std::count_if(afterPlan.inputs[0].steps.begin(), afterPlan.inputs[0].steps.end(),
                               [](const Step& st) { return st.inferredFrom == "a2 > 5" && st.text == "a1 > 5"; }),
                 std::ptrdiff_t{1});
    }

    /// A left semi join outputs its left side only, so its constraints are those on that side
    /// (QueryPlanConstraints keeps the ones on the output): the condition's `in2.v > 50` is no
    /// constraint of in1's column of the same name, and the second join's `v = v3` carries
    /// nothing to in3.
    void aSemiJoinCarriesItsLeftSideOnly()
    {
        const std::string sources = intSource("in1", {{100, 3}}) + ", " + intSource("in2", {{100, 3}}) + ", " + intSource("in3", {{100, 3}});
        const auto side = [](const std::string& n, const std::string& columns, const std::string& where) {
            return "{\"source\": \"in" + n + "\", \"selectExpr\": [" + columns + ", \"timestamp_seconds(value) AS t" + n + "\"]" + where
                   + ", \"withWatermark\": {\"column\": \"t" + n + "\", \"delay\": \"0 seconds\"}}";
        };
        TestScenario sc = threeWay("3.5", sources, side("1", "\"value AS k\", \"value AS v\"", ""), side("2", "\"value AS k2\", \"value * 10 AS v\"", ""),
                                   "k = k2 AND in2.v > 50 AND t2 BETWEEN t1 AND t1 + INTERVAL 10 SECONDS", "leftSemi", side("3", "\"value AS v3\"", ""),
                                   "v = v3 AND t3 BETWEEN t1 AND t1 + INTERVAL 10 SECONDS", "inner");
        const auto plan = analyze(sc.load(), OutputMode::Append);
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
        QCOMPARE(inferredThroughKeys(plan.value()), QStringList{});
        // The same filter on in1's own `v` is a constraint of the semi join's output.
        sc = threeWay("3.5", sources, side("1", "\"value AS k\", \"value AS v\"", ", \"where\": \"v > 50\""),
                      side("2", "\"value AS k2\", \"value * 10 AS v\"", ""), "k = k2 AND t2 BETWEEN t1 AND t1 + INTERVAL 10 SECONDS", "leftSemi",
                      side("3", "\"value AS v3\"", ""), "v = v3 AND t3 BETWEEN t1 AND t1 + INTERVAL 10 SECONDS", "inner");
        QCOMPARE(inferredThroughKeys(analyze(sc.load(), OutputMode::Append).value()), QStringList{"in3: v3 > 50 from v > 50 through v = v3"});
    }

    void joinBetweenThreeStreams()
    {
        for (const char* version : {"3.2", "3.5", "4.0"}) {
            QCOMPARE(run(threeStreams(version)), lines(
                "B0 wm=0: | ops=[0/0, 2/0]\n"
                "B1 wm=0: | ops=[2/0, 5/0]\n"
                "B2 wm=0: 5 10 5 15 5 25 | ops=[4/0, 5/0]"));
        }
    }

    /// UnsupportedOperationsSuite "streaming-stream $joinType2 after stream-stream $joinType
    /// join in Append mode" (checkStreamingQueryGlobalWatermarkLimit). Before 3.4 an outer join
    /// can emit rows older than the watermark, so a join after it is refused ("stream-stream
    /// inner join doesn't emit late rows, whereas outer joins could"); from 3.4 every pair runs.
    /// Spark's test nests the first join on the right; the check reads the subtree either way.
    void joinAfterJoinGlobalWatermarkLimit()
    {
        const QString correctness = QStringLiteral("error: ") + QString::fromLatin1(kGlobalWatermarkCorrectnessMessage);
        for (const char* version : {"3.3", "3.4", "3.5", "4.0"})
            for (const char* first : {"inner", "leftOuter", "rightOuter"})
                for (const char* second : {"inner", "leftOuter", "rightOuter"}) {
                    const QStringList out = run(watermarkedThreeWay(version, first, second));
                    const bool refused = std::string(version) == "3.3" && std::string(first) != "inner";
                    QVERIFY2(refused == (out.first() == correctness),
                             qPrintable(QStringLiteral("%1 %2 then %3: %4").arg(version, first, second, out.join('\n'))));
                    if (!refused)
                        QVERIFY2(out.first().startsWith("B0 wm=0: 1 1 1 1 1 1"), qPrintable(out.join('\n')));
                }
        // spark.sql.streaming.statefulOperator.checkCorrectness.enabled=false lets 3.3 run it.
        TestScenario unchecked = watermarkedThreeWay("3.3", "leftOuter", "inner");
        unchecked.conf = R"("spark.sql.streaming.statefulOperator.checkCorrectness.enabled": false)";
        QVERIFY(run(unchecked).first().startsWith("B0 wm=0: 1 1 1 1 1 1"));
    }

    /// 3.4 refuses a time-interval join followed by any stateful operator
    /// (hasRangeExprAgainstEventTimeCol), a second join included; 3.5 propagates the first
    /// join's output watermark instead.
    void timeIntervalJoinThenJoinFailsIn34()
    {
        const std::string range = "v1 = v2 AND t2 BETWEEN t1 AND t1 + INTERVAL 5 SECONDS";
        QCOMPARE(run(watermarkedThreeWay("3.4", "inner", "inner", range)).first(),
                 QStringLiteral("error: ") + QString::fromLatin1(kGlobalWatermarkCorrectnessMessage));
        QVERIFY(run(watermarkedThreeWay("3.5", "inner", "inner", range)).first().startsWith("B0 wm=0: 1 1 1 1 1 1"));
    }

    /// Every join is checked on its own (checkForStreaming visits each Join): a second outer
    /// join without a watermark in its keys or a range condition is refused where it is written.
    void eachJoinIsChecked()
    {
        TestScenario sc = watermarkedThreeWay("3.5", "inner", "leftOuter");
        sc.query = std::string(sc.query).replace(sc.query.find("t1 = t3"), 7, "v1 = v3");
        const auto result = analyze(sc.load());
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().where), QStringLiteral("query.then[0].join"));
        QVERIFY2(result.error().message.find("Stream-stream LeftOuter join between two streaming DataFrame/Datasets is not supported without a watermark")
                     != std::string::npos,
                 result.error().message.c_str());
        // Update mode: refused at the first join already.
        TestScenario update = watermarkedThreeWay("3.5", "inner", "inner");
        update.query = std::string(update.query).replace(update.query.find("\"append\""), 8, "\"update\"");
        const auto refused = analyze(update.load());
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.find("Join between two streaming DataFrames/Datasets is not supported in Update output mode") != std::string::npos);
    }

    /// A join in "then" needs a join in the query: after dropDuplicates or an aggregation alone
    /// it is a file error at its path.
    void aJoinInThenFollowsAJoin()
    {
        TestScenario sc;
        sc.events = {"100: a 100"};
        sc.extraSources = intSource("other", {{100, 1}});
        sc.query = R"("source": "in", "withWatermark": {"column": "t", "delay": "0 seconds"}, "dropDuplicates": ["k"],
                      "then": [{"join": {"right": {"source": "other"}, "on": "k = value"}}], "outputMode": "append")";
        const auto result = analyze(sc.load());
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().where), QStringLiteral("query.then[0].join"));
    }

    /// A malformed join in "then" is a file error that names its JSON path; nothing is half read.
    void malformedStageJoinsNameTheirPath()
    {
        const auto sc = loadScenarioFile(kThreeStreamJoin);
        QVERIFY(sc.ok());
        const std::string good = scenarioToJson(*sc);
        const std::string stage = good.substr(good.find("\"then\""));
        QVERIFY(stage.find("\"join\"") != std::string::npos);
        const std::vector<std::pair<std::string, std::string>> cases = {
            {R"("then": [{"join": 5}])", "query.then[0].join"},
            {R"("then": [{"join": {"on": "a = b"}}])", "query.then[0].join"},
            {R"("then": [{"join": {"right": {"source": "purchases"}, "on": "x", "using": ["x"]}}])", "query.then[0].join"},
            {R"("then": [{"join": {"right": {"source": "purchases"}, "how": "inner"}}])", "query.then[0].join.how"},
            {R"("then": [{"join": {"right": {"source": "nowhere"}, "on": "clickAdId = adId"}}])", "query.then[0].join.right"},
            {R"("then": [{"groupBy": [], "join": {"right": {"source": "purchases"}, "on": "clickAdId = adId"}}])", "query.then[0]"},
        };
        for (const auto& [then, where] : cases) {
            // The file with its `then` replaced.
            std::string text = good;
            const std::size_t at = text.find("\"then\"");
            std::size_t end = at, depth = 0;
            for (; end < text.size(); ++end) {
                if (text[end] == '[')
                    ++depth;
                else if (text[end] == ']' && --depth == 0)
                    break;
            }
            text.replace(at, end + 1 - at, then);
            auto loaded = loadScenarioText(text);
            Error e;
            if (loaded.ok()) {
                auto plan = analyze(*loaded);
                QVERIFY2(!plan.ok(), then.c_str());
                e = plan.error();
            } else {
                e = loaded.error();
            }
            QVERIFY2(e.where.rfind(where, 0) == 0, (then + " -> " + e.where + ": " + e.message).c_str());
        }
    }

    /// scenarios/three-stream-join.json, batch by batch (Spark 3.5, 10-minute watermarks,
    /// 1-minute trigger; times in epoch seconds, 1714557600 = 10:00). The watermark stays 0 until
    /// the purchases' node has seen a row (batch 5). The second join reads the first join's
    /// output watermark, W - 10 min - 1 ms (its BETWEEN), and evicts its joined rows by their
    /// first event-time column, impressionTime, at that - 30 min: ad 3's click waits until batch
    /// 15 (W = 11:30), where it leaves with a null purchase and ad 4's matched row silently. In
    /// the same batch the purchase of ad 3 (10:07) is dropped by operator 2: its late rows are
    /// judged with the previous batch's watermark through the first join, 10:35 - 10 min - 1 ms.
    void threeStreamScenario()
    {
        const auto sc = loadScenarioFile(kThreeStreamJoin);
        QVERIFY2(sc.ok(), sc.ok() ? "" : sc.error().text().c_str());
        const ModeRun r = runMode(*sc, OutputMode::Append);
        QCOMPARE(describeOperators(r), lines(
            "B0 wm=0: | ops=[0/0, 1/0]\n"
            "B1 wm=0: | ops=[0/0, 2/0]\n"
            "B2 wm=0: | ops=[1/0, 3/0]\n"
            "B3 wm=0: | ops=[1/0, 4/0]\n"
            "B4 wm=0: | ops=[2/0, 5/0]\n"
            "B5 wm=0: 1 1714557600 1 1714557780 1 1714558500 | ops=[3/0, 5/0]\n"
            "B6 nodata wm=1714557300: | ops=[3/0, 5/0]\n"
            "B7 wm=1714557300: | ops=[3/0, 6/0]\n"
            "B8 wm=1714557300: | ops=[3/0, 7/0]\n"
            "B9 wm=1714557900: | ops=[4/0, 7/0]\n"
            "B10 wm=1714557900: 4 1714560000 4 1714560060 4 1714560300 | ops=[5/0, 7/0]\n"
            "B11 nodata wm=1714559400: | ops=[4/0, 2/0]\n"
            "B12 wm=1714559400: | ops=[4/0, 3/0]\n"
            "B13 wm=1714559460: | ops=[5/0, 4/0]\n"
            "B14 wm=1714559700: 5 1714563600 5 1714563660 5 1714563720 | ops=[6/0, 4/0]\n"
            "B15 wm=1714563000: 3 1714557900 3 1714557960 null null | ops=[2/1, 2/0]"));
        // "Why?" of the late purchase (event 13: 5 impressions, 5 clicks, then the purchases).
        const RowFate* late = fateOfEvent(r, 13);
        QVERIFY(late);
        QCOMPARE(late->fate, Fate::DroppedByWatermark);
        const QString why = QString::fromStdString(explainFate(*late, r, *sc));
        QVERIFY2(why.contains("Dropped before the join of query.then[0] (stateful operator 2): event time 10:07:00 <= that join's watermark for "
                              "late rows, 10:24:59.999."),
                 qPrintable(why));
        // The dropped row is kept for the output's chainDroppedRows, under operator index 1 (the second join).
        QCOMPARE(r.batches.back().chainDroppedRows.size(), std::size_t(1));
        QCOMPARE(int(r.batches.back().chainDroppedRows.front().first), 1);
    }

    /// StreamingSymmetricHashJoinHelper.getOneSideStateWatermarkPredicate: a side's state value
    /// predicate is put on the first column of its input that carries watermark metadata
    /// (`oneSideInputAttributes.find`), whichever column the range condition bounds. The second
    /// join's range bounds t2, but its joined rows hold t1 first: the row (1, t1=100, t2=190) is
    /// evicted, and emitted with a null right side, once t1 <= the state watermark (W - 100 s
    /// through the first join, - 10 s and 1 ms for the BETWEEN: 139.999 s at W = 250). With a
    /// selectExpr that puts t2 first, it waits until t2 = 190 is behind it (W = 400).
    void evictsAJoinedRowByItsFirstEventTimeColumn()
    {
        auto query = [](const std::string& stageSelect) {
            auto side = [](const std::string& n) {
                return "{\"source\": \"in" + n + "\", \"selectExpr\": [\"id AS v" + n + "\", \"timestamp_seconds(ts) AS t" + n
                       + "\"], \"withWatermark\": {\"column\": \"t" + n + "\", \"delay\": \"0 seconds\"}}";
            };
            auto events = [](const std::string& name, const std::vector<std::tuple<int, int, int>>& rows) {
                std::string out = "\"" + name + "\": {\"schema\": {\"id\": \"long\", \"ts\": \"long\"}, \"events\": [";
                for (std::size_t i = 0; i < rows.size(); ++i)
                    out += (i ? ", " : "") + std::string("{\"at\": ") + std::to_string(std::get<0>(rows[i])) + ", \"row\": {\"id\": "
                           + std::to_string(std::get<1>(rows[i])) + ", \"ts\": " + std::to_string(std::get<2>(rows[i])) + "}}";
                return out + "]}";
            };
            TestScenario sc;
            sc.sparkVersion = "3.5";
            sc.extraSources = events("in1", {{1000, 1, 100}, {1010, 2, 250}, {1020, 3, 400}}) + ", "
                              + events("in2", {{1000, 1, 190}, {1010, 2, 250}, {1020, 3, 400}}) + ", " + events("in3", {{1010, 9, 250}, {1020, 9, 400}});
            sc.query = "\"join\": {\"left\": " + side("1") + ", \"right\": " + side("2")
                       + ", \"on\": \"v1 = v2 AND t2 BETWEEN t1 AND t1 + INTERVAL 100 SECONDS\", \"type\": \"inner\"}, \"then\": [{" + stageSelect
                       + "\"join\": {\"right\": " + side("3")
                       + ", \"on\": \"v2 = v3 AND t3 BETWEEN t2 AND t2 + INTERVAL 10 SECONDS\", \"type\": \"leftOuter\"}}], "
                         "\"outputMode\": \"append\", \"trigger\": {\"processingTime\": \"1 second\"}";
            return sc;
        };
        QCOMPARE(run(query("")), lines(
            "B0 wm=0: | ops=[1/0, 2/0]\n"
            "B1 wm=0: | ops=[3/0, 4/0]\n"
            "B2 nodata wm=250: 1 100 1 190 null null | ops=[2/0, 2/0]\n" // t1 = 100 <= 139.999
            "B3 wm=250: | ops=[4/0, 4/0]\n"
            "B4 nodata wm=400: 2 250 2 250 null null | ops=[2/0, 2/0]"));
        QCOMPARE(run(query("\"selectExpr\": [\"v2\", \"t2\", \"v1\", \"t1\"], ")), lines(
            "B0 wm=0: | ops=[1/0, 2/0]\n"
            "B1 wm=0: | ops=[3/0, 4/0]\n"
            "B2 nodata wm=250: | ops=[3/0, 2/0]\n" // t2 = 190 > 139.999: kept
            "B3 wm=250: | ops=[5/0, 4/0]\n"
            "B4 nodata wm=400: 1 190 1 100 null null; 2 250 2 250 null null | ops=[2/0, 2/0]"));
    }

    /// The file format keeps a join in "then" through a save, and the PySpark export writes it
    /// as the DataFrame code does: `left.join(right, ...)` then `.join(right2, ...)`.
    void savedAndExported()
    {
        const auto sc = loadScenarioFile(kThreeStreamJoin);
        QVERIFY(sc.ok());
        const auto again = loadScenarioText(scenarioToJson(*sc));
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().text().c_str());
        QVERIFY(again->query.join == sc->query.join && again->query.then == sc->query.then);
        QVERIFY(again->query.then.at(0).join.has_value());
        const auto py = exportPySpark(*sc, PySparkExportFormat::Script, "three-stream-join.json");
        QVERIFY2(py.ok(), py.ok() ? "" : py.error().text().c_str());
        const QString code = QString::fromStdString(*py);
        QVERIFY2(code.contains("right2 = ("), qPrintable(code));
        QVERIFY2(code.contains("purchases = read_stream(\"purchases\")"), qPrintable(code));
        QVERIFY2(code.contains(".alias(\"purchases\")"), qPrintable(code));
        QVERIFY2(code.contains(".join(right2, F.expr(\"clickAdId = purchaseAdId AND purchaseTime BETWEEN clickTime AND clickTime + INTERVAL 30 MINUTES\"), "
                               "\"leftOuter\")"),
                 qPrintable(code));
    }

    /// PushPredicateThroughJoin on `a.join(b, ...).join(c, on2)`: a conjunct of `on2` on b's
    /// columns alone is a filter over the first join (the second join, inner, lets Spark take it
    /// out), which the first join, inner too, takes into b, below b's watermark; the `where` of
    /// the stage before the second join goes the same way. Both run as the same conjunct written
    /// in the first join's `on`: b's row 50 (v2 = 50) never moves b's watermark nor enters the
    /// first join's state. Before, it did both.
    void filtersOverTheFirstJoinRunBelowIt()
    {
        auto side = [](const std::string& n) {
            return "{\"source\": \"in" + n + "\", \"selectExpr\": [\"value AS v" + n + "\", \"timestamp_seconds(value) AS t" + n
                   + "\"], \"withWatermark\": {\"column\": \"t" + n + "\", \"delay\": \"10 seconds\"}}";
        };
        const std::string sources = intSource("in1", {{100, 5}, {100, 60}, {110, 6}}) + ", " + intSource("in2", {{100, 5}, {100, 50}, {110, 6}}) + ", "
                                    + intSource("in3", {{100, 5}, {110, 6}, {120, 60}});
        const std::string range = " AND t2 BETWEEN t1 - INTERVAL 5 SECONDS AND t1 + INTERVAL 5 SECONDS";
        const std::string range2 = " AND t3 BETWEEN t1 - INTERVAL 5 SECONDS AND t1 + INTERVAL 5 SECONDS";
        const TestScenario inFirstOn = threeWay("3.5", sources, side("1"), side("2"), "v1 = v2" + range + " AND v2 < 40", "inner", side("3"), "v1 = v3" + range2, "inner");
        const TestScenario inSecondOn = threeWay("3.5", sources, side("1"), side("2"), "v1 = v2" + range, "inner", side("3"), "v1 = v3" + range2 + " AND v2 < 40", "inner");
        TestScenario inStageWhere = threeWay("3.5", sources, side("1"), side("2"), "v1 = v2" + range, "inner", side("3"), "v1 = v3" + range2, "inner");
        const std::string marker = "\"then\": [{";
        inStageWhere.query.replace(inStageWhere.query.find(marker), marker.size(), marker + "\"where\": \"v2 < 40\", ");
        const QStringList expected = run(inFirstOn);
        QCOMPARE(run(inSecondOn), expected);
        QCOMPARE(run(inStageWhere), expected);
        // InferFiltersFromConstraints runs after the first pushdown: wherever `v2 < 40` is
        // written, the second join's left side carries it and `v1 < 40` (through v1 = v2), and
        // its key v1 = v3 takes the latter to in3.
        for (const TestScenario* sc : std::array<const TestScenario*, 3>{&inFirstOn, &inSecondOn, &inStageWhere})
            QCOMPARE(inferredThroughKeys(analyze(sc->load(), OutputMode::Append).value()), QStringList{"in3: v3 < 40 from v1 < 40 through v1 = v3"});
        for (const TestScenario* sc : std::array<const TestScenario*, 2>{&inSecondOn, &inStageWhere}) {
            const QueryPlan plan = analyze(sc->load(), OutputMode::Append).value();
            QVERIFY(plan.chain[0].steps.empty()); // the stage's where moved too
            const auto& steps = plan.inputs[1].steps;
            const auto moved = std::count_if(steps.begin(), steps.end(), [](const Step& st) {
                return st.kind == Step::Kind::Filter && (st.pushedFromJoin || st.pushedFromWhere) && st.text.find("v2 < 40") != std::string::npos;
            });
            QCOMPARE(moved, 1);
            for (const BoundExpr& c : plan.chain[0].join->leftOnly) // only the isnotnull filters Spark infers stay
                QCOMPARE(c.op, BoundExpr::Op::IsNotNull);
        }
    }

    /// InferFiltersFromConstraints, then EliminateOuterJoin: `a.join(b, ..., "leftOuter")
    /// .join(c, b.v = c.v)` can never join a row whose b columns are null, so Spark infers
    /// `isnotnull(v2)` over the first join, which then runs as an inner join. A second join
    /// that keeps such rows (left outer) leaves the first one as written.
    void aLaterInnerJoinOnTheNullPaddedSideNarrowsTheFirst()
    {
        const TestScenario narrowed = watermarkedThreeWay("3.5", "leftOuter", "inner", "t1 = t2");
        TestScenario onMiddle = narrowed;
        onMiddle.query.replace(onMiddle.query.find("t1 = t3"), 7, "t2 = t3");
        const auto analysed = analyze(onMiddle.load(), OutputMode::Append);
        QVERIFY2(analysed.ok(), analysed.ok() ? "" : analysed.error().message.c_str());
        const QueryPlan& plan = analysed.value();
        QVERIFY(plan.join->type == JoinPlan::Type::Inner);
        QVERIFY(plan.join->writtenType == JoinPlan::Type::LeftOuter);
        TestScenario kept = onMiddle;
        const std::string inner = "\"type\": \"inner\"";
        kept.query.replace(kept.query.rfind(inner), inner.size(), "\"type\": \"leftOuter\"");
        const QueryPlan keptPlan = analyze(kept.load(), OutputMode::Append).value();
        QVERIFY(keptPlan.join->type == JoinPlan::Type::LeftOuter);
        QVERIFY(!keptPlan.join->writtenType);
    }

    /// InferFiltersFromConstraints, then PushPredicateThroughJoin over the first join: the
    /// second join's key `j2 = v3` can never join a row whose j2 is null, so Spark infers
    /// `isnotnull(j2)` over the first join and pushes it into in2, below in2's watermark. The
    /// in2 row 90 (j2 null) is then never stored and never moves in2's watermark, so in2's row
    /// 20 of the next batch is not late: the run is the one with `where j2 IS NOT NULL` written
    /// on in2 before its watermark. (Were the filter left before the second join, row 90 would
    /// take the global watermark to 90 and drop row 20.)
    void theNextJoinsInferredFilterRunsBelowTheFirstJoinsInput()
    {
        auto side = [](const std::string& n, const std::string& extra, const std::string& where) {
            return "{\"source\": \"in" + n + "\", \"selectExpr\": [\"value AS v" + n + "\", \"timestamp_seconds(value) AS t" + n + "\"" + extra + "]"
                   + where + ", \"withWatermark\": {\"column\": \"t" + n + "\", \"delay\": \"0 seconds\"}}";
        };
        const std::string j2 = ", \"CASE WHEN value > 50 THEN NULL ELSE value END AS j2\"";
        const std::string sources = intSource("in1", {{100, 20}, {100, 100}}) + ", " + intSource("in2", {{100, 10}, {100, 90}, {110, 20}}) + ", "
                                    + intSource("in3", {{100, 20}, {100, 100}});
        const TestScenario inferred = threeWay("3.5", sources, side("1", "", ""), side("2", j2, ""), "t1 = t2", "inner", side("3", "", ""),
                                               "t1 = t3 AND j2 = v3", "inner");
        const TestScenario written = threeWay("3.5", sources, side("1", "", ""), side("2", j2, ", \"where\": \"j2 IS NOT NULL\""), "t1 = t2", "inner",
                                              side("3", "", ""), "t1 = t3 AND j2 = v3", "inner");
        const QStringList expected = run(written);
        QCOMPARE(run(inferred), expected);
        QVERIFY2(expected.join('\n').contains(QLatin1String("20 20 20 20 20 20")), qPrintable(expected.join('\n')));
        const QueryPlan plan = analyze(inferred.load(), OutputMode::Append).value();
        const auto& in2 = plan.inputs[1].steps;
        const auto notNull = std::find_if(in2.begin(), in2.end(), [](const Step& st) { return st.inferredFromJoin && st.text == "isnotnull(j2)"; });
        const auto watermark = std::find_if(in2.begin(), in2.end(), [](const Step& st) { return st.kind == Step::Kind::Watermark; });
        QVERIFY(notNull != in2.end());
        QVERIFY(notNull < watermark);
        QVERIFY(notNull->inferredFromNextJoin); // the second join's condition, not the first's
        for (const Step& st : plan.inputs[0].steps) // in1's filters come from the first join's own condition
            QVERIFY2(!st.inferredFromNextJoin, st.text.c_str());
        // "Why?" on the in2 row 90 (global event 3) names the second join's condition.
        const Scenario loaded = inferred.load();
        const ModeRun modeRun = runMode(loaded, OutputMode::Append);
        const RowFate* removed = nullptr;
        for (const BatchRecord& b : modeRun.batches)
            for (const RowFate& f : b.fates)
                if (f.event == 3 && !removed)
                    removed = &f;
        QVERIFY(removed);
        QCOMPARE(removed->fate, Fate::Filtered);
        const std::string why = render(explainFatePhrases(*removed, modeRun, loaded));
        QVERIFY2(why.find("`isnotnull(j2)`") != std::string::npos && why.find("the condition of the second join") != std::string::npos
                     && why.find("does not move the watermark") != std::string::npos,
                 why.c_str());
        const JoinPlan& second = *plan.chain[0].join;
        QCOMPARE(second.leftSchema[4].name, std::string("j2"));
        for (const BoundExpr& c : second.leftOnly) // what moved is not checked twice
            QVERIFY(c.op != BoundExpr::Op::IsNotNull || c.args[0].column != 4);
    }

    /// The same with the nullable key on the preserved side of a left outer first join:
    /// EliminateOuterJoin keeps the join left outer (`isnotnull(j1)` is on its left side), and
    /// PushPredicateThroughJoin's Filter case takes a left-side conjunct of a left outer join into
    /// the left input, below in1's watermark. The in1 row 90 (j1 null) then never moves it, and
    /// in1's row 20 of the next batch is not late.
    void theNextJoinsInferredFilterRunsBelowTheFirstJoinsPreservedSide()
    {
        auto side = [](const std::string& n, const std::string& extra, const std::string& where) {
            return "{\"source\": \"in" + n + "\", \"selectExpr\": [\"value AS v" + n + "\", \"timestamp_seconds(value) AS t" + n + "\"" + extra + "]"
                   + where + ", \"withWatermark\": {\"column\": \"t" + n + "\", \"delay\": \"0 seconds\"}}";
        };
        const std::string j1 = ", \"CASE WHEN value > 50 THEN NULL ELSE value END AS j1\"";
        const std::string sources = intSource("in1", {{100, 10}, {100, 90}, {110, 20}}) + ", " + intSource("in2", {{100, 20}, {100, 100}}) + ", "
                                    + intSource("in3", {{100, 20}, {100, 100}});
        const TestScenario inferred = threeWay("3.5", sources, side("1", j1, ""), side("2", "", ""), "t1 = t2", "leftOuter", side("3", "", ""),
                                               "t1 = t3 AND j1 = v3", "inner");
        const TestScenario written = threeWay("3.5", sources, side("1", j1, ", \"where\": \"j1 IS NOT NULL\""), side("2", "", ""), "t1 = t2",
                                              "leftOuter", side("3", "", ""), "t1 = t3 AND j1 = v3", "inner");
        const QStringList expected = run(written);
        QCOMPARE(run(inferred), expected);
        QVERIFY2(expected.join('\n').contains(QLatin1String("20 20 20 20 20 20 20")), qPrintable(expected.join('\n')));
        const QueryPlan plan = analyze(inferred.load(), OutputMode::Append).value();
        QVERIFY(plan.join->type == JoinPlan::Type::LeftOuter);
        const auto& in1 = plan.inputs[0].steps;
        const auto notNull = std::find_if(in1.begin(), in1.end(), [](const Step& st) { return st.inferredFromJoin && st.text == "isnotnull(j1)"; });
        const auto watermark = std::find_if(in1.begin(), in1.end(), [](const Step& st) { return st.kind == Step::Kind::Watermark; });
        QVERIFY(notNull != in1.end());
        QVERIFY(notNull < watermark);
    }

    /// PushPredicateThroughJoin on the second join, then on the first: a conjunct of the second
    /// join's condition over both sides of an inner first join (here the time range between t1
    /// and t2) becomes part of the first join's condition, where it bounds the first join's
    /// state. The run is the one with the range written in the first join's `on`; left in the
    /// second join, it would pass the same rows but the first join would keep every row.
    void aSecondJoinsRangeOverTheFirstJoinsSidesBoundsItsState()
    {
        auto side = [](const std::string& n) {
            return "{\"source\": \"in" + n + "\", \"selectExpr\": [\"value % 3 AS v" + n + "\", \"timestamp_seconds(value) AS t" + n
                   + "\"], \"withWatermark\": {\"column\": \"t" + n + "\", \"delay\": \"0 seconds\"}}";
        };
        const std::string range = "t2 BETWEEN t1 - INTERVAL 5 SECONDS AND t1 + INTERVAL 5 SECONDS";
        const std::string sources = intSource("in1", {{100, 10}, {110, 40}, {120, 70}}) + ", " + intSource("in2", {{100, 13}, {100, 25}, {110, 43}, {120, 73}})
                                    + ", " + intSource("in3", {{100, 10}, {110, 40}, {120, 70}});
        const TestScenario inSecond = threeWay("3.5", sources, side("1"), side("2"), "v1 = v2", "inner", side("3"), "t1 = t3 AND " + range, "inner");
        const TestScenario inFirst = threeWay("3.5", sources, side("1"), side("2"), "v1 = v2 AND " + range, "inner", side("3"), "t1 = t3", "inner");
        const QStringList expected = run(inFirst);
        QCOMPARE(run(inSecond), expected);
        const QString all = expected.join('\n');
        QVERIFY2(all.contains(QLatin1String("1 40 1 43 1 40")), qPrintable(all));  // a match, through both joins
        QVERIFY2(expected.last().endsWith(QLatin1String(", 2/0]")), qPrintable(all)); // the first join keeps the last pair only
        const QueryPlan plan = analyze(inSecond.load(), OutputMode::Append).value();
        QCOMPARE(plan.join->conditionFromNextJoin.size(), std::size_t{1});
        QVERIFY(plan.join->conditionFromWhere.empty());
        QVERIFY(plan.chain[0].join->leftOnly.empty() || plan.chain[0].join->leftOnly[0].op == BoundExpr::Op::IsNotNull);
    }
};

QTEST_APPLESS_MAIN(TestMultiwayJoins)
#include "tst_multiwayjoins.moc"
