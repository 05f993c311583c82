// SPDX-License-Identifier: GPL-3.0-or-later
// A scenario with restarts from the checkpoint, run on live input: a live query runs until it
// is stopped, so the restarts are left out, visibly (LiveSession::restartsNotice, which the
// CLI prints and the window shows), and the recording does not claim them. Fed directly.
#include "WordCountFeed.h"
#include "live/LiveScenario.h"
#include "live/LiveSession.h"
#include "engine/scenario/ScenarioFile.h"

#include <QTest>

#include <algorithm>
#include <string>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

/// The word count with one stop (a crash) at 00:00:05 and a restart at 00:00:08.
Scenario withRestarts()
{
    std::string text = kWordCountScenario;
    text.insert(text.rfind('}'), ", \"restarts\": [{\"stopAt\": \"2026-01-01 00:00:05\", \"crash\": true, \"restartAt\": \"2026-01-01 00:00:08\"}]");
    auto scenario = loadScenarioText(text);
    if (!scenario.ok())
        qFatal("%s", scenario.error().describe().c_str());
    return std::move(scenario.value());
}

std::unique_ptr<LiveSession> started(Scenario scenario)
{
    KafkaSettings settings;
    settings.topic = "words";
    auto session = LiveSession::start(std::move(scenario), 0, settings, kStart);
    if (!session.ok())
        qFatal("%s", session.error().describe().c_str());
    return std::move(session.value());
}

} // namespace

class TestLiveRestarts : public QObject
{
    Q_OBJECT
private slots:
    void restartsAreLeftOutAndSaidSo()
    {
        QCOMPARE(withRestarts().restarts.size(), std::size_t{1});
        auto live = started(withRestarts());
        QVERIFY(live->restartsNotice().has_value());
        QVERIFY2(live->restartsNotice()->find("restart is not applied to live input") != std::string::npos, live->restartsNotice()->c_str());
        QVERIFY(live->scenario().restarts.empty());

        // The query runs through the down time the file gave: one batch a second, no restart.
        std::vector<BatchRecord> batches;
        for (std::int64_t s = 0; s < 12; ++s)
            for (BatchRecord& b : live->feed(secondOf(s, 4)))
                batches.push_back(std::move(b));
        QVERIFY(batches.size() >= 10);
        for (std::size_t i = 0; i < batches.size(); ++i) {
            QCOMPARE(batches[i].batchId, static_cast<std::int64_t>(i));
            QVERIFY(!batches[i].restart);
            QVERIFY(!batches[i].checkpoint.rerun);
            QVERIFY(batches[i].checkpoint.commit.has_value()); // no crash: every batch committed
        }
        const bool ranWhileTheFileSaysDown = std::any_of(batches.begin(), batches.end(), [](const BatchRecord& b) {
            return b.triggerTime > kStart + 5 * kSecond && b.triggerTime < kStart + 8 * kSecond;
        });
        QVERIFY(ranWhileTheFileSaysDown);

        // The recording says what happened: no restarts.
        const std::string recording = scenarioToJson(live->scenario());
        QVERIFY2(recording.find("restarts") == std::string::npos, recording.c_str());
    }

    void withoutRestartsNothingIsSaid()
    {
        auto scenario = loadScenarioText(kWordCountScenario);
        QVERIFY(scenario.ok());
        auto live = started(std::move(scenario.value()));
        QVERIFY(!live->restartsNotice().has_value());
    }
};

QTEST_GUILESS_MAIN(TestLiveRestarts)
#include "tst_live_restarts.moc"
