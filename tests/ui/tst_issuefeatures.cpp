// SPDX-License-Identifier: GPL-3.0-or-later
// The window shows each shipped scenario's feature, at 1024x768 as a projector shows it: the
// fate marks on the plot, the "Why?" text of a clicked dot, the join plan in the Query panel and
// the result tables. One test per scenario that no other GUI test opens by name; together with
// the other suites every file in scenarios/ is opened by a GUI test, which ctest
// docs_shipped_scenarios checks.
#include "TestSupport.h"

#include "ui/MainWindow.h"
#include "ui/compute/Snapshot.h"
#include "ui/compute/ViewState.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/inspector/InspectorBubble.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/JoinPlanView.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/QueryPanel.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"
#include "ui/Palette.h"
#include "ui/models/EventTableModel.h"
#include "ui/models/JoinStateModel.h"
#include "ui/models/RowTableModel.h"

#include <qcustomplot.h>

#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace tidemark;
using namespace tidemark::ui;
using tidemark::test::dumpModel;
using tidemark::ui::palette::fateLabel;

class TestIssueFeatures : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void windowedJoinUsingEvictsByTheWindowEnd();
    void nullSafeKeysInAStreamStreamJoin();
    void nullSafeKeysInAStreamStaticJoin();
    void ansiIntervalDelayDropsTheLateReading();
    void pushedDownConditionNeverMovesTheWatermark();
    void whereAfterTheJoinRunsBelowItAsAnInnerJoin();
    void usingJoinWithItsRangeInAWhereEvictsState();
    void slidingWindowCompleteMode();
    void kafkaScenarioReplaysItsEvents();
    void socketWordCountCompleteMode();
    void directoryActivityCountUpdateMode();
    void threeStreamJoinShowsEachJoin();

private:
    /// Opens a shipped scenario and shows its last batch.
    void open(const QString& file);
    const EventPoint& point(std::uint32_t event) const;
    /// True when the plot's graph `name` (a legend entry, folded or not) has a mark on the event's dot.
    bool marked(std::uint32_t event, const QString& name) const;
    /// Clicks the event's dot and returns what "Why?" says.
    QString why(std::uint32_t event);
    /// The result (or sink) table of `mode` at the batch shown, one line per row.
    QStringList table(OutputMode mode, bool result = true) const;
    QString planText() const { return m_window->queryPanel()->joinPlanView()->plainText(); }
    void shot(const QString& name) { tidemark::test::saveShot(*m_window, name); }

    std::unique_ptr<MainWindow> m_window;
};

void TestIssueFeatures::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_issuefeatures"));
}

void TestIssueFeatures::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->files()->setInteractive(false);
    m_window->resize(1024, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestIssueFeatures::cleanup()
{
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestIssueFeatures::open(const QString& file)
{
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/") + file));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000);
    m_window->cursor()->toLast();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000);
    QCOMPARE(m_window->size(), QSize(1024, 768));
}

const EventPoint& TestIssueFeatures::point(std::uint32_t event) const
{
    const ViewState& v = m_window->view();
    return v.snapshot->view(v.driving).points.at(event);
}

bool TestIssueFeatures::marked(std::uint32_t event, const QString& name) const
{
    auto* g = qobject_cast<QCPGraph*>(m_window->plot()->plottableNamed(name));
    if (!g) {
        qWarning("no graph named %s", qPrintable(name));
        return false;
    }
    const EventPoint& p = point(event);
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        if (qFuzzyCompare(it->key, p.at) && qFuzzyCompare(it->value, p.eventTime))
            return true;
    qWarning("graph %s has %d marks, none at event %u", qPrintable(name), g->dataCount(), event);
    return false;
}

QString TestIssueFeatures::why(std::uint32_t event)
{
    const EventPoint& p = point(event);
    const auto micros = [](double plotSeconds) { return static_cast<Micros>(std::llround(plotSeconds * 1e6)); };
    EventTimePlot* plot = m_window->plot();
    const QPoint dot = plot->pixelFor(micros(p.at), micros(p.eventTime)).toPoint();
    if (plot->eventAt(dot) != std::optional<std::uint32_t>(event)) {
        qWarning("the dot at (%d, %d) is not event %u", dot.x(), dot.y(), event);
        return {};
    }
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, dot);
    if (!m_window->inspector()->isVisible())
        return {};
    return m_window->inspector()->text();
}

