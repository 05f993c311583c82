// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ops/DedupOperator.h"

#include <algorithm>

namespace tidemark {

DedupOperator::DedupOperator(const DedupPlan& plan, const Schema& schema) : m_plan(plan), m_schema(schema) {}

void DedupOperator::beginBatch(const BatchContext& ctx)
{
    m_ctx = ctx;
    m_updated = m_dropped = m_duplicates = 0;
    m_puts.clear();
}

Row DedupOperator::keyOf(const Row& row) const
{
    Row key;
    key.reserve(m_plan.keys.size());
    for (size_t k : m_plan.keys)
        key.push_back(row[k]);
    return key;
}

Row DedupOperator::stateRow(const Entry& e) const
{
    Row r = e.key;
    if (m_plan.withinWatermark)
        r.emplace_back(e.expiresAt);
    return r;
}

/// WatermarkSupport.watermarkExpression: a window struct (the output of an aggregation
/// upstream in a chain) is compared by its end.
static Micros eventTimeOf(const Value& t) { return t.isRange() ? t.asRange().end : t.asInt(); }

RowOutcome DedupOperator::add(const Row& row)
{
    RowOutcome out;
    out.numGroups = 1;
    Micros eventTime = 0;
    if (m_plan.eventTimeColumn) {
        const Value& t = row[*m_plan.eventTimeColumn];
        // A null time is read as 0 by the generated code (UnsafeRow.getLong of a null slot),
        // but the late predicate itself is null for null input and keeps the row.
        eventTime = t.isNull() ? 0 : eventTimeOf(t);
        if (!t.isNull() && atOrBehindWatermark(eventTime, m_ctx.lateWatermarkMs)) {
            ++m_dropped;
            out.kind = RowOutcome::Kind::Late;
            out.numLateGroups = 1;
            return out;
        }
    }
    std::uint64_t hash = 0x6a09e667f3bcc908ULL;
    for (size_t k : m_plan.keys)
        hash = hashCombine(hash, row[k].hash());
    const auto found = m_index.find(hash, [&](std::int32_t s) {
        const Entry& e = m_entries[static_cast<size_t>(s)];
        for (size_t i = 0; i < m_plan.keys.size(); ++i)
            if (!(e.key[i] == row[m_plan.keys[i]]))
                return false;
        return true;
    });
    if (found != GroupIndex::kNone) {
        ++m_duplicates;
        out.kind = RowOutcome::Kind::Duplicate;
        return out;
    }
    std::int32_t slot;
    if (!m_free.empty()) {
        slot = m_free.back();
        m_free.pop_back();
    } else {
        slot = static_cast<std::int32_t>(m_entries.size());
        m_entries.emplace_back();
    }
    Entry& e = m_entries[static_cast<size_t>(slot)];
    e.key = keyOf(row);
    e.hash = hash;
    e.live = true;
    e.expiresAt = eventTime + m_plan.delayMs * kMicrosPerMilli; // DeduplicateWithinWatermark's expiresAtMicros
    m_index.insert(hash, slot);
    ++m_updated;
    if (m_ctx.recordStateChanges)
        m_puts.push_back(stateRow(e));
    return out;
}

void DedupOperator::finishBatch(std::vector<StateChange>& changes, OperatorProgress& progress, std::uint8_t opIndex)
{
    std::int64_t removed = 0;
    std::vector<Row> evicted;
    const Micros wmMicros = m_ctx.evictionWatermarkMs * kMicrosPerMilli;
    const bool evicts = m_plan.withinWatermark || m_plan.eventTimeKey.has_value();
    if (evicts) {
        for (size_t s = 0; s < m_entries.size(); ++s) {
            Entry& e = m_entries[s];
            if (!e.live)
                continue;
            bool remove = false;
            if (m_plan.withinWatermark) {
                remove = wmMicros >= e.expiresAt; // "watermarkForEviction >= expiresAt"
            } else {
                const Value& t = e.key[*m_plan.eventTimeKey];
                remove = !t.isNull() && atOrBehindWatermark(eventTimeOf(t), m_ctx.evictionWatermarkMs);
            }
            if (!remove)
                continue;
            if (m_ctx.recordStateChanges)
                evicted.push_back(stateRow(e));
            m_index.erase(e.hash, static_cast<std::int32_t>(s));
            e.live = false;
            e.key.clear();
            m_free.push_back(static_cast<std::int32_t>(s));
            ++removed;
        }
    }
    m_lastEvictionWatermark = m_ctx.evictionWatermarkMs;
    progress.operatorName = m_plan.withinWatermark ? "dedupeWithinWatermark" : "dedupe";
    progress.numRowsTotal = static_cast<std::int64_t>(m_index.size());
    progress.numRowsUpdated = m_updated;
    progress.numRowsRemoved = removed;
    progress.numRowsDroppedByWatermark = m_dropped;
    progress.numDroppedDuplicateRows = m_duplicates;
    if (m_ctx.recordStateChanges) {
        std::sort(evicted.begin(), evicted.end());
        for (auto& r : m_puts)
            changes.push_back(StateChange{StateChange::Kind::Put, opIndex, std::move(r)});
        for (auto& r : evicted)
            changes.push_back(StateChange{StateChange::Kind::Evicted, opIndex, std::move(r)});
    }
}

bool DedupOperator::shouldRunAnotherBatch(Millis newWatermarkMs) const
{
    return m_lastEvictionWatermark && newWatermarkMs > *m_lastEvictionWatermark;
}

std::vector<Row> DedupOperator::stateRows() const
{
    std::vector<Row> rows;
    for (const auto& e : m_entries)
        if (e.live)
            rows.push_back(stateRow(e));
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace tidemark
