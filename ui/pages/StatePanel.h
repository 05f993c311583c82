// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QWidget>

#include <vector>

class QLabel;
class QSplitter;
class QTableView;
class QVBoxLayout;

namespace tidemark::ui {

class BatchChart;
class JoinStateModel;
class RowTableModel;
class RowTableView;

/// The state store after the current batch (the mode the timeline follows), rows evicted by
/// the watermark in this batch struck through, and the per-batch chart below it. A
/// stream-stream join lists the rows each side buffers; a stream-static join shows the static
/// table it reads every batch.
class StatePanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatePanel(QWidget* parent = nullptr);

    void setView(const ViewState& view);
    void setPresentation(bool on);
    RowTableModel* model() const { return m_model; }
    JoinStateModel* joinModel() const { return m_joinModel; }
    RowTableModel* staticModel() const { return m_staticModel; }
    /// The table shown: the state store, or a stream-stream join's buffered rows.
    QTableView* view() const;
    QTableView* joinView() const;
    QTableView* staticView() const;
    BatchChart* chart() const { return m_chart; }
    QLabel* title() const { return m_title; }
    /// A chain (`query.then`) shows one section per stateful operator, upstream first: the
    /// first is title()/model()/view(), the others follow. Their number (1 for one operator).
    int numOperatorSections() const;
    /// Shares the pane between the tables and the chart as the number of sections wants it (the
    /// tables get most of it when there are several): after the pane changed size on purpose.
    void shareRoom();
    /// Section `k` (0: the first operator): its title line and its state rows.
    QLabel* operatorTitle(int k) const;
    RowTableModel* operatorModel(int k) const;
    QTableView* operatorView(int k) const; ///< section `k`'s table (0: the join's, for a join)

    /// Whether the panel shows a table (state rows, a join's buffered rows or a static table);
    /// without one it is a line of text and can be laid out small.
    bool hasContent() const;
    /// Compact without content: the title (and the chart outside presentation mode).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void rowClicked(tidemark::OutputMode mode, const tidemark::Row& row, const QPoint& globalPos);
    /// A join's buffered row was clicked: the event it came from.
    void eventClicked(std::uint32_t event, const QPoint& globalPos);
    void batchClicked(int batchIndex);
    void exportRequested(QTableView* view, const QString& suggestedName);
    /// hasContent() or the size hint changed (the window may give the panel more or less room).
    void contentChanged();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Each shown title keeps the height its wrapped text needs; the tables scroll instead.
    void fitTitles();
    void showTables(bool state, bool join, bool staticTable);
    /// Shows each keyed operator's state (one section per operator of a chain).
    /// One section per operator kept by key; `firstSection` 1 after a join, whose rows section 0 shows.
    void showOperatorStates(const ViewState& view, std::size_t firstSection);
    /// The sections after the first, as many as `count` (created once, hidden when not used).
    void useMoreSections(std::size_t count);
    void showJoinState(const ViewState& view);
    void showStaticTable(const ViewState& view);

    QLabel* m_title;
    RowTableModel* m_model;
    RowTableView* m_view;
    struct Section {
        QLabel* title;
        RowTableModel* model;
        RowTableView* view;
    };
    std::vector<Section> m_more; ///< a chain's operators after the first
    std::size_t m_moreShown = 0;
    JoinStateModel* m_joinModel;
    RowTableView* m_joinView;
    QLabel* m_staticTitle;
    RowTableModel* m_staticModel;
    RowTableView* m_staticView;
    BatchChart* m_chart;
    QSplitter* m_splitter;
    QVBoxLayout* m_sectionsLayout = nullptr; ///< the tables above the chart
    OutputMode m_mode = OutputMode::Update;
    bool m_presentation = false;
};

} // namespace tidemark::ui
