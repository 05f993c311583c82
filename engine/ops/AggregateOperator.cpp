// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ops/AggregateOperator.h"

#include <algorithm>

namespace tidemark {

bool aggregateRowLess(const Row& a, const Row& b, int windowColumn)
{
    if (windowColumn >= 0) {
        const Value& wa = a[static_cast<size_t>(windowColumn)];
        const Value& wb = b[static_cast<size_t>(windowColumn)];
        if (wa.isRange() && wb.isRange() && wa.asRange().start != wb.asRange().start)
            return wa.asRange().start < wb.asRange().start;
    }
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
        const auto c = a[i] <=> b[i];
        if (c != 0)
            return c < 0;
    }
    return a.size() < b.size();
}

AggregateOperator::AggregateOperator(const AggregatePlan& plan, const SparkVersion& version, OutputMode mode)
    : m_plan(plan)
    , m_version(version)
    , m_mode(mode)
    , m_watermarked(plan.evictionKey != AggregatePlan::EvictionKey::None && mode != OutputMode::Complete)
{
    int key = 0;
    for (size_t i = 0; i < plan.groups.size(); ++i) {
        if (plan.groups[i].isWindow)
            m_windowColumn = static_cast<int>(i);
        m_groupOrder.push_back(plan.groups[i].isWindow ? kWindowItem : key++);
    }
}

void AggregateOperator::beginBatch(const BatchContext& ctx)
{
    m_ctx = ctx;
    m_touched.clear();
    m_lateGroups.clear();
}

std::uint64_t AggregateOperator::keyHashOf(const Row& row) const
{
    std::uint64_t h = 0x84222325cbf29ce4ULL;
    for (size_t k : m_plan.keyColumns)
        h = hashCombine(h, row[k].hash());
    return h;
}

std::uint64_t AggregateOperator::hashOf(std::uint64_t keyHash, const TimeRange& window) const
{
    if (m_plan.windowKind == AggregatePlan::WindowKind::Time)
        return hashCombine(keyHash, static_cast<std::uint64_t>(window.start) * 0x9e3779b97f4a7c15ULL);
    return keyHash;
}

AggregateOperator::InlineKeys AggregateOperator::inlineKeysOf(const Row& row) const
{
    InlineKeys out;
    const auto& keys = m_plan.keyColumns;
    if (keys.size() > kInlineKeys)
        return out;
    for (size_t i = 0; i < keys.size(); ++i) {
        if (!row[keys[i]].isInt())
            return out;
        out.values[i] = row[keys[i]].asInt();
    }
    out.valid = true;
    return out;
}

std::int32_t AggregateOperator::findOrCreate(const Row& row, const TimeRange& window, std::uint64_t hash, const InlineKeys& inlineKeys)
{
    const auto& keys = m_plan.keyColumns;
    const bool windowed = m_plan.windowKind == AggregatePlan::WindowKind::Time;
    std::int32_t slot = m_index.find(hash, [&](std::int32_t s) {
        const Group& g = m_groups[static_cast<size_t>(s)];
        if (windowed && g.window != window)
            return false;
        if (g.inlineKeys.valid && inlineKeys.valid) // integers compare as Value's operator== does
            return g.inlineKeys.values == inlineKeys.values;
        const Row& stored = m_groupKeys[static_cast<size_t>(s)];
        for (size_t i = 0; i < keys.size(); ++i)
            if (!(stored[i] == row[keys[i]]) || stored[i].isNull() != row[keys[i]].isNull())
                return false;
        return true;
    });
    if (slot != GroupIndex::kNone)
        return slot;
    if (!m_free.empty()) {
        slot = m_free.back();
        m_free.pop_back();
    } else {
        slot = static_cast<std::int32_t>(m_groups.size());
        m_groups.emplace_back();
        m_groupKeys.emplace_back();
        m_accumulators.resize(m_accumulators.size() + m_plan.aggs.size());
    }
    Group& g = m_groups[static_cast<size_t>(slot)];
    Row& stored = m_groupKeys[static_cast<size_t>(slot)];
    stored.clear();
    for (size_t k : keys)
        stored.push_back(row[k]);
    g.window = window;
    g.inlineKeys = inlineKeys;
    m_earliestWindowEnd = std::min(m_earliestWindowEnd, window.end);
    std::fill_n(accumulatorsOf(slot), m_plan.aggs.size(), Accumulator{});
    g.hash = hash;
    g.touchedBatch = -1;
    g.live = true;
    m_index.insert(hash, slot);
    return slot;
}

bool AggregateOperator::isLate(const Row& row, const TimeRange& window, Millis watermarkMs) const
{
    // WatermarkSupport.watermarkExpression: window.end <= wm for a window key, key <= wm for a
    // timestamp key; a null key is never late.
    if (m_plan.evictionKey == AggregatePlan::EvictionKey::Window)
        return atOrBehindWatermark(window.end, watermarkMs);
    const Value& key = row[m_plan.keyColumns[m_plan.evictionKeyIndex]];
    return !key.isNull() && atOrBehindWatermark(key.asInt(), watermarkMs);
}

