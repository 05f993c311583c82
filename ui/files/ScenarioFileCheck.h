// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tidemark::ui {

/// Why `path` cannot be read as a scenario before any of it is parsed, or an empty string.
/// Only regular files are read: a pipe would block the window forever and a folder or a device
/// has no scenario in it. A file in UTF-16 or UTF-32 (as some Windows editors save) is named as
/// such instead of failing as malformed JSON at line 1. A missing file is left to the reader.
QString scenarioFileProblem(const QString& path);

} // namespace tidemark::ui
