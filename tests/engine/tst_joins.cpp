// SPDX-License-Identifier: GPL-3.0-or-later
// Stream-stream and stream-static joins as StreamingSymmetricHashJoinExec runs them:
// matching across batches, state watermarks at their exact boundaries, outer null rows,
// late rows per side, one-sided watermarks, and Spark's join errors.
#include "engine/scenario/ScenarioFile.h"
#include "tests/support/DescribedRun.h"
#include "tests/support/TestScenario.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

Q_DECLARE_METATYPE(tidemark::OutputMode)

namespace {

/// Two streams "l" (k, lt) and "r" (k, rt); events "side AT: k time".
TestScenario joinScenario(const QString& on, const QString& type, const QString& leftWatermark, const QString& rightWatermark,
                          const QStringList& events, const QString& version = "4.0", const QString& conf = "")
{
    TestScenario sc;
    sc.sparkVersion = version.toStdString();
    sc.conf = conf.toStdString();
    std::string left, right;
    for (const auto& e : events) {
        const QStringList parts = e.split(' ', Qt::SkipEmptyParts); // "l", "10:", "a", "5"
        const std::string ev = "{\"at\": " + parts[1].chopped(1).toStdString() + ", \"row\": {\"k\": \"" + parts[2].toStdString()
                               + "\", \"" + (parts[0] == "l" ? "lt" : "rt") + "\": " + parts[3].toStdString() + "}}";
        std::string& side = parts[0] == "l" ? left : right;
        side += (side.empty() ? "" : ",") + ev;
    }
    sc.schema = {{"k", "string"}, {"lt", "timestamp"}};
    sc.events = {};
    sc.extraSources = "\"l\": {\"schema\": {\"k\": \"string\", \"lt\": \"timestamp\"}, \"events\": [" + left + "]},"
                      "\"r\": {\"schema\": {\"k\": \"string\", \"rt\": \"timestamp\"}, \"events\": [" + right + "]}";
    auto side = [](const char* src, const QString& wm, const char* col) {
        std::string s = std::string("{\"source\": \"") + src + "\"";
        if (!wm.isEmpty())
            s += std::string(", \"withWatermark\": {\"column\": \"") + col + "\", \"delay\": \"" + wm.toStdString() + "\"}";
        return s + "}";
    };
    sc.query = "\"join\": {\"left\": " + side("l", leftWatermark, "lt") + ", \"right\": " + side("r", rightWatermark, "rt")
               + ", \"on\": \"" + on.toStdString() + "\", \"type\": \"" + type.toStdString()
               + "\"}, \"outputMode\": \"append\", \"trigger\": {\"processingTime\": \"1 second\"}";
    return sc;
}

QString run(const TestScenario& sc)
{
    return describedRun(sc, OutputMode::Append).join('\n');
}

const char* kRange = "l.k = r.k AND rt BETWEEN lt AND lt + INTERVAL 10 SECONDS";

/// Streams "x" and "y", both (a, b, t): the relations of Spark's InferFiltersFromConstraintsSuite
/// (its testRelation has columns a, b, c). `query` is the query's JSON members.
TestScenario xyScenario(const std::string& query)
{
    TestScenario sc;
    const char* schema = R"({"a": "long", "b": "long", "t": "timestamp"})";
    sc.extraSources = std::string(R"("x": {"schema": )") + schema + R"(, "events": []}, "y": {"schema": )" + schema + R"(, "events": []})";
    sc.query = query;
    return sc;
}

/// The filters Spark's optimizer infers through a key equality, per input: "x: a = 10 from a = 10 through a = a".
QStringList inferredThroughKeys(const TestScenario& sc)
{
    auto plan = analyze(sc.load(), OutputMode::Append);
    if (!plan.ok())
        return {QString::fromStdString("error: " + plan.error().describe())};
    QStringList out;
    for (const InputPlan& in : plan->inputs)
        for (const Step& s : in.steps)
            if (s.kind == Step::Kind::Filter && !s.inferredFrom.empty())
                out << QString::fromStdString(plan->inputs.size() && in.source < 99 ? sc.load().sources[in.source].name + ": " + s.text + " from "
                                                                                         + s.inferredFrom + " through " + s.inferredThrough
                                                                                   : std::string());
    return out;
}

} // namespace