bool AggregateOperator::evictable(std::int32_t slot, Millis watermarkMs) const
{
    const Group& g = m_groups[static_cast<size_t>(slot)];
    if (m_plan.evictionKey == AggregatePlan::EvictionKey::Window)
        return atOrBehindWatermark(g.window.end, watermarkMs);
    const Value& key = m_groupKeys[static_cast<size_t>(slot)][m_plan.evictionKeyIndex];
    return !key.isNull() && atOrBehindWatermark(key.asInt(), watermarkMs);
}

RowOutcome AggregateOperator::add(const Row& row)
{
    RowOutcome out;
    if (m_plan.windowKind == AggregatePlan::WindowKind::Time) {
        const Value& t = row[m_plan.timeColumn];
        if (t.isNull()) {
            out.kind = RowOutcome::Kind::NullTime; // TimeWindowing's IsNotNull filter
            return out;
        }
        m_plan.window.assign(t.asInt(), m_version, m_windows);
    } else {
        m_windows.assign(1, TimeRange{});
    }
    const InlineKeys inlineKeys = inlineKeysOf(row);
    // Every window's hash first, and a hint to fetch its place in the index, so that the
    // windows' lookups wait for memory together rather than one after the other.
    const std::uint64_t keyHash = keyHashOf(row);
    m_hashes.clear();
    for (const TimeRange& w : m_windows) {
        m_hashes.push_back(hashOf(keyHash, w));
        m_index.prefetch(m_hashes.back());
    }
    for (size_t i = 0; i < m_windows.size(); ++i) {
        const TimeRange& w = m_windows[i];
        const std::uint64_t hash = m_hashes[i];
        ++out.numGroups;
        if (m_watermarked && isLate(row, w, m_ctx.lateWatermarkMs)) {
            ++out.numLateGroups;
            // numRowsDroppedByWatermark counts late groups after the partial merge: once per group.
            m_lateGroups.insert(hash);
            continue;
        }
        const std::int32_t slot = findOrCreate(row, w, hash, inlineKeys);
        Accumulator* accs = accumulatorsOf(slot);
        for (size_t a = 0; a < m_plan.aggs.size(); ++a) {
            const AggFunction& fn = m_plan.aggs[a];
            if (fn.kind == AggFunction::Kind::CountStar)
                ++accs[a].count; // count(*), the common aggregate, without a call
            else
                accumulate(fn, accs[a], fn.column ? row[*fn.column] : Value());
        }
        Group& g = m_groups[static_cast<size_t>(slot)];
        if (g.touchedBatch != m_ctx.batchId) {
            g.touchedBatch = m_ctx.batchId;
            m_touched.push_back(slot);
        }
    }
    if (out.numGroups > 0 && out.numLateGroups == out.numGroups)
        out.kind = RowOutcome::Kind::Late;
    return out;
}

bool AggregateOperator::groupLess(std::int32_t a, std::int32_t b) const
{
    // Same order as aggregateRowLess over output rows: window start, then the grouping
    // columns in groupBy order (the window compares by start then end).
    const Group& x = m_groups[static_cast<size_t>(a)];
    const Group& y = m_groups[static_cast<size_t>(b)];
    if (m_windowColumn >= 0 && x.window.start != y.window.start)
        return x.window.start < y.window.start;
    for (const int item : m_groupOrder) {
        if (item == kWindowItem) {
            if (x.window != y.window)
                return x.window < y.window;
            continue;
        }
        const auto c = m_groupKeys[static_cast<size_t>(a)][static_cast<size_t>(item)] <=> m_groupKeys[static_cast<size_t>(b)][static_cast<size_t>(item)];
        if (c != 0)
            return c < 0;
    }
    return false;
}

AggregateOperator::SortEntry AggregateOperator::sortEntryOf(std::int32_t slot) const
{
    const Group& g = m_groups[static_cast<size_t>(slot)];
    SortEntry e;
    e.slot = slot;
    if (!g.inlineKeys.valid)
        return e;
    size_t n = 0;
    if (m_windowColumn >= 0)
        e.order[n++] = g.window.start;
    for (const int item : m_groupOrder)
        e.order[n++] = item == kWindowItem ? g.window.end : g.inlineKeys.values[static_cast<size_t>(item)];
    e.ordered = true;
    return e;
}

Row AggregateOperator::outputRow(std::int32_t slot) const
{
    const Group& g = m_groups[static_cast<size_t>(slot)];
    const Accumulator* accs = accumulatorsOf(slot);
    Row row;
    row.reserve(m_plan.groups.size() + m_plan.aggs.size());
    for (const int item : m_groupOrder) {
        if (item == kWindowItem)
            row.emplace_back(g.window);
        else if (g.inlineKeys.valid) // the same integers, without reading the key row
            row.emplace_back(g.inlineKeys.values[static_cast<size_t>(item)]);
        else
            row.push_back(m_groupKeys[static_cast<size_t>(slot)][static_cast<size_t>(item)]);
    }
    for (size_t a = 0; a < m_plan.aggs.size(); ++a)
        row.push_back(aggregateResult(m_plan.aggs[a], accs[a]));
    return row;
}

