// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lessons/LessonBar.h"

#include "ui/lessons/LessonController.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QFontMetrics>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace tidemark::ui {

LessonBar::LessonBar(LessonController* lessons, QWidget* parent)
    : QFrame(parent)
    , m_lessons(lessons)
    , m_title(new QLabel(this))
    , m_stepLabel(new QLabel(this))
    , m_text(new QLabel(this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_next(new QPushButton(tr("Next"), this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("lessonBar"));
    setFrameShape(QFrame::NoFrame);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAutoFillBackground(true);
    // A pale band set apart from the tables above it, as a caption under a slide.
    setStyleSheet(QStringLiteral("#lessonBar { background: #fff8e1; border-top: 2px solid #f4b942; }"));
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_stepLabel->setObjectName(QStringLiteral("lessonStep"));
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_back->setObjectName(QStringLiteral("lessonBack"));
    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_back->setToolTip(tr("Previous step (Page Up)"));
    m_next->setToolTip(tr("Next step (Page Down)"));
    // The clicker's keys belong to the lesson; the buttons must not keep the focus from the plot.
    m_back->setFocusPolicy(Qt::NoFocus);
    m_next->setFocusPolicy(Qt::NoFocus);
    m_close->setObjectName(QStringLiteral("lessonClose"));
    m_close->setText(QStringLiteral("×"));
    m_close->setAutoRaise(true);
    m_close->setFocusPolicy(Qt::NoFocus);
    m_close->setToolTip(tr("Close the lesson (Esc)"));

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(10, 4, 4, 6);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(2);
    auto* head = new QHBoxLayout;
    head->setSpacing(10);
    head->addWidget(m_title, 1);
    head->addWidget(m_stepLabel);
    head->addWidget(m_close);
    layout->addLayout(head, 0, 0, 1, 2);
    layout->addWidget(m_text, 1, 0);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    layout->addLayout(buttons, 1, 1, Qt::AlignBottom);
    layout->setColumnStretch(0, 1);

    // Style sheets stop a font set on the window from reaching the bar: follow the window's own.
    parent->installEventFilter(this);
    connect(m_back, &QPushButton::clicked, m_lessons, &LessonController::back);
    connect(m_next, &QPushButton::clicked, m_lessons, &LessonController::next);
    connect(m_close, &QToolButton::clicked, m_lessons, &LessonController::close);
    applyFonts();
}

void LessonBar::showStep()
{
    const int index = m_lessons->currentStep();
    const int count = m_lessons->count();
    m_title->setText(m_lessons->title());
    m_title->setToolTip(m_lessons->title());
    m_stepLabel->setText(tr("step %1 / %2").arg(index + 1).arg(count));
    const QString summary = m_lessons->summaryText();
    m_text->setText(summary.isEmpty() ? m_lessons->stepText() : m_lessons->stepText() + QLatin1Char('\n') + summary);
    fitText();
    m_back->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < count);
}

bool LessonBar::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FontChange && watched == window())
        applyFonts(); // presentation mode enlarges the window's font: the lesson's grows with it
    return QFrame::eventFilter(watched, event);
}

void LessonBar::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_back->setText(tr("Back"));
        m_next->setText(tr("Next"));
        if (m_lessons->isOpen())
            showStep();
    }
}

void LessonBar::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    fitText();
}

void LessonBar::fitText()
{
    // The text's column is the bar less its margins and the buttons beside it.
    const QMargins m = layout()->contentsMargins();
    const int buttons = m_back->sizeHint().width() + m_next->sizeHint().width() + 6 + 10;
    const int room = std::max(300, width() - m.left() - m.right() - buttons);
    // From the font, not QLabel::heightForWidth: that answers at least the height set here.
    const QMargins tm = m_text->contentsMargins();
    const int h = QFontMetrics(m_text->font())
                      .boundingRect(QRect(0, 0, room - tm.left() - tm.right(), 100000), Qt::TextWordWrap, m_text->text())
                      .height() +
                  tm.top() + tm.bottom() + 2 * m_text->margin();
    if (h > 0 && h != m_text->minimumHeight()) {
        m_text->setMinimumHeight(h);
        m_text->setMaximumHeight(h);
        updateGeometry();
        // The toolbar holding the bar, and the window's toolbar area, cache their items' sizes:
        // make them ask again.
        for (QWidget* w = parentWidget(); w; w = w->parentWidget())
            if (w->layout())
                w->layout()->invalidate();
    }
}

void LessonBar::applyFonts()
{
    // Large enough to read at the back of a room: half again the window's text, never below 15 pt.
    const QFont base = window()->font();
    QFont text = base;
    text.setPointSizeF(std::max(15.0, base.pointSizeF() * 1.5));
    m_text->setFont(text);
    QFont head = base;
    head.setPointSizeF(std::max(12.0, base.pointSizeF() * 1.15));
    head.setBold(true);
    m_title->setFont(head);
    m_stepLabel->setFont(head);
    QFont button = base;
    button.setPointSizeF(std::max(12.0, base.pointSizeF() * 1.2));
    m_back->setFont(button);
    m_next->setFont(button);
    m_close->setFont(head);
    fitText();
}

} // namespace tidemark::ui
