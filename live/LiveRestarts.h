// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/scenario/Scenario.h"

#include <optional>
#include <string>

namespace tidemark::kafka {

/// A live query runs until it is stopped: the scenario's `restarts` (stops and restarts from
/// the checkpoint at processing times the file fixes) are not applied to live input. This takes
/// them out of `scenario`, so that a recording of the session says what happened, and returns
/// the line that says so (nullopt when the scenario had none).
std::optional<std::string> takeOutRestarts(Scenario& scenario);

} // namespace tidemark::kafka
