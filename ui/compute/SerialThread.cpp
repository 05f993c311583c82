// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compute/SerialThread.h"

#include <utility>

namespace tidemark::ui {

SerialThread::SerialThread()
    : m_thread([this] { loop(); })
{
}

SerialThread::~SerialThread()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_tasks.clear();
    }
    m_wake.notify_one();
    m_thread.join();
}

void SerialThread::post(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    m_wake.notify_one();
}

void SerialThread::drain()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_stop || (m_tasks.empty() && !m_running); });
}

void SerialThread::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_tasks.empty(); });
        if (m_stop)
            break;
        std::function<void()> task = std::move(m_tasks.front());
        m_tasks.pop_front();
        m_running = true;
        lock.unlock();
        task();
        task = nullptr; // what it captured is freed here, off the UI thread
        lock.lock();
        m_running = false;
        if (m_tasks.empty())
            m_idle.notify_all();
    }
    m_idle.notify_all();
}

} // namespace tidemark::ui
