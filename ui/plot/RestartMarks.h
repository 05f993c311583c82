// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"

#include <QString>

#include <vector>

namespace tidemark::ui {

/// What the event-time plot draws for the scenario's stops and restarts from the checkpoint
/// (BatchRecord::restart): each down time as a band over processing time, and the batch a
/// crash made run again, where it ran the second time.
struct RestartMarks {
    struct DownTime {
        Micros stopAt = 0;
        Micros restartAt = 0;
        bool crashed = false;
        QString label; ///< "query stopped" / "crashed: batch 2 not committed", translated
    };
    struct Rerun {
        Micros at = 0; ///< the rerun's trigger time (the restart's first trigger)
        std::int64_t batchId = 0;
        QString label; ///< "batch 2 again", translated
    };
    std::vector<DownTime> downTimes;
    std::vector<Rerun> reruns;
    bool empty() const { return downTimes.empty() && reruns.empty(); }
};

/// The marks of `run`'s restarts, in time order.
RestartMarks restartMarks(const ModeRun& run);

} // namespace tidemark::ui
