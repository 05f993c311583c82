// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/KafkaSource.h"
#include "engine/core/Error.h"
#include "engine/scenario/Scenario.h"

#include <cstddef>
#include <string>

namespace tidemark::kafka {

/// The streaming source of `scenario` a live Kafka session feeds: the one named `name`, else
/// the first Kafka-format stream, else the first stream. Nullopt (with a message) if none.
Result<std::size_t> liveSourceIndex(const Scenario& scenario, const std::string& name = {});

/// Turns a scenario into the start of a live recording: the live source becomes a Kafka
/// source with `settings` (its `kafka` block) and no events yet, and the trigger starts at
/// `startAt` (the source's start time), written as a date and time. The rest of the scenario
/// (query, trigger interval, time zone, Spark version) is kept.
void prepareLiveScenario(Scenario& scenario, std::size_t source, const KafkaSettings& settings, Micros startAt);

/// Appends delivered messages to the live source as events (arrival time, partition, offset),
/// in delivery order. Call Simulation::notifyEventsAppended() afterwards.
void appendDelivery(Scenario& scenario, std::size_t source, const Delivery& delivery);

/// Writes text to `path` atomically: a temporary file in the same directory, flushed, then
/// renamed over `path`, so a reader never sees half a recording.
Status writeFileAtomically(const std::string& path, const std::string& text);

} // namespace tidemark::kafka
