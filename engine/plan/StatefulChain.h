// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/plan/QueryPlan.h"

#include <functional>
#include <utility>
#include <optional>
#include <string>
#include <vector>

namespace tidemark {

/// The Analyzer's rules that a chain stage reuses (each throws on a query Spark refuses).
struct ChainHooks {
    std::function<Step(const std::vector<std::string>& items, Schema& schema, const std::string& path)> project;
    std::function<Step(const std::string& text, const Schema& schema, const std::string& path)> filter;
    std::function<DedupPlan(const std::vector<std::string>& columns, bool withinWatermark, const Schema& schema, const std::string& path)> dedup;
    std::function<AggregatePlan(const ChainStageSpec& stage, const std::string& at, const Schema& schema, Schema& output)> aggregate;
    /// A join in the chain (StageJoinSpec): its plan and the plan.inputs index of its right side.
    /// Empty where a chain cannot hold a join (after dedup or an aggregation as the first operator).
    std::function<std::pair<JoinPlan, std::size_t>(const StageJoinSpec& spec, const std::string& path, const Schema& left, Schema& output)> join;
    std::function<void(const Error& error)> fail; ///< throws
};

/// Resolves `query.then`: each stage's steps and operator over the output of the one before.
/// `output` is the first operator's output on entry and the query's output on return.
/// `paths` names where each stage is written (default "query.then[i]").
std::vector<ChainStage> analyzeChain(const std::vector<ChainStageSpec>& stages, Schema& output, const ChainHooks& hooks, const SparkVersion& version,
                                     const std::vector<std::string>& paths = {});

/// Checks Spark makes on a query with several stateful operators before the output-mode checks
/// (UnsupportedOperationChecker.checkForStreaming): before 3.4, "Multiple streaming
/// aggregations are not supported"; the append-mode watermark check on the last aggregation.
std::optional<Error> checkMultipleAggregations(const QueryPlan& plan, const std::string& where);

/// UnsupportedOperationChecker.checkStreamingQueryGlobalWatermarkLimit, per release: a stateful
/// operator downstream of one that can emit rows older than the watermark ("late rows") is refused
/// with "Detected pattern of possible 'correctness' issue due to global watermark. ..." while
/// spark.sql.streaming.statefulOperator.checkCorrectness.enabled is true (3.1+; 3.0 only logs).
std::optional<Error> checkGlobalWatermarkLimit(const QueryPlan& plan, bool checkCorrectness, const std::string& where);

/// The text of that error.
extern const char* const kGlobalWatermarkCorrectnessMessage;

} // namespace tidemark
