// SPDX-License-Identifier: GPL-3.0-or-later
// Pages updated step after step (batches stepped, events edited, another scenario opened, a
// mode shown behind the switcher only when picked) show exactly what pages built afresh for
// the last view show: the output mode columns and the state panel.
#include "TestSupport.h"
#include "engine/exec/EventTime.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/compute/Snapshot.h"
#include "ui/compute/ViewState.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/ColumnRows.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;
using tidemark::test::dumpModel;

namespace {

std::shared_ptr<const Scenario> load(const QString& file)
{
    auto sc = loadScenarioFile((QStringLiteral(TIDEMARK_SCENARIOS "/") + file).toStdString());
    if (!sc.ok())
        qFatal("%s: %s", qPrintable(file), sc.error().describe().c_str());
    return std::make_shared<const Scenario>(std::move(sc.value()));
}

/// `scenario` with its event `event` (of the first source) arriving `shift` later, event time too.
std::shared_ptr<const Scenario> moved(const Scenario& scenario, std::size_t event, Micros shift)
{
    Scenario sc = scenario;
    const auto column = eventTimeColumns(sc)[0];
    SourceEvent& e = sc.sources[0].events[event];
    e.at += shift;
    if (column && e.row[*column].isInt())
        e.row[*column] = Value(e.row[*column].asInt() + shift);
    return std::make_shared<const Scenario>(std::move(sc));
}

QStringList columnText(const OutputModeColumn& c)
{
    QStringList text{c.showsError() ? c.errorText() : QString(), c.sinkLabel()->text(), c.resultLabel()->text()};
    text << dumpModel(*c.sinkModel()) << QStringLiteral("--") << dumpModel(*c.resultModel());
    return text;
}

QStringList stateText(const StatePanel& p)
{
    QStringList text{QString::number(p.numOperatorSections())};
    for (int k = 0; k < p.numOperatorSections(); ++k)
        text << p.operatorTitle(k)->text() << dumpModel(*p.operatorModel(k));
    return text;
}

/// The views a session goes through: steps over the batches, edits of an event, another file.
std::vector<ViewState> session()
{
    std::vector<ViewState> views;
    const auto chain = load(QStringLiteral("chained-window-aggregation.json"));
    const auto words = load(QStringLiteral("word-count-update.json"));
    SnapshotPtr snap = buildSnapshot(words, 1);
    for (int b = 0; b < ViewState::at(snap, 0).numBatches(); ++b)
        views.push_back(ViewState::at(snap, b));
    auto edited = words;
    for (int i = 0; i < 3; ++i) {
        edited = moved(*edited, 2, 40 * kMicrosPerSecond);
        snap = buildSnapshot(edited, static_cast<std::uint64_t>(2 + i));
        views.push_back(ViewState::at(snap, ViewState::at(snap, 0).numBatches() - 1));
        views.push_back(ViewState::at(snap, 2));
    }
    snap = buildSnapshot(chain, 10);
    for (int b = ViewState::at(snap, 0).numBatches() - 1; b >= 0; b -= 3)
        views.push_back(ViewState::at(snap, b));
    views.push_back(ViewState::at(buildSnapshot(words, 11), 3));
    return views;
}

/// True when both list the same rows with the same marks, in the same order.
bool sameRows(const std::vector<MarkedRow>& a, const std::vector<MarkedRow>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const MarkedRow& x, const MarkedRow& y) { return x.row == y.row && x.status == y.status && x.againOf == y.againOf; });
}

/// The dots of the plot's layer of marks (the selected event first, then the predicted drops).
QList<QPointF> marks(EventTimePlot& plot)
{
    QList<QPointF> out;
    auto* canvas = plot.findChild<QCustomPlot*>();
    for (QCPLayerable* l : canvas->layer(QStringLiteral("marks"))->children())
        if (auto* g = qobject_cast<QCPGraph*>(l))
            for (const QCPGraphData& d : *g->data())
                out << QPointF(d.key, d.value);
    return out;
}

} // namespace

