// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/BatchControls.h"

#include "ui/document/CellText.h"
#include "ui/i18n/Retranslate.h"
#include "ui/pages/BatchCursor.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace tidemark::ui {

namespace {
QToolButton* button(QWidget* parent, QStyle::StandardPixmap icon, const QString& name)
{
    auto* b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setAutoRaise(true);
    b->setObjectName(name);
    return b;
}
} // namespace

BatchControls::BatchControls(BatchCursor* cursor, QWidget* parent)
    : QWidget(parent)
    , m_cursor(cursor)
    , m_first(button(this, QStyle::SP_MediaSkipBackward, QStringLiteral("firstBatchButton")))
    , m_back(button(this, QStyle::SP_MediaSeekBackward, QStringLiteral("previousBatchButton")))
    , m_play(button(this, QStyle::SP_MediaPlay, QStringLiteral("playButton")))
    , m_forward(button(this, QStyle::SP_MediaSeekForward, QStringLiteral("nextBatchButton")))
    , m_last(button(this, QStyle::SP_MediaSkipForward, QStringLiteral("lastBatchButton")))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_label(new QLabel(this))
    , m_speed(new QComboBox(this))
{
    m_slider->setObjectName(QStringLiteral("batchSlider"));
    m_slider->setMinimumWidth(90);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setPageStep(1);
    m_label->setObjectName(QStringLiteral("batchLabel"));
    // Only the weight is set, so the size still follows the window's (presentation mode).
    QFont bold;
    bold.setBold(true);
    m_label->setFont(bold);
    // Never squeezed: the readout is what the room reads.
    m_label->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    m_speed->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_speed->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // "1 batch/:" helped nobody
    for (double s : {0.5, 1.0, 2.0, 4.0})
        m_speed->addItem(QString(), s);
    m_speed->setCurrentIndex(1);
    retranslated(this, [this] {
        m_first->setToolTip(tr("First batch (Home)"));
        m_back->setToolTip(tr("Previous batch (Left)"));
        m_play->setToolTip(tr("Play / pause (Space)"));
        m_forward->setToolTip(tr("Next batch (Right)"));
        m_last->setToolTip(tr("Last batch (End)"));
        m_speed->setToolTip(tr("Playing speed"));
        // What a screen reader says for each control (the icons carry no text).
        m_first->setAccessibleName(tr("First batch"));
        m_back->setAccessibleName(tr("Previous batch"));
        m_play->setAccessibleName(m_cursor->isPlaying() ? tr("Pause") : tr("Play"));
        m_forward->setAccessibleName(tr("Next batch"));
        m_last->setAccessibleName(tr("Last batch"));
        m_slider->setAccessibleName(tr("Batch"));
        m_speed->setAccessibleName(tr("Playing speed"));
        for (int i = 0; i < m_speed->count(); ++i)
            m_speed->setItemText(i, tr("%1 batch/s").arg(m_speed->itemData(i).toDouble()));
        fitLabel();
        setView(m_view);
    });

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
        m_play->setAccessibleName(playing ? tr("Pause") : tr("Play"));
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

namespace {
QString readout(const ViewState& view, const BatchRecord& b, bool noData)
{
    // Of all the batches run: a long live session shows only its newest ones.
    const std::int64_t total = view.numBatches() + view.drivingRun().forgotten.batches;
    QString text = BatchControls::tr("batch %1 of %2 · %3").arg(b.batchId).arg(total).arg(timeText(b.triggerTime, *view.snapshot->scenario));
    if (noData)
        text += BatchControls::tr(" · no data");
    return text;
}
} // namespace

void BatchControls::setView(const ViewState& view)
{
    const bool newRun = view.snapshot != m_view.snapshot;
    m_view = view;
    if (newRun)
        fitLabel();
    if (!view.hasBatch()) {
        m_label->setText(tr("no batch"));
        m_slider->setAccessibleDescription(m_label->text());
        return;
    }
    const BatchRecord& b = view.currentBatch();
    m_label->setText(readout(view, b, b.noData));
    m_label->setToolTip(m_label->text());
    m_slider->setAccessibleDescription(m_label->text()); // "batch 3 of 7 · 12:00:10"
}

void BatchControls::fitLabel()
{
    const QFontMetrics fm(m_label->font());
    int widest = fm.horizontalAdvance(tr("no batch"));
    if (m_view.snapshot) {
        const auto& batches = m_view.drivingRun().batches;
        // The first and the last batch bound the widths of ids and times (every batch may be a no-data one).
        for (const BatchRecord* b : {batches.empty() ? nullptr : &batches.front(), batches.empty() ? nullptr : &batches.back()})
            if (b)
                widest = std::max(widest, fm.horizontalAdvance(readout(m_view, *b, true)));
    }
    // Never wider than a classroom readout ("batch 120 of 120 · 12:00:00 · no data"): a live
    // session's times carry fractions and dates, and the window must still fit 1024 px; a
    // longer readout is cut, and its whole text is in the tooltip.
    const int cap = fm.horizontalAdvance(tr("batch %1 of %2 · %3").arg(120).arg(120).arg(QStringLiteral("12:00:00")) + tr(" · no data"));
    m_label->setMinimumWidth(std::min(widest, cap) + fm.horizontalAdvance(QStringLiteral("00")));
}

void BatchControls::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitLabel();
}

} // namespace tidemark::ui
