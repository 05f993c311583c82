// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ops/SessionOperator.h"

#include "engine/time/Checked.h"

#include <algorithm>

namespace tidemark {

namespace {

/// CentralMomentAgg / Average / ... merge of two partial aggregates.
void mergeInto(const AggFunction& fn, Accumulator& into, const Accumulator& from)
{
    using K = AggFunction::Kind;
    switch (fn.kind) {
    case K::CountStar:
    case K::Count: into.count += from.count; break;
    case K::Sum:
    case K::Avg:
        into.count += from.count;
        into.intSum = static_cast<std::int64_t>(static_cast<std::uint64_t>(into.intSum) + static_cast<std::uint64_t>(from.intSum));
        into.doubleSum += from.doubleSum;
        break;
    case K::Min:
        if (!from.extreme.isNull() && (into.extreme.isNull() || from.extreme < into.extreme))
            into.extreme = from.extreme;
        break;
    case K::Max:
        if (!from.extreme.isNull() && (into.extreme.isNull() || from.extreme > into.extreme))
            into.extreme = from.extreme;
        break;
    case K::CollectList: into.values.insert(into.values.end(), from.values.begin(), from.values.end()); break;
    case K::CollectSet:
    case K::ApproxCountDistinct:
        for (const Value& v : from.values)
            if (std::find(into.values.begin(), into.values.end(), v) == into.values.end())
                into.values.push_back(v);
        break;
    case K::StddevSamp: {
        const double n1 = static_cast<double>(into.count), n2 = static_cast<double>(from.count);
        const double n = n1 + n2;
        if (n2 == 0)
            break;
        const double delta = from.mean - into.mean;
        const double deltaN = n == 0 ? 0.0 : delta / n;
        into.mean += deltaN * n2;
        into.m2 += from.m2 + delta * deltaN * n1 * n2;
        into.count += from.count;
        break;
    }
    }
}

} // namespace

SessionOperator::SessionOperator(const AggregatePlan& plan, const SparkVersion& version, OutputMode mode)
    : m_plan(plan)
    , m_version(version)
    , m_mode(mode)
    , m_watermarked(plan.evictionKey != AggregatePlan::EvictionKey::None)
{
    for (size_t i = 0; i < plan.groups.size(); ++i)
        if (plan.groups[i].isWindow)
            m_windowColumn = static_cast<int>(i);
}

void SessionOperator::beginBatch(const BatchContext& ctx)
{
    m_ctx = ctx;
    m_pending.clear();
    m_dropped = 0;
}

RowOutcome SessionOperator::add(const Row& row)
{
    RowOutcome out;
    const Value& t = row[m_plan.timeColumn];
    // SessionWindowing's filter: IsNotNull(time) && session.end > session.start
    if (t.isNull()) {
        out.kind = RowOutcome::Kind::NullTime;
        return out;
    }
    m_lastGap = sessionGapOf(m_plan, row);
    if (m_lastGap.kind != SessionGap::Kind::Positive) {
        out.kind = RowOutcome::Kind::Filtered;
        return out;
    }
    out.numGroups = 1;
    const TimeRange range{t.asInt(), saturatingAdd(t.asInt(), m_lastGap.micros)};
    // The restore exec filters late input on its own session end; it applies in every mode.
    if (m_watermarked && atOrBehindWatermark(range.end, m_ctx.lateWatermarkMs)) {
        out.kind = RowOutcome::Kind::Late;
        out.numLateGroups = 1;
        ++m_dropped;
        return out;
    }
    Row keys;
    for (size_t k : m_plan.keyColumns)
        keys.push_back(row[k]);
    Row values;
    for (const auto& fn : m_plan.aggs)
        values.push_back(fn.column ? row[*fn.column] : Value());
    m_pending[keys].push_back(Pending{range, std::move(values)});
    return out;
}

Row SessionOperator::outputRow(const Row& keys, const Session& s) const
{
    Row row;
    size_t k = 0;
    for (const auto& g : m_plan.groups)
        row.push_back(g.isWindow ? Value(s.range) : keys[k++]);
    for (size_t a = 0; a < m_plan.aggs.size(); ++a)
        row.push_back(aggregateResult(m_plan.aggs[a], s.accs[a]));
    return row;
}

void SessionOperator::sortRows(std::vector<Row>& rows) const
{
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return aggregateRowLess(a, b, m_windowColumn); });
}

