// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped scenarios against what Spark printed: the seed notebooks' console batches
// (row order within a batch is Spark's hash order, so rows are compared as a multiset and
// everything else byte for byte), the final tables of their complete-mode cells, and
// reviewed golden files for the guide's word count. Plus determinism of the whole output.
#include "app/cli/Cli.h"

#include <QtTest>

#include <sstream>

namespace {

QString runCli(const QStringList& args)
{
    std::vector<std::string> a;
    for (const auto& s : args)
        a.push_back(s.toStdString());
    std::ostringstream out, err;
    const int code = tidemark::cli::runCommand(a, out, err);
    if (code != 0)
        return "exit " + QString::number(code) + ": " + QString::fromStdString(err.str());
    return QString::fromStdString(out.str());
}

QString readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

/// Splits console output into batches; inside each, data rows (between the header's separator
/// and the closing one) are sorted so that only Spark's row order is ignored.
QStringList normalisedBatches(const QString& text)
{
    QStringList batches;
    const QStringList chunks = text.split("-------------------------------------------\nBatch: ", Qt::SkipEmptyParts);
    for (QString chunk : chunks) {
        // The notebook cell ends with extra blank lines; the console sink prints one per batch.
        while (chunk.endsWith('\n'))
            chunk.chop(1);
        QStringList lines = chunk.split('\n');
        QStringList head, rows, tail;
        int separators = 0;
        for (const QString& l : lines) {
            if (l.startsWith('+'))
                ++separators;
            if (separators == 2 && l.startsWith('|'))
                rows << l;
            else if (separators < 2 || l.startsWith('+'))
                (separators < 3 ? head : tail) << l;
            else
                tail << l;
        }
        rows.sort();
        batches << (head + rows + tail).join('\n');
    }
    return batches;
}

/// The data rows of the last table, trimmed cell by cell, sorted.
QStringList lastTableRows(const QString& text)
{
    const QStringList batches = text.split("Batch: ");
    QStringList rows;
    for (const QString& l : batches.last().split('\n')) {
        if (!l.startsWith('|'))
            continue;
        QStringList cells = l.split('|', Qt::SkipEmptyParts);
        for (auto& c : cells)
            c = c.trimmed();
        rows << cells.join('|');
    }
    if (!rows.isEmpty())
        rows.removeFirst(); // header
    rows.sort();
    return rows;
}

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT
private slots:
    void notebookBatches_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("slidingWithWatermark, update, Spark 3.2") << "sliding-with-watermark";
        QTest::newRow("tumblingWithWatermark, update, real data files") << "tumbling-with-watermark";
        QTest::newRow("kafkaStreamWithWatermark, append, empty first batches") << "kafka-stream-with-watermark";
        QTest::newRow("staticJoin, stream-static left outer join") << "static-join";
        QTest::newRow("streamStreamJoin, inner join without watermark") << "stream-stream-inner";
        QTest::newRow("streamStreamInnerJoinWithWatermark, 2 h / 3 h and a time range") << "stream-stream-inner-with-watermark";
        QTest::newRow("streamStreamOuterJoinWithWatermark, left outer") << "stream-stream-left-outer-with-watermark";
    }
    void notebookBatches()
    {
        QFETCH(QString, scenario);
        const QString got = runCli({"run", QStringLiteral(TIDEMARK_SCENARIOS) + "/" + scenario + ".json"});
        const QString expected = readFile(QStringLiteral(TIDEMARK_EXPECTED) + "/" + scenario + ".notebook.txt");
        QVERIFY(!expected.isEmpty());
        QCOMPARE(normalisedBatches(got), normalisedBatches(expected));
    }

    void notebookFinalTables_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("tumblingWindow, complete") << "tumbling-window";
        QTest::newRow("slidingWindow, complete") << "sliding-window";
    }
    void notebookFinalTables()
    {
        // These cells displayed the memory sink's table after all files were read.
        QFETCH(QString, scenario);
        const QString got = runCli({"run", QStringLiteral(TIDEMARK_SCENARIOS) + "/" + scenario + ".json"});
        const QString expected = readFile(QStringLiteral(TIDEMARK_EXPECTED) + "/" + scenario + ".notebook.txt");
        QVERIFY(!expected.isEmpty());
        QCOMPARE(lastTableRows(got), lastTableRows("Batch: 0\n" + expected));
    }

    void reviewedGoldenFiles_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("guide word count, update") << "word-count-update";
        QTest::newRow("guide word count, append") << "word-count-append";
        QTest::newRow("crash and restart from the checkpoint") << "restart-from-checkpoint";
    }
    void reviewedGoldenFiles()
    {
        QFETCH(QString, scenario);
        const QString got = runCli({"run", QStringLiteral(TIDEMARK_SCENARIOS) + "/" + scenario + ".json"});
        QCOMPARE(got, readFile(QStringLiteral(TIDEMARK_EXPECTED) + "/" + scenario + ".console.txt"));
    }

    void sameBytesEveryRun()
    {
        const QDir dir(QStringLiteral(TIDEMARK_SCENARIOS));
        for (const QString& f : dir.entryList({"*.json"})) {
            const QString path = dir.filePath(f);
            const QString first = runCli({"run", path, "--mode", "all", "--format", "jsonl"});
            QVERIFY2(!first.startsWith("exit"), qPrintable(f + ": " + first));
            QCOMPARE(runCli({"run", path, "--mode", "all", "--format", "jsonl"}), first);
        }
    }

    void version34KeepsTheLateRowOfSlidingWithWatermark()
    {
        // spark-semantics.md §3.2: on 3.4+ the run would keep emp 2 @00:01 (previous batch's
        // watermark 23:40), printing its two windows with count 1 before evicting them.
        QString text = readFile(QStringLiteral(TIDEMARK_SCENARIOS) + "/sliding-with-watermark.json");
        text.replace("\"sparkVersion\": \"3.2\"", "\"sparkVersion\": \"3.4\"");
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(text.toUtf8());
        file.close();
        const QString got = runCli({"run", file.fileName()});
        const QString lastBatch = got.split("Batch: 2").last();
        QVERIFY2(lastBatch.contains("|2     |{2021-07-02 23:45:00, 2021-07-03 00:15:00}|1    |"), qPrintable(lastBatch));
        QVERIFY2(lastBatch.contains("|2     |{2021-07-03 00:00:00, 2021-07-03 00:30:00}|1    |"), qPrintable(lastBatch));
    }
};

QTEST_APPLESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
