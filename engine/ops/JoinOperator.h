// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ops/OperatorContext.h"

#include <unordered_map>
#include <vector>

namespace tidemark {

/// A join of two inputs. Stream-static joins are stateless: each stream row is joined with
/// the static rows as it arrives. Stream-stream joins follow StreamingSymmetricHashJoinExec:
///
/// - Left rows first: a row at or behind the late-row watermark on its side's event time is
///   dropped; a row failing a condition on its own side is not stored (left/full outer emit it
///   with nulls at once); the rest are joined with the right state of earlier batches and
///   stored with a `matched` flag. Then right rows, joined with the left state including this
///   batch's rows, so each pair is produced exactly once.
/// - Which rows are stored: before Spark 3.5.4 a row its side's state watermark already evicts
///   is never stored; from 3.5.4/4.0 (SPARK-49829) left rows are always stored, right rows
///   when unmatched and needed for right/full outer output.
/// - Eviction at the end of the batch, by the state watermarks: a watermarked join key evicts
///   both sides (`key <= W`, a window by its end); otherwise a side with its own watermark is
///   evicted when its event time <= W + offset, the offset solved from the range condition.
///   Evicted unmatched rows of the outer side(s) are emitted with nulls; the rest leave silently.
/// - Left semi: a left row is emitted once, on its first match, and a matched new left row is
///   not stored.
class JoinOperator {
public:
    JoinOperator(const JoinPlan& plan, const SparkVersion& version, std::vector<Row> leftStatic, std::vector<Row> rightStatic);

    /// The operator index its state changes and join events carry (0 unless it follows others).
    void setOperatorIndex(std::uint8_t op) { m_op = op; }
    void beginBatch(const BatchContext& ctx, BatchRecord* record);
    /// Joins one input row of `side` (0 left, 1 right); output rows are appended to `out`.
    RowOutcome add(int side, const Row& row, std::uint32_t event, std::uint16_t sub, std::vector<Row>& out);
    /// Evicts by the state watermarks, emitting outer rows, and reports progress.
    void finishBatch(std::vector<Row>& out, OperatorProgress& progress);
    bool shouldRunAnotherBatch(Millis newWatermarkMs) const;
    std::size_t numStateRows(int side) const;
    /// A side's row in the join's output columns, the other side null (empty for a semi
    /// join's right side, which has no output columns).
    Row padded(int side, const Row& row) const;

private:
    struct Entry {
        Row row;
        Row key;
        bool hasNullKey = false;
        bool matched = false;
        bool live = false;
        std::uint32_t event = 0;
        std::uint16_t sub = 0;
    };
    struct RowHash {
        std::size_t operator()(const Row& r) const { return hashRow(r); }
    };
    struct SideState {
        std::vector<Entry> entries;
        std::unordered_map<Row, std::vector<std::size_t>, RowHash> byKey;
        std::size_t live = 0;
    };

    Row keyOf(int side, const Row& row, bool& hasNull) const;
    bool passesOwnSide(int side, const Row& row) const;
    bool pairMatches(const Row& left, const Row& right) const;
    bool isLate(int side, const Row& row) const;
    /// The state watermark predicate of a side for this batch; nullopt: none.
    std::optional<Micros> stateThreshold(int side) const;
    bool evictedNow(int side, const Row& row, const Row& key) const;
    Row joined(const Row* left, const Row* right) const;
    void store(int side, const Row& row, Row key, bool hasNullKey, bool matched, std::uint32_t event, std::uint16_t sub);
    void joinStatic(int streamSide, const Row& row, std::vector<Row>& out, RowOutcome& outcome);
    void record(JoinEvent::Kind kind, int side, std::uint32_t event, std::uint16_t sub, std::int64_t other = -1);
    void recordState(StateChange::Kind kind, int side, const Row& row);

    JoinPlan m_plan;
    SparkVersion m_version;
    std::vector<Row> m_static[2];
    SideState m_state[2];
    BatchContext m_ctx;
    BatchRecord* m_record = nullptr;
    std::int64_t m_added = 0, m_dropped = 0;
    std::optional<Millis> m_lastEvictionWatermark;
    std::uint8_t m_op = 0;
};

} // namespace tidemark
