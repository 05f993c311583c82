// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ops/GroupIndex.h"
#include "engine/ops/OperatorContext.h"

#include <vector>

namespace tidemark {

/// Streaming deduplication (StreamingDeduplicateExec and, from 3.5,
/// StreamingDeduplicateWithinWatermarkExec).
///
/// Rows are processed in input order. When the input has a watermarked column, a row whose
/// event time is at or behind the late-row watermark is dropped first (whether or not the
/// column is a key). The first row with a key not in state is emitted at once and its key
/// stored; later rows with that key are dropped as duplicates (numDroppedDuplicateRows).
/// Eviction: dropDuplicates removes keys whose event time is at or behind the eviction
/// watermark, but only when the event time is one of the keys (otherwise state grows
/// forever); dropDuplicatesWithinWatermark stores expiresAt = event time + delay and removes
/// a key once the eviction watermark >= expiresAt. Dedup never emits at eviction.
class DedupOperator {
public:
    DedupOperator(const DedupPlan& plan, const Schema& schema);

    void beginBatch(const BatchContext& ctx);
    RowOutcome add(const Row& row);
    void finishBatch(std::vector<StateChange>& changes, OperatorProgress& progress, std::uint8_t opIndex);
    bool shouldRunAnotherBatch(Millis newWatermarkMs) const;
    std::size_t numStateRows() const { return m_index.size(); }
    std::vector<Row> stateRows() const;

private:
    struct Entry {
        Row key;
        Micros expiresAt = 0;
        std::uint64_t hash = 0;
        bool live = false;
    };
    Row keyOf(const Row& row) const;
    Row stateRow(const Entry& e) const;

    DedupPlan m_plan;
    Schema m_schema;
    std::vector<Entry> m_entries;
    std::vector<std::int32_t> m_free;
    GroupIndex m_index;
    BatchContext m_ctx;
    std::int64_t m_updated = 0, m_dropped = 0, m_duplicates = 0;
    std::vector<Row> m_puts;
    std::optional<Millis> m_lastEvictionWatermark;
};

} // namespace tidemark
