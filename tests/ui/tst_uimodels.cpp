// SPDX-License-Identifier: GPL-3.0-or-later
// The table models behind the views, under QAbstractItemModelTester, and the row diff that
// marks rows new / changed / removed.
#include "TestSupport.h"

#include "ui/compute/Snapshot.h"
#include "ui/compute/ViewState.h"
#include "ui/document/AddEventCommand.h"
#include "ui/document/DeleteEventsCommand.h"
#include "ui/document/EditCellCommand.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/models/EventTableModel.h"
#include "ui/models/RowDiff.h"
#include "ui/models/RowTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

Q_DECLARE_METATYPE(std::vector<tidemark::Row>)

class TestUiModels : public QObject
{
    Q_OBJECT
private slots:
    void diff_data();
    void diff();
    void rowTableModel();
    void eventTableModelFollowsEdits();
    void eventTableModelEditsCells();
    void eventTableModelShowsFates();

private:
    static std::unique_ptr<ScenarioDocument> openWordCount();
};

namespace {
Row r(std::initializer_list<Value> v) { return Row(v); }
QString statuses(const std::vector<MarkedRow>& rows)
{
    QString s;
    for (const auto& m : rows)
        s += QLatin1Char("=+~-x"[static_cast<int>(m.status)]);
    return s;
}
} // namespace

void TestUiModels::diff_data()
{
    QTest::addColumn<std::vector<Row>>("current");
    QTest::addColumn<std::vector<Row>>("previous");
    QTest::addColumn<int>("keyWidth");
    QTest::addColumn<bool>("listRemoved");
    QTest::addColumn<QString>("expected");

    QTest::newRow("first batch: everything new") << std::vector<Row>{r({"a", 1}), r({"b", 1})} << std::vector<Row>{} << 1 << true << "++";
    QTest::newRow("same key, new count: changed")
        << std::vector<Row>{r({"a", 2}), r({"b", 1})} << std::vector<Row>{r({"a", 1}), r({"b", 1})} << 1 << true << "~=";
    QTest::newRow("key gone: removed after the current rows")
        << std::vector<Row>{r({"b", 1})} << std::vector<Row>{r({"a", 1}), r({"b", 1})} << 1 << true << "=-";
    QTest::newRow("key gone, removed not listed (sink rows)")
        << std::vector<Row>{r({"b", 3})} << std::vector<Row>{r({"a", 1}), r({"b", 1})} << 1 << false << "~";
    QTest::newRow("no key: whole rows as a multiset")
        << std::vector<Row>{r({"a", 1}), r({"a", 1}), r({"c", 1})} << std::vector<Row>{r({"a", 1})} << 0 << true << "=++";
}

void TestUiModels::diff()
{
    QFETCH(std::vector<Row>, current);
    QFETCH(std::vector<Row>, previous);
    QFETCH(int, keyWidth);
    QFETCH(bool, listRemoved);
    QFETCH(QString, expected);
    QCOMPARE(statuses(diffRows(current, previous, static_cast<std::size_t>(keyWidth), listRemoved)), expected);
}

void TestUiModels::rowTableModel()
{
    RowTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto scenario = std::make_shared<const Scenario>();
    Schema schema;
    schema.fields = {Field{"window", DataType(TypeId::Window), std::nullopt, {}}, Field{"word", DataType(TypeId::String), std::nullopt, {}},
                     Field{"count", DataType(TypeId::Long), std::nullopt, {}}};
    const TimeRange w{12 * kMicrosPerHour, 12 * kMicrosPerHour + 10 * kMicrosPerMinute};
    model.setRows(schema, {{r({w, "dog", 2}), RowStatus::Changed}, {r({w, "owl", 1}), RowStatus::New}, {r({w, "cat", 1}), RowStatus::Removed}},
                  scenario);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("count"));
    QCOMPARE(model.data(model.index(0, 2)).toString(), QStringLiteral("2"));
    QCOMPARE(model.data(model.index(0, 0), RowTableModel::SparkTextRole).toString(), QStringLiteral("{1970-01-01 12:00:00, 1970-01-01 12:10:00}"));
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("+"));
    QCOMPARE(model.data(model.index(1, 0), RowTableModel::StatusRole).toInt(), static_cast<int>(RowStatus::New));
    QVERIFY(model.data(model.index(2, 1), Qt::FontRole).value<QFont>().strikeOut());
    QVERIFY(model.data(model.index(1, 1), Qt::BackgroundRole).isValid());
    QCOMPARE(model.numRowsWithStatus(RowStatus::Removed), 1);
    model.setRows(schema, {{r({w, "dog", 3}), RowStatus::Unchanged}}, scenario);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.data(model.index(0, 1), Qt::BackgroundRole).isValid());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

