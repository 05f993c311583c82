// SPDX-License-Identifier: GPL-3.0-or-later
// What the window shows of a long live session (LiveModeRuns): each output mode keeps only its
// newest batches, and every batch it shows is the batch a run over the whole recording has,
// field for field, with the state, the result table and the drop counts its forgotten batches
// left behind. Fed directly (no broker): 2,000 one-second triggers, some rows late.
#include "WordCountFeed.h"
#include "live/LiveModeRuns.h"
#include "live/LiveScenario.h"
#include "engine/exec/RunRecord.h"
#include "engine/scenario/ScenarioFile.h"

#include <QTest>

#include <algorithm>
#include <string>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

Scenario prepared()
{
    auto scenario = loadScenarioText(kWordCountScenario);
    if (!scenario.ok())
        qFatal("%s", scenario.error().describe().c_str());
    KafkaSettings settings;
    settings.topic = "words";
    prepareLiveScenario(scenario.value(), 0, settings, kStart);
    return std::move(scenario.value());
}

/// `shown` (a kept batch) against `whole` (the same batch of a run over the whole recording);
/// shown event index + `shift` is the whole recording's.
void compareBatch(const BatchRecord& shown, const BatchRecord& whole, std::uint32_t shift)
{
    QCOMPARE(shown.batchId, whole.batchId);
    QCOMPARE(shown.triggerTime, whole.triggerTime);
    QCOMPARE(shown.noData, whole.noData);
    QCOMPARE(shown.numInputRows, whole.numInputRows);
    QCOMPARE(shown.watermarkMs, whole.watermarkMs);
    QCOMPARE(shown.lateFilterWatermarkMs, whole.lateFilterWatermarkMs);
    QCOMPARE(shown.nextWatermarkMs, whole.nextWatermarkMs);
    QCOMPARE(shown.sinkRows, whole.sinkRows);
    QCOMPARE(shown.droppedRows, whole.droppedRows);
    QCOMPARE(shown.events.size(), whole.events.size());
    for (std::size_t i = 0; i < shown.events.size(); ++i)
        QCOMPARE(shown.events[i] + shift, whole.events[i]);
    QCOMPARE(shown.fates.size(), whole.fates.size());
    for (std::size_t i = 0; i < shown.fates.size(); ++i) {
        QCOMPARE(shown.fates[i].event + shift, whole.fates[i].event);
        QCOMPARE(shown.fates[i].fate, whole.fates[i].fate);
        QCOMPARE(shown.fates[i].lateWatermarkMs, whole.fates[i].lateWatermarkMs);
    }
    QCOMPARE(shown.stateChanges.size(), whole.stateChanges.size());
    QCOMPARE(shown.operators.size(), whole.operators.size());
    for (std::size_t i = 0; i < shown.operators.size(); ++i) {
        QCOMPARE(shown.operators[i].numRowsTotal, whole.operators[i].numRowsTotal);
        QCOMPARE(shown.operators[i].numRowsDroppedByWatermark, whole.operators[i].numRowsDroppedByWatermark);
    }
}

std::int64_t droppedUpTo(const ModeRun& run, std::size_t index)
{
    std::int64_t n = run.forgotten.droppedRows;
    for (std::size_t b = 0; b <= index && b < run.batches.size(); ++b)
        for (const OperatorProgress& op : run.batches[b].operators)
            n += op.numRowsDroppedByWatermark;
    return n;
}

} // namespace

