// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/time/Time.h"

#include <optional>

namespace tidemark::ui {

/// A stretch of processing time when live input could not arrive (the broker stopped
/// answering): from when it was lost to when it came back, or still going on.
struct Outage {
    Micros from = 0;
    std::optional<Micros> to; ///< unset: not back yet
    bool operator==(const Outage&) const = default;
};

} // namespace tidemark::ui
