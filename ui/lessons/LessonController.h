// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/lesson/Lesson.h"

#include <QObject>
#include <QString>

class QToolBar;

#include <optional>

namespace tidemark::ui {

class LessonBar;
class MainWindow;

/// Runs a lesson in the main window: opens its scenario, and for each step moves the batch on
/// screen, shows the step's mode and marks the highlighted event. While a lesson is open,
/// PageDown / PageUp (a presenter's clicker) go to the next / previous step instead of the
/// next / previous batch; Esc or the bar's × closes it.
class LessonController : public QObject
{
    Q_OBJECT
public:
    explicit LessonController(MainWindow* window);

    /// Opens a built-in lesson by id or a lesson file by path, at its first step. Unsaved edits
    /// of the current scenario are not asked about (the caller does that). False on a bad
    /// lesson; lastError() says why.
    bool open(const QString& idOrPath);
    void close();
    bool isOpen() const { return m_lesson.has_value(); }
    const QString& lastError() const { return m_error; }

    const Lesson* lesson() const { return m_lesson ? &*m_lesson : nullptr; }
    /// The current step (nullptr when no lesson is open).
    const LessonStep* step() const;
    /// Number of steps (0 when no lesson is open).
    int count() const;
    /// 0-based index of the current step (-1 when no lesson is open).
    int currentStep() const { return m_lesson ? m_step : -1; }
    /// Shows step `index` (0-based, clamped).
    void goTo(int index);

    /// True when the current step asks the class to predict before the batch is shown.
    bool currentStepPredicts() const;
    std::optional<tidemark::PredictKind> predictKind() const;

    /// The step's text, the lesson's title, in the window's language (uiLanguage()).
    QString stepText() const;
    QString title() const;
    /// At the last step: how many of the class's predictions in this lesson were right (empty
    /// when nothing was predicted).
    QString summaryText() const;

    LessonBar* bar() const { return m_bar; }
    /// The window's bottom toolbar area holds the bar, so it spans the whole width.
    QToolBar* barArea() const { return m_barArea; }

public slots:
    void next() { goTo(m_step + 1); }
    void back() { goTo(m_step - 1); }

signals:
    /// Another step is shown (0-based), also on open.
    void stepChanged(int index);
    void opened();
    void closed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();
    /// The bar shows exactly while a lesson is open (restoring a saved layout does not decide).
    void syncBar();

    MainWindow* m_window;
    LessonBar* m_bar;
    QToolBar* m_barArea;
    std::optional<Lesson> m_lesson;
    int m_step = 0;
    QString m_error;
    bool m_opening = false; ///< our own scenario is being put into the document
};

} // namespace tidemark::ui
