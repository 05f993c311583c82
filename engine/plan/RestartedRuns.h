// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/plan/QueryPlan.h"
#include "engine/scenario/Scenario.h"

#include <memory>
#include <optional>
#include <vector>

namespace tidemark {

/// The query as it runs after one restart: a copy of the scenario with that run's query and
/// rate limits (no events: the simulation reads them from the scenario it runs), and its plan.
struct RestartedRun {
    Scenario scenario;
    QueryPlan plan;
};

/// Analyses the query of every run after a restart (`scenario.restarts`) and checks each
/// against the run before it as Spark does when it starts from an existing checkpoint:
/// StateSchemaCompatibilityChecker for the state of the stateful operator (a changed
/// grouping key or aggregate is refused with Spark's error, located at `restarts[i].query`).
/// Changes Spark allows between runs (a filter, a projection that keeps the operator's input,
/// the trigger, a rate limit) pass. Tidemark refuses, as File errors, the changes it does not
/// simulate: adding or removing a stateful operator, or rows reaching it with other columns.
/// `first` is the plan of the query before the first restart.
Result<std::vector<std::shared_ptr<const RestartedRun>>> planRestartedRuns(const Scenario& scenario, const QueryPlan& first,
                                                                           std::optional<OutputMode> mode);

} // namespace tidemark
