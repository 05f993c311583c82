// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/plan/QueryPlan.h"

#include <optional>
#include <string>

namespace tidemark {

/// The key and value schemas a stateful operator writes to its state store, as Spark's
/// StructType.toString prints them (`StructType(StructField(word,StringType,true),...)`).
struct StateSchema {
    std::string key;
    std::string value;
    std::size_t keyFields = 0;
};

/// The state schema of the query's aggregation (StateStoreSaveExec, format 2: the grouping
/// attributes; the aggregation buffers) or of its deduplication; nullopt without either.
std::optional<StateSchema> stateSchemaOf(const QueryPlan& plan);

/// StateSchemaCompatibilityChecker.check on restart: the state written before (`existing`) and
/// the restarted query's (`provided`) must have the same number of fields with the same types
/// (names may differ). Returns the error the first batch after the restart fails with, in the
/// release's wording: StateSchemaNotCompatible (3.1–3.5) or STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE /
/// STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE (4.0). `where` locates the change in the file.
std::optional<Error> checkStateSchema(const StateSchema& existing, const StateSchema& provided, const SparkVersion& version,
                                      const std::string& where);

} // namespace tidemark
