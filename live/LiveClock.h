// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/time/Time.h"

#include <functional>

namespace tidemark::kafka {

/// The simulator's processing-time clock, in microseconds since the epoch. Injectable so that
/// tests can stamp arrivals deterministically; it must never go backwards.
using Clock = std::function<Micros()>;

/// Real time: the wall clock read once, then advanced by std::chrono::steady_clock, so arrival
/// times read as real dates in a recording and never jump when the system clock is adjusted.
Clock realClock();

} // namespace tidemark::kafka
