// SPDX-License-Identifier: GPL-3.0-or-later
// The join's plan in the query panel: which conjuncts of `on` Spark's optimizer moved into each
// input (below or above its withWatermark) and which stayed in the join (keys, the pair
// condition and its time range, the preserved side's own condition), and how each side's state
// is cleaned; readable in the query dock of a 1024x768 window.
#include "TestSupport.h"

#include "engine/exec/Explain.h"
#include "engine/exec/RunRecord.h"
#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/i18n/Language.h"
#include "ui/pages/JoinPlanView.h"
#include "ui/pages/QueryPanel.h"

#include <QDockWidget>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

const QString kLeftOuter = QStringLiteral("stream-stream-left-outer-with-watermark.json");
const QString kPushdown = QStringLiteral("stream-stream-left-outer-pushdown.json");
const QString kRange = QStringLiteral("clickTime BETWEEN impressionTime AND impressionTime + INTERVAL 1 HOUR");

Scenario loadScenario(const QString& name)
{
    auto sc = ScenarioDocument::load(QStringLiteral(":/scenarios/") + name);
    if (!sc.ok())
        qFatal("cannot load %s: %s", qPrintable(name), sc.error().describe().c_str());
    return std::move(sc.value());
}

/// The shipped left outer join with `on` (and the join type) replaced.
std::unique_ptr<ScenarioDocument> leftOuterWith(const std::string& on, const std::string& type = "leftOuter")
{
    Scenario sc = loadScenario(kLeftOuter);
    sc.query.join->on = on;
    sc.query.join->type = type;
    auto doc = std::make_unique<ScenarioDocument>();
    doc->setScenario(std::move(sc), QString(), kLeftOuter);
    return doc;
}

/// `on` with a condition on each side's own columns: a right one on a value (it can go below
/// the right watermark), a right one on the event time (it cannot), and a left one.
const std::string kWithOneSideConjuncts = "impressionAdid = clickAdid AND " + kRange.toStdString()
                                          + " AND (clickAdid < 300 OR clickAdid > 1000) AND clickTime > CAST('2021-08-01 00:00:00' AS TIMESTAMP)"
                                            " AND impressionAdid > 0";

QStringList kinds(const OutlineSide& side)
{
    QStringList out;
    for (const OutlineStep& s : side.steps) {
        switch (s.kind) {
        case OutlineStep::Kind::Select: out << QStringLiteral("select"); break;
        case OutlineStep::Kind::Where: out << QStringLiteral("where"); break;
        case OutlineStep::Kind::Watermark: out << QStringLiteral("withWatermark"); break;
        case OutlineStep::Kind::Window: out << QStringLiteral("window"); break;
        case OutlineStep::Kind::FromOn:
            out << (s.place == ConjunctPlace::BelowWatermark   ? QStringLiteral("on below: ")
                    : s.place == ConjunctPlace::AboveWatermark ? QStringLiteral("on above: ")
                                                               : QStringLiteral("on: "))
                           + s.text;
            break;
        case OutlineStep::Kind::FromWhere:
            out << (s.place == ConjunctPlace::BelowWatermark   ? QStringLiteral("where below: ")
                    : s.place == ConjunctPlace::AboveWatermark ? QStringLiteral("where above: ")
                                                               : QStringLiteral("where: "))
                           + s.text;
            break;
        case OutlineStep::Kind::Inferred: {
            const QString tag = s.inferredFrom.isEmpty() ? QStringLiteral("isnotnull") : QStringLiteral("inferred");
            out << tag
                       + (s.place == ConjunctPlace::BelowWatermark   ? QStringLiteral(" below: ")
                          : s.place == ConjunctPlace::AboveWatermark ? QStringLiteral(" above: ")
                                                                     : QStringLiteral(": "))
                       + s.text;
            break;
        }
        }
    }
    return out;
}

QStringList inJoin(const JoinOutline& o)
{
    QStringList out;
    for (const OutlineCondition& c : o.inJoin) {
        QString place;
        switch (c.place) {
        case ConjunctPlace::Key: place = QStringLiteral("key"); break;
        case ConjunctPlace::NullSafeKey: place = QStringLiteral("null-safe key"); break;
        case ConjunctPlace::UsingKey: place = QStringLiteral("using key"); break;
        case ConjunctPlace::Pair: place = QStringLiteral("pair"); break;
        case ConjunctPlace::PairAndStateRange: place = QStringLiteral("pair, range"); break;
        case ConjunctPlace::KeptForPreservedSide: place = QStringLiteral("preserved side %1").arg(c.side); break;
        default: place = QStringLiteral("?"); break;
        }
        out << (c.fromWhere ? QStringLiteral("where ") : QString()) + place + QStringLiteral(": ") + c.text;
    }
    return out;
}

/// Where `needle` starts in the view's text, failing when it is not there.
qsizetype at(const QString& text, const QString& needle)
{
    const qsizetype i = text.indexOf(needle);
    if (i < 0)
        qWarning("not in the plan view: %s\n--- the view says:\n%s", qPrintable(needle), qPrintable(text));
    return i;
}

} // namespace

