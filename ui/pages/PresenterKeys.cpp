// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/PresenterKeys.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace tidemark::ui {

PresenterKeys::PresenterKeys(QWidget* window, std::function<bool()> onEscape)
    : QObject(window)
    , m_window(window)
    , m_onEscape(std::move(onEscape))
{
    qApp->installEventFilter(this);
}

bool PresenterKeys::isTyping(const QWidget* focus)
{
    if (!focus)
        return false;
    if (const auto* line = qobject_cast<const QLineEdit*>(focus))
        return !line->isReadOnly();
    if (qobject_cast<const QAbstractSpinBox*>(focus))
        return true;
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(focus))
        return !text->isReadOnly();
    if (const auto* text = qobject_cast<const QTextEdit*>(focus))
        return !text->isReadOnly();
    if (const auto* combo = qobject_cast<const QComboBox*>(focus))
        return combo->isEditable();
    return false;
}

namespace {

/// A view that moves its own cursor with the arrows: one whose cells can be edited.
bool navigatesItself(const QWidget* focus)
{
    const auto* view = qobject_cast<const QAbstractItemView*>(focus);
    return view && view->editTriggers() != QAbstractItemView::NoEditTriggers;
}

/// The line edit an item view opens on a cell.
bool isCellEditor(const QWidget* focus)
{
    for (const QWidget* w = focus ? focus->parentWidget() : nullptr; w; w = w->parentWidget())
        if (qobject_cast<const QAbstractItemView*>(w))
            return true;
    return false;
}

} // namespace

bool PresenterKeys::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != m_window)
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier))
        return false;
    const QWidget* focus = QApplication::focusWidget();
    const bool typing = isTyping(focus);
    switch (key->key()) {
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (type != QEvent::ShortcutOverride)
            return false;
        if (typing) {
            event->accept(); // the field's own key
            return true;
        }
        event->ignore(); // the Batch menu's shortcut steps
        return true;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Home:
    case Qt::Key_End:
        if (type != QEvent::ShortcutOverride || typing || navigatesItself(focus))
            return false;
        event->ignore();
        return true;
    case Qt::Key_Escape:
        // On the key press (not the override); a cell editor keeps Esc to cancel the edit.
        if (type != QEvent::KeyPress || isCellEditor(focus))
            return false;
        return m_onEscape && m_onEscape();
    default:
        return false;
    }
}

} // namespace tidemark::ui
