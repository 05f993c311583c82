// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ops/JoinOperator.h"

#include "engine/time/Checked.h"

#include <algorithm>

namespace tidemark {

namespace {
/// A window value is compared by its end, a timestamp by itself (WatermarkSupport).
std::optional<Micros> eventTimeOf(const Value& v)
{
    if (v.isNull())
        return std::nullopt;
    if (v.isRange())
        return v.asRange().end;
    return v.asInt();
}
} // namespace

JoinOperator::JoinOperator(const JoinPlan& plan, const SparkVersion& version, std::vector<Row> leftStatic, std::vector<Row> rightStatic)
    : m_plan(plan)
    , m_version(version)
{
    // One-side conditions on a static table filter it once.
    for (int side = 0; side < 2; ++side) {
        std::vector<Row>& rows = side == 0 ? leftStatic : rightStatic;
        for (auto& r : rows)
            if (passesOwnSide(side, r))
                m_static[side].push_back(std::move(r));
    }
}

void JoinOperator::beginBatch(const BatchContext& ctx, BatchRecord* record)
{
    m_ctx = ctx;
    m_record = record;
    m_added = m_dropped = 0;
}

void JoinOperator::record(JoinEvent::Kind kind, int side, std::uint32_t event, std::uint16_t sub, std::int64_t other)
{
    if (!m_record || !m_ctx.recordStateChanges || event == kJoinedRow)
        return;
    if (other == static_cast<std::int64_t>(kJoinedRow))
        other = -1;
    m_record->joinEvents.push_back(JoinEvent{kind, static_cast<std::uint8_t>(side), event, sub, other, m_op});
}

void JoinOperator::recordState(StateChange::Kind kind, int side, const Row& row)
{
    // State rows are shown in the join's output columns, the other side's columns null.
    if (!m_record || !m_ctx.recordStateChanges)
        return;
    Row shown = padded(side, row);
    if (!shown.empty())
        m_record->stateChanges.push_back(StateChange{kind, m_op, std::move(shown)});
}

Row JoinOperator::keyOf(int side, const Row& row, bool& hasNull) const
{
    const auto& exprs = side == 0 ? m_plan.leftKeys : m_plan.rightKeys;
    Row key;
    key.reserve(exprs.size());
    hasNull = false;
    for (size_t k = 0; k < exprs.size(); ++k) {
        Value v = exprs[k].eval(row);
        if (v.isNull() && !m_plan.nullSafeKeys[k])
            hasNull = true; // an `=` key never matches a null; a `<=>` key matches another null
        else if (v.isDouble() && v.asDouble() == static_cast<double>(static_cast<std::int64_t>(v.asDouble())))
            v = Value(static_cast<std::int64_t>(v.asDouble())); // 1.0 = 1 across numeric key types
        key.push_back(std::move(v));
    }
    return key;
}

bool JoinOperator::passesOwnSide(int side, const Row& row) const
{
    for (const auto& c : side == 0 ? m_plan.leftOnly : m_plan.rightOnly)
        if (!c.test(row))
            return false;
    return true;
}

bool JoinOperator::pairMatches(const Row& left, const Row& right) const
{
    if (!m_plan.pairCondition)
        return true;
    Row both = left;
    both.insert(both.end(), right.begin(), right.end());
    return m_plan.pairCondition->test(both);
}

bool JoinOperator::isLate(int side, const Row& row) const
{
    const auto& col = side == 0 ? m_plan.leftEventTime : m_plan.rightEventTime;
    if (!col)
        return false; // a side without a watermarked column is never late
    auto t = eventTimeOf(row[*col]);
    return t && atOrBehindWatermark(*t, m_ctx.lateWatermarkMs);
}

std::optional<Micros> JoinOperator::stateThreshold(int side) const
{
    if (m_plan.keyWatermarkOrdinal)
        return m_ctx.evictionWatermarkMs * kMicrosPerMilli;
    const auto& offset = side == 0 ? m_plan.leftValueOffset : m_plan.rightValueOffset;
    const auto& col = side == 0 ? m_plan.leftEventTime : m_plan.rightEventTime;
    if (!offset || !col)
        return std::nullopt; // isWatermarkDefinedOnInput: the side needs its own watermark
    // getStateValueWatermark works in milliseconds: SW = W + offset (offset includes the -1 ms of <=/>=).
    const Millis sw = floorDiv(saturatingAdd(m_ctx.evictionWatermarkMs * kMicrosPerMilli, *offset), kMicrosPerMilli);
    return sw * kMicrosPerMilli;
}

bool JoinOperator::evictedNow(int side, const Row& row, const Row& key) const
{
    const auto threshold = stateThreshold(side);
    if (!threshold)
        return false;
    std::optional<Micros> t;
    if (m_plan.keyWatermarkOrdinal)
        t = eventTimeOf(key[*m_plan.keyWatermarkOrdinal]);
    else
        t = eventTimeOf(row[*(side == 0 ? m_plan.leftEventTime : m_plan.rightEventTime)]);
    return t && *t <= *threshold;
}

Row JoinOperator::joined(const Row* left, const Row* right) const
{
    const size_t nl = m_plan.leftSchema.size(), nr = m_plan.rightSchema.size();
    Row out;
    if (m_plan.type == JoinPlan::Type::LeftSemi)
        return *left;
    if (m_plan.usingJoin) {
        for (size_t k = 0; k < m_plan.usingLeft.size(); ++k) {
            // Spark's USING output: the left key, the right key for a right outer join, coalesced for full outer.
            const Value lv = left ? (*left)[m_plan.usingLeft[k]] : Value();
            const Value rv = right ? (*right)[m_plan.usingRight[k]] : Value();
            if (m_plan.type == JoinPlan::Type::RightOuter)
                out.push_back(rv);
            else if (m_plan.type == JoinPlan::Type::FullOuter)
                out.push_back(lv.isNull() ? rv : lv);
            else
                out.push_back(lv);
        }
        for (size_t c = 0; c < nl; ++c)
            if (std::find(m_plan.usingLeft.begin(), m_plan.usingLeft.end(), c) == m_plan.usingLeft.end())
                out.push_back(left ? (*left)[c] : Value());
        for (size_t c = 0; c < nr; ++c)
            if (std::find(m_plan.usingRight.begin(), m_plan.usingRight.end(), c) == m_plan.usingRight.end())
                out.push_back(right ? (*right)[c] : Value());
        return out;
    }
    out.reserve(nl + nr);
    for (size_t c = 0; c < nl; ++c)
        out.push_back(left ? (*left)[c] : Value());
    for (size_t c = 0; c < nr; ++c)
        out.push_back(right ? (*right)[c] : Value());
    return out;
}

void JoinOperator::store(int side, const Row& row, Row key, bool hasNullKey, bool matched, std::uint32_t event, std::uint16_t sub)
{
    SideState& st = m_state[side];
    const size_t index = st.entries.size();
    if (!hasNullKey)
        st.byKey[key].push_back(index);
    st.entries.push_back(Entry{row, std::move(key), hasNullKey, matched, true, event, sub});
    ++st.live;
    ++m_added;
    record(JoinEvent::Kind::Stored, side, event, sub);
    recordState(StateChange::Kind::Put, side, row);
}

void JoinOperator::joinStatic(int streamSide, const Row& row, std::vector<Row>& out, RowOutcome& outcome)
{
    // Stateless: the static side is re-read every batch; no watermark is involved.
    bool hasNull = false;
    const Row key = keyOf(streamSide, row, hasNull);
    const int staticSide = 1 - streamSide;
    bool matched = false;
    if (passesOwnSide(streamSide, row) && !hasNull) {
        for (const Row& other : m_static[staticSide]) {
            bool otherNull = false;
            if (keyOf(staticSide, other, otherNull) != key || otherNull)
                continue;
            const Row& l = streamSide == 0 ? row : other;
            const Row& r = streamSide == 0 ? other : row;
            if (!pairMatches(l, r))
                continue;
            matched = true;
            ++outcome.numGroups;
            if (m_plan.type == JoinPlan::Type::LeftSemi)
                break;
            out.push_back(joined(&l, &r));
        }
    }
    if (matched && m_plan.type == JoinPlan::Type::LeftSemi)
        out.push_back(row);
    if (!matched && ((streamSide == 0 && m_plan.isOuterLeft()) || (streamSide == 1 && m_plan.isOuterRight())))
        out.push_back(streamSide == 0 ? joined(&row, nullptr) : joined(nullptr, &row));
}

RowOutcome JoinOperator::add(int side, const Row& row, std::uint32_t event, std::uint16_t sub, std::vector<Row>& out)
{
    RowOutcome outcome;
    if (m_plan.leftStatic || m_plan.rightStatic) {
        joinStatic(side, row, out, outcome);
        return outcome;
    }
    if (isLate(side, row)) {
        ++m_dropped;
        outcome.kind = RowOutcome::Kind::Late;
        return outcome;
    }
    if (!passesOwnSide(side, row)) {
        // JoinConditionSplitPredicates: never stored; the outer side emits it with nulls at once.
        if (side == 0 && m_plan.isOuterLeft())
            out.push_back(joined(&row, nullptr));
        if (side == 1 && m_plan.isOuterRight())
            out.push_back(joined(nullptr, &row));
        record(JoinEvent::Kind::FilteredOneSide, side, event, sub);
        outcome.kind = RowOutcome::Kind::Filtered;
        return outcome;
    }
    bool hasNull = false;
    Row key = keyOf(side, row, hasNull);
    SideState& other = m_state[1 - side];
    bool matched = false;
    bool semiEmitted = false;
    if (!hasNull) {
        auto it = other.byKey.find(key);
        if (it != other.byKey.end()) {
            for (size_t idx : it->second) {
                Entry& e = other.entries[idx];
                if (!e.live)
                    continue;
                const Row& l = side == 0 ? row : e.row;
                const Row& r = side == 0 ? e.row : row;
                if (!pairMatches(l, r))
                    continue;
                matched = true;
                ++outcome.numGroups;
                record(JoinEvent::Kind::Matched, side, event, sub, e.event);
                if (m_plan.type == JoinPlan::Type::LeftSemi) {
                    if (side == 0) {
                        semiEmitted = true;
                        break; // a new left row matched: emitted once below, not stored
                    }
                    if (!e.matched)
                        out.push_back(e.row); // a stored left row's first match
                    e.matched = true;
                    continue;
                }
                e.matched = true;
                out.push_back(joined(&l, &r));
            }
        }
    }
    if (semiEmitted)
        out.push_back(row);
    bool keep = true;
    if (m_plan.type == JoinPlan::Type::LeftSemi && side == 0 && matched)
        keep = false;
    else if (m_version.joinStoresRowsEvictedInSameBatch())
        keep = side == 0 || !evictedNow(side, row, key) || (!matched && m_plan.isOuterRight());
    else
        keep = !evictedNow(side, row, key); // shouldAddToState before SPARK-49829
    if (keep)
        store(side, row, std::move(key), hasNull, matched, event, sub);
    else if (!(m_plan.type == JoinPlan::Type::LeftSemi && side == 0 && matched))
        record(JoinEvent::Kind::NotStored, side, event, sub);
    return outcome;
}

void JoinOperator::finishBatch(std::vector<Row>& out, OperatorProgress& progress)
{
    std::int64_t removed = 0;
    if (!m_plan.leftStatic && !m_plan.rightStatic) {
        // removeOldState: the outer side(s) first, emitting unmatched rows with nulls, then the rest.
        for (int side : {0, 1}) {
            const auto threshold = stateThreshold(side);
            if (!threshold)
                continue;
            const bool outer = side == 0 ? m_plan.isOuterLeft() : m_plan.isOuterRight();
            SideState& st = m_state[side];
            for (auto& e : st.entries) {
                if (!e.live || !evictedNow(side, e.row, e.key))
                    continue;
                e.live = false;
                --st.live;
                ++removed;
                recordState(StateChange::Kind::Evicted, side, e.row);
                if (e.matched)
                    record(JoinEvent::Kind::EvictedMatched, side, e.event, e.sub);
                else if (outer) {
                    out.push_back(side == 0 ? joined(&e.row, nullptr) : joined(nullptr, &e.row));
                    record(JoinEvent::Kind::EvictedWithNull, side, e.event, e.sub);
                } else
                    record(JoinEvent::Kind::EvictedSilently, side, e.event, e.sub);
            }
            // Compact the side once most of it is gone, keeping insertion order.
            if (st.entries.size() > 64 && st.live * 2 < st.entries.size()) {
                std::vector<Entry> kept;
                kept.reserve(st.live);
                for (auto& e : st.entries)
                    if (e.live)
                        kept.push_back(std::move(e));
                st.entries = std::move(kept);
                st.byKey.clear();
                for (size_t i = 0; i < st.entries.size(); ++i)
                    if (!st.entries[i].hasNullKey)
                        st.byKey[st.entries[i].key].push_back(i);
            }
        }
    }
    m_lastEvictionWatermark = m_ctx.evictionWatermarkMs;
    progress.operatorName = "symmetricHashJoin";
    progress.numRowsTotal = static_cast<std::int64_t>(m_state[0].live + m_state[1].live);
    progress.numRowsUpdated = m_added;
    progress.numRowsRemoved = removed;
    progress.numRowsDroppedByWatermark = m_dropped;
    progress.numRowsTotalLeft = static_cast<std::int64_t>(m_state[0].live);
    progress.numRowsTotalRight = static_cast<std::int64_t>(m_state[1].live);
}

bool JoinOperator::shouldRunAnotherBatch(Millis newWatermarkMs) const
{
    if (m_plan.leftStatic || m_plan.rightStatic)
        return false;
    const bool cleansState = stateThreshold(0).has_value() || stateThreshold(1).has_value();
    return cleansState && m_lastEvictionWatermark && newWatermarkMs > *m_lastEvictionWatermark;
}

std::size_t JoinOperator::numStateRows(int side) const { return m_state[side].live; }

Row JoinOperator::padded(int side, const Row& row) const
{
    if (m_plan.type == JoinPlan::Type::LeftSemi)
        return side == 0 ? row : Row{};
    Row shown = side == 0 ? joined(&row, nullptr) : joined(nullptr, &row);
    // A USING column is one output column for both sides: a state row shows its own key there,
    // not the null that an unmatched row of the other side would carry in the output.
    if (m_plan.usingJoin)
        for (size_t k = 0; k < m_plan.usingLeft.size(); ++k)
            shown[k] = row[side == 0 ? m_plan.usingLeft[k] : m_plan.usingRight[k]];
    return shown;
}

} // namespace tidemark
