// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/EditCellCommand.h"

#include <QCoreApplication>

namespace tidemark::ui {

EditCellCommand::EditCellCommand(ScenarioDocument* document, std::uint32_t globalIndex, int column, Value value)
    : m_document(document)
    , m_global(globalIndex)
    , m_ref(document->locate(globalIndex).value_or(ScenarioDocument::EventRef{}))
    , m_column(column)
    , m_new(std::move(value))
{
    const SourceEvent& e = document->scenario()->sources.at(m_ref.source).events.at(m_ref.index);
    m_old = column == kArrival ? Value(static_cast<std::int64_t>(e.at)) : e.row.at(static_cast<std::size_t>(column));
    setText(QCoreApplication::translate("EditCellCommand", "Edit event"));
}

void EditCellCommand::set(const Value& value)
{
    m_document->apply(
        [&](Scenario& sc) {
            SourceEvent& e = sc.sources[m_ref.source].events[m_ref.index];
            if (m_column == kArrival)
                e.at = value.asInt();
            else
                e.row[static_cast<std::size_t>(m_column)] = value;
        },
        {ScenarioDocument::ChangeKind::EventsChanged, m_global, 1});
}

void EditCellCommand::redo() { set(m_new); }

void EditCellCommand::undo() { set(m_old); }

} // namespace tidemark::ui
