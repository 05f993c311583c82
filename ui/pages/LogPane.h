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

protected:
    void showEvent(QShowEvent* event) override;

private:
    void render();

    ViewState m_view;
    bool m_stale = true;
};

} // namespace tidemark::ui
