// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/MoveEventCommand.h"

#include <QCoreApplication>

namespace tidemark::ui {

MoveEventCommand::MoveEventCommand(ScenarioDocument* document, std::uint32_t globalIndex, Micros at, std::optional<std::size_t> timeColumn,
                                   Micros eventTime, int gesture)
    : m_document(document)
    , m_global(globalIndex)
    , m_ref(document->locate(globalIndex).value_or(ScenarioDocument::EventRef{}))
    , m_column(timeColumn)
    , m_gesture(gesture)
    , m_newAt(at)
    , m_newTime(static_cast<std::int64_t>(eventTime))
{
    const SourceEvent& e = document->scenario()->sources.at(m_ref.source).events.at(m_ref.index);
    m_oldAt = e.at;
    if (m_column)
        m_oldTime = e.row.at(*m_column);
    setText(QCoreApplication::translate("MoveEventCommand", "Move event"));
}

void MoveEventCommand::set(Micros at, const Value& time)
{
    m_document->apply(
        [&](Scenario& sc) {
            SourceEvent& e = sc.sources[m_ref.source].events[m_ref.index];
            e.at = at;
            if (m_column)
                e.row[*m_column] = time;
        },
        {ScenarioDocument::ChangeKind::EventsChanged, m_global, 1});
}

void MoveEventCommand::redo() { set(m_newAt, m_newTime); }

void MoveEventCommand::undo() { set(m_oldAt, m_oldTime); }

bool MoveEventCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const MoveEventCommand*>(other);
    if (o->m_gesture != m_gesture || o->m_global != m_global || o->m_column != m_column)
        return false;
    m_newAt = o->m_newAt;
    m_newTime = o->m_newTime;
    return true;
}

} // namespace tidemark::ui
