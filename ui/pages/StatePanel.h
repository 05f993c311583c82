// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace tidemark::ui {

class BatchChart;
class RowTableModel;
class RowTableView;

/// The state store after the current batch (the mode the timeline follows), rows evicted by
/// the watermark in this batch struck through, and the per-batch chart below it.
class StatePanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatePanel(QWidget* parent = nullptr);

    void setView(const ViewState& view);
    void setPresentation(bool on);
    RowTableModel* model() const { return m_model; }
    QTableView* view() const;
    BatchChart* chart() const { return m_chart; }
    /// True when there are state rows to read (presentation mode hides an empty panel).
    bool hasContent() const;

signals:
    void rowClicked(tidemark::OutputMode mode, const tidemark::Row& row, const QPoint& globalPos);
    void batchClicked(int batchIndex);
    void exportRequested(QTableView* view, const QString& suggestedName);

private:
    QLabel* m_title;
    RowTableModel* m_model;
    RowTableView* m_view;
    BatchChart* m_chart;
    OutputMode m_mode = OutputMode::Update;
};

/// Column names and types of a plan's state rows (grouping values and aggregates, or the
/// dedup key).
Schema stateSchema(const QueryPlan& plan);

} // namespace tidemark::ui
