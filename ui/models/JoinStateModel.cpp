// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/JoinStateModel.h"

#include "engine/schema/ValueText.h"
#include "ui/Palette.h"
#include "ui/document/CellText.h"
#include "ui/models/RowTableModel.h"

#include <QBrush>
#include <QFont>

#include <algorithm>

namespace tidemark::ui {

JoinStateModel::JoinStateModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void JoinStateModel::setRows(const JoinPlan& plan, const Schema& output, const QStringList& sideNames, std::vector<JoinStateRow> rows,
                             std::shared_ptr<const Scenario> scenario)
{
    beginResetModel();
    m_output = output;
    m_sideNames = sideNames;
    for (int side : {0, 1})
        m_owned[side] = joinColumnsOfSide(plan, output.size(), side);
    m_rows = std::move(rows);
    m_scenario = std::move(scenario);
    endResetModel();
}

void JoinStateModel::clear()
{
    beginResetModel();
    m_output = {};
    m_sideNames.clear();
    m_rows.clear();
    endResetModel();
}

const JoinStateRow* JoinStateModel::rowAt(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int JoinStateModel::numEvicted() const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const JoinStateRow& r) { return r.evicted(); }));
}

int JoinStateModel::numOnSide(int side) const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [side](const JoinStateRow& r) { return r.side == side && !r.evicted(); }));
}

QString JoinStateModel::fateText(const JoinStateRow& row)
{
    // Short, for a narrow dock; fateExplanation() says it in full.
    switch (row.fate) {
    case JoinStateRow::Fate::Waiting: return row.matched ? tr("matched, kept") : tr("waiting for a match");
    case JoinStateRow::Fate::EvictedMatched: return tr("evicted (had matched)");
    case JoinStateRow::Fate::EvictedWithNull: return tr("evicted \u2192 emitted with nulls");
    case JoinStateRow::Fate::EvictedSilently: return tr("evicted, never matched \u2192 dropped");
    }
    return {};
}

QString JoinStateModel::fateExplanation(const JoinStateRow& row)
{
    switch (row.fate) {
    case JoinStateRow::Fate::Waiting:
        return row.matched ? tr("It has matched, and stays in state: a later row of the other side may match it too, "
                                "until the state watermark passes it.")
                           : tr("No row of the other side has matched it yet; it waits in state until the state watermark passes it.");
    case JoinStateRow::Fate::EvictedMatched:
        return tr("The state watermark passed it in this batch. It had matched, so it leaves the state without output.");
    case JoinStateRow::Fate::EvictedWithNull:
        return tr("The state watermark passed it in this batch and it never matched: the outer join emits it now, "
                  "the other side's columns null.");
    case JoinStateRow::Fate::EvictedSilently:
        return tr("The state watermark passed it in this batch and it never matched. This side is not an outer side, "
                  "so it leaves the state without output.");
    }
    return {};
}

int JoinStateModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

int JoinStateModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || m_sideNames.isEmpty()) // cleared: no join to show
        return 0;
    return FirstDataColumn + static_cast<int>(m_output.size());
}

QVariant JoinStateModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_scenario)
        return {};
    const JoinStateRow& r = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case RowTableModel::SparkTextRole:
        if (column == SideColumn)
            return m_sideNames.value(r.side);
        if (column == FateColumn)
            return fateText(r);
        if (const auto c = static_cast<std::size_t>(column - FirstDataColumn); c < r.row.size() && m_owned[r.side][c]) {
            if (role == Qt::DisplayRole)
                return cellText(r.row[c], m_output[c].type, *m_scenario);
            return QString::fromStdString(valueToText(r.row[c], m_output[c].type, m_scenario->zone, m_scenario->sparkVersion.nullText()));
        }
        return QString();
    case Qt::ToolTipRole:
        if (column == SideColumn)
            return tr("%1 side, event %2").arg(r.side == 0 ? tr("left") : tr("right")).arg(r.event + 1);
        if (column == FateColumn)
            return r.isNew ? tr("Stored by this batch. %1").arg(fateExplanation(r)) : fateExplanation(r);
        return {};
    case RowTableModel::StatusRole:
        return static_cast<int>(r.evicted() ? RowStatus::Evicted : r.isNew ? RowStatus::New : RowStatus::Unchanged);
    case Qt::BackgroundRole:
        if (r.evicted())
            return QBrush(r.fate == JoinStateRow::Fate::EvictedWithNull ? palette::rowChangedColor() : palette::rowEvictedColor());
        return r.isNew ? QVariant(QBrush(palette::rowNewColor())) : QVariant();
    case Qt::ForegroundRole:
        return r.evicted() || r.isNew ? QVariant(QBrush(QColor(0x20, 0x20, 0x20))) : QVariant();
    case Qt::FontRole:
        if (r.evicted() && column != FateColumn) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column >= FirstDataColumn && m_output[static_cast<std::size_t>(column - FirstDataColumn)].type.isNumeric())
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant JoinStateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        if (section == SideColumn)
            return role == Qt::DisplayRole ? tr("side") : tr("the input that buffered the row");
        if (section == FateColumn)
            return role == Qt::DisplayRole ? tr("in state") : tr("where the row stands after this batch");
        const auto c = static_cast<std::size_t>(section - FirstDataColumn);
        if (section < FirstDataColumn || c >= m_output.size())
            return {};
        return QString::fromStdString(role == Qt::DisplayRole ? m_output[c].name : sparkTypeName(m_output[c].type));
    }
    const JoinStateRow* r = rowAt(section);
    if (!r)
        return {};
    // A mark beside the colour, for readers who cannot tell the colours apart.
    if (role == Qt::DisplayRole)
        return r->evicted() ? QStringLiteral("\u00d7") : r->isNew ? QStringLiteral("+") : QString();
    if (role == Qt::ToolTipRole)
        return r->evicted() ? tr("evicted from state by the watermark in this batch") : r->isNew ? tr("stored by this batch") : tr("buffered earlier");
    return {};
}

} // namespace tidemark::ui
