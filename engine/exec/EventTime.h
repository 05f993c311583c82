// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/scenario/Scenario.h"

#include <optional>
#include <vector>

namespace tidemark {

/// For each source, the column whose value is an event's event time when it is drawn: the
/// column the query's watermark (or window) is defined on when the source has it, else the
/// source's first timestamp column. A row that reaches the watermark carries its exact event
/// time in its RowFate; this is for events that never get there (filtered, unread).
std::vector<std::optional<std::size_t>> eventTimeColumns(const Scenario& scenario);

/// The event time of event `index` of source `source`, when it has one.
std::optional<Micros> eventTimeOf(const Scenario& scenario, const std::vector<std::optional<std::size_t>>& columns, std::size_t source,
                                  std::size_t index);

/// Global event index -> (source, index within the source), for the numbering RowFate uses
/// (sources in file order, events in file order).
std::pair<std::size_t, std::size_t> locateEvent(const Scenario& scenario, std::uint32_t globalIndex);

/// Global index of an event.
std::uint32_t globalEventIndex(const Scenario& scenario, std::size_t source, std::size_t index);

} // namespace tidemark
