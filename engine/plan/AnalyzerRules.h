// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/expr/Parser.h"
#include "engine/plan/Analyzer.h"
#include "engine/plan/StatefulChain.h"
#include "engine/time/Interval.h"

#include <optional>
#include <string>
#include <vector>

/// The analyzer's pass over a scenario's query, shared by the files that define its rules. Each
/// rule lives in a file named for the Spark rule or class it models; plan/Analyzer.cpp holds the
/// entry point (analyze(), Analyzer::run) and the helpers every rule uses.
namespace tidemark::analysis {

/// Internal: the first problem found, returned as an Error by analyze().
struct AnalysisFailure {
    Error error;
};

[[noreturn]] void failQuery(const std::string& where, const std::string& message, const char* exception = "AnalysisException");
[[noreturn]] void failArgument(const std::string& where, const std::string& message);
[[noreturn]] void failFile(const std::string& where, const std::string& message);
std::string indexed(const std::string& path, size_t i);
[[noreturn]] void failOverflow(const std::string& where);
Micros exactMicros(const Interval& i, const std::string& where);

// EventTimeWatermark.cpp
/// A second withWatermark on a lineage that has one already (3.4+ with allowMultiple).
[[noreturn]] void failRedefiningWatermark(const std::string& where);

// ParseException.cpp
std::string parseMessage(const std::string& text, const ParseFailure& f, const SparkVersion& v);
[[noreturn]] void failParse(const std::string& where, const std::string& text, const ParseFailure& f, const SparkVersion& v);
AstPtr parseExpr(const std::string& text, const std::string& where, const SparkVersion& v);

/// One join's two sides as the analyzer sees them: `query.join` joins two inputs; a join in
/// `query.then` joins the output before it (no input of its own) with a new input.
struct JoinSides {
    InputPlan* left = nullptr; ///< null: the left side is the output of the operators before the join
    InputPlan* right = nullptr;
    Schema leftSchema, rightSchema;
    std::vector<std::string> leftNames, rightNames; ///< the qualifiers `on` may name each side by
    bool leftStatic = false, rightStatic = false;
    /// A joined left side's constraints (QueryPlanConstraints.constraints of the join below and
    /// of the filters between), each column qualified `left`: what InferFiltersFromConstraints
    /// reads on that side.
    std::vector<AstPtr> leftConstraints;
    /// The join's filters were inferred once already (inferAlongChainAgain): only new ones for
    /// its right input are added.
    bool inferredBefore = false;
};

/// A filter InferFiltersFromConstraints adds over a join for the next join's left side, through
/// the next join's key equality (inferThroughKeys): checked in the next join unless
/// pushWhereThroughJoin moves it below the join before.
struct InferredOverJoin {
    std::string path;  ///< the next join's, "query.then[0].join"
    std::size_t index; ///< in its JoinPlan::leftOnly
    AstPtr conjunct, constraint, equality; ///< as EqualityInference, over its sides
};

class Analyzer {
public:
    Analyzer(const Scenario& sc, std::optional<OutputMode> mode) : m_sc(sc), m_v(sc.sparkVersion), m_modeOverride(mode) {}

    QueryPlan run();

private:
    // Analyzer.cpp
    static std::string upper(std::string s);
    static std::string joinNames(const Schema& s);

    // SQLConf.cpp
    std::string checkConf() const;

    // ResolveReferences.cpp
    InputPlan input(const InputSpec& in, const std::string& path, bool joinSide = false);
    Step project(const std::vector<std::string>& items, Schema& schema, const std::string& path);
    Step filter(const std::string& text, const Schema& schema, const std::string& path);
    Schema unionSchema(const std::vector<InputPlan>& inputs);
    static std::string ordinal(size_t n);

    // IntervalUtils.cpp
    std::string cannotParseInterval(const std::string& text) const;
    Interval literalDuration(const std::string& text, const std::string& where, const char* before32Message) const;

    // EventTimeWatermark.cpp
    Step watermark(const WatermarkSpec& w, Schema& schema, const std::string& path);

    // Deduplicate.cpp
    DedupPlan dedup(const std::vector<std::string>& columns, bool withinWatermark, const Schema& schema, const std::string& path);

    // ResolveTimeWindows.cpp
    Step sideWindow(const WindowSpecText& w, const std::string& as, Schema& schema, const std::string& path);
    std::string windowSql(const std::string& column, Micros d, Micros s, Micros start) const;
    [[noreturn]] void windowCheckFailure(const std::string& where, const std::string& sql, const std::string& legacy,
                                         const std::string& errorClass, const std::string& modern) const;
    TimeWindowSpec timeWindow(const WindowSpecText& w, const Schema& schema, const std::string& path, size_t& column);
    void sessionGap(AggregatePlan& agg, const std::string& text, const Schema& schema, const std::string& where);

