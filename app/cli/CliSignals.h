// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <csignal>

namespace tidemark::cli {

/// Ctrl-C / SIGTERM as a flag for the long-running commands (live run, produce, broker), so they
/// stop at a safe point: the live run still writes its recording. Restores the previous
/// handlers when it goes out of scope.
class StopOnSignal {
public:
    StopOnSignal()
    {
        flag() = false;
        m_int = std::signal(SIGINT, handler);
        m_term = std::signal(SIGTERM, handler);
    }
    ~StopOnSignal()
    {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
    }
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

    static std::atomic<bool>& flag()
    {
        static std::atomic<bool> stop{false};
        return stop;
    }
    bool stopped() const { return flag().load(); }

private:
    static void handler(int) { flag() = true; }
    using Handler = void (*)(int);
    Handler m_int = SIG_DFL;
    Handler m_term = SIG_DFL;
};

} // namespace tidemark::cli
