// SPDX-License-Identifier: GPL-3.0-or-later
// The side panels for joins: the rows a stream-stream join buffers (and which the watermark
// evicts, with or without null output), the static table of a stream-static join, the query
// panel's per-input watermarks, its error box in a short dock, and a compact state panel.
#include "TestSupport.h"

#include "ui/compute/Snapshot.h"
#include "ui/compute/ViewState.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/inspector/Explanations.h"
#include "ui/models/JoinState.h"
#include "ui/models/JoinStateModel.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/QueryPanel.h"
#include "ui/pages/StatePanel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

class TestJoinPanels : public QObject
{
    Q_OBJECT
private slots:
    void joinStateListsBothSides();
    void joinStateMarksEvictions();
    void fullOuterEmitsBothSidesWithNulls();
    void joinStateRowClickExplainsTheEvent();
    void staticTableIsShown();
    void queryPanelShowsPerInputWatermarks();
    void queryPanelEditsPerInputWatermarks();
    void queryPanelEditsWatermarkPolicy();
    void queryPanelShowsSparkErrorOnInputDelay();
    void queryErrorIsReadableInAShortDock();
    void statePanelIsCompactWithoutContent();

private:
    static std::shared_ptr<const Scenario> load(const QString& name);
    static std::unique_ptr<ScenarioDocument> open(const QString& name);
};

std::shared_ptr<const Scenario> TestJoinPanels::load(const QString& name)
{
    auto sc = ScenarioDocument::load(QStringLiteral(":/scenarios/") + name);
    if (!sc.ok())
        qFatal("cannot load %s: %s", qPrintable(name), sc.error().describe().c_str());
    return std::make_shared<const Scenario>(std::move(sc.value()));
}

std::unique_ptr<ScenarioDocument> TestJoinPanels::open(const QString& name)
{
    auto doc = std::make_unique<ScenarioDocument>();
    auto sc = ScenarioDocument::load(QStringLiteral(":/scenarios/") + name);
    if (!sc.ok())
        qFatal("cannot load %s: %s", qPrintable(name), sc.error().describe().c_str());
    doc->setScenario(std::move(sc.value()), QString(), name);
    return doc;
}

namespace {
QString cell(const QAbstractItemModel& m, int row, int column) { return m.data(m.index(row, column)).toString(); }
int columnNamed(const QAbstractItemModel& m, const QString& name)
{
    for (int c = 0; c < m.columnCount(); ++c)
        if (m.headerData(c, Qt::Horizontal).toString() == name)
            return c;
    return -1;
}
} // namespace

void TestJoinPanels::joinStateListsBothSides()
{
    // Batch 0 stores every impression and every click; ads 1, 2 and 5 match, 3 and click 4 wait.
    StatePanel panel;
    const SnapshotPtr snap = buildSnapshot(load(QStringLiteral("stream-stream-left-outer-with-watermark.json")), 1);
    panel.setView(ViewState::at(snap, 0));
    JoinStateModel& model = *panel.joinModel();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(panel.joinView()->isVisibleTo(&panel));
    QVERIFY(!panel.title()->text().contains(QLatin1String("does not list")));
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.headerData(JoinStateModel::SideColumn, Qt::Horizontal).toString(), QStringLiteral("side"));
    const int impressionAdid = columnNamed(model, QStringLiteral("impressionAdid"));
    const int clickAdid = columnNamed(model, QStringLiteral("clickAdid"));
    QVERIFY(impressionAdid > 0 && clickAdid > 0);
    const QStringList expected{
        QStringLiteral("+ | impressions | matched, kept | 1"),
        QStringLiteral("+ | impressions | matched, kept | 2"),
        QStringLiteral("+ | impressions | waiting for a match | 3"),
        QStringLiteral("+ | impressions | matched, kept | 5"),
        QStringLiteral("+ | clicks | matched, kept | 1"),
        QStringLiteral("+ | clicks | matched, kept | 2"),
        QStringLiteral("+ | clicks | waiting for a match | 4"),
        QStringLiteral("+ | clicks | matched, kept | 5"),
    };
    QStringList shown;
    for (int r = 0; r < model.rowCount(); ++r) {
        const int own = r < 4 ? impressionAdid : clickAdid;
        const int other = r < 4 ? clickAdid : impressionAdid;
        QCOMPARE(cell(model, r, other), QString()); // the other side's columns are blank, not null
        shown << QStringList{model.headerData(r, Qt::Vertical).toString(), cell(model, r, JoinStateModel::SideColumn),
                             cell(model, r, JoinStateModel::FateColumn), cell(model, r, own)}
                     .join(QLatin1String(" | "));
    }
    QCOMPARE(shown, expected);
    QCOMPARE(model.numOnSide(0) + model.numOnSide(1), static_cast<int>(snap->view(OutputMode::Append).stateRows[0]));
    QVERIFY(panel.hasContent());
}

