// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/plan/QueryPlan.h"
#include "engine/scenario/Scenario.h"

#include <string>
#include <vector>

namespace tidemark {

/// The scenario's query written in PySpark: each source read into a variable (streams with
/// `read_stream(name)`, static tables with `read_static(name)`, functions the export defines),
/// then each input's steps, the union or join, the query's steps and the aggregation, leaving
/// the streaming DataFrame in `result`. `sourceVars` are the Python names of the sources,
/// indexed like Scenario::sources.
std::string pysparkQueryCode(const Scenario& scenario, const QueryPlan& plan, const std::vector<std::string>& sourceVars);

/// The scenario's trigger as PySpark's `trigger(...)` call, or "" for Spark's default trigger.
std::string pysparkTriggerCall(const TriggerSpec& trigger);

/// A column name as a PySpark string argument, back-quoted when Spark would otherwise read
/// it as something else (a dot is a struct field or a qualifier).
std::string pyColumn(const std::string& name);

} // namespace tidemark
