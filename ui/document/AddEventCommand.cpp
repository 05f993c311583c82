// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/AddEventCommand.h"

#include <QCoreApplication>

namespace tidemark::ui {

AddEventCommand::AddEventCommand(ScenarioDocument* document, ScenarioDocument::EventRef at, SourceEvent event)
    : m_document(document)
    , m_at(at)
    , m_event(std::move(event))
{
    setText(QCoreApplication::translate("AddEventCommand", "Add event"));
}

std::uint32_t AddEventCommand::globalIndex() const { return m_document->globalIndex(m_at); }

void AddEventCommand::redo()
{
    const auto global = globalIndex();
    m_document->apply(
        [this](Scenario& sc) {
            auto& events = sc.sources[m_at.source].events;
            events.insert(events.begin() + static_cast<std::ptrdiff_t>(m_at.index), m_event);
        },
        {ScenarioDocument::ChangeKind::EventsInserted, global, 1});
}

void AddEventCommand::undo()
{
    const auto global = globalIndex();
    m_document->apply(
        [this](Scenario& sc) {
            auto& events = sc.sources[m_at.source].events;
            events.erase(events.begin() + static_cast<std::ptrdiff_t>(m_at.index));
        },
        {ScenarioDocument::ChangeKind::EventsRemoved, global, 1});
}

} // namespace tidemark::ui