void TestJoinPanels::joinStateMarksEvictions()
{
    // Batch 1: the state watermarks evict impressions 1-3 and clicks 1, 2 and 4. Impression 3
    // never matched and the join is left outer: it is emitted with nulls; click 4 (the inner
    // side) leaves silently.
    StatePanel panel;
    const SnapshotPtr snap = buildSnapshot(load(QStringLiteral("stream-stream-left-outer-with-watermark.json")), 1);
    panel.setView(ViewState::at(snap, 1));
    const JoinStateModel& model = *panel.joinModel();
    QCOMPARE(model.rowCount(), 8);
    QStringList fates;
    for (int r = 0; r < model.rowCount(); ++r)
        fates << model.headerData(r, Qt::Vertical).toString() + QLatin1Char(' ') + cell(model, r, JoinStateModel::FateColumn);
    QCOMPARE(fates, (QStringList{
                        QStringLiteral("× evicted (had matched)"),
                        QStringLiteral("× evicted (had matched)"),
                        QStringLiteral("× evicted → emitted with nulls"),
                        QStringLiteral(" matched, kept"),
                        QStringLiteral("× evicted (had matched)"),
                        QStringLiteral("× evicted (had matched)"),
                        QStringLiteral("× evicted, never matched → dropped"),
                        QStringLiteral(" matched, kept"),
                    }));
    QCOMPARE(model.numEvicted(), 6);
    QCOMPARE(model.data(model.index(2, 0), RowTableModel::StatusRole).toInt(), static_cast<int>(RowStatus::Evicted));
    QVERIFY(model.data(model.index(2, JoinStateModel::FirstDataColumn), Qt::FontRole).value<QFont>().strikeOut());
    QCOMPARE(model.numOnSide(0) + model.numOnSide(1), static_cast<int>(snap->view(OutputMode::Append).stateRows[1]));
    QVERIFY(panel.title()->text().contains(QLatin1String("1 emitted with nulls")));

    // The inner join evicts the same rows, none with nulls.
    const SnapshotPtr inner = buildSnapshot(load(QStringLiteral("stream-stream-inner-with-watermark.json")), 1);
    const auto rows = joinStateAt(inner->run(OutputMode::Append), 1);
    QCOMPARE(std::count_if(rows.begin(), rows.end(), [](const JoinStateRow& r) { return r.evicted(); }), 6);
    QVERIFY(std::none_of(rows.begin(), rows.end(), [](const JoinStateRow& r) { return r.fate == JoinStateRow::Fate::EvictedWithNull; }));
}

void TestJoinPanels::fullOuterEmitsBothSidesWithNulls()
{
    // Click 9 (no impression) and impression 2 (no click) are emitted with nulls when evicted,
    // each in its own no-data batch; every batch's list agrees with the engine's state count.
    const SnapshotPtr snap = buildSnapshot(load(QStringLiteral("stream-stream-full-outer.json")), 1);
    const ModeRun& run = snap->run(OutputMode::Append);
    bool leftWithNulls = false, rightWithNulls = false;
    for (std::size_t b = 0; b < run.batches.size(); ++b) {
        const auto rows = joinStateAt(run, b);
        const auto live = std::count_if(rows.begin(), rows.end(), [](const JoinStateRow& r) { return !r.evicted(); });
        QCOMPARE(static_cast<std::int64_t>(live), snap->view(OutputMode::Append).stateRows[b]);
        for (const JoinStateRow& r : rows)
            if (r.fate == JoinStateRow::Fate::EvictedWithNull) {
                QVERIFY(!r.matched);
                (r.side == 0 ? leftWithNulls : rightWithNulls) = true;
            }
    }
    QVERIFY(leftWithNulls);
    QVERIFY(rightWithNulls);
}

