// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/expr/Aggregates.h"
#include "engine/ops/OperatorContext.h"
#include "engine/plan/SessionGap.h"

#include <map>
#include <vector>

namespace tidemark {

/// Session-window aggregation (SessionWindowStateStoreRestoreExec / SaveExec with
/// MergingSessionsIterator).
///
/// Each row opens the session [t, t + gap), its gap fixed or its own (SessionGap.h); rows whose session end is at or behind the
/// late-row watermark are dropped (counted per row from Spark 3.4). Per key, the batch's
/// sessions and the stored ones are merged in start order while `next.start <= current.end`
/// (touching sessions merge). Every session of a key touched in the batch is written back
/// (numRowsUpdated), sessions absorbed by a merge are removed. Append then emits and removes
/// sessions whose end is at or behind the eviction watermark; Complete emits the whole
/// state. Update mode is rejected by the analyzer, as Spark does.
class SessionOperator {
public:
    SessionOperator(const AggregatePlan& plan, const SparkVersion& version, OutputMode mode);

    void beginBatch(const BatchContext& ctx);
    RowOutcome add(const Row& row);
    void finishBatch(std::vector<Row>& sinkRows, std::vector<StateChange>& changes, OperatorProgress& progress);
    bool shouldRunAnotherBatch(Millis newWatermarkMs) const;
    std::size_t numStateRows() const;
    std::vector<Row> stateRows() const;
    /// The gap of the row last given to add(), to tell its fate.
    const SessionGap& lastGap() const { return m_lastGap; }

private:
    struct Session {
        TimeRange range;
        std::vector<Accumulator> accs;
    };
    struct Pending {
        TimeRange range;
        Row values; ///< aggregate inputs of the row
    };

    Row outputRow(const Row& keys, const Session& s) const;
    void sortRows(std::vector<Row>& rows) const;

    AggregatePlan m_plan;
    SparkVersion m_version;
    OutputMode m_mode;
    bool m_watermarked;
    int m_windowColumn = -1;
    std::map<Row, std::vector<Session>> m_state; ///< per key, sessions sorted by start
    std::map<Row, std::vector<Pending>> m_pending;
    BatchContext m_ctx;
    std::int64_t m_dropped = 0;
    std::optional<Millis> m_lastEvictionWatermark;
    SessionGap m_lastGap;
};

} // namespace tidemark
