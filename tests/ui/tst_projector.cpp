// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a teacher projects it: every shipped scenario laid out at a projector's
// 1024x768 and 1280x720, in normal and presentation mode, at its first, middle and last batch;
// the keys a presenter uses; the "Why?" bubble following the view. Set TIDEMARK_TEST_SHOTS=DIR
// to save what each layout looks like, for a person to check.
#include "TestSupport.h"

#include "ui/MainWindow.h"
#include "ui/compute/RecomputeService.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/i18n/Language.h"
#include "ui/inspector/InspectorBubble.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/BatchControls.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/QueryPanel.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"
#include "ui/widgets/ElidedLabel.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

QString describe(const QWidget* w) { return QStringLiteral("%1 %2x%3").arg(w->objectName()).arg(w->width()).arg(w->height()); }

/// True when `w` is shown whole inside `window` (not cut by its edges).
bool insideWindow(const QWidget* w, const QWidget* window)
{
    const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
    return w->isVisible() && window->rect().contains(r);
}

/// The toolbar's » button, shown when its actions do not fit.
bool toolbarOverflows(const QToolBar* bar)
{
    for (const auto* b : bar->findChildren<QToolButton*>(QStringLiteral("qt_toolbar_ext_button")))
        if (b->isVisible())
            return true;
    return false;
}

/// Every column at least as wide as its header and cells need ("coun", "windov", "…" fail this).
void verifyHeadersWhole(const QTableView* table)
{
    const QHeaderView* h = table->horizontalHeader();
    for (int i = 0; i < h->count(); ++i) {
        if (h->isSectionHidden(i))
            continue;
        const int hint = std::max(h->sectionSizeHint(i), static_cast<const QAbstractItemView*>(table)->sizeHintForColumn(i));
        QVERIFY2(h->sectionSize(i) >= hint, qPrintable(QStringLiteral("%1 column %2: %3 < %4").arg(table->objectName()).arg(i).arg(h->sectionSize(i)).arg(hint)));
    }
}

} // namespace

class TestProjector : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fitsAProjector_data();
    void fitsAProjector();
    void leavingPresentationRefitsColumns();
    void clickerStepsWhateverHasFocus();
    void redoHasBothShortcuts();
    void whyBubbleFollowsTheViewAndEscCloses();
    void headerNamesTheModeShown();
    void longMessageDoesNotWidenTheWindow();
    void windowsSharingADateShowTheirTimes();
    void eachOperatorsStateShowsSeveralRows();

private:
    void open(const QString& path, QSize size);
    void waitUpToDate() { QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 20000); }
    void shot(const QString& name);
    void verifyLayout(QSize size);

    std::unique_ptr<MainWindow> m_window;
};

void TestProjector::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_projector"));
}

void TestProjector::init() { m_window = std::make_unique<MainWindow>(); }

