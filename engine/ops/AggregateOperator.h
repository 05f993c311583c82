// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ops/Aggregates.h"
#include "engine/ops/GroupIndex.h"
#include "engine/ops/OperatorContext.h"

#include <unordered_set>
#include <vector>

namespace tidemark {

/// Streaming aggregation over plain keys and/or a tumbling or sliding window
/// (StateStoreRestoreExec + StateStoreSaveExec).
///
/// Per batch: each input row is assigned its windows; in Append and Update mode a group
/// whose watermarked key is at or behind the late-row watermark is dropped
/// (`window.end <= wm`, or `key <= wm` for a raw timestamp key) and counted once per group
/// in numRowsDroppedByWatermark; the rest update the group's state. At the end of the batch:
/// Update emits every group written in the batch; then, in Append and Update, groups whose
/// key is at or behind the eviction watermark are removed (Append emits them, with their
/// final values, exactly once). Complete neither filters nor evicts and emits the whole state.
class AggregateOperator {
public:
    AggregateOperator(const AggregatePlan& plan, const SparkVersion& version, OutputMode mode);

    void beginBatch(const BatchContext& ctx);
    RowOutcome add(const Row& row);
    /// Emits the sink rows (sorted), state changes and progress for the batch.
    void finishBatch(std::vector<Row>& sinkRows, std::vector<StateChange>& changes, OperatorProgress& progress);
    /// StateStoreSaveExec.shouldRunAnotherBatch.
    bool shouldRunAnotherBatch(Millis newWatermarkMs) const;
    std::size_t numStateRows() const { return m_index.size(); }
    /// The state as output rows, sorted (for the complete-mode result table and the UI).
    std::vector<Row> stateRows() const;

private:
    struct Group {
        Row keys;
        TimeRange window;
        std::vector<Accumulator> accs;
        std::uint64_t hash = 0;
        std::int64_t touchedBatch = -1;
        bool live = false;
    };

    std::uint64_t hashOf(const Row& row, const TimeRange& window) const;
    std::int32_t findOrCreate(const Row& row, const TimeRange& window, std::uint64_t hash);
    bool isLate(const Row& row, const TimeRange& window, Millis watermarkMs) const;
    bool evictable(const Group& g, Millis watermarkMs) const;
    Row outputRow(const Group& g) const;
    bool groupLess(std::int32_t a, std::int32_t b) const;
    void sortRows(std::vector<Row>& rows) const;

    AggregatePlan m_plan;
    SparkVersion m_version;
    OutputMode m_mode;
    bool m_watermarked;    ///< a grouping item carries the watermark and the mode filters/evicts
    int m_windowColumn = -1; ///< position of the window in the output row
    std::vector<Group> m_groups;
    std::vector<std::int32_t> m_free;
    GroupIndex m_index;
    BatchContext m_ctx;
    std::vector<std::int32_t> m_touched;
    std::unordered_set<std::uint64_t> m_lateGroups; ///< distinct late groups of the batch
    std::vector<TimeRange> m_windows; ///< scratch
    std::optional<Millis> m_lastEvictionWatermark;
};

} // namespace tidemark
