// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace tidemark::ui {

class LessonController;

/// The open lesson under the plot: its title, "step 3 / 8", the step's text in large type
/// (read from the back of a room), Back / Next and × to close.
class LessonBar : public QFrame
{
    Q_OBJECT
public:
    LessonBar(LessonController* lessons, QWidget* parent);

    /// Shows the controller's current step.
    void showStep();

    QLabel* textLabel() const { return m_text; }
    QLabel* stepLabel() const { return m_stepLabel; }
    QPushButton* backButton() const { return m_back; }
    QPushButton* nextButton() const { return m_next; }
    QToolButton* closeButton() const { return m_close; }

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyFonts();
    /// A toolbar lays out by size hints, not height-for-width: ask for the wrapped text's height.
    void fitText();

    LessonController* m_lessons;
    QLabel* m_title;
    QLabel* m_stepLabel;
    QLabel* m_text;
    QPushButton* m_back;
    QPushButton* m_next;
    QToolButton* m_close;
};

} // namespace tidemark::ui
