// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lessons/LessonController.h"

#include "ui/classroom/ClassMode.h"
#include "ui/classroom/Prediction.h"

#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/lessons/LessonBar.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/lessons/UiLanguage.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/PresenterKeys.h"
#include "ui/plot/EventTimePlot.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLayout>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

namespace tidemark::ui {

LessonController::LessonController(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_bar(new LessonBar(this, window))
    , m_barArea(new QToolBar(tr("Lesson"), window))
{
    m_barArea->setObjectName(QStringLiteral("lessonToolBar"));
    m_barArea->setMovable(false);
    m_barArea->setFloatable(false);
    m_barArea->toggleViewAction()->setVisible(false); // not the user's to show without a lesson
    m_barArea->setStyleSheet(QStringLiteral("QToolBar#lessonToolBar { padding: 0px; spacing: 0px; border: none; }"));
    m_barArea->layout()->setContentsMargins(0, 0, 0, 0);
    m_barArea->addWidget(m_bar);
    window->addToolBar(Qt::BottomToolBarArea, m_barArea);
    m_barArea->hide();
    connect(m_barArea, &QToolBar::visibilityChanged, this, [this] { QTimer::singleShot(0, this, &LessonController::syncBar); });
    // Installed after the window's PresenterKeys, so this filter sees the clicker's keys first.
    qApp->installEventFilter(this);
    // Another file opened (or recovered) ends the lesson; our own scenario does not.
    connect(window->document(), &ScenarioDocument::changed, this, [this](const ScenarioDocument::Change& change) {
        if (change.kind == ScenarioDocument::ChangeKind::Reset && !m_opening && isOpen())
            close();
    });
}

bool LessonController::open(const QString& idOrPath)
{
    auto loaded = LessonLibrary::load(idOrPath);
    if (!loaded.ok()) {
        m_error = QString::fromStdString(loaded.error().describe());
        return false;
    }
    m_error.clear();
    m_lesson = std::move(loaded.value());
    m_step = 0;
    const QString name = m_lesson->scenarioName.empty() ? QString::fromStdString(m_lesson->id) : QString::fromStdString(m_lesson->scenarioName);
    m_opening = true;
    m_window->document()->setScenario(m_lesson->scenario, QString(), name);
    m_opening = false;
    syncBar();
    emit opened();
    apply();
    return true;
}

void LessonController::close()
{
    if (!m_lesson)
        return;
    m_lesson.reset();
    m_step = 0;
    syncBar();
    m_window->setStartBatch(0);
    m_window->plot()->setSelectedEvent(std::nullopt);
    m_window->plot()->setPointedAt(std::nullopt, false);
    emit closed();
}

const LessonStep* LessonController::step() const { return m_lesson ? &m_lesson->steps[static_cast<std::size_t>(m_step)] : nullptr; }

int LessonController::count() const { return m_lesson ? static_cast<int>(m_lesson->steps.size()) : 0; }

void LessonController::goTo(int index)
{
    if (!m_lesson)
        return;
    index = std::clamp(index, 0, count() - 1);
    if (index == m_step)
        return;
    m_step = index;
    apply();
}

bool LessonController::currentStepPredicts() const { return predictKind().has_value(); }

std::optional<tidemark::PredictKind> LessonController::predictKind() const
{
    const LessonStep* s = step();
    return s ? s->predict : std::nullopt;
}

QString LessonController::stepText() const
{
    const LessonStep* s = step();
    return s ? QString::fromStdString(s->text.in(uiLanguage().toStdString())) : QString();
}

QString LessonController::summaryText() const
{
    if (!m_lesson || m_step + 1 < count())
        return {};
    const ClassMode::Summary sum = m_window->classMode()->summary();
    if (sum.asked == 0)
        return {};
    return tr("The class's predictions: %1 of %2 right.").arg(sum.right).arg(sum.asked);
}

QString LessonController::title() const { return m_lesson ? QString::fromStdString(m_lesson->title.in(uiLanguage().toStdString())) : QString(); }

void LessonController::apply()
{
    const LessonStep& s = *step();
    // The batch a step without one shows is the one the step before it showed.
    std::optional<std::size_t> batch;
    for (int i = m_step; i >= 0 && !batch; --i)
        batch = m_lesson->steps[static_cast<std::size_t>(i)].batch;
    const int position = static_cast<int>(batch.value_or(0));
    // A step after a "predict" step tells the answer: what the class predicted is revealed and
    // marked first. A "predict" step hides its batch's outcome and asks (ClassMode).
    ClassMode* classMode = m_window->classMode();
    if (!s.predict)
        classMode->answer(position);
    else
        if (const auto kind = predictKindFromName(QString::fromLatin1(predictKindName(*s.predict))))
            classMode->ask(position, *kind);
    // Right after open the run is still being computed: the window moves there once it is.
    m_window->setStartBatch(position);
    m_window->cursor()->setPosition(position);
    if (s.mode)
        m_window->modeColumns()->showMode(*s.mode);
    const bool event = s.highlight.kind == LessonHighlight::Kind::Event;
    m_window->plot()->setSelectedEvent(event ? std::optional<std::uint32_t>(s.highlight.event) : std::nullopt);
    const bool window = s.highlight.kind == LessonHighlight::Kind::Window;
    m_window->plot()->setPointedAt(window ? std::optional<TimeRange>(s.highlight.window) : std::nullopt,
                                   s.highlight.kind == LessonHighlight::Kind::Watermark);
    m_bar->showStep();
    emit stepChanged(m_step);
}

void LessonController::syncBar()
{
    if (m_barArea->isVisibleTo(m_window) != isOpen())
        m_barArea->setVisible(isOpen());
}

bool LessonController::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if (!m_lesson || (type != QEvent::ShortcutOverride && type != QEvent::KeyPress))
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != m_window)
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if ((key->key() != Qt::Key_PageDown && key->key() != Qt::Key_PageUp) || (key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)))
        return false;
    if (PresenterKeys::isTyping(QApplication::focusWidget()))
        return false; // a field being typed into keeps its keys
    if (type == QEvent::ShortcutOverride) {
        event->accept(); // not the Batch menu's shortcut: the key press comes here next
        return true;
    }
    if (key->key() == Qt::Key_PageDown)
        next();
    else
        back();
    return true;
}

} // namespace tidemark::ui