void TestProjector::cleanup()
{
    setLanguage(Language::English);
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestProjector::open(const QString& path, QSize size)
{
    m_window->files()->setInteractive(false);
    m_window->resize(size);
    QVERIFY(m_window->files()->openFile(path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitUpToDate();
}

void TestProjector::shot(const QString& name)
{
    tidemark::test::saveShot(*m_window, name);
}

void TestProjector::verifyLayout(QSize size)
{
    // Deferred dock sizes and header rows settle within a few event-loop passes.
    BatchControls* controls = m_window->batchControls();
    const auto settled = [this, controls] {
        for (auto* combo : controls->findChildren<QComboBox*>())
            if (combo->width() < combo->sizeHint().width())
                return false;
        for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
            const QLabel* title = m_window->modeColumns()->column(m)->titleLabel();
            if (title->isVisible() && title->width() < title->sizeHint().width())
                return false;
        }
        return controls->label()->width() >= controls->label()->sizeHint().width();
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 2000);
    // The window never resizes itself, and could not be asked to be larger than the screen.
    QCOMPARE(m_window->size(), size);
    const QSize minimum = m_window->minimumSizeHint();
    QVERIFY2(minimum.width() <= size.width() && minimum.height() <= size.height(),
             qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));

    // The batch controls and the readout: whole, never in the toolbar's overflow.
    QVERIFY2(insideWindow(controls, m_window.get()), qPrintable(describe(controls)));
    for (auto* b : controls->findChildren<QToolButton*>())
        QVERIFY2(insideWindow(b, m_window.get()), qPrintable(describe(b)));
    QVERIFY(insideWindow(controls->slider(), m_window.get()));
    QVERIFY2(controls->label()->width() >= controls->label()->sizeHint().width(),
             qPrintable(QStringLiteral("%1: %2 < %3 in %4 (hint %5, min %6)")
                            .arg(controls->label()->text())
                            .arg(controls->label()->width())
                            .arg(controls->label()->sizeHint().width())
                            .arg(controls->width())
                            .arg(controls->sizeHint().width())
                            .arg(controls->minimumSizeHint().width())));
    for (auto* combo : controls->findChildren<QComboBox*>())
        QVERIFY2(combo->width() >= combo->sizeHint().width(), qPrintable(combo->currentText()));
    QVERIFY(!toolbarOverflows(m_window->mainToolBar()));

    // The plot is the largest thing on screen.
    EventTimePlot* plot = m_window->plot();
    QVERIFY2(plot->width() >= 360 && plot->height() >= 220, qPrintable(describe(plot)));
    // ... and its data area, not only its widget: a legend must not squeeze the axes.
    plot->replotNow(); // QCustomPlot lays out its axes when it draws; a queued replot may be pending
    const QRect data = plot->customPlot()->axisRect()->rect();
    QVERIFY2(data.width() >= plot->width() / 2 && data.height() >= plot->height() / 2,
             qPrintable(QStringLiteral("data area %1x%2 in %3").arg(data.width()).arg(data.height()).arg(describe(plot))));
    const int plotArea = plot->width() * plot->height();
    for (auto* dock : m_window->findChildren<QDockWidget*>())
        if (dock->isVisible())
            QVERIFY2(dock->width() * dock->height() < plotArea, qPrintable(describe(dock) + QStringLiteral(" vs ") + describe(plot)));
    ModeColumnsPage* modes = m_window->modeColumns();
    QVERIFY2(modes->width() * modes->height() < plotArea, qPrintable(describe(modes) + QStringLiteral(" vs ") + describe(plot)));

    // The modes are readable: side by side only when every table column fits, else switched.
    QVERIFY2(modes->isSwitched() || modes->width() >= modes->sideBySideWidth(),
             qPrintable(QStringLiteral("%1 < %2").arg(modes->width()).arg(modes->sideBySideWidth())));
    int shown = 0;
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
        OutputModeColumn* c = modes->column(m);
        if (!c->isVisible())
            continue;
        ++shown;
        if (c->titleLabel()->isVisible())
            QVERIFY2(c->titleLabel()->width() >= c->titleLabel()->sizeHint().width(), qPrintable(c->titleLabel()->text()));
        if (!c->showsError()) {
            QVERIFY2(c->resultView()->height() >= 2 * c->resultView()->verticalHeader()->defaultSectionSize(), qPrintable(describe(c->resultView())));
            verifyHeadersWhole(c->resultView());
            verifyHeadersWhole(c->sinkView());
        }
    }
    QCOMPARE(shown, modes->isSwitched() ? 1 : 3);
    if (m_window->statePanel()->isVisible() && m_window->statePanel()->hasContent())
        verifyHeadersWhole(m_window->statePanel()->view());
}

void TestProjector::fitsAProjector_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<bool>("korean");
    for (const QString& path : FileController::examples())
        for (QSize size : {QSize(1024, 768), QSize(1280, 720)})
            for (bool presentation : {false, true})
                for (bool korean : {false, true})
                    QTest::addRow("%s %dx%d%s%s", qPrintable(QFileInfo(path).completeBaseName()), size.width(), size.height(),
                                  presentation ? " presentation" : "", korean ? " ko" : "")
                        << path << size << presentation << korean;
}

void TestProjector::fitsAProjector()
{
    QFETCH(QString, path);
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QFETCH(bool, korean);
    setLanguage(korean ? Language::Korean : Language::English); // Korean labels are often wider
    open(path, size);
    if (presentation)
        m_window->setPresentation(true);
    const int count = m_window->cursor()->count();
    const QString name = QFileInfo(path).completeBaseName() + QStringLiteral("-%1x%2").arg(size.width()).arg(size.height()) +
                         (presentation ? QStringLiteral("-present") : QString()) + (korean ? QStringLiteral("-ko") : QString());
    for (int batch : {0, count / 2, count - 1}) {
        m_window->cursor()->setPosition(batch);
        waitUpToDate();
        verifyLayout(size);
        if (QTest::currentTestFailed())
            return;
    }
    shot(name);
}

