// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/scenario/Scenario.h"
#include "ui/models/JoinState.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace tidemark::ui {

/// The rows a stream-stream join buffers after a batch: which side (named by its source),
/// where the row stands (waiting, matched, evicted and whether that emitted nulls), then the
/// join's output columns, blank where the row's side has none. Rows stored by the batch are
/// marked new, rows its watermark evicts are struck through.
class JoinStateModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SideColumn = 0, FateColumn = 1, FirstDataColumn = 2 };

    explicit JoinStateModel(QObject* parent = nullptr);

    /// `output` names the join's output columns; `sideNames` are the two inputs' source names.
    void setRows(const JoinPlan& plan, const Schema& output, const QStringList& sideNames, std::vector<JoinStateRow> rows,
                 std::shared_ptr<const Scenario> scenario);
    void clear();

    const JoinStateRow* rowAt(int row) const;
    int numEvicted() const;
    int numOnSide(int side) const; ///< rows still in state after the batch

    /// "waiting for a match", "evicted → emitted with nulls", ...
    static QString fateText(const JoinStateRow& row);
    /// The same in a sentence, for the tooltip.
    static QString fateExplanation(const JoinStateRow& row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Schema m_output;
    QStringList m_sideNames;
    std::vector<bool> m_owned[2];
    std::vector<JoinStateRow> m_rows;
    std::shared_ptr<const Scenario> m_scenario;
};

} // namespace tidemark::ui
