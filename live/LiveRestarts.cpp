// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveRestarts.h"

namespace tidemark::kafka {

std::optional<std::string> takeOutRestarts(Scenario& scenario)
{
    if (scenario.restarts.empty())
        return std::nullopt;
    const std::size_t n = scenario.restarts.size();
    scenario.restarts.clear();
    return "the scenario's " + std::to_string(n) + (n == 1 ? " restart is" : " restarts are")
           + " not applied to live input: a live query runs until it is stopped. Stop it and start it again yourself, "
             "or run the file without live input to see the restarts from the checkpoint.";
}

} // namespace tidemark::kafka
