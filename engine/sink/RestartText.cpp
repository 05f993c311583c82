// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sink/RestartText.h"

#include "engine/scenario/ScenarioFile.h"
#include "engine/time/TimeFormat.h"

namespace tidemark {

std::string restartConsoleLine(const RestartRecord& r, const BatchRecord& first, const Scenario& sc)
{
    const RestartSpec& spec = sc.restarts.at(r.index);
    std::string line = ">> ";
    if (r.crashed && r.uncommittedBatch)
        line += "crashed at " + formatScenarioTime(r.stopAt, spec.stopAtStyle, sc) + " in batch " + std::to_string(*r.uncommittedBatch)
                + " (offsets logged, not committed)";
    else
        line += "stopped at " + formatScenarioTime(r.stopAt, spec.stopAtStyle, sc)
                + (r.lastCommittedBatch >= 0 ? " after batch " + std::to_string(r.lastCommittedBatch) + " (committed)" : std::string());
    line += "; restarted at " + formatScenarioTime(r.restartAt, spec.restartAtStyle, sc) + " from the checkpoint: ";
    if (r.uncommittedBatch)
        line += "batch " + std::to_string(*r.uncommittedBatch) + " runs again with the same offsets";
    else
        line += "next batch " + std::to_string(first.batchId);
    line += ", watermark " + formatTimestamp(r.restoredWatermarkMs * kMicrosPerMilli, sc.zone) + " from the offset log";
    if (r.noDataBatchDropped)
        line += "; the no-data batch the query was due waits for new data";
    if (r.queryChanged || r.limitsChanged)
        line += std::string("; changed: ") + (r.queryChanged ? "query" : "") + (r.queryChanged && r.limitsChanged ? ", " : "")
                + (r.limitsChanged ? "maxEventsPerTrigger" : "");
    return line + "\n";
}

} // namespace tidemark
