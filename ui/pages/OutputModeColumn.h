// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace tidemark::ui {

class RowTableModel;
class RowTableView;

/// One output mode at the current batch: what the sink received in this batch and the result
/// table so far, rows marked new / changed / removed since the batch before; or, when Spark
/// rejects the mode for this query, its error text in their place.
class OutputModeColumn : public QWidget
{
    Q_OBJECT
public:
    OutputModeColumn(OutputMode mode, QWidget* parent = nullptr);

    void setView(const ViewState& view);
    void setPresentation(bool on);
    /// Hides the mode's badge and caption where a switcher above already names the mode.
    void setHeaderShown(bool shown);

    OutputMode mode() const { return m_mode; }
    /// The tables, labels and error below show the latest setView() once read (a column hidden
    /// behind the mode switcher builds them only when shown or read).
    RowTableModel* sinkModel() const;
    RowTableModel* resultModel() const;
    QTableView* sinkView() const;
    QTableView* resultView() const;
    /// The Spark error shown instead of the tables (empty when the mode runs).
    QString errorText() const;
    bool showsError() const;
    /// The width that shows every column of its tables whole (or its error readably).
    int comfortableWidth() const;
    QLabel* titleLabel() const { return m_title; }
    /// The captions above the two tables ("This batch (3) — sink got 2 rows", the result
    /// table's changes), for a printed page that shows the same.
    QLabel* sinkLabel() const;
    QLabel* resultLabel() const;
    /// True while a setView() waits for the column to be shown.
    bool isStale() const { return m_stale; }

signals:
    /// A result row was clicked: explain the life of its group.
    void rowClicked(tidemark::OutputMode mode, const tidemark::Row& row, const QPoint& globalPos);
    /// "Export as CSV…" from a table's context menu.
    void exportRequested(QTableView* view, const QString& suggestedName);

protected:
    void showEvent(QShowEvent* event) override;

private:
    RowTableView* makeTable(RowTableModel* model, const QString& name);
    /// Builds the tables for `view`.
    void build(const ViewState& view);
    /// Builds what a setView() left waiting, if anything.
    void catchUp() const;

    OutputMode m_mode;
    bool m_presentation = false;
    bool m_headerShown = true;
    QLabel* m_title;
    QLabel* m_caption;
    QLabel* m_sinkLabel;
    QLabel* m_resultLabel;
    QStackedWidget* m_stack;
    QLabel* m_error;
    RowTableModel* m_sinkModel;
    RowTableModel* m_resultModel;
    RowTableView* m_sinkView;
    RowTableView* m_resultView;
    ViewState m_pending; ///< the view to build when shown (while m_stale)
    bool m_stale = false;
};

} // namespace tidemark::ui