class TestJoins : public QObject {
    Q_OBJECT
private slots:
    void batches_data()
    {
        QTest::addColumn<QString>("on");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("leftWm");
        QTest::addColumn<QString>("rightWm");
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("expected");

        QTest::newRow("inner: a pair is emitted once, in the batch its second partner arrives")
            << "l.k = r.k" << "inner" << "" << "" << QStringList{"l 100: a 1", "r 110: a 2", "r 120: a 3", "l 130: a 4"} << "4.0"
            << "B0 wm=0 late=0: | dropped=0 state=1\nB1 wm=0 late=0: a 1 a 2 | dropped=0 state=2\n"
               "B2 wm=0 late=0: a 1 a 3 | dropped=0 state=3\nB3 wm=0 late=0: a 4 a 2; a 4 a 3 | dropped=0 state=4";
        QTest::newRow("inner without watermarks: the state grows forever")
            << "l.k = r.k" << "inner" << "" << "" << QStringList{"l 100: a 1", "l 110: b 2", "r 120: c 3"} << "4.0"
            << "B0 wm=0 late=0: | dropped=0 state=1\nB1 wm=0 late=0: | dropped=0 state=2\nB2 wm=0 late=0: | dropped=0 state=3";
        // Range rt - lt in [0 s, 10 s], both watermarks 0: W advances with the slower side.
        // Left state watermark = W - 10 s - 1 ms; right state watermark = W - 1 ms.
        QTest::newRow("left outer: null row only when the state watermark evicts it")
            << kRange << "leftOuter" << "0 seconds" << "0 seconds" << QStringList{"l 100: a 10", "r 100: z 10", "l 110: b 30", "r 110: z 30"}
            << "4.0"
            << "B0 wm=0 late=0: | dropped=0 state=2\nB1 nodata wm=10 late=0: | dropped=0 state=2\n"
               "B2 wm=10 late=10: | dropped=0 state=4\nB3 nodata wm=30 late=10: a 10 null null | dropped=0 state=2";
        QTest::newRow("left state evicted exactly at W - 10 s - 1 ms, kept 1 ms later")
            << kRange << "leftOuter" << "0 seconds" << "0 seconds"
            << QStringList{"l 100: a 20", "l 100: b 20.001", "l 100: c 19.999", "r 100: z 10", "l 110: x 30.001", "r 110: z 30.001"} << "4.0"
            << "B0 wm=0 late=0: | dropped=0 state=4\nB1 nodata wm=10 late=0: | dropped=0 state=4\n"
               "B2 wm=10 late=10: | dropped=0 state=6\nB3 nodata wm=30.001 late=10: a 20 null null; c 19.999 null null | dropped=0 state=3";
        QTest::newRow("right outer: right state evicted at W - 1 ms")
            << kRange << "rightOuter" << "0 seconds" << "0 seconds"
            << QStringList{"l 100: z 50", "r 100: a 50", "r 100: b 49.999", "l 110: z 50.001", "r 110: y 60"} << "4.0"
            << "B0 wm=0 late=0: | dropped=0 state=3\nB1 nodata wm=50 late=0: null null b 49.999 | dropped=0 state=2\n"
               "B2 wm=50 late=50: | dropped=0 state=4\nB3 nodata wm=50.001 late=50: null null a 50 | dropped=0 state=3";
        QTest::newRow("late rows are dropped on each side")
            << kRange << "inner" << "0 seconds" << "0 seconds" << QStringList{"l 100: a 50", "r 100: a 55", "l 110: a 40", "r 110: a 45"} << "4.0"
            << "B0 wm=0 late=0: a 50 a 55 | dropped=0 state=2\nB1 nodata wm=50 late=0: | dropped=0 state=2\n"
               "B2 wm=50 late=50: | dropped=2 state=2";
        QTest::newRow("one-sided watermark and a range: neither side can be evicted, no no-data batch")
            << kRange << "inner" << "0 seconds" << "" << QStringList{"l 100: a 10", "r 100: b 10", "l 110: c 100"} << "4.0"
            << "B0 wm=0 late=0: | dropped=0 state=2\nB1 wm=10 late=0: | dropped=0 state=3";
        QTest::newRow("one-sided watermark on a join key evicts both sides")
            << "l.k = r.k AND l.lt = r.rt" << "inner" << "0 seconds" << "" << QStringList{"l 100: a 10", "r 100: b 10", "l 110: c 100"} << "4.0"
            << "B0 wm=0 late=0: | dropped=0 state=2\nB1 nodata wm=10 late=0: | dropped=0 state=0\n"
               "B2 wm=10 late=10: | dropped=0 state=1\nB3 nodata wm=100 late=10: | dropped=0 state=0";
        QTest::newRow("a row its own state watermark evicts: not stored before 3.5.4")
            << kRange << "leftOuter" << "0 seconds" << "0 seconds" << QStringList{"l 100: a 100", "r 100: z 100", "l 101: b 85"} << "3.4"
            << "B0 wm=0 late=0: | dropped=0 state=2\nB1 wm=100 late=0: | dropped=0 state=2";
        QTest::newRow("a row its own state watermark evicts: stored, evicted and emitted from 3.5.4")
            << kRange << "leftOuter" << "0 seconds" << "0 seconds" << QStringList{"l 100: a 100", "r 100: z 100", "l 101: b 85"} << "3.5"
            << "B0 wm=0 late=0: | dropped=0 state=2\nB1 wm=100 late=0: b 85 null null | dropped=0 state=2";
        QTest::newRow("the same row is simply late with one watermark (3.2)")
            << kRange << "leftOuter" << "0 seconds" << "0 seconds" << QStringList{"l 100: a 100", "r 100: z 100", "l 101: b 85"} << "3.2"
            << "B0 wm=0 late=0: | dropped=0 state=2\nB1 wm=100 late=100: | dropped=1 state=2";
        QTest::newRow("join on equal windows: key watermark evicts both sides by window end")
            << "l.k = r.k AND l.lt = r.rt" << "inner" << "0 seconds" << "0 seconds"
            << QStringList{"l 100: a 10", "r 100: a 10", "r 100: b 20", "l 110: c 30", "r 110: c 30"} << "4.0"
            << "B0 wm=0 late=0: a 10 a 10 | dropped=0 state=3\nB1 nodata wm=10 late=0: | dropped=0 state=1\n"
               "B2 wm=10 late=10: c 30 c 30 | dropped=0 state=3\nB3 nodata wm=30 late=10: | dropped=0 state=0";
    }

