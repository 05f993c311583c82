// SPDX-License-Identifier: GPL-3.0-or-later
// What `tidemark run --kafka` tells about what happened, end to end against `tidemark broker`
// and kcat: message text escaped before it reaches the terminal, malformed messages counted
// exactly, the recording path checked up front and written in snapshots that survive SIGKILL,
// a broker never reached is exit 4; and the recording keeps the source's faults.
#include "BrokerProcess.h"
#include "LiveHarness.h"

#include "live/LiveSession.h"
#include "live/SourceFault.h"
#include "engine/scenario/ScenarioFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

const QString kTidemark = QStringLiteral(TIDEMARK_EXE);
const QString kScenario = QStringLiteral(TIDEMARK_SCENARIOS "/kafka-stream-with-watermark.json");

struct Run {
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

/// Runs tidemark to its end (bounded), stdout and stderr apart.
Run runTidemark(const QStringList& args, int timeoutMs = 30000)
{
    Run r;
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(kTidemark, args);
    if (!p.waitForStarted(5000))
        return r;
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(2000);
    }
    r.elapsedMs = t.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// Produces raw byte lines with kcat to partition 0.
bool produce(const QString& bootstrap, const QByteArray& lines, QString* output = nullptr)
{
    return runProgram(QStringLiteral(TIDEMARK_KCAT),
                      {"-P", "-b", bootstrap, "-t", "events", "-p", "0", "-X", "message.timeout.ms=10000"}, lines, output, 60000);
}

} // namespace

