// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"

#include <cstdint>
#include <vector>

namespace tidemark::ui {

/// One input row a stream-stream join buffers, as the state panel lists it.
struct JoinStateRow {
    /// Where the row is at the end of the batch shown.
    enum class Fate : std::uint8_t {
        Waiting,         ///< in state, waiting for (more) partners
        EvictedMatched,  ///< the watermark evicted it in this batch; it had matched, so it leaves silently
        EvictedWithNull, ///< evicted unmatched in this batch; the outer join emits it with nulls
        EvictedSilently, ///< evicted unmatched in this batch, without output (inner, or the non-outer side)
    };
    int side = 0;            ///< 0 left, 1 right
    std::uint32_t event = 0; ///< global event index
    std::uint16_t sub = 0;
    Row row;                 ///< in the join's output columns, the other side null (empty for a semi join's right side)
    bool isNew = false;      ///< stored by the batch shown
    bool matched = false;    ///< met a partner by the end of the batch shown
    Fate fate = Fate::Waiting;

    bool evicted() const { return fate != Fate::Waiting; }
};

/// The rows a stream-stream join holds after batch `index` of `run`, both sides in arrival
/// order, with the rows that batch evicted left where they were. Folded from the recorded
/// state changes (the row values) and join events (which event a row is, matches, evictions):
/// the engine records a stored row's Stored event and its Put in the same order, and an
/// evicted row's Evicted change and its eviction event in the same order.
std::vector<JoinStateRow> joinStateAt(const ModeRun& run, std::size_t index);

/// For each output column of `plan`, whether rows of `side` carry a value there (a `using`
/// join's key columns belong to both sides).
std::vector<bool> joinColumnsOfSide(const JoinPlan& plan, std::size_t numOutputColumns, int side);

} // namespace tidemark::ui