void TestJoinPanels::joinStateRowClickExplainsTheEvent()
{
    StatePanel panel;
    const ViewState view = ViewState::at(buildSnapshot(load(QStringLiteral("stream-stream-left-outer-with-watermark.json")), 1), 1);
    panel.setView(view);
    panel.resize(500, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy clicked(&panel, &StatePanel::eventClicked);
    QTableView* table = panel.joinView();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(2, 0)).center());
    QCOMPARE(clicked.count(), 1);
    const auto event = clicked.at(0).at(0).value<std::uint32_t>();
    QCOMPARE(event, 2u); // impression 3
    QVERIFY(explainEvent(view, event).contains(QLatin1String("emits it with nulls")));
}

void TestJoinPanels::staticTableIsShown()
{
    StatePanel panel;
    panel.setView(ViewState::at(buildSnapshot(load(QStringLiteral("static-join.json")), 1), 0));
    const RowTableModel& model = *panel.staticModel();
    QVERIFY(panel.staticView()->isVisibleTo(&panel));
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.columnCount(), 5);
    const int name = columnNamed(model, QStringLiteral("user_name"));
    QVERIFY(name >= 0);
    QCOMPARE(cell(model, 1, name), QStringLiteral("박전자"));
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("staticTableTitle"))->text().contains(QLatin1String("users")));
    QVERIFY(panel.hasContent());
}

void TestJoinPanels::queryPanelShowsPerInputWatermarks()
{
    auto doc = open(QStringLiteral("stream-stream-inner-with-watermark.json"));
    QueryPanel panel(doc.get());
    QCOMPARE(panel.numInputs(), 2);
    QCOMPARE(panel.inputWatermarkBox(0)->text(), QStringLiteral("impressions"));
    QCOMPARE(panel.inputWatermarkBox(1)->text(), QStringLiteral("clicks"));
    QVERIFY(panel.inputWatermarkBox(0)->isChecked());
    QCOMPARE(panel.inputWatermarkColumnBox(0)->currentText(), QStringLiteral("impressionTime"));
    QCOMPARE(panel.inputWatermarkDelayEdit(0)->text(), QStringLiteral("2 hours"));
    QCOMPARE(panel.inputWatermarkColumnBox(1)->currentText(), QStringLiteral("clickTime"));
    QCOMPARE(panel.inputWatermarkDelayEdit(1)->text(), QStringLiteral("3 hours"));
    QVERIFY(panel.inputWatermarkDelayEdit(1)->isEnabled());
    QCOMPARE(panel.watermarkPolicyBox()->currentText(), QStringLiteral("min"));
    // The query-level watermark, with a default that is not this query's, is not shown.
    QVERIFY(panel.watermarkDelayEdit()->isHidden() || !panel.watermarkDelayEdit()->isVisibleTo(&panel));
    QVERIFY(!panel.watermarkDelayEdit()->isVisibleTo(&panel));

    // A stream-static join: the static side takes no watermark.
    auto staticDoc = open(QStringLiteral("static-join.json"));
    QueryPanel staticPanel(staticDoc.get());
    QCOMPARE(staticPanel.numInputs(), 2);
    QVERIFY(!staticPanel.inputWatermarkBox(0)->isChecked());
    QVERIFY(!staticPanel.inputWatermarkBox(1)->isEnabled());
    QVERIFY(!staticPanel.watermarkPolicyBox()->isVisibleTo(&staticPanel));

    // A single-source query keeps its own withWatermark row.
    auto single = open(QStringLiteral("word-count-update.json"));
    QueryPanel singlePanel(single.get());
    QCOMPARE(singlePanel.numInputs(), 0);
    QVERIFY(singlePanel.watermarkDelayEdit()->isVisibleTo(&singlePanel));
}

