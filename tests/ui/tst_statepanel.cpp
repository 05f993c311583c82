// SPDX-License-Identifier: GPL-3.0-or-later
// The state panel shows every stateful operator of a chained query (query.then), one section
// per operator as Spark's progress lists them in stateOperators: chained-window-aggregation.json.
#include "TestSupport.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/compute/Snapshot.h"
#include "ui/compute/ViewState.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/StatePanel.h"

#include <QLabel>
#include <QTableView>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

SnapshotPtr snapshotOf(const QString& file)
{
    auto sc = loadScenarioFile((QStringLiteral(TIDEMARK_SCENARIOS "/") + file).toStdString());
    if (!sc.ok())
        qFatal("%s: %s", qPrintable(file), sc.error().describe().c_str());
    return buildSnapshot(std::make_shared<const Scenario>(std::move(sc.value())), 1);
}

int rowsWithout(const RowTableModel& model, RowStatus status) { return model.rowCount() - model.numRowsWithStatus(status); }

QStringList headers(const QAbstractItemModel& model)
{
    QStringList names;
    for (int c = 0; c < model.columnCount(); ++c)
        names << model.headerData(c, Qt::Horizontal).toString();
    return names;
}

} // namespace

class TestStatePanel : public QObject
{
    Q_OBJECT
private slots:
    /// Every batch: one section per aggregation, each holding as many rows as that operator's
    /// numRowsTotal in the batch's progress, under that operator's own columns.
    void chainShowsEveryOperator()
    {
        const SnapshotPtr snap = snapshotOf(QStringLiteral("chained-window-aggregation.json"));
        StatePanel panel;
        panel.resize(500, 700);
        panel.show();
        ViewState view = ViewState::at(snap, 0);
        QCOMPARE(view.driving, OutputMode::Append);
        bool secondHeldRows = false, evictedShown = false;
        for (int b = 0; b < view.numBatches(); ++b) {
            view = ViewState::at(snap, b);
            panel.setView(view);
            QCOMPARE(panel.numOperatorSections(), 2);
            const auto& progress = view.currentBatch().operators; // downstream first
            QCOMPARE(progress.size(), std::size_t{2});
            for (int k = 0; k < 2; ++k) {
                RowTableModel* model = panel.operatorModel(k);
                QVERIFY(model);
                const std::int64_t total = progress[static_cast<std::size_t>(1 - k)].numRowsTotal;
                QVERIFY2(rowsWithout(*model, RowStatus::Evicted) == total,
                         qPrintable(QStringLiteral("batch %1, operator %2: %3 rows shown, numRowsTotal %4")
                                        .arg(b)
                                        .arg(k + 1)
                                        .arg(rowsWithout(*model, RowStatus::Evicted))
                                        .arg(total)));
                const QString title = panel.operatorTitle(k)->text();
                QVERIFY2(title.contains(QStringLiteral("perator %1 of 2").arg(k + 1)), qPrintable(title));
                QVERIFY2(title.contains(QStringLiteral("stateStoreSave")), qPrintable(title));
                evictedShown = evictedShown || model->numRowsWithStatus(RowStatus::Evicted) > 0;
            }
            QVERIFY(headers(*panel.operatorModel(0)).contains(QStringLiteral("orders")));
            QVERIFY(!headers(*panel.operatorModel(0)).contains(QStringLiteral("busyMinutes")));
            QVERIFY(headers(*panel.operatorModel(1)).contains(QStringLiteral("busyMinutes")));
            secondHeldRows = secondHeldRows || panel.operatorModel(1)->rowCount() > 0;
            auto* second = panel.findChild<QTableView*>(QStringLiteral("stateTable2"));
            QVERIFY(second && second->isVisible());
        }
        QVERIFY2(secondHeldRows, "the 5-minute aggregation holds windows in some batch");
        QVERIFY2(evictedShown, "some batch evicts rows");
        tidemark::test::saveShot(panel, QStringLiteral("state-chain"));
    }

    /// One operator: one section, and nothing of a chain's left behind after a chain was shown.
    void oneOperatorOneSection()
    {
        StatePanel panel;
        panel.show();
        panel.setView(ViewState::at(snapshotOf(QStringLiteral("chained-window-aggregation.json")), 3));
        QCOMPARE(panel.numOperatorSections(), 2);
        const ViewState single = ViewState::at(snapshotOf(QStringLiteral("word-count-update.json")), 2);
        panel.setView(single);
        QCOMPARE(panel.numOperatorSections(), 1);
        QVERIFY(!panel.findChild<QTableView*>(QStringLiteral("stateTable2"))->isVisible());
        QVERIFY2(panel.title()->text().startsWith(QStringLiteral("<b>State store</b> after batch")), qPrintable(panel.title()->text()));
        QCOMPARE(rowsWithout(*panel.model(), RowStatus::Evicted), single.currentBatch().operators.front().numRowsTotal);
    }
};

QTEST_MAIN(TestStatePanel)
#include "tst_statepanel.moc"