QStringList TestIssueFeatures::table(OutputMode mode, bool result) const
{
    OutputModeColumn* c = m_window->modeColumns()->column(mode);
    return dumpModel(result ? *c->resultModel() : *c->sinkModel());
}

/// windowed-join-using.json: both sides' `window` is a USING key; the plan says the state
/// leaves by the window's end, ad 2's impression is emitted with nulls when the watermark
/// passes 10:10, and its late click is dropped before the join.
void TestIssueFeatures::windowedJoinUsingEvictsByTheWindowEnd()
{
    open(QStringLiteral("windowed-join-using.json"));
    const QString plan = planText();
    QVERIFY2(plan.contains(QStringLiteral("Analyzer.commonNaturalJoinProcessing")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("left.window = right.window")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("a row leaves when the end of its key window is at or behind the watermark")), qPrintable(plan));

    // Ad 2's impression (event 1): stored, then evicted unmatched and emitted with nulls.
    QCOMPARE(point(1).fate, Fate::OnTime);
    QVERIFY(point(1).nullOutputBatch >= 0);
    QVERIFY(marked(1, QStringLiteral("emitted with nulls (outer join)")));
    QString text = why(1);
    QVERIFY2(text.contains(QStringLiteral("evicted by the state watermark unmatched: the outer join emits it with nulls now")), qPrintable(text));
    shot(QStringLiteral("issue-windowed-join-using"));

    // Its click (event 7, 10:08) arrives after the watermark reached 10:15.
    QCOMPARE(point(7).fate, Fate::DroppedByWatermark);
    QVERIFY(marked(7, fateLabel(Fate::DroppedByWatermark)));
    text = why(7);
    QVERIFY2(text.contains(QStringLiteral("Dropped before the join: event time 10:08")) && text.contains(QStringLiteral("10:15")), qPrintable(text));

    // The append result: ad 1 and ad 3 matched in their windows, ad 2 with a null device.
    const QStringList rows = table(OutputMode::Append);
    QCOMPARE(rows.size(), 3);
    QVERIFY2(rows.filter(QStringLiteral("side")).size() == 1 && rows.filter(QStringLiteral("side")).first().endsWith(QStringLiteral("| NULL")),
             qPrintable(rows.join('\n')));
}

/// null-safe-join-keys.json: the plan names `userId <=> cartUser` a null-safe key; the guest's
/// view (event 1) waits in the state until the guest's cart (event 5) matches it; the view whose user logged in later
/// (event 2) finds no partner and is emitted with nulls.
void TestIssueFeatures::nullSafeKeysInAStreamStreamJoin()
{
    open(QStringLiteral("null-safe-join-keys.json"));
    const QString plan = planText();
    QVERIFY2(plan.contains(QStringLiteral("userId <=> cartUser")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("Null-safe key: rows meet when their keys are equal, and a null key meets a null key.")), qPrintable(plan));
    const auto& inJoin = m_window->queryPanel()->joinPlanView()->outline()->inJoin;
    QVERIFY(std::any_of(inJoin.begin(), inJoin.end(), [](const OutlineCondition& c) { return c.place == ConjunctPlace::NullSafeKey; }));

    QString text = why(1);
    QVERIFY2(text.contains(QStringLiteral("stored in the join state")) && text.contains(QStringLiteral("it had matched, so silently")), qPrintable(text));
    text = why(5);
    QVERIFY2(text.contains(QStringLiteral("matched event #")), qPrintable(text));
    shot(QStringLiteral("issue-null-safe-join"));
    QVERIFY(point(2).nullOutputBatch >= 0);
    text = why(2);
    QVERIFY2(text.contains(QStringLiteral("emits it with nulls")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("matched event")) && !text.contains(QStringLiteral("it had matched")), qPrintable(text));

    // The guest's pair is in the append result with both user columns null.
    const QStringList rows = table(OutputMode::Append);
    QVERIFY2(!rows.filter(QRegularExpression(QStringLiteral("\\| d2 \\| NULL \\|.*\\| d2 \\| NULL \\| 김 \\|"))).isEmpty(), qPrintable(rows.join('\n')));
}