class TestPageUpdates : public QObject
{
    Q_OBJECT
private slots:
    /// Side by side and behind the switcher (where only the mode picked is built on each
    /// step), every column shows what a column built for the last view alone shows.
    void modeColumnsSameAsFresh_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("side by side") << 1600;
        QTest::newRow("behind the switcher") << 420;
    }

    void modeColumnsSameAsFresh()
    {
        QFETCH(int, width);
        ModeColumnsPage page;
        page.resize(width, 500);
        page.show();
        const std::vector<ViewState> views = session();
        std::size_t step = 0;
        for (const ViewState& v : views) {
            page.setView(v);
            if (page.isSwitched() && ++step % 4 == 0) // the class looks at another mode now and then
                page.showMode(static_cast<OutputMode>(step / 4 % 3));
            for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
                OutputModeColumn fresh(m);
                fresh.setView(v);
                QCOMPARE(columnText(*page.column(m)), columnText(fresh));
            }
        }
        if (width < 1000)
            QVERIFY2(page.isSwitched(), "the narrow page shows one mode at a time");
    }

    /// The same columns again: only the row that differs is announced, the rest stays; other
    /// columns reset the table.
    void sameColumnsUpdateOnlyChangedRows()
    {
        const auto scenario = load(QStringLiteral("word-count-update.json"));
        Schema schema;
        schema.fields.push_back(Field{"word", DataType(TypeId::String), std::nullopt, {}});
        schema.fields.push_back(Field{"count", DataType(TypeId::Long), std::nullopt, {}});
        const auto rows = [](std::int64_t dogs, int n) {
            std::vector<MarkedRow> out{{Row{Value(std::string("cat")), Value(std::int64_t{1})}, RowStatus::Unchanged},
                                       {Row{Value(std::string("dog")), Value(dogs)}, RowStatus::Changed},
                                       {Row{Value(std::string("owl")), Value(std::int64_t{4})}, RowStatus::Unchanged}};
            out.resize(static_cast<std::size_t>(n));
            return out;
        };
        RowTableModel model;
        model.setRows(schema, rows(2, 3), scenario);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setRows(schema, rows(3, 3), scenario);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().row(), 1);
        QCOMPARE(changed[0][1].toModelIndex().row(), 1);
        QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("3"));
        model.setRows(schema, rows(3, 2), scenario);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        Schema other = schema;
        other.fields[1].name = "n";
        model.setRows(other, rows(3, 2), scenario);
        QCOMPARE(resets.size(), 1);
    }

    /// The complete snapshot after a preview shares the preview's run of the mode the plot
    /// follows: the plot is not redrawn for it, but is for another batch.
    void plotSkipsTheSameDrawing()
    {
        const SnapshotPtr preview = buildPreview(load(QStringLiteral("word-count-update.json")), 1);
        const SnapshotPtr complete = completeSnapshot(*preview);
        EventTimePlot plot;
        plot.resize(600, 400);
        plot.show();
        auto* canvas = plot.findChild<QCustomPlot*>();
        QVERIFY(canvas);
        QSignalSpy replots(canvas, &QCustomPlot::afterReplot);
        plot.setView(ViewState::at(preview, 2));
        QTRY_VERIFY(replots.size() > 0); // its queued replot
        QTest::qWait(50);                 // and any the first show adds
        replots.clear();
        plot.setView(ViewState::at(complete, 2));
        QTest::qWait(50); // a queued replot would run meanwhile
        QCOMPARE(replots.size(), 0);
        plot.setView(ViewState::at(complete, 3));
        QTRY_COMPARE(replots.size(), 1);
    }

    /// A complete snapshot comes with every mode's column rows at the batch the window shows
    /// (the driving mode's batch there, and each other mode's last batch at or before its
    /// trigger), equal to those built for that batch; a column shows the same from them.
    void columnsPreparedWithTheSnapshot_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("position");
        for (const char* file : {"word-count-update.json", "chained-window-aggregation.json", "sliding-with-watermark.json"})
            for (int position : {0, 2, 1000}) // the first batch, a middle one, past the end (clamped to the last)
                QTest::newRow(QByteArray(file).append(" at ").append(QByteArray::number(position)).constData())
                    << QString::fromLatin1(file) << position;
    }

    void columnsPreparedWithTheSnapshot()
    {
        QFETCH(QString, file);
        QFETCH(int, position);
        const SnapshotPtr preview = buildPreview(load(file), 1);
        const ColumnJob job{[](const ModeRun& run, std::size_t index) { return std::make_shared<const ColumnRows>(columnRows(run, index)); },
                            position};
        const SnapshotPtr prepared = completeSnapshot(*preview, nullptr, &job);
        const SnapshotPtr plain = completeSnapshot(*preview);
        const ViewState view = ViewState::at(prepared, position);
        QVERIFY(view.hasBatch());
        int preparedModes = 0;
        for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
            const auto& rows = prepared->columns[static_cast<std::size_t>(m)];
            const int index = view.batchIn(m);
            if (prepared->run(m).error || index < 0) {
                QVERIFY2(!rows, outputModeName(m));
                continue;
            }
            QVERIFY2(rows, outputModeName(m));
            ++preparedModes;
            QCOMPARE(static_cast<int>(rows->index), index);
            const ColumnRows built = columnRows(prepared->run(m), static_cast<std::size_t>(index));
            QVERIFY(sameRows(rows->sink, built.sink));
            QVERIFY(sameRows(rows->table, built.table));
            QCOMPARE(rows->numResultRows, built.numResultRows);
            OutputModeColumn fromPrepared(m), fromRun(m);
            fromPrepared.setView(view);
            fromRun.setView(ViewState::at(plain, position));
            QCOMPARE(columnText(fromPrepared), columnText(fromRun));
        }
        QVERIFY(preparedModes >= 1);
        QVERIFY2(!plain->columns[0] && !plain->columns[1] && !plain->columns[2], "no job, nothing prepared");
    }

    /// The selection and the predicted drops sent again unchanged (the window does with each
    /// view) do not redraw the plot; a new view moves their marks to the dots' new places.
    void marksSentAgainDoNotReplot()
    {
        const auto words = load(QStringLiteral("word-count-update.json"));
        const SnapshotPtr before = buildSnapshot(words, 1);
        const SnapshotPtr after = buildSnapshot(moved(*words, 2, 40 * kMicrosPerSecond), 2);
        EventTimePlot plot;
        plot.resize(600, 400);
        plot.show();
        auto* canvas = plot.findChild<QCustomPlot*>();
        QSignalSpy replots(canvas, &QCustomPlot::afterReplot);
        plot.setView(ViewState::at(before, 100));
        plot.setSelectedEvent(2);
        plot.setPredictedDrops({3});
        QTRY_VERIFY(replots.size() > 0);
        for (int i = 0; i < 20 && !replots.isEmpty(); ++i) { // until the first show's layout settles
            replots.clear();
            QTest::qWait(100);
        }
        QCOMPARE(replots.size(), 0);
        const QList<QPointF> first = marks(plot);
        QCOMPARE(first.size(), 2);
        plot.setSelectedEvent(2);
        plot.setPredictedDrops({3});
        QTest::qWait(50);
        QCOMPARE(replots.size(), 0);
        plot.setView(ViewState::at(after, 100));
        QTRY_VERIFY(replots.size() > 0);
        const QList<QPointF> moved = marks(plot);
        QCOMPARE(moved.size(), 2);
        QCOMPARE(moved[0].x(), first[0].x() + 40); // the selected event arrived 40 s later
        QCOMPARE(moved[1], first[1]);              // the other did not move
        plot.setSelectedEvent(std::nullopt);
        QTRY_COMPARE(marks(plot).size(), 1);
    }

    /// The state panel stepped through the session shows what a new panel shows.
    void stateSameAsFresh()
    {
        StatePanel panel;
        panel.resize(500, 700);
        panel.show();
        for (const ViewState& v : session()) {
            panel.setView(v);
            StatePanel fresh;
            fresh.setView(v);
            QCOMPARE(stateText(panel), stateText(fresh));
        }
    }
};

QTEST_MAIN(TestPageUpdates)
#include "tst_pageupdates.moc"
