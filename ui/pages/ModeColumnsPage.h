// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QWidget>

#include <array>
#include <optional>

class QSplitter;
class QTabBar;

namespace tidemark::ui {

class OutputModeColumn;

/// Append | update | complete side by side at the current batch. Where three columns cannot
/// show their tables whole (a projector's width, presentation mode's larger text), a mode
/// switcher shows one at a time instead of three clipped ones.
class ModeColumnsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ModeColumnsPage(QWidget* parent = nullptr);

    void setView(const ViewState& view);
    void setPresentation(bool on);
    OutputModeColumn* column(OutputMode mode) const { return m_columns[static_cast<std::size_t>(mode)]; }

    /// True while one mode shows at a time behind the switcher.
    bool isSwitched() const { return m_switched; }
    QTabBar* switcher() const { return m_switcher; }
    /// Shows `mode` (with the switcher; side by side every mode is shown anyway).
    void showMode(OutputMode mode);
    /// The width the three columns need side by side to show every table column whole.
    int sideBySideWidth() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Side by side or switched, whichever fits the width now.
    void updateArrangement();

    std::array<OutputModeColumn*, 3> m_columns{};
    QSplitter* m_splitter;
    QTabBar* m_switcher;
    bool m_switched = false;
    bool m_syncing = false; ///< the switcher is being set from code, not by the user
    std::optional<OutputMode> m_chosen; ///< the user's pick in the switcher (else the query's mode)
    OutputMode m_selected = OutputMode::Update;
};

} // namespace tidemark::ui
