// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace tidemark::ui {

/// Keeps the batch keys working wherever the keyboard focus is, as a presenter expects:
/// PageUp / PageDown (what a clicker sends) step batches from any widget of the window, and
/// ← → Home End do so from any widget that does not use them itself (read-only tables, the
/// log, buttons). Only while text is being typed (a query field, a cell editor) do the keys go
/// to that field. Esc closes the "Why?" bubble, else gives the focus back to the plot.
///
/// It works by answering Qt's ShortcutOverride: left unaccepted, the Batch menu's shortcut
/// fires; accepted, the key goes to the focused widget.
class PresenterKeys : public QObject
{
    Q_OBJECT
public:
    /// Watches the keys of `window`'s widgets. `onEscape` returns true when it used the key.
    PresenterKeys(QWidget* window, std::function<bool()> onEscape);

    /// True while `focus` takes typed text (a line edit, a spin box, an editable text or combo box).
    static bool isTyping(const QWidget* focus);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_window;
    std::function<bool()> m_onEscape;
};

} // namespace tidemark::ui
