// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QString>

namespace tidemark::ui {

/// The recorded fate of one event in `run` (its first row), or null. `readBy`, the id of the
/// batch that read it (its EventPoint's batchId), takes the search straight to that batch.
const RowFate* findFate(const ModeRun& run, std::uint32_t event, std::int64_t readBy = -1);

/// "Event 5 · arrives 12:23:30 · (12:04:00, donkey)" and why it ended as it did, in the mode
/// the timeline follows. Events not read yet at the current batch say so first.
QString explainEvent(const ViewState& view, std::uint32_t event);

/// The life of every group of one window (created, updated, emitted, evicted) in `mode`.
QString explainWindow(const ViewState& view, OutputMode mode, const TimeRange& window);

/// The life of the group a result or state row belongs to, in `mode`.
QString explainRow(const ViewState& view, OutputMode mode, const Row& row);

/// A time of day as a mark on the plot is labelled ("00:31", "09:02:30"): the axis says
/// which day.
QString clockText(Micros t, const Scenario& scenario);

/// The comparison that dropped event `event` (wholly or some of its windows), short enough
/// to write next to its mark: "window end 00:30 ≤ watermark 00:31", "event time 00:01 ≤
/// watermark 23:40". Empty when the watermark dropped nothing of it.
QString lateComparison(const ViewState& view, std::uint32_t event);

/// What the current batch compares with its watermark, and the value: "batch 2 drops window
/// ends ≤ 00:31". Empty when the batch has no watermark.
QString batchCutoffText(const ViewState& view);

/// The status bar's drop counter in words: "dropped late: 1 event · 2 window rows".
QString droppedCounterText(const ViewState& view);
/// What the counter's numbers count.
QString droppedCounterToolTip(const ViewState& view);

/// A short title for a row: its grouping values ("12:00–12:10, dog").
QString rowTitle(const ViewState& view, OutputMode mode, const Row& row);

} // namespace tidemark::ui
