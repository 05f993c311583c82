// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/record/Checkpoint.h"
#include "engine/schema/Value.h"
#include "engine/time/Time.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tidemark {

/// What happened to one input row (one event, or one row exploded from it).
enum class Fate : std::uint8_t {
    OnTime,             ///< counted (or emitted) and not behind the max event time seen before it
    LateAccepted,       ///< counted although behind the max event time seen before it
    DroppedByWatermark, ///< every group/window it belonged to was at or behind the late-row watermark
    Duplicate,          ///< its dedup key was already in state
    Filtered,           ///< a `where` step removed it
    NullEventTime,      ///< a window/session aggregation drops rows whose time column is null
    Unconsumed,         ///< never read: the query stopped first (Trigger.Once / AvailableNow)
};

const char* fateName(Fate fate);
/// Which fate an event shows when its exploded rows fared differently: the most telling one
/// ranks highest (dropped by the watermark, then duplicate, null time, filtered, late, on time).
int fateRank(Fate fate);

/// The fate of one row, with what is needed to explain it.
struct RowFate {
    std::uint32_t event = 0; ///< global event index: sources in file order, events in file order
    std::uint16_t sub = 0;   ///< index of the row exploded from the event (0 without explode)
    Fate fate = Fate::OnTime;
    std::int8_t filterInput = -1; ///< Filtered: the union input (-1: the query-level step)
    std::int8_t filterStep = -1;  ///< Filtered: step index within that input / the query
    std::int64_t batchId = -1;
    bool hasEventTime = false;
    Micros eventTime = 0;          ///< at the first watermark node, or the time column used for windows
    bool hasMaxBefore = false;
    Micros maxEventTimeBefore = 0; ///< max event time the watermark node had seen before this row
    Millis lateWatermarkMs = 0;    ///< the watermark that judged lateness in its batch
    std::uint16_t numGroups = 0;   ///< windows / groups / sessions the row was offered to
    std::uint16_t numLateGroups = 0;
    /// Session windows whose gap is an expression: the row's own gap, when it had one
    /// (nullopt: null, not an interval, or with months).
    std::optional<Micros> sessionGap;
    /// The stateful operator that decided the fate, numbered as StateChange::op; set only for
    /// the operators of a chain (`query.then`), 0 otherwise.
    std::uint8_t op = 0;
};

/// RowFate::filterStep of a row Filtered by SessionWindowing's `end > start` filter: its gap
/// was null, zero or negative.
inline constexpr std::int8_t kFilteredBySessionGap = -3;
/// RowFate::filterStep of a row whose gap has months, which Tidemark does not simulate.
inline constexpr std::int8_t kSessionGapWithMonths = -4;
/// RowFate::filterStep of a row whose gap is longer than Tidemark simulates (100,000 years).
inline constexpr std::int8_t kSessionGapTooLong = -5;
/// RowFate::filterStep of a row a chain stage's `where` removed (RowFate::filterInput: the stage).
inline constexpr std::int8_t kFilteredInChainStage = -6;

/// Spark's StreamingQueryProgress.stateOperators entry (its deterministic fields).
struct OperatorProgress {
    std::string operatorName;
    std::int64_t numRowsTotal = 0;
    std::int64_t numRowsUpdated = 0;
    std::int64_t numRowsRemoved = 0;
    std::int64_t numRowsDroppedByWatermark = 0;
    std::optional<std::int64_t> numDroppedDuplicateRows; ///< dedup custom metric
    std::optional<std::int64_t> numRowsTotalLeft, numRowsTotalRight; ///< stream-stream join: rows buffered per side
};

