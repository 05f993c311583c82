// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"
#include "ui/document/ScenarioDocument.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace tidemark::ui {

/// The scenario's events, one row each in global order (sources in file order): arrival
/// time, the row's columns, and the batch and fate from the latest run. Edits become undo
/// commands on the document.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles {
        EventIndexRole = Qt::UserRole + 1, ///< global event index
        FateRole,                          ///< Fate as int, when known
        PendingRole,                       ///< bool: read by a batch after the current one
    };

    explicit EventTableModel(ScenarioDocument* document, QObject* parent = nullptr);

    /// Fates and batches come from here; rows read after the current batch are greyed.
    void setView(const ViewState& view);

    int arrivalColumn() const { return m_multiSource ? 1 : 0; }
    int fateColumn() const { return arrivalColumn() + 1; }
    int batchColumn() const { return arrivalColumn() + 2; }
    /// The model column of a row column by name, or -1.
    int columnOf(const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    /// An edit could not be parsed; the message says why.
    void editRejected(const QString& message);

private:
    enum class Kind { Source, Arrival, Field, Batch, Fate };
    struct Column {
        Kind kind;
        QString name; ///< for Field
    };
    void onDocumentChanged(const ScenarioDocument::Change& change);
    void rebuildColumns();
    const EventPoint* pointAt(int row) const;

    ScenarioDocument* m_document;
    std::shared_ptr<const Scenario> m_scenario;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_rowsToEvents; ///< (source, index) per row
    std::vector<Column> m_columns;
    bool m_multiSource = false;
    ViewState m_view;
};

} // namespace tidemark::ui