class TestKafkaReporting : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(std::string(TIDEMARK_KCAT).size() > 0, "kcat not found: apt-get install kcat"); }

    /// Escape sequences, non-UTF-8 bytes and control characters in messages reach stderr
    /// escaped, with partition and offset; no raw ESC byte ever does.
    void escapeSequencesAreEscaped()
    {
        QTemporaryDir dir;
        Broker broker;
        QVERIFY2(broker.start(dir.path()), qPrintable(broker.output()));
        QByteArray lines;
        lines += "\x1b[2J\x1b[31mRED\x1b]0;owned\x07\n";                                            // offset 0: not JSON
        // 1: a JSON-escaped ESC (a raw one is not JSON) in a timestamp the reason quotes, decoded
        lines += "{\"emp_id\":1,\"timestamp\":\"\\u001b[5m2021-07-03\"}\n";
        lines += "\xff\xfe\xc2\x9b" "31m bytes\n";                                               // 2: not UTF-8, a C1 CSI
        lines += QByteArray::fromStdString(jsonEvent(1, 1625238000)) + "\n";                    // 3: fine
        QString kcat;
        QVERIFY2(produce(broker.bootstrap, lines, &kcat), qPrintable(kcat));

        const Run r = runTidemark({"run", kScenario, "--kafka", broker.bootstrap, "--topic", "events", "--starting-offsets", "earliest",
                                   "--duration", "3"});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains('\x1b') && !r.err.contains('\x07') && !r.err.contains("\xc2\x9b"), r.err.toPercentEncoding().constData());
        QVERIFY2(r.err.contains("[kafka] malformed message (partition 0, offset 0): not JSON: '\\e[2J\\e[31mRED\\e]0;owned\\x07'"), r.err.constData());
        QVERIFY2(r.err.contains("[kafka] malformed message (partition 0, offset 1): `timestamp` '\\e[5m2021-07-03' is not a timestamp Spark can "
                                "read; value '{\"emp_id\":1,\"timestamp\":\"\\u001b[5m2021-07-03\"}'"),
                 r.err.constData());
        QVERIFY2(r.err.contains("[kafka] malformed message (partition 0, offset 2): not JSON: '\\xFF\\xFE\\u{009B}31m bytes'"), r.err.constData());
        QVERIFY2(r.err.contains("4 messages received, 3 malformed"), r.err.constData());
        QVERIFY2(r.err.contains("all 3 malformed messages are listed above"), r.err.constData());
        QVERIFY(!r.out.contains('\x1b'));
    }

    /// 10,000 malformed messages: counted exactly, the first 100 listed, the rest named by
    /// partition and offsets.
    void tenThousandMalformedCounted()
    {
        QTemporaryDir dir;
        Broker broker;
        QVERIFY2(broker.start(dir.path()), qPrintable(broker.output()));
        QByteArray lines;
        for (int i = 0; i < 10000; ++i)
            lines += "bad message " + QByteArray::number(i) + "\n";
        QString kcat;
        QVERIFY2(produce(broker.bootstrap, lines, &kcat), qPrintable(kcat));

        const QString record = dir.path() + "/session.json";
        const Run r = runTidemark({"run", kScenario, "--kafka", broker.bootstrap, "--topic", "events", "--starting-offsets", "earliest",
                                   "--duration", "5", "--record", record},
                                  60000);
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.right(3000).constData());
        QCOMPARE(r.err.count("[kafka] malformed message ("), 100);
        QVERIFY2(r.err.contains("[kafka] malformed message (partition 0, offset 99): not JSON: 'bad message 99'"), r.err.right(3000).constData());
        QVERIFY2(r.err.contains("10000 messages received, 10000 malformed"), r.err.right(3000).constData());
        QVERIFY2(r.err.contains("[kafka] 10000 malformed messages in all: 100 listed above, 9900 more not listed (--list-malformed 100), "
                                "partition 0: 9900 between offsets 100 and 9999\n"),
                 r.err.right(3000).constData());
        QVERIFY2(r.err.contains("is in the recording " + record.toUtf8()), r.err.right(3000).constData());
        auto recorded = loadScenarioFile(record.toStdString());
        QVERIFY(recorded.ok());
        QCOMPARE(recorded->sources[0].events.size(), std::size_t(10000));

        // --list-malformed 0: none listed, all counted
        const Run quiet = runTidemark({"run", kScenario, "--kafka", broker.bootstrap, "--topic", "events", "--starting-offsets", "earliest",
                                       "--duration", "4", "--list-malformed", "0"},
                                      60000);
        QVERIFY2(quiet.exitCode == 0, quiet.err.right(3000).constData());
        QCOMPARE(quiet.err.count("[kafka] malformed message ("), 0);
        QVERIFY2(quiet.err.contains("10000 malformed messages in all: 0 listed above, 10000 more not listed"), quiet.err.right(3000).constData());
    }

    /// A recording that cannot be written is refused before connecting: exit 2, path and reason.
    void unwritableRecordPathRefusedAtStart()
    {
        QTemporaryDir dir;
        const QString unreachable = QString("127.0.0.1:%1").arg(unusedPort()); // never contacted
        const struct {
            QString path;
            const char* reason;
        } cases[] = {
            {dir.path() + "/no-such-dir/session.json", "No such file or directory"},
            {dir.path(), "it is a directory"},
            {QString(TIDEMARK_EXE) + "/session.json", "Not a directory"},
        };
        for (const auto& c : cases) {
            const Run r = runTidemark({"run", kScenario, "--kafka", unreachable, "--topic", "events", "--duration", "20", "--record", c.path});
            QVERIFY(r.finished);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(c.path.toUtf8() + ": cannot record: " + c.reason), r.err.constData());
            QVERIFY2(!r.err.contains("[kafka]"), r.err.constData()); // nothing was tried
            QVERIFY2(r.elapsedMs < 5000, r.err.constData());
        }
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // no probe left behind
    }

    /// The recording is written in atomic snapshots: a run killed with SIGKILL leaves a valid
    /// scenario that `tidemark run` replays.
    void killedRunLeavesReplayableRecording()
    {
        QTemporaryDir dir;
        Broker broker;
        QVERIFY2(broker.start(dir.path()), qPrintable(broker.output()));
        QByteArray lines;
        for (int i = 0; i < 8; ++i)
            lines += QByteArray::fromStdString(jsonEvent(1 + i % 3, 1625238000 + 300 * i)) + "\n";
        QVERIFY(produce(broker.bootstrap, lines));

        const QString record = dir.path() + "/session.json";
        QProcess live;
        live.start(kTidemark, {"run", kScenario, "--kafka", broker.bootstrap, "--topic", "events", "--starting-offsets", "earliest",
                               "--record", record, "--snapshot-every", "0.5"});
        QVERIFY(live.waitForStarted(5000));
        QElapsedTimer t;
        t.start();
        std::size_t events = 0;
        while (t.elapsed() < 20000 && events < 8) {
            QTest::qWait(100);
            if (auto sc = loadScenarioFile(record.toStdString()); sc.ok())
                events = sc->sources[0].events.size();
        }
        QCOMPARE(events, std::size_t(8));
        live.kill(); // SIGKILL: no handler, no final save
        QVERIFY(live.waitForFinished(5000));
        QCOMPARE(live.exitStatus(), QProcess::CrashExit);

        const Run replay = runTidemark({"run", record});
        QVERIFY2(replay.exitCode == 0, replay.err.constData());
        QVERIFY2(replay.out.startsWith("-------------------------------------------\nBatch: 0\n"), replay.out.constData());

    }

    /// A broker that never answered is exit 4 with the listener hint, after --connect-timeout
    /// or at the end of --duration.
    void neverReachedBrokerExitsFour()
    {
        const QString address = QString("127.0.0.1:%1").arg(unusedPort());
        const Run timeout = runTidemark({"run", kScenario, "--kafka", address, "--topic", "events", "--connect-timeout", "2"});
        QVERIFY(timeout.finished);
        QCOMPARE(timeout.exitCode, 4);
        QVERIFY2(timeout.elapsedMs < 15000, timeout.err.constData());
        QVERIFY2(timeout.err.contains("[kafka] no broker answered at " + address.toUtf8()), timeout.err.constData());
        QVERIFY2(timeout.err.contains("hint:") && timeout.err.contains("tidemark broker"), timeout.err.constData());

        const Run duration = runTidemark({"run", kScenario, "--kafka", address, "--topic", "events", "--duration", "2"});
        QCOMPARE(duration.exitCode, 4);
        QVERIFY2(duration.err.contains("no broker answered"), duration.err.constData());

        // a broker that answered was reached, whatever it said about the topic (the mock cluster creates it)
        QTemporaryDir dir;
        Broker broker;
        QVERIFY2(broker.start(dir.path()), qPrintable(broker.output()));
        const Run answered = runTidemark({"run", kScenario, "--kafka", broker.bootstrap, "--topic", "no-such-topic", "--duration", "3",
                                         "--connect-timeout", "1"});
        QVERIFY2(answered.exitCode == 0, answered.err.constData());
        QVERIFY2(!answered.err.contains("no broker answered"), answered.err.constData());
    }

    /// Faults are kept in the recording ("live": {"faults": [...]}), load back, and leave the
    /// replayed batches alone; files without them stay valid.
    void faultsInTheRecording()
    {
        auto sc = loadScenarioText(classroomScenario());
        QVERIFY(sc.ok());
        const Micros start = 1625238000LL * kMicrosPerSecond;
        auto session = LiveSession::start(*sc, 0, KafkaSettings{"localhost:9092", "events", "earliest", "", std::nullopt}, start);
        QVERIFY(session.ok());
        LiveSession& live = **session;
        const std::string before = live.recording();
        QVERIFY(before.find("\"live\"") == std::string::npos); // no faults: the file is as it was

        SourceFault lost;
        lost.at = start + 1500000;
        lost.kind = SourceFault::Kind::BrokerLost;
        lost.text = "lost the broker \\e[31m";
        SourceFault missed;
        missed.at = start + 4250000;
        missed.kind = SourceFault::Kind::OffsetsMissed;
        missed.partition = 2;
        missed.fromOffset = 100;
        missed.toOffset = 321;
        missed.text = "offsets 100..320 of partition 2 were missed";
        live.addFault(lost);
        live.addFault(missed);
        Delivery d;
        d.upTo = start + 5 * kMicrosPerSecond;
        LiveMessage m;
        m.partition = 2;
        m.offset = 321;
        m.at = start + 4300000;
        m.row = {Value(std::int64_t{1}), Value(std::string("OO")), Value(start), Value()};
        d.messages.push_back(m);
        live.feed(d);

        const std::string text = live.recording();
        QVERIFY2(text.find("\"faults\"") != std::string::npos, text.c_str());
        auto loaded = loadScenarioText(text);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->liveFaults.size(), std::size_t(2));
        QCOMPARE(loaded->liveFaults[0], toRecordedFault(lost, "events"));
        QCOMPARE(loaded->liveFaults[1], toRecordedFault(missed, "events"));
        QCOMPARE(loaded->liveFaults[1].kind, std::string("offsetsMissed"));
        auto back = fromRecordedFault(loaded->liveFaults[1]);
        QVERIFY(back);
        QCOMPARE(back->kind, SourceFault::Kind::OffsetsMissed);
        QCOMPARE(back->partition, 2);
        QCOMPARE(back->fromOffset, std::int64_t{100});
        QCOMPARE(back->toOffset, std::int64_t{321});
        QCOMPARE(back->at, missed.at);
        QCOMPARE(scenarioToJson(*loaded), text); // round trip, byte for byte
        std::string error;
        QVERIFY2(!replay(text, &error).empty(), error.c_str()); // the batches replay as before

        // a kind this version does not know still loads; broken faults are named
        const auto withFaults = [&](const std::string& faults) {
            std::string t = text;
            const auto at = t.find("\"live\"");
            t = t.substr(0, at) + "\"live\": {\"faults\": " + faults + "}\n}\n";
            return loadScenarioText(t);
        };
        auto future = withFaults(R"([{"at": "2021-07-03 00:00:01", "kind": "brokerOnFire"}])");
        QVERIFY2(future.ok(), future.ok() ? "" : future.error().describe().c_str());
        QVERIFY(!fromRecordedFault(future->liveFaults[0]));
        auto noKind = withFaults(R"([{"at": "2021-07-03 00:00:01"}])");
        QVERIFY(!noKind.ok());
        QVERIFY2(QString::fromStdString(noKind.error().describe()).contains("live.faults[0]"), noKind.error().describe().c_str());
        auto badSource = withFaults(R"([{"at": "2021-07-03 00:00:01", "kind": "brokerLost", "source": "nope"}])");
        QVERIFY(!badSource.ok());
        auto badOffsets = withFaults(R"([{"at": "2021-07-03 00:00:01", "kind": "offsetsMissed", "fromOffset": 9, "toOffset": 3}])");
        QVERIFY(!badOffsets.ok());

        // recording again from a recording starts a fault history of its own
        auto again = LiveSession::start(*loaded, 0, KafkaSettings{"localhost:9092", "events", "earliest", "", std::nullopt}, start);
        QVERIFY(again.ok());
        QVERIFY((*again)->scenario().liveFaults.empty());
    }
};

QTEST_GUILESS_MAIN(TestKafkaReporting)
#include "tst_kafka_reporting.moc"
