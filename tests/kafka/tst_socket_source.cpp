// SPDX-License-Identifier: GPL-3.0-or-later
// The socket source (Spark's TextSocketMicroBatchStream) fed from a real listening socket, as
// `nc -lk 9999` feeds it in class: lines become rows, the notebook's word count comes out,
// a closed server is a fault, and the recording replays to the same batches.
#include "LiveInputHarness.h"

#include "live/SocketSource.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

const QString kTidemark = QStringLiteral(TIDEMARK_EXE);
const std::string kWordCount = TIDEMARK_SCENARIOS "/socket-word-count.json";
constexpr Micros kStart = 1'662'704'690'000'000; // 2022-09-09 15:24:50 Asia/Seoul, on a second

/// A loopback server with one client at a time, like `nc -lk PORT`.
class LineServer {
public:
    LineServer()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int on = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::listen(m_listen, 4);
        socklen_t len = sizeof a;
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
    }
    ~LineServer()
    {
        closeClient();
        ::close(m_listen);
    }
    /// Waits (bounded) for the client to connect.
    bool accept(int timeoutMs = 5000)
    {
        pollfd p{m_listen, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0)
            return false;
        m_client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        return m_client >= 0;
    }
    bool send(const std::string& bytes) { return ::send(m_client, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()); }
    void closeClient()
    {
        if (m_client >= 0)
            ::close(m_client);
        m_client = -1;
    }
    int port = 0;

private:
    int m_listen = -1;
    int m_client = -1;
};

std::string readText(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::unique_ptr<SocketSource> socketTo(int port, const ManualClock& clock, bool includeTimestamp = false)
{
    SocketSourceConfig c;
    c.host = "127.0.0.1";
    c.port = port;
    c.includeTimestamp = includeTimestamp;
    return std::make_unique<SocketSource>(c, clock.clock());
}

std::vector<std::string> values(const std::vector<SourceEvent>& events)
{
    std::vector<std::string> out;
    for (const auto& e : events)
        out.push_back(e.row[0].isString() ? e.row[0].asString() : "?");
    return out;
}

} // namespace