void SessionOperator::finishBatch(std::vector<Row>& sinkRows, std::vector<StateChange>& changes, OperatorProgress& progress)
{
    std::int64_t upserted = 0, removed = 0;
    std::vector<Row> puts, merged;
    for (auto& [keys, rows] : m_pending) {
        // Sort the batch's sessions by start (stable: input order among equal starts).
        std::stable_sort(rows.begin(), rows.end(), [](const Pending& a, const Pending& b) { return a.range.start < b.range.start; });
        std::vector<Session> input;
        for (const Pending& p : rows) {
            Session s{p.range, std::vector<Accumulator>(m_plan.aggs.size())};
            for (size_t a = 0; a < m_plan.aggs.size(); ++a)
                accumulate(m_plan.aggs[a], s.accs[a], p.values[a]);
            input.push_back(std::move(s));
        }
        std::vector<Session>& stored = m_state[keys];
        std::vector<std::pair<TimeRange, Row>> oldSessions;
        for (const auto& s : stored)
            oldSessions.emplace_back(s.range, m_ctx.recordStateChanges ? outputRow(keys, s) : Row{});
        // MergingSortWithSessionWindowStateIterator: state and input in start order.
        std::vector<Session> all = std::move(stored);
        all.insert(all.end(), std::make_move_iterator(input.begin()), std::make_move_iterator(input.end()));
        std::stable_sort(all.begin(), all.end(), [](const Session& a, const Session& b) { return a.range.start < b.range.start; });
        std::vector<Session> result;
        for (Session& s : all) {
            if (!result.empty() && s.range.start <= result.back().range.end) {
                Session& cur = result.back();
                cur.range.end = std::max(cur.range.end, s.range.end);
                for (size_t a = 0; a < m_plan.aggs.size(); ++a)
                    mergeInto(m_plan.aggs[a], cur.accs[a], s.accs[a]);
            } else {
                result.push_back(std::move(s));
            }
        }
        // updateSessions: every session of the key is put; old ones whose start is gone are removed.
        upserted += static_cast<std::int64_t>(result.size());
        for (auto& [oldRange, oldRow] : oldSessions) {
            const TimeRange& old = oldRange; // clang 14 cannot capture a structured binding in a lambda
            // Spark's state is keyed by session start: only a start that disappeared is a removal.
            const bool startKept = std::any_of(result.begin(), result.end(), [&](const Session& s) { return s.range.start == old.start; });
            if (!startKept)
                ++removed;
            // For the record, a session that grew (same start, later end) was replaced too.
            const bool unchanged = std::any_of(result.begin(), result.end(), [&](const Session& s) { return s.range == old; });
            if (!unchanged && m_ctx.recordStateChanges)
                merged.push_back(std::move(oldRow));
        }
        for (const Session& s : result)
            puts.push_back(outputRow(keys, s));
        stored = std::move(result);
    }
    std::vector<Row> evicted;
    if (m_mode == OutputMode::Append && m_watermarked) {
        for (auto it = m_state.begin(); it != m_state.end();) {
            auto& sessions = it->second;
            for (auto s = sessions.begin(); s != sessions.end();) {
                if (atOrBehindWatermark(s->range.end, m_ctx.evictionWatermarkMs)) {
                    evicted.push_back(outputRow(it->first, *s));
                    s = sessions.erase(s);
                    ++removed;
                } else {
                    ++s;
                }
            }
            it = sessions.empty() ? m_state.erase(it) : std::next(it);
        }
    }
    sortRows(evicted);
    sortRows(puts);
    m_lastEvictionWatermark = m_ctx.evictionWatermarkMs;
    progress.operatorName = m_version.atLeast(3, 4) ? "sessionWindowStateStoreSaveExec" : "defaultName";
    progress.numRowsUpdated = upserted;
    progress.numRowsRemoved = removed;
    progress.numRowsTotal = static_cast<std::int64_t>(numStateRows());
    // Before 3.4 the restore exec filtered late rows without counting them.
    progress.numRowsDroppedByWatermark = m_version.atLeast(3, 4) ? m_dropped : 0;
    if (m_mode == OutputMode::Append)
        sinkRows = evicted;
    else if (m_ctx.materializeCompleteOutput)
        sinkRows = stateRows();
    if (m_ctx.recordStateChanges) {
        for (auto& r : merged)
            changes.push_back(StateChange{StateChange::Kind::Merged, 0, std::move(r)});
        for (auto& r : puts)
            changes.push_back(StateChange{StateChange::Kind::Put, 0, std::move(r)});
        for (auto& r : evicted)
            changes.push_back(StateChange{StateChange::Kind::Evicted, 0, std::move(r)});
    }
}

bool SessionOperator::shouldRunAnotherBatch(Millis newWatermarkMs) const
{
    return m_mode != OutputMode::Complete && m_lastEvictionWatermark && newWatermarkMs > *m_lastEvictionWatermark;
}

std::size_t SessionOperator::numStateRows() const
{
    std::size_t n = 0;
    for (const auto& [k, v] : m_state)
        n += v.size();
    return n;
}

std::vector<Row> SessionOperator::stateRows() const
{
    std::vector<Row> rows;
    for (const auto& [keys, sessions] : m_state)
        for (const auto& s : sessions)
            rows.push_back(outputRow(keys, s));
    sortRows(rows);
    return rows;
}

} // namespace tidemark
