// SPDX-License-Identifier: GPL-3.0-or-later
// The run record the GUI draws: state folded from state changes must agree with the
// operators' own counts, and complete mode rebuilt from state must equal the copied tables.
#include "engine/exec/RunRecord.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"

#include <QtTest>

using namespace tidemark;

class TestRunRecord : public QObject {
    Q_OBJECT
private slots:
    void stateFoldMatchesOperatorCounts_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(TIDEMARK_SCENARIOS));
        for (const QString& f : dir.entryList({"*.json"}))
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void stateFoldMatchesOperatorCounts()
    {
        QFETCH(QString, file);
        auto sc = loadScenarioFile(file.toStdString());
        QVERIFY(sc.ok());
        for (OutputMode mode : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
            const ModeRun run = runMode(*sc, mode);
            if (run.error)
                continue;
            for (size_t i = 0; i < run.batches.size(); ++i) {
                const auto& ops = run.batches[i].operators;
                if (ops.empty())
                    continue;
                // Joins show only rows with output columns: a semi join's right side has none.
                // A chain (query.then) folds the first operator's state, last but one or last in the
                // progress list (downstream first).
                const size_t folded = run.plan->chain.empty() ? 0 : ops.size() - 1 - ((run.plan->aggregate && run.plan->dedup) ? 1 : 0);
                const std::int64_t expected = run.plan->join && run.plan->join->type == JoinPlan::Type::LeftSemi
                                                  ? *ops[0].numRowsTotalLeft
                                                  : ops[folded].numRowsTotal;
                QVERIFY2(static_cast<std::int64_t>(run.stateAfter(i).size()) == expected,
                         qPrintable(QString("%1 %2 batch %3: folded %4 rows, operator has %5")
                                        .arg(file, outputModeName(mode))
                                        .arg(i)
                                        .arg(run.stateAfter(i).size())
                                        .arg(expected)));
            }
        }
    }

    void completeRebuiltFromStateEqualsTheCopies_data() { stateFoldMatchesOperatorCounts_data(); }
    void completeRebuiltFromStateEqualsTheCopies()
    {
        QFETCH(QString, file);
        auto sc = loadScenarioFile(file.toStdString());
        QVERIFY(sc.ok());
        const ModeRun copied = runMode(*sc, OutputMode::Complete);
        if (copied.error)
            return; // not an aggregation: Spark rejects complete mode
        SimulationOptions lean;
        lean.materializeCompleteOutput = false;
        const ModeRun rebuilt = runMode(*sc, OutputMode::Complete, lean);
        QCOMPARE(rebuilt.batches.size(), copied.batches.size());
        const auto all = rebuilt.sinkRowsOf(0, rebuilt.batches.size() - 1);
        for (size_t i = 0; i < copied.batches.size(); ++i) {
            QVERIFY(rebuilt.batches[i].sinkRows.empty());
            QCOMPARE(rebuilt.sinkRowsOf(i), copied.batches[i].sinkRows);
            QCOMPARE(all[i], copied.batches[i].sinkRows);
        }
    }

    void aRunControlCountsReadEventsAndCancels()
    {
        auto sc = loadScenarioFile(QStringLiteral(TIDEMARK_SCENARIOS "/word-count-update.json").toStdString());
        QVERIFY(sc.ok());
        SimulationOptions options;
        options.control = std::make_shared<RunControl>();
        const ModeRun run = runMode(*sc, OutputMode::Update, options);
        QVERIFY(!run.error);
        QCOMPARE(options.control->eventsRead(), std::int64_t{10}); // every event, once
        // Cancelled: the run stops before its first batch instead of returning a partial run.
        options.control = std::make_shared<RunControl>();
        options.control->cancel();
        QVERIFY_THROWS_EXCEPTION(RunCancelled, runMode(*sc, OutputMode::Update, options));
        QCOMPARE(options.control->eventsRead(), std::int64_t{0});
    }

    void emptyScenarioIsAnErrorNotACrash()
    {
        const Scenario empty;
        auto plan = analyze(empty);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().kind, ErrorKind::File);
    }
};

QTEST_APPLESS_MAIN(TestRunRecord)
#include "tst_runrecord.moc"
