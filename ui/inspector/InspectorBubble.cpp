// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inspector/InspectorBubble.h"

#include <QGraphicsDropShadowEffect>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tidemark::ui {

InspectorBubble::InspectorBubble(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("inspector"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral("#inspector { background: #fffdf5; border: 1px solid #c9b77a; border-radius: 6px; }"
                                 "#inspector QScrollArea, #inspector QScrollArea > QWidget > QWidget { background: transparent; border: none; }"));
    auto* shadow = new QGraphicsDropShadowEffect(this);
    shadow->setBlurRadius(18);
    shadow->setOffset(0, 3);
    shadow->setColor(QColor(0, 0, 0, 90));
    setGraphicsEffect(shadow);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("inspectorText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_scroll->setWidget(m_text);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("\u00d7"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Esc)"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto* head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(close, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 8);
    layout->addLayout(head);
    layout->addWidget(m_scroll, 1);
    hide();
}

void InspectorBubble::setPresentation(bool on) { m_width = on ? 680 : 460; }

QString InspectorBubble::text() const { return m_text->text(); }

void InspectorBubble::showAt(const QPoint& globalPos, const QString& title, const QString& text)
{
    m_title->setText(title);
    m_text->setText(text);
    QWidget* p = parentWidget();
    // As tall as the text needs, up to 60% of the window; longer texts scroll.
    const QMargins m = layout()->contentsMargins();
    const int textWidth = m_width - m.left() - m.right() - 4;
    const int wanted = m_text->heightForWidth(textWidth) + m_title->sizeHint().height() + m.top() + m.bottom() + 16;
    resize(m_width, std::min(wanted, p->height() * 6 / 10));
    // Beside the point, flipped to the other side when it would leave the window.
    QPoint at = p->mapFromGlobal(globalPos) + QPoint(16, 12);
    if (at.x() + width() > p->width())
        at.rx() = p->mapFromGlobal(globalPos).x() - width() - 16;
    if (at.y() + height() > p->height())
        at.ry() = p->height() - height() - 8;
    at.rx() = std::clamp(at.x(), 4, std::max(4, p->width() - width() - 4));
    at.ry() = std::clamp(at.y(), 4, std::max(4, p->height() - height() - 4));
    move(at);
    show();
    raise();
}

void InspectorBubble::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace tidemark::ui
