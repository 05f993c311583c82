// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/RestartedRuns.h"

#include "engine/plan/Analyzer.h"
#include "engine/plan/StateSchemaCompatibility.h"

#include <string>

namespace tidemark {

namespace {

/// Which stateful operators a plan has, as one comparable value.
std::string statefulShape(const QueryPlan& plan)
{
    std::string s;
    if (plan.dedup)
        s += plan.dedup->withinWatermark ? "dedupWithinWatermark " : "dedup ";
    if (plan.aggregate)
        s += plan.aggregate->windowKind == AggregatePlan::WindowKind::Session ? "session " : "aggregate ";
    if (plan.join)
        s += "join ";
    return s;
}

/// The operators of the run before keep working on the restarted run's rows: the same columns
/// reach them and they read the same ones.
bool sameOperatorInput(const QueryPlan& a, const QueryPlan& b)
{
    if (a.streamSchema.fields.size() != b.streamSchema.fields.size())
        return false;
    for (size_t i = 0; i < a.streamSchema.fields.size(); ++i)
        if (a.streamSchema.fields[i].name != b.streamSchema.fields[i].name || a.streamSchema.fields[i].type != b.streamSchema.fields[i].type)
            return false;
    if (a.aggregate && b.aggregate) {
        if (a.aggregate->keyColumns != b.aggregate->keyColumns || a.aggregate->timeColumn != b.aggregate->timeColumn
            || a.aggregate->aggs.size() != b.aggregate->aggs.size())
            return false;
        for (size_t i = 0; i < a.aggregate->aggs.size(); ++i)
            if (a.aggregate->aggs[i].kind != b.aggregate->aggs[i].kind || a.aggregate->aggs[i].column != b.aggregate->aggs[i].column)
                return false;
        if (a.aggregate->window != b.aggregate->window || a.aggregate->sessionGap != b.aggregate->sessionGap)
            return false;
    }
    if (a.dedup && b.dedup && a.dedup->keys != b.dedup->keys)
        return false;
    if (a.join || b.join)
        return a.inputs.size() == b.inputs.size(); // join state: the sides' rows must keep their columns (checked below)
    return true;
}

} // namespace

Result<std::vector<std::shared_ptr<const RestartedRun>>> planRestartedRuns(const Scenario& scenario, const QueryPlan& first,
                                                                           std::optional<OutputMode> mode)
{
    std::vector<std::shared_ptr<const RestartedRun>> runs;
    const QueryPlan* before = &first;
    const QuerySpec* queryBefore = &scenario.query;
    Scenario base;
    base.formatVersion = scenario.formatVersion;
    base.sparkVersion = scenario.sparkVersion;
    base.timeZoneId = scenario.timeZoneId;
    base.zone = scenario.zone;
    base.date = scenario.date;
    base.conf = scenario.conf;
    base.query = scenario.query;
    for (const SourceSpec& s : scenario.sources) {
        SourceSpec copy = s;
        copy.events.clear(); // the run reads the events from the scenario it simulates
        base.sources.push_back(std::move(copy));
    }
    for (size_t i = 0; i < scenario.restarts.size(); ++i) {
        const RestartSpec& r = scenario.restarts[i];
        const std::string where = "restarts[" + std::to_string(i) + "]";
        auto run = std::make_shared<RestartedRun>();
        run->scenario = base;
        run->scenario.query = r.queryAfter(*queryBefore);
        for (const auto& [name, limit] : r.maxEventsPerTrigger)
            for (SourceSpec& s : run->scenario.sources)
                if (s.name == name)
                    s.maxEventsPerTrigger = limit;
        auto plan = analyze(run->scenario, mode);
        if (!plan) {
            Error e = plan.error();
            if (e.where.rfind("query", 0) == 0)
                e.where = where + "." + e.where;
            else if (e.where.empty())
                e.where = where + ".query";
            return e;
        }
        run->plan = std::move(plan.value());
        const std::string changeAt = where + ".query";
        // The state schema comes from the grouping (keys) and the aggregates (values), or the dedup keys.
        const QuerySpec& q = run->scenario.query;
        const std::string schemaAt = changeAt
                                     + (q.groupBy != queryBefore->groupBy                 ? ".groupBy"
                                        : q.agg != queryBefore->agg                       ? ".agg"
                                        : q.dropDuplicates != queryBefore->dropDuplicates ? ".dropDuplicates"
                                                                                          : "");
        // StateSchemaCompatibilityChecker (3.1+, SPARK-27237) runs when the first batch of the
        // restarted query loads the operator's state.
        const auto oldSchema = stateSchemaOf(*before);
        const auto newSchema = stateSchemaOf(run->plan);
        if (oldSchema && newSchema && statefulShape(*before) == statefulShape(run->plan)) {
            if (!scenario.sparkVersion.atLeast(3, 1) && (oldSchema->key != newSchema->key || oldSchema->value != newSchema->value))
                return Error::file(changeAt, "Spark 3.0 does not check the state schema on restart (StateSchemaCompatibilityChecker "
                                             "came in 3.1): the restarted query would read state written with other columns. "
                                             "Tidemark does not simulate that; choose sparkVersion 3.1 or later.");
            if (auto refused = checkStateSchema(*oldSchema, *newSchema, scenario.sparkVersion, schemaAt))
                return *refused;
        }
        if (statefulShape(*before) != statefulShape(run->plan))
            return Error::file(changeAt, "the restarted query has other stateful operators than the query before it; Spark "
                                         "only restarts a query whose stateful operators are unchanged. Tidemark simulates "
                                         "restarts with the same stateful operators.");
        if (!sameOperatorInput(*before, run->plan))
            return Error::file(changeAt, "the rows reaching the stateful operator change columns or the operator reads other "
                                         "ones; Spark may accept such a change when the types match and reuse the old state "
                                         "under the new meaning, which Tidemark does not simulate. Keep the operator's input "
                                         "and grouping as before.");
        runs.push_back(run);
        before = &runs.back()->plan;
        queryBefore = &runs.back()->scenario.query;
    }
    return runs;
}

} // namespace tidemark