    void batches()
    {
        QFETCH(QString, on);
        QFETCH(QString, type);
        QFETCH(QString, leftWm);
        QFETCH(QString, rightWm);
        QFETCH(QStringList, events);
        QFETCH(QString, version);
        QFETCH(QString, expected);
        QCOMPARE(run(joinScenario(on, type, leftWm, rightWm, events, version)), expected);
    }

    void fullOuterAndSemiScenarios()
    {
        const QString dir = QStringLiteral(TIDEMARK_SCENARIOS);
        auto full = loadScenarioFile((dir + "/stream-stream-full-outer.json").toStdString());
        QVERIFY(full.ok());
        const ModeRun f = runMode(*full, OutputMode::Append);
        QStringList rows;
        for (const auto& b : f.batches)
            for (const auto& r : b.sinkRows)
                rows << QString("B%1%2: %3").arg(b.batchId).arg(b.noData ? " nodata" : "").arg(QString::fromStdString(describeRow(r, f.plan->output)));
        QCOMPARE(rows.join(" | "), QString("B0: 1 1709600400 1 1709600520 | B3: 3 1709601600 3 1709601900 | B4 nodata: null null 9 1709600580 | "
                                           "B5: 4 1709602800 4 1709603100 | B6 nodata: 2 1709600460 null null"));
        auto semi = loadScenarioFile((dir + "/stream-stream-left-semi.json").toStdString());
        QVERIFY(semi.ok());
        const ModeRun s = runMode(*semi, OutputMode::Append);
        rows.clear();
        for (const auto& b : s.batches)
            for (const auto& r : b.sinkRows)
                rows << QString("B%1: %2").arg(b.batchId).arg(QString::fromStdString(describeRow(r, s.plan->output)));
        QCOMPARE(rows.join(" | "), QString("B0: 1 1709600400 | B1: 2 1709600410 | B2: 5 1709602200"));
    }

