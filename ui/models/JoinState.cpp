// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/JoinState.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace tidemark::ui {

namespace {

using RowId = std::tuple<int, std::uint32_t, std::uint16_t>; // side, event, sub

JoinStateRow::Fate evictionFate(JoinEvent::Kind kind)
{
    switch (kind) {
    case JoinEvent::Kind::EvictedMatched: return JoinStateRow::Fate::EvictedMatched;
    case JoinEvent::Kind::EvictedWithNull: return JoinStateRow::Fate::EvictedWithNull;
    case JoinEvent::Kind::EvictedSilently: return JoinStateRow::Fate::EvictedSilently;
    default: return JoinStateRow::Fate::Waiting;
    }
}

} // namespace

std::vector<JoinStateRow> joinStateAt(const ModeRun& run, std::size_t index)
{
    std::vector<JoinStateRow> rows;
    if (!run.plan || !run.plan->join || !run.plan->join->isStreamStream() || index >= run.batches.size())
        return rows;
    // A left semi join's right rows have no output columns: the engine records no state row for them.
    const bool rightUnlisted = run.plan->join->type == JoinPlan::Type::LeftSemi;
    for (std::size_t b = 0; b <= index; ++b) {
        const BatchRecord& batch = run.batches[b];
        // Rows evicted by an earlier batch are gone.
        std::erase_if(rows, [](const JoinStateRow& r) { return r.evicted(); });
        for (JoinStateRow& r : rows)
            r.isNew = false;
        std::vector<const Row*> puts;
        for (const StateChange& c : batch.stateChanges)
            if (c.op == 0 && c.kind == StateChange::Kind::Put)
                puts.push_back(&c.row);
        std::size_t nextPut = 0;
        // Only the query's own join (operator 0); a join in `query.then` has its own section.
        for (const JoinEvent& e : batch.joinEvents) {
            if (e.kind != JoinEvent::Kind::Stored || e.op != 0)
                continue;
            JoinStateRow r;
            r.side = e.side;
            r.event = e.event;
            r.sub = e.sub;
            r.isNew = true;
            if (!(rightUnlisted && e.side == 1) && nextPut < puts.size())
                r.row = *puts[nextPut++];
            rows.push_back(std::move(r));
        }
        std::map<RowId, std::size_t> byId;
        for (std::size_t i = 0; i < rows.size(); ++i)
            byId[{rows[i].side, rows[i].event, rows[i].sub}] = i;
        // Matches are recorded for the arriving row (before it is stored) and name the partner's event.
        for (const JoinEvent& e : batch.joinEvents) {
            if (e.kind != JoinEvent::Kind::Matched || e.op != 0)
                continue;
            if (auto it = byId.find({e.side, e.event, e.sub}); it != byId.end())
                rows[it->second].matched = true;
            for (JoinStateRow& r : rows)
                if (r.side != e.side && static_cast<std::int64_t>(r.event) == e.other)
                    r.matched = true;
        }
        for (const JoinEvent& e : batch.joinEvents) {
            const JoinStateRow::Fate fate = evictionFate(e.kind);
            if (fate == JoinStateRow::Fate::Waiting || e.op != 0)
                continue;
            if (auto it = byId.find({e.side, e.event, e.sub}); it != byId.end())
                rows[it->second].fate = fate;
        }
    }
    return rows;
}

std::vector<bool> joinColumnsOfSide(const JoinPlan& plan, std::size_t numOutputColumns, int side)
{
    std::vector<bool> owned(numOutputColumns, false);
    if (plan.type == JoinPlan::Type::LeftSemi) {
        if (side == 0)
            std::fill(owned.begin(), owned.end(), true);
        return owned;
    }
    const std::size_t nl = plan.leftSchema.size();
    std::size_t keys = 0, leftEnd = nl;
    if (plan.usingJoin) {
        // USING: the key columns first (both sides), then the left's other columns, then the right's.
        keys = plan.usingLeft.size();
        leftEnd = nl; // keys + (nl - keys)
    }
    for (std::size_t c = 0; c < numOutputColumns; ++c)
        owned[c] = c < keys || (side == 0 ? c < leftEnd : c >= leftEnd);
    return owned;
}

} // namespace tidemark::ui
