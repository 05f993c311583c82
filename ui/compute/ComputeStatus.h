// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/ElidedLabel.h"

class QAction;

namespace tidemark::ui {

class RecomputeService;

/// The status-bar sign of a long recompute: "computing… 40% (Esc cancels)" once a recompute
/// has run for a moment, and after a cancel a warning that the views show an older result
/// until the next edit. Adds to `window` the Esc action that cancels, enabled only while busy.
class ComputeStatus : public ElidedLabel
{
    Q_OBJECT
public:
    ComputeStatus(RecomputeService* service, QWidget* window);

    QAction* cancelAction() const { return m_cancel; }

private:
    void showProgress(int percent);

    RecomputeService* m_service;
    QAction* m_cancel;
};

} // namespace tidemark::ui
