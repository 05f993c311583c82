// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/DeleteEventsCommand.h"

#include <QCoreApplication>

#include <algorithm>

namespace tidemark::ui {

DeleteEventsCommand::DeleteEventsCommand(ScenarioDocument* document, std::vector<std::uint32_t> globalIndices)
    : m_document(document)
    , m_globals(std::move(globalIndices))
{
    std::sort(m_globals.begin(), m_globals.end());
    m_globals.erase(std::unique(m_globals.begin(), m_globals.end()), m_globals.end());
    const Scenario& sc = *document->scenario();
    for (std::uint32_t g : m_globals)
        if (auto ref = document->locate(g))
            m_removed.push_back({*ref, sc.sources[ref->source].events[ref->index]});
    setText(QCoreApplication::translate("DeleteEventsCommand", "Delete %n event(s)", nullptr, static_cast<int>(m_removed.size())));
}

ScenarioDocument::Change DeleteEventsCommand::change() const
{
    const bool contiguous = !m_globals.empty() && m_globals.back() - m_globals.front() + 1 == m_globals.size();
    if (contiguous)
        return {ScenarioDocument::ChangeKind::EventsRemoved, m_globals.front(), static_cast<std::uint32_t>(m_globals.size())};
    return {ScenarioDocument::ChangeKind::EventsReset, 0, 0};
}

void DeleteEventsCommand::redo()
{
    m_document->apply(
        [this](Scenario& sc) {
            // Back to front, so the positions still to erase stay valid.
            for (auto it = m_removed.rbegin(); it != m_removed.rend(); ++it) {
                auto& events = sc.sources[it->ref.source].events;
                events.erase(events.begin() + static_cast<std::ptrdiff_t>(it->ref.index));
            }
        },
        change());
}

void DeleteEventsCommand::undo()
{
    auto c = change();
    if (c.kind == ScenarioDocument::ChangeKind::EventsRemoved)
        c.kind = ScenarioDocument::ChangeKind::EventsInserted;
    m_document->apply(
        [this](Scenario& sc) {
            for (const Removed& r : m_removed) {
                auto& events = sc.sources[r.ref.source].events;
                events.insert(events.begin() + static_cast<std::ptrdiff_t>(r.ref.index), r.event);
            }
        },
        c);
}

} // namespace tidemark::ui
