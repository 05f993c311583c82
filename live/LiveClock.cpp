// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveClock.h"

#include <chrono>

namespace tidemark::kafka {

Clock realClock()
{
    using namespace std::chrono;
    const Micros wall = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    const auto origin = steady_clock::now();
    return [wall, origin] { return wall + duration_cast<microseconds>(steady_clock::now() - origin).count(); };
}

} // namespace tidemark::kafka
