// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QCPItemRect;

namespace tidemark::ui {

/// A small chart per micro-batch: input rows, rows dropped by the watermark, state rows, and
/// the watermark lag (max event time minus watermark) on the right axis. Click a batch to go there.
class BatchChart : public QWidget
{
    Q_OBJECT
public:
    explicit BatchChart(QWidget* parent = nullptr);

    void setView(const ViewState& view);
    QCustomPlot* customPlot() const { return m_plot; }

signals:
    void batchClicked(int batchIndex);

private:
    QCustomPlot* m_plot;
    QCPBars* m_input;
    QCPBars* m_dropped;
    QCPGraph* m_state;
    QCPGraph* m_lag;
    QCPItemRect* m_current;
    SnapshotPtr m_drawn;
    OutputMode m_drawnMode = OutputMode::Update;
    double m_firstBatch = 0; ///< batch number of the first batch drawn (a long live session forgets older ones)
};

} // namespace tidemark::ui
