// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/BatchControls.h"

#include "ui/document/CellText.h"
#include "ui/pages/BatchCursor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace tidemark::ui {

namespace {
QToolButton* button(QWidget* parent, QStyle::StandardPixmap icon, const QString& tip, const QString& name)
{
    auto* b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setObjectName(name);
    return b;
}
} // namespace

BatchControls::BatchControls(BatchCursor* cursor, QWidget* parent)
    : QWidget(parent)
    , m_cursor(cursor)
    , m_first(button(this, QStyle::SP_MediaSkipBackward, tr("First batch (Home)"), QStringLiteral("firstBatchButton")))
    , m_back(button(this, QStyle::SP_MediaSeekBackward, tr("Previous batch (Left)"), QStringLiteral("previousBatchButton")))
    , m_play(button(this, QStyle::SP_MediaPlay, tr("Play / pause (Space)"), QStringLiteral("playButton")))
    , m_forward(button(this, QStyle::SP_MediaSeekForward, tr("Next batch (Right)"), QStringLiteral("nextBatchButton")))
    , m_last(button(this, QStyle::SP_MediaSkipForward, tr("Last batch (End)"), QStringLiteral("lastBatchButton")))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_label(new QLabel(this))
    , m_speed(new QComboBox(this))
{
    m_slider->setObjectName(QStringLiteral("batchSlider"));
    m_slider->setMinimumWidth(180);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setPageStep(1);
    m_label->setObjectName(QStringLiteral("batchLabel"));
    m_label->setMinimumWidth(210);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    m_speed->setToolTip(tr("Playing speed"));
    for (double s : {0.5, 1.0, 2.0, 4.0})
        m_speed->addItem(tr("%1 batch/s").arg(s), s);
    m_speed->setCurrentIndex(1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(2);
    for (QWidget* w : {static_cast<QWidget*>(m_first), static_cast<QWidget*>(m_back), static_cast<QWidget*>(m_play),
                       static_cast<QWidget*>(m_forward), static_cast<QWidget*>(m_last)})
        layout->addWidget(w);
    layout->addSpacing(6);
    layout->addWidget(m_slider, 1);
    layout->addSpacing(6);
    layout->addWidget(m_label);
    layout->addWidget(m_speed);

    connect(m_first, &QToolButton::clicked, cursor, &BatchCursor::toFirst);
    connect(m_back, &QToolButton::clicked, cursor, &BatchCursor::stepBack);
    connect(m_play, &QToolButton::clicked, cursor, &BatchCursor::togglePlaying);
    connect(m_forward, &QToolButton::clicked, cursor, &BatchCursor::stepForward);
    connect(m_last, &QToolButton::clicked, cursor, &BatchCursor::toLast);
    connect(m_slider, &QSlider::valueChanged, cursor, &BatchCursor::setPosition);
    connect(m_speed, &QComboBox::activated, this, [this](int i) { m_cursor->setSpeed(m_speed->itemData(i).toDouble()); });
    connect(cursor, &BatchCursor::positionChanged, this, &BatchControls::syncFromCursor);
    connect(cursor, &BatchCursor::countChanged, this, &BatchControls::syncFromCursor);
    connect(cursor, &BatchCursor::playingChanged, this, [this](bool playing) {
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    syncFromCursor();
}

void BatchControls::syncFromCursor()
{
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, std::max(0, m_cursor->count() - 1));
    m_slider->setValue(m_cursor->position());
    const bool any = m_cursor->count() > 0;
    m_first->setEnabled(any && m_cursor->position() > 0);
    m_back->setEnabled(any && m_cursor->position() > 0);
    m_forward->setEnabled(any && m_cursor->position() < m_cursor->count() - 1);
    m_last->setEnabled(any && m_cursor->position() < m_cursor->count() - 1);
    m_play->setEnabled(m_cursor->count() > 1);
}

void BatchControls::setView(const ViewState& view)
{
    if (!view.hasBatch()) {
        m_label->setText(tr("no batch"));
        return;
    }
    const BatchRecord& b = view.currentBatch();
    QString text = tr("batch %1 of %2 · %3").arg(b.batchId).arg(view.numBatches()).arg(timeText(b.triggerTime, *view.snapshot->scenario));
    if (b.noData)
        text += tr(" · no data");
    m_label->setText(text);
}

} // namespace tidemark::ui