void TestJoinPanels::queryPanelEditsPerInputWatermarks()
{
    auto doc = open(QStringLiteral("stream-stream-inner-with-watermark.json"));
    QueryPanel panel(doc.get());
    panel.inputWatermarkDelayEdit(0)->setText(QStringLiteral("30 minutes"));
    emit panel.inputWatermarkDelayEdit(0)->editingFinished();
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->scenario()->query.join->left.withWatermark->delay, std::string("30 minutes"));
    QCOMPARE(doc->scenario()->query.join->right.withWatermark->delay, std::string("3 hours"));
    // Focus leaving without a change adds no step.
    emit panel.inputWatermarkDelayEdit(0)->editingFinished();
    QCOMPARE(doc->undoStack()->count(), 1);

    panel.inputWatermarkBox(1)->setChecked(false);
    QCOMPARE(doc->undoStack()->count(), 2);
    QVERIFY(!doc->scenario()->query.join->right.withWatermark);
    QVERIFY(!panel.inputWatermarkDelayEdit(1)->isEnabled());

    doc->undoStack()->undo();
    QCOMPARE(doc->scenario()->query.join->right.withWatermark->delay, std::string("3 hours"));
    QCOMPARE(panel.inputWatermarkDelayEdit(1)->text(), QStringLiteral("3 hours"));
    doc->undoStack()->undo();
    QCOMPARE(panel.inputWatermarkDelayEdit(0)->text(), QStringLiteral("2 hours"));
    QCOMPARE(doc->scenario()->query.join->left.withWatermark->delay, std::string("2 hours"));
}

void TestJoinPanels::queryPanelEditsWatermarkPolicy()
{
    auto doc = open(QStringLiteral("stream-stream-inner-with-watermark.json"));
    QueryPanel panel(doc.get());
    QVERIFY(panel.watermarkPolicyBox()->isVisibleTo(&panel));
    panel.watermarkPolicyBox()->setCurrentIndex(panel.watermarkPolicyBox()->findText(QStringLiteral("max")));
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->scenario()->conf.multipleWatermarkPolicy, std::string("max"));
    // Saved with the file, which had no conf block.
    const auto& keys = doc->scenario()->conf.writtenKeys;
    QVERIFY(std::find(keys.begin(), keys.end(), "spark.sql.streaming.multipleWatermarkPolicy") != keys.end());
    doc->undoStack()->undo();
    QCOMPARE(doc->scenario()->conf.multipleWatermarkPolicy, std::string("min"));
    QVERIFY(doc->scenario()->conf.writtenKeys.empty());
    QCOMPARE(panel.watermarkPolicyBox()->currentText(), QStringLiteral("min"));
}

void TestJoinPanels::queryPanelShowsSparkErrorOnInputDelay()
{
    auto doc = open(QStringLiteral("stream-stream-inner-with-watermark.json"));
    QueryPanel panel(doc.get());
    QVERIFY(panel.errorText().isEmpty());
    panel.inputWatermarkDelayEdit(1)->setText(QStringLiteral("three hours"));
    emit panel.inputWatermarkDelayEdit(1)->editingFinished();
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(!panel.errorText().isEmpty());
    QVERIFY(panel.errorText().contains(QLatin1String("query.join.right.withWatermark.delay")));
    QVERIFY(panel.inputWatermarkDelayEdit(1)->property("sparkError").toBool());
    QVERIFY(!panel.inputWatermarkDelayEdit(0)->property("sparkError").toBool());
    doc->undoStack()->undo();
    QVERIFY(panel.errorText().isEmpty());
    QVERIFY(!panel.inputWatermarkDelayEdit(1)->property("sparkError").toBool());
    // Ticking a stream's watermark on: its time column, 10 minutes; here the logs' "timestamp"
    // is a bigint, and Spark says so at the column.
    auto staticDoc = open(QStringLiteral("static-join.json"));
    QueryPanel staticPanel(staticDoc.get());
    QCOMPARE(staticPanel.inputWatermarkColumnBox(0)->currentText(), QString()); // off: no column shown
    staticPanel.inputWatermarkBox(0)->setChecked(true);
    QCOMPARE(staticDoc->undoStack()->count(), 1);
    QCOMPARE(staticDoc->scenario()->query.join->left.withWatermark->column, std::string("timestamp"));
    QCOMPARE(staticDoc->scenario()->query.join->left.withWatermark->delay, std::string("10 minutes"));
    QVERIFY(staticPanel.errorText().contains(QLatin1String("query.join.left.withWatermark.column")));
    QVERIFY(staticPanel.inputWatermarkColumnBox(0)->property("sparkError").toBool());
}