class TestSocketSource : public QObject {
    Q_OBJECT

private slots:
    void wordCountAsTheNotebookShowsIt()
    {
        LineServer server;
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kWordCount), socketTo(server.port, clock), socketSchema(false)), run.error.c_str());
        QVERIFY(server.accept());
        QCOMPARE(run.stats().state, SourceState::Connected);

        // Typed into nc at 15:24:50.2; the trigger every second reads it at 15:24:51.
        clock.set(kStart + 200'000);
        QVERIFY(server.send("hello spark\n"));
        QVERIFY(run.runUntil([&] { return run.stats().received == 1; }));
        clock.set(kStart + 1'100'000);
        run.step();
        QCOMPARE(run.batches.size(), std::size_t(1));
        QCOMPARE(run.batches[0].triggerTime, kStart + 1'000'000);
        QCOMPARE(sinkText(run.batches[0], run.session->plan()), (std::vector<std::string>{"word=hello count=1", "word=spark count=1"}));

        // Two lines in one write, the first ended by \r\n as a terminal on Windows sends it.
        clock.set(kStart + 1'500'000);
        QVERIFY(server.send("hello structured streaming\r\nspark streaming\n"));
        QVERIFY(run.runUntil([&] { return run.stats().received == 3; }));
        clock.set(kStart + 2'100'000);
        run.step();
        QCOMPARE(run.batches.size(), std::size_t(2));
        QCOMPARE(run.batches[1].numInputRows, 2);
        QCOMPARE(sinkText(run.batches[1], run.session->plan()),
                 (std::vector<std::string>{"word=hello count=2", "word=spark count=2", "word=streaming count=2", "word=structured count=1"}));

        // No new line: no batch (the socket source plans a batch only for new rows).
        clock.set(kStart + 5'100'000);
        run.step();
        QCOMPARE(run.batches.size(), std::size_t(2));

        // The recording replays to the same batches.
        std::string error;
        const auto replayed = replay(run.session->recording(), &error);
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY(replayed.size() >= run.lines.size());
        for (std::size_t i = 0; i < run.lines.size(); ++i)
            QCOMPARE(replayed[i], run.lines[i]);
    }

    void includeTimestampIsWhenTheLineWasReceived()
    {
        LineServer server;
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kWordCount), socketTo(server.port, clock, true), socketSchema(true)), run.error.c_str());
        QVERIFY(server.accept());
        QCOMPARE(run.scenario().sources[0].schema.size(), std::size_t(2));
        QCOMPARE(run.scenario().sources[0].schema[1].name, std::string("timestamp"));
        clock.set(kStart + 123'456);
        QVERIFY(server.send("owl\n"));
        QVERIFY(run.runUntil([&] { return run.events().size() == 1; }));
        const SourceEvent& e = run.events()[0];
        QCOMPARE(e.row[0].asString(), std::string("owl"));
        // Spark stamps the line in milliseconds (Calendar.getTimeInMillis).
        QCOMPARE(e.row[1].asInt(), kStart + 123'000);
        QCOMPARE(e.at, kStart + 123'456);
    }

    void linesAreSplitAsReadLineSplitsThem()
    {
        LineServer server;
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kWordCount), socketTo(server.port, clock), socketSchema(false)), run.error.c_str());
        QVERIFY(server.accept());
        QVERIFY(server.send("a\r"));
        QVERIFY(run.runUntil([&] { return run.events().size() == 1; }));
        // The \n after a \r that ended the last read belongs to that line break.
        QVERIFY(server.send("\nb\rc\n\nbad \xff byte\nlast without a line break"));
        QVERIFY(run.runUntil([&] { return run.events().size() == 5; }));
        server.closeClient();
        QVERIFY(run.runUntil([&] { return run.stats().state == SourceState::Closed; }));
        QCOMPARE(values(run.events()), (std::vector<std::string>{"a", "b", "c", "", "bad \xEF\xBF\xBD byte", "last without a line break"}));
    }

    void aClosedServerIsReportedNotSilent()
    {
        LineServer server;
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kWordCount), socketTo(server.port, clock), socketSchema(false)), run.error.c_str());
        QVERIFY(server.accept());
        QVERIFY(server.send("one\n"));
        QVERIFY(run.runUntil([&] { return run.stats().received == 1; }));
        server.closeClient();
        QVERIFY(run.runUntil([&] { return run.stats().faultCount == 1; }));
        const SourceFault& f = run.stats().faults.back();
        QCOMPARE(f.kind, SourceFault::Kind::InputClosed);
        QVERIFY2(f.text.find("does not reconnect") != std::string::npos, f.text.c_str());
        QCOMPARE(run.stats().state, SourceState::Closed);
        // The query goes on, as Spark's does: the row that came is still counted.
        clock.set(kStart + 1'100'000);
        run.step();
        QCOMPARE(run.batches.size(), std::size_t(1));
        QCOMPARE(sinkText(run.batches[0], run.session->plan()), (std::vector<std::string>{"word=one count=1"}));
    }

    /// Hostile input: a line that never ends is refused once it passes the limit, reported,
    /// and the lines after it are read; nothing grows without bound.
    void anEndlessLineIsRefusedAndReported()
    {
        LineServer server;
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kWordCount), socketTo(server.port, clock), socketSchema(false)), run.error.c_str());
        QVERIFY(server.accept());
        const std::string huge(kMaxSocketLineBytes + 10, 'x');
        for (std::size_t at = 0; at < huge.size(); at += 65536) { // in pieces read as they come: no send blocks
            QVERIFY(server.send(huge.substr(at, 65536)));
            run.step();
        }
        QVERIFY(server.send("\none\n"));
        QVERIFY(run.runUntil([&] { return run.stats().received == 1; }));
        QCOMPARE(run.stats().refused, std::int64_t(1));
        QCOMPARE(run.stats().faultCount, std::int64_t(1));
        const SourceFault& f = run.stats().faults.back();
        QCOMPARE(f.kind, SourceFault::Kind::MessageRefused);
        QVERIFY2(f.text.find("line 1 ") != std::string::npos, f.text.c_str());
        clock.set(kStart + 1'100'000);
        run.step();
        QCOMPARE(run.batches.size(), std::size_t(1));
        QCOMPARE(sinkText(run.batches[0], run.session->plan()), (std::vector<std::string>{"word=one count=1"}));
    }

    void aServerThatIsNotThereStopsTheQuery()
    {
        ManualClock clock(kStart);
        SocketSource source(SocketSourceConfig{"127.0.0.1", unusedPort(), false, std::chrono::milliseconds(2000), 10}, clock.clock());
        const Delivery d = source.poll(std::chrono::milliseconds(0));
        QVERIFY(d.messages.empty());
        QCOMPARE(source.stats().state, SourceState::Failed);
        QVERIFY2(source.stats().error.find("java.net.ConnectException") != std::string::npos, source.stats().error.c_str());
        QVERIFY2(source.stats().hint.find("nc -lk") != std::string::npos, source.stats().hint.c_str());
        QVERIFY(source.startTime().has_value());
    }

    void cliCountsWordsRecordsAndReplays()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        LineServer server;
        const QString record = dir.filePath("socket.json");
        QProcess p;
        p.start(kTidemark, {"run", QString::fromStdString(kWordCount), "--socket", QString("127.0.0.1:%1").arg(server.port), "--max-batches", "2",
                            "--record", record});
        QVERIFY(p.waitForStarted(5000));
        QVERIFY(server.accept(10000));
        QVERIFY(server.send("hello spark\n"));
        // The next line after the batch that read the first, as a person types.
        QString out;
        QElapsedTimer t;
        t.start();
        while (!out.contains("Batch: 0") && t.elapsed() < 15000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(100);
            out += QString::fromUtf8(p.readAllStandardOutput());
        }
        QVERIFY2(out.contains("Batch: 0"), qPrintable(out));
        QVERIFY(server.send("hello streaming\n"));
        QVERIFY(p.waitForFinished(20000));
        out += QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("Batch: 1") && out.contains("|    hello|    2|"), qPrintable(out + err));
        QVERIFY2(err.contains("[socket] recorded 2 events"), qPrintable(err));

        QProcess again;
        again.start(kTidemark, {"run", record});
        QVERIFY(again.waitForFinished(20000));
        QCOMPARE(again.exitCode(), 0);
        const QString replayed = QString::fromUtf8(again.readAllStandardOutput());
        QVERIFY2(replayed.startsWith(out), qPrintable(replayed + "\n---\n" + out));
    }

    void cliExitsWithFourWhenNoServerListens()
    {
        QProcess p;
        p.start(kTidemark, {"run", QString::fromStdString(kWordCount), "--socket", QString("127.0.0.1:%1").arg(unusedPort())});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 4);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains("ConnectException") && err.contains("nc -lk"), qPrintable(err));
    }

    void cliRejectsASchemaTheSocketDoesNotHave()
    {
        // The socket's rows are only `value`: a query on other columns is Spark's AnalysisException.
        QProcess p;
        p.start(kTidemark, {"run", TIDEMARK_SCENARIOS "/directory-activity-count.json", "--socket", "127.0.0.1:9"});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains("given input columns: [value]"));
    }
};

QTEST_GUILESS_MAIN(TestSocketSource)
#include "tst_socket_source.moc"
