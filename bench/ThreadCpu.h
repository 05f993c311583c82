// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ctime>

namespace tidemark::bench {

/// CPU time the calling thread has used, in milliseconds (CLOCK_THREAD_CPUTIME_ID). The
/// difference between two calls on the UI thread is what the UI thread cost, whatever the
/// other threads (consumer, broker, producer) did meanwhile on the shared cores.
inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

} // namespace tidemark::bench
