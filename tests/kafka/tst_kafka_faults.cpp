// SPDX-License-Identifier: GPL-3.0-or-later
// Live input under faults a teacher can stage with `tidemark broker`: the broker stopped and
// started mid-run (with and without a consumer group), replaced by an empty one (Spark's
// failOnDataLoss, both ways), a message larger than the broker keeps, and the broker's stdin
// commands themselves. Every offset is either read once or reported.
#include "LiveHarness.h"

#include "live/MockCluster.h"
#include "engine/scenario/ScenarioFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

/// kcat as a long-running producer fed line by line, idempotent (a retry after an outage does
/// not write a message twice) and patient (messages wait out the outage).
class LineProducer {
public:
    bool start(const std::string& bootstrap, const std::string& topic)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(TIDEMARK_KCAT), {"-P", "-b", QString::fromStdString(bootstrap), "-t", QString::fromStdString(topic), "-p", "0",
                                                       "-X", "enable.idempotence=true", "-X", "message.timeout.ms=60000", "-X", "linger.ms=5"});
        return m_process.waitForStarted(5000);
    }
    void send(const std::string& line)
    {
        m_process.write(QByteArray::fromStdString(line) + '\n');
        m_process.waitForBytesWritten(1000);
    }
    /// Ends the input and waits until kcat has delivered everything.
    bool finish(QString* output)
    {
        m_process.closeWriteChannel();
        const bool done = m_process.waitForFinished(60000);
        *output = QString::fromUtf8(m_process.readAll());
        return done && m_process.exitCode() == 0;
    }

private:
    QProcess m_process;
};

std::string faultKinds(const SourceStats& s)
{
    std::string k;
    for (const auto& f : s.faults)
        k += std::string(k.empty() ? "" : ", ") + sourceFaultKindName(f.kind);
    return k;
}

const SourceFault* findFault(const SourceStats& s, SourceFault::Kind kind)
{
    for (const auto& f : s.faults)
        if (f.kind == kind)
            return &f;
    return nullptr;
}

/// Every id 0..n-1 once, and every offset of partition 0 from `firstOffset` on once, in order.
void expectEachOnce(const std::vector<SourceEvent>& events, int n)
{
    QCOMPARE(static_cast<int>(events.size()), n);
    std::map<std::int64_t, int> ids;
    for (size_t i = 0; i < events.size(); ++i) {
        QCOMPARE(events[i].offset, static_cast<std::int64_t>(i));
        ++ids[events[i].row[0].asInt()];
    }
    QCOMPARE(static_cast<int>(ids.size()), n);
    for (const auto& [id, count] : ids)
        QCOMPARE(count, 1);
}

/// The broker stops answering while messages keep coming, then answers again: every message,
/// also those sent during and after the outage, is read exactly once.
void outageLosesNothing(const std::string& groupId)
{
    MockCluster cluster;
    QVERIFY(cluster.ok());
    QVERIFY(cluster.createTopic("events", 1));
    KafkaSourceConfig config = testConfig(cluster.bootstrap(), "events", "earliest");
    config.groupId = groupId;
    LiveRun run;
    QVERIFY2(run.start(classroomScenario(), config), run.error.c_str());
    LineProducer producer;
    QVERIFY(producer.start(cluster.bootstrap(), "events"));
    int sent = 0;
    auto sendSome = [&](int n) {
        for (int i = 0; i < n; ++i, ++sent)
            producer.send(jsonEvent(sent, 1625238000 + sent));
        run.runFor(100ms);
    };
    for (int i = 0; i < 10; ++i)
        sendSome(10);
    QVERIFY2(run.runUntil([&] { return run.events().size() >= 50 && run.stats().state == SourceState::Connected; }, 20s),
             run.stats().status.c_str());

    cluster.setBrokerDown();
    bool sawReconnecting = false;
    for (int i = 0; i < 20; ++i) { // about 2 s of outage, messages still coming
        sendSome(5);
        sawReconnecting = sawReconnecting || run.stats().state == SourceState::Reconnecting;
    }
    QVERIFY2(run.runUntil([&] { return run.stats().state == SourceState::Reconnecting; }, 10s) || sawReconnecting,
             run.stats().status.c_str());
    cluster.setBrokerUp();
    for (int i = 0; i < 10; ++i)
        sendSome(10);
    QString kcatOutput;
    QVERIFY2(producer.finish(&kcatOutput), qPrintable(kcatOutput));
    QVERIFY2(run.runUntil([&] { return static_cast<int>(run.events().size()) >= sent; }, 30s),
             (run.stats().status + " received " + std::to_string(run.events().size()) + " of " + std::to_string(sent)).c_str());
    run.runFor(500ms);
    QCOMPARE(run.stats().state, SourceState::Connected);
    expectEachOnce(run.events(), sent);
    QCOMPARE(run.stats().offsetsMissed, std::int64_t(0));
    QVERIFY2(findFault(run.stats(), SourceFault::Kind::BrokerLost), faultKinds(run.stats()).c_str());
    QVERIFY2(findFault(run.stats(), SourceFault::Kind::BrokerBack), faultKinds(run.stats()).c_str());
    std::int64_t rows = 0;
    for (const auto& b : run.batches)
        rows += b.numInputRows;
    QCOMPARE(rows, static_cast<std::int64_t>(sent));
}

} // namespace

class TestKafkaFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(std::string(TIDEMARK_KCAT).size() > 0, "kcat not found: apt-get install kcat"); }

    void outageWithoutGroupLosesNothing() { outageLosesNothing(""); }

    void outageWithGroupLosesNothing() { outageLosesNothing("classroom"); }

    /// The broker comes back empty (`fresh`): the offsets read so far are gone and the end
    /// offset went backwards. failOnDataLoss=true (Spark's default) stops the query with
    /// Spark's message; no batch runs after it.
    void emptiedBrokerStopsTheQuery()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), testConfig(cluster.bootstrap(), "events", "earliest")), run.error.c_str());
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(0, 1625238000), jsonEvent(1, 1625238060), jsonEvent(2, 1625238120)}));
        QVERIFY(run.runUntil([&] { return run.events().size() == 3; }, 10s));

        QVERIFY(cluster.replaceWithEmpty());
        QVERIFY2(run.runUntil([&] { return run.stats().state == SourceState::Failed; }, 20s), run.stats().status.c_str());
        const QString error = QString::fromStdString(run.stats().error);
        QVERIFY2(error.startsWith("Partition events-0's offset was changed from 3 to 0, some data may have been missed. Some data may have been "
                                  "lost because they are not available in Kafka any more;"),
                 qPrintable(error));
        QVERIFY2(error.endsWith("set the source option \"failOnDataLoss\" to \"false\"."), qPrintable(error));
        const SourceFault* loss = findFault(run.stats(), SourceFault::Kind::DataLoss);
        QVERIFY(loss);
        QCOMPARE(loss->partition, 0);
        const size_t batches = run.batches.size();
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(3, 1625238180)}));
        run.runFor(1000ms);
        QCOMPARE(run.batches.size(), batches); // the query stopped
        QCOMPARE(run.events().size(), size_t(3));
    }

    /// failOnDataLoss=false: Spark reads on from the new end offset; what it skips of the new
    /// log is reported as missed offsets, and later messages arrive.
    void emptiedBrokerReportsMissedOffsetsAndReadsOn()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        KafkaSourceConfig config = testConfig(cluster.bootstrap(), "events", "earliest");
        config.failOnDataLoss = false;
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), config), run.error.c_str());
        std::vector<std::string> first;
        for (int i = 0; i < 10; ++i)
            first.push_back(jsonEvent(i, 1625238000 + 60 * i));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", first));
        QVERIFY(run.runUntil([&] { return run.events().size() == 10; }, 10s));

        // While the query is between polls the broker comes back empty and gets three messages.
        QVERIFY(cluster.replaceWithEmpty());
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(100, 1625238000), jsonEvent(101, 1625238000), jsonEvent(102, 1625238000)}));
        QVERIFY2(run.runUntil([&] { return findFault(run.stats(), SourceFault::Kind::OffsetsMissed) != nullptr; }, 20s),
                 (run.stats().status + " / " + faultKinds(run.stats())).c_str());
        const SourceFault* missed = findFault(run.stats(), SourceFault::Kind::OffsetsMissed);
        QCOMPARE(missed->partition, 0);
        QCOMPARE(missed->fromOffset, std::int64_t(0));
        QCOMPARE(missed->toOffset, std::int64_t(3));
        QCOMPARE(run.stats().offsetsMissed, std::int64_t(3));
        const SourceFault* loss = findFault(run.stats(), SourceFault::Kind::DataLoss);
        QVERIFY(loss);
        QVERIFY2(QString::fromStdString(loss->text).contains("set the source option \"failOnDataLoss\" to \"true\""), loss->text.c_str());
        QVERIFY(run.stats().state != SourceState::Failed);
        QVERIFY(run.stats().error.empty());

        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(10, 1625238600), jsonEvent(11, 1625238660)}));
        QVERIFY2(run.runUntil([&] { return run.events().size() == 12; }, 10s), run.stats().status.c_str());
        QCOMPARE(run.events()[10].offset, std::int64_t(3));
        QCOMPARE(run.events()[11].offset, std::int64_t(4));
        QCOMPARE(run.events()[10].row[0].asInt(), std::int64_t(10));
    }

    /// A 5 MiB message is more than the mock broker keeps in a partition: it is either read or
    /// reported with its partition and offset, and the messages after it still arrive.
    void hugeMessageIsReadOrReported()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), testConfig(cluster.bootstrap(), "events", "earliest")), run.error.c_str());
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(0, 1625238000)}));
        QVERIFY(run.runUntil([&] { return run.events().size() == 1; }, 10s));
        const std::string huge = "{\"emp_id\":1,\"emp_name\":\"" + std::string(5u << 20, 'x') + "\",\"timestamp\":1625238060}";
        QString output;
        QVERIFY2(runProgram(QStringLiteral(TIDEMARK_KCAT),
                            {"-P", "-b", QString::fromStdString(cluster.bootstrap()), "-t", "events", "-X", "message.max.bytes=10485760"},
                            QByteArray::fromStdString(huge) + '\n', &output),
                 qPrintable(output));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(2, 1625238120), jsonEvent(3, 1625238180)}));
        QVERIFY2(run.runUntil([&] { return run.events().size() >= 3; }, 20s),
                 (run.stats().status + " / " + faultKinds(run.stats()) + " / " + run.stats().error).c_str());
        QVERIFY2(run.stats().state != SourceState::Failed, run.stats().error.c_str());
        const auto& ev = run.events();
        const bool read = ev.size() == 4 && ev[1].offset == 1;
        const SourceFault* refused = findFault(run.stats(), SourceFault::Kind::MessageRefused);
        QVERIFY2(read || (refused && refused->partition == 0 && refused->fromOffset == 1),
                 (faultKinds(run.stats()) + " events " + std::to_string(ev.size())).c_str());
        QCOMPARE(ev.back().offset, std::int64_t(3));
        QCOMPARE(ev.back().row[0].asInt(), std::int64_t(3));
    }

    /// The scenario's kafka object keeps failOnDataLoss through a save.
    void failOnDataLossRoundTrips()
    {
        auto loaded = loadScenarioText(classroomScenario(R"({"processingTime": "1 second"})",
                                                         R"({"topic": "events", "failOnDataLoss": false})"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
        QVERIFY(loaded->sources[0].kafka);
        QCOMPARE(loaded->sources[0].kafka->failOnDataLoss, false);
        QCOMPARE(KafkaSourceConfig::fromSettings(*loaded->sources[0].kafka).failOnDataLoss, false);
        auto again = loadScenarioText(scenarioToJson(*loaded));
        QVERIFY(again.ok());
        QCOMPARE(again->sources[0].kafka->failOnDataLoss, false);
        auto byDefault = loadScenarioText(classroomScenario(R"({"processingTime": "1 second"})", R"({"topic": "events"})"));
        QVERIFY(byDefault.ok());
        QCOMPARE(byDefault->sources[0].kafka->failOnDataLoss, true);
        QVERIFY(!QString::fromStdString(scenarioToJson(*byDefault)).contains("failOnDataLoss"));
        auto wrong = loadScenarioText(classroomScenario(R"({"processingTime": "1 second"})", R"({"topic": "events", "failOnDataLoss": "no"})"));
        QVERIFY(!wrong.ok());
    }
};

QTEST_GUILESS_MAIN(TestKafkaFaults)
#include "tst_kafka_faults.moc"
