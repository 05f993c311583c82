// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/RunRecord.h"

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

Row prefix(const Row& r, size_t n) { return Row(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(std::min(n, r.size()))); }

std::vector<Row> sortedValues(const std::map<Row, Row>& m, int windowColumn)
{
    std::vector<Row> rows;
    rows.reserve(m.size());
    for (const auto& [k, v] : m)
        rows.push_back(v);
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return aggregateRowLess(a, b, windowColumn); });
    return rows;
}

} // namespace

std::vector<Row> ModeRun::stateAfter(std::size_t index) const
{
    if (!plan || batches.empty())
        return {};
    const size_t width = keyWidth();
    // Only the downstream-most operator's state is shown (the aggregation when there is one).
    const std::uint8_t op = (plan->aggregate && plan->dedup) ? 1 : 0;
    std::map<Row, Row> state;
    for (size_t b = 0; b <= index && b < batches.size(); ++b)
        for (const auto& c : batches[b].stateChanges) {
            if (c.op != op)
                continue;
            Row key = plan->aggregate ? prefix(c.row, width) : c.row;
            if (c.kind == StateChange::Kind::Put)
                state[key] = c.row;
            else
                state.erase(key);
        }
    return sortedValues(state, windowColumnOf(*plan));
}

std::vector<Row> ModeRun::resultTableAfter(std::size_t index) const
{
    if (!plan || batches.empty())
        return {};
    index = std::min(index, batches.size() - 1);
    const int windowColumn = windowColumnOf(*plan);
    switch (mode) {
    case OutputMode::Complete:
        if (batches[index].sinkRowsMaterialized)
            return batches[index].sinkRows;
        return stateAfter(index);
    case OutputMode::Append: {
        std::vector<Row> rows;
        for (size_t b = 0; b <= index; ++b)
            rows.insert(rows.end(), batches[b].sinkRows.begin(), batches[b].sinkRows.end());
        return rows;
    }
    case OutputMode::Update: {
        if (!plan->aggregate) {
            std::vector<Row> rows;
            for (size_t b = 0; b <= index; ++b)
                rows.insert(rows.end(), batches[b].sinkRows.begin(), batches[b].sinkRows.end());
            return rows;
        }
        std::map<Row, Row> table;
        const size_t width = keyWidth();
        for (size_t b = 0; b <= index; ++b)
            for (const Row& r : batches[b].sinkRows)
                table[prefix(r, width)] = r;
        return sortedValues(table, windowColumn);
    }
    }
    return {};
}

ModeRun runMode(const Scenario& scenario, OutputMode mode, SimulationOptions options)
{
    ModeRun run;
    run.mode = mode;
    auto plan = analyze(scenario, mode);
    if (!plan.ok()) {
        run.error = plan.error();
        return run;
    }
    run.plan = std::make_shared<const QueryPlan>(std::move(plan.value()));
    Simulation sim(scenario, *run.plan, options);
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
