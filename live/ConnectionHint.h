// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace tidemark::kafka {

/// What to check when a Kafka connection fails, in the classroom's terms: the docker-compose
/// broker advertises two listeners, OUTSIDE://localhost:9092 for programs on the host and
/// INSIDE://kafka:9093 for containers on the compose network (the notebook). Most failures
/// are one used from the wrong side, or a broker that is not running. `error` is librdkafka's
/// text, which names the address that failed (the bootstrap or an advertised broker).
std::string connectionHint(const std::string& bootstrapServers, const std::string& error);

} // namespace tidemark::kafka