class TestLiveModeRuns : public QObject {
    Q_OBJECT

private slots:
    void shownBatchesAreTheWholeRunsBatches()
    {
        constexpr int kPerSecond = 40;
        LiveShownLimits limits;
        limits.batches = 20;
        limits.events = 500;
        limits.resultRows = 1'000'000; // all of them: the result tables must be equal
        auto runs = LiveModeRuns::start(prepared(), 0, limits);
        QVERIFY2(runs.ok(), runs.ok() ? "" : runs.error().describe().c_str());
        Scenario recording = prepared();
        std::size_t mostHeld = 0;
        for (std::int64_t s = 0; s < 2000; ++s) {
            const Delivery d = secondOf(s, kPerSecond);
            appendDelivery(recording, 0, d);
            (*runs)->feed(d);
            mostHeld = std::max(mostHeld, (*runs)->heldEvents());
            if (s != 7 && s != 333 && s != 1999)
                continue;
            const LiveModeRuns::Shown shown = (*runs)->shown();
            const auto shift = static_cast<std::uint32_t>(shown.forgottenEvents);
            QCOMPARE(shown.forgottenEvents + static_cast<std::int64_t>(shown.scenario->sources[0].events.size()),
                     static_cast<std::int64_t>(recording.sources[0].events.size()));
            SimulationOptions options;
            options.materializeCompleteOutput = false;
            for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
                const ModeRun& part = *shown.runs[static_cast<std::size_t>(m)];
                const ModeRun whole = runMode(recording, m, options, d.upTo);
                QVERIFY(!part.error && !whole.error);
                QVERIFY(!part.batches.empty());
                QVERIFY(part.batches.size() <= limits.batches);
                QCOMPARE(part.forgotten.batches + static_cast<std::int64_t>(part.batches.size()), static_cast<std::int64_t>(whole.batches.size()));
                for (std::size_t i = 0; i < part.batches.size(); ++i) {
                    const auto j = static_cast<std::size_t>(part.forgotten.batches) + i;
                    compareBatch(part.batches[i], whole.batches[j], shift);
                    QCOMPARE(part.stateAfter(i), whole.stateAfter(j));
                    QCOMPARE(part.resultTableAfter(i), whole.resultTableAfter(j));
                    QCOMPARE(part.sinkRowsOf(i), whole.sinkRowsOf(j));
                    QCOMPARE(droppedUpTo(part, i), droppedUpTo(whole, j));
                }
                QCOMPARE(part.unconsumed.size(), whole.unconsumed.size());
                for (std::size_t i = 0; i < part.unconsumed.size(); ++i)
                    QCOMPARE(part.unconsumed[i].event + shift, whole.unconsumed[i].event);
                for (const TickRecord& t : part.ticks) // the newest ticks, as the whole run has them
                    QVERIFY(std::any_of(whole.ticks.begin(), whole.ticks.end(),
                                        [&](const TickRecord& w) { return w.time == t.time && w.batchId == t.batchId && w.count == t.count; }));
            }
        }
        // Held: about the newest `limits.events` events the kept batches read, and the unread.
        QVERIFY2(mostHeld <= limits.events + 2 * kPerSecond, qPrintable(QStringLiteral("held %1 events").arg(mostHeld)));
    }

    /// With few result rows kept, the newest rows of the result table are still the whole run's.
    void resultTableKeepsItsNewestRows()
    {
        LiveShownLimits limits;
        limits.batches = 5;
        limits.resultRows = 30;
        auto runs = LiveModeRuns::start(prepared(), 0, limits);
        QVERIFY(runs.ok());
        Scenario recording = prepared();
        Micros upTo = 0;
        for (std::int64_t s = 0; s < 300; ++s) {
            const Delivery d = secondOf(s, 10);
            appendDelivery(recording, 0, d);
            (*runs)->feed(d);
            upTo = d.upTo;
        }
        const LiveModeRuns::Shown shown = (*runs)->shown();
        const ModeRun& part = *shown.runs[static_cast<std::size_t>(OutputMode::Append)];
        const ModeRun whole = runMode(recording, OutputMode::Append, {}, upTo);
        const std::vector<Row> partTable = part.resultTableAfter(part.batches.size() - 1);
        const std::vector<Row> wholeTable = whole.resultTableAfter(whole.batches.size() - 1);
        QVERIFY(part.forgotten.resultRowsLeftOut > 0);
        QCOMPARE(static_cast<std::int64_t>(partTable.size()) + part.forgotten.resultRowsLeftOut, static_cast<std::int64_t>(wholeTable.size()));
        QVERIFY(std::equal(partTable.begin(), partTable.end(), wholeTable.end() - static_cast<std::ptrdiff_t>(partTable.size())));
    }

    /// A mode Spark rejects carries its error; the others run.
    void rejectedModeCarriesItsError()
    {
        auto scenario = loadScenarioText("{\"tidemark\": 1, \"sparkVersion\": \"3.5\", \"timeZone\": \"UTC\","
                                         " \"sources\": {\"words\": {\"format\": \"kafka\", \"schema\": {\"word\": \"string\"}, \"events\": []}},"
                                         " \"query\": {\"source\": \"words\", \"groupBy\": [\"word\"], \"agg\": [{\"fn\": \"count\"}],"
                                         " \"outputMode\": \"complete\", \"trigger\": {\"processingTime\": \"1 second\"}}}");
        QVERIFY(scenario.ok());
        KafkaSettings settings;
        settings.topic = "words";
        prepareLiveScenario(scenario.value(), 0, settings, kStart);
        auto runs = LiveModeRuns::start(scenario.value(), 0);
        QVERIFY(runs.ok());
        Delivery d;
        for (int i = 0; i < 4; ++i) {
            LiveMessage m;
            m.offset = i;
            m.at = kStart + (i + 1) * 1000;
            m.row = Row{Value(i % 2 ? "owl" : "cat")};
            d.messages.push_back(std::move(m));
        }
        d.upTo = kStart + kSecond;
        (*runs)->feed(d);
        const LiveModeRuns::Shown shown = (*runs)->shown();
        QVERIFY(shown.runs[static_cast<std::size_t>(OutputMode::Append)]->error); // no watermark: Spark refuses append
        QVERIFY(!shown.runs[static_cast<std::size_t>(OutputMode::Complete)]->error);
        QVERIFY(!shown.runs[static_cast<std::size_t>(OutputMode::Complete)]->batches.empty());
    }
};

QTEST_GUILESS_MAIN(TestLiveModeRuns)
#include "tst_live_mode_runs.moc"
