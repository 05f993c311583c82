// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/scenario/Scenario.h"

#include <atomic>
#include <iosfwd>
#include <map>
#include <string>

namespace tidemark::kafka {

struct ProduceOptions {
    std::string bootstrapServers = "localhost:9092";
    std::string topic;
    std::string source;   ///< which source's events (empty: the first stream)
    double speed = 1.0;   ///< 2: twice as fast as the `at` times say
    bool quiet = false;   ///< no "Sending ..." line per message
    std::map<std::string, std::string> properties; ///< extra librdkafka producer settings
    int timeoutMs = 10000; ///< how long a message may wait for the broker before it counts as failed
};

/// A row as the JSON value a producer sends: columns in schema order, timestamps as epoch
/// seconds when they were written so and whole, else as "yyyy-MM-dd HH:mm:ss[.ffffff]" in the
/// scenario's time zone (what Spark's from_json reads back).
std::string rowToJsonValue(const Row& row, const Schema& schema, TimeStyle timeStyle, const TimeZone& zone);

/// `tidemark produce`: sends the events of a scenario's source to a topic, one JSON message
/// each, paced by their arrival times (the first at once), like the classroom's watermarks.py
/// which sends eight events 0.1 s apart. Events recorded with a partition go to that
/// partition. Returns 0 when every message was acknowledged; messages go to `out`, problems
/// (with a listener hint) to `err`. `stop` (may be null) ends it early.
int produceScenario(const Scenario& scenario, const ProduceOptions& options, std::ostream& out, std::ostream& err,
                    const std::atomic<bool>* stop = nullptr);

} // namespace tidemark::kafka
