// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/OperatorState.h"

#include "engine/exec/KeyedRows.h"

#include <algorithm>

namespace tidemark::ui {

namespace {

StatefulOperator aggregation(std::uint8_t op, const AggregatePlan& aggregate)
{
    StatefulOperator s;
    s.op = op;
    for (std::size_t i = 0; i < aggregate.groups.size(); ++i) {
        s.schema.fields.push_back(Field{aggregate.groups[i].name, aggregate.groups[i].type, std::nullopt, {}});
        if (aggregate.groups[i].isWindow && s.windowColumn < 0)
            s.windowColumn = static_cast<int>(i);
    }
    for (const auto& a : aggregate.aggs)
        s.schema.fields.push_back(Field{a.name, a.resultType, std::nullopt, {}});
    s.keyWidth = aggregate.groups.size();
    return s;
}

StatefulOperator deduplication(std::uint8_t op, const DedupPlan& dedup, const Schema& input)
{
    StatefulOperator s;
    s.op = op;
    for (std::size_t k : dedup.keys)
        if (k < input.size())
            s.schema.fields.push_back(input[k]);
    if (dedup.withinWatermark)
        s.schema.fields.push_back(Field{"expiresAt", DataType(TypeId::Timestamp), std::nullopt, {}});
    return s;
}

/// A join in `query.then`: the rows it buffers, in its output columns with the other side null.
/// They are joined rows, not events, so the state is kept by whole row.
StatefulOperator joinedRows(std::uint8_t op, const ChainStage& stage)
{
    StatefulOperator s;
    s.op = op;
    s.schema = stage.output;
    return s;
}

} // namespace

std::vector<StatefulOperator> statefulOperators(const QueryPlan& plan)
{
    std::vector<StatefulOperator> ops;
    // A stream-stream join is operator 0 of StateChange::op; its rows are not kept by key.
    std::uint8_t op = plan.join && plan.join->isStreamStream() ? 1 : 0;
    if (plan.dedup)
        ops.push_back(deduplication(op++, *plan.dedup, plan.streamSchema));
    if (plan.aggregate) {
        // Its output is the query's unless a chain follows; the state holds the groups and aggregates.
        StatefulOperator s = aggregation(op++, *plan.aggregate);
        if (plan.chain.empty())
            s.schema = plan.output;
        ops.push_back(std::move(s));
    }
    for (const ChainStage& stage : plan.chain) {
        if (stage.aggregate)
            ops.push_back(aggregation(op++, *stage.aggregate));
        else if (stage.dedup)
            ops.push_back(deduplication(op++, *stage.dedup, stage.input));
        else if (stage.join && stage.join->isStreamStream())
            ops.push_back(joinedRows(op++, stage));
    }
    return ops;
}

OperatorStateAt operatorStateAt(const ModeRun& run, const StatefulOperator& op, std::size_t index)
{
    OperatorStateAt out;
    if (run.batches.empty())
        return out;
    index = std::min(index, run.batches.size() - 1);
    KeyedRows state(op.keyWidth == 0 ? kWholeRow : op.keyWidth);
    // A live run that forgot its first batches keeps the state they left of the operator
    // ModeRun::stateAfter folds: the aggregation, else the first.
    const std::uint8_t remembered = run.plan && run.plan->aggregate && run.plan->dedup ? 1 : 0;
    if (op.op == remembered)
        for (const Row& r : run.forgotten.state)
            state.put(r);
    for (std::size_t b = 0; b <= index; ++b) {
        if (b == index && b > 0)
            out.before = state.sorted(op.windowColumn);
        for (const StateChange& c : run.batches[b].stateChanges) {
            if (c.op != op.op)
                continue;
            if (c.kind == StateChange::Kind::Put)
                state.put(c.row);
            else
                state.erase(c.row);
            if (b == index && c.kind == StateChange::Kind::Evicted)
                out.evicted.push_back(c.row);
        }
    }
    out.after = state.sorted(op.windowColumn);
    return out;
}

} // namespace tidemark::ui
