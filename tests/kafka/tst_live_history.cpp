// SPDX-License-Identifier: GPL-3.0-or-later
// A long live run keeps a bounded history: fed 2,000 batches directly (no broker), a session
// with a history limit keeps the events of its newest batches only, and runs exactly the
// batches a session that keeps everything runs.
#include "WordCountFeed.h"
#include "live/LiveSession.h"
#include "live/RecordJournal.h"
#include "engine/scenario/ScenarioFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <string>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

std::unique_ptr<LiveSession> startSession(std::size_t historyLimit)
{
    auto scenario = loadScenarioText(kWordCountScenario);
    if (!scenario.ok())
        qFatal("%s", scenario.error().describe().c_str());
    KafkaSettings settings;
    settings.topic = "words";
    SimulationOptions options;
    options.recordFates = false;
    options.recordStateChanges = false;
    auto session = LiveSession::start(std::move(scenario.value()), 0, settings, kStart, std::nullopt, options);
    if (!session.ok())
        qFatal("%s", session.error().describe().c_str());
    session.value()->setHistoryLimit(historyLimit);
    return std::move(session.value());
}

} // namespace

class TestLiveHistory : public QObject {
    Q_OBJECT

private slots:
    void longRunKeepsABoundedHistory()
    {
        constexpr std::size_t kLimit = 20;
        constexpr int kPerSecond = 40;
        constexpr std::int64_t kSeconds = 2000;
        auto everything = startSession(0);
        auto bounded = startSession(kLimit);
        std::size_t mostKept = 0;
        std::int64_t batches = 0;
        for (std::int64_t s = 0; s < kSeconds; ++s) {
            const Delivery d = secondOf(s, kPerSecond);
            const auto a = everything->feed(d);
            const auto b = bounded->feed(d);
            // The same batches, whatever was forgotten.
            QCOMPARE(b.size(), a.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                QCOMPARE(b[i].batchId, a[i].batchId);
                QCOMPARE(b[i].numInputRows, a[i].numInputRows);
                QCOMPARE(b[i].watermarkMs, a[i].watermarkMs);
                QCOMPARE(b[i].sinkRows, a[i].sinkRows);
            }
            batches += static_cast<std::int64_t>(a.size());
            mostKept = std::max(mostKept, bounded->scenario().sources[0].events.size());
        }
        QVERIFY(batches >= kSeconds - 1);
        const auto total = static_cast<std::size_t>(kSeconds * kPerSecond);
        QCOMPARE(everything->scenario().sources[0].events.size(), total);
        // Kept: the newest kLimit batches' events, up to as many again before they are erased in
        // one go (at least 1,024), and the messages not read yet.
        const std::size_t bound = std::max<std::size_t>(1024, 2 * kLimit * kPerSecond) + (kLimit + 2) * kPerSecond;
        QVERIFY2(mostKept <= bound, qPrintable(QStringLiteral("kept %1 events, bound %2").arg(mostKept).arg(bound)));
        QCOMPARE(static_cast<std::size_t>(bounded->forgottenEvents()) + bounded->scenario().sources[0].events.size(), total);
        QVERIFY(bounded->simulation().ticks().size() <= kLimit + 2 * kLimit * 2);
        QCOMPARE(bounded->batches(), everything->batches());
    }

    /// Recording with a bounded history: the events go to a journal beside the record file and
    /// the snapshots stream them from there. Every snapshot is byte for byte the file written
    /// by a session that keeps every message, also before the first message and with faults.
    void recordingWithABoundedHistoryIsTheSameFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string keptPath = dir.filePath("kept.json").toStdString();
        const std::string journaledPath = dir.filePath("journaled.json").toStdString();
        auto everything = startSession(0);
        auto bounded = startSession(5);
        QVERIFY(bounded->recordTo(journaledPath).ok());
        QVERIFY(bounded->recordsToJournal());
        QVERIFY(QFile::exists(QString::fromStdString(RecordJournal::journalPath(journaledPath))));
        auto sameFiles = [&](const char* when) {
            QVERIFY2(everything->save(keptPath).ok(), when);
            QVERIFY2(bounded->save(journaledPath).ok(), when);
            QFile a(QString::fromStdString(keptPath));
            QFile b(QString::fromStdString(journaledPath));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            const QByteArray kept = a.readAll();
            QVERIFY2(kept == b.readAll(), when);
            QCOMPARE(QByteArray::fromStdString(bounded->recording()), kept);
        };
        sameFiles("before any message");
        std::size_t mostKept = 0;
        for (std::int64_t s = 0; s < 300; ++s) {
            const Delivery d = secondOf(s, 40);
            everything->feed(d);
            bounded->feed(d);
            mostKept = std::max(mostKept, bounded->scenario().sources[0].events.size());
            if (s == 100) {
                SourceFault f;
                f.at = d.upTo;
                f.kind = SourceFault::Kind::BrokerLost;
                f.text = "lost the broker";
                everything->addFault(f);
                bounded->addFault(f);
            }
            if (s == 0 || s == 150)
                sameFiles(s == 0 ? "after the first second" : "mid-run");
        }
        sameFiles("at the end");
        QVERIFY2(mostKept < 3000, qPrintable(QString::number(mostKept))); // of 12,000
        QVERIFY(bounded->forgottenEvents() > 0);
        bounded.reset();
        QVERIFY(!QFile::exists(QString::fromStdString(RecordJournal::journalPath(journaledPath)))); // removed with the session
        auto replayed = loadScenarioFile(journaledPath);
        QVERIFY2(replayed.ok(), replayed.ok() ? "" : replayed.error().describe().c_str());
        QCOMPARE(replayed->sources[0].events.size(), std::size_t{12000});
    }

    /// The journal cannot be created: recordTo says where and why.
    void unwritableJournalIsAnError()
    {
        auto session = startSession(5);
        const Status s = session->recordTo("/nonexistent-dir/x.json");
        QVERIFY(!s.ok());
        QVERIFY2(QString::fromStdString(s.error().describe()).contains("/nonexistent-dir/.x.json.journal"), s.error().describe().c_str());
        QVERIFY(!session->recordsToJournal());
    }

    /// A join's state names the events it buffered: nothing is forgotten there.
    void joinKeepsEverything()
    {
        auto scenario = loadScenarioText(R"({
  "tidemark": 1, "sparkVersion": "3.5", "timeZone": "UTC",
  "sources": {"words": {"format": "kafka", "schema": {"word": "string", "timestamp": "timestamp"}, "events": []},
              "names": {"static": true, "schema": {"w": "string", "name": "string"}, "rows": [{"w": "owl", "name": "Owl"}]}},
  "query": {"join": {"left": {"source": "words"}, "right": {"source": "names"}, "on": "word = w", "type": "inner"},
    "outputMode": "append", "trigger": {"processingTime": "1 second"}}
})");
        QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().describe().c_str());
        KafkaSettings settings;
        settings.topic = "words";
        auto session = LiveSession::start(std::move(scenario.value()), 0, settings, kStart);
        QVERIFY(session.ok());
        (*session)->setHistoryLimit(2);
        for (std::int64_t s = 0; s < 200; ++s)
            (*session)->feed(secondOf(s, 20));
        QCOMPARE((*session)->forgottenEvents(), 0);
        QCOMPARE((*session)->scenario().sources[0].events.size(), std::size_t{4000});
    }
};

QTEST_GUILESS_MAIN(TestLiveHistory)
#include "tst_live_history.moc"
