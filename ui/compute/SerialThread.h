// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace tidemark::ui {

/// One thread that runs the tasks posted to it, one after another, in the order posted.
///
/// Why: a live session's work grows with its length (the recording, the runs of three output
/// modes); done in order on one thread, it needs no locks and leaves the UI thread free.
/// Destroying it drops the tasks not started and waits for the running one.
class SerialThread {
public:
    SerialThread();
    ~SerialThread();
    SerialThread(const SerialThread&) = delete;
    SerialThread& operator=(const SerialThread&) = delete;

    void post(std::function<void()> task);
    /// Blocks until every task posted before this call has run.
    void drain();

private:
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<std::function<void()>> m_tasks; // guarded by m_mutex
    bool m_running = false;                    // guarded by m_mutex: a task is being run
    bool m_stop = false;                       // guarded by m_mutex
    std::thread m_thread;
};

} // namespace tidemark::ui
