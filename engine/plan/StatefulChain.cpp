// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/StatefulChain.h"

namespace tidemark {

const char* const kGlobalWatermarkCorrectnessMessage =
    "Detected pattern of possible 'correctness' issue due to global watermark. The query contains stateful operation which can emit "
    "rows older than the current watermark plus allowed late record delay, which are \"late rows\" in downstream stateful operations "
    "and these rows can be discarded. Please refer the programming guide doc for more details. If you understand the possible risk "
    "of correctness issue and still need to run the query, you can disable this check by setting the config "
    "`spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false.";

namespace {

std::string stagePath(std::size_t i) { return "query.then[" + std::to_string(i) + "]"; }

/// TimeWindowing (3.4+, SPARK-40821): window() over a window struct reads window_time(window),
/// the struct's end - 1 µs, so an upstream window lands in the downstream window it ends in.
/// Adds that column to the stage's input and points the window at it.
void windowOverWindowStruct(ChainStageSpec& spec, std::vector<Step>& steps, Schema& schema)
{
    if (!spec.groupBy)
        return;
    for (GroupItem& item : *spec.groupBy) {
        if (item.kind != GroupItem::Kind::Window)
            continue;
        const auto idx = schema.find(item.window.column);
        if (!idx || schema[*idx].type.id != TypeId::Window)
            continue;
        Step step;
        step.kind = Step::Kind::Project;
        Schema out = schema;
        for (std::size_t c = 0; c < schema.size(); ++c) {
            BoundExpr col;
            col.op = BoundExpr::Op::Column;
            col.column = c;
            col.type = schema[c].type;
            col.watermarkDelayMs = schema[c].watermarkDelayMs;
            step.exprs.push_back(std::move(col));
        }
        BoundExpr time;
        time.op = BoundExpr::Op::WindowTime;
        time.type = DataType(TypeId::Timestamp);
        time.args.push_back(step.exprs[*idx]);
        step.exprs.push_back(std::move(time));
        const std::string name = "window_time(" + schema[*idx].name + ")";
        out.fields.push_back(Field{name, DataType(TypeId::Timestamp), schema[*idx].watermarkDelayMs, {}});
        step.output = out;
        steps.push_back(std::move(step));
        schema = out;
        item.window.column = name;
    }
}

/// One stateful operator of the query, upstream first, as the unsupported-operation checks see it.
struct OperatorKind {
    enum class Kind { Aggregate, Dedup, DedupWithinWatermark, StreamJoin } kind;
    bool dedupOnEventTime = false; ///< a dropDuplicates key carries the watermark
    bool innerJoin = false;
    bool timeIntervalJoin = false; ///< JoinPlan::rangeConditionOnEventTime
};

std::vector<OperatorKind> operatorsOf(const QueryPlan& plan)
{
    std::vector<OperatorKind> ops;
    auto addDedup = [&](const DedupPlan& d) {
        ops.push_back({d.withinWatermark ? OperatorKind::Kind::DedupWithinWatermark : OperatorKind::Kind::Dedup, d.eventTimeKey.has_value(), false});
    };
    if (plan.join && plan.join->isStreamStream())
        ops.push_back({OperatorKind::Kind::StreamJoin, false, plan.join->type == JoinPlan::Type::Inner, plan.join->rangeConditionOnEventTime});
    if (plan.dedup)
        addDedup(*plan.dedup);
    if (plan.aggregate)
        ops.push_back({OperatorKind::Kind::Aggregate, false, false});
    for (const ChainStage& s : plan.chain) {
        if (s.join && s.join->isStreamStream())
            ops.push_back({OperatorKind::Kind::StreamJoin, false, s.join->type == JoinPlan::Type::Inner, s.join->rangeConditionOnEventTime});
        if (s.dedup)
            addDedup(*s.dedup);
        if (s.aggregate)
            ops.push_back({OperatorKind::Kind::Aggregate, false, false});
    }
    return ops;
}

} // namespace

std::vector<ChainStage> analyzeChain(const std::vector<ChainStageSpec>& stages, Schema& output, const ChainHooks& hooks, const SparkVersion& version,
                                     const std::vector<std::string>& paths)
{
    std::vector<ChainStage> chain;
    Schema schema = output;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const std::string path = i < paths.size() ? paths[i] : stagePath(i);
        ChainStageSpec spec = stages[i];
        ChainStage stage;
        stage.path = path;
        if (!spec.selectExpr.empty())
            stage.steps.push_back(hooks.project(spec.selectExpr, schema, path + ".selectExpr"));
        if (spec.where)
            stage.steps.push_back(hooks.filter(*spec.where, schema, path + ".where"));
        if (version.atLeast(3, 4))
            windowOverWindowStruct(spec, stage.steps, schema);
        stage.input = schema;
        if (spec.dropDuplicates)
            stage.dedup = hooks.dedup(*spec.dropDuplicates, false, schema, path + ".dropDuplicates");
        if (spec.dropDuplicatesWithinWatermark)
            stage.dedup = hooks.dedup(*spec.dropDuplicatesWithinWatermark, true, schema, path + ".dropDuplicatesWithinWatermark");
        if (spec.groupBy || spec.agg) {
            Schema out;
            stage.aggregate = hooks.aggregate(spec, path, schema, out);
            if (stage.aggregate->windowKind == AggregatePlan::WindowKind::Session)
                hooks.fail(Error::file(path + ".groupBy", "a session window after another stateful operator is not simulated; "
                                                          "put session_window in the query's first groupBy"));
            schema = out;
        }
        if (spec.join) {
            if (!hooks.join)
                hooks.fail(Error::file(path + ".join", "a join in \"then\" joins the output of a join: give \"join\" in the query first"));
            Schema out;
            auto [plan, input] = hooks.join(*spec.join, path + ".join", schema, out);
            stage.join = std::move(plan);
            stage.joinInput = input;
            // As after the first join: the watermark metadata matters only to an operator after it.
            if (i + 1 == stages.size())
                for (auto& f : out.fields)
                    f.watermarkDelayMs.reset();
            schema = out;
        }
        stage.output = schema;
        chain.push_back(std::move(stage));
    }
    output = schema;
    return chain;
}

