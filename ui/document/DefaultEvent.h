// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/ScenarioDocument.h"

namespace tidemark::ui {

/// A new event for a click in the plot: arriving at `at` with event time `eventTime`, and the
/// rest of its row copied from the event arriving nearest to it (or simple placeholder values),
/// placed in arrival order. The user edits the row afterwards.
struct NewEvent {
    ScenarioDocument::EventRef position;
    SourceEvent event;
};
NewEvent defaultEventAt(const Scenario& scenario, std::size_t source, Micros at, Micros eventTime);

} // namespace tidemark::ui
