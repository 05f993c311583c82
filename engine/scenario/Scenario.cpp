// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/scenario/Scenario.h"

namespace tidemark {

const SourceSpec* Scenario::findSource(const std::string& name) const
{
    for (const auto& s : sources)
        if (s.name == name)
            return &s;
    return nullptr;
}

std::size_t Scenario::numEvents() const
{
    std::size_t n = 0;
    for (const auto& s : sources)
        n += s.events.size();
    return n;
}

} // namespace tidemark
