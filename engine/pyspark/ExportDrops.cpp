// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pyspark/ExportDrops.h"

namespace tidemark {

namespace {

/// Maps a global event index (sources in file order, events in file order) to its source and local index.
struct EventIndex {
    explicit EventIndex(const Scenario& scenario)
    {
        for (const auto& s : scenario.sources)
            sizes.push_back(static_cast<std::uint32_t>(s.events.size()));
    }
    std::pair<size_t, std::uint32_t> locate(std::uint32_t global) const
    {
        size_t source = 0;
        while (source + 1 < sizes.size() && global >= sizes[source]) {
            global -= sizes[source];
            ++source;
        }
        return {source, global};
    }
    std::vector<std::uint32_t> sizes;
};

} // namespace

std::vector<ExportDrop> planDrops(const Scenario& scenario, const ModeRun& run)
{
    std::vector<ExportDrop> drops;
    const EventIndex index(scenario);
    const bool startsWithEverything = run.plan && run.plan->trigger.kind != TriggerPlan::Kind::ProcessingTime;
    const BatchRecord* previous = nullptr;
    for (const BatchRecord& b : run.batches) {
        if (b.restart && !drops.empty()) {
            // MicroBatchExecution.populateStartOffsets: the next run starts from the checkpoint.
            drops.back().restartAfter = b.restart->index;
            drops.back().crashedBatch = b.restart->uncommittedBatch;
            previous = nullptr;
        }
        if (b.checkpoint.rerun) {
            previous = &b; // the same offsets again: nothing new to write
            continue;
        }
        if (b.noData) {
            if (drops.empty())
                drops.emplace_back();
            drops.back().noDataBatchesAfter.push_back(b.batchId);
            previous = &b;
            continue;
        }
        const bool continuesDrop = !drops.empty() && !drops.back().restartAfter
                                   && (startsWithEverything || (previous && !previous->noData && previous->requiresAnotherBatch));
        if (!continuesDrop)
            drops.emplace_back();
        ExportBatch batch;
        batch.batchId = b.batchId;
        batch.eventsBySource.resize(scenario.sources.size());
        for (std::uint32_t e : b.events) {
            const auto [source, local] = index.locate(e);
            batch.eventsBySource[source].push_back(local);
        }
        drops.back().batches.push_back(std::move(batch));
        previous = &b;
    }
    return drops;
}

} // namespace tidemark