std::optional<Error> checkMultipleAggregations(const QueryPlan& plan, const std::string& where)
{
    if (plan.chain.empty())
        return std::nullopt;
    std::size_t aggregates = plan.aggregate ? 1 : 0;
    for (const ChainStage& s : plan.chain)
        aggregates += s.aggregate ? 1 : 0;
    // Before 3.4 checkForStreaming refused any second streaming aggregation first; SPARK-40925
    // dropped the check and left chains to checkStreamingQueryGlobalWatermarkLimit.
    if (aggregates > 1 && !plan.version.allowsMultipleStatefulOperators())
        return Error::query("Multiple streaming aggregations are not supported with streaming DataFrames/Datasets", "query.then");
    // The append-mode check reads the first aggregate plan.collect finds, the downstream-most.
    for (auto s = plan.chain.rbegin(); s != plan.chain.rend(); ++s) {
        if (!s->aggregate)
            continue;
        if (plan.mode == OutputMode::Append && s->aggregate->evictionKey == AggregatePlan::EvictionKey::None)
            return Error::query("Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets "
                                "without watermark",
                                where);
        break;
    }
    return std::nullopt;
}

std::optional<Error> checkGlobalWatermarkLimit(const QueryPlan& plan, bool checkCorrectness, const std::string& where)
{
    const bool v34 = plan.version.allowsMultipleStatefulOperators();
    // 3.0 logged the pattern as a warning; the conf that makes it an error came in 3.1.
    if (!checkCorrectness || !plan.version.atLeast(3, 1))
        return std::nullopt;
    const bool append = plan.mode == OutputMode::Append;
    // isStatefulOperation: from 3.4 a dropDuplicates counts only when a key carries the watermark.
    auto isStateful = [&](const OperatorKind& op) {
        if (op.kind == OperatorKind::Kind::Dedup)
            return !v34 || op.dedupOnEventTime;
        return true;
    };
    // Before 3.4 isStatefulOperationPossiblyEmitLateRows: an append-mode aggregation or a
    // non-inner stream-stream join. From 3.4 ifCannotBeFollowedByStatefulOperation: an
    // aggregation in another mode (its rows are updates, not final); in 3.4 only, also a
    // stream-stream join whose other condition compares an event-time column
    // (hasRangeExprAgainstEventTimeCol): its output can be older than the watermark. 3.5
    // (SPARK-42376) dropped that case and propagates the join's output watermark instead.
    const bool v35 = plan.version.atLeast(3, 5);
    auto emitsLateRows = [&](const OperatorKind& op) {
        if (op.kind == OperatorKind::Kind::Aggregate)
            return v34 ? !append : append;
        if (op.kind == OperatorKind::Kind::StreamJoin)
            return v34 ? !v35 && op.timeIntervalJoin : !op.innerJoin;
        return false;
    };
    const std::vector<OperatorKind> ops = operatorsOf(plan);
    for (std::size_t down = 0; down < ops.size(); ++down) {
        if (!isStateful(ops[down]))
            continue;
        for (std::size_t up = 0; up < down; ++up)
            if (emitsLateRows(ops[up]))
                return Error::query(kGlobalWatermarkCorrectnessMessage, where);
    }
    return std::nullopt;
}

} // namespace tidemark
