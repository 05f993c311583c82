// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/lesson/Lesson.h"

#include <QString>
#include <QStringList>

namespace tidemark::ui {

/// The lessons compiled into the binary (`:/lessons/ID.lesson.json`) and lesson files on disk.
namespace LessonLibrary {

/// The ids of the built-in lessons, sorted.
QStringList builtInIds();
/// A built-in lesson by id, or a lesson file by path (anything ending in ".json" or naming an
/// existing file). Named scenarios come from the shipped ones (`:/scenarios`), else from the
/// `scenarios` folder beside a file on disk.
Result<Lesson> load(const QString& idOrPath);

} // namespace LessonLibrary

} // namespace tidemark::ui
