// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveInputScenario.h"

namespace tidemark::kafka {

void prepareLiveInputScenario(Scenario& scenario, std::size_t source, Micros startAt, const std::optional<Schema>& schema)
{
    SourceSpec& src = scenario.sources[source];
    src.format = SourceFormat::Memory;
    src.kafka.reset();
    src.maxEventsPerTrigger.reset();
    src.events.clear();
    if (schema)
        src.schema = *schema;
    scenario.query.trigger.startAt = startAt;
    scenario.query.trigger.startAtStyle = TimeStyle::DateTime;
    // Once/AvailableNow would stop after the first batches; live input keeps the query running.
    scenario.query.trigger.once = false;
    scenario.query.trigger.availableNow = false;
}

} // namespace tidemark::kafka
