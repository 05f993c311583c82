// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/scenario/Scenario.h"

namespace tidemark {

const SourceSpec* Scenario::findSource(const std::string& name) const
{
    for (const auto& s : sources)
        if (s.name == name)
            return &s;
    return nullptr;
}

std::size_t Scenario::numEvents() const
{
    std::size_t n = 0;
    for (const auto& s : sources)
        n += s.events.size();
    return n;
}

std::vector<const InputSpec*> QuerySpec::joinInputs() const
{
    std::vector<const InputSpec*> out;
    if (!join)
        return out;
    out = {&join->left, &join->right};
    for (const ChainStageSpec& stage : then)
        if (stage.join)
            out.push_back(&stage.join->right);
    return out;
}

QuerySpec RestartSpec::queryAfter(const QuerySpec& before) const
{
    QuerySpec q = before;
    for (const std::string& key : changedKeys) {
        if (key == "source")
            q.source = changes.source;
        else if (key == "union")
            q.unionInputs = changes.unionInputs;
        else if (key == "join")
            q.join = changes.join;
        else if (key == "selectExpr")
            q.selectExpr = changes.selectExpr;
        else if (key == "where")
            q.where = changes.where;
        else if (key == "withWatermark")
            q.withWatermark = changes.withWatermark;
        else if (key == "dropDuplicates")
            q.dropDuplicates = changes.dropDuplicates;
        else if (key == "dropDuplicatesWithinWatermark")
            q.dropDuplicatesWithinWatermark = changes.dropDuplicatesWithinWatermark;
        else if (key == "groupBy")
            q.groupBy = changes.groupBy;
        else if (key == "agg")
            q.agg = changes.agg;
        else if (key == "outputMode")
            q.outputMode = changes.outputMode;
        else if (key == "trigger")
            q.trigger = changes.trigger;
        else if (key == "sinkOptions")
            q.sinkOptions = changes.sinkOptions;
    }
    return q;
}

} // namespace tidemark
