// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/BatchTables.h"

#include "engine/exec/KeyedRows.h"
#include "ui/compute/Snapshot.h"

namespace tidemark::ui {

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
        const int window = windowColumn(*run.plan);
        KeyedRows table(run.keyWidth());
        for (const Row& r : run.forgotten.resultTable)
            table.put(r);
        for (std::size_t b = 0; b < index; ++b)
            for (const Row& r : run.batches[b].sinkRows)
                table.put(r);
        if (index > 0)
            t.before = table.sorted(window);
        for (const Row& r : batch.sinkRows)
            table.put(r);
        t.after = table.sorted(window);
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
