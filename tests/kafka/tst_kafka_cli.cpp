// SPDX-License-Identifier: GPL-3.0-or-later
// The headless commands end to end, as a class uses them: `tidemark broker`, `tidemark produce`
// and kcat feeding `tidemark run --kafka --record`, whose recording replays with plain
// `tidemark run` to the same console output.
#include "BrokerProcess.h"
#include "LiveHarness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tidemark::kafka::test;

namespace {

const QString kTidemark = QStringLiteral(TIDEMARK_EXE);
const QString kScenario = QStringLiteral(TIDEMARK_SCENARIOS "/kafka-stream-with-watermark.json");

/// Waits (bounded) until a process has written `text` on stderr; returns everything it wrote.
bool waitForStderr(QProcess& p, QString& seen, const QString& text, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        seen += QString::fromUtf8(p.readAllStandardError());
        if (seen.contains(text))
            return true;
        if (p.state() == QProcess::NotRunning)
            return false;
        p.waitForReadyRead(50);
    }
    return false;
}

} // namespace

class TestKafkaCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(std::string(TIDEMARK_KCAT).size() > 0, "kcat not found: apt-get install kcat"); }

    /// The notebook's cell: start the query, run the producer, awaitTermination; then replay.
    void produceRunRecordReplay()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Broker broker;
        QVERIFY2(broker.start(dir.path()), qPrintable(broker.output()));
        const QString record = dir.path() + "/session.json";

        QProcess live;
        live.start(kTidemark, {"run", kScenario, "--kafka", broker.bootstrap, "--topic", "events", "--duration", "4", "--record", record});
        QVERIFY(live.waitForStarted(5000));
        QString liveErr;
        QVERIFY2(waitForStderr(live, liveErr, "reading 'events'", 10000), qPrintable(liveErr));

        QString produced;
        QVERIFY2(runProgram(kTidemark, {"produce", kScenario, "--bootstrap", broker.bootstrap, "--topic", "events", "--speed", "2"}, {}, &produced),
                 qPrintable(produced));
        QVERIFY(produced.contains("Sending {\"emp_id\":1,\"emp_name\":\"OO전자\",\"timestamp\":1625238000"));
        QVERIFY(produced.contains("sent 8 messages"));
        QString kcatOut;
        QVERIFY2(kcatProduce(broker.bootstrap.toStdString(), "events", {"not json at all"}, -1, &kcatOut), qPrintable(kcatOut));

        QVERIFY(live.waitForFinished(20000));
        QCOMPARE(live.exitStatus(), QProcess::NormalExit);
        liveErr += QString::fromUtf8(live.readAllStandardError());
        QVERIFY2(live.exitCode() == 0, qPrintable(liveErr));
        const QString liveOut = QString::fromUtf8(live.readAllStandardOutput());
        QVERIFY2(liveErr.contains("[kafka] malformed message (partition 0, offset 8): not JSON"), qPrintable(liveErr));
        QVERIFY2(liveErr.contains("9 messages received, 1 malformed"), qPrintable(liveErr));
        QVERIFY(liveOut.startsWith("-------------------------------------------\nBatch: 0\n"));
        // append mode: the windows the watermark passed, as in the notebook (whether emp 1's
        // window counts 3 or 4 depends on whether (00:20) came in the batch of (01:30) or after it)
        QVERIFY2(liveOut.contains("|2     |{2021-07-03 00:00:00, 2021-07-03 00:25:00}|1    |"), qPrintable(liveOut));
        QVERIFY(liveOut.contains("|3     |{2021-07-03 00:25:00, 2021-07-03 00:50:00}|1    |"));

        QVERIFY(QFile::exists(record));
        QVERIFY(!QFile::exists(record + ".tmp-" + QString::number(live.processId())));
        QString replayed;
        QVERIFY2(runProgram(kTidemark, {"run", record}, {}, &replayed), qPrintable(replayed));
        QVERIFY2(replayed.startsWith(liveOut), qPrintable("live:\n" + liveOut + "\nreplay:\n" + replayed));
        QCOMPARE(broker.stop(), 0);
    }

    /// --max-batches ends the run after that many batches, exit 0.
    void maxBatches()
    {
        QTemporaryDir dir;
        Broker broker;
        QVERIFY2(broker.start(dir.path()), qPrintable(broker.output()));
        QString out;
        QElapsedTimer t;
        t.start();
        QVERIFY2(runProgram(kTidemark, {"run", kScenario, "--kafka", broker.bootstrap, "--topic", "events", "--max-batches", "1"}, {}, &out), qPrintable(out));
        QVERIFY(t.elapsed() < 10000);
        QVERIFY(out.contains("Batch: 0"));
        QVERIFY(!out.contains("Batch: 1"));
    }

    /// A file with restarts from the checkpoint runs live without them, and says so.
    void restartsAreNotAppliedLive()
    {
        QTemporaryDir dir;
        Broker broker;
        QVERIFY2(broker.start(dir.path()), qPrintable(broker.output()));
        QFile in(kScenario);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        text.insert(text.lastIndexOf('}'), ", \"restarts\": [{\"stopAt\": \"11:50:05\", \"restartAt\": \"11:50:06\"}]");
        const QString file = dir.path() + "/with-restarts.json";
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(text) == text.size());
        out.close();
        QString output;
        QVERIFY2(runProgram(kTidemark, {"run", file, "--kafka", broker.bootstrap, "--topic", "events", "--max-batches", "1"}, {}, &output),
                 qPrintable(output));
        QVERIFY2(output.contains("[kafka] note: the scenario's 1 restart is not applied to live input: a live query runs until it is stopped."),
                 qPrintable(output));
        QVERIFY(output.contains("Batch: 0"));
        QCOMPARE(broker.stop(), 0);
    }

    /// A fixed port through the forwarder: kcat bootstraps there, then talks to the broker's
    /// advertised address.
    void fixedPortForwards()
    {
        QTemporaryDir dir;
        Broker broker;
        const int port = unusedPort();
        QVERIFY2(broker.start(dir.path(), {"--port", QString::number(port), "--topic", "clicks", "--partitions", "2"}), qPrintable(broker.output()));
        QCOMPARE(broker.bootstrap, QString("127.0.0.1:%1").arg(port));
        QString meta;
        QVERIFY2(runProgram(QStringLiteral(TIDEMARK_KCAT), {"-L", "-b", broker.bootstrap, "-t", "clicks"}, {}, &meta), qPrintable(meta));
        QVERIFY2(meta.contains("topic \"clicks\" with 2 partitions"), qPrintable(meta));
        QVERIFY(kcatProduce(broker.bootstrap.toStdString(), "clicks", {"hello"}, 1));
        QString consumed;
        QVERIFY2(runProgram(QStringLiteral(TIDEMARK_KCAT), {"-C", "-b", broker.bootstrap, "-t", "clicks", "-o", "beginning", "-e", "-f", "%p:%o:%s\\n"}, {},
                            &consumed),
                 qPrintable(consumed));
        QVERIFY2(consumed.contains("1:0:hello"), qPrintable(consumed));
        // a taken port is refused with a message, not a crash
        QString taken;
        QVERIFY(!runProgram(kTidemark, {"broker", "--port", QString::number(port), "--duration", "1"}, {}, &taken));
        QVERIFY2(taken.contains("cannot listen"), qPrintable(taken));
    }

    /// Producing to nothing fails in bounded time with the listener hint.
    void produceToUnreachable()
    {
        const QString address = QString("127.0.0.1:%1").arg(unusedPort());
        QString out;
        QElapsedTimer t;
        t.start();
        QVERIFY(!runProgram(kTidemark, {"produce", kScenario, "--bootstrap", address, "--topic", "events", "--speed", "100", "--quiet", "-X",
                                        "message.timeout.ms=1500"},
                            {}, &out));
        QVERIFY(t.elapsed() < 15000);
        QVERIFY2(out.contains("were not acknowledged") && out.contains("hint:") && out.contains("localhost:9092"), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestKafkaCli)
#include "tst_kafka_cli.moc"
