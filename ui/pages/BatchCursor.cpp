// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/BatchCursor.h"

#include <algorithm>
#include <cmath>

namespace tidemark::ui {

BatchCursor::BatchCursor(QObject* parent)
    : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &BatchCursor::tick);
}

void BatchCursor::setCount(int count)
{
    count = std::max(0, count);
    if (count != m_count) {
        m_count = count;
        emit countChanged(count);
    }
    const int clamped = std::clamp(m_position, 0, std::max(0, m_count - 1));
    if (clamped != m_position) {
        m_position = clamped;
        emit positionChanged(m_position);
    }
}

void BatchCursor::setPosition(int position)
{
    position = std::clamp(position, 0, std::max(0, m_count - 1));
    if (position == m_position)
        return;
    m_position = position;
    emit positionChanged(position);
}

void BatchCursor::setPlaying(bool playing)
{
    if (playing == isPlaying())
        return;
    if (playing) {
        // Play from the start when at the end, as a media player does.
        if (m_position >= m_count - 1)
            setPosition(0);
        m_timer.start();
    } else {
        m_timer.stop();
    }
    emit playingChanged(playing);
}

void BatchCursor::setSpeed(double batchesPerSecond)
{
    m_speed = std::clamp(batchesPerSecond, 0.1, 20.0);
    m_timer.setInterval(static_cast<int>(std::lround(1000.0 / m_speed)));
}

void BatchCursor::tick()
{
    if (m_position >= m_count - 1) {
        setPlaying(false);
        return;
    }
    stepForward();
}

} // namespace tidemark::ui
