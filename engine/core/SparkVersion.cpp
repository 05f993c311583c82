// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/SparkVersion.h"

namespace tidemark {

std::optional<SparkVersion> SparkVersion::parse(std::string_view text)
{
    static constexpr SparkVersion kKnown[] = {{3, 0}, {3, 1}, {3, 2}, {3, 3}, {3, 4}, {3, 5}, {4, 0}};
    for (const SparkVersion& v : kKnown)
        if (v.toString() == text)
            return v;
    return std::nullopt;
}

} // namespace tidemark
