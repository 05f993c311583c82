// SPDX-License-Identifier: GPL-3.0-or-later
// UnsupportedOperationChecker.checkForStreaming: what a streaming query may not do in its output
// mode, and its Join case with checkForStreamStreamJoinWatermark.
#include "engine/plan/AnalyzerRules.h"

#include <algorithm>

namespace tidemark::analysis {

/// The Join case of checkForStreaming (3.1+ wording; 3.0's where it differed).
void Analyzer::checkJoin(const JoinPlan& j, OutputMode mode, const std::string& where)
{
    const bool left = !j.leftStatic, right = !j.rightStatic;
    const std::string typeName = joinTypeSparkName(j.type);
    if (!m_v.hasFullOuterAndSemiStreamJoins()) {
        // Spark 3.0's UnsupportedOperationChecker.
        if (j.type == JoinPlan::Type::Inner && left && right && mode != OutputMode::Append)
            failQuery(where, std::string("Inner join between two streaming DataFrames/Datasets is not supported in ") + outputModeSparkName(mode)
                                 + " output mode, only in Append output mode");
        if (j.type == JoinPlan::Type::FullOuter)
            failQuery(where, "Full outer joins with streaming DataFrames/Datasets are not supported");
        if (j.type == JoinPlan::Type::LeftSemi && right)
            failQuery(where, "Left semi/anti joins with a streaming DataFrame/Dataset on the right are not supported");
        if (j.type == JoinPlan::Type::LeftOuter && !left && right)
            failQuery(where, "Left outer join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported");
        if (j.type == JoinPlan::Type::RightOuter && left && !right)
            failQuery(where, "Right outer join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported");
        if ((j.type == JoinPlan::Type::LeftOuter || j.type == JoinPlan::Type::RightOuter) && left && right && !validOuterWatermark(j))
            failQuery(where, "Stream-stream outer join between two streaming DataFrame/Datasets is not supported without a watermark in the join "
                             "keys, or a watermark on the nullable side and an appropriate range condition");
        return;
    }
    if (left && right && mode != OutputMode::Append)
        failQuery(where, std::string("Join between two streaming DataFrames/Datasets is not supported in ") + outputModeSparkName(mode)
                             + " output mode, only in Append output mode");
    switch (j.type) {
    case JoinPlan::Type::Inner: break;
    case JoinPlan::Type::FullOuter:
        if (left && !right)
            failQuery(where, "FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not supported");
        if (!left && right)
            failQuery(where, "FullOuter joins with streaming DataFrames/Datasets on the right and a static DataFrame/Dataset on the left is not supported");
        break;
    case JoinPlan::Type::LeftOuter:
    case JoinPlan::Type::LeftSemi:
        if (!left && right)
            failQuery(where, typeName + " join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported");
        break;
    case JoinPlan::Type::RightOuter:
        if (left && !right)
            failQuery(where, "RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported");
        break;
    }
    if (left && right && j.type != JoinPlan::Type::Inner && !validOuterWatermark(j))
        failQuery(where, "Stream-stream " + typeName
                             + " join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark "
                               "on the nullable side and an appropriate range condition");
    if (left && right && j.leftKeys.empty())
        failQuery(where, "Stream-stream join without equality predicate is not supported");
}

/// checkForStreamStreamJoinWatermark: a watermark in the join keys, or the nullable side
/// watermarked with a range condition bounding the preserved side.
bool Analyzer::validOuterWatermark(const JoinPlan& j)
{
    if (j.keyWatermarkOrdinal)
        return true;
    switch (j.type) {
    case JoinPlan::Type::LeftOuter:
    case JoinPlan::Type::LeftSemi: return j.leftValueOffset.has_value();
    case JoinPlan::Type::RightOuter: return j.rightValueOffset.has_value();
    case JoinPlan::Type::FullOuter: return j.leftValueOffset.has_value() || j.rightValueOffset.has_value();
    case JoinPlan::Type::Inner: return true;
    }
    return true;
}

/// UnsupportedOperationChecker.checkForStreaming, in its order: the output-mode match,
/// then per-operator checks, then planning (AggUtils) for session windows.
void Analyzer::checkForStreaming(const QueryPlan& plan)
{
    const char* mode = outputModeSparkName(plan.mode);
    const std::string where = m_modeOverride ? "" : "query.outputMode";
    const auto& agg = plan.aggregate;
    switch (plan.mode) {
    case OutputMode::Append:
        if (agg && agg->evictionKey == AggregatePlan::EvictionKey::None)
            failQuery(where, std::string(mode) + " output mode not supported when there are streaming aggregations on streaming "
                                                 "DataFrames/DataSets without watermark");
        break;
    case OutputMode::Complete:
        if (!agg && std::none_of(plan.chain.begin(), plan.chain.end(), [](const ChainStage& c) { return c.aggregate.has_value(); }))
            failQuery(where, std::string(mode) + " output mode not supported when there are no streaming aggregations on streaming "
                                                 "DataFrames/Datasets");
        break;
    case OutputMode::Update:
        if (agg && agg->windowKind == AggregatePlan::WindowKind::Session)
            failQuery(where, std::string(mode) + " output mode not supported for session window on streaming DataFrames/DataSets");
        break;
    }
    if (m_sc.query.agg)
        for (size_t i = 0; i < m_sc.query.agg->size(); ++i)
            if ((*m_sc.query.agg)[i].distinct)
                failQuery(indexed("query.agg", i) + ".distinct",
                          "Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead.");
    if (agg && agg->windowKind == AggregatePlan::WindowKind::Session && agg->keyColumns.empty())
        failQuery("query.groupBy", "Global aggregation with session window in streaming query is not supported.");
}

} // namespace tidemark::analysis
