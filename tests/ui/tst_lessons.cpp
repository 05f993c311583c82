// SPDX-License-Identifier: GPL-3.0-or-later
// A lesson in the real window: opening it, stepping with the buttons and a presenter's
// clicker keys, and the window following each step.
#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/lessons/LessonBar.h"
#include "ui/lessons/LessonController.h"
#include "ui/document/CellText.h"
#include "ui/i18n/Language.h"
#include "ui/classroom/ClassMode.h"
#include "ui/classroom/Prediction.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/plot/EventTimePlot.h"

#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace tidemark;
using namespace tidemark::ui;

class TestLessons : public QObject
{
    Q_OBJECT
private slots:
    void windowAndWatermarkHighlightsAreDrawn();
    void predictStepAsksThenTheNextStepReveals();
    void initTestCase();
    void init();
    void cleanup();

    void builtInLessonsAreListed();
    void openingShowsTheFirstStep();
    void buttonsStepAndTheWindowFollows();
    void clickerKeysStepLessonsNotBatches();
    void escapeClosesAndKeysStepBatchesAgain();
    void anotherFileClosesTheLesson();
    void helpMenuOpensALesson();
    void badLessonIsReported();
    void textFollowsTheLanguage();
    void barFitsItsTextOpenedBeforeShow();
    void iconIsCompiledIn();
    void presentationEnlargesTheText();

private:
    void waitUpToDate() { QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000); }
    LessonController* lessons() const { return m_window->lessons(); }
    std::unique_ptr<MainWindow> m_window;
};

void TestLessons::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lessons"));
}

