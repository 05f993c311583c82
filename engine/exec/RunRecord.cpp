// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/RunRecord.h"

#include "engine/exec/KeyedRows.h"
#include "engine/ops/OperatorContext.h"
#include "engine/plan/Analyzer.h"

#include <algorithm>

namespace tidemark {

std::size_t ModeRun::keyWidth() const
{
    if (!plan)
        return 0;
    if (plan->aggregate)
        return plan->aggregate->groups.size();
    if (plan->dedup)
        return plan->dedup->keys.size();
    return 0;
}

namespace {

int windowColumnOf(const QueryPlan& plan)
{
    if (!plan.aggregate)
        return -1;
    for (size_t i = 0; i < plan.aggregate->groups.size(); ++i)
        if (plan.aggregate->groups[i].isWindow)
            return static_cast<int>(i);
    return -1;
}

} // namespace

namespace {

/// Folds a run's state changes batch by batch.
class StateFold {
public:
    explicit StateFold(const ModeRun& run)
        : m_run(run)
        , m_width(run.keyWidth())
        , m_op((run.plan->aggregate && run.plan->dedup) ? 1 : 0) // the downstream-most operator
        , m_multiset(run.plan->join.has_value())
        , m_state(run.plan->aggregate ? m_width : kWholeRow)
    {
        // A live run that forgot its first batches starts from the state they left.
        for (const Row& r : run.forgotten.state) {
            if (m_multiset)
                m_rows.push_back(r);
            else
                m_state.put(r);
        }
    }
    void apply(const BatchRecord& b)
    {
        for (const auto& c : b.stateChanges) {
            if (c.op != m_op)
                continue;
            if (m_multiset) {
                // A join buffers every row, duplicates included, in arrival order.
                if (c.kind == StateChange::Kind::Put)
                    m_rows.push_back(c.row);
                else if (auto it = std::find(m_rows.begin(), m_rows.end(), c.row); it != m_rows.end())
                    m_rows.erase(it);
                continue;
            }
            if (c.kind == StateChange::Kind::Put)
                m_state.put(c.row);
            else
                m_state.erase(c.row);
        }
    }
    std::vector<Row> rows() const { return m_multiset ? m_rows : m_state.sorted(windowColumnOf(*m_run.plan)); }

private:
    const ModeRun& m_run;
    std::size_t m_width;
    std::uint8_t m_op;
    bool m_multiset;
    KeyedRows m_state; ///< by the aggregation's grouping values, or by whole row
    std::vector<Row> m_rows;
};

} // namespace

std::vector<Row> ModeRun::stateAfter(std::size_t index) const
{
    if (!plan || batches.empty())
        return forgotten.state;
    StateFold fold(*this);
    for (size_t b = 0; b <= index && b < batches.size(); ++b)
        fold.apply(batches[b]);
    return fold.rows();
}

std::vector<Row> ModeRun::sinkRowsOf(std::size_t index) const
{
    if (index >= batches.size())
        return {};
    if (batches[index].sinkRowsMaterialized)
        return batches[index].sinkRows;
    return stateAfter(index);
}

std::vector<std::vector<Row>> ModeRun::sinkRowsOf(std::size_t first, std::size_t last) const
{
    std::vector<std::vector<Row>> out;
    if (!plan || batches.empty() || first > last)
        return out;
    last = std::min(last, batches.size() - 1);
    StateFold fold(*this);
    for (size_t b = 0; b <= last; ++b) {
        fold.apply(batches[b]);
        if (b >= first)
            out.push_back(batches[b].sinkRowsMaterialized ? batches[b].sinkRows : fold.rows());
    }
    return out;
}

std::vector<Row> ModeRun::resultTableAfter(std::size_t index) const
{
    if (!plan || batches.empty())
        return forgotten.resultTable;
    index = std::min(index, batches.size() - 1);
    const int windowColumn = windowColumnOf(*plan);
    switch (mode) {
    case OutputMode::Complete:
        if (batches[index].sinkRowsMaterialized)
            return batches[index].sinkRows;
        return stateAfter(index);
    case OutputMode::Append: {
        std::vector<Row> rows = forgotten.resultTable;
        for (size_t b = 0; b <= index; ++b)
            rows.insert(rows.end(), batches[b].sinkRows.begin(), batches[b].sinkRows.end());
        return rows;
    }
    case OutputMode::Update: {
        if (!plan->aggregate) {
            std::vector<Row> rows = forgotten.resultTable;
            for (size_t b = 0; b <= index; ++b)
                rows.insert(rows.end(), batches[b].sinkRows.begin(), batches[b].sinkRows.end());
            return rows;
        }
        KeyedRows table(keyWidth()); // the sink upserts by the grouping key
        for (const Row& r : forgotten.resultTable)
            table.put(r);
        for (size_t b = 0; b <= index; ++b)
            for (const Row& r : batches[b].sinkRows)
                table.put(r);
        return table.sorted(windowColumn);
    }
    }
    return {};
}

ModeRun runMode(const Scenario& scenario, OutputMode mode, SimulationOptions options, std::optional<Micros> horizon)
{
    ModeRun run;
    run.mode = mode;
    auto plan = analyze(scenario, mode);
    if (!plan.ok()) {
        run.error = plan.error();
        return run;
    }
    run.plan = std::make_shared<const QueryPlan>(std::move(plan.value()));
    if (horizon)
        options.live = true;
    Simulation sim(scenario, *run.plan, options);
    if (horizon)
        sim.advanceTo(*horizon);
    run.start = sim.startTime();
    while (auto batch = sim.next())
        run.batches.push_back(std::move(*batch));
    run.ticks = sim.ticks();
    run.unconsumed = sim.unconsumedFates();
    return run;
}

RunRecord runAllModes(const Scenario& scenario, SimulationOptions options)
{
    RunRecord record;
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete})
        record.modes[static_cast<size_t>(m)] = runMode(scenario, m, options);
    return record;
}

} // namespace tidemark
