// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/lesson/Lesson.h"
#include "ui/compute/Snapshot.h"

#include <QString>

#include <optional>
#include <vector>

namespace tidemark::ui {

/// What a storyboard prints besides the run.
struct StoryboardOptions {
    QString title;                  ///< the pages' title; empty: the scenario's
    std::vector<OutputMode> modes;  ///< the modes side by side; empty: storyboardModes()
    std::optional<Lesson> lesson;   ///< its step texts print on the pages of their batches
};

/// The modes a storyboard shows unless told: every mode Spark accepts for the query, in
/// append, update, complete order (the query's own when Spark accepts none).
std::vector<OutputMode> storyboardModes(const Snapshot& snapshot);

/// Writes the story of a run as a PDF handout, one A4 landscape page per batch of the mode the
/// plot follows, in the current language: the plot at that batch, its watermarks, the events
/// it read with their fates, each mode's sink rows and result table with the changes marked,
/// the state store, the lesson's step texts, the title and page numbers.
Status writeStoryboard(const QString& path, const SnapshotPtr& snapshot, const StoryboardOptions& options);

} // namespace tidemark::ui
