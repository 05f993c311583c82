// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QWidget>

#include <array>

namespace tidemark::ui {

class OutputModeColumn;

/// Append | update | complete side by side at the current batch.
class ModeColumnsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ModeColumnsPage(QWidget* parent = nullptr);

    void setView(const ViewState& view);
    void setPresentation(bool on);
    OutputModeColumn* column(OutputMode mode) const { return m_columns[static_cast<std::size_t>(mode)]; }

private:
    std::array<OutputModeColumn*, 3> m_columns{};
};

} // namespace tidemark::ui
