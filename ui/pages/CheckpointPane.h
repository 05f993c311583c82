// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QPlainTextEdit>

namespace tidemark::ui {

/// What the query's checkpoint directory holds after the current batch, as its folders are
/// laid out: `offsets/` (one entry per planned batch: each source's end offset, the batch
/// watermark and timestamp), `commits/` (one per finished batch, with the watermark for the
/// next one; a batch that crashed before its commit has none), `state/` (the state store's
/// version), and each stop and restart with what the restarted query found there.
class CheckpointPane : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CheckpointPane(QWidget* parent = nullptr);
    void setView(const ViewState& view);
    /// Text is only built while someone can see the pane (a dock tab in front).
    void setActive(bool active);

private:
    void render();

    ViewState m_view;
    bool m_stale = true;
    bool m_active = true;
};

} // namespace tidemark::ui
