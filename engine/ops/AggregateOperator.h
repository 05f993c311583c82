// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/expr/Aggregates.h"
#include "engine/ops/GroupIndex.h"
#include "engine/ops/OperatorContext.h"

#include <array>
#include <limits>
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
    /// Up to this many integer keys are also kept in the group itself, so that a lookup and
    /// the output sort compare them without reading the key row (a long key and a window is
    /// the common query).
    static constexpr std::size_t kInlineKeys = 2;
    struct InlineKeys {
        std::array<std::int64_t, kInlineKeys> values{};
        bool valid = false; ///< every key is a non-null integer and there are at most kInlineKeys
    };
    /// What a lookup, the late check and the eviction scan read, in one cache line; the key
    /// row and the accumulators are kept by slot beside it.
    struct alignas(64) Group {
        TimeRange window;
        InlineKeys inlineKeys;
        std::uint64_t hash = 0;
        std::int64_t touchedBatch = -1;
        bool live = false;
    };
    /// One touched group as the output sort sees it. With inline keys, `order` holds what
    /// groupLess compares, in its order (window start, then per grouping item the window end
    /// or the key), so that entries compare as plain integer arrays.
    struct SortEntry {
        std::array<std::int64_t, 2 + kInlineKeys> order{};
        bool ordered = false;
        std::int32_t slot = 0;
    };

    std::uint64_t keyHashOf(const Row& row) const;
    std::uint64_t hashOf(std::uint64_t keyHash, const TimeRange& window) const;
    InlineKeys inlineKeysOf(const Row& row) const;
    std::int32_t findOrCreate(const Row& row, const TimeRange& window, std::uint64_t hash, const InlineKeys& inlineKeys);
    bool isLate(const Row& row, const TimeRange& window, Millis watermarkMs) const;
    bool evictable(std::int32_t slot, Millis watermarkMs) const;
    /// The accumulators of the group in `slot`: m_plan.aggs.size() of them, in m_accumulators.
    Accumulator* accumulatorsOf(std::int32_t slot) { return m_accumulators.data() + static_cast<size_t>(slot) * m_plan.aggs.size(); }
    const Accumulator* accumulatorsOf(std::int32_t slot) const
    {
        return m_accumulators.data() + static_cast<size_t>(slot) * m_plan.aggs.size();
    }
    Row outputRow(std::int32_t slot) const;
    bool groupLess(std::int32_t a, std::int32_t b) const;
    SortEntry sortEntryOf(std::int32_t slot) const;
    void sortRows(std::vector<Row>& rows) const;

    AggregatePlan m_plan;
    SparkVersion m_version;
    OutputMode m_mode;
    bool m_watermarked;    ///< a grouping item carries the watermark and the mode filters/evicts
    int m_windowColumn = -1; ///< position of the window in the output row
    /// The grouping items in groupBy order: the index into keyColumns, or kWindowItem.
    static constexpr int kWindowItem = -1;
    std::vector<int> m_groupOrder;
    std::vector<Group> m_groups;
    std::vector<Row> m_groupKeys; ///< by slot: the values of the key columns
    /// Every group's accumulators, by slot: their address follows from the slot alone, so
    /// that reading them need not wait for the group to be read.
    std::vector<Accumulator> m_accumulators;
    std::vector<std::int32_t> m_free;
    GroupIndex m_index;
    BatchContext m_ctx;
    std::vector<std::int32_t> m_touched;
    std::vector<SortEntry> m_sortScratch;
    std::unordered_set<std::uint64_t> m_lateGroups; ///< distinct late groups of the batch
    std::vector<TimeRange> m_windows; ///< scratch
    std::vector<std::uint64_t> m_hashes; ///< scratch: the hash of each of m_windows
    std::optional<Millis> m_lastEvictionWatermark;
    /// No live group's window ends before this (window eviction only): while the eviction
    /// watermark is below it, finishBatch need not look at the groups.
    Micros m_earliestWindowEnd = std::numeric_limits<Micros>::max();
};

} // namespace tidemark
