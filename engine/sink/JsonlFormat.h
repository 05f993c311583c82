// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/plan/QueryPlan.h"
#include "engine/record/BatchRecord.h"
#include "engine/scenario/Scenario.h"

#include <string>

namespace tidemark {

/// One executed batch as a single JSON line (see docs/cli.md for the fields): Spark's
/// progress fields (batchId, numInputRows, eventTime, stateOperators, ...) plus the
/// watermarks Tidemark distinguishes and the rows the sink received.
std::string batchJsonLine(const BatchRecord& batch, const QueryPlan& plan, const Scenario& scenario);

/// `{"mode": ..., "error": ...}` for a mode Spark rejects.
std::string modeErrorJsonLine(OutputMode mode, const std::string& error);

} // namespace tidemark
