// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inspector/InspectorBubble.h"

#include "ui/i18n/Retranslate.h"

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
    QFont bold; // only the weight: the size follows the window's (presentation mode)
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("inspectorText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFocusPolicy(Qt::StrongFocus); // Tab reaches the explanation, and arrows move through it
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_scroll->setWidget(m_text);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("\u00d7"));
    close->setAutoRaise(true);
    retranslated(close, [this, close] {
        close->setToolTip(tr("Close (Esc)"));
        close->setAccessibleName(tr("Close the explanation"));
        m_text->setAccessibleName(tr("Why? explanation"));
    });
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

QString InspectorBubble::title() const { return m_title->text(); }

void InspectorBubble::setContent(const QString& title, const QString& text)
{
    m_title->setText(title);
    m_text->setText(text);
    setAccessibleName(title);
    m_text->setAccessibleDescription(text); // a screen reader reads the explanation, not only its title
}

void InspectorBubble::showAt(const QPoint& globalPos, const QString& title, const QString& text, const QRect& bounds)
{
    setContent(title, text);
    QWidget* p = parentWidget();
    const QRect area = (bounds.isEmpty() ? p->rect() : bounds).intersected(p->rect()).adjusted(4, 4, -4, -4);
    // As wide as set (narrower on a small screen), as tall as the text needs up to the area's
    // height; longer texts scroll.
    const int w = std::min(m_width, std::max(200, area.width()));
    const QMargins m = layout()->contentsMargins();
    const int textWidth = w - m.left() - m.right() - 4;
    const int wanted = m_text->heightForWidth(textWidth) + m_title->heightForWidth(textWidth - 30) + m.top() + m.bottom() + 24;
    resize(w, std::max(80, std::min(wanted, area.height())));
    // Beside the point, flipped to the other side when it would leave the area.
    const QPoint anchor = p->mapFromGlobal(globalPos);
    QPoint at = anchor + QPoint(16, 12);
    if (at.x() + width() > area.right())
        at.rx() = anchor.x() - width() - 16;
    if (at.y() + height() > area.bottom())
        at.ry() = area.bottom() - height();
    at.rx() = std::clamp(at.x(), area.left(), std::max(area.left(), area.right() - width()));
    at.ry() = std::clamp(at.y(), area.top(), std::max(area.top(), area.bottom() - height()));
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
