// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace tidemark::ui {

class BatchCursor;

/// The batch timeline for the toolbar: first / back / play / forward / last, a slider over
/// the micro-batches, "batch 3 of 12 · 12:20:00" and the playing speed.
class BatchControls : public QWidget
{
    Q_OBJECT
public:
    explicit BatchControls(BatchCursor* cursor, QWidget* parent = nullptr);

    void setView(const ViewState& view);
    QSlider* slider() const { return m_slider; }
    QLabel* label() const { return m_label; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void syncFromCursor();
    /// Sizes the readout for the widest text this scenario can show, so stepping never
    /// changes the layout (and the text is never cut while the layout catches up).
    void fitLabel();

    ViewState m_view;
    BatchCursor* m_cursor;
    QToolButton* m_first;
    QToolButton* m_back;
    QToolButton* m_play;
    QToolButton* m_forward;
    QToolButton* m_last;
    QSlider* m_slider;
    QLabel* m_label;
    QComboBox* m_speed;
};

} // namespace tidemark::ui
