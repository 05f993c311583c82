// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/ChangeQueryCommand.h"

namespace tidemark::ui {

ChangeQueryCommand::ChangeQueryCommand(ScenarioDocument* document, QuerySettings after, const QString& text)
    : m_document(document)
    , m_before(QuerySettings::of(*document->scenario()))
    , m_after(std::move(after))
    , m_versionWrittenBefore(document->scenario()->sparkVersionWritten)
{
    setText(text);
}

void ChangeQueryCommand::set(const QuerySettings& settings, bool versionWritten)
{
    m_document->apply(
        [&](Scenario& sc) {
            sc.query = settings.query;
            sc.sparkVersion = settings.version;
            sc.conf = settings.conf;
            sc.sparkVersionWritten = versionWritten;
        },
        {ScenarioDocument::ChangeKind::Query, 0, 0});
}

void ChangeQueryCommand::redo()
{
    const bool versionChanged = m_after.version != m_before.version;
    set(m_after, m_versionWrittenBefore || versionChanged);
}

void ChangeQueryCommand::undo() { set(m_before, m_versionWrittenBefore); }

} // namespace tidemark::ui
