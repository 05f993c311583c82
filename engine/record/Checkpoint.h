// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/time/Time.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tidemark {

/// One entry of the checkpoint's offset log (`offsets/N`, an OffsetSeq), written when
/// MicroBatchExecution.constructNextBatch plans batch N, before it runs.
struct OffsetLogEntry {
    std::int64_t batchId = 0;
    /// Per source, in the scenario's order: the end offset of the batch (how many of the
    /// source's events are read once it has run). A static source stays 0.
    std::vector<std::int64_t> sourceOffsets;
    Millis batchWatermarkMs = 0; ///< OffsetSeqMetadata.batchWatermarkMs: the watermark the batch runs with
    Millis batchTimestampMs = 0; ///< OffsetSeqMetadata.batchTimestampMs: its trigger time
};

/// One entry of the commit log (`commits/N`), written when batch N finished: CommitMetadata.
struct CommitLogEntry {
    std::int64_t batchId = 0;
    Millis nextBatchWatermarkMs = 0;
};

/// What the checkpoint holds for one batch once it has run.
struct CheckpointAfterBatch {
    OffsetLogEntry offsets;
    /// nullopt: the process died before the commit log entry was written (a crash), so the
    /// restarted query runs this batch again with the same offsets.
    std::optional<CommitLogEntry> commit;
    /// The state store version the batch committed (batch id + 1; HDFSBackedStateStore's
    /// `N.delta`); nullopt without a stateful operator or without a commit.
    std::optional<std::int64_t> stateVersion;
    /// The batch ran again after a restart: its first run crashed before committing.
    bool rerun = false;
};

/// The query stopped and started again from its checkpoint before a batch
/// (MicroBatchExecution.populateStartOffsets on the new start).
struct RestartRecord {
    std::size_t index = 0; ///< which entry of the scenario's `restarts`
    Micros stopAt = 0;
    Micros restartAt = 0;
    bool crashed = false;
    std::int64_t lastCommittedBatch = -1; ///< the commit log's latest entry (-1: none)
    /// The offset log's latest entry had no commit: that batch runs first, with its offsets.
    std::optional<std::int64_t> uncommittedBatch;
    /// The watermark populateStartOffsets restores: the uncommitted batch's batchWatermarkMs,
    /// or the latest committed batch's, raised to its commit's nextBatchWatermarkMs.
    Millis restoredWatermarkMs = 0;
    /// The query before the stop wanted a no-data batch that never ran; the restarted query
    /// has no lastExecution, so it waits for new data instead.
    bool noDataBatchDropped = false;
    bool queryChanged = false;  ///< the restarted query differs from the one before
    bool limitsChanged = false; ///< a source's maxEventsPerTrigger changed
};

} // namespace tidemark
