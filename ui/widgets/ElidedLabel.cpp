// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/ElidedLabel.h"

#include <QEvent>
#include <QFontMetrics>

namespace tidemark::ui {

ElidedLabel::ElidedLabel(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ElidedLabel::setFullText(const QString& text)
{
    if (text == m_full)
        return;
    m_full = text;
    setToolTip(text);
    updateGeometry();
    elide();
}

void ElidedLabel::setPreferredWidth(int pixels)
{
    m_preferredWidth = pixels;
    updateGeometry();
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    const QFontMetrics fm(font());
    const int width = m_preferredWidth > 0 ? m_preferredWidth : fm.horizontalAdvance(m_full) + m.left() + m.right() + 2 * margin() + 2;
    return {width, fm.height() + m.top() + m.bottom() + 2 * margin()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    const QMargins m = contentsMargins();
    return {fm.horizontalAdvance(QStringLiteral("M…")) + m.left() + m.right(), sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        elide();
    }
}

void ElidedLabel::elide()
{
    const int room = contentsRect().width() - 2 * margin();
    setText(room > 0 ? QFontMetrics(font()).elidedText(m_full, Qt::ElideRight, room) : m_full);
}

} // namespace tidemark::ui
