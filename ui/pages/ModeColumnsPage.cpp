// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/ModeColumnsPage.h"

#include "ui/pages/OutputModeColumn.h"

#include <QHBoxLayout>
#include <QSplitter>

namespace tidemark::ui {

ModeColumnsPage::ModeColumnsPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("modeColumns"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
        auto* c = new OutputModeColumn(m, splitter);
        m_columns[static_cast<std::size_t>(m)] = c;
        splitter->addWidget(c);
    }
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void ModeColumnsPage::setView(const ViewState& view)
{
    for (auto* c : m_columns)
        c->setView(view);
}

void ModeColumnsPage::setPresentation(bool on)
{
    for (auto* c : m_columns)
        c->setPresentation(on);
}

} // namespace tidemark::ui
