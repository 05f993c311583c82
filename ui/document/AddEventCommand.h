// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/ScenarioDocument.h"

#include <QUndoCommand>

namespace tidemark::ui {

/// Inserts one event into a source.
class AddEventCommand : public QUndoCommand
{
public:
    AddEventCommand(ScenarioDocument* document, ScenarioDocument::EventRef at, SourceEvent event);
    void redo() override;
    void undo() override;
    /// Global index of the added event.
    std::uint32_t globalIndex() const;

private:
    ScenarioDocument* m_document;
    ScenarioDocument::EventRef m_at;
    SourceEvent m_event;
};

} // namespace tidemark::ui
