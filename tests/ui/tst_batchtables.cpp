// SPDX-License-Identifier: GPL-3.0-or-later
// batchTables (what an output mode's column shows for a batch, folded in one pass) gives
// what ModeRun's own calls give, for every batch of every mode of the shipped queries.
#include "engine/exec/RunRecord.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/pages/BatchTables.h"

#include <QDir>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

class TestBatchTables : public QObject
{
    Q_OBJECT
private slots:
    void sameAsModeRun_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& f : QDir(QStringLiteral(TIDEMARK_SCENARIOS)).entryList({QStringLiteral("*.json")}))
            QTest::newRow(qPrintable(f)) << f;
    }

    void sameAsModeRun()
    {
        QFETCH(QString, file);
        auto sc = loadScenarioFile((QStringLiteral(TIDEMARK_SCENARIOS "/") + file).toStdString());
        QVERIFY(sc.ok());
        int compared = 0;
        for (bool materialize : {false, true})
            for (OutputMode mode : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
                SimulationOptions options;
                options.materializeCompleteOutput = materialize;
                const ModeRun run = runMode(sc.value(), mode, options);
                for (std::size_t i = 0; i < run.batches.size(); ++i) {
                    const BatchTables t = batchTables(run, i);
                    QVERIFY2(t.sink == run.sinkRowsOf(i), qPrintable(QStringLiteral("mode %1 batch %2: sink").arg(static_cast<int>(mode)).arg(i)));
                    QVERIFY2(t.after == run.resultTableAfter(i), qPrintable(QStringLiteral("mode %1 batch %2: after").arg(static_cast<int>(mode)).arg(i)));
                    QVERIFY2(t.before == (i > 0 ? run.resultTableAfter(i - 1) : std::vector<Row>{}),
                             qPrintable(QStringLiteral("mode %1 batch %2: before").arg(static_cast<int>(mode)).arg(i)));
                    ++compared;
                }
            }
        QVERIFY(compared > 0 || file.contains(QLatin1String("kafka")));
    }
};

QTEST_GUILESS_MAIN(TestBatchTables)
#include "tst_batchtables.moc"
