// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/scenario/Scenario.h"
#include "ui/models/RowDiff.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace tidemark::ui {

/// A table of engine rows (sink output, a result table or the state store), each marked new,
/// changed, removed or evicted against the batch before.
class RowTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles {
        StatusRole = Qt::UserRole + 1, ///< RowStatus as int
        SparkTextRole,                 ///< the cell exactly as Spark's console sink prints it
    };

    explicit RowTableModel(QObject* parent = nullptr);

    /// Replaces the content. `schema` names and types the columns. With the same columns as
    /// before only the rows that differ are announced (dataChanged, rows inserted or removed at
    /// the end); other columns reset the model.
    void setRows(const Schema& schema, std::vector<MarkedRow> rows, std::shared_ptr<const Scenario> scenario);
    void clear();

    const Row* rowAt(int row) const;
    RowStatus statusAt(int row) const;
    int numRowsWithStatus(RowStatus status) const;
    /// MarkedRow::againOf of a row (-1: not a copy a batch run twice sent again), and how many are.
    std::int64_t againOfAt(int row) const;
    int numRowsAgain() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /// For each column: the date every window in it starts on, when they all share one that
    /// is not the scenario's date; the cells then show only clock times and the header the date.
    static std::vector<QString> sharedDates(const Schema& schema, const std::vector<MarkedRow>& rows, const Scenario& scenario);

    Schema m_schema;
    std::vector<QString> m_sharedDate; ///< per column, "2018-03-01" or empty
    std::vector<MarkedRow> m_rows;
    std::shared_ptr<const Scenario> m_scenario;
};

} // namespace tidemark::ui
