// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/ScenarioDocument.h"

#include <QUndoCommand>

#include <optional>

namespace tidemark::ui {

/// Moves an event in the plot: its arrival (processing) time and its event-time column.
/// Consecutive moves of one drag gesture merge into one undo step.
class MoveEventCommand : public QUndoCommand
{
public:
    /// `timeColumn`: the source column holding the plotted event time (none: only `at` moves).
    MoveEventCommand(ScenarioDocument* document, std::uint32_t globalIndex, Micros at, std::optional<std::size_t> timeColumn,
                     Micros eventTime, int gesture);
    void redo() override;
    void undo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void set(Micros at, const Value& time);

    ScenarioDocument* m_document;
    std::uint32_t m_global;
    ScenarioDocument::EventRef m_ref;
    std::optional<std::size_t> m_column;
    int m_gesture;
    Micros m_oldAt = 0, m_newAt = 0;
    Value m_oldTime, m_newTime;
};

} // namespace tidemark::ui