class TestJoinPlanView : public QObject
{
    Q_OBJECT
private slots:
    /// The shipped left outer join: the key and the time range stay in the join; the range
    /// bounds both sides' state (getStateValueWatermark: impressions by W - 1 h - 1 ms).
    void leftOuterJoinKeepsItsKeyAndRangeInTheJoin()
    {
        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(loadScenario(kLeftOuter), QString(), kLeftOuter);
        QueryPanel panel(doc.get());
        JoinPlanView* view = panel.joinPlanView();
        QVERIFY(view->isVisibleTo(&panel));
        QVERIFY(view->outline().has_value());
        const JoinOutline& o = *view->outline();
        QCOMPARE(o.type, JoinPlan::Type::LeftOuter);
        QCOMPARE(o.sides[0].source, QStringLiteral("impressions"));
        QCOMPARE(kinds(o.sides[0]), (QStringList{"select", "withWatermark"}));
        // InferFiltersFromConstraints: the key and the range are never true for a null click
        // key or time, so Spark filters those on the side that may be filtered (the right).
        QCOMPARE(kinds(o.sides[1]), (QStringList{"isnotnull below: isnotnull(clickAdid)", "select", "withWatermark", "isnotnull above: isnotnull(clickTime)"}));
        QCOMPARE(inJoin(o), (QStringList{"key: impressionAdid = clickAdid", "pair, range: " + kRange}));
        QCOMPARE(o.state[0].kind, StateBound::Kind::ByRange);
        QCOMPARE(o.state[0].column, QStringLiteral("impressionTime"));
        QCOMPARE(o.state[0].offset, -(3600 * kMicrosPerSecond + 1000)); // W - 1 hour - 1 ms
        QCOMPARE(o.state[1].kind, StateBound::Kind::ByRange);
        QCOMPARE(o.state[1].column, QStringLiteral("clickTime"));

        const QString text = view->plainText();
        QVERIFY(at(text, QStringLiteral("impressions — the left input, a stream")) >= 0);
        QVERIFY(at(text, QStringLiteral("withWatermark(impressionTime, 2 hours)")) > at(text, QStringLiteral("impressions — the left input")));
        QVERIFY(at(text, QStringLiteral("LeftOuter join of the two streams")) > at(text, QStringLiteral("withWatermark(clickTime, 3 hours)")));
        QVERIFY(at(text, kRange) > at(text, QStringLiteral("LeftOuter join")));
        QVERIFY(at(text, QStringLiteral("impressions: a row leaves when impressionTime \u2264 watermark \u2212 1 hour")) > at(text, kRange));
        QVERIFY(!text.contains(QLatin1String("Moved here from the join"))); // nothing of this `on` moves
    }

