// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/plan/QueryPlan.h"
#include "engine/scenario/Scenario.h"

#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace tidemark::ui {

/// Where one conjunct of a join's `on` condition runs once Spark's optimizer has split it.
enum class ConjunctPlace : std::uint8_t {
    /// Moved into one side (PushPredicateThroughJoin) and below its EventTimeWatermark
    /// (PushPredicateThroughNonJoin): the rows it rejects never move that side's watermark.
    BelowWatermark,
    /// Moved into one side, but it reads the event-time column, so it stays above withWatermark.
    AboveWatermark,
    /// Moved into one side that has no withWatermark (a static table, or no watermark at all).
    IntoSide,
    /// A condition on the preserved side of an outer join: it stays in the join, where a row
    /// failing it is not stored and is output at once with nulls (OneSideHashJoiner's preJoinFilter).
    KeptForPreservedSide,
    Key,         ///< `a = b` between the sides: a hash key (ExtractEquiJoinKeys)
    NullSafeKey, ///< `a <=> b`: a hash key where null matches null
    UsingKey,    ///< a `using` column, resolved into a key equality
    Pair,        ///< checked on each pair of rows with equal keys
    /// Checked on each pair, and it bounds how long one or both sides' rows stay in the state
    /// (StreamingJoinHelper.getStateValueWatermark).
    PairAndStateRange,
};

/// One step of a join input, in the order the rows pass through it (source first).
struct OutlineStep {
    /// Inferred: `isnotnull(column)`, added by Spark's optimizer (InferFiltersFromConstraints).
    enum class Kind : std::uint8_t { Select, Where, FromOn, FromWhere, Inferred, Watermark, Window };
    Kind kind = Kind::Select;
    QString text;                                     ///< the expression, column list or `column, delay`
    ConjunctPlace place = ConjunctPlace::IntoSide;    ///< FromOn, FromWhere and Inferred only
    /// FromOn, FromWhere and Inferred: it went through a selectExpr too, so it runs on the source's rows with the
    /// selected columns replaced by their expressions (PushPredicateThroughNonJoin, Project case).
    bool throughSelect = false;
    bool fromNextJoin = false; ///< Inferred: from the condition of the join after this one
    /// Inferred through a key equality: the constraint it is rewritten from and the equality
    /// (empty for `isnotnull`).
    QString inferredFrom, inferredThrough;
};

/// One input of the join.
struct OutlineSide {
    QString source;
    bool isStatic = false;
    std::vector<OutlineStep> steps;
};

/// A conjunct that stays in the join operator.
struct OutlineCondition {
    QString text;
    ConjunctPlace place = ConjunctPlace::Pair;
    int side = -1; ///< KeptForPreservedSide: the side (0 left, 1 right) whose columns it reads
    bool fromWhere = false; ///< moved into the join from the `where` after it (PushPredicateThroughJoin)
    bool fromNextJoin = false; ///< moved into the join from the condition of the join after it
};

/// How one side's rows leave the join state (StreamingSymmetricHashJoinHelper.getStateWatermarkPredicates).
struct StateBound {
    enum class Kind : std::uint8_t {
        ByKey,   ///< by the watermarked join key: key (its end for a window) <= watermark
        ByRange, ///< by its own event time: column <= watermark + offset
        Never,   ///< nothing bounds it: the side's state grows for ever
        NoState, ///< a join with a static table: nothing is stored on either side
    };
    Kind kind = Kind::Never;
    QString column;       ///< ByKey: the key as written; ByRange: the side's event-time column
    bool windowEnd = false; ///< ByKey, ByRange: the column is a window, its end is compared
    Micros offset = 0;    ///< ByRange: SW = W + offset
};

/// A join's plan as a student reads it: each input's steps with the conjuncts of `on` that
/// Spark's optimizer moved into it, what stayed in the join, and how each side's state is cleaned.
struct JoinOutline {
    JoinPlan::Type type = JoinPlan::Type::Inner;
    std::optional<JoinPlan::Type> writtenType; ///< EliminateOuterJoin: the outer join the query writes
    bool streamStream = true;
    bool usingJoin = false;
    std::array<OutlineSide, 2> sides;
    std::vector<OutlineCondition> inJoin;
    std::array<StateBound, 2> state;
};

/// The outline of `plan`'s join, with each conjunct as `scenario` writes it; nullopt when the
/// query has no join.
std::optional<JoinOutline> outlineJoin(const QueryPlan& plan, const Scenario& scenario);

/// How `side`'s rows leave the state of join `j` (for a join in `query.then`, whose outline the
/// plan view does not draw in full).
StateBound joinStateBound(const JoinPlan& j, int side);

/// Each top-level AND conjunct of `on`, as written, in order (without surrounding whitespace
/// and without parentheses around a whole conjunct); empty when `on` does not parse.
std::vector<QString> writtenConjuncts(const std::string& on);

} // namespace tidemark::ui
