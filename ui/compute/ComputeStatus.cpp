// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compute/ComputeStatus.h"

#include "ui/compute/RecomputeService.h"
#include "ui/i18n/Retranslate.h"

#include <QAction>

namespace tidemark::ui {

ComputeStatus::ComputeStatus(RecomputeService* service, QWidget* window)
    : ElidedLabel(window)
    , m_service(service)
    , m_cancel(new QAction(window))
{
    setObjectName(QStringLiteral("computeStatus"));
    setStyleSheet(QStringLiteral("QLabel { background: #ef6c00; color: white; padding: 1px 6px; border-radius: 3px; }"));
    setVisible(false);
    retranslated(this, [this] { m_cancel->setText(tr("Cancel the computation")); });
    m_cancel->setShortcut(Qt::Key_Escape);
    m_cancel->setShortcutContext(Qt::WindowShortcut);
    m_cancel->setEnabled(false);
    window->addAction(m_cancel);
    connect(m_cancel, &QAction::triggered, service, &RecomputeService::cancel);
    // Shown from the first progress report (a recompute that has run a moment), so quick
    // recomputes during a drag do not flicker it.
    connect(service, &RecomputeService::progressChanged, this, &ComputeStatus::showProgress);
    connect(service, &RecomputeService::busyChanged, this, [this](bool busy) {
        m_cancel->setEnabled(busy);
        if (!busy && m_service->isCurrent())
            setVisible(false);
    });
    connect(service, &RecomputeService::cancelled, this, [this] {
        // Shortened to its room like every readout (a projector's 1024 px); the whole sentence is the tooltip.
        setFullText(tr("cancelled: the views show the result before the last edit; edit or undo to compute again"));
        setVisible(true);
    });
}

void ComputeStatus::showProgress(int percent)
{
    setFullText(tr("computing… %1% (Esc cancels); the views show the previous result").arg(percent));
    setVisible(true);
}

} // namespace tidemark::ui
