// SPDX-License-Identifier: GPL-3.0-or-later
// Live input under faults a teacher can stage with `tidemark broker`: the broker stopped and
// started mid-run (with and without a consumer group), replaced by an empty one (Spark's
// failOnDataLoss, both ways), a message larger than the broker keeps, and the broker's stdin
// commands themselves. Every offset is either read once or reported.
#include "LiveHarness.h"

#include "live/MockCluster.h"
#include "engine/scenario/ScenarioFile.h"

#include <librdkafka/rdkafkacpp.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

/// A producer that keeps sending while the broker is away: idempotent (a retry after an
/// outage does not write a message twice) and patient (messages wait out the outage).
class LineProducer : public RdKafka::DeliveryReportCb {
public:
    bool start(const std::string& bootstrap, const std::string& topic)
    {
        m_topic = topic;
        std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
        std::string e;
        for (const auto& [k, v] : std::map<std::string, std::string>{{"bootstrap.servers", bootstrap},
                                                                      {"enable.idempotence", "true"},
                                                                      {"message.timeout.ms", "60000"},
                                                                      {"linger.ms", "5"},
                                                                      {"reconnect.backoff.max.ms", "300"},
                                                                      {"log_level", "0"}})
            if (conf->set(k, v, e) != RdKafka::Conf::CONF_OK)
                return false;
        if (conf->set("dr_cb", static_cast<RdKafka::DeliveryReportCb*>(this), e) != RdKafka::Conf::CONF_OK)
            return false;
        m_producer.reset(RdKafka::Producer::create(conf.get(), e));
        return m_producer != nullptr;
    }
    void send(const std::string& line)
    {
        while (m_producer->produce(m_topic, 0, RdKafka::Producer::RK_MSG_COPY, const_cast<char*>(line.data()), line.size(), nullptr, 0, 0,
                                   nullptr)
               == RdKafka::ERR__QUEUE_FULL)
            m_producer->poll(10);
        m_producer->poll(0);
    }
    /// Waits until every message is delivered; false (with why) if one was not.
    bool finish(QString* why)
    {
        m_producer->flush(60000);
        *why = QString::fromStdString(m_failure) + " outstanding " + QString::number(m_producer->outq_len());
        return m_failure.empty() && m_producer->outq_len() == 0;
    }
    void dr_cb(RdKafka::Message& m) override
    {
        if (m.err() != RdKafka::ERR_NO_ERROR && m_failure.empty())
            m_failure = m.errstr();
    }

private:
    std::unique_ptr<RdKafka::Producer> m_producer;
    std::string m_topic;
    std::string m_failure;
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
    config.faultsKept = 2; // the history keeps the newest two; faultCount counts them all
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
    const auto outageEnds = std::chrono::steady_clock::now() + 2s; // messages still coming meanwhile
    while (std::chrono::steady_clock::now() < outageEnds) {
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
    // broker lost, [group rejoined,] broker back
    const SourceStats& st = run.stats();
    QVERIFY2(st.faultCount >= 2, faultKinds(st).c_str());
    QCOMPARE(static_cast<std::int64_t>(st.faults.size()), std::min<std::int64_t>(st.faultCount, 2));
    QVERIFY2(st.faults.back().kind == SourceFault::Kind::BrokerBack, faultKinds(st).c_str());
    if (groupId.empty())
        QVERIFY2(st.faults.front().kind == SourceFault::Kind::BrokerLost, faultKinds(st).c_str());
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

    /// A group member that the group does not take back: the broker returns after an outage
    /// but its group coordinator does not answer, so the member loses its partitions and
    /// cannot join. After rejoinTimeout the source replaces the consumer, the new one joins
    /// once the coordinator answers and is assigned our next offsets: every offset once.
    void stuckGroupMemberIsRecreatedFromOurOffsets()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        KafkaSourceConfig config = testConfig(cluster.bootstrap(), "events", "earliest");
        config.groupId = "classroom";
        config.rejoinTimeout = 1000ms;
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), config), run.error.c_str());
        LineProducer producer;
        QVERIFY(producer.start(cluster.bootstrap(), "events"));
        int sent = 0;
        auto sendSome = [&](int n) {
            for (int i = 0; i < n; ++i, ++sent)
                producer.send(jsonEvent(sent, 1625238000 + sent));
            run.runFor(50ms);
        };
        sendSome(20);
        QVERIFY2(run.runUntil([&] { return run.events().size() == 20 && run.stats().state == SourceState::Connected; }, 20s),
                 run.stats().status.c_str());

        cluster.setGroupCoordinatorAway(true);
        cluster.setBrokerDown();
        QVERIFY2(run.runUntil([&] { return run.stats().state == SourceState::Reconnecting; }, 10s), run.stats().status.c_str());
        sendSome(10); // waits in the producer until the broker is back
        cluster.setBrokerUp();
        QVERIFY2(run.runUntil([&] { return run.stats().consumersRecreated >= 1; }, 30s),
                 (run.stats().status + " / " + faultKinds(run.stats())).c_str());
        QVERIFY(run.stats().state != SourceState::Connected);

        cluster.setGroupCoordinatorAway(false);
        sendSome(10);
        QString why;
        QVERIFY2(producer.finish(&why), qPrintable(why));
        QVERIFY2(run.runUntil([&] { return static_cast<int>(run.events().size()) >= sent && run.stats().state == SourceState::Connected; }, 30s),
                 (run.stats().status + " received " + std::to_string(run.events().size()) + " of " + std::to_string(sent)).c_str());
        run.runFor(500ms);
        expectEachOnce(run.events(), sent);
        QCOMPARE(run.stats().offsetsMissed, std::int64_t(0));
        const SourceFault* rejoined = findFault(run.stats(), SourceFault::Kind::GroupRejoined);
        QVERIFY2(rejoined, faultKinds(run.stats()).c_str());
        QVERIFY2(QString::fromStdString(rejoined->text).contains("with a new consumer; resumed at offsets 0:"), rejoined->text.c_str());
    }

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

    /// A partition disappears in assign mode (no group): the topic is recreated with one
    /// partition instead of three (the mock cannot delete a partition; partition 0 stays
    /// empty, so only the vanished partitions matter). Spark's KafkaOffsetReader reports
    /// "Set(...) are gone": with failOnDataLoss=true the query stops with that message, with
    /// false it is reported with the offsets never read, and partition 0 is read on.
    void partitionGone_data()
    {
        QTest::addColumn<bool>("failOnDataLoss");
        QTest::newRow("true") << true;
        QTest::newRow("false") << false;
    }

    void partitionGone()
    {
        QFETCH(bool, failOnDataLoss);
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 3));
        KafkaSourceConfig config = testConfig(cluster.bootstrap(), "events", "earliest");
        config.failOnDataLoss = failOnDataLoss;
        config.partitionCheckInterval = 300ms;
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), config), run.error.c_str());
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(0, 1625238000), jsonEvent(1, 1625238060)}, 1));
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(2, 1625238120)}, 2));
        QVERIFY(run.runUntil([&] { return run.events().size() == 3; }, 10s));

        QVERIFY(cluster.replaceWithEmpty("events", 1));
        const std::string gone = "Set(events-1, events-2) are gone. Some data may have been missed.";
        if (failOnDataLoss) {
            QVERIFY2(run.runUntil([&] { return run.stats().state == SourceState::Failed; }, 20s),
                     (run.stats().status + " / " + faultKinds(run.stats())).c_str());
            const QString error = QString::fromStdString(run.stats().error);
            // Spark's message ends in "." and reportDataLoss appends ". " + the instruction: two periods, as Spark prints it.
            QVERIFY2(error.startsWith(QString::fromStdString(gone) + ". Some data may have been lost because"), qPrintable(error));
            QVERIFY2(error.endsWith("set the source option \"failOnDataLoss\" to \"false\"."), qPrintable(error));
            const size_t batches = run.batches.size();
            QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(3, 1625238180)}, 0));
            run.runFor(1000ms);
            QCOMPARE(run.batches.size(), batches);
            QCOMPARE(run.events().size(), size_t(3));
            return;
        }
        QVERIFY2(run.runUntil([&] { return run.stats().partitions.size() == 1; }, 20s),
                 (run.stats().status + " / " + faultKinds(run.stats())).c_str());
        QVERIFY(run.stats().state != SourceState::Failed);
        const SourceFault* loss = findFault(run.stats(), SourceFault::Kind::DataLoss);
        QVERIFY2(loss, faultKinds(run.stats()).c_str());
        QVERIFY2(QString::fromStdString(loss->text).startsWith(QString::fromStdString(gone)), loss->text.c_str());
        QVERIFY2(QString::fromStdString(loss->text).contains("set the source option \"failOnDataLoss\" to \"true\""), loss->text.c_str());
        QCOMPARE(run.stats().offsetsMissed, std::int64_t(0)); // both were read to their end: nothing unread was lost
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(3, 1625238180)}, 0));
        QVERIFY2(run.runUntil([&] { return run.events().size() == 4; }, 10s), run.stats().status.c_str());
        QCOMPARE(run.events()[3].partition, 0);
        QCOMPARE(run.events()[3].row[0].asInt(), std::int64_t(3));
    }

    /// A huge message never takes the topic down. One the broker keeps (4 MiB) is received and
    /// refused with its partition and offset (over Kafka's default message.max.bytes). One of
    /// 5 MiB is more than the mock broker keeps in a partition: its retention deletes it and
    /// what came before, which is Spark's data loss, reported with the offsets
    /// (failOnDataLoss=false). Either way every offset is read, refused or reported, and the
    /// messages after it arrive.
    void hugeMessageIsRefusedOrReported_data()
    {
        QTest::addColumn<int>("bytes");
        QTest::newRow("4 MiB") << (4 << 20);
        QTest::newRow("5 MiB") << (5 << 20);
    }

    void hugeMessageIsRefusedOrReported()
    {
        QFETCH(int, bytes);
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        KafkaSourceConfig config = testConfig(cluster.bootstrap(), "events", "earliest");
        config.failOnDataLoss = false;
        LiveRun run;
        QVERIFY2(run.start(classroomScenario(), config), run.error.c_str());
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(0, 1625238000)}));
        QVERIFY(run.runUntil([&] { return run.events().size() == 1; }, 10s));
        const std::string huge = "{\"emp_id\":1,\"emp_name\":\"" + std::string(static_cast<size_t>(bytes), 'x') + "\",\"timestamp\":1625238060}";
        QString output;
        QVERIFY2(runProgram(QStringLiteral(TIDEMARK_KCAT),
                            {"-P", "-b", QString::fromStdString(cluster.bootstrap()), "-t", "events", "-X", "message.max.bytes=10485760"},
                            QByteArray::fromStdString(huge) + '\n', &output),
                 qPrintable(output));
        for (int id = 2; id <= 4; ++id) // one message set each, as students' producers send them
            QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(id, 1625238000 + 60 * id)}));
        QVERIFY2(run.runUntil([&] { return !run.events().empty() && run.events().back().row[0].asInt() == 4; }, 20s),
                 (run.stats().status + " / " + faultKinds(run.stats())).c_str());
        run.runFor(300ms);
        const SourceStats& st = run.stats();
        QVERIFY2(st.state != SourceState::Failed, st.error.c_str());
        QCOMPARE(static_cast<std::int64_t>(run.events().size()) + st.refused + st.offsetsMissed, st.partitions.at(0).nextOffset);
        QCOMPARE(st.malformed, std::int64_t(0));
        if (bytes == (4 << 20)) {
            const SourceFault* refused = findFault(st, SourceFault::Kind::MessageRefused);
            QVERIFY2(refused, faultKinds(st).c_str());
            QCOMPARE(refused->partition, 0);
            QCOMPARE(refused->fromOffset, std::int64_t(1));
            QCOMPARE(st.refused, std::int64_t(1));
            QCOMPARE(run.events().size(), size_t(4));
            QVERIFY(QString::fromStdString(refused->text).contains("offset 1"));
        } else {
            const SourceFault* missed = findFault(st, SourceFault::Kind::OffsetsMissed);
            QVERIFY2(missed, faultKinds(st).c_str());
            QCOMPARE(missed->partition, 0);
            QCOMPARE(missed->fromOffset, std::int64_t(1)); // the huge message's offset
        }
    }

    /// `tidemark broker` answers each command on its stdin with the same line at once, also
    /// when its stdout is a file; an unknown command gets an error line; the end of the input
    /// does not stop it.
    void brokerCommandsAreAcknowledged_data()
    {
        QTest::addColumn<bool>("toFile");
        QTest::newRow("stdout to a pipe") << false;
        QTest::newRow("stdout to a file") << true;
    }

    void brokerCommandsAreAcknowledged()
    {
        QFETCH(bool, toFile);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString outFile = dir.filePath("broker.out");
        QProcess broker;
        if (toFile)
            broker.setStandardOutputFile(outFile);
        broker.start(QStringLiteral(TIDEMARK_EXE), {"broker", "--brokers", "2"});
        QVERIFY(broker.waitForStarted(5000));
        QString seen;
        auto waitForLine = [&](const QString& line) {
            const auto deadline = std::chrono::steady_clock::now() + 10s;
            while (std::chrono::steady_clock::now() < deadline) {
                if (toFile) {
                    QFile f(outFile);
                    if (f.open(QIODevice::ReadOnly))
                        seen = QString::fromUtf8(f.readAll());
                } else {
                    seen += QString::fromUtf8(broker.readAllStandardOutput());
                }
                if (seen.split('\n').contains(line))
                    return true;
                broker.waitForReadyRead(50);
            }
            return false;
        };
        QVERIFY2(waitForLine(QString("BOOTSTRAP=") + seen.section("BOOTSTRAP=", 1, 1).section('\n', 0, 0)) || seen.contains("BOOTSTRAP="),
                 qPrintable(seen));
        for (const QString command : {"down", "up", "down 2", "up 2", "fresh", "fresh-log"}) {
            broker.write(command.toUtf8() + '\n');
            QVERIFY2(waitForLine(command), qPrintable(command + " not answered: " + seen));
        }
        broker.write("explode\n");
        QVERIFY2(waitForLine("error: unknown command 'explode'; commands: down, up, down N, up N (N from 1 to 2), fresh"), qPrintable(seen));
        broker.write("down 3\n");
        QVERIFY2(waitForLine("error: no broker '3'; commands: down, up, down N, up N (N from 1 to 2), fresh"), qPrintable(seen));
        broker.closeWriteChannel();
        QVERIFY(!broker.waitForFinished(500)); // end of input is not a command to quit
        QCOMPARE(broker.state(), QProcess::Running);
        broker.terminate();
        QVERIFY(broker.waitForFinished(5000));
        QCOMPARE(broker.exitCode(), 0);
    }

    /// `tidemark run --kafka` against `tidemark broker`, which is then emptied with `fresh`:
    /// by default the run stops with Spark's error and exit code 4; with
    /// --fail-on-data-loss false it prints Spark's warning and goes on.
    void runFollowsFailOnDataLoss_data()
    {
        QTest::addColumn<bool>("failOnDataLoss");
        QTest::newRow("true") << true;
        QTest::newRow("false") << false;
    }

    void runFollowsFailOnDataLoss()
    {
        QFETCH(bool, failOnDataLoss);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath("bootstrap.txt");
        QProcess broker;
        broker.start(QStringLiteral(TIDEMARK_EXE), {"broker", "--bootstrap-file", file});
        QVERIFY(broker.waitForStarted(5000));
        std::string bootstrap;
        QVERIFY(QTest::qWaitFor(
            [&] {
                QFile f(file);
                if (f.open(QIODevice::ReadOnly))
                    bootstrap = QString::fromUtf8(f.readAll()).trimmed().toStdString();
                return !bootstrap.empty();
            },
            10000));
        QVERIFY(kcatProduce(bootstrap, "events", {jsonEvent(1, 1625238000), jsonEvent(2, 1625238300)}));
        QProcess run;
        QStringList args{"run", TIDEMARK_SCENARIOS "/kafka-stream-with-watermark.json", "--kafka", QString::fromStdString(bootstrap), "--topic", "events",
                         "--starting-offsets", "earliest", "--duration", "60", "--format", "jsonl"};
        if (!failOnDataLoss)
            args << "--fail-on-data-loss" << "false";
        run.start(QStringLiteral(TIDEMARK_EXE), args);
        QVERIFY(run.waitForStarted(5000));
        QString err;
        auto waitForErr = [&](const QString& text, int ms) {
            return QTest::qWaitFor(
                [&] {
                    run.waitForReadyRead(20);
                    err += QString::fromUtf8(run.readAllStandardError());
                    return err.contains(text) || run.state() == QProcess::NotRunning;
                },
                ms)
                   && err.contains(text);
        };
        QVERIFY2(waitForErr("reading 'events'", 15000), qPrintable(err));
        QByteArray out;
        QVERIFY2(QTest::qWaitFor( // the batch that read both messages
                     [&] {
                         out += run.readAllStandardOutput();
                         return out.contains("\"numInputRows\":2") || run.state() != QProcess::Running;
                     },
                     15000)
                     && out.contains("\"numInputRows\":2"),
                 out.constData());
        broker.write("fresh\n");
        const QString spark = "Partition events-0's offset was changed from 2 to 0, some data may have been missed.";
        QVERIFY2(waitForErr(spark, 20000), qPrintable(err));
        if (failOnDataLoss) {
            if (run.state() != QProcess::NotRunning)
                run.waitForFinished(15000);
            err += QString::fromUtf8(run.readAllStandardError());
            QVERIFY2(run.state() == QProcess::NotRunning, qPrintable(err));
            QCOMPARE(run.exitCode(), 4);
            QVERIFY2(err.contains("the query stopped: java.lang.IllegalStateException: " + spark), qPrintable(err));
            QVERIFY(err.contains("set the source option \"failOnDataLoss\" to \"false\"."));
        } else {
            QVERIFY2(waitForErr("set the source option \"failOnDataLoss\" to \"true\".", 5000), qPrintable(err));
            QVERIFY(!run.waitForFinished(500)); // reads on
            run.terminate();
            QVERIFY(run.waitForFinished(10000));
            QCOMPARE(run.exitCode(), 0);
        }
        broker.terminate();
        QVERIFY(broker.waitForFinished(5000));
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
