// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/expr/Ast.h"
#include "engine/schema/Schema.h"

#include <optional>
#include <vector>

namespace tidemark {

/// Which side of a join an expression reads.
enum class JoinSide : std::uint8_t { Left, Right };

/// A join condition split as Spark's planner splits it (ExtractEquiJoinKeys and
/// JoinConditionSplitPredicates): equality conjuncts between one column of each side become
/// hash keys; conjuncts reading one side only filter that side's rows before they are joined
/// or stored; the rest is evaluated on each candidate pair.
struct SplitCondition {
    struct KeyPair {
        AstPtr left, right;    ///< one expression per side
        bool nullSafe = false; ///< `<=>`: a null key matches a null key
    };
    std::vector<KeyPair> keys;
    std::vector<AstPtr> leftOnly, rightOnly, both;
};

/// PredicateHelper.splitConjunctivePredicates: the conjuncts of `condition` at its top-level
/// ANDs, in order (BETWEEN stays one conjunct).
std::vector<AstPtr> splitConjunctivePredicates(const AstPtr& condition);

/// The conjuncts ANDed left to right, as `reduceLeft(And)` builds them; null for none.
AstPtr conjunction(const std::vector<AstPtr>& parts);

/// Splits `on` (already with `left.`/`right.`/source qualifiers resolved to the two schemas'
/// qualifiers). Conjuncts are split at top-level ANDs; BETWEEN stays one conjunct.
SplitCondition splitJoinCondition(const AstPtr& condition, const Schema& left, const Schema& right);

/// Spark's StreamingJoinHelper.getStateValueWatermark for one side S: for each conjunct of
/// `both` of the form `a < b`, `a <= b`, `a > b`, `a >= b` (BETWEEN counts as its two
/// comparisons) in which, written as `x - y < 0`, exactly one column of S appears with a
/// negative sign (S is bounded from below) and exactly one column of the other side appears,
/// carrying watermark metadata, that column is replaced by the watermark W and the bound is
/// solved: `S > W + c`. A `<=`/`>=` conjunct subtracts 1 ms. Returns the smallest such bound as
/// an offset from W in microseconds (SW = W + offset), or nullopt when no conjunct bounds S.
std::optional<Micros> stateValueWatermarkOffset(const std::vector<AstPtr>& both, JoinSide side, const Schema& left, const Schema& right);

/// Which side an expression reads: Left, Right, or nullopt for both/none.
std::optional<JoinSide> sideOf(const Ast& ast, const Schema& left, const Schema& right);

} // namespace tidemark
