// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QPlainTextEdit>

namespace tidemark::ui {

/// A read-only monospace text pane over the current view whose text is built only while
/// someone can see it (a dock tab behind another is "visible" to Qt but not to the class).
class ViewTextPane : public QPlainTextEdit
{
    Q_OBJECT
public:
    void setView(const ViewState& view);
    void setActive(bool active);

protected:
    ViewTextPane(const QString& objectName, LineWrapMode wrap, QWidget* parent);
    /// Rebuilds the text from view().
    virtual void render() = 0;
    const ViewState& view() const { return m_view; }

private:
    void renderNow();

    ViewState m_view;
    bool m_stale = true;
    bool m_active = true;
};

} // namespace tidemark::ui