    /// Every shipped join: what stays in the join and how each side's state is cleaned.
    void shippedJoins_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("inJoin");
        QTest::addColumn<QString>("state"); ///< each side's StateBound kind
        QTest::addColumn<QString>("says");
        const QString key = QStringLiteral("key: impressions.adId = clicks.adId");
        const QString range = QStringLiteral("pair, range: clickTime BETWEEN impressionTime AND impressionTime + INTERVAL 10 MINUTES");
        QTest::newRow("stream-static") << "static-join.json" << QStringList{"key: emp_id = user_id"} << "no state, no state"
                                       << "A join with a static table keeps no state";
        QTest::newRow("inner, no watermark") << "stream-stream-inner.json" << QStringList{key} << "never, never"
                                             << "impressions: no row ever leaves";
        QTest::newRow("inner, watermarks and a range") << "stream-stream-inner-with-watermark.json"
                                                       << QStringList{"key: impressionAdid = clickAdid", "pair, range: " + kRange}
                                                       << "range, range" << "clicks: a row leaves when clickTime";
        QTest::newRow("full outer") << "stream-stream-full-outer.json" << QStringList{key, range} << "range, range" << "FullOuter join of the two streams";
        QTest::newRow("left semi") << "stream-stream-left-semi.json" << QStringList{key, range} << "range, range" << "LeftSemi join of the two streams";
        QTest::newRow("left outer, a filter on the clicks") << kPushdown << QStringList{key, range} << "range, range"
                                                            << "NOT bot\nMoved here from the join, before withWatermark";
        QTest::newRow("left outer, a where after it: inner") << "stream-stream-where-after-join.json" << QStringList{key, range} << "range, range"
                                                             << "Written as a LeftOuter join";
        QTest::newRow("inner using, its range in a where") << "stream-stream-using-join-range-in-where.json"
                                                           << QStringList{"using key: adId", "where pair, range: clickTime BETWEEN impressionTime AND impressionTime + INTERVAL 10 MINUTES"}
                                                           << "range, range" << "Moved into the join condition from the where after the join";
        QTest::newRow("left outer, then a window count") << "stream-stream-join-then-window-count.json"
                                                         << QStringList{"key: impressionAdId = clickAdId", range} << "range, range"
                                                         << "Stateful operator 2: groupBy/agg (query)\n\nThey read the join's output watermark, watermark \u2212 10 minutes 1 millisecond";
    }
    void shippedJoins()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, inJoin);
        QFETCH(QString, state);
        QFETCH(QString, says);
        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(loadScenario(file), QString(), file);
        QueryPanel panel(doc.get());
        JoinPlanView* view = panel.joinPlanView();
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        QVERIFY(view->isVisibleTo(&panel));
        const JoinOutline& o = *view->outline();
        QCOMPARE(::inJoin(o), inJoin);
        const auto kind = [](const StateBound& b) {
            switch (b.kind) {
            case StateBound::Kind::ByKey: return QStringLiteral("key");
            case StateBound::Kind::ByRange: return QStringLiteral("range");
            case StateBound::Kind::Never: return QStringLiteral("never");
            case StateBound::Kind::NoState: return QStringLiteral("no state");
            }
            return QString();
        };
        QCOMPARE(kind(o.state[0]) + QStringLiteral(", ") + kind(o.state[1]), state);
        QVERIFY(at(view->plainText(), says) >= 0);
        view->resize(390, view->heightForWidth(390));
        test::saveShot(*view, QStringLiteral("joinplan-") + QString(file).remove(QLatin1String(".json")));
    }

    /// The shipped scenario of a pushed-down filter does what its description says: `NOT bot`
    /// runs below the clicks' watermark, so the bot click does not move it and impression 2
    /// meets its click at 10:05; written to read the event time, the condition stays above the
    /// watermark, impression 2 is output with nulls at 10:04 and its click is dropped as late.
    void shippedPushdownScenarioDoesWhatItSays()
    {
        const auto adOf = [](const Row& r) { return r[0].asInt(); };
        const auto matched = [&](const Row& r) { return !r[2].isNull(); };

        const Scenario shipped = loadScenario(kPushdown);
        const ModeRun below = runMode(shipped, OutputMode::Append);
        QVERIFY(!below.error);
        int droppedBelow = 0;
        bool ad2Matched = false;
        for (const BatchRecord& b : below.batches) {
            droppedBelow += static_cast<int>(b.droppedRows.size());
            for (const Row& r : b.sinkRows)
                if (adOf(r) == 2) {
                    QVERIFY(matched(r));
                    QCOMPARE(shortTime(b.triggerTime, shipped), std::string("10:05:00"));
                    ad2Matched = true;
                }
        }
        QVERIFY(ad2Matched);
        QCOMPARE(droppedBelow, 0);
        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(loadScenario(kPushdown), QString(), kPushdown);
        QueryPanel panel(doc.get());
        QCOMPARE(kinds(panel.joinPlanView()->outline()->sides[1]), (QStringList{"isnotnull below: isnotnull(adId)", "on below: NOT bot", "withWatermark", "isnotnull above: isnotnull(clickTime)"}));

        Scenario aboveScenario = loadScenario(kPushdown);
        aboveScenario.query.join->on = "impressions.adId = clicks.adId AND clickTime BETWEEN impressionTime AND impressionTime + INTERVAL 10 MINUTES"
                                       " AND (NOT bot OR clickTime IS NULL)";
        const ModeRun above = runMode(aboveScenario, OutputMode::Append);
        QVERIFY(!above.error);
        int droppedAbove = 0;
        bool ad2WithNulls = false;
        for (const BatchRecord& b : above.batches) {
            droppedAbove += static_cast<int>(b.droppedRows.size());
            for (const Row& r : b.sinkRows)
                if (adOf(r) == 2) {
                    QVERIFY(!matched(r));
                    QCOMPARE(shortTime(b.triggerTime, aboveScenario), std::string("10:04:00"));
                    ad2WithNulls = true;
                }
        }
        QVERIFY(ad2WithNulls);
        QCOMPARE(droppedAbove, 1);
        auto aboveDoc = std::make_unique<ScenarioDocument>();
        aboveDoc->setScenario(std::move(aboveScenario), QString(), kPushdown);
        QueryPanel abovePanel(aboveDoc.get());
        QCOMPARE(kinds(abovePanel.joinPlanView()->outline()->sides[1]), (QStringList{"isnotnull below: isnotnull(adId)", "withWatermark",
                                                                                   "isnotnull above: isnotnull(clickTime)",
                                                                                   "on above: NOT bot OR clickTime IS NULL"}));
    }

    /// The shipped scenario of a `where` on one side's key that Spark also runs on the other side
    /// (InferFiltersFromConstraintsSuite, "single inner join with pre-existing filters: filter out
    /// values on either side"): the impression of ad 5 is removed before the impressions'
    /// watermark, which therefore stops at 10:07 after batch 0, and the delayed impression 4 is
    /// on time. The join plan shows the inferred filter and "Why?" names where it comes from.
    void shippedKeyFilterScenarioDoesWhatItSays()
    {
        const QString file = QStringLiteral("stream-stream-key-filter-both-sides.json");
        const Scenario shipped = loadScenario(file);
        const ModeRun run = runMode(shipped, OutputMode::Append);
        QVERIFY(!run.error);
        QVERIFY(run.batches.size() >= 2);
        QCOMPARE(shortTime(run.batches[1].watermarkMs * kMicrosPerMilli, shipped), std::string("2021-08-12 10:07:00"));
        QVERIFY(run.batches[1].droppedRows.empty()); // impression 4 (12:09) is on time
        const RowFate* ad5 = nullptr; // event 3: the impression of ad 5 at 17:39
        for (const BatchRecord& b : run.batches)
            for (const RowFate& f : b.fates)
                if (f.event == 3 && !ad5)
                    ad5 = &f;
        QVERIFY(ad5);
        QCOMPARE(ad5->fate, Fate::Filtered);
        const std::string why = explainFate(*ad5, run, shipped);
        QVERIFY2(why.find("`impressionAdid < 5`") != std::string::npos && why.find("`clickAdid < 5`") != std::string::npos
                     && why.find("`impressionAdid = clickAdid`") != std::string::npos && why.find("does not move the watermark") != std::string::npos,
                 why.c_str());

        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(loadScenario(file), QString(), file);
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const JoinOutline& o = *panel.joinPlanView()->outline();
        QCOMPARE(kinds(o.sides[0]), (QStringList{"inferred below: impressionAdid < 5", "isnotnull below: isnotnull(impressionAdid)", "select",
                                                 "withWatermark", "isnotnull above: isnotnull(impressionTime)"}));
        const QString text = panel.joinPlanView()->plainText();
        QVERIFY2(text.contains(QStringLiteral("clickAdid < 5 holds for the other side's rows, and the join's key equality impressionAdid = clickAdid")),
                 qPrintable(text));
    }

    /// three-stream-join-condition-carried.json: `purchaseAdId < 5` on the purchases reaches the
    /// clicks through the second join's key and the impressions through the first's, below both
    /// inputs' watermarks. The join plan shows both as inferred, the clicks' one from the join
    /// after this one, and "Why?" on the ad 5 impression and click names each step.
    void shippedCarriedConditionScenarioDoesWhatItSays()
    {
        const QString file = QStringLiteral("three-stream-join-condition-carried.json");
        const Scenario shipped = loadScenario(file);
        const ModeRun run = runMode(shipped, OutputMode::Append);
        QVERIFY(!run.error);
        const auto fateOf = [&](std::uint32_t event) -> const RowFate* {
            for (const BatchRecord& b : run.batches)
                for (const RowFate& f : b.fates)
                    if (f.event == event)
                        return &f;
            return nullptr;
        };
        const RowFate* impression5 = fateOf(4); // impressions[4]: ad 5 at 11:40
        const RowFate* click5 = fateOf(9);      // clicks[4]
        QVERIFY(impression5 && click5);
        QCOMPARE(impression5->fate, Fate::Filtered);
        QCOMPARE(click5->fate, Fate::Filtered);
        const std::string whyImpression = explainFate(*impression5, run, shipped);
        QVERIFY2(whyImpression.find("`impressionAdId < 5`") != std::string::npos && whyImpression.find("`clickAdId < 5`") != std::string::npos
                     && whyImpression.find("`impressionAdId = clickAdId`") != std::string::npos
                     && whyImpression.find("does not move the watermark") != std::string::npos,
                 whyImpression.c_str());
        const std::string whyClick = explainFate(*click5, run, shipped);
        QVERIFY2(whyClick.find("`purchaseAdId < 5`") != std::string::npos && whyClick.find("the second join's key equality `clickAdId = purchaseAdId`") != std::string::npos
                     && whyClick.find("before the first join") != std::string::npos,
                 whyClick.c_str());

        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(loadScenario(file), QString(), file);
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const JoinOutline& o = *panel.joinPlanView()->outline();
        QVERIFY2(kinds(o.sides[0]).contains(QStringLiteral("inferred below: impressionAdId < 5")), qPrintable(kinds(o.sides[0]).join(", ")));
        QVERIFY2(kinds(o.sides[1]).contains(QStringLiteral("inferred below: clickAdId < 5")), qPrintable(kinds(o.sides[1]).join(", ")));
        const QString text = panel.joinPlanView()->plainText();
        QVERIFY2(text.contains(QStringLiteral("purchaseAdId < 5 holds for the rows that reach the join after this one, and that join's key equality "
                                              "clickAdId = purchaseAdId carries it here")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("clickAdId < 5 holds for the other side's rows, and the join's key equality impressionAdId = clickAdId")),
                 qPrintable(text));
    }

    /// The same three streams with the condition written on the clicks instead: the second
    /// join carries it through its key to the purchases, and the plan shows that filter under
    /// the second join, with what it comes from and that it runs before the purchases'
    /// watermark.
    void laterJoinsShowTheirInferredFilters()
    {
        const QString file = QStringLiteral("three-stream-join-condition-carried.json");
        Scenario sc = loadScenario(file);
        sc.query.then[0].join->right.where.reset();
        sc.query.join->right.where = "clickAdId < 5";
        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(std::move(sc), QString(), file);
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const QString text = panel.joinPlanView()->plainText();
        const qsizetype second = at(text, QStringLiteral("Stateful operator 2: Inner join with purchases"));
        const qsizetype filter = at(text, QStringLiteral("Added by Spark's optimizer to purchases: clickAdId < 5 holds for the joined rows, and this "
                                                         "join's key equality clickAdId = purchaseAdId carries it there"));
        QVERIFY2(second >= 0 && filter > second, qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("never moves the watermark"), filter) > filter, qPrintable(text));
        if (const QString dir = qEnvironmentVariable("TIDEMARK_TEST_SHOTS"); !dir.isEmpty()) {
            panel.joinPlanView()->resize(520, 1300);
            panel.joinPlanView()->grab().save(dir + QStringLiteral("/join-plan-later-join.png"));
        }
    }

    /// StreamingOuterJoinSuite "left outer join with non-key condition violated": in a left
    /// outer join the right side's own conditions move into the right input
    /// (PushPredicateThroughJoin); the one on a value goes below withWatermark, the one on the
    /// event time stays above it (PushPredicateThroughNonJoin; the first one also goes through the
    /// selectExpr, onto the source's rows); the left side's own condition
    /// stays in the join, since the left side is preserved.
    void oneSideConjunctsRunBelowOrAboveTheWatermark()
    {
        auto doc = leftOuterWith(kWithOneSideConjuncts);
        QueryPanel panel(doc.get());
        JoinPlanView* view = panel.joinPlanView();
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        QVERIFY(view->isVisibleTo(&panel));
        const JoinOutline& o = *view->outline();
        QCOMPARE(kinds(o.sides[0]), (QStringList{"select", "withWatermark"}));
        // The key gives isnotnull(clickAdid) (an OR implies nothing); the condition on the event
        // time already implies isnotnull(clickTime), so Spark infers no second one. The left
        // side's own condition reaches the right side through the key equality
        // (InferFiltersFromConstraints fills the side a left outer join pads with nulls).
        QCOMPARE(kinds(o.sides[1]), (QStringList{"inferred below: clickAdid > 0", "isnotnull below: isnotnull(clickAdid)",
                                                 "on below: clickAdid < 300 OR clickAdid > 1000", "select", "withWatermark",
                                                 "on above: clickTime > CAST('2021-08-01 00:00:00' AS TIMESTAMP)"}));
        QCOMPARE(inJoin(o), (QStringList{"key: impressionAdid = clickAdid", "pair, range: " + kRange, "preserved side 0: impressionAdid > 0"}));

        // Read top to bottom: the right input's steps in the order the rows pass them.
        const QString text = view->plainText();
        const qsizetype right = at(text, QStringLiteral("clicks — the right input, a stream"));
        const qsizetype below = at(text, QStringLiteral("clickAdid < 300 OR clickAdid > 1000"));
        const qsizetype watermark = at(text, QStringLiteral("withWatermark(clickTime, 3 hours)"));
        const qsizetype above = at(text, QStringLiteral("clickTime > CAST("));
        const qsizetype join = at(text, QStringLiteral("LeftOuter join"));
        QVERIFY(right >= 0 && right < below && below < watermark && watermark < above && above < join);
        QVERIFY(text.indexOf(QStringLiteral("before withWatermark: a row it rejects never reaches the join and never moves the watermark"), below) > below);
        const qsizetype inferred = at(text, QStringLiteral("clickAdid > 0"));
        QVERIFY(right < inferred && inferred < below);
        QVERIFY(at(text, QStringLiteral("impressionAdid > 0 holds for the other side's rows, and the join's key equality impressionAdid = clickAdid")) > inferred);
        QVERIFY(at(text, QStringLiteral("it still moves the watermark")) > above);
        QVERIFY(text.indexOf(QStringLiteral("impressionAdid > 0"), join) > join); // and, kept for its own side, in the join
        QVERIFY(at(text, QStringLiteral("impressions is the side an outer join keeps")) > join);
    }

    /// Which side's conditions move depends on the join type (PushPredicateThroughJoin): both
    /// for inner and left semi, the non-preserved side's for an outer join, none for full outer.
    void pushdownFollowsTheJoinType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("left");
        QTest::addColumn<QStringList>("right");
        const QStringList leftKept{"select", "withWatermark"};
        // impressionAdid > 0 implies the key is not null; the range adds isnotnull(impressionTime).
        // Each side's condition on its key reaches the other side through the key equality
        // (InferFiltersFromConstraints), on the sides the join type lets it filter.
        const QStringList leftPushed{"inferred below: (impressionAdid < 300) OR (impressionAdid > 1000)", "on below: impressionAdid > 0", "select",
                                     "withWatermark", "isnotnull above: isnotnull(impressionTime)"};
        const QStringList rightKept{"select", "withWatermark"};
        const QStringList rightPushed{"inferred below: clickAdid > 0", "isnotnull below: isnotnull(clickAdid)",
                                      "on below: clickAdid < 300 OR clickAdid > 1000", "select", "withWatermark",
                                      "on above: clickTime > CAST('2021-08-01 00:00:00' AS TIMESTAMP)"};
        QTest::newRow("inner") << "inner" << leftPushed << rightPushed;
        QTest::newRow("left semi") << "leftSemi" << leftPushed << rightPushed;
        QTest::newRow("right outer") << "rightOuter" << leftPushed << rightKept;
        QTest::newRow("full outer") << "fullOuter" << leftKept << rightKept;
    }
    void pushdownFollowsTheJoinType()
    {
        QFETCH(QString, type);
        QFETCH(QStringList, left);
        QFETCH(QStringList, right);
        auto doc = leftOuterWith(kWithOneSideConjuncts, type.toStdString());
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const JoinOutline& o = *panel.joinPlanView()->outline();
        QCOMPARE(kinds(o.sides[0]), left);
        QCOMPARE(kinds(o.sides[1]), right);
        // What did not move stays in the join, on its own side.
        for (const OutlineCondition& c : o.inJoin)
            if (c.place == ConjunctPlace::KeptForPreservedSide)
                QCOMPARE(c.side, c.text.startsWith(QLatin1String("impression")) ? 0 : 1);
    }

    /// `join(...).where(...)` after a left outer join: the where's condition on the clicks alone
    /// is never true for the nulls the join pads impressions with, so Spark runs the join as an
    /// inner one (EliminateOuterJoin); then each side's conditions of the where move into that
    /// side, as written, and the one over both sides into the join (PushPredicateThroughJoin).
    void whereAfterTheJoinMovesAsSparkMovesIt()
    {
        auto doc = leftOuterWith("impressionAdid = clickAdid AND " + kRange.toStdString());
        Scenario sc = *doc->scenario();
        sc.query.where = "(clickAdid < 300 OR clickAdid > 1000) AND impressionAdid > 0 AND clickTime > impressionTime";
        doc->setScenario(std::move(sc), QString(), kLeftOuter);
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const JoinOutline& o = *panel.joinPlanView()->outline();
        QVERIFY(o.type == JoinPlan::Type::Inner);
        QVERIFY(o.writtenType == JoinPlan::Type::LeftOuter);
        QVERIFY2(kinds(o.sides[0]).contains(QStringLiteral("where below: impressionAdid > 0")), qPrintable(kinds(o.sides[0]).join(" | ")));
        QVERIFY2(kinds(o.sides[1]).contains(QStringLiteral("where below: clickAdid < 300 OR clickAdid > 1000")), qPrintable(kinds(o.sides[1]).join(" | ")));
        QVERIFY2(inJoin(o).contains(QStringLiteral("where pair, range: clickTime > impressionTime")), qPrintable(inJoin(o).join(" | ")));
        const QString text = panel.joinPlanView()->plainText();
        const qsizetype join = at(text, QStringLiteral("Inner join"));
        QVERIFY(at(text, QStringLiteral("Written as a LeftOuter join")) > join);
        QVERIFY(at(text, QStringLiteral("EliminateOuterJoin")) > join);
        QVERIFY(at(text, QStringLiteral("Moved here from the where after the join, before withWatermark")) > 0);
        QVERIFY(at(text, QStringLiteral("Moved into the join condition from the where after the join")) > join);
    }

    /// A `where` after the query's selectExpr passes it first: `ad > 1000` reads
    /// `clickAdid AS ad`, so it runs in the clicks input, below its watermark, as the plan says.
    void whereAfterASelectMovesThroughIt()
    {
        auto doc = leftOuterWith("impressionAdid = clickAdid AND " + kRange.toStdString());
        Scenario sc = *doc->scenario();
        sc.query.join->type = "inner";
        sc.query.selectExpr = {"impressionAdid", "clickAdid AS ad", "clickTime"};
        sc.query.where = "ad > 1000";
        doc->setScenario(std::move(sc), QString(), kLeftOuter);
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const JoinOutline& o = *panel.joinPlanView()->outline();
        QVERIFY2(kinds(o.sides[1]).contains(QStringLiteral("where below: (clickAdid > 1000)")), qPrintable(kinds(o.sides[1]).join(" | ")));
        QVERIFY(at(panel.joinPlanView()->plainText(), QStringLiteral("Moved here from the where after the join, before withWatermark")) > 0);
    }

    /// A null-safe key and a `using` key are named as keys.
    void keysAreNamedAsKeys()
    {
        auto doc = leftOuterWith("impressionAdid <=> clickAdid AND " + kRange.toStdString());
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        QCOMPARE(inJoin(*panel.joinPlanView()->outline()), (QStringList{"null-safe key: impressionAdid <=> clickAdid", "pair, range: " + kRange}));
        QVERIFY(at(panel.joinPlanView()->plainText(), QStringLiteral("a null key meets a null key")) >= 0);
        // `<=>` is not null-intolerant: no isnotnull(clickAdid); the range still gives isnotnull(clickTime).
        QCOMPARE(kinds(panel.joinPlanView()->outline()->sides[1]), (QStringList{"select", "withWatermark", "isnotnull above: isnotnull(clickTime)"}));

        // Windowed sides joined `using` the key and the window (StreamingJoinSuite's windowed
        // joins): both keys, and the state leaves by the window's end.
        Scenario sc = loadScenario(kLeftOuter);
        for (InputSpec* side : {&sc.query.join->left, &sc.query.join->right}) {
            const std::string time = side->withWatermark->column;
            side->selectExpr = {"adId", time};
            side->window = WindowSpecText{time, "10 minutes", std::nullopt, std::nullopt};
            side->windowAs = "window";
        }
        sc.query.join->on.reset();
        sc.query.join->usingColumns = {"adId", "window"};
        auto usingDoc = std::make_unique<ScenarioDocument>();
        usingDoc->setScenario(std::move(sc), QString(), kLeftOuter);
        QueryPanel usingPanel(usingDoc.get());
        QVERIFY2(usingPanel.errorText().isEmpty(), qPrintable(usingPanel.errorText()));
        const JoinOutline& o = *usingPanel.joinPlanView()->outline();
        QCOMPARE(inJoin(o), (QStringList{"using key: adId", "using key: window"}));
        QCOMPARE(kinds(o.sides[0]), (QStringList{"select", "withWatermark", "window"}));
        // USING is key equalities, so a click's key may not be null (InferFiltersFromConstraints);
        // the window is a struct that is never null, so it gets no filter.
        QCOMPARE(kinds(o.sides[1]), (QStringList{"isnotnull below: isnotnull(adId)", "select", "withWatermark", "window"}));
        QCOMPARE(o.state[0].kind, StateBound::Kind::ByKey);
        QCOMPARE(o.state[0].column, QStringLiteral("window"));
        QVERIFY(o.state[0].windowEnd);
        QVERIFY(at(usingPanel.joinPlanView()->plainText(), QStringLiteral("left.window = right.window")) >= 0);
    }

    /// three-stream-join.json with the impressions-clicks range written in the second join:
    /// Spark moves it into the first join's condition, which the plan shows, and the first
    /// join's state is bounded by it.
    void aSecondJoinsRangeIsShownInTheFirstJoin()
    {
        const QString file = QStringLiteral("three-stream-join.json");
        Scenario sc = loadScenario(file);
        sc.query.join->on = "impressionAdId = clickAdId";
        StageJoinSpec& second = *sc.query.then[0].join;
        second.on = *second.on + " AND clickTime BETWEEN impressionTime AND impressionTime + INTERVAL 10 MINUTES";
        second.type = "inner";
        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(std::move(sc), QString(), file);
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const JoinOutline& o = *panel.joinPlanView()->outline();
        QCOMPARE(inJoin(o), (QStringList{"key: impressionAdId = clickAdId",
                                         "pair, range: clickTime BETWEEN impressionTime AND impressionTime + INTERVAL 10 MINUTES"}));
        QCOMPARE(o.state[0].kind, StateBound::Kind::ByRange);
        const QString text = panel.joinPlanView()->plainText();
        QVERIFY2(at(text, QStringLiteral("Moved into this join's condition from the condition of the join after it")) > 0, qPrintable(text));
        panel.joinPlanView()->resize(390, panel.joinPlanView()->heightForWidth(390));
        test::saveShot(*panel.joinPlanView(), QStringLiteral("joinplan-range-from-the-second-join"));
    }

    /// three-stream-join.json with the second join keyed on a column of the impressions: the
    /// `isnotnull` Spark infers from the second join's condition runs in the impressions input
    /// of the first join, and the plan says which join's condition it came from.
    void aSecondJoinsInferredFilterIsShownInTheFirstJoinsInput()
    {
        const QString file = QStringLiteral("three-stream-join.json");
        Scenario sc = loadScenario(file);
        sc.query.join->left.selectExpr.push_back("CASE WHEN adId > 0 THEN adId END AS campaign");
        StageJoinSpec& second = *sc.query.then[0].join;
        second.on = std::string("campaign = purchaseAdId AND purchaseTime BETWEEN clickTime AND clickTime + INTERVAL 30 MINUTES");
        second.type = "inner";
        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(std::move(sc), QString(), file);
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const JoinOutline& o = *panel.joinPlanView()->outline();
        const auto inferred = std::find_if(o.sides[0].steps.begin(), o.sides[0].steps.end(),
                                           [](const OutlineStep& st) { return st.kind == OutlineStep::Kind::Inferred && st.text == QStringLiteral("isnotnull(campaign)"); });
        QVERIFY2(inferred != o.sides[0].steps.end(), qPrintable(kinds(o.sides[0]).join(QLatin1Char('\n'))));
        QVERIFY(inferred->fromNextJoin);
        for (const OutlineStep& st : o.sides[0].steps) // the first join's own inferences stay its own
            QVERIFY(st.kind != OutlineStep::Kind::Inferred || st.text == QStringLiteral("isnotnull(campaign)") || !st.fromNextJoin);
        const QString text = panel.joinPlanView()->plainText();
        QVERIFY2(at(text, QStringLiteral("the condition of the join after this one is never true for a null here")) > 0, qPrintable(text));
        QCOMPARE(text.count(QStringLiteral("the condition of the join after this one")), 1);
    }

    /// Conditions that Spark prints alike (`adId > 0` on each side) are each shown in their own input.
    void sameConditionOnBothSides()
    {
        Scenario sc = loadScenario(kLeftOuter);
        sc.query.join->left.selectExpr.clear();
        sc.query.join->right.selectExpr.clear();
        sc.query.join->on = "impressions.adId = clicks.adId AND clicks.adId > 0 AND impressions.adId > 0";
        sc.query.join->type = "inner";
        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(std::move(sc), QString(), kLeftOuter);
        QueryPanel panel(doc.get());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const JoinOutline& o = *panel.joinPlanView()->outline();
        QCOMPARE(kinds(o.sides[0]), (QStringList{"on below: impressions.adId > 0", "withWatermark"}));
        QCOMPARE(kinds(o.sides[1]), (QStringList{"on below: clicks.adId > 0", "withWatermark"}));
        QCOMPARE(inJoin(o), QStringList{"key: impressions.adId = clicks.adId"});
    }

    /// The conjuncts as the file writes them, without the parentheses around a whole one.
    void conjunctsAsWritten()
    {
        QCOMPARE(writtenConjuncts("a = b AND (c < 1 OR c > 2) AND d BETWEEN e AND f"),
                 (std::vector<QString>{"a = b", "c < 1 OR c > 2", "d BETWEEN e AND f"}));
        QCOMPARE(writtenConjuncts("(a = b AND c > 1) and d = e"), (std::vector<QString>{"a = b", "c > 1", "d = e"}));
        QCOMPARE(writtenConjuncts("x ="), std::vector<QString>{});
    }

    /// A query without a join has no join plan to show; an analysis error hides it too.
    void hiddenWithoutAJoin()
    {
        auto doc = std::make_unique<ScenarioDocument>();
        doc->setScenario(loadScenario(QStringLiteral("word-count-update.json")), QString(), QStringLiteral("word-count-update.json"));
        QueryPanel panel(doc.get());
        QVERIFY(!panel.joinPlanView()->isVisibleTo(&panel));
        QVERIFY(!panel.joinPlanView()->outline());

        auto broken = leftOuterWith("impressionAdid = nosuchcolumn");
        QueryPanel brokenPanel(broken.get());
        QVERIFY(!brokenPanel.errorText().isEmpty());
        QVERIFY(!brokenPanel.joinPlanView()->isVisibleTo(&brokenPanel));
    }

    /// In the query dock of a 1024x768 window the plan wraps to the dock's width (no
    /// horizontal scrolling) and is reached by scrolling the dock.
    void readableInTheQueryDockAt1024x768()
    {
        MainWindow window;
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Scenario sc = loadScenario(kLeftOuter);
        sc.query.join->on = kWithOneSideConjuncts;
        window.document()->setScenario(std::move(sc), QString(), kLeftOuter);
        QueryPanel* panel = window.queryPanel();
        JoinPlanView* view = panel->joinPlanView();
        QTRY_VERIFY(view->isVisible());
        QScrollArea* scroll = panel->scrollArea();
        QTRY_COMPARE(scroll->horizontalScrollBar()->maximum(), 0);
        QTRY_VERIFY(view->label()->height() >= view->label()->heightForWidth(view->label()->width()));
        QVERIFY(view->mapTo(scroll->viewport(), QPoint(view->width(), 0)).x() <= scroll->viewport()->width());
        // A keyboard and a screen reader reach it as one named text.
        QVERIFY(view->label()->focusPolicy() & Qt::TabFocus);
        QCOMPARE(view->label()->accessibleName(), QStringLiteral("Where the join condition runs"));
        scroll->ensureWidgetVisible(view->label(), 0, 0);
        test::saveShot(window, QStringLiteral("joinplan-1024x768-top"));
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        test::saveShot(window, QStringLiteral("joinplan-1024x768-bottom"));
        view->resize(scroll->viewport()->width(), view->heightForWidth(scroll->viewport()->width()));
        test::saveShot(*view, QStringLiteral("joinplan-view"));

        // In Korean the view is drawn again in the window's language, and still fits the dock.
        const QString english = view->label()->text();
        setLanguage(Language::Korean);
        QTRY_COMPARE(scroll->horizontalScrollBar()->maximum(), 0);
        QVERIFY(view->isVisible());
        QVERIFY(view->plainText().contains(QLatin1String("clickAdid < 300 OR clickAdid > 1000")));
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        test::saveShot(window, QStringLiteral("joinplan-1024x768-ko"));
        setLanguage(Language::English);
        QCOMPARE(view->label()->text(), english);
    }
};

QTEST_MAIN(TestJoinPlanView)
#include "tst_joinplanview.moc"
