// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schema/Schema.h"
#include "engine/scenario/Scenario.h"

#include <cstddef>
#include <optional>

namespace tidemark::kafka {

/// Turns a scenario into the start of a live recording from a socket or a directory: the live
/// source becomes a plain source (a batch only when rows have arrived, as Spark's socket and
/// file sources plan them), without a `kafka` block or a rate limit (the directory source
/// paces maxFilesPerTrigger itself, so the arrival times alone replay to the same batches),
/// and with no events yet; `schema`, when given, replaces the source's (the socket's fixed
/// schema). The trigger starts at `startAt`; the rest of the scenario is kept.
void prepareLiveInputScenario(Scenario& scenario, std::size_t source, Micros startAt, const std::optional<Schema>& schema = std::nullopt);

} // namespace tidemark::kafka
