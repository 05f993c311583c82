// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/Analyzer.h"

#include "engine/plan/AnalyzerRules.h"
#include "engine/plan/JoinCondition.h"
#include "engine/plan/PredicatePushdown.h"
#include "engine/plan/SessionGapAnalysis.h"
#include "engine/plan/WorkLimits.h"

#include <algorithm>
#include <set>

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
            failQuery("query.withWatermark",
                      // WatermarkPropagator (3.4+; _LEGACY_ERROR_TEMP_3076 in 4.0, same text)
                      "Redefining watermark is disallowed. You can set the config "
                      "'spark.sql.streaming.statefulOperator.allowMultiple' to 'false' to restore the previous "
                      "behavior. Note that multiple stateful operators will be disallowed.");
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
        plan.aggregate = aggregate(schema, plan.output);
    } else {
        plan.output = schema;
    }

    plan.mode = outputMode();
    plan.trigger = trigger(q.trigger);
    checkForStreaming(plan);
    return plan;
}

std::string Analyzer::upper(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string Analyzer::joinNames(const Schema& s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i)
        out += (i ? ", " : "") + s[i].name;
    return out;
}

std::optional<JoinPlan::Type> Analyzer::parseJoinType(std::string t)
{
    std::string n;
    for (char c : t)
        if (c != '_')
            n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "inner")
        return JoinPlan::Type::Inner;
    if (n == "leftouter" || n == "left")
        return JoinPlan::Type::LeftOuter;
    if (n == "rightouter" || n == "right")
        return JoinPlan::Type::RightOuter;
    if (n == "fullouter" || n == "full" || n == "outer")
        return JoinPlan::Type::FullOuter;
    if (n == "leftsemi" || n == "semi")
        return JoinPlan::Type::LeftSemi;
    return std::nullopt;
}

/// Rewrites `impressions.adId` / `left.adId` to the side qualifiers of the join schemas.
AstPtr Analyzer::qualify(const AstPtr& a, const std::string& leftName, const std::string& rightName)
{
    auto copy = std::make_shared<Ast>(*a);
    if (copy->kind == Ast::Kind::Column && !copy->qualifier.empty()) {
        if (equalsIgnoreCase(copy->qualifier, leftName) || equalsIgnoreCase(copy->qualifier, "left"))
            copy->qualifier = "left";
        else if (equalsIgnoreCase(copy->qualifier, rightName) || equalsIgnoreCase(copy->qualifier, "right"))
            copy->qualifier = "right";
    }
    for (auto& c : copy->args)
        c = qualify(c, leftName, rightName);
    return copy;
}

Schema Analyzer::withQualifier(Schema s, const std::string& q)
{
    for (auto& f : s.fields)
        f.qualifier = q;
    return s;
}

Schema Analyzer::concat(const Schema& a, const Schema& b)
{
    Schema s = a;
    s.fields.insert(s.fields.end(), b.fields.begin(), b.fields.end());
    return s;
}

