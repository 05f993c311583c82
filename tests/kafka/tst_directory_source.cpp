// SPDX-License-Identifier: GPL-3.0-or-later
// The directory source (Spark's FileStreamSource reading JSON lines) fed from a real directory:
// files written atomically, read once each in modification-time order, maxFilesPerTrigger 1
// giving the notebook's one file per batch, maxFileAge and latestFirst as Spark applies them,
// malformed lines as the PERMISSIVE JSON reader reads them, and a deleted file reported.
#include "LiveInputHarness.h"

#include "live/DirectorySource.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

const QString kTidemark = QStringLiteral(TIDEMARK_EXE);
const std::string kActivity = TIDEMARK_SCENARIOS "/directory-activity-count.json";
constexpr Micros kStart = 1'662'685'200'000'000; // 2022-09-09 10:00:00 Asia/Seoul
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::string readText(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Writes `text` as dir/name the way a careful producer does (a hidden temporary, then a
/// rename), with the modification time `mtimeMs` (epoch milliseconds).
void dropFile(const QString& dir, const std::string& name, const std::string& text, std::int64_t mtimeMs)
{
    const std::string tmp = dir.toStdString() + "/." + name + ".tmp";
    const std::string path = dir.toStdString() + "/" + name;
    {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
    }
    timespec times[2];
    times[0].tv_sec = times[1].tv_sec = static_cast<time_t>(mtimeMs / 1000);
    times[0].tv_nsec = times[1].tv_nsec = static_cast<long>(mtimeMs % 1000) * 1000000;
    ::utimensat(AT_FDCWD, tmp.c_str(), times, 0);
    std::rename(tmp.c_str(), path.c_str());
}

/// The shipped scenario's rows, three per file, as JSON lines.
std::vector<std::string> activityFiles()
{
    return {
        R"({"Arrival_Time":1424686735090,"Device":"nexus4_1","Index":0,"Model":"nexus4","User":"a","gt":"stand","x":-0.0048,"y":0.005,"z":-0.0016}
{"Arrival_Time":1424686735292,"Device":"nexus4_2","Index":1,"Model":"nexus4","User":"a","gt":"stand","x":-0.0039,"y":0.0103,"z":-0.0062}
{"Arrival_Time":1424686735500,"Device":"nexus4_1","Index":2,"Model":"nexus4","User":"b","gt":"sit","x":0.0081,"y":-0.0077,"z":0.0121}
)",
        R"({"Arrival_Time":1424686736090,"Device":"nexus4_2","Index":3,"Model":"nexus4","User":"c","gt":"walk","x":-1.1672,"y":0.3862,"z":0.9523}
{"Arrival_Time":1424686736292,"Device":"nexus4_1","Index":4,"Model":"nexus4","User":"a","gt":"stand","x":0.0012,"y":0.0031,"z":-0.0005}
{"Arrival_Time":1424686736490,"Device":"nexus4_2","Index":5,"Model":"nexus4","User":"c","gt":"walk","x":-1.0093,"y":0.2131,"z":0.8834}
)",
        R"({"Arrival_Time":1424686737090,"Device":"nexus4_1","Index":6,"Model":"nexus4","User":"d","gt":"bike","x":0.4212,"y":-0.1835,"z":0.2214}
{"Arrival_Time":1424686737292,"Device":"nexus4_2","Index":7,"Model":"nexus4","User":"b","gt":"sit","x":0.0102,"y":-0.0044,"z":0.0087}
{"Arrival_Time":1424686737500,"Device":"nexus4_1","Index":8,"Model":"nexus4","User":"c","gt":"walk","x":-1.2107,"y":0.4026,"z":1.0011}
)"};
}

std::unique_ptr<DirectorySource> directory(const QString& dir, const ManualClock& clock, std::optional<std::int64_t> maxFiles = std::nullopt,
                                           bool latestFirst = false, std::optional<std::int64_t> maxAgeMs = std::nullopt)
{
    auto sc = loadScenarioFile(kActivity);
    const SourceSpec& spec = sc->sources[0];
    DirectorySourceConfig c;
    c.path = dir.toStdString();
    c.maxFilesPerTrigger = maxFiles;
    c.latestFirst = latestFirst;
    if (maxAgeMs)
        c.maxFileAgeMs = *maxAgeMs;
    return std::make_unique<DirectorySource>(c, MessageParser(spec.schema, sc->zone, MessageParser::eventTimeColumnOf(*sc, spec)), clock.clock());
}

