// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"
#include "engine/scenario/Scenario.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tidemark {

/// One data batch of a Tidemark run, as an export feeds it to a file source: the events it
/// read, per source.
struct ExportBatch {
    std::int64_t batchId = 0;
    /// Indexed like Scenario::sources: the local indices of the events this batch read from
    /// that source, in processing order (empty for static tables).
    std::vector<std::vector<std::uint32_t>> eventsBySource;
};

/// Files that appear in the source folders at once: one file per data batch and streaming
/// source, which Spark (maxFilesPerTrigger 1) reads one per micro-batch, back to back.
struct ExportDrop {
    std::vector<ExportBatch> batches;
    /// Tidemark's no-data batches after the drop's last data batch, which Spark runs by
    /// itself while processAllAvailable() waits.
    std::vector<std::int64_t> noDataBatchesAfter;
    /// The query stops after this drop and starts again from its checkpoint: the index of the
    /// scenario's `restarts` entry.
    std::optional<std::size_t> restartAfter;
    /// That stop is a crash in this batch (the drop's last): the process dies after the sink got
    /// its rows and before the commit log entry, and the restarted query runs it again.
    std::optional<std::int64_t> crashedBatch;
};

/// Groups a run's data batches into drops. A drop ends after each data batch, except where
/// Tidemark's next batch read new data right after a batch that asked for a no-data batch
/// (the watermark moved): there Spark's next trigger must find the next file already
/// waiting (MicroBatchExecution.constructNextBatch prefers new data to a no-data batch), so
/// both files are in one drop. Trigger.Once and AvailableNow read what is there when the
/// query starts, so their run is a single drop written before the start. A restart from the
/// checkpoint ends a drop; the batch a crash made run again is not a drop of its own (Spark
/// reads its offsets from the offset log again, no new file).
std::vector<ExportDrop> planDrops(const Scenario& scenario, const ModeRun& run);

} // namespace tidemark
