// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/RerunRows.h"

#include <QCoreApplication>

namespace tidemark::ui {

namespace {

/// True when the result table is every row the sink got, in batch order (BatchTables' append case).
bool addsEveryRow(const ModeRun& run)
{
    return run.plan && run.mode != OutputMode::Complete && !(run.mode == OutputMode::Update && run.plan->aggregate);
}

} // namespace

void markRerunSinkRows(std::vector<MarkedRow>& sink, const ModeRun& run, std::size_t index)
{
    const BatchRecord& batch = run.batches[index];
    if (!batch.checkpoint.rerun || run.mode == OutputMode::Complete)
        return;
    for (MarkedRow& r : sink)
        r.againOf = batch.batchId;
}

void markRerunResultRows(std::vector<MarkedRow>& result, const ModeRun& run, std::size_t index)
{
    if (!addsEveryRow(run))
        return;
    // The table is the rows forgotten by a live run, then each batch's sink rows in order.
    std::size_t offset = run.forgotten.resultTable.size();
    for (std::size_t b = 0; b <= index && b < run.batches.size(); ++b) {
        const BatchRecord& batch = run.batches[b];
        const std::size_t n = batch.sinkRows.size();
        if (batch.checkpoint.rerun)
            for (std::size_t i = offset; i < offset + n && i < result.size(); ++i)
                result[i].againOf = batch.batchId;
        offset += n;
    }
}

QString rerunRowExplanation(std::int64_t batchId)
{
    // ConsoleSink prints every addBatch; FileStreamSink.addBatch skips a batch id that its
    // _spark_metadata log (ManifestFileCommitProtocol's manifest) already holds.
    return QCoreApplication::translate("RerunRows",
                                       "again: batch %1 ran twice (it crashed before its commit, the restarted query ran it with the same "
                                       "offsets), so the sink got these rows twice. The console sink prints them again; the file sink "
                                       "writes them once, as it skips a batch id its _spark_metadata log already holds.")
        .arg(batchId);
}

} // namespace tidemark::ui
