// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/pages/ViewTextPane.h"

namespace tidemark::ui {

/// What the query's checkpoint directory holds after the current batch, as its folders are
/// laid out: `offsets/` (one entry per planned batch: each source's end offset, the batch
/// watermark and timestamp), `commits/` (one per finished batch, with the watermark for the
/// next one; a batch that crashed before its commit has none), `state/` (the state store's
/// version), and each stop and restart with what the restarted query found there.
class CheckpointPane : public ViewTextPane
{
    Q_OBJECT
public:
    explicit CheckpointPane(QWidget* parent = nullptr);

protected:
    void render() override;
};

} // namespace tidemark::ui
