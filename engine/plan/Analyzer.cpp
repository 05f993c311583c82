// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/Analyzer.h"

#include "engine/plan/AnalyzerRules.h"
#include "engine/plan/RestartedRuns.h"
#include "engine/plan/StatefulChain.h"

#include <cctype>

namespace tidemark {

const char* outputModeName(OutputMode mode)
{
    switch (mode) {
    case OutputMode::Append: return "append";
    case OutputMode::Update: return "update";
    case OutputMode::Complete: return "complete";
    }
    return "append";
}

const char* outputModeSparkName(OutputMode mode)
{
    switch (mode) {
    case OutputMode::Append: return "Append";
    case OutputMode::Update: return "Update";
    case OutputMode::Complete: return "Complete";
    }
    return "Append";
}

const char* joinTypeSparkName(JoinPlan::Type type)
{
    switch (type) {
    case JoinPlan::Type::Inner: return "Inner";
    case JoinPlan::Type::LeftOuter: return "LeftOuter";
    case JoinPlan::Type::RightOuter: return "RightOuter";
    case JoinPlan::Type::FullOuter: return "FullOuter";
    case JoinPlan::Type::LeftSemi: return "LeftSemi";
    }
    return "Inner";
}

std::optional<OutputMode> parseOutputMode(const std::string& text)
{
    std::string s = text;
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s == "append")
        return OutputMode::Append;
    if (s == "update")
        return OutputMode::Update;
    if (s == "complete")
        return OutputMode::Complete;
    return std::nullopt;
}

namespace analysis {

[[noreturn]] void failQuery(const std::string& where, const std::string& message, const char* exception)
{
    throw AnalysisFailure{Error::query(message, where, exception)};
}
/// Errors raised by a Dataset/DataStreamWriter method's argument checks (`require`).
[[noreturn]] void failArgument(const std::string& where, const std::string& message) { failQuery(where, message, "IllegalArgumentException"); }
[[noreturn]] void failFile(const std::string& where, const std::string& message) { throw AnalysisFailure{Error::file(where, message)}; }

std::string indexed(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

/// Math.multiplyExact/addExact failing while Spark turns an interval into a duration.
[[noreturn]] void failOverflow(const std::string& where) { failQuery(where, "long overflow", "ArithmeticException"); }

/// days * 24 h + micros of a parsed interval whose months were rejected, as Spark computes it.
Micros exactMicros(const Interval& i, const std::string& where)
{
    const auto us = i.exactMicrosNoMonths();
    if (!us)
        failOverflow(where);
    return *us;
}

QueryPlan Analyzer::run()
{
    QueryPlan plan;
    plan.version = m_v;
    plan.noDataBatches = m_sc.conf.noDataMicroBatches;
    const std::string lowered = checkConf();
    plan.maxWatermarkPolicy = lowered == "max";
    plan.lateFilterUsesPreviousWatermark = m_v.filtersLateRowsWithPreviousWatermark() && m_sc.conf.allowMultipleStatefulOperators;
    // SPARK-42376 (3.5): PropagateWatermarkSimulator; with allowMultiple=false, UseSingleWatermarkPropagator.
    plan.propagatesWatermark = m_v.atLeast(3, 5) && m_sc.conf.allowMultipleStatefulOperators;
    plan.sink = m_sc.query.sinkOptions;

    const QuerySpec& q = m_sc.query;
    if (q.join) {
        joinQuery(plan);
        return plan;
    }
    if (q.source) {
        InputSpec in;
        in.source = *q.source;
        plan.inputs.push_back(input(in, "query"));
    } else {
        for (size_t i = 0; i < q.unionInputs.size(); ++i)
            plan.inputs.push_back(input(q.unionInputs[i], indexed("query.union", i)));
    }
    if (plan.inputs.empty())
        failFile("query", "missing the input: give \"source\", \"union\" or \"join\"");
    Schema schema = plan.inputs.size() == 1 ? plan.inputs[0].output : unionSchema(plan.inputs);

    // Query-level stateless steps, then the watermark.
    if (!q.selectExpr.empty())
        plan.steps.push_back(project(q.selectExpr, schema, "query.selectExpr"));
    if (q.where)
        plan.steps.push_back(filter(*q.where, schema, "query.where"));
    if (q.withWatermark) {
        if (m_v.allowsMultipleStatefulOperators() && m_sc.conf.allowMultipleStatefulOperators && schema.eventTimeColumn())
            failRedefiningWatermark("query.withWatermark");
        plan.steps.push_back(watermark(*q.withWatermark, schema, "query.withWatermark"));
    }
    plan.streamSchema = schema;
    plan.numWatermarkNodes = m_nextWatermarkNode;

    if (q.dropDuplicates && q.dropDuplicatesWithinWatermark)
        failQuery("query", "give only one of \"dropDuplicates\" and \"dropDuplicatesWithinWatermark\"");
    if (q.dropDuplicates)
        plan.dedup = dedup(*q.dropDuplicates, false, schema, "query.dropDuplicates");
    if (q.dropDuplicatesWithinWatermark)
        plan.dedup = dedup(*q.dropDuplicatesWithinWatermark, true, schema, "query.dropDuplicatesWithinWatermark");

    if (q.groupBy || q.agg) {
        plan.aggregate = aggregate(q.groupBy, q.agg, "query", schema, plan.output);
    } else {
        plan.output = schema;
    }

    plan.mode = outputMode();
    if (!q.then.empty()) {
        if (!plan.dedup && !plan.aggregate)
            failFile("query.then", "\"then\" follows the first stateful operator: give dropDuplicates or groupBy/agg in the query first");
        plan.chain = analyzeChain(q.then, plan.output, chainHooks(), m_v);
    }
    plan.trigger = trigger(q.trigger);
    const std::string modeWhere = m_modeOverride ? "" : "query.outputMode";
    if (auto e = checkMultipleAggregations(plan, modeWhere))
        throw AnalysisFailure{*e};
    checkForStreaming(plan);
    if (auto e = checkGlobalWatermarkLimit(plan, m_sc.conf.checkCorrectness, modeWhere))
        throw AnalysisFailure{*e};
    return plan;
}

std::string Analyzer::upper(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

ChainHooks Analyzer::chainHooks()
{
    ChainHooks h;
    h.project = [this](const std::vector<std::string>& items, Schema& schema, const std::string& path) { return project(items, schema, path); };
    h.filter = [this](const std::string& text, const Schema& schema, const std::string& path) { return filter(text, schema, path); };
    h.dedup = [this](const std::vector<std::string>& columns, bool within, const Schema& schema, const std::string& path) {
        return dedup(columns, within, schema, path);
    };
    h.aggregate = [this](const ChainStageSpec& stage, const std::string& at, const Schema& schema, Schema& output) {
        return aggregate(stage.groupBy, stage.agg, at, schema, output);
    };
    h.fail = [](const Error& e) { throw AnalysisFailure{e}; };
    return h;
}

std::string Analyzer::joinNames(const Schema& s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i)
        out += (i ? ", " : "") + s[i].name;
    return out;
}

} // namespace analysis

using analysis::AnalysisFailure;
using analysis::Analyzer;

Result<QueryPlan> analyze(const Scenario& scenario, std::optional<OutputMode> mode)
{
    try {
        Analyzer analyzer(scenario, mode);
        QueryPlan plan = analyzer.run();
        if (!scenario.restarts.empty()) // each restarted run is analysed and checked against the one before
            if (auto runs = planRestartedRuns(scenario, plan, mode); !runs)
                return runs.error();
        return plan;
    } catch (const AnalysisFailure& f) {
        return f.error;
    }
}

} // namespace tidemark
