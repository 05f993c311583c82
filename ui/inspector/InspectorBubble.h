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

    /// Shows `text` beside `globalPos`, kept inside `bounds` (parent coordinates; the whole
    /// parent when empty) so it covers neither the tables nor runs off the window's bottom.
    void showAt(const QPoint& globalPos, const QString& title, const QString& text, const QRect& bounds = {});
    /// Replaces the text in place (the view changed under an open bubble).
    void setContent(const QString& title, const QString& text);
    QString title() const;
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
