// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/record/BatchRecord.h"
#include "engine/scenario/Scenario.h"

#include <string>

namespace tidemark {

/// The line the console output shows before the first batch after a stop and restart: when
/// the query stopped (or crashed, in which batch), when it started again, and what
/// populateStartOffsets found in the checkpoint (the batch it runs first, the watermark it
/// restored). Spark itself prints nothing there; the line is Tidemark's, marked with `>>`.
std::string restartConsoleLine(const RestartRecord& restart, const BatchRecord& firstBatch, const Scenario& scenario);

} // namespace tidemark