/// What happened to a join input row after it was read: the partner it matched, or how it
/// left the state. Recorded so the UI can tell a row's whole life.
struct JoinEvent {
    enum class Kind : std::uint8_t {
        Matched,          ///< joined with `other` (the partner's event) in this batch
        Stored,           ///< kept in state to wait for partners
        NotStored,        ///< its side's state watermark would evict it at once (before 3.5.4)
        EvictedMatched,   ///< left the state silently, having matched
        EvictedWithNull,  ///< left the state unmatched; an outer join emitted it with nulls
        EvictedSilently,  ///< left the state unmatched, no output (inner / the non-outer side)
        FilteredOneSide,  ///< failed a condition on its own side; outer joins emit it with nulls at once
    };
    Kind kind = Kind::Stored;
    std::uint8_t side = 0; ///< 0 left, 1 right
    std::uint32_t event = 0;
    std::uint16_t sub = 0;
    std::int64_t other = -1; ///< Matched: the partner's global event index (-1: a joined row)
    std::uint8_t op = 0;     ///< the join's operator index (StateChange::op)
};

/// The event index a join in `query.then` gives the rows of its left side: they are joined
/// rows, not one event, so it records no JoinEvent of its own for them.
inline constexpr std::uint32_t kJoinedRow = 0xffffffffu;

/// EventTimeStats of the first watermark node that saw rows (milliseconds).
struct EventTimeStats {
    Millis max = 0;
    Millis min = 0;
    double avg = 0.0;
    std::int64_t count = 0;
    void add(Millis t)
    {
        max = count == 0 ? t : std::max(max, t);
        min = count == 0 ? t : std::min(min, t);
        ++count;
        avg += (static_cast<double>(t) - avg) / static_cast<double>(count);
    }
};

/// A change to an operator's state in a batch.
struct StateChange {
    enum class Kind : std::uint8_t { Put, Evicted, Merged };
    Kind kind = Kind::Put;
    std::uint8_t op = 0; ///< index of the operator (0 = upstream-most)
    Row row;             ///< the state row: grouping values + window + aggregate values, or a dedup key
};

/// Everything one executed micro-batch did.
struct BatchRecord {
    std::int64_t batchId = 0;
    Micros triggerTime = 0;
    Micros endTime = 0;
    bool noData = false;
    std::vector<std::uint32_t> events; ///< global indices of the events read, in processing order
    std::int64_t numInputRows = 0;
    Millis watermarkMs = 0;           ///< the batch watermark: eviction and progress reports
    Millis lateFilterWatermarkMs = 0; ///< used to drop late rows (the previous batch's from 3.4)
    Millis nextWatermarkMs = 0;       ///< computed after this batch, used from the next one
    Millis maxEventTimeMs = 0;        ///< max event time seen so far (any watermark node)
    bool hasMaxEventTime = false;
    bool hasWatermark = false;        ///< the query has a withWatermark at all
    std::optional<EventTimeStats> eventTime;
    std::vector<Row> sinkRows;        ///< what the sink received, sorted (empty for complete unless materialised)
    bool sinkRowsMaterialized = true;
    std::vector<Row> droppedRows;     ///< rows dropped by the watermark, at the stateful operator's input
    /// Rows a chain operator (`query.then`) dropped as late, at its own input: the operator
    /// (StateChange::op) and the row in that operator's input schema.
    std::vector<std::pair<std::uint8_t, Row>> chainDroppedRows;
    std::vector<OperatorProgress> operators; ///< downstream first, as Spark reports them
    std::vector<StateChange> stateChanges;
    std::vector<RowFate> fates;
    std::vector<JoinEvent> joinEvents;
    bool requiresAnotherBatch = false; ///< a stateful operator asked for a no-data batch after this one
    CheckpointAfterBatch checkpoint;      ///< the offset and commit log entries of this batch
    std::optional<RestartRecord> restart; ///< the query stopped and restarted just before this batch
};

/// A trigger tick: the batch it ran, or a run of ticks that found nothing to do.
struct TickRecord {
    Micros time = 0;
    std::int64_t batchId = -1; ///< -1: skipped
    std::int64_t count = 1;    ///< skipped ticks merged into this record
    Micros step = 0;           ///< spacing of merged skipped ticks
};

} // namespace tidemark
