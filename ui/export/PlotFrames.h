// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "ui/compute/Snapshot.h"

#include <QSize>
#include <QString>

namespace tidemark::ui {

/// The plot stepping through the batches, for slides: one PNG per batch of the mode the plot
/// follows, `dir`/frame-000.png, frame-001.png, ... (in batch order, numbered from 0 as ffmpeg
/// and slide tools expect), each `size` pixels, in the current language. Returns the number
/// of frames written. `dir` is created when missing.
Result<int> writePlotFrames(const QString& dir, const SnapshotPtr& snapshot, QSize size = QSize(1280, 720));

/// The same frames as one looping animated GIF: each batch shown `delayMs`, the last one
/// three times as long before the loop starts again. Returns the number of frames.
Result<int> writePlotGif(const QString& path, const SnapshotPtr& snapshot, QSize size = QSize(1280, 720), int delayMs = 1200);

/// The file name of frame `index` ("frame-007.png").
QString plotFrameName(int index);

} // namespace tidemark::ui
