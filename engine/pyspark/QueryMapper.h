// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/pyspark/PySparkInterpreter.h"
#include "engine/scenario/Scenario.h"

#include <string>
#include <vector>

namespace tidemark::pyspark {

/// A source of the mapped query and the notebook step that reads it.
struct MappedSource {
    std::string name;
    PlanPtr plan; ///< the Source or Static step
    /// The schema the query reads: the reader's, or from_json's for a Kafka value.
    std::optional<std::vector<FieldDef>> schema;
};

struct MappedQuery {
    QuerySpec query;
    std::vector<MappedSource> sources;
    std::vector<ImportMessage> messages;
};

/// Maps a started query's lineage onto Tidemark's query: the steps in Spark's order
/// (select, where, withWatermark, dropDuplicates, groupBy/agg), a join's two sides, and the
/// writer's output mode, trigger and console options. The first step that cannot be mapped
/// is reported with its place, and the query up to it is kept.
MappedQuery mapQuery(const StartedQuery& started, const Interpreter& interpreter);

} // namespace tidemark::pyspark
