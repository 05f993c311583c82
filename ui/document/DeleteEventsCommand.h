// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/ScenarioDocument.h"

#include <QUndoCommand>

#include <vector>

namespace tidemark::ui {

/// Deletes a set of events (by global index), restoring them in place on undo.
class DeleteEventsCommand : public QUndoCommand
{
public:
    DeleteEventsCommand(ScenarioDocument* document, std::vector<std::uint32_t> globalIndices);
    void redo() override;
    void undo() override;

private:
    struct Removed {
        ScenarioDocument::EventRef ref;
        SourceEvent event;
    };
    ScenarioDocument::Change change() const;

    ScenarioDocument* m_document;
    std::vector<std::uint32_t> m_globals; ///< ascending
    std::vector<Removed> m_removed;       ///< ascending, as m_globals
};

} // namespace tidemark::ui