void TestLessons::init()
{
    QLocale::setDefault(QLocale(QLocale::English));
    m_window = std::make_unique<MainWindow>();
    m_window->files()->setInteractive(false);
    QVERIFY(m_window->files()->openFile(FileController::defaultExample()));
    m_window->resize(1024, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitUpToDate();
}

void TestLessons::cleanup()
{
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestLessons::builtInLessonsAreListed()
{
    const QStringList ids = LessonLibrary::builtInIds();
    QVERIFY(ids.contains(QStringLiteral("append-no-output")));
    for (const QString& id : ids) {
        auto lesson = LessonLibrary::load(id);
        QVERIFY2(lesson.ok(), qPrintable(id + QStringLiteral(": ") + QString::fromStdString(lesson.ok() ? "" : lesson.error().describe())));
        QCOMPARE(QString::fromStdString(lesson->id), id);
    }
}

void TestLessons::predictStepAsksThenTheNextStepReveals()
{
    // late-not-dropped: step 2 asks which events batch 2 drops; step 3 tells.
    QVERIFY2(lessons()->open(QStringLiteral("late-not-dropped")), qPrintable(lessons()->lastError()));
    waitUpToDate();
    ClassMode* classMode = m_window->classMode();
    QVERIFY(!classMode->isOn());
    lessons()->next();
    waitUpToDate();
    QVERIFY(lessons()->currentStepPredicts());
    QTRY_VERIFY(classMode->isPredicting());
    QCOMPARE(m_window->cursor()->position(), 2);
    QVERIFY(classMode->current() && classMode->current()->asks(ui::PredictKind::Drops));
    QVERIFY(!classMode->current()->asks(ui::PredictKind::Sink));
    QCOMPARE(classMode->summary().batches, 0);
    lessons()->next();
    waitUpToDate();
    QTRY_VERIFY(!classMode->isPredicting());
    QCOMPARE(classMode->summary().batches, 1); // revealed and marked
    // The last step sums the class's predictions up: nothing picked as dropped in batch 2 was
    // right; the question of step 4 (batch 3) was skipped before it was put, so it is withdrawn.
    while (lessons()->currentStep() + 1 < lessons()->count())
        lessons()->next();
    waitUpToDate();
    QTRY_VERIFY(!classMode->isPredicting());
    QVERIFY2(lessons()->bar()->textLabel()->text().contains(QStringLiteral("The class's predictions: 1 of 1 right.")),
             qPrintable(lessons()->bar()->textLabel()->text()));
    // Another lesson starts a new count.
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    QCOMPARE(classMode->summary().asked, 0);
}

void TestLessons::windowAndWatermarkHighlightsAreDrawn()
{
    // append-no-output: step 2 points at the watermark, step 3 at the window 12:00-12:10.
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    waitUpToDate();
    EventTimePlot* plot = m_window->plot();
    QVERIFY(!plot->pointsAtWatermark() && !plot->pointedWindow());
    lessons()->next();
    QVERIFY(plot->pointsAtWatermark());
    lessons()->next();
    QVERIFY(!plot->pointsAtWatermark());
    QVERIFY(plot->pointedWindow().has_value());
    const Scenario& sc = *m_window->document()->scenario();
    QCOMPARE(timeText(plot->pointedWindow()->start, sc), QStringLiteral("12:00:00"));
    QCOMPARE(timeText(plot->pointedWindow()->end, sc), QStringLiteral("12:10:00"));
    lessons()->close();
    QVERIFY(!plot->pointedWindow());
}

void TestLessons::openingShowsTheFirstStep()
{
    QVERIFY(!lessons()->isOpen());
    QVERIFY(!lessons()->barArea()->isVisible());
    QSignalSpy steps(lessons(), &LessonController::stepChanged);
    QVERIFY2(lessons()->open(QStringLiteral("append-no-output")), qPrintable(lessons()->lastError()));
    waitUpToDate();
    QCOMPARE(steps.count(), 1);
    QCOMPARE(lessons()->currentStep(), 0);
    QCOMPARE(lessons()->count(), 7);
    QVERIFY(lessons()->barArea()->isVisible());
    QCOMPARE(lessons()->bar()->stepLabel()->text(), QStringLiteral("step 1 / 7"));
    QVERIFY(lessons()->bar()->textLabel()->text().startsWith(QStringLiteral("Batch 0 counts dog")));
    QVERIFY(!lessons()->bar()->backButton()->isEnabled());
    // The lesson's scenario, unmodified, at the step's batch.
    QCOMPARE(m_window->document()->displayName(), QStringLiteral("word-count-append.json"));
    QVERIFY(!m_window->document()->isModified());
    QCOMPARE(m_window->cursor()->position(), 0);
    QVERIFY(!lessons()->currentStepPredicts());
}

void TestLessons::buttonsStepAndTheWindowFollows()
{
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    waitUpToDate();
    QPushButton* next = lessons()->bar()->nextButton();
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::mouseClick(next, Qt::LeftButton);
    waitUpToDate();
    QCOMPARE(lessons()->currentStep(), 2);
    QCOMPARE(m_window->cursor()->position(), 2);
    QCOMPARE(m_window->view().batch, 2);
    QCOMPARE(lessons()->bar()->stepLabel()->text(), QStringLiteral("step 3 / 7"));
    QCOMPARE(m_window->plot()->selectedEvent(), std::nullopt);
    QTest::mouseClick(next, Qt::LeftButton); // step 4 highlights (12:08, dog), event 5
    waitUpToDate();
    QCOMPARE(m_window->plot()->selectedEvent(), std::optional<std::uint32_t>(5));
    QTest::mouseClick(next, Qt::LeftButton);
    waitUpToDate();
    QCOMPARE(m_window->cursor()->position(), 3);
    QCOMPARE(m_window->plot()->selectedEvent(), std::nullopt);
    QTest::mouseClick(lessons()->bar()->backButton(), Qt::LeftButton);
    waitUpToDate();
    QCOMPARE(lessons()->currentStep(), 3);
    QCOMPARE(m_window->cursor()->position(), 2);
    QCOMPARE(m_window->plot()->selectedEvent(), std::optional<std::uint32_t>(5));
    // The last step shows update mode at batch 0.
    lessons()->goTo(6);
    waitUpToDate();
    QCOMPARE(m_window->cursor()->position(), 0);
    QVERIFY(!lessons()->bar()->nextButton()->isEnabled());
    if (m_window->modeColumns()->isSwitched())
        QCOMPARE(m_window->modeColumns()->switcher()->currentIndex(), static_cast<int>(OutputMode::Update));
}

void TestLessons::clickerKeysStepLessonsNotBatches()
{
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    waitUpToDate();
    m_window->plot()->canvas()->setFocus();
    QTest::keyClick(m_window->plot()->canvas(), Qt::Key_PageDown);
    QCOMPARE(lessons()->currentStep(), 1);
    QTest::keyClick(m_window->plot()->canvas(), Qt::Key_PageDown);
    QCOMPARE(lessons()->currentStep(), 2);
    waitUpToDate();
    // One step, not a step and a batch: the batch is the step's.
    QCOMPARE(m_window->cursor()->position(), 2);
    QTest::keyClick(m_window->plot()->canvas(), Qt::Key_PageUp);
    QCOMPARE(lessons()->currentStep(), 1);
    waitUpToDate();
    QCOMPARE(m_window->cursor()->position(), 1);
    // From a read-only table too (a clicker does not care where the focus is).
    QWidget* anywhere = m_window->modeColumns();
    QTest::keyClick(anywhere, Qt::Key_PageDown);
    QCOMPARE(lessons()->currentStep(), 2);
}

void TestLessons::escapeClosesAndKeysStepBatchesAgain()
{
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    waitUpToDate();
    QSignalSpy closed(lessons(), &LessonController::closed);
    m_window->plot()->canvas()->setFocus();
    QTest::keyClick(m_window->plot()->canvas(), Qt::Key_Escape);
    QCOMPARE(closed.count(), 1);
    QVERIFY(!lessons()->isOpen());
    QTRY_VERIFY(!lessons()->barArea()->isVisible());
    // The clicker steps batches again.
    QCOMPARE(m_window->cursor()->position(), 0);
    QTest::keyClick(m_window->plot()->canvas(), Qt::Key_PageDown);
    QCOMPARE(m_window->cursor()->position(), 1);
    // The × closes too.
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    QVERIFY(lessons()->barArea()->isVisible());
    QTest::mouseClick(lessons()->bar()->closeButton(), Qt::LeftButton);
    QVERIFY(!lessons()->isOpen());
}

void TestLessons::anotherFileClosesTheLesson()
{
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    waitUpToDate();
    QVERIFY(m_window->files()->openFile(QStringLiteral(":/scenarios/tumbling-window.json")));
    QVERIFY(!lessons()->isOpen());
}

void TestLessons::helpMenuOpensALesson()
{
    QMenu* menu = m_window->menuBar()->findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    QVERIFY(menu);
    QAction* action = nullptr;
    for (QAction* a : menu->actions())
        if (a->data().toString() == QStringLiteral("append-no-output"))
            action = a;
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("Why append mode shows nothing yet"));
    action->trigger();
    QVERIFY(lessons()->isOpen());
    QCOMPARE(QString::fromStdString(lessons()->lesson()->id), QStringLiteral("append-no-output"));
}

void TestLessons::badLessonIsReported()
{
    QVERIFY(!lessons()->open(QStringLiteral("no-such-lesson")));
    QVERIFY(lessons()->lastError().contains(QStringLiteral("no-such-lesson")));
    QVERIFY(!lessons()->isOpen());
    QCOMPARE(m_window->document()->displayName(), QStringLiteral("word-count-update.json")); // untouched
}

void TestLessons::textFollowsTheLanguage()
{
    // The window's language (View › Language, --lang), switched while the lesson is open.
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    QVERIFY(lessons()->bar()->textLabel()->text().startsWith(QStringLiteral("Batch 0")));
    setLanguage(Language::Korean);
    QTRY_VERIFY(lessons()->bar()->textLabel()->text().startsWith(QStringLiteral("배치 0은")));
    QCOMPARE(lessons()->title(), QStringLiteral("append 모드에서 아직 출력이 없는 이유"));
    setLanguage(Language::English);
    QTRY_VERIFY(lessons()->bar()->textLabel()->text().startsWith(QStringLiteral("Batch 0")));
}

/// The bar is as tall as its wrapped text at the window's width: not the height it needed
/// before the window was laid out (`tidemark --lesson ID --screenshot` opens it then).
void TestLessons::barFitsItsTextOpenedBeforeShow()
{
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    m_window->files()->setInteractive(false);
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    lessons()->goTo(2);
    m_window->resize(1024, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitUpToDate();
    QLabel* text = lessons()->bar()->textLabel();
    const int needed = QFontMetrics(text->font()).boundingRect(QRect(0, 0, text->width(), 100000), Qt::TextWordWrap, text->text()).height();
    QTRY_VERIFY2(std::abs(text->height() - needed) <= 4, qPrintable(QStringLiteral("%1 px for %2 px of text").arg(text->height()).arg(needed)));
    QVERIFY(lessons()->barArea()->height() < text->height() + 3 * QFontMetrics(text->font()).height());
    QVERIFY(lessons()->barArea()->width() >= 1000); // the whole width of the window, under the docks too
}

void TestLessons::iconIsCompiledIn()
{
    const QIcon icon(QStringLiteral(":/icons/tidemark.svg"));
    QVERIFY(!icon.isNull());
    const QImage image = icon.pixmap(64, 64).toImage();
    QCOMPARE(image.size(), QSize(64, 64));
    QVERIFY(image.pixelColor(32, 32).alpha() > 0); // drawn, not an empty square
    if (const QString out = qEnvironmentVariable("TIDEMARK_TEST_SHOTS"); !out.isEmpty())
        icon.pixmap(256, 256).save(out + QStringLiteral("/icon.png"));
}

void TestLessons::presentationEnlargesTheText()
{
    QVERIFY(lessons()->open(QStringLiteral("append-no-output")));
    const qreal before = lessons()->bar()->textLabel()->font().pointSizeF();
    QVERIFY(before >= 15);
    m_window->setPresentation(true);
    const qreal after = lessons()->bar()->textLabel()->font().pointSizeF();
    QVERIFY2(after > before * 1.2, qPrintable(QStringLiteral("%1 pt, then %2 pt").arg(before).arg(after)));
    m_window->setPresentation(false);
    QCOMPARE(lessons()->bar()->textLabel()->font().pointSizeF(), before);
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