    // RelationalGroupedDataset.cpp
    AggFunction aggFunction(const AggSpec& spec, const Schema& schema, const std::string& path);
    /// groupBy(...).agg(...) at `at` ("query", or a chain stage "query.then[i]").
    AggregatePlan aggregate(const std::optional<std::vector<GroupItem>>& groupBy, const std::optional<std::vector<AggSpec>>& aggs,
                            const std::string& at, const Schema& schema, Schema& output);
    /// The Analyzer's rules, lent to analyzeChain (StatefulChain.cpp) for each stage.
    ChainHooks chainHooks();

    // DataStreamWriter.cpp
    OutputMode outputMode() const;
    TriggerPlan trigger(const TriggerSpec& t);

    // Join.cpp
    static std::optional<JoinPlan::Type> parseJoinType(std::string t);
    static AstPtr qualify(const AstPtr& a, const std::vector<std::string>& leftNames, const std::vector<std::string>& rightNames);
    static Schema withQualifier(Schema s, const std::string& q);
    static Schema concat(const Schema& a, const Schema& b);
    /// `left.<leftColumn> = right.<rightColumn>`: a `using` key as the equality Spark resolves it to.
    static AstPtr columnEquality(const std::string& leftColumn, const std::string& rightColumn);
    /// Dataset.join at `path`: the plan of one join and its output schema (`out`). Pushes and
    /// infers filters into the sides' inputs.
    /// `movedIn`: conjuncts of the filters over the join that the optimizer moved into its
    /// condition (pushWhereThroughJoin; qualified), ANDed to `on` or the `using` keys.
    JoinPlan joinPlan(const std::string& path, const std::string& type, const std::optional<std::string>& on,
                      const std::vector<std::string>& usingColumns, const JoinSides& sides, Schema& out,
                      const std::vector<AstPtr>& movedIn = {});
    void joinQuery(QueryPlan& plan);
    /// The query's join's two inputs, plan.inputs[0] and [1], as joinPlan reads them.
    JoinSides firstJoinSides(QueryPlan& plan) const;
    /// The constraints the join of `query.then[stage]` reads on its left side (`joinedLeft`) when
    /// it follows the previous join directly: that join's output constraints
    /// (m_joinOutputConstraints) and the `where` filters between the two. Qualified `left`; a
    /// constraint on a column `joinedLeft` does not hold once by its name is left out.
    std::vector<AstPtr> joinedSideConstraints(std::size_t stage, const Schema& joinedLeft) const;

    // PushPredicateThroughJoin.cpp
    /// The optimizer on the filters right after the query's join (its `where`, also after its
    /// `selectExpr` or a `using` join's merged keys; the `where`, left-side conditions and
    /// inferred `isnotnull` filters of a join in `then` that follows it), once Spark's checks have
    /// passed: EliminateOuterJoin, then PushPredicateThroughJoin's Filter case. `leftBefore` and
    /// `rightBefore` are the join's inputs as they were before the join pushed filters into them.
    /// Returns whether it moved anything (and so built the join again).
    bool pushWhereThroughJoin(QueryPlan& plan, const InputPlan& leftBefore, const InputPlan& rightBefore);
    /// After pushWhereThroughJoin moved filters into the query's join: the joins after it infer
    /// again from its new constraints, as Spark infers filters only once its first pushdown is
    /// done. Only what reaches their own inputs is new.
    void inferAlongChainAgain(QueryPlan& plan);
    /// InferFiltersFromConstraints through the join's key equalities (inferThroughKeyEqualities)
    /// over `condition` (its condition's conjuncts) and its sides' constraints (an input's own
    /// filters, a joined side's JoinSides::leftConstraints): each filter it infers sinks into the
    /// input the join type lets it filter. Records the join's output constraints in
    /// m_joinOutputConstraints for the join after it.
    void inferThroughKeys(JoinPlan& j, const JoinSides& sides, const std::vector<AstPtr>& condition, const std::string& path);
    static std::optional<size_t> joinKeyOrdinalForWatermark(const JoinPlan& j);

    // UnsupportedOperationChecker.cpp
    void checkJoin(const JoinPlan& j, OutputMode mode, const std::string& where);
    static bool validOuterWatermark(const JoinPlan& j);
    void checkForStreaming(const QueryPlan& plan);

    const Scenario& m_sc;
    SparkVersion m_v;
    std::optional<OutputMode> m_modeOverride;
    int m_nextWatermarkNode = 0;
    /// QueryPlanConstraints.constraints of the output of the join joinPlan built last, over its
    /// sides' columns (`left.`/`right.`).
    std::vector<AstPtr> m_joinOutputConstraints;
    /// The join type m_joinOutputConstraints is taken for when it is not the join's own (the
    /// query's join built again with an outer join Spark eliminates only after inferring filters).
    std::optional<JoinPlan::Type> m_constraintsType;
    std::vector<InferredOverJoin> m_inferredOverJoin;
};

} // namespace tidemark::analysis