void Analyzer::joinQuery(QueryPlan& plan)
{
    const JoinSpec& spec = *m_sc.query.join;
    const std::string path = "query.join";
    auto type = parseJoinType(spec.type);
    if (!type)
        failArgument(path + ".type", "Unsupported join type '" + spec.type
                                         + "'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', "
                                           "'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', "
                                           "'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'.");
    JoinPlan j;
    j.type = *type;
    plan.inputs.push_back(input(spec.left, path + ".left", true));
    plan.inputs.push_back(input(spec.right, path + ".right", true));
    j.leftStatic = m_sc.sources[plan.inputs[0].source].isStatic;
    j.rightStatic = m_sc.sources[plan.inputs[1].source].isStatic;
    if (j.leftStatic && j.rightStatic)
        failFile(path, "both sides are static tables; a streaming query needs a stream");
    j.leftSchema = withQualifier(plan.inputs[0].output, "left");
    j.rightSchema = withQualifier(plan.inputs[1].output, "right");
    plan.numWatermarkNodes = m_nextWatermarkNode;
    const Schema joined = concat(j.leftSchema, j.rightSchema);
    const BindContext ctx{m_v, m_sc.zone, spec.on.value_or("")};

    auto bindSide = [&](const AstPtr& a, const Schema& s, const std::string& where) {
        auto b = bindExpression(*a, s, ctx);
        if (!b.ok())
            failQuery(where, b.error().message);
        return std::move(b.value());
    };
    if (!spec.usingColumns.empty()) {
        j.usingJoin = true;
        for (size_t i = 0; i < spec.usingColumns.size(); ++i) {
            const std::string& name = spec.usingColumns[i];
            auto l = j.leftSchema.find(name);
            auto r = j.rightSchema.find(name);
            if (!l || !r) {
                const Schema& side = !l ? j.leftSchema : j.rightSchema;
                const char* which = !l ? "left" : "right";
                failQuery(indexed(path + ".using", i),
                          m_v.hasErrorClasses()
                              ? "[UNRESOLVED_USING_COLUMN_FOR_JOIN] USING column `" + name + "` cannot be resolved on the " + which
                                    + " side of the join. The " + which + "-side columns: [" + joinNames(side) + "]."
                              : "USING column `" + name + "` cannot be resolved on the " + which + " side of the join. The " + which
                                    + "-side columns: [" + joinNames(side) + "]");
            }
            j.usingLeft.push_back(*l);
            j.usingRight.push_back(*r);
            // Analyzer.commonNaturalJoinProcessing resolves USING into key equalities; the
            // keys keep their columns' watermark metadata, as any key does.
            BoundExpr lk, rk;
            lk.op = rk.op = BoundExpr::Op::Column;
            lk.column = *l;
            lk.type = j.leftSchema[*l].type;
            lk.watermarkDelayMs = j.leftSchema[*l].watermarkDelayMs;
            rk.column = *r;
            rk.type = j.rightSchema[*r].type;
            rk.watermarkDelayMs = j.rightSchema[*r].watermarkDelayMs;
            j.leftKeys.push_back(lk);
            j.rightKeys.push_back(rk);
            j.nullSafeKeys.push_back(false);
        }
    } else if (spec.on) {
        auto parsed = parseExpression(*spec.on);
        if (auto* f = std::get_if<ParseFailure>(&parsed))
            failParse(path + ".on", *spec.on, *f, m_v);
        const AstPtr on = qualify(std::get<AstPtr>(parsed), spec.left.source, spec.right.source);
        // Resolve the whole condition first: unresolved and ambiguous names fail here, as in Spark.
        auto whole = bindExpression(*on, joined, ctx);
        if (!whole.ok())
            failQuery(path + ".on", whole.error().message);
        if (whole->type.id != TypeId::Boolean)
            failQuery(path + ".on", "join condition '" + prettyName(*on) + "' of type " + sparkTypeName(whole->type) + " is not a boolean.");
        const SplitCondition split = splitJoinCondition(on, j.leftSchema, j.rightSchema);
        for (const auto& k : split.keys) {
            BoundExpr l = bindSide(k.left, j.leftSchema, path + ".on");
            BoundExpr r = bindSide(k.right, j.rightSchema, path + ".on");
            if (l.type != r.type && !(l.type.isNumeric() && r.type.isNumeric()))
                failQuery(path + ".on", "cannot join on " + prettyName(*k.left) + " (" + sparkTypeName(l.type) + ") = " + prettyName(*k.right)
                                            + " (" + sparkTypeName(r.type) + ")");
            j.leftKeys.push_back(std::move(l));
            j.rightKeys.push_back(std::move(r));
            j.nullSafeKeys.push_back(k.nullSafe);
        }
        // PushPredicateThroughJoin takes the conjuncts on one side's columns out of the join,
        // where the join type allows; PushPredicateThroughNonJoin then sinks each as far as it
        // goes, below the side's watermark when it does not read the event time.
        for (const auto& c : split.leftOnly) {
            BoundExpr bound = bindSide(c, j.leftSchema, path + ".on");
            if (joinPushesLeftConjuncts(j.type))
                pushFilterDown(plan.inputs[0], std::move(bound), prettyName(*c), m_sc.sources[plan.inputs[0].source].schema);
            else
                j.leftOnly.push_back(std::move(bound));
        }
        for (const auto& c : split.rightOnly) {
            BoundExpr bound = bindSide(c, j.rightSchema, path + ".on");
            if (joinPushesRightConjuncts(j.type))
                pushFilterDown(plan.inputs[1], std::move(bound), prettyName(*c), m_sc.sources[plan.inputs[1].source].schema);
            else
                j.rightOnly.push_back(std::move(bound));
        }
        if (!split.both.empty()) {
            AstPtr all = split.both[0];
            for (size_t i = 1; i < split.both.size(); ++i) {
                auto a = std::make_shared<Ast>();
                a->kind = Ast::Kind::Binary;
                a->op = "AND";
                a->args = {all, split.both[i]};
                all = a;
            }
            j.pairCondition = bindSide(all, joined, path + ".on");
        }
        j.leftValueOffset = stateValueWatermarkOffset(split.both, JoinSide::Left, j.leftSchema, j.rightSchema);
        j.rightValueOffset = stateValueWatermarkOffset(split.both, JoinSide::Right, j.leftSchema, j.rightSchema);
    } else if (!(j.leftStatic || j.rightStatic)) {
        failQuery(path, "Stream-stream join without equality predicate is not supported");
    }
    j.keyWatermarkOrdinal = joinKeyOrdinalForWatermark(j);
    j.leftEventTime = j.leftSchema.eventTimeColumn();
    j.rightEventTime = j.rightSchema.eventTimeColumn();
    j.leftEventTimeIsWindow = j.leftEventTime && j.leftSchema[*j.leftEventTime].type.id == TypeId::Window;
    j.rightEventTimeIsWindow = j.rightEventTime && j.rightSchema[*j.rightEventTime].type.id == TypeId::Window;

    // Output: left then right (left only for a semi join); `using` puts the keys first.
    Schema out;
    if (j.usingJoin) {
        for (size_t k = 0; k < j.usingLeft.size(); ++k) {
            Field f = (j.type == JoinPlan::Type::RightOuter ? j.rightSchema[j.usingRight[k]] : j.leftSchema[j.usingLeft[k]]);
            f.qualifier.clear();
            out.fields.push_back(f);
        }
        for (size_t c = 0; c < j.leftSchema.size(); ++c)
            if (std::find(j.usingLeft.begin(), j.usingLeft.end(), c) == j.usingLeft.end())
                out.fields.push_back(j.leftSchema[c]);
        if (j.type != JoinPlan::Type::LeftSemi)
            for (size_t c = 0; c < j.rightSchema.size(); ++c)
                if (std::find(j.usingRight.begin(), j.usingRight.end(), c) == j.usingRight.end())
                    out.fields.push_back(j.rightSchema[c]);
    } else {
        out = j.type == JoinPlan::Type::LeftSemi ? j.leftSchema : joined;
    }
    for (auto& f : out.fields)
        f.watermarkDelayMs.reset(); // nothing downstream of the join uses event time here
    plan.join = std::move(j);

    const QuerySpec& q = m_sc.query;
    if (q.withWatermark || q.dropDuplicates || q.dropDuplicatesWithinWatermark || q.groupBy || q.agg)
        failFile("query", "after a join Tidemark models stateless steps only (selectExpr, where); "
                          "put withWatermark on the join sides");
    Schema schema = out;
    if (!q.selectExpr.empty())
        plan.steps.push_back(project(q.selectExpr, schema, "query.selectExpr"));
    if (q.where)
        plan.steps.push_back(filter(*q.where, schema, "query.where"));
    plan.streamSchema = out;
    plan.output = schema;
    plan.mode = outputMode();
    plan.trigger = trigger(q.trigger);
    checkForStreaming(plan);
    checkJoin(plan);
}

