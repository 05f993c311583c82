// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/scenario/Scenario.h"

#include <string>

namespace tidemark {

/// Reads a scenario file. Every problem is a File error naming its JSON path
/// (`query.groupBy[1].window.slide`) or its line and column for malformed JSON; unknown
/// keys are errors so that a typo is never silently ignored. Events are converted while
/// the file streams past, so a million-event file does not materialise a JSON tree.
Result<Scenario> loadScenarioFile(const std::string& path);

/// As loadScenarioFile, from text already in memory.
Result<Scenario> loadScenarioText(const std::string& text);

/// The scenario as JSON text (two-space indent, keys in the contract's order). Loading the
/// result gives an equal scenario.
std::string scenarioToJson(const Scenario& scenario);

/// One event of `source` as scenarioToJson() writes it on its line of the "events" array
/// (without the indent and the comma), for a recording streamed to disk as it grows.
std::string scenarioEventJson(const SourceEvent& event, const SourceSpec& source, const Scenario& scenario);

/// Formats a time the way `style` asks, in the scenario's zone and on its date.
std::string formatScenarioTime(Micros t, TimeStyle style, const Scenario& scenario);

} // namespace tidemark