void TestProjector::leavingPresentationRefitsColumns()
{
    open(FileController::defaultExample(), QSize(1280, 720));
    QTableView* result = m_window->modeColumns()->column(OutputMode::Update)->resultView();
    const int before = result->horizontalHeader()->length();
    m_window->setPresentation(true);
    QTest::qWait(20);
    const int presenting = result->horizontalHeader()->length();
    QVERIFY2(presenting > before, qPrintable(QStringLiteral("%1 vs %2").arg(presenting).arg(before)));
    verifyHeadersWhole(result);
    m_window->setPresentation(false);
    QTest::qWait(20);
    QCOMPARE(result->horizontalHeader()->length(), before); // not left too wide
}

void TestProjector::clickerStepsWhateverHasFocus()
{
    open(FileController::defaultExample(), QSize(1024, 768));
    BatchCursor* cursor = m_window->cursor();
    cursor->setPosition(1);
    // PageDown from the events table (a clicker), arrows from the read-only state table.
    auto* events = m_window->findChild<QTableView*>(QStringLiteral("eventsTable"));
    QVERIFY(events);
    events->parentWidget()->show();
    m_window->findChild<QDockWidget*>(QStringLiteral("eventsDock"))->raise();
    events->setFocus();
    QTRY_VERIFY(events->hasFocus());
    QTest::keyClick(events, Qt::Key_PageDown);
    QCOMPARE(cursor->position(), 2);
    QTest::keyClick(events, Qt::Key_PageUp);
    QCOMPARE(cursor->position(), 1);
    QTableView* state = m_window->statePanel()->view();
    state->setFocus();
    QTRY_VERIFY(state->hasFocus());
    QTest::keyClick(state, Qt::Key_Right);
    QCOMPARE(cursor->position(), 2);
    QTest::keyClick(state, Qt::Key_Home);
    QCOMPARE(cursor->position(), 0);
    // While typing a value the keys are the field's.
    QLineEdit* delay = m_window->queryPanel()->watermarkDelayEdit();
    m_window->findChild<QDockWidget*>(QStringLiteral("queryDock"))->raise();
    delay->setFocus();
    QTRY_VERIFY(delay->hasFocus());
    QTest::keyClick(delay, Qt::Key_PageDown);
    QTest::keyClick(delay, Qt::Key_Right);
    QCOMPARE(cursor->position(), 0);
    // Esc gives the keyboard back to the plot, where the arrows step again.
    QTest::keyClick(delay, Qt::Key_Escape);
    QTRY_VERIFY(m_window->plot()->canvas()->hasFocus());
    QTest::keyClick(m_window->plot()->canvas(), Qt::Key_Right);
    QCOMPARE(cursor->position(), 1);
}

void TestProjector::redoHasBothShortcuts()
{
    open(FileController::defaultExample(), QSize(1024, 768));
    QUndoStack* stack = m_window->document()->undoStack();
    QVERIFY(m_window->addEventAt(m_window->document()->scenario()->sources[0].events[0].at, m_window->document()->scenario()->sources[0].events[0].at));
    waitUpToDate();
    for (const QKeyCombination redo : {QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z), QKeyCombination(Qt::ControlModifier, Qt::Key_Y)}) {
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stack->index(), 0);
        QTest::keyClick(m_window.get(), redo.key(), redo.keyboardModifiers());
        QCOMPARE(stack->index(), 1);
    }
}

void TestProjector::whyBubbleFollowsTheViewAndEscCloses()
{
    open(FileController::defaultExample(), QSize(1024, 768));
    m_window->cursor()->toLast();
    waitUpToDate();
    // The last event (the donkey) is dropped at the last batch; one batch earlier it has not arrived.
    const std::uint32_t event = 9;
    EventTimePlot* plot = m_window->plot();
    const auto& e = m_window->document()->scenario()->sources[0].events[event];
    const QPoint pos = plot->pixelFor(e.at, e.row[0].asInt()).toPoint();
    QCOMPARE(plot->eventAt(pos), std::optional<std::uint32_t>(event));
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, pos);
    InspectorBubble* bubble = m_window->inspector();
    QTRY_VERIFY(bubble->isVisible());
    const QString atLast = bubble->text();
    // Inside the plot: it covers neither the tables nor runs off the window.
    const QRect r(bubble->mapTo(m_window.get(), QPoint(0, 0)), bubble->size());
    const QRect plotRect(plot->mapTo(m_window.get(), QPoint(0, 0)), plot->size());
    QVERIFY2(plotRect.contains(r), qPrintable(QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())));
    m_window->cursor()->stepBack();
    waitUpToDate();
    QVERIFY(bubble->isVisible());
    QVERIFY2(bubble->text() != atLast, qPrintable(bubble->text()));
    // Esc closes it wherever the focus is.
    m_window->statePanel()->view()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!bubble->isVisible());
}

