// SPDX-License-Identifier: GPL-3.0-or-later
// A typo in the query panel must not freeze the laptop: the refusal shows in the panel at
// once, a slow recompute shows its progress and can be cancelled, and the panel's notes name
// the query's real operators.
#include "ui/compute/ComputeStatus.h"
#include "ui/compute/RecomputeService.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/pages/QueryPanel.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

class TestQueryLimits : public QObject
{
    Q_OBJECT
private slots:
    void aWindowTypoIsRefusedInThePanel();
    void aStateBudgetTypoIsRefusedInThePanel();
    void noteNamesDropDuplicatesWithinWatermark();
    void statusShowsProgressAndCancelEndsIt();

private:
    static void open(ScenarioDocument& doc, const char* name);
};

void TestQueryLimits::open(ScenarioDocument& doc, const char* name)
{
    auto sc = ScenarioDocument::load(QStringLiteral(":/scenarios/") + QLatin1String(name));
    if (!sc.ok())
        qFatal("cannot load %s", name);
    doc.setScenario(std::move(sc.value()), QString(), QLatin1String(name), false);
}

void TestQueryLimits::aWindowTypoIsRefusedInThePanel()
{
    ScenarioDocument doc;
    open(doc, "word-count-update.json");
    QueryPanel panel(&doc);
    auto* duration = panel.findChild<QLineEdit*>(QStringLiteral("windowDurationEdit"));
    QVERIFY(duration);
    QVERIFY(panel.errorText().isEmpty());
    // "1000 days" for "10 minutes", the slide still 5 minutes: 288,000 windows per row.
    duration->setText(QStringLiteral("1000 days"));
    emit duration->editingFinished();
    QVERIFY2(panel.errorText().contains(QStringLiteral("puts every row in 288000 windows")), qPrintable(panel.errorText()));
    QVERIFY2(panel.errorText().contains(QStringLiteral("Make the slide at least 1 day")), qPrintable(panel.errorText()));
    QVERIFY2(panel.errorText().contains(QStringLiteral("query.groupBy[0].window.duration")), qPrintable(panel.errorText()));
    QVERIFY(duration->property("sparkError").toBool());
    // Past Int.MaxValue days Spark itself rejects the interval.
    duration->setText(QStringLiteral("99999999999999 days"));
    emit duration->editingFinished();
    QVERIFY2(panel.errorText().contains(QStringLiteral("Unable to parse '99999999999999 days'")),
             qPrintable(panel.errorText()));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(panel.errorText().isEmpty());
}

void TestQueryLimits::aStateBudgetTypoIsRefusedInThePanel()
{
    // 5000 rows, each in 1000 windows once the slide is typed as "1 minute": five million
    // groups of state. The panel refuses it from the estimate, before any simulation starts.
    ScenarioDocument doc;
    open(doc, "word-count-update.json");
    Scenario many = *doc.scenario();
    auto& events = many.sources[0].events;
    const SourceEvent first = events.front();
    events.assign(5'000, first);
    for (std::size_t i = 0; i < events.size(); ++i)
        events[i].row[0] = Value(first.row[0].asInt() + static_cast<Micros>(i) * kMicrosPerSecond);
    doc.setScenario(std::move(many), QString(), QStringLiteral("many.json"), false);
    QueryPanel panel(&doc);
    auto* duration = panel.findChild<QLineEdit*>(QStringLiteral("windowDurationEdit"));
    auto* slide = panel.findChild<QLineEdit*>(QStringLiteral("windowSlideEdit"));
    QVERIFY(duration && slide);
    duration->setText(QStringLiteral("1000 minutes"));
    emit duration->editingFinished();
    slide->setText(QStringLiteral("1 minute"));
    emit slide->editingFinished();
    QVERIFY2(panel.errorText().contains(QStringLiteral("over 5000 events would create about 5000000 groups of state")), qPrintable(panel.errorText()));
    QVERIFY2(panel.errorText().contains(QStringLiteral("Make the slide at least 5 minutes")), qPrintable(panel.errorText()));
    QVERIFY2(panel.errorText().contains(QStringLiteral("query.groupBy[0].window")), qPrintable(panel.errorText()));
}

void TestQueryLimits::noteNamesDropDuplicatesWithinWatermark()
{
    ScenarioDocument doc;
    open(doc, "dedup-within-watermark.json");
    QueryPanel panel(&doc);
    auto* note = panel.findChild<QLabel*>(QStringLiteral("queryShapeNote"));
    QVERIFY(note);
    QVERIFY2(note->text().contains(QStringLiteral("dropDuplicatesWithinWatermark")), qPrintable(note->text()));
    QVERIFY2(!note->text().contains(QStringLiteral("(dropDuplicates)")), qPrintable(note->text()));
}

void TestQueryLimits::statusShowsProgressAndCancelEndsIt()
{
    // Slow but within every limit: 200,000 rows arriving at once, each in 1000 windows, grouped
    // by the source's own column, which holds one value: a few thousand groups of state, within
    // WorkLimits::kMaxWindowGroups.
    ScenarioDocument doc;
    open(doc, "word-count-update.json");
    auto slow = std::make_shared<Scenario>(*doc.scenario());
    auto& events = slow->sources[0].events;
    const SourceEvent first = events.front();
    events.assign(200'000, first);
    for (std::size_t i = 0; i < events.size(); ++i)
        events[i].row[0] = Value(first.row[0].asInt() + static_cast<Micros>(i) * kMicrosPerSecond);
    (*slow->query.groupBy)[0].window.duration = "1000 minutes";
    (*slow->query.groupBy)[0].window.slide = "1 minute";
    slow->query.selectExpr.clear();
    (*slow->query.groupBy)[1].column = "value";

    QWidget window;
    RecomputeService service;
    auto* status = new ComputeStatus(&service, &window);
    QVERIFY(!status->isVisibleTo(&window));
    QVERIFY(!status->cancelAction()->isEnabled()); // Esc is free for others while idle
    service.request(slow);
    QVERIFY(status->cancelAction()->isEnabled());
    QTRY_VERIFY(status->isVisibleTo(&window));
    QVERIFY2(status->fullText().contains(QStringLiteral("Esc cancels")), qPrintable(status->fullText()));
    status->cancelAction()->trigger();
    QVERIFY(!service.isBusy());
    QVERIFY(!status->cancelAction()->isEnabled());
    QVERIFY2(status->fullText().contains(QStringLiteral("before the last edit")), qPrintable(status->fullText()));
    service.request(doc.scenario());
    QTRY_VERIFY(service.isIdle());
    QVERIFY(!status->isVisibleTo(&window)); // a current result needs no sign
}

QTEST_MAIN(TestQueryLimits)
#include "tst_querylimits.moc"
