// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/time/Time.h"
#include "ui/document/AddEventCommand.h"
#include "ui/document/ScenarioDocument.h"

namespace tidemark::test {

/// Edit number `n` of a scripted editing session: a copy of the first source's last event,
/// `n` minutes later, appended through the undo stack as a click in the plot would. The same
/// edits applied to the same file give the same scenario, in the window under test and in the
/// test that checks what it recovers.
inline void scriptedEdit(ui::ScenarioDocument& document, int n)
{
    const auto& events = document.scenario()->sources.at(0).events;
    SourceEvent event = events.back();
    event.at += n * kMicrosPerMinute;
    document.undoStack()->push(new ui::AddEventCommand(&document, {0, events.size()}, event));
}

} // namespace tidemark::test
