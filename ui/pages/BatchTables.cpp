// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/BatchTables.h"

#include "engine/ops/OperatorContext.h"
#include "ui/compute/Snapshot.h"

#include <algorithm>
#include <map>

namespace tidemark::ui {

namespace {

Row keyOf(const Row& r, std::size_t width) { return Row(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(std::min(width, r.size()))); }

std::vector<Row> sortedValues(const std::map<Row, Row>& table, int windowColumn)
{
    std::vector<Row> rows;
    rows.reserve(table.size());
    for (const auto& [key, row] : table)
        rows.push_back(row);
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return aggregateRowLess(a, b, windowColumn); });
    return rows;
}

} // namespace

BatchTables batchTables(const ModeRun& run, std::size_t index)
{
    BatchTables t;
    const BatchRecord& batch = run.batches[index];
    if (!run.plan || run.mode == OutputMode::Complete) {
        if (!run.plan || batch.sinkRowsMaterialized) {
            t.sink = run.sinkRowsOf(index);
            t.after = run.resultTableAfter(index);
            if (index > 0)
                t.before = run.resultTableAfter(index - 1);
            return t;
        }
        // Complete mode recorded without copies: the sink got the whole table, folded from state.
        auto folded = run.sinkRowsOf(index > 0 ? index - 1 : 0, index);
        if (index > 0)
            t.before = std::move(folded.front());
        t.after = std::move(folded.back());
        t.sink = t.after;
        return t;
    }
    t.sink = run.sinkRowsOf(index);
    if (run.mode == OutputMode::Update && run.plan->aggregate) {
        // Update: the sink upserts by the grouping key.
        const std::size_t width = run.keyWidth();
        const int window = windowColumn(*run.plan);
        std::map<Row, Row> table;
        for (const Row& r : run.forgotten.resultTable)
            table[keyOf(r, width)] = r;
        for (std::size_t b = 0; b < index; ++b)
            for (const Row& r : run.batches[b].sinkRows)
                table[keyOf(r, width)] = r;
        if (index > 0)
            t.before = sortedValues(table, window);
        for (const Row& r : batch.sinkRows)
            table[keyOf(r, width)] = r;
        t.after = sortedValues(table, window);
        return t;
    }
    // Append (and update without an aggregation): the sink adds every row it gets.
    if (index > 0)
        t.before = run.resultTableAfter(index - 1);
    t.after = index > 0 ? t.before : run.forgotten.resultTable;
    t.after.insert(t.after.end(), batch.sinkRows.begin(), batch.sinkRows.end());
    return t;
}

} // namespace tidemark::ui
