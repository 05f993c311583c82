// SPDX-License-Identifier: GPL-3.0-or-later
// The "why" texts the UI shows for a row and for a window, from the run record.
#include "tests/support/DescribedRun.h"

#include "engine/exec/EventTime.h"
#include "engine/exec/Explain.h"
#include "engine/scenario/ScenarioFile.h"

#include <QtTest>

using namespace tidemark;

namespace {
Scenario load(const char* name)
{
    auto sc = loadScenarioFile(std::string(TIDEMARK_SCENARIOS) + "/" + name);
    if (!sc.ok())
        qFatal("%s", sc.error().describe().c_str());
    return std::move(sc.value());
}
const RowFate* fateOf(const ModeRun& run, std::uint32_t event) { return testing::fateOfEvent(run, event); }
} // namespace

class TestExplain : public QObject {
    Q_OBJECT
private slots:
    void droppedRowNamesTheComparison()
    {
        const Scenario sc = load("word-count-update.json");
        const ModeRun run = runMode(sc, OutputMode::Update);
        const RowFate* donkey = fateOf(run, 9);
        QVERIFY(donkey);
        QCOMPARE(donkey->fate, Fate::DroppedByWatermark);
        const QString text = QString::fromStdString(explainFate(*donkey, run, sc));
        QVERIFY2(text.contains("Read by batch 3 (trigger at 12:25:00)"), qPrintable(text));
        QVERIFY2(text.contains("Window [12:00:00, 12:10:00): dropped, window end 12:10:00 <= watermark 12:11:00."), qPrintable(text));
        QVERIFY2(text.contains("Window [11:55:00, 12:05:00): dropped"), qPrintable(text));
    }

    void lateButCountedRowSaysHowLate()
    {
        const Scenario sc = load("word-count-update.json");
        const ModeRun run = runMode(sc, OutputMode::Update);
        const RowFate* cat = fateOf(run, 3); // (12:09, cat) arrived after (12:14, dog)
        QVERIFY(cat);
        QCOMPARE(cat->fate, Fate::LateAccepted);
        const QString text = QString::fromStdString(explainFate(*cat, run, sc));
        QVERIFY2(text.contains("5 minutes behind the max event time seen before it (12:14:00)"), qPrintable(text));
        QVERIFY2(text.contains("counted, window end 12:10:00 > watermark 11:58:00"), qPrintable(text));
    }

    void versionDifferenceIsExplained()
    {
        Scenario sc = load("word-count-update.json");
        sc.sparkVersion = SparkVersion{4, 0};
        const ModeRun run = runMode(sc, OutputMode::Update);
        const RowFate* donkey = fateOf(run, 9);
        QVERIFY(donkey);
        QCOMPARE(donkey->fate, Fate::LateAccepted); // counted on 4.0, though 17 minutes behind 12:21
        const QString text = QString::fromStdString(explainFate(*donkey, run, sc));
        QVERIFY2(text.contains("judges late rows with the previous batch's watermark (12:04:00) and evicts state with this batch's (12:11:00)"),
                 qPrintable(text));
    }

    void groupLifeListsItsBatches()
    {
        const Scenario sc = load("word-count-append.json");
        const ModeRun run = runMode(sc, OutputMode::Append);
        const Row key{Value(TimeRange{1625281200000000LL, 1625281800000000LL}), Value("dog")}; // [12:00, 12:10) dog
        const QString text = QString::fromStdString(explainGroup(key, run, sc));
        QVERIFY2(text.contains("Batch 0 (12:10:00): written to state, value 1."), qPrintable(text));
        QVERIFY2(text.contains("Batch 2 (12:20:00): written to state, value 2."), qPrintable(text));
        QVERIFY2(text.contains("Batch 3 (12:25:00): evicted, its end is at or behind the watermark 12:11:00 — emitted now with its final value."),
                 qPrintable(text));
    }

    void joinRowLife()
    {
        const Scenario sc = load("stream-stream-left-outer-with-watermark.json");
        const ModeRun run = runMode(sc, OutputMode::Append);
        const RowFate* impression3 = fateOf(run, 2);
        QVERIFY(impression3);
        const QString text = QString::fromStdString(explainFate(*impression3, run, sc));
        QVERIFY2(text.contains("Batch 0: stored in the join state"), qPrintable(text));
        QVERIFY2(text.contains("Batch 1: evicted by the state watermark unmatched: the outer join emits it with nulls now."), qPrintable(text));
    }

    /// A click whose key is null: `impressions.adId = clicks.adId` is never true for it, so
    /// Spark's optimizer filters isnotnull(adId) on the clicks, the side a left outer join may
    /// filter (InferFiltersFromConstraints), and runs it before withWatermark: the click is
    /// never stored and its far event time (10:45) moves no watermark, exactly as the shipped
    /// bot click, which `NOT bot` removes there, does not.
    void nullJoinKeyIsFilteredBeforeTheWatermark()
    {
        const Scenario shipped = load("stream-stream-left-outer-pushdown.json");
        Scenario sc = shipped;
        const std::size_t clicks = sc.sources[0].name == "clicks" ? 0 : 1;
        SourceEvent& farClick = sc.sources[clicks].events[1];
        farClick.row[0] = Value();      // adId
        farClick.row[2] = Value(false); // not a bot: only its null key can remove it
        const ModeRun run = runMode(sc, OutputMode::Append);
        const ModeRun reference = runMode(shipped, OutputMode::Append);
        QCOMPARE(run.batches.size(), reference.batches.size());
        for (std::size_t b = 0; b < run.batches.size(); ++b)
            QCOMPARE(run.batches[b].watermarkMs, reference.batches[b].watermarkMs);

        std::uint32_t event = 1; // events are numbered across sources in file order
        for (std::size_t src = 0; src < clicks; ++src)
            event += static_cast<std::uint32_t>(sc.sources[src].events.size());
        const RowFate* fate = fateOf(run, event);
        QVERIFY(fate);
        QCOMPARE(fate->fate, Fate::Filtered);
        const QString text = QString::fromStdString(explainFate(*fate, run, sc));
        QVERIFY2(text.contains("Removed by `isnotnull(adId)`"), qPrintable(text));
        QVERIFY2(text.contains("InferFiltersFromConstraints"), qPrintable(text));
        QVERIFY2(text.contains("before withWatermark: the row is never stored and does not move the watermark"), qPrintable(text));
    }

    void eventTimesForDrawing()
    {
        const Scenario sc = load("stream-stream-inner-with-watermark.json");
        const auto cols = eventTimeColumns(sc);
        QCOMPARE(cols.size(), size_t(2));
        QCOMPARE(*cols[0], size_t(1)); // impressionTime
        QCOMPARE(*cols[1], size_t(1)); // clickTime
        QCOMPARE(*eventTimeOf(sc, cols, 1, 0), 1628737320LL * kMicrosPerSecond);
        QCOMPARE(locateEvent(sc, 6), (std::pair<std::size_t, std::size_t>{1, 1}));
        QCOMPARE(globalEventIndex(sc, 1, 1), 6u);
    }
};

QTEST_APPLESS_MAIN(TestExplain)
#include "tst_explain.moc"
