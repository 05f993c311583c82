// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QPlainTextEdit>

namespace tidemark::ui {

/// The console sink's output in the query's output mode, batch by batch up to the current
/// one, byte for byte as Spark prints it.
class LogPane : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit LogPane(QWidget* parent = nullptr);
    void setView(const ViewState& view);
    /// Whether anyone can see the pane (a dock tab behind another is "visible" to Qt but not
    /// to the class); text is only built while active.
    void setActive(bool active);

private:
    void render();

    ViewState m_view;
    bool m_stale = true;
    bool m_active = true;
};

} // namespace tidemark::ui
