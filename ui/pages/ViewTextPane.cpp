// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/ViewTextPane.h"

namespace tidemark::ui {

ViewTextPane::ViewTextPane(const QString& objectName, LineWrapMode wrap, QWidget* parent)
    : QPlainTextEdit(parent)
{
    setObjectName(objectName);
    setReadOnly(true);
    setLineWrapMode(wrap);
    // NanumGothicCoding draws Hangul exactly two cells wide, as Spark's console counts it.
    QFont mono(QStringLiteral("NanumGothicCoding"));
    mono.setFamilies({QStringLiteral("NanumGothicCoding"), QStringLiteral("DejaVu Sans Mono"), QStringLiteral("monospace")});
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
}

void ViewTextPane::setView(const ViewState& view)
{
    m_view = view;
    m_stale = true;
    if (m_active)
        renderNow();
}

void ViewTextPane::setActive(bool active)
{
    m_active = active;
    if (active && m_stale)
        renderNow();
}

void ViewTextPane::renderNow()
{
    m_stale = false;
    render();
}

} // namespace tidemark::ui
