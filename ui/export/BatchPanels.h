// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QSize>

#include <array>
#include <memory>

namespace tidemark::ui {

class EventTableModel;
class EventTimePlot;
class OutputModeColumn;
class ScenarioDocument;
class StatePanel;

/// The window's own views of a run, built off screen to be printed or saved batch by batch:
/// the plot, the three output modes' columns, the state panel and the events table. A page
/// shows exactly what the window computes for that batch (the same diffs, marks, texts).
class BatchPanels
{
public:
    /// `plotSize`: the pixels the plot is laid out at (its fonts keep the window's size).
    BatchPanels(SnapshotPtr snapshot, QSize plotSize);
    ~BatchPanels();
    BatchPanels(const BatchPanels&) = delete;
    BatchPanels& operator=(const BatchPanels&) = delete;

    /// Batches of the mode the plot follows.
    int numBatches() const;
    /// Every view at batch index `batch`, the plot redrawn.
    void showBatch(int batch);

    const ViewState& view() const { return m_view; }
    EventTimePlot& plot() { return *m_plot; }
    OutputModeColumn& column(OutputMode mode) { return *m_columns[static_cast<std::size_t>(mode)]; }
    StatePanel& state() { return *m_state; }
    EventTableModel& events() { return *m_events; }

private:
    SnapshotPtr m_snapshot;
    ViewState m_view;
    std::unique_ptr<ScenarioDocument> m_document;
    std::unique_ptr<EventTableModel> m_events;
    std::unique_ptr<EventTimePlot> m_plot;
    std::array<std::unique_ptr<OutputModeColumn>, 3> m_columns;
    std::unique_ptr<StatePanel> m_state;
};

} // namespace tidemark::ui