void TestJoinPanels::queryErrorIsReadableInAShortDock()
{
    // The query dock at 1024x768 is about 390 x 300: the error below the fields must still be
    // readable whole ("at query.groupBy[0]" at its end), by scrolling.
    auto doc = open(QStringLiteral("word-count-update.json"));
    QueryPanel panel(doc.get());
    panel.resize(390, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QLineEdit* keys = panel.findChildren<QLineEdit*>().value(0);
    for (QLineEdit* e : panel.findChildren<QLineEdit*>())
        if (e->placeholderText() == QLatin1String("columns, comma separated"))
            keys = e;
    keys->setText(QStringLiteral("nosuchcolumn"));
    emit keys->editingFinished();
    auto* error = panel.findChild<QLabel*>(QStringLiteral("queryError"));
    QVERIFY(error && error->isVisibleTo(&panel));
    QVERIFY(error->text().contains(QLatin1String("at query.groupBy[")));
    // Laid out whole, not squeezed ...
    QTRY_VERIFY(error->height() >= error->heightForWidth(error->width()));
    // ... and not cut at the panel's bottom: the fields scroll, and the new error is scrolled into view.
    auto* scroll = panel.findChild<QScrollArea*>();
    QVERIFY2(scroll && scroll->widget()->isAncestorOf(error), "the error box is not in a scrolled area: cut at the panel's bottom");
    QTRY_VERIFY(scroll->viewport()->rect().intersects(QRect(error->mapTo(scroll->viewport(), QPoint(0, 0)), error->size())));
    QVERIFY(scroll->verticalScrollBar()->maximum() + scroll->viewport()->height() >= error->geometry().bottom());
    QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0); // wrapped, not wider than the dock
}

void TestJoinPanels::statePanelIsCompactWithoutContent()
{
    // A stateless query in presentation mode: one line of text, not a quarter of the screen.
    auto stateless = ScenarioDocument::load(QStringLiteral(":/scenarios/word-count-update.json"));
    QVERIFY(stateless.ok());
    Scenario sc = std::move(stateless.value());
    sc.query.groupBy.reset();
    sc.query.agg.reset();
    sc.query.withWatermark.reset();
    sc.query.outputMode = "append";
    StatePanel panel;
    QSignalSpy changed(&panel, &StatePanel::contentChanged);
    panel.setPresentation(true);
    panel.setView(ViewState::at(buildSnapshot(std::make_shared<const Scenario>(std::move(sc)), 1), 0));
    QVERIFY(!panel.hasContent());
    const int line = panel.fontMetrics().height();
    QVERIFY2(panel.sizeHint().height() <= 4 * line, qPrintable(QString::number(panel.sizeHint().height())));

    // A join's few buffered rows: a short table, not the whole column.
    panel.setView(ViewState::at(buildSnapshot(load(QStringLiteral("stream-stream-inner-with-watermark.json")), 1), 1));
    QVERIFY(panel.hasContent());
    QVERIFY(changed.count() >= 1);
    QVERIFY2(panel.sizeHint().height() <= 16 * line, qPrintable(QString::number(panel.sizeHint().height())));
    QVERIFY(panel.sizeHint().height() > 4 * line);
}

QTEST_MAIN(TestJoinPanels)
#include "tst_joinpanels.moc"
