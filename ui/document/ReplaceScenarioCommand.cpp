// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/ReplaceScenarioCommand.h"

namespace tidemark::ui {

ReplaceScenarioCommand::ReplaceScenarioCommand(ScenarioDocument* document, std::shared_ptr<const Scenario> before,
                                               std::shared_ptr<const Scenario> after, const QString& text)
    : m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void ReplaceScenarioCommand::redo()
{
    if (m_document->scenario() != m_after)
        m_document->replace(m_after);
}

void ReplaceScenarioCommand::undo() { m_document->replace(m_before); }

} // namespace tidemark::ui