std::unique_ptr<ScenarioDocument> TestUiModels::openWordCount()
{
    auto doc = std::make_unique<ScenarioDocument>();
    auto sc = ScenarioDocument::load(QStringLiteral(":/scenarios/word-count-update.json"));
    if (!sc.ok())
        qFatal("cannot load the embedded example: %s", sc.error().describe().c_str());
    doc->setScenario(std::move(sc.value()), QString(), QStringLiteral("word-count-update.json"));
    return doc;
}

void TestUiModels::eventTableModelFollowsEdits()
{
    auto doc = openWordCount();
    EventTableModel model(doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.headerData(model.arrivalColumn(), Qt::Horizontal).toString(), QStringLiteral("arrives"));
    const int value = model.columnOf(QStringLiteral("value"));
    QVERIFY(value > 0);
    QCOMPARE(model.data(model.index(9, value)).toString(), QStringLiteral("donkey"));

    SourceEvent e = doc->scenario()->sources[0].events[0];
    e.row[1] = Value("emu");
    doc->undoStack()->push(new AddEventCommand(doc.get(), {0, 2}, e));
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.data(model.index(2, value)).toString(), QStringLiteral("emu"));
    doc->undoStack()->push(new DeleteEventsCommand(doc.get(), {0, 5, 9}));
    QCOMPARE(model.rowCount(), 8);
    doc->undoStack()->push(new DeleteEventsCommand(doc.get(), {1, 2}));
    QCOMPARE(model.rowCount(), 6);
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.data(model.index(9, value)).toString(), QStringLiteral("donkey"));
    doc->undoStack()->redo();
    QCOMPARE(model.data(model.index(2, value)).toString(), QStringLiteral("emu"));
}

void TestUiModels::eventTableModelEditsCells()
{
    auto doc = openWordCount();
    EventTableModel model(doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy rejected(&model, &EventTableModel::editRejected);
    const int value = model.columnOf(QStringLiteral("value"));
    const int time = model.columnOf(QStringLiteral("timestamp"));
    QVERIFY(model.flags(model.index(0, value)) & Qt::ItemIsEditable);
    QVERIFY(model.setData(model.index(0, value), QStringLiteral("cat")));
    QCOMPARE(model.data(model.index(0, value)).toString(), QStringLiteral("cat"));
    QVERIFY(model.setData(model.index(0, time), QStringLiteral("12:01:30")));
    QCOMPARE(model.data(model.index(0, time)).toString(), QStringLiteral("12:01:30"));
    QVERIFY(model.setData(model.index(0, model.arrivalColumn()), QStringLiteral("12:02")));
    QCOMPARE(model.data(model.index(0, model.arrivalColumn())).toString(), QStringLiteral("12:02:00"));
    QVERIFY(!model.setData(model.index(0, time), QStringLiteral("not a time")));
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(doc->undoStack()->count(), 3);
    doc->undoStack()->undo();
    QCOMPARE(model.data(model.index(0, model.arrivalColumn())).toString(), QStringLiteral("12:07:30"));
    QVERIFY(doc->isModified());
}

void TestUiModels::eventTableModelShowsFates()
{
    auto doc = openWordCount();
    EventTableModel model(doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const SnapshotPtr snap = buildSnapshot(doc->scenario(), 1);
    const int fate = model.fateColumn();
    const int batch = model.batchColumn();
    QCOMPARE(model.headerData(fate, Qt::Horizontal).toString(), QStringLiteral("fate"));
    model.setView(ViewState::at(snap, 3));
    QCOMPARE(model.data(model.index(9, fate)).toString(), QStringLiteral("dropped (late)"));
    QCOMPARE(model.data(model.index(9, batch)).toInt(), 3);
    QCOMPARE(model.data(model.index(3, fate)).toString(), QStringLiteral("late, accepted"));
    QCOMPARE(model.data(model.index(9, 0), EventTableModel::PendingRole).toBool(), false);
    // At batch 1 the donkey has not arrived yet.
    model.setView(ViewState::at(snap, 1));
    QCOMPARE(model.data(model.index(9, 0), EventTableModel::PendingRole).toBool(), true);
    // A snapshot of another version of the scenario shows no fates rather than wrong ones.
    doc->undoStack()->push(new DeleteEventsCommand(doc.get(), {0}));
    QVERIFY(!model.data(model.index(0, fate)).isValid());
}

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