/// static-join-null-safe.json: orders without a coupon get the table's null-code row.
void TestIssueFeatures::nullSafeKeysInAStreamStaticJoin()
{
    open(QStringLiteral("static-join-null-safe.json"));
    const QString plan = planText();
    QVERIFY2(plan.contains(QStringLiteral("coupon <=> code")) && plan.contains(QStringLiteral("a null key meets a null key")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("A join with a static table keeps no state")), qPrintable(plan));
    const QStringList rows = table(OutputMode::Append);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.filter(QStringLiteral("쿠폰 없음")).size(), 2);
    QVERIFY2(!rows.filter(QRegularExpression(QStringLiteral("\\| 3 \\| SPRING \\|.*\\| NULL \\| NULL \\| NULL$"))).isEmpty(), qPrintable(rows.join('\n')));
    shot(QStringLiteral("issue-null-safe-static"));
}

/// ansi-interval-watermark.json: `INTERVAL '0 00:10:00' DAY TO SECOND` is a 10-minute delay;
/// the 11:58 reading is dropped by the watermark 12:01, as the plot writes next to its mark.
void TestIssueFeatures::ansiIntervalDelayDropsTheLateReading()
{
    open(QStringLiteral("ansi-interval-watermark.json"));
    QVERIFY2(m_window->queryPanel()->errorText().isEmpty(), qPrintable(m_window->queryPanel()->errorText()));
    QCOMPARE(point(5).fate, Fate::DroppedByWatermark);
    QVERIFY(marked(5, fateLabel(Fate::DroppedByWatermark)));
    const QString text = why(5);
    QVERIFY2(text.contains(QStringLiteral("dropped, window end 12:00")) && text.contains(QStringLiteral("12:01")), qPrintable(text));
    shot(QStringLiteral("issue-ansi-interval"));
    // The other six readings are counted in the windows the last batch emits or keeps.
    for (std::uint32_t e : {0u, 1u, 2u, 3u, 4u, 6u})
        QVERIFY2(point(e).fate != Fate::DroppedByWatermark, qPrintable(QString::number(e)));

    // Before 3.2 Spark cannot read the literal, and the query panel shows its error.
    Scenario older = *m_window->document()->scenario();
    older.sparkVersion = *SparkVersion::parse("3.1");
    m_window->document()->setScenario(std::move(older), QString(), QStringLiteral("ansi-interval-watermark.json"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000);
    QTRY_VERIFY(m_window->queryPanel()->errorText().contains(QStringLiteral("Unable to parse time delay 'INTERVAL '0 00:10:00' DAY TO SECOND'")));
}

/// stream-stream-left-outer-pushdown.json: the plan shows `NOT bot` running below the clicks'
/// watermark, and "Why?" of the bot click says it never moved the watermark.
void TestIssueFeatures::pushedDownConditionNeverMovesTheWatermark()
{
    open(QStringLiteral("stream-stream-left-outer-pushdown.json"));
    const QString plan = planText();
    QVERIFY2(plan.contains(QStringLiteral("NOT bot")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("Moved here from the join, before withWatermark")), qPrintable(plan));
    QCOMPARE(point(4).fate, Fate::Filtered);
    QVERIFY(marked(4, fateLabel(Fate::Filtered)));
    const QString text = why(4);
    QVERIFY2(text.contains(QStringLiteral("before the join and before withWatermark (PushPredicateThroughJoin)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("does not move the watermark")), qPrintable(text));
    shot(QStringLiteral("issue-pushdown"));
}

/// stream-stream-where-after-join.json: `.where("NOT bot")` after the left outer join. The plan
/// shows the join running as inner (EliminateOuterJoin) and `NOT bot` moved from the where below
/// the clicks' watermark; "Why?" of the bot click says so; impression 2 meets its click at 10:08.
void TestIssueFeatures::whereAfterTheJoinRunsBelowItAsAnInnerJoin()
{
    open(QStringLiteral("stream-stream-where-after-join.json"));
    const QString plan = planText();
    QVERIFY2(plan.contains(QStringLiteral("Written as a LeftOuter join")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("Moved here from the where after the join, before withWatermark")), qPrintable(plan));
    QCOMPARE(point(4).fate, Fate::Filtered);
    const QString text = why(4);
    QVERIFY2(text.contains(QStringLiteral("the part of the query's where after the join")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("does not move the watermark")), qPrintable(text));
    QCOMPARE(point(5).fate, Fate::OnTime); // the real click of impression 2
    const QString result = table(OutputMode::Append).join(QLatin1Char('\n'));
    QVERIFY2(result.contains(QStringLiteral("10:08")), qPrintable(result));
    shot(QStringLiteral("issue-where-after-join"));
}

/// stream-stream-using-join-range-in-where.json: the range written after a `using` join is
/// moved into the join's condition, so the last (no-data) batch evicts the rows the watermark
/// passed; the bot click ran below the clicks' watermark and never reached the join.
void TestIssueFeatures::usingJoinWithItsRangeInAWhereEvictsState()
{
    open(QStringLiteral("stream-stream-using-join-range-in-where.json"));
    const QString plan = planText();
    QVERIFY2(plan.contains(QStringLiteral("Moved into the join condition from the where after the join")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("Moved here from the where after the join, before withWatermark")), qPrintable(plan));
    const ModeRun& run = m_window->view().drivingRun();
    QVERIFY(run.batches.back().noData);
    QCOMPARE(m_window->statePanel()->joinModel()->numEvicted(), 4);
    QCOMPARE(m_window->statePanel()->joinModel()->numOnSide(0) + m_window->statePanel()->joinModel()->numOnSide(1), 3);
    QCOMPARE(point(5).fate, Fate::Filtered); // the bot click
    const QString text = why(5);
    QVERIFY2(text.contains(QStringLiteral("does not move the watermark")), qPrintable(text));
    shot(QStringLiteral("issue-using-join-range-in-where"));
}

/// sliding-window.json (notebook 5, complete mode): every window the events fall in is in the
/// complete table, and no row is late without a watermark.
void TestIssueFeatures::slidingWindowCompleteMode()
{
    open(QStringLiteral("sliding-window.json"));
    QVERIFY(!table(OutputMode::Complete).isEmpty());
    const auto& points = m_window->view().snapshot->view(m_window->view().driving).points;
    QVERIFY(!points.empty());
    for (const EventPoint& p : points)
        QVERIFY(p.fate != Fate::DroppedByWatermark);
    QVERIFY(marked(0, fateLabel(Fate::OnTime)));
}

/// kafka-stream-with-watermark.json: the recorded eight events replay in the window; append
/// mode emits a window once the watermark passes its end.
void TestIssueFeatures::kafkaScenarioReplaysItsEvents()
{
    open(QStringLiteral("kafka-stream-with-watermark.json"));
    QCOMPARE(m_window->eventsModel()->rowCount(), 8);
    QVERIFY(!table(OutputMode::Append).isEmpty());
}

/// socket-word-count.json (notebook 2): the word counts in complete mode.
void TestIssueFeatures::socketWordCountCompleteMode()
{
    open(QStringLiteral("socket-word-count.json"));
    QVERIFY(m_window->eventsModel()->rowCount() > 0);
    QVERIFY(!table(OutputMode::Complete).isEmpty());
}

/// directory-activity-count.json (notebook 1): one file per trigger, update mode.
void TestIssueFeatures::directoryActivityCountUpdateMode()
{
    open(QStringLiteral("directory-activity-count.json"));
    QVERIFY(m_window->view().numBatches() > 1);
    QVERIFY(!table(OutputMode::Update).isEmpty());
}


/// three-stream-join.json: impressions join clicks, then purchases. The state view gives each
/// join a section, the join plan lists the second join with how its rows leave, the late
/// purchase of ad 3 is dropped by operator 2, and ad 3's click reaches the result with a null
/// purchase.
void TestIssueFeatures::threeStreamJoinShowsEachJoin()
{
    open(QStringLiteral("three-stream-join.json"));
    auto* panel = m_window->findChild<StatePanel*>();
    QVERIFY(panel);
    QCOMPARE(panel->numOperatorSections(), 2);
    const QString first = panel->operatorTitle(0)->text();
    QVERIFY2(first.contains(QStringLiteral("<b>Join state</b> (operator 1 of 2)")), qPrintable(first));
    const QString second = panel->operatorTitle(1)->text();
    QVERIFY2(second.contains(QStringLiteral("<b>Operator 2 of 2</b> (symmetricHashJoin)")) && second.contains(QStringLiteral("1 late row(s) dropped")),
             qPrintable(second));
    QVERIFY(panel->operatorTitle(1)->isVisibleTo(panel));

    // The plot draws the watermark the second join reads: the first join's output watermark,
    // 10 minutes and 1 ms (its BETWEEN) below the global one.
    auto* global = qobject_cast<QCPGraph*>(m_window->plot()->plottableNamed(QStringLiteral("global watermark (min of the inputs')")));
    auto* joined = qobject_cast<QCPGraph*>(
        m_window->plot()->plottableNamed(QStringLiteral("watermark after the join, read by stateful operator 2 (query.then[0].join)")));
    QVERIFY(global && joined);
    QVERIFY(!global->data()->isEmpty() && !joined->data()->isEmpty());
    const double gap = (global->data()->constEnd() - 1)->value - (joined->data()->constEnd() - 1)->value;
    QVERIFY2(std::abs(gap - 600.001) < 1e-6, qPrintable(QString::number(gap, 'f', 6)));

    const QString plan = planText();
    QVERIFY2(plan.contains(QStringLiteral("Stateful operator 2: LeftOuter join with purchases (query.then[0].join)")), qPrintable(plan));
    QVERIFY2(plan.contains(QStringLiteral("the joined rows: a row leaves when impressionTime")), qPrintable(plan));

    // Purchase of ad 3 (event 13: 5 impressions, 5 clicks, then the purchases) arrives an hour late.
    QCOMPARE(point(13).fate, Fate::DroppedByWatermark);
    QVERIFY(marked(13, fateLabel(Fate::DroppedByWatermark)));
    QString text = why(13);
    QVERIFY2(text.contains(QStringLiteral("Dropped before the join of query.then[0] (stateful operator 2)")), qPrintable(text));
    shot(QStringLiteral("issue-three-stream-join"));
    // Click 3 (event 6) joined impression 3, then went on to the second join.
    text = why(6);
    QVERIFY2(text.contains(QStringLiteral("the joined row went on to stateful operator 2 (join, query.then[0])")), qPrintable(text));

    const QStringList rows = table(OutputMode::Append, false);
    QVERIFY2(rows.size() == 1 && rows.front().contains(QStringLiteral("| 3 | 10:05:00 | 3 | 10:06:00 | NULL | NULL")),
             qPrintable(rows.join('\n')));
}

QTEST_MAIN(TestIssueFeatures)
#include "tst_issuefeatures.moc"
