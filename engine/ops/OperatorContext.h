// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/plan/QueryPlan.h"
#include "engine/record/BatchRecord.h"

namespace tidemark {

/// What a stateful operator needs to know about the batch it runs in.
struct BatchContext {
    std::int64_t batchId = 0;
    Millis lateWatermarkMs = 0;     ///< eventTimeWatermarkForLateEvents
    Millis evictionWatermarkMs = 0; ///< eventTimeWatermarkForEviction
    bool materializeCompleteOutput = true;
    bool recordStateChanges = true;
};

/// How one row fared in an operator.
struct RowOutcome {
    enum class Kind : std::uint8_t { Accepted, Late, Duplicate, NullTime, Filtered } kind = Kind::Accepted;
    std::uint16_t numGroups = 0;
    std::uint16_t numLateGroups = 0;
};

/// Watermark (ms) as Spark compares it with a microsecond column: `time <= watermarkMs * 1000`.
inline bool atOrBehindWatermark(Micros time, Millis watermarkMs) { return time <= watermarkMs * kMicrosPerMilli; }

/// Output order of aggregation results: by window (or session) start, then the row's values.
bool aggregateRowLess(const Row& a, const Row& b, int windowColumn);

} // namespace tidemark
