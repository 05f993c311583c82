// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"
#include "ui/plot/Outage.h"

#include <QString>

#include <optional>
#include <vector>

namespace tidemark::ui {

/// Index (in view.drivingRun().batches) of the batch that read the backlog of `outage`: the
/// first batch with data that ran when the input was back. -1 while the outage goes on or
/// no such batch ran yet.
int batchAfterOutage(const ViewState& view, const Outage& outage);

/// For the "Why?" of an event read by the batch after an outage: that the broker was away
/// from when to when, that nothing could arrive meanwhile, how many rows that batch read at
/// once and how far the watermark moved after it. Empty for any other event.
QString outageNote(const ViewState& view, const std::vector<Outage>& outages, std::uint32_t event);

/// The "Why?" of an outage band: when the broker was away, that the watermark stood still
/// meanwhile, and what the batch after it read. `now`: the live clock, for one still going on.
QString explainOutage(const ViewState& view, const Outage& outage, Micros now);

/// The outage whose band covers processing time `at`, if any.
std::optional<Outage> outageAt(const std::vector<Outage>& outages, Micros at, Micros now);

} // namespace tidemark::ui
