// SPDX-License-Identifier: GPL-3.0-or-later
// groupBy(...).agg(...): the grouping keys, the window among them, the aggregate functions and
// their input types, and the key Spark evicts state by.
#include "engine/plan/AnalyzerRules.h"

#include "engine/plan/WorkLimits.h"

#include <algorithm>

namespace tidemark::analysis {

AggFunction Analyzer::aggFunction(const AggSpec& spec, const Schema& schema, const std::string& path)
{
    using K = AggFunction::Kind;
    std::string fn = spec.fn;
    for (char& c : fn)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    AggFunction a;
    std::string sparkName = fn;
    if (fn == "count")
        a.kind = spec.column ? K::Count : K::CountStar;
    else if (fn == "sum")
        a.kind = K::Sum;
    else if (fn == "avg" || fn == "mean") {
        a.kind = K::Avg;
        sparkName = "avg";
    } else if (fn == "min")
        a.kind = K::Min;
    else if (fn == "max")
        a.kind = K::Max;
    else if (fn == "collect_list")
        a.kind = K::CollectList;
    else if (fn == "collect_set")
        a.kind = K::CollectSet;
    else if (fn == "approx_count_distinct")
        a.kind = K::ApproxCountDistinct;
    else if (fn == "stddev" || fn == "stddev_samp") {
        a.kind = K::StddevSamp;
        // functions.stddev builds StddevSamp directly in 3.x (named stddev_samp); 4.0 resolves
        // it through the function registry, which keeps the alias "stddev".
        sparkName = (fn == "stddev" && m_v.atLeast(4, 0)) ? "stddev" : "stddev_samp";
    } else {
        failQuery(path + ".fn", "unknown aggregate \"" + spec.fn
                                    + "\"; expected count, sum, avg, min, max, collect_list, collect_set, approx_count_distinct or stddev");
    }
    if (a.kind == K::CountStar) {
        a.resultType = DataType(TypeId::Long);
        a.name = spec.as ? *spec.as : "count";
        return a;
    }
    if (!spec.column)
        failQuery(path, "\"" + spec.fn + "\" needs a \"column\"");
    auto idx = schema.find(*spec.column);
    if (!idx)
        failQuery(path + ".column", unresolvedColumnMessage(*spec.column, schema, m_v));
    a.column = *idx;
    a.inputType = schema[*idx].type;
    const std::string call = sparkName + "(" + (spec.distinct ? "DISTINCT " : "") + schema[*idx].name + ")";
    const std::string callSql = sparkName + "(" + (spec.distinct ? "DISTINCT " : "") + "`" + schema[*idx].name + "`)";
    const bool numericInput = a.inputType.isNumeric() || a.inputType.id == TypeId::String;
    switch (a.kind) {
    case K::Count:
    case K::ApproxCountDistinct: a.resultType = DataType(TypeId::Long); break;
    case K::Sum:
    case K::Avg:
    case K::StddevSamp:
        if (!numericInput)
            failQuery(path + ".column", m_v.hasErrorClasses()
                                            ? "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"" + call
                                                  + "\" due to data type mismatch: The first parameter requires the \"NUMERIC\" type, however \""
                                                  + schema[*idx].name + "\" has the type \"" + upper(sparkTypeName(a.inputType)) + "\"."
                                            : a.kind == K::StddevSamp
                                                  ? "cannot resolve '" + callSql + "' due to data type mismatch: argument 1 requires double type, however, '`"
                                                        + schema[*idx].name + "`' is of " + sparkTypeName(a.inputType) + " type."
                                                  : "cannot resolve '" + callSql + "' due to data type mismatch: function " + sparkName
                                                        + (m_v.atLeast(3, 2) ? " requires numeric or interval types, not " : " requires numeric types, not ")
                                                        + sparkTypeName(a.inputType));
        if (a.kind == K::Sum)
            a.resultType = DataType(a.inputType.isIntegral() ? TypeId::Long : TypeId::Double);
        else
            a.resultType = DataType(TypeId::Double);
        break;
    case K::Min:
    case K::Max: a.resultType = a.inputType; break;
    case K::CollectList:
    case K::CollectSet: a.resultType = DataType(TypeId::Array, a.inputType.id); break;
    case K::CountStar: break;
    }
    a.name = spec.as ? *spec.as : call;
    return a;
}

AggregatePlan Analyzer::aggregate(const std::optional<std::vector<GroupItem>>& groupBy, const std::optional<std::vector<AggSpec>>& aggs,
                                  const std::string& at, const Schema& schema, Schema& output)
{
    AggregatePlan agg;
    const std::vector<GroupItem> items = groupBy ? *groupBy : std::vector<GroupItem>{};
    int windows = 0;
    std::string windowPath; // the groupBy item holding the window
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string path = indexed(at + ".groupBy", i);
        const GroupItem& item = items[i];
        AggregatePlan::GroupColumn g;
        if (item.kind == GroupItem::Kind::Column) {
            auto idx = schema.find(item.column);
            if (!idx)
                failQuery(path, unresolvedColumnMessage(item.column, schema, m_v));
            g.column = *idx;
            g.name = schema[*idx].name;
            g.type = schema[*idx].type;
            agg.keyColumns.push_back(*idx);
        } else {
            if (++windows > 1)
                failQuery(path, m_v.atLeast(3, 2) ? "Multiple time/session window expressions would result in a cartesian product of rows, "
                                                    "therefore they are currently not supported."
                                                  : "Multiple time window expressions would result in a cartesian product of rows, "
                                                    "therefore they are currently not supported.");
            g.isWindow = true;
            g.type = DataType(TypeId::Window);
            windowPath = path;
            if (item.kind == GroupItem::Kind::Window) {
                agg.windowKind = AggregatePlan::WindowKind::Time;
                agg.window = timeWindow(item.window, schema, path + ".window", agg.timeColumn);
                g.name = "window";
            } else {
                if (!m_v.hasSessionWindow())
                    failQuery(path, "cannot import name 'session_window' from 'pyspark.sql.functions' "
                                    "(session windows were added in Spark 3.2; sparkVersion is "
                                        + m_v.toString() + ")", "ImportError");
                agg.windowKind = AggregatePlan::WindowKind::Session;
                auto idx = schema.find(item.session.column);
                if (!idx)
                    failQuery(path + ".session_window.column", unresolvedColumnMessage(item.session.column, schema, m_v));
                if (schema[*idx].type.id != TypeId::Timestamp)
                    failQuery(path + ".session_window.column",
                              "cannot resolve 'session_window(" + schema[*idx].name + ", " + item.session.gap
                                  + ")' due to data type mismatch: argument 1 requires timestamp type, however, '`" + schema[*idx].name
                                  + "`' is of " + sparkTypeName(schema[*idx].type) + " type.");
                agg.timeColumn = *idx;
                sessionGap(agg, item.session.gap, schema, path + ".session_window.gap");
                g.name = "session_window";
            }
        }
        agg.groups.push_back(g);
    }
    // Spark picks the first grouping attribute carrying watermark metadata (the window struct
    // copies its time column's); a window before a watermarked key column wins, and vice versa.
    for (const auto& g : agg.groups) {
        const bool carries = g.isWindow ? schema[agg.timeColumn].watermarkDelayMs.has_value() : schema[g.column].watermarkDelayMs.has_value();
        if (!carries)
            continue;
        if (g.isWindow) {
            agg.evictionKey = AggregatePlan::EvictionKey::Window;
        } else {
            agg.evictionKey = AggregatePlan::EvictionKey::KeyColumn;
            agg.evictionKeyIndex = static_cast<size_t>(
                std::find(agg.keyColumns.begin(), agg.keyColumns.end(), g.column) - agg.keyColumns.begin());
        }
        break;
    }
    if (aggs) {
        for (size_t i = 0; i < aggs->size(); ++i)
            agg.aggs.push_back(aggFunction((*aggs)[i], schema, indexed(at + ".agg", i)));
    } else {
        AggFunction count;
        count.kind = AggFunction::Kind::CountStar;
        count.resultType = DataType(TypeId::Long);
        count.name = "count";
        agg.aggs.push_back(count);
    }
    if (agg.aggs.empty())
        failQuery(at + ".agg", "an aggregation needs at least one aggregate");
    output = Schema{};
    for (const auto& g : agg.groups) {
        Field f{g.name, g.type, std::nullopt, {}};
        if (g.isWindow)
            f.watermarkDelayMs = schema[agg.timeColumn].watermarkDelayMs;
        else
            f.watermarkDelayMs = schema[g.column].watermarkDelayMs;
        output.fields.push_back(f);
    }
    for (const auto& a : agg.aggs)
        output.fields.push_back(Field{a.name, a.resultType, std::nullopt, {}});
    if (agg.windowKind == AggregatePlan::WindowKind::Time) {
        std::vector<std::string> keys;
        for (const auto& g : agg.groups)
            if (!g.isWindow)
                keys.push_back(g.name);
        if (auto e = checkWindowState(m_sc, agg.window, schema[agg.timeColumn].name, keys, windowPath + ".window"))
            throw AnalysisFailure{*e};
    }
    return agg;
}

} // namespace tidemark::analysis