/// StreamingSymmetricHashJoinHelper.findJoinKeyOrdinalForWatermark: the first left key that
/// is a column carrying watermark metadata, else the first such right key. State on both
/// sides is then evicted by that key (getStateWatermarkPredicates). A null-safe key is
/// coalesce(column, default) there, not a column, so it never is that key.
std::optional<size_t> Analyzer::joinKeyOrdinalForWatermark(const JoinPlan& j)
{
    for (const auto* keys : {&j.leftKeys, &j.rightKeys})
        for (size_t k = 0; k < keys->size(); ++k)
            if ((*keys)[k].op == BoundExpr::Op::Column && (*keys)[k].watermarkDelayMs && !j.nullSafeKeys[k])
                return k;
    return std::nullopt;
}

/// The Join case of checkForStreaming (3.1+ wording; 3.0's where it differed).
void Analyzer::checkJoin(const QueryPlan& plan)
{
    const JoinPlan& j = *plan.join;
    const std::string where = "query.join";
    const bool left = !j.leftStatic, right = !j.rightStatic;
    const std::string typeName = joinTypeSparkName(j.type);
    if (!m_v.hasFullOuterAndSemiStreamJoins()) {
        // Spark 3.0's UnsupportedOperationChecker.
        if (j.type == JoinPlan::Type::Inner && left && right && plan.mode != OutputMode::Append)
            failQuery(where, std::string("Inner join between two streaming DataFrames/Datasets is not supported in ") + outputModeSparkName(plan.mode)
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
    if (left && right && plan.mode != OutputMode::Append)
        failQuery(where, std::string("Join between two streaming DataFrames/Datasets is not supported in ") + outputModeSparkName(plan.mode)
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
        if (!agg)
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

} // namespace analysis

using analysis::AnalysisFailure;
using analysis::Analyzer;

Result<QueryPlan> analyze(const Scenario& scenario, std::optional<OutputMode> mode)
{
    try {
        Analyzer analyzer(scenario, mode);
        return analyzer.run();
    } catch (const AnalysisFailure& f) {
        return f.error;
    }
}

} // namespace tidemark
