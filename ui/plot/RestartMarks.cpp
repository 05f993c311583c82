// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/RestartMarks.h"

#include <QCoreApplication>

namespace tidemark::ui {

RestartMarks restartMarks(const ModeRun& run)
{
    RestartMarks marks;
    for (const BatchRecord& b : run.batches) {
        if (b.restart) {
            const RestartRecord& r = *b.restart;
            RestartMarks::DownTime d;
            d.stopAt = r.stopAt;
            d.restartAt = r.restartAt;
            d.crashed = r.uncommittedBatch.has_value();
            d.label = d.crashed ? QCoreApplication::translate("RestartMarks", "crashed: batch %1 not committed").arg(*r.uncommittedBatch) : QCoreApplication::translate("RestartMarks", "query stopped");
            marks.downTimes.push_back(std::move(d));
        }
        // MicroBatchExecution.populateStartOffsets runs the uncommitted batch first, same id.
        if (b.checkpoint.rerun)
            marks.reruns.push_back({b.triggerTime, b.batchId, QCoreApplication::translate("RestartMarks", "batch %1 again").arg(b.batchId)});
    }
    return marks;
}

} // namespace tidemark::ui
