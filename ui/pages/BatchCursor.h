// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace tidemark::ui {

/// The current micro-batch, and playing through the batches at a speed. Requests are slots,
/// changes are signals; it knows nothing of what a batch is.
class BatchCursor : public QObject
{
    Q_OBJECT
public:
    explicit BatchCursor(QObject* parent = nullptr);

    int position() const { return m_position; }
    int count() const { return m_count; }
    bool isPlaying() const { return m_timer.isActive(); }
    /// Batches per second while playing.
    double speed() const { return m_speed; }

    /// The number of batches changed (a recompute); the position is kept, clamped.
    void setCount(int count);

public slots:
    void setPosition(int position);
    void stepForward() { setPosition(m_position + 1); }
    void stepBack() { setPosition(m_position - 1); }
    void toFirst() { setPosition(0); }
    void toLast() { setPosition(m_count - 1); }
    void setPlaying(bool playing);
    void togglePlaying() { setPlaying(!isPlaying()); }
    void setSpeed(double batchesPerSecond);

signals:
    void positionChanged(int position);
    void countChanged(int count);
    void playingChanged(bool playing);

private:
    void tick();

    int m_position = 0;
    int m_count = 0;
    double m_speed = 1.0;
    QTimer m_timer;
};

} // namespace tidemark::ui
