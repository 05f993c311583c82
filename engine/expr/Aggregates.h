// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schema/DataType.h"
#include "engine/schema/Value.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark {

/// One aggregate of `agg`, resolved: which input column it reads and its result type.
struct AggFunction {
    enum class Kind { CountStar, Count, Sum, Avg, Min, Max, CollectList, CollectSet, ApproxCountDistinct, StddevSamp };
    Kind kind = Kind::CountStar;
    std::optional<std::size_t> column;
    DataType inputType;
    DataType resultType;
    std::string name; ///< output column name: the `as` alias or Spark's generated name
};

/// The running state of one aggregate for one group.
struct Accumulator {
    std::int64_t count = 0; ///< rows (count) or non-null values seen
    std::int64_t intSum = 0;
    double doubleSum = 0.0;
    double mean = 0.0; ///< stddev: running mean (CentralMomentAgg)
    double m2 = 0.0;   ///< stddev: sum of squared deviations
    Value extreme;     ///< min / max
    std::vector<Value> values; ///< collect_list / collect_set / approx_count_distinct
};

/// Adds one input value to an accumulator (null inputs are ignored except by count(*)).
void accumulate(const AggFunction& fn, Accumulator& acc, const Value& input);

/// The aggregate's current result, as Spark computes it (sum of nothing is null,
/// stddev of one value is null since Spark 3.0, avg is sum/count in double).
Value aggregateResult(const AggFunction& fn, const Accumulator& acc);

} // namespace tidemark
