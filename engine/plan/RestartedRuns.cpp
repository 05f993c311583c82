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
    for (const ChainStage& stage : plan.chain) // the operators after the first, or after a join
        s += stage.aggregate ? "then:aggregate "
             : stage.dedup   ? (stage.dedup->withinWatermark ? "then:dedupWithinWatermark " : "then:dedup ")
             : stage.join    ? std::string("then:join:") + joinTypeSparkName(stage.join->type) + " "
                             : "";
    return s;
}

bool sameFields(const Schema& a, const Schema& b)
{
    if (a.fields.size() != b.fields.size())
        return false;
    for (size_t i = 0; i < a.fields.size(); ++i)
        if (a.fields[i].name != b.fields[i].name || a.fields[i].type != b.fields[i].type)
            return false;
    return true;
}

bool sameAggregate(const AggregatePlan& a, const AggregatePlan& b)
{
    if (a.keyColumns != b.keyColumns || a.timeColumn != b.timeColumn || a.aggs.size() != b.aggs.size())
        return false;
    for (size_t i = 0; i < a.aggs.size(); ++i)
        if (a.aggs[i].kind != b.aggs[i].kind || a.aggs[i].column != b.aggs[i].column)
            return false;
    return a.window == b.window && a.sessionGap == b.sessionGap;
}

/// The operators of the run before keep working on the restarted run's rows: the same columns
/// reach them and they read the same ones.
bool sameOperatorInput(const QueryPlan& a, const QueryPlan& b)
{
    if (!sameFields(a.streamSchema, b.streamSchema))
        return false;
    if (a.aggregate && b.aggregate && !sameAggregate(*a.aggregate, *b.aggregate))
        return false;
    if (a.dedup && b.dedup && a.dedup->keys != b.dedup->keys)
        return false;
    // The operators after the first keep their state too: the same rows must reach them.
    if (a.chain.size() != b.chain.size())
        return false;
    for (size_t i = 0; i < a.chain.size(); ++i) {
        const ChainStage& x = a.chain[i];
        const ChainStage& y = b.chain[i];
        if (!sameFields(x.input, y.input) || (x.aggregate && y.aggregate && !sameAggregate(*x.aggregate, *y.aggregate))
            || (x.dedup && y.dedup && x.dedup->keys != y.dedup->keys)
            || (x.join && y.join && (!sameFields(x.join->rightSchema, y.join->rightSchema) || !sameFields(x.output, y.output))))
            return false;
    }
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