DirectorySource& dirOf(LiveInputRun& run) { return static_cast<DirectorySource&>(*run.input); }

/// Moves the clock `n` trigger intervals (1 s), polling ten times in each, as the CLI polls
/// far more often than the query triggers.
void triggers(LiveInputRun& run, ManualClock& clock, int n)
{
    for (int i = 0; i < n * 10; ++i) {
        clock.advance(100'000);
        run.step(std::chrono::milliseconds(0));
    }
}

} // namespace

class TestDirectorySource : public QObject {
    Q_OBJECT

private slots:
    void oneFilePerBatchAsTheNotebookShowsIt()
    {
        // Three files are there before the query starts; with maxFilesPerTrigger 1 each batch
        // reads one, oldest first, and the counts grow as the notebook's update-mode output.
        QTemporaryDir dir;
        const auto files = activityFiles();
        const std::int64_t t0 = kStart / 1000 - 60'000;
        dropFile(dir.path(), "part-c.json", files[0], t0);
        dropFile(dir.path(), "part-a.json", files[1], t0 + 1000);
        dropFile(dir.path(), "part-b.json", files[2], t0 + 2000);
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kActivity), directory(dir.path(), clock, 1)), run.error.c_str());
        triggers(run, clock, 4);
        QCOMPARE(run.batches.size(), std::size_t(3));
        QCOMPARE(dirOf(run).filesRead(), (std::vector<std::string>{"part-c.json", "part-a.json", "part-b.json"}));
        for (const auto& b : run.batches)
            QCOMPARE(b.numInputRows, 3);
        const QueryPlan& plan = run.session->plan();
        QCOMPARE(sinkText(run.batches[0], plan), (std::vector<std::string>{"gt=sit count=1", "gt=stand count=2"}));
        QCOMPARE(sinkText(run.batches[1], plan), (std::vector<std::string>{"gt=stand count=3", "gt=walk count=2"}));
        QCOMPARE(sinkText(run.batches[2], plan), (std::vector<std::string>{"gt=bike count=1", "gt=sit count=2", "gt=walk count=3"}));

        // The recording replays to the same batches, without the directory.
        std::string error;
        const auto replayed = replay(run.session->recording(), &error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(replayed, run.lines);

        // And they are the shipped scenario's batches.
        auto shipped = loadScenarioFile(kActivity);
        auto shippedPlan = analyze(*shipped);
        Simulation sim(*shipped, *shippedPlan);
        for (const auto& b : run.batches) {
            auto offline = sim.next();
            QVERIFY(offline);
            QCOMPARE(sinkText(*offline, *shippedPlan), sinkText(b, plan));
        }
    }

    void withoutALimitNewFilesShareABatch()
    {
        QTemporaryDir dir;
        const auto files = activityFiles();
        dropFile(dir.path(), "one.json", files[0], kStart / 1000 - 5000);
        dropFile(dir.path(), "two.json", files[1], kStart / 1000 - 4000);
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kActivity), directory(dir.path(), clock)), run.error.c_str());
        triggers(run, clock, 2);
        QCOMPARE(run.batches.size(), std::size_t(1));
        QCOMPARE(run.batches[0].numInputRows, 6);
    }

    void latestFirstReadsTheNewestFileFirst()
    {
        QTemporaryDir dir;
        const auto files = activityFiles();
        const std::int64_t t0 = kStart / 1000 - 60'000;
        dropFile(dir.path(), "a.json", files[0], t0);
        dropFile(dir.path(), "b.json", files[1], t0 + 2000);
        dropFile(dir.path(), "c.json", files[2], t0 + 1000);
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kActivity), directory(dir.path(), clock, 1, /*latestFirst=*/true)), run.error.c_str());
        triggers(run, clock, 4);
        QCOMPARE(dirOf(run).filesRead(), (std::vector<std::string>{"b.json", "c.json", "a.json"}));
        QCOMPARE(run.batches.size(), std::size_t(3));
    }

    void aFileIsReadOnceAndHiddenFilesNever()
    {
        QTemporaryDir dir;
        const auto files = activityFiles();
        dropFile(dir.path(), "a.json", files[0], kStart / 1000);
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kActivity), directory(dir.path(), clock)), run.error.c_str());
        triggers(run, clock, 1);
        QCOMPARE(run.stats().received, 3);
        // Rewritten with a newer time: the path was processed, Spark does not read it again.
        dropFile(dir.path(), "a.json", files[1], kStart / 1000 + 5000);
        // Hidden names are not data files (InMemoryFileIndex.shouldFilterOut).
        dropFile(dir.path(), "_SUCCESS", files[1], kStart / 1000 + 5000);
        dropFile(dir.path(), ".half-written.json", files[1], kStart / 1000 + 5000);
        triggers(run, clock, 2);
        QCOMPARE(run.stats().received, 3);
        dropFile(dir.path(), "b.json", files[2], kStart / 1000 + 6000);
        triggers(run, clock, 2);
        QCOMPARE(run.stats().received, 6);
        QCOMPARE(dirOf(run).filesRead(), (std::vector<std::string>{"a.json", "b.json"}));
        QCOMPARE(run.batches.size(), std::size_t(2));
    }

    void maxFileAgeIsCountedFromTheNewestFile()
    {
        QTemporaryDir dir;
        const auto files = activityFiles();
        const std::int64_t newest = kStart / 1000;
        dropFile(dir.path(), "new.json", files[0], newest);
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kActivity), directory(dir.path(), clock)), run.error.c_str());
        triggers(run, clock, 1);
        // Eight days older than the newest file read: past the default 7d, not new for Spark.
        dropFile(dir.path(), "old.json", files[1], newest - 8 * kDayMs);
        // Six days older: still new.
        dropFile(dir.path(), "recent.json", files[2], newest - 6 * kDayMs);
        triggers(run, clock, 3);
        QCOMPARE(dirOf(run).filesRead(), (std::vector<std::string>{"new.json", "recent.json"}));
        QCOMPARE(run.stats().faultCount, 1);
        const SourceFault& f = run.stats().faults.back();
        QCOMPARE(f.kind, SourceFault::Kind::MessageRefused);
        QVERIFY2(f.text.find("old.json") != std::string::npos && f.text.find("maxFileAge") != std::string::npos, f.text.c_str());

        // With maxFileAge 10d the same file is read.
        QTemporaryDir dir2;
        dropFile(dir2.path(), "new.json", files[0], newest);
        LiveInputRun run2;
        QVERIFY2(run2.start(readText(kActivity), directory(dir2.path(), clock, std::nullopt, false, 10 * kDayMs)), run2.error.c_str());
        triggers(run2, clock, 1);
        dropFile(dir2.path(), "old.json", files[1], newest - 8 * kDayMs);
        triggers(run2, clock, 2);
        QCOMPARE(dirOf(run2).filesRead(), (std::vector<std::string>{"new.json", "old.json"}));
        QCOMPARE(run2.stats().faultCount, 0);
    }

    void maxFileAgeIsIgnoredWithLatestFirstAndALimit()
    {
        QTemporaryDir dir;
        const auto files = activityFiles();
        const std::int64_t newest = kStart / 1000;
        dropFile(dir.path(), "new.json", files[0], newest);
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kActivity), directory(dir.path(), clock, 1, true, kDayMs)), run.error.c_str());
        triggers(run, clock, 1);
        dropFile(dir.path(), "old.json", files[1], newest - 30 * kDayMs);
        triggers(run, clock, 2);
        QCOMPARE(dirOf(run).filesRead(), (std::vector<std::string>{"new.json", "old.json"}));
    }

    void malformedLinesAsThePermissiveJsonReaderReadsThem()
    {
        QTemporaryDir dir;
        dropFile(dir.path(), "mixed.json",
                 "{\"gt\":\"sit\",\"Index\":1}\n"
                 "not json at all\n"
                 "\n"
                 "   \n"
                 "{\"gt\":\"walk\",\"Index\":\"seven\"}\r\n"
                 "[{\"gt\":\"bike\"},{\"gt\":\"bike\"}]\n"
                 "{\"gt\":\"stand\"}",
                 kStart / 1000);
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kActivity), directory(dir.path(), clock)), run.error.c_str());
        triggers(run, clock, 1);
        // Blank lines give no row; the array gives one row per object.
        QCOMPARE(run.stats().received, 6);
        QCOMPARE(run.events().size(), std::size_t(6));
        const auto& schema = run.scenario().sources[0].schema;
        const std::size_t gt = *schema.find("gt");
        const std::size_t index = *schema.find("Index");
        // Not JSON: a row of nulls that still counts.
        for (const Value& v : run.events()[1].row)
            QVERIFY(v.isNull());
        // A field of the wrong type is null, the others keep their values.
        QCOMPARE(run.events()[2].row[gt].asString(), std::string("walk"));
        QVERIFY(run.events()[2].row[index].isNull());
        QCOMPARE(run.events()[3].row[gt].asString(), std::string("bike"));
        QCOMPARE(run.events()[4].row[gt].asString(), std::string("bike"));
        QCOMPARE(run.events()[5].row[gt].asString(), std::string("stand"));
        QCOMPARE(run.stats().malformed, 2);
        const auto bad = run.input->takeNewMalformed();
        QCOMPARE(bad.size(), std::size_t(2));
        QVERIFY2(bad[0].reason.find("mixed.json line 2") != std::string::npos, bad[0].reason.c_str());
        QVERIFY2(bad[1].reason.find("mixed.json line 5") != std::string::npos, bad[1].reason.c_str());
        QVERIFY2(bad[0].sparkBehaviour.find("JSON file reader") != std::string::npos, bad[0].sparkBehaviour.c_str());
        QCOMPARE(run.batches.size(), std::size_t(1));
        QCOMPARE(run.batches[0].numInputRows, 6);
    }

    void aFileDeletedBeforeItWasReadIsReported()
    {
        QTemporaryDir dir;
        const auto files = activityFiles();
        dropFile(dir.path(), "first.json", files[0], kStart / 1000 - 2000);
        dropFile(dir.path(), "second.json", files[1], kStart / 1000 - 1000);
        dropFile(dir.path(), "third.json", files[2], kStart / 1000);
        ManualClock clock(kStart);
        LiveInputRun run;
        // The first poll lists all three and hands over one; the others wait their turn.
        QVERIFY2(run.start(readText(kActivity), directory(dir.path(), clock, 1)), run.error.c_str());
        QCOMPARE(dirOf(run).filesRead(), (std::vector<std::string>{"first.json"}));
        QVERIFY(QFile::remove(dir.filePath("second.json")));
        triggers(run, clock, 3);
        QCOMPARE(dirOf(run).filesRead(), (std::vector<std::string>{"first.json", "third.json"}));
        QCOMPARE(run.stats().faultCount, 1);
        const SourceFault& f = run.stats().faults.back();
        QCOMPARE(f.kind, SourceFault::Kind::InputClosed);
        QVERIFY2(f.text.find("second.json") != std::string::npos && f.text.find("FileNotFoundException") != std::string::npos, f.text.c_str());
        QCOMPARE(run.batches.size(), std::size_t(2));
    }

    /// Hostile input: a file past the size limit is never read into memory; it is reported,
    /// and the files beside it are read.
    void aFileTooLargeIsRefusedAndReported()
    {
        QTemporaryDir dir;
        const auto files = activityFiles();
        dropFile(dir.path(), "first.json", files[0], kStart / 1000 - 2000);
        dropFile(dir.path(), "third.json", files[2], kStart / 1000);
        QFile big(dir.filePath("big.json"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(static_cast<qint64>(kMaxDirectoryFileBytes) + 1)); // sparse: no disk used
        big.close();
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kActivity), directory(dir.path(), clock)), run.error.c_str());
        const auto read = dirOf(run).filesRead();
        QCOMPARE(read.size(), std::size_t(3));
        QCOMPARE(run.stats().refused, std::int64_t(1));
        QCOMPARE(run.stats().faultCount, std::int64_t(1));
        const SourceFault& f = run.stats().faults.back();
        QCOMPARE(f.kind, SourceFault::Kind::MessageRefused);
        QVERIFY2(f.text.find("big.json") != std::string::npos, f.text.c_str());
        QCOMPARE(run.stats().received, std::int64_t(6)); // three rows in each of the two files read
    }

    void aDirectoryThatGoesAwayIsReportedAndWatchedAgain()
    {
        QTemporaryDir parent;
        const QString path = parent.filePath("drops");
        QVERIFY(QDir().mkpath(path));
        ManualClock clock(kStart);
        LiveInputRun run;
        QVERIFY2(run.start(readText(kActivity), directory(path, clock)), run.error.c_str());
        QCOMPARE(run.stats().state, SourceState::Connected);
        QVERIFY(QDir(path).removeRecursively());
        triggers(run, clock, 1);
        QCOMPARE(run.stats().state, SourceState::Reconnecting);
        QCOMPARE(run.stats().faultCount, 1); // said once, not at every listing
        QCOMPARE(run.stats().faults.back().kind, SourceFault::Kind::InputClosed);
        QVERIFY(QDir().mkpath(path));
        dropFile(path, "back.json", activityFiles()[0], kStart / 1000);
        triggers(run, clock, 2);
        QCOMPARE(run.stats().state, SourceState::Connected);
        QCOMPARE(dirOf(run).filesRead(), (std::vector<std::string>{"back.json"}));
        QCOMPARE(run.batches.size(), std::size_t(1));
    }

    void sparkTimeStrings()
    {
        QCOMPARE(parseSparkTimeStringMs("7d").value(), 7 * kDayMs);
        QCOMPARE(parseSparkTimeStringMs("12h").value(), 12LL * 3600 * 1000);
        QCOMPARE(parseSparkTimeStringMs("30min").value(), 30LL * 60 * 1000);
        QCOMPARE(parseSparkTimeStringMs("30m").value(), 30LL * 60 * 1000);
        QCOMPARE(parseSparkTimeStringMs("10s").value(), 10'000LL);
        QCOMPARE(parseSparkTimeStringMs("500").value(), 500LL);
        QVERIFY(!parseSparkTimeStringMs("7 days").ok());
        QVERIFY(!parseSparkTimeStringMs("d").ok());
    }

    void cliReadsOneFilePerBatch()
    {
        QTemporaryDir dir;
        const auto files = activityFiles();
        for (int i = 0; i < 3; ++i)
            dropFile(dir.path(), "part-" + std::to_string(i) + ".json", files[static_cast<std::size_t>(i)], kStart / 1000 + i * 1000);
        const QString record = dir.filePath(".recording.json"); // hidden: not read as input
        QProcess p;
        p.start(kTidemark, {"run", QString::fromStdString(kActivity), "--directory", dir.path(), "--max-files-per-trigger", "1", "--max-batches",
                            "3", "--record", record});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("Batch: 2") && !out.contains("Batch: 3"), qPrintable(out + err));
        QVERIFY2(out.split("Batch: 2").last().contains("|walk|    3|"), qPrintable(out));
        QVERIFY(!QFile::exists(dir.filePath("..recording.json.journal"))); // the journal goes when the run ends

        QProcess again;
        again.start(kTidemark, {"run", record});
        QVERIFY(again.waitForFinished(20000));
        QCOMPARE(QString::fromUtf8(again.readAllStandardOutput()), out);
    }

    void cliEscapesControlCharactersItReports()
    {
        // A malformed line reported on stderr must not drive the terminal (kcat -e style).
        QTemporaryDir dir;
        dropFile(dir.path(), "bad.json", "\x1b[2J\x1b[31mnot json\n", kStart / 1000);
        QProcess p;
        p.start(kTidemark, {"run", QString::fromStdString(kActivity), "--directory", dir.path(), "--max-batches", "1"});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("bad.json line 1") && err.contains("\\e[2J\\e[31mnot json"), err.constData());
        QVERIFY(!err.contains('\x1b'));
    }

    /// The recording is checked before anything is read, and written while the run goes on, so
    /// a killed run keeps what the class saw.
    void cliChecksAndSnapshotsTheRecording()
    {
        QTemporaryDir dir;
        QProcess refused;
        refused.start(kTidemark, {"run", QString::fromStdString(kActivity), "--directory", dir.path(), "--record", "/nonexistent/rec.json"});
        QVERIFY(refused.waitForFinished(20000));
        QCOMPARE(refused.exitCode(), 2);
        QVERIFY(QString::fromUtf8(refused.readAllStandardError()).contains("/nonexistent/rec.json"));

        const auto files = activityFiles();
        dropFile(dir.path(), "part-0.json", files[0], kStart / 1000);
        const QString record = dir.filePath(".recording.json"); // hidden: not read as input
        QProcess p;
        p.start(kTidemark, {"run", QString::fromStdString(kActivity), "--directory", dir.path(), "--record", record, "--snapshot-every", "1"});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(record), 20000); // written while it runs, not at its end
        QVERIFY(p.state() == QProcess::Running);
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(20000));
        QVERIFY(QFile::exists(dir.filePath("..recording.json.journal"))); // a killed run leaves its journal beside
        QProcess replay;
        replay.start(kTidemark, {"run", record});
        QVERIFY(replay.waitForFinished(20000));
        QCOMPARE(replay.exitCode(), 0);
    }

    void cliSaysWhenTheDirectoryIsMissing()
    {
        QProcess p;
        p.start(kTidemark, {"run", QString::fromStdString(kActivity), "--directory", "/nonexistent/drops"});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains("Path does not exist: file:/nonexistent/drops"));
    }
};

QTEST_GUILESS_MAIN(TestDirectorySource)
#include "tst_directory_source.moc"
