// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QScrollArea;

namespace tidemark::ui {

/// The "why" panel: a floating card inside the main window, opened beside what was clicked
/// (an event, a window band, a result or state row). A child widget rather than a popup, so it
/// shows in screenshots and never grabs the mouse. Esc or × closes it.
class InspectorBubble : public QFrame
{
    Q_OBJECT
public:
    explicit InspectorBubble(QWidget* parent);

    /// Shows `text` beside `globalPos`, kept inside the parent.
    void showAt(const QPoint& globalPos, const QString& title, const QString& text);
    QString text() const;
    void setPresentation(bool on);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QLabel* m_title;
    QLabel* m_text;
    QScrollArea* m_scroll;
    int m_width = 460;
};

} // namespace tidemark::ui
