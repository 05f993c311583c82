// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/ScenarioDocument.h"

#include <QUndoCommand>

#include <memory>

namespace tidemark::ui {

/// Swaps the whole scenario for another, as one undo step.
///
/// Why: a live Kafka session rewrites the scenario (its source's events, the trigger's start)
/// while edits are off; once it is disconnected the recording should be an ordinary edit that
/// Ctrl+Z takes back in one go. Both versions are immutable values, so the step costs two
/// pointers whatever the size of the recording.
class ReplaceScenarioCommand : public QUndoCommand
{
public:
    ReplaceScenarioCommand(ScenarioDocument* document, std::shared_ptr<const Scenario> before, std::shared_ptr<const Scenario> after,
                           const QString& text);
    /// Publishes `after` unless the document already shows it (then nothing needs recomputing).
    void redo() override;
    void undo() override;

private:
    ScenarioDocument* m_document;
    std::shared_ptr<const Scenario> m_before, m_after;
};

} // namespace tidemark::ui
