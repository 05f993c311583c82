// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/plan/QueryPlan.h"
#include "engine/scenario/Scenario.h"

#include <optional>

namespace tidemark {

/// Resolves a scenario's query into a plan, checking it as Spark would, in the order Spark
/// meets each problem: definition-time checks of each Dataset call (withWatermark's
/// negative delay, the trigger interval), analysis of each step (unresolved columns, type
/// mismatches, window parameters), then UnsupportedOperationChecker.checkForStreaming for
/// the output mode. Query errors carry Spark's message text for the chosen release;
/// inconsistencies of the file itself (a query naming a source that does not exist) are
/// File errors. `mode` overrides the file's outputMode.
Result<QueryPlan> analyze(const Scenario& scenario, std::optional<OutputMode> mode = std::nullopt);

} // namespace tidemark
