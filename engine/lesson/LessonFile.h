// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/lesson/Lesson.h"

#include <functional>
#include <string>

namespace tidemark {

/// Finds a shipped scenario by its file name (`"scenario": "word-count-append.json"`).
using ScenarioResolver = std::function<Result<Scenario>(const std::string& name)>;

/// Reads a lesson (`*.lesson.json`, docs/lesson-format.md). Every problem is a File error
/// naming its JSON path (`steps[2].claims[0].batch`); problems of an inline scenario carry
/// the `scenario.` prefix, those of a named one its file name. Unknown keys are errors.
Result<Lesson> loadLessonText(const std::string& text, const ScenarioResolver& resolve);

/// As loadLessonText from a file; named scenarios are read from `scenariosDir`.
Result<Lesson> loadLessonFile(const std::string& path, const std::string& scenariosDir);

/// Parses a window as lessons write it: "12:00-12:10" (HH:MM or HH:MM:SS, or full
/// timestamps, on the scenario's date in its zone; an en dash works too).
Result<TimeRange> parseLessonWindow(const std::string& text, const Scenario& scenario);

/// Parses a time of a claim ("12:04", "12:04:00", a full timestamp) in the scenario's zone
/// and on its date; "none" is the watermark before the first one (epoch 0).
Result<Millis> parseLessonWatermark(const std::string& text, const Scenario& scenario);

} // namespace tidemark
