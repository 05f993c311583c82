// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QString>

namespace tidemark::ui {

/// The recorded fate of one event in `run` (its first row), or null.
const RowFate* findFate(const ModeRun& run, std::uint32_t event);

/// "Event 5 · arrives 12:23:30 · (12:04:00, donkey)" and why it ended as it did, in the mode
/// the timeline follows. Events not read yet at the current batch say so first.
QString explainEvent(const ViewState& view, std::uint32_t event);

/// The life of every group of one window (created, updated, emitted, evicted) in `mode`.
QString explainWindow(const ViewState& view, OutputMode mode, const TimeRange& window);

/// The life of the group a result or state row belongs to, in `mode`.
QString explainRow(const ViewState& view, OutputMode mode, const Row& row);

/// A short title for a row: its grouping values ("12:00–12:10, dog").
QString rowTitle(const ViewState& view, OutputMode mode, const Row& row);

} // namespace tidemark::ui
