// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/scenario/Scenario.h"

#include <cstdint>

namespace tidemark::bench {

/// A generated classroom-shaped workload: `numKeys` long keys, event times that advance
/// with the arrival clock plus up to `maxLatenessSeconds` of lateness (a few rows later than
/// that, so the watermark drops some), `eventsPerBatch` events per 10-second trigger.
/// Query: withWatermark(t, 10 minutes), groupBy(k, window(t, 10 minutes, 5 minutes)).count(),
/// update mode. Deterministic (fixed seed).
Scenario syntheticScenario(std::int64_t numEvents, int numKeys, int eventsPerBatch, int maxLatenessSeconds = 300);

} // namespace tidemark::bench
