// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/SparkVersion.h"
#include "engine/expr/Aggregates.h"
#include "engine/expr/Ast.h"
#include "engine/expr/BoundExpr.h"
#include "engine/expr/TimeWindows.h"
#include "engine/scenario/Scenario.h"
#include "engine/schema/Schema.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark {

enum class OutputMode : std::uint8_t { Append, Update, Complete };

const char* outputModeName(OutputMode mode);       ///< "append", "update", "complete"
const char* outputModeSparkName(OutputMode mode);  ///< "Append", "Update", "Complete"
std::optional<OutputMode> parseOutputMode(const std::string& text);

/// A stateless step of an input or of the query, in Spark's order.
struct Step {
    enum class Kind { Project, Filter, Watermark };
    Kind kind = Kind::Project;
    /// Project: one expression per output column; `generator` marks the explode() column,
    /// whose expression yields the array to explode.
    std::vector<BoundExpr> exprs;
    std::optional<std::size_t> generator;
    /// Filter: the predicate and its text.
    BoundExpr predicate;
    std::string text;
    /// Filter: a one-side conjunct of the join condition that Spark's optimizer runs here,
    /// below the join (PushPredicateThroughJoin), rather than in the join.
    bool pushedFromJoin = false;
    /// Filter: a one-side conjunct of the query's `where` after the join, which Spark's optimizer
    /// runs here, below the join (PushPredicateThroughJoin, its Filter case).
    bool pushedFromWhere = false;
    /// Filter: `isnotnull(column)`, which Spark's optimizer infers from a null-intolerant
    /// conjunct of the join condition and runs here (InferFiltersFromConstraints).
    bool inferredFromJoin = false;
    /// Filter inferred from the condition of the join after the one this input feeds (the
    /// second join of a chain), not from its own join's.
    bool inferredFromNextJoin = false;
    /// Filter inferred through a key equality of the join condition (InferFiltersFromConstraints,
    /// inferAdditionalConstraints): `inferredFrom` is the constraint on the other side's key it
    /// was rewritten from, `inferredThrough` the equality (inferredFromJoin is set too). Empty
    /// for an `isnotnull` filter.
    std::string inferredFrom;
    std::string inferredThrough;
    /// Watermark: the EventTimeWatermark node it is, its column and delay.
    int watermarkNode = -1;
    std::size_t column = 0;
    Millis delayMs = 0;
    Schema output;
};

/// One input stream: a source and the steps applied to it before the union.
struct InputPlan {
    std::size_t source = 0;
    std::vector<Step> steps;
    Schema output;
};

/// The streaming deduplication operator.
struct DedupPlan {
    std::vector<std::size_t> keys; ///< key columns (all columns when the list was empty)
    bool withinWatermark = false;
    std::optional<std::size_t> eventTimeColumn; ///< the input's watermarked column, if any
    /// dropDuplicates: keys are evicted by their event time only when a key is the watermarked column.
    std::optional<std::size_t> eventTimeKey;
    Millis delayMs = 0; ///< dropDuplicatesWithinWatermark: expiresAt = eventTime + delay
};

/// The streaming aggregation operator (StateStoreSave, or the session-window variant).
struct AggregatePlan {
    enum class WindowKind { None, Time, Session };
    /// Grouping items in groupBy order. For each: a key column of the input, or the window.
    struct GroupColumn {
        bool isWindow = false;
        std::size_t column = 0;
        std::string name;
        DataType type;
    };
    std::vector<GroupColumn> groups;
    std::vector<std::size_t> keyColumns; ///< input columns of the non-window groups, in order
    WindowKind windowKind = WindowKind::None;
    std::size_t timeColumn = 0;
    TimeWindowSpec window;
    Micros sessionGap = 0;
    /// session_window's gap when it is an expression read per row (SPARK-36465); sessionGap
    /// is unused then. Its type is an interval, a string or null.
    std::optional<BoundExpr> sessionGapExpr;
    std::string sessionGapText; ///< the gap as written
    std::vector<AggFunction> aggs;
    /// Which grouping item carries the watermark (Spark's watermark predicate on keys):
    /// the window (its end is compared) or a timestamp key column. None: no late filter, no eviction.
    enum class EvictionKey { None, Window, KeyColumn } evictionKey = EvictionKey::None;
    std::size_t evictionKeyIndex = 0; ///< index into keyColumns when KeyColumn
};