    void multipleWatermarkPolicyOnTwoInputs()
    {
        // min: the global watermark waits for the slower input; max: follows the faster one.
        const QStringList events = {"l 100: a 100", "r 100: a 50", "l 110: a 200"};
        auto min = joinScenario(kRange, "inner", "0 seconds", "0 seconds", events);
        auto max = joinScenario(kRange, "inner", "0 seconds", "0 seconds", events, "4.0", R"("spark.sql.streaming.multipleWatermarkPolicy": "max")");
        const ModeRun a = runMode(min.load(), OutputMode::Append);
        const ModeRun b = runMode(max.load(), OutputMode::Append);
        QCOMPARE(a.batches[0].nextWatermarkMs, 50000LL);
        QCOMPARE(b.batches[0].nextWatermarkMs, 100000LL);
    }

    /// ExtractEquiJoinKeys takes `<=>` as a key too: a null key then matches a null key (and
    /// only a null one), where `=` never matches a null. Null-safe keys are not watermark keys.
    void nullSafeKeys_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("expected");
        // `=` is null-intolerant, so Spark's optimizer filters isnotnull(k) on both inputs of an
        // inner join (InferFiltersFromConstraints): the null keys are never stored. `<=>` is not.
        QTest::newRow("=") << "=" << "B0 wm=0 late=0: x 1 x 1 | dropped=0 state=3";
        QTest::newRow("<=>") << "<=>" << "B0 wm=0 late=0: x 1 x 1; null 2 null 2 | dropped=0 state=5";
    }
    void nullSafeKeys()
    {
        QFETCH(QString, op);
        QFETCH(QString, expected);
        TestScenario sc;
        sc.extraSources = "\"l\": {\"schema\": {\"k\": \"string\", \"v\": \"long\"}, \"events\": ["
                          "{\"at\": 100, \"row\": {\"k\": \"x\", \"v\": 1}}, {\"at\": 100, \"row\": {\"k\": null, \"v\": 2}},"
                          "{\"at\": 100, \"row\": {\"k\": \"\", \"v\": 3}}]},"
                          "\"r\": {\"schema\": {\"k\": \"string\", \"v\": \"long\"}, \"events\": ["
                          "{\"at\": 100, \"row\": {\"k\": \"x\", \"v\": 1}}, {\"at\": 100, \"row\": {\"k\": null, \"v\": 2}}]}";
        sc.query = "\"join\": {\"left\": {\"source\": \"l\"}, \"right\": {\"source\": \"r\"}, \"on\": \"l.k " + op.toStdString()
                   + " r.k\", \"type\": \"inner\"}, \"outputMode\": \"append\", \"trigger\": {\"processingTime\": \"1 second\"}";
        QStringList lines;
        for (const auto& l : runAndDescribe(sc, OutputMode::Append))
            lines << QString::fromStdString(l);
        QCOMPARE(lines.join('\n'), expected);
    }

    /// InferFiltersFromConstraints' equality part, transcribed from InferFiltersFromConstraintsSuite
    /// (each row names its test): a constraint on one side's key is carried by the key equality
    /// to the other side, on the inputs the join type lets the optimizer filter.
    void keyEqualityCarriesConstraints_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        // Streams need what Spark's checks ask of a streaming join: watermarks and a time range
        // (outer joins); the range reads no key, so it carries nothing.
        const auto join = [](const char* left, const char* right, const char* on, const char* type, const char* after = "") {
            return QString::fromLatin1(R"("join": {"left": {"source": "x"%1, "withWatermark": {"column": "t", "delay": "0 seconds"}}, )"
                                       R"("right": {"source": "y"%2, "withWatermark": {"column": "t", "delay": "0 seconds"}}, )"
                                       R"("on": "%3 AND y.t BETWEEN x.t AND x.t + INTERVAL 10 SECONDS", "type": "%4"}%5, )"
                                       R"("outputMode": "append", "trigger": {"processingTime": "1 second"})")
                .arg(QString::fromLatin1(left), QString::fromLatin1(right), QString::fromLatin1(on), QString::fromLatin1(type),
                     QString::fromLatin1(after));
        };
        QTest::newRow("single inner join: filter out values on either side on equi-join keys")
            << join("", "", "x.a = y.a AND x.a = 1 AND y.b > 5", "inner") << QStringList{"y: a = 1 from a = 1 through a = a"};
        QTest::newRow("single inner join with pre-existing filters: filter out values on either side")
            << join(R"(, "where": "b > 5")", R"(, "where": "a = 10")", "x.a = y.a AND x.b = y.b", "inner")
            << QStringList{"x: a = 10 from a = 10 through a = a", "y: b > 5 from b > 5 through b = b"};
        QTest::newRow("SPARK-21479: Outer join pre-existing filters push down to null-supplying side")
            << join("", R"(, "where": "a > 5")", "x.a = y.a", "rightOuter") << QStringList{"x: a > 5 from a > 5 through a = a"};
        QTest::newRow("SPARK-21479: Outer join no filter push down to preserved side")
            << join("", R"(, "where": "a = 1")", "x.a = y.a", "leftOuter") << QStringList{};
        QTest::newRow("SPARK-21479: Outer join after-join filters push down to null-supplying side")
            << join("", "", "x.a = y.a", "leftOuter", R"(, "where": "left.a = 2")") << QStringList{"y: a = 2 from a = 2 through a = a"};
        QTest::newRow("single outer join: no null filters are generated")
            << join(R"(, "where": "a = 1")", "", "x.a = y.a", "fullOuter") << QStringList{};
        // As "single inner join: filter out nulls on either side on non equal keys" (a stream-stream
        // join needs one equality: b's): `!=` is no equality, a's constraint stays on x.
        QTest::newRow("`!=` carries nothing")
            << join("", "", "x.b = y.b AND x.a != y.a AND x.a = 1", "inner") << QStringList{};
        // Not in the suite: USING resolves into the same equality (Analyzer.commonNaturalJoinProcessing).
        QTest::newRow("using: a filter on the key reaches the other side")
            << QString::fromLatin1(R"("join": {"left": {"source": "x", "where": "a = 3", "withWatermark": {"column": "t", "delay": "0 seconds"}}, )"
                                   R"("right": {"source": "y", "withWatermark": {"column": "t", "delay": "0 seconds"}}, "using": ["a"], "type": "inner"}, )"
                                   R"("outputMode": "append", "trigger": {"processingTime": "1 second"})")
            << QStringList{"y: a = 3 from a = 3 through a = a"};
        // Cast equalities rewrite one way (EqualTo(Cast(l: Attribute), r: Attribute) replaces r by
        // the cast). x's `a` is an int here, y's `b` a bigint.
        const char* intA = R"(, "selectExpr": ["CAST(a AS INT) AS a", "b", "t"])";
        QTest::newRow("Constraints should be inferred from cast equality constraint(filter higher data type)")
            << join(intA, R"(, "where": "b = 1")", "CAST(x.a AS BIGINT) = y.b", "inner")
            << QStringList{"x: CAST(a AS BIGINT) = 1 from b = 1 through CAST(a AS BIGINT) = b"};
        QTest::newRow("... the equality the other way round")
            << join(intA, R"(, "where": "b = 1")", "y.b = CAST(x.a AS BIGINT)", "inner")
            << QStringList{"x: CAST(a AS BIGINT) = 1 from b = 1 through b = CAST(a AS BIGINT)"};
        // Spark's type coercion writes `x.a = y.b` as `CAST(x.a AS BIGINT) = y.b`.
        QTest::newRow("... an implicit cast") << join(intA, R"(, "where": "b = 1")", "x.a = y.b", "inner")
                                              << QStringList{"x: CAST(a AS BIGINT) = 1 from b = 1 through a = b"};
        QTest::newRow("... the cast on the filtered side carries nothing")
            << join(intA, R"(, "where": "b = 1")", "x.a = CAST(y.b AS INT)", "inner") << QStringList{};
        QTest::newRow("Constraints shouldn't be inferred from cast equality constraint(filter lower data type)")
            << join(R"(, "selectExpr": ["CAST(a AS INT) AS a", "b", "t"], "where": "a = 1")", "", "CAST(x.a AS BIGINT) = y.b", "inner")
            << QStringList{};
        QTest::newRow("... with the cast on the other side")
            << join(R"(, "selectExpr": ["CAST(a AS INT) AS a", "b", "t"], "where": "a = 1")", "", "x.a = CAST(y.b AS INT)", "inner")
            << QStringList{"y: CAST(b AS INT) = 1 from a = 1 through a = CAST(b AS INT)"};
        // `x.a < y.b` through `x.a = y.a` reads y alone: a filter on y.
        QTest::newRow("a condition on both sides can become one on the other side alone")
            << join("", "", "x.a = y.a AND x.a < y.b", "inner") << QStringList{"y: a < b from a < b through a = a"};
    }
    void keyEqualityCarriesConstraints()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(inferredThroughKeys(xyScenario(query.toStdString())), expected);
    }

    /// The row the inferred filter rejects (r's `b` at 50 s) is neither stored nor counted in its
    /// side's watermark: the global watermark (the min of the two sides') ends at 12 s, the right
    /// side's max event time; with that row it would reach 50 s, and state would hold 3 rows
    /// after the first batch.
    void inferredFilterKeepsRowsOutOfStateAndWatermark()
    {
        const auto sc = joinScenario("l.k = r.k AND l.k = 'a' AND rt BETWEEN lt AND lt + INTERVAL 10 SECONDS", "inner", "0 seconds", "0 seconds",
                                     {"l 100: a 10", "r 100: a 12", "r 100: b 50", "l 110: a 60"});
        QCOMPARE(run(sc), QStringLiteral("B0 wm=0 late=0: a 10 a 12 | dropped=0 state=2\n"
                                         "B1 nodata wm=10 late=0: | dropped=0 state=2\n"
                                         "B2 wm=10 late=10: | dropped=0 state=3\n"
                                         "B3 nodata wm=12 late=10: | dropped=0 state=3"));
    }

    void joinEventsTellTheLife()
    {
        const auto sc = joinScenario(kRange, "leftOuter", "0 seconds", "0 seconds", {"l 100: a 10", "r 100: z 10", "l 110: b 30", "r 110: z 30"});
        const ModeRun run = runMode(sc.load(), OutputMode::Append);
        bool stored = false, evictedWithNull = false;
        for (const auto& b : run.batches)
            for (const auto& e : b.joinEvents) {
                if (e.side == 0 && e.event == 0 && e.kind == JoinEvent::Kind::Stored)
                    stored = true;
                if (e.side == 0 && e.event == 0 && e.kind == JoinEvent::Kind::EvictedWithNull)
                    evictedWithNull = b.batchId == 3;
            }
        QVERIFY(stored);
        QVERIFY(evictedWithNull);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("on");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("leftWm");
        QTest::addColumn<QString>("rightWm");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("outer join without any watermark")
            << "4.0" << "l.k = r.k" << "leftOuter" << "" << "" << "append"
            << "AnalysisException: Stream-stream LeftOuter join between two streaming DataFrame/Datasets is not supported without a watermark in the "
               "join keys, or a watermark on the nullable side and an appropriate range condition";
        QTest::newRow("left outer with the watermark on the wrong side")
            << "4.0" << kRange << "leftOuter" << "0 seconds" << "" << "append"
            << "AnalysisException: Stream-stream LeftOuter join between two streaming DataFrame/Datasets is not supported without a watermark in the "
               "join keys, or a watermark on the nullable side and an appropriate range condition";
        QTest::newRow("right outer without a range condition")
            << "4.0" << "l.k = r.k" << "rightOuter" << "0 seconds" << "0 seconds" << "append"
            << "AnalysisException: Stream-stream RightOuter join between two streaming DataFrame/Datasets is not supported without a watermark in the "
               "join keys, or a watermark on the nullable side and an appropriate range condition";
        QTest::newRow("a stream-stream join in update mode")
            << "3.2" << "l.k = r.k" << "inner" << "" << "" << "update"
            << "AnalysisException: Join between two streaming DataFrames/Datasets is not supported in Update output mode, only in Append output mode";
        QTest::newRow("a stream-stream join in complete mode")
            << "3.2" << "l.k = r.k" << "inner" << "" << "" << "complete"
            << "AnalysisException: Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets";
        QTest::newRow("no equality predicate")
            << "4.0" << "rt BETWEEN lt AND lt + INTERVAL 10 SECONDS" << "inner" << "0 seconds" << "0 seconds" << "append"
            << "AnalysisException: Stream-stream join without equality predicate is not supported";
        QTest::newRow("full outer in Spark 3.0") << "3.0" << kRange << "fullOuter" << "0 seconds" << "0 seconds" << "append"
                                                 << "AnalysisException: Full outer joins with streaming DataFrames/Datasets are not supported";
        QTest::newRow("an ambiguous column") << "4.0" << "k = r.k" << "inner" << "" << "" << "append"
                                             << "AnalysisException: [AMBIGUOUS_REFERENCE] Reference `k` is ambiguous, could be: [`left`.`k`, `right`.`k`].";
        QTest::newRow("an unknown join type")
            << "4.0" << "l.k = r.k" << "sideways" << "" << "" << "append"
            << "IllegalArgumentException: Unsupported join type 'sideways'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', "
               "'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', "
               "'left_anti', 'anti', 'cross'.";
    }
    void errors()
    {
        QFETCH(QString, version);
        QFETCH(QString, on);
        QFETCH(QString, type);
        QFETCH(QString, leftWm);
        QFETCH(QString, rightWm);
        QFETCH(QString, mode);
        QFETCH(QString, expected);
        TestScenario sc = joinScenario(on, type, leftWm, rightWm, {}, version);
        const std::string from = "\"outputMode\": \"append\"";
        sc.query.replace(sc.query.find(from), from.size(), "\"outputMode\": \"" + mode.toStdString() + "\"");
        auto plan = analyze(sc.load());
        QVERIFY2(!plan.ok(), "Spark rejects this join");
        QCOMPARE(QString::fromStdString(plan.error().text()), expected);
    }

    void streamStaticErrors_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("expected");
        QTest::newRow("stream right outer static") << "l" << "s" << "rightOuter"
                                                   << "RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported";
        QTest::newRow("static left outer stream") << "s" << "r" << "leftOuter"
                                                  << "LeftOuter join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported";
        QTest::newRow("static left semi stream") << "s" << "r" << "leftSemi"
                                                 << "LeftSemi join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported";
        QTest::newRow("stream full outer static") << "l" << "s" << "fullOuter"
                                                  << "FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not supported";
        QTest::newRow("stream left outer static is fine") << "l" << "s" << "leftOuter" << "";
        QTest::newRow("static right outer stream is fine") << "s" << "r" << "rightOuter" << "";
    }
    void streamStaticErrors()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QString, type);
        QFETCH(QString, expected);
        TestScenario sc;
        sc.extraSources = R"("l": {"schema": {"k": "string"}, "events": [{"at": 0, "row": {"k": "a"}}]},
                             "r": {"schema": {"k": "string"}, "events": [{"at": 0, "row": {"k": "a"}}]},
                             "s": {"static": true, "schema": {"k": "string", "v": "long"}, "rows": [{"k": "a", "v": 1}]})";
        sc.query = "\"join\": {\"left\": {\"source\": \"" + left.toStdString() + "\"}, \"right\": {\"source\": \"" + right.toStdString()
                   + "\"}, \"using\": [\"k\"], \"type\": \"" + type.toStdString() + "\"}, \"outputMode\": \"append\"";
        auto plan = analyze(sc.load());
        if (expected.isEmpty()) {
            QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().text().c_str());
            const ModeRun run = runMode(sc.load(), OutputMode::Append);
            QCOMPARE(run.batches.size(), size_t(1));
            QCOMPARE(QString::fromStdString(describeRow(run.batches[0].sinkRows.at(0), run.plan->output)), QString("a 1"));
        } else {
            QVERIFY(!plan.ok());
            QCOMPARE(QString::fromStdString(plan.error().message), expected);
        }
    }
};

QTEST_APPLESS_MAIN(TestJoins)
#include "tst_joins.moc"
