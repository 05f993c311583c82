// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"

#include <QString>

namespace tidemark::ui {

class MainWindow;

/// File › Export › Storyboard (PDF)…, Plot frames… and Plot animation (GIF)…: what the window
/// shows, printed or animated.
namespace ExportActions {

/// Asks where, then writes the storyboard of the window's scenario: every mode Spark accepts,
/// the window's language, the open lesson's steps. Reports in the status bar.
void askStoryboard(MainWindow& window);
/// Asks for a folder, then writes the plot at each batch there as PNG frames.
void askPlotFrames(MainWindow& window);
/// Asks where, then writes the plot stepping through the batches as an animated GIF.
void askPlotGif(MainWindow& window);

/// The storyboard of what `window` shows, written to `path` (no dialog).
Status writeStoryboardOf(const MainWindow& window, const QString& path);
/// The plot frames of what `window` shows, written to `dir`; the number written.
Result<int> writePlotFramesOf(const MainWindow& window, const QString& dir);
/// The animated GIF of what `window` shows, written to `path`; the number of frames.
Result<int> writePlotGifOf(const MainWindow& window, const QString& path);

} // namespace ExportActions

} // namespace tidemark::ui