/// A join of two inputs: `query.join` joins inputs[0] (left) with inputs[1] (right); a join in
/// `query.then` joins the output of the operators before it with its own input (ChainStage::joinInput).
struct JoinPlan {
    enum class Type { Inner, LeftOuter, RightOuter, FullOuter, LeftSemi };
    Type type = Type::Inner;
    bool leftStatic = false, rightStatic = false;
    std::vector<BoundExpr> leftKeys, rightKeys; ///< equi-join keys, bound to each side's schema
    std::vector<bool> nullSafeKeys;             ///< per key: `<=>`, so null matches null
    std::vector<BoundExpr> leftOnly, rightOnly; ///< one-side conjuncts
    std::optional<BoundExpr> pairCondition;     ///< the rest, bound to left ++ right
    /// EliminateOuterJoin: the type the query writes, when the `where` after this outer join
    /// rejects the null rows of a side that would be null-padded and Spark's optimizer runs the
    /// join as `type` instead. Spark's checks read the written type.
    std::optional<Type> writtenType;
    /// PushPredicateThroughJoin: the conjuncts of the `where` after this inner join that Spark's
    /// optimizer moved into the join condition (keys, pair conditions, time ranges), qualified.
    std::vector<AstPtr> conditionFromWhere;
    /// PushPredicateThroughJoin on the join after this inner one: the conjuncts of its condition
    /// over both sides of this join, which Spark's optimizer moves into this join's condition
    /// (a time range there bounds this join's state), qualified.
    std::vector<AstPtr> conditionFromNextJoin;
    /// State eviction (StreamingSymmetricHashJoinHelper.getStateWatermarkPredicates):
    /// a watermarked join key evicts both sides by key; otherwise a side with its own
    /// watermark is evicted when its event time <= W + offset (the range condition).
    std::optional<std::size_t> keyWatermarkOrdinal;
    std::optional<Micros> leftValueOffset, rightValueOffset;
    std::optional<std::size_t> leftEventTime, rightEventTime; ///< each side's watermarked column
    bool leftEventTimeIsWindow = false, rightEventTimeIsWindow = false;
    /// `using` joins: output = the key columns (coalesced), then the other columns of each side.
    bool usingJoin = false;
    std::vector<std::size_t> usingLeft, usingRight;
    Schema leftSchema, rightSchema;
    /// The pair condition compares an event-time column with <, <=, > or >= (a time-interval
    /// join): UnsupportedOperationChecker.hasRangeExprAgainstEventTimeCol, which 3.4 refuses
    /// to see followed by a stateful operator.
    bool rangeConditionOnEventTime = false;

    bool isOuterLeft() const { return type == Type::LeftOuter || type == Type::FullOuter; }
    bool isOuterRight() const { return type == Type::RightOuter || type == Type::FullOuter; }
    bool isStreamStream() const { return !leftStatic && !rightStatic; }
};

const char* joinTypeSparkName(JoinPlan::Type type); ///< "Inner", "LeftOuter", ...

/// The trigger as the executor needs it.
struct TriggerPlan {
    enum class Kind { ProcessingTime, Once, AvailableNow } kind = Kind::ProcessingTime;
    Micros interval = 0; ///< 0: Spark's default trigger (as soon as the previous batch ends)
    Micros batchDuration = 0;
    std::optional<Micros> startAt;
};

/// A stateful operator downstream of the first (a 3.4+ chain, `query.then`, or the operators a
/// join's output flows into): the rows the
/// operator upstream of it outputs in a batch flow through `steps` into it in the same batch
/// (append mode: the windows the upstream aggregation evicts). Without dedup and aggregate
/// the stage only projects or filters the output.
struct ChainStage {
    std::vector<Step> steps;
    std::optional<DedupPlan> dedup;
    std::optional<AggregatePlan> aggregate;
    /// A join whose left input is the output before it (`a.join(b, ...).join(c, ...)`); its right
    /// side is plan.inputs[joinInput].
    std::optional<JoinPlan> join;
    std::size_t joinInput = 0;
    Schema input;  ///< what the operator reads (after the steps)
    Schema output; ///< what it emits
    /// Where the stage is written: "query.then[i]", or "query" for the operator a join's
    /// output flows into (`join` then the query's own groupBy/agg or dropDuplicates).
    std::string path;
    bool isStateful() const { return dedup || aggregate || (join && join->isStreamStream()); }
};

/// A query that passed analysis, ready to simulate.
struct QueryPlan {
    std::vector<InputPlan> inputs;
    std::vector<Step> steps; ///< after the union (or on the single input)
    Schema streamSchema;     ///< input of the stateful operators
    std::optional<DedupPlan> dedup;
    std::optional<AggregatePlan> aggregate;
    std::optional<JoinPlan> join;
    /// Operators downstream of the first dedup/aggregate, upstream first; empty for one operator.
    std::vector<ChainStage> chain;
    Schema output;
    OutputMode mode = OutputMode::Append;
    TriggerPlan trigger;
    SparkVersion version;
    bool noDataBatches = true;
    bool maxWatermarkPolicy = false;
    /// Late rows filtered with the previous batch's watermark (3.4+, allowMultiple=true).
    bool lateFilterUsesPreviousWatermark = false;
    /// Each operator reads the output watermark of the one before it (3.5+, allowMultiple=true:
    /// PropagateWatermarkSimulator); otherwise every operator reads the batch's watermark.
    bool propagatesWatermark = false;
    int numWatermarkNodes = 0;
    SinkOptions sink;
    bool hasStatefulOperator() const { return dedup || aggregate || (join && join->isStreamStream()) || !chain.empty(); }
    /// Stateful operators before the chain (dedup, aggregate, or a stream-stream join): their
    /// indices in StateChange::op.
    std::uint8_t firstChainOperator() const
    {
        return static_cast<std::uint8_t>((dedup ? 1 : 0) + (aggregate ? 1 : 0) + (join && join->isStreamStream() ? 1 : 0));
    }
    /// The StateChange::op of chain stage `stage`'s operator (of the next one, for a stage of steps only).
    std::uint8_t chainOperator(std::size_t stage) const
    {
        std::uint8_t op = firstChainOperator();
        for (std::size_t k = 0; k < stage && k < chain.size(); ++k)
            op = static_cast<std::uint8_t>(op + (chain[k].isStateful() ? 1 : 0));
        return op;
    }
};

} // namespace tidemark
