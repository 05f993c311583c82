// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/ScenarioDocument.h"

#include <QUndoCommand>

namespace tidemark::ui {

/// Sets one value of an event: its arrival time (column kArrival) or a column of its row.
class EditCellCommand : public QUndoCommand
{
public:
    static constexpr int kArrival = -1;
    /// For kArrival, `value` holds the new arrival time in microseconds.
    EditCellCommand(ScenarioDocument* document, std::uint32_t globalIndex, int column, Value value);
    void redo() override;
    void undo() override;

private:
    void set(const Value& value);

    ScenarioDocument* m_document;
    std::uint32_t m_global;
    ScenarioDocument::EventRef m_ref;
    int m_column;
    Value m_old, m_new;
};

} // namespace tidemark::ui
