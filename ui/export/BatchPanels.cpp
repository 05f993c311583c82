// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/BatchPanels.h"

#include "ui/document/ScenarioDocument.h"
#include "ui/models/EventTableModel.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"

namespace tidemark::ui {

BatchPanels::BatchPanels(SnapshotPtr snapshot, QSize plotSize)
    : m_snapshot(std::move(snapshot))
    , m_document(std::make_unique<ScenarioDocument>())
    , m_plot(std::make_unique<EventTimePlot>())
    , m_state(std::make_unique<StatePanel>())
{
    // The same scenario object the snapshot ran: the events table shows fates only for it.
    m_document->replace(m_snapshot->scenario);
    m_events = std::make_unique<EventTableModel>(m_document.get());
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete})
        m_columns[static_cast<std::size_t>(m)] = std::make_unique<OutputModeColumn>(m);
    // Laid out for real (its legend and labels place themselves by its size), never on screen.
    m_plot->setAttribute(Qt::WA_DontShowOnScreen);
    m_plot->resize(plotSize);
    // Paper cannot be clicked to unfold the legend.
    m_plot->setLegendFoldable(false);
    m_plot->show();
    m_view = ViewState::at(m_snapshot, 0);
}

BatchPanels::~BatchPanels() = default;

int BatchPanels::numBatches() const { return m_view.numBatches(); }

void BatchPanels::showBatch(int batch)
{
    m_view = ViewState::at(m_snapshot, batch);
    m_events->setView(m_view);
    for (auto& c : m_columns)
        c->setView(m_view);
    m_state->setView(m_view);
    m_plot->setView(m_view);
    m_plot->replotNow();
}

} // namespace tidemark::ui