void AggregateOperator::sortRows(std::vector<Row>& rows) const
{
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return aggregateRowLess(a, b, m_windowColumn); });
}

std::vector<Row> AggregateOperator::stateRows() const
{
    std::vector<Row> rows;
    rows.reserve(m_index.size());
    for (size_t s = 0; s < m_groups.size(); ++s)
        if (m_groups[s].live)
            rows.push_back(outputRow(static_cast<std::int32_t>(s)));
    sortRows(rows);
    return rows;
}

void AggregateOperator::finishBatch(std::vector<Row>& sinkRows, std::vector<StateChange>& changes, OperatorProgress& progress)
{
    // A global aggregation (no grouping keys) always produces one partial row, even from an
    // empty batch (HashAggregateExec with no keys; StateStoreRestoreExec's comment on it), so
    // the group is written and, in update mode, emitted every batch.
    if (m_plan.keyColumns.empty() && m_plan.windowKind == AggregatePlan::WindowKind::None) {
        const Row none;
        const std::int32_t slot = findOrCreate(none, TimeRange{}, hashOf(keyHashOf(none), TimeRange{}), inlineKeysOf(none));
        Group& g = m_groups[static_cast<size_t>(slot)];
        if (g.touchedBatch != m_ctx.batchId) {
            g.touchedBatch = m_ctx.batchId;
            m_touched.push_back(slot);
        }
    }
    progress.operatorName = "stateStoreSave";
    progress.numRowsUpdated = static_cast<std::int64_t>(m_touched.size());
    progress.numRowsDroppedByWatermark = static_cast<std::int64_t>(m_lateGroups.size());

    std::vector<Row> updated;
    if (m_mode == OutputMode::Update || m_ctx.recordStateChanges) {
        // Order the groups by (window start, keys, window end) before building rows, so the
        // sort compares integers and keys only, not aggregate values.
        m_sortScratch.clear();
        m_sortScratch.reserve(m_touched.size());
        for (const std::int32_t s : m_touched)
            m_sortScratch.push_back(sortEntryOf(s));
        std::sort(m_sortScratch.begin(), m_sortScratch.end(), [&](const SortEntry& a, const SortEntry& b) {
            return a.ordered && b.ordered ? a.order < b.order : groupLess(a.slot, b.slot);
        });
        updated.reserve(m_sortScratch.size());
        for (const SortEntry& e : m_sortScratch)
            updated.push_back(outputRow(e.slot));
    }
    std::vector<Row> evicted;
    const bool byWindow = m_plan.evictionKey == AggregatePlan::EvictionKey::Window;
    if (m_watermarked && !(byWindow && !atOrBehindWatermark(m_earliestWindowEnd, m_ctx.evictionWatermarkMs))) {
        Micros earliestKept = std::numeric_limits<Micros>::max();
        for (size_t s = 0; s < m_groups.size(); ++s) {
            Group& g = m_groups[s];
            if (!g.live)
                continue;
            if (!evictable(static_cast<std::int32_t>(s), m_ctx.evictionWatermarkMs)) {
                earliestKept = std::min(earliestKept, g.window.end);
                continue;
            }
            evicted.push_back(outputRow(static_cast<std::int32_t>(s)));
            m_index.erase(g.hash, static_cast<std::int32_t>(s));
            g.live = false;
            std::fill_n(accumulatorsOf(static_cast<std::int32_t>(s)), m_plan.aggs.size(), Accumulator{}); // frees collected values
            m_groupKeys[s].clear();
            g.inlineKeys = {};
            m_free.push_back(static_cast<std::int32_t>(s));
        }
        m_earliestWindowEnd = earliestKept;
        sortRows(evicted);
    }
    m_lastEvictionWatermark = m_ctx.evictionWatermarkMs;
    progress.numRowsRemoved = static_cast<std::int64_t>(evicted.size());
    progress.numRowsTotal = static_cast<std::int64_t>(m_index.size());

    // The rows are copied only when the state changes keep them too.
    switch (m_mode) {
    case OutputMode::Append:
        if (m_ctx.recordStateChanges)
            sinkRows = evicted;
        else
            sinkRows = std::move(evicted);
        break;
    case OutputMode::Update:
        if (m_ctx.recordStateChanges)
            sinkRows = updated;
        else
            sinkRows = std::move(updated);
        break;
    case OutputMode::Complete:
        if (m_ctx.materializeCompleteOutput)
            sinkRows = stateRows();
        break;
    }
    if (m_ctx.recordStateChanges) {
        for (auto& r : updated)
            changes.push_back(StateChange{StateChange::Kind::Put, 0, std::move(r)});
        for (auto& r : evicted)
            changes.push_back(StateChange{StateChange::Kind::Evicted, 0, std::move(r)});
    }
}

bool AggregateOperator::shouldRunAnotherBatch(Millis newWatermarkMs) const
{
    // (Append or Update) && eventTimeWatermarkForEviction.isDefined && newWatermark > it
    return m_mode != OutputMode::Complete && m_lastEvictionWatermark && newWatermarkMs > *m_lastEvictionWatermark;
}

} // namespace tidemark