void TestProjector::headerNamesTheModeShown()
{
    open(FileController::defaultExample(), QSize(1024, 768));
    QVERIFY(m_window->shownTitle().contains(QStringLiteral("(update mode)")));
    QComboBox* mode = m_window->queryPanel()->outputModeBox();
    mode->setCurrentIndex(mode->findText(QStringLiteral("append")));
    waitUpToDate();
    QVERIFY2(m_window->shownTitle().contains(QStringLiteral("(append mode)")), qPrintable(m_window->shownTitle()));
}

void TestProjector::longMessageDoesNotWidenTheWindow()
{
    open(FileController::defaultExample(), QSize(1024, 768));
    auto* readout = m_window->findChild<ElidedLabel*>(QStringLiteral("statusWatermark"));
    QVERIFY(readout);
    QTRY_VERIFY(!readout->fullText().isEmpty() && !readout->isElided());
    m_window->showMessage(QString(400, QLatin1Char('x')), 0);
    QTest::qWait(20);
    QCOMPARE(m_window->size(), QSize(1024, 768));
    QVERIFY(!readout->isElided()); // the readout keeps its room: not covered, not cut
    // A message about the previous file does not stay after opening another.
    QVERIFY(m_window->files()->openFile(FileController::defaultExample()));
    QVERIFY(m_window->statusMessage().isEmpty());
}

void TestProjector::windowsSharingADateShowTheirTimes()
{
    auto sc = std::make_shared<Scenario>();
    sc->date = CivilDate{2021, 7, 3}; // the scenario's date; the windows below are on another
    const Micros day = daysFromCivil(2018, 3, 1) * 86400 * kMicrosPerSecond;
    Schema schema;
    schema.fields.push_back(Field{"window", DataType(TypeId::Window), std::nullopt, {}});
    schema.fields.push_back(Field{"count", DataType(TypeId::Long), std::nullopt, {}});
    const auto window = [&](int minute) {
        return Value(TimeRange{day + minute * 60 * kMicrosPerSecond, day + (minute + 5) * 60 * kMicrosPerSecond});
    };
    RowTableModel model;
    model.setRows(schema, {{{window(0), Value(std::int64_t{1})}, RowStatus::New}, {{window(5), Value(std::int64_t{2})}, RowStatus::New}}, sc);
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("00:00\u201300:05"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("window (2018-03-01)"));
    QVERIFY(model.data(model.index(0, 0), RowTableModel::SparkTextRole).toString().contains(QStringLiteral("2018-03-01 00:00:00")));
    // Windows on two dates keep their dates.
    model.setRows(schema, {{{window(0), Value(std::int64_t{1})}, RowStatus::New}, {{window(60 * 24), Value(std::int64_t{2})}, RowStatus::New}}, sc);
    QVERIFY(model.data(model.index(0, 0)).toString().startsWith(QStringLiteral("2018-03-01 ")));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("window"));
}

/// three-stream-join.json at 1024x768: the one-column layout gives the state most of its
/// column, and the tables most of the state pane, so each join's table shows four rows (one
/// row each, with a scroll bar, was all the room they had).
void TestProjector::eachOperatorsStateShowsSeveralRows()
{
    open(QStringLiteral(TIDEMARK_SCENARIOS "/three-stream-join.json"), QSize(1024, 768));
    QTRY_VERIFY(m_window->statePanel()->numOperatorSections() == 2);
    for (int k = 0; k < 2; ++k) {
        const QTableView* table = m_window->statePanel()->operatorView(k);
        QVERIFY(table && table->isVisible());
        QTRY_VERIFY2(table->viewport()->height() >= 4 * table->verticalHeader()->defaultSectionSize(),
                     qPrintable(QStringLiteral("operator %1: %2 px").arg(k + 1).arg(table->viewport()->height())));
    }
    shot(QStringLiteral("three-stream-join-state-1024x768"));
}

QTEST_MAIN(TestProjector)
#include "tst_projector.moc"
