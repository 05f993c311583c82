// SPDX-License-Identifier: GPL-3.0-or-later
// dropDuplicates / dropDuplicatesWithinWatermark and the Deduplicate nodes they add.
#include "engine/plan/AnalyzerRules.h"

#include <algorithm>

namespace tidemark::analysis {

DedupPlan Analyzer::dedup(const std::vector<std::string>& columns, bool withinWatermark, const Schema& schema, const std::string& path)
{
    if (withinWatermark && !m_v.hasDropDuplicatesWithinWatermark())
        failQuery(path, "'DataFrame' object has no attribute 'dropDuplicatesWithinWatermark' "
                        "(dropDuplicatesWithinWatermark was added in Spark 3.5; sparkVersion is "
                            + m_v.toString() + ")", "AttributeError");
    DedupPlan d;
    d.withinWatermark = withinWatermark;
    if (columns.empty()) {
        for (size_t i = 0; i < schema.size(); ++i)
            d.keys.push_back(i);
    }
    for (size_t i = 0; i < columns.size(); ++i) {
        auto idx = schema.find(columns[i]);
        if (!idx)
            failQuery(indexed(path, i), m_v.hasErrorClasses()
                                            ? "[UNRESOLVED_COLUMN_AMONG_FIELD_NAMES] Cannot resolve column name \"" + columns[i] + "\" among ("
                                                  + joinNames(schema) + ")."
                                            : "Cannot resolve column name \"" + columns[i] + "\" among (" + joinNames(schema) + ")");
        d.keys.push_back(*idx);
    }
    d.eventTimeColumn = schema.eventTimeColumn();
    // A join's output carries both sides' event times. From 3.5 (allowMultiple=true) Spark's
    // WatermarkSupport.findEventTimeColumn fails the query's first batch on more than one;
    // before, or with allowMultiple=false, the first occurrence is used, as here.
    const auto eventTimes = std::count_if(schema.fields.begin(), schema.fields.end(), [](const Field& f) { return f.watermarkDelayMs.has_value(); });
    if (eventTimes > 1 && m_v.atLeast(3, 5) && m_sc.conf.allowMultipleStatefulOperators)
        failFile(path, "this input has more than one event-time column (a join's output holds both sides'); Spark "
                       + m_v.toString() + " fails the query on it. Keep one with a selectExpr first");
    if (d.eventTimeColumn) {
        d.delayMs = *schema[*d.eventTimeColumn].watermarkDelayMs;
        for (size_t k = 0; k < d.keys.size(); ++k)
            if (d.keys[k] == *d.eventTimeColumn)
                d.eventTimeKey = k;
    }
    if (withinWatermark && !d.eventTimeColumn)
        failQuery(path, "dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without watermark");
    return d;
}

} // namespace tidemark::analysis
