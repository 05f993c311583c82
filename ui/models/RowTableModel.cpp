// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/RowTableModel.h"

#include "engine/schema/ValueText.h"
#include "ui/Palette.h"
#include "ui/models/RerunRows.h"
#include "ui/document/CellText.h"

#include <QBrush>
#include <QFont>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace tidemark::ui {

RowTableModel::RowTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

namespace {

bool sameDate(const std::optional<CivilDate>& a, const std::optional<CivilDate>& b)
{
    return a.has_value() == b.has_value() && (!a || (a->year == b->year && a->month == b->month && a->day == b->day));
}

/// Cells of `a` read the same under `b`: the time zone, the date and the null text agree.
bool sameRendering(const Scenario* a, const Scenario* b)
{
    return a == b
           || (a && b && a->timeZoneId == b->timeZoneId && sameDate(a->date, b->date) && a->sparkVersion.nullText() == b->sparkVersion.nullText());
}

} // namespace

void RowTableModel::setRows(const Schema& schema, std::vector<MarkedRow> rows, std::shared_ptr<const Scenario> scenario)
{
    // The same columns read the same way: only the rows that differ are announced, so the view
    // keeps its column widths and redraws those rows (after an edit most rows are unchanged).
    std::vector<QString> dates = scenario ? sharedDates(schema, rows, *scenario) : std::vector<QString>(schema.size());
    if (!m_scenario || schema != m_schema || dates != m_sharedDate || !sameRendering(m_scenario.get(), scenario.get())) {
        beginResetModel();
        m_schema = schema;
        m_rows = std::move(rows);
        m_scenario = std::move(scenario);
        m_sharedDate = std::move(dates);
        endResetModel();
        return;
    }
    m_scenario = std::move(scenario);
    const std::size_t before = m_rows.size(), after = rows.size();
    std::optional<std::size_t> first, last;
    for (std::size_t i = 0; i < std::min(before, after); ++i)
        if (m_rows[i].status != rows[i].status || m_rows[i].row != rows[i].row) {
            first = first.value_or(i);
            last = i;
        }
    if (after < before) {
        beginRemoveRows({}, static_cast<int>(after), static_cast<int>(before) - 1);
        m_rows.resize(after);
        endRemoveRows();
    }
    if (after > before) {
        beginInsertRows({}, static_cast<int>(before), static_cast<int>(after) - 1);
        m_rows = std::move(rows);
        endInsertRows();
    } else {
        m_rows = std::move(rows);
    }
    if (first) {
        emit dataChanged(index(static_cast<int>(*first), 0), index(static_cast<int>(*last), columnCount() - 1));
        emit headerDataChanged(Qt::Vertical, static_cast<int>(*first), static_cast<int>(*last)); // the row's mark
    }
}

std::vector<QString> RowTableModel::sharedDates(const Schema& schema, const std::vector<MarkedRow>& rows, const Scenario& scenario)
{
    std::vector<QString> shared(schema.size());
    static const QRegularExpression dated(QStringLiteral("^(\\d{4,}-\\d{2}-\\d{2}) "));
    const TimeZone& zone = scenario.zone;
    for (std::size_t c = 0; c < schema.size(); ++c) {
        // Compare local days (cheap on a table of thousands of rows); format only one cell.
        const Value* first = nullptr;
        std::int64_t day = 0;
        bool same = true;
        for (const MarkedRow& r : rows) {
            if (c >= r.row.size() || !r.row[c].isRange())
                continue;
            const std::int64_t d = floorDiv(zone.toLocal(r.row[c].asRange().start), kMicrosPerDay);
            if (first && d != day) {
                same = false;
                break;
            }
            if (!first) {
                first = &r.row[c];
                day = d;
            }
        }
        if (!same || !first)
            continue;
        // On the scenario's own date the cells carry no date to move into the header.
        const auto match = dated.match(cellText(*first, schema[c].type, scenario));
        if (match.hasMatch())
            shared[c] = match.captured(1);
    }
    return shared;
}

void RowTableModel::clear()
{
    beginResetModel();
    m_schema = {};
    m_rows.clear();
    m_sharedDate.clear();
    endResetModel();
}

const Row* RowTableModel::rowAt(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? &m_rows[static_cast<std::size_t>(row)].row : nullptr;
}

RowStatus RowTableModel::statusAt(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? m_rows[static_cast<std::size_t>(row)].status : RowStatus::Unchanged;
}

int RowTableModel::numRowsWithStatus(RowStatus status) const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [&](const MarkedRow& r) { return r.status == status; }));
}

std::int64_t RowTableModel::againOfAt(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? m_rows[static_cast<std::size_t>(row)].againOf : -1;
}

int RowTableModel::numRowsAgain() const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const MarkedRow& r) { return r.againOf >= 0; }));
}

int RowTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

int RowTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_schema.size()); }

QVariant RowTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_scenario)
        return {};
    const MarkedRow& marked = m_rows[static_cast<std::size_t>(index.row())];
    const auto column = static_cast<std::size_t>(index.column());
    if (column >= marked.row.size())
        return {};
    const Value& value = marked.row[column];
    const DataType& type = m_schema[column].type;
    switch (role) {
    case Qt::DisplayRole: {
        const QString text = cellText(value, type, *m_scenario);
        // "12:00–12:05" under a header that carries the shared date: every column stays in view.
        if (column < m_sharedDate.size() && !m_sharedDate[column].isEmpty() && value.isRange())
            return text.mid(m_sharedDate[column].size() + 1);
        return text;
    }
    case SparkTextRole:
    case Qt::ToolTipRole:
        return QString::fromStdString(valueToText(value, type, m_scenario->zone, m_scenario->sparkVersion.nullText()));
    case StatusRole:
        return static_cast<int>(marked.status);
    case Qt::BackgroundRole:
        switch (marked.status) {
        case RowStatus::New: return QBrush(palette::rowNewColor());
        case RowStatus::Changed: return QBrush(palette::rowChangedColor());
        case RowStatus::Removed: return QBrush(palette::rowRemovedColor());
        case RowStatus::Evicted: return QBrush(palette::rowEvictedColor());
        case RowStatus::Unchanged: return {};
        }
        return {};
    case Qt::ForegroundRole:
        // Explicit, so the highlight colours stay readable under a dark desktop theme.
        return marked.status == RowStatus::Unchanged ? QVariant() : QVariant(QBrush(QColor(0x20, 0x20, 0x20)));
    case Qt::FontRole:
        if (marked.status == RowStatus::Removed || marked.status == RowStatus::Evicted || marked.againOf >= 0) {
            QFont f;
            f.setStrikeOut(marked.status == RowStatus::Removed || marked.status == RowStatus::Evicted);
            f.setItalic(marked.againOf >= 0); // a copy sent again
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        return type.isNumeric() ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || static_cast<std::size_t>(section) >= m_schema.size())
            return {};
        const auto column = static_cast<std::size_t>(section);
        if (role == Qt::DisplayRole) {
            const QString name = QString::fromStdString(m_schema[column].name);
            return column < m_sharedDate.size() && !m_sharedDate[column].isEmpty() ? tr("%1 (%2)").arg(name, m_sharedDate[column]) : name;
        }
        if (role == Qt::ToolTipRole)
            return QString::fromStdString(sparkTypeName(m_schema[static_cast<std::size_t>(section)].type));
        return {};
    }
    if (section < 0 || static_cast<std::size_t>(section) >= m_rows.size())
        return {};
    const RowStatus status = m_rows[static_cast<std::size_t>(section)].status;
    if (const std::int64_t again = m_rows[static_cast<std::size_t>(section)].againOf; again >= 0) {
        // A copy a batch run twice sent again: its own mark beside the status, and why.
        if (role == Qt::DisplayRole)
            return (status == RowStatus::New ? QStringLiteral("+") : QString()) + QStringLiteral("\u21bb");
        if (role == Qt::ToolTipRole)
            return rerunRowExplanation(again);
    }
    if (role == Qt::DisplayRole) {
        // A mark beside the colour, for readers who cannot tell the colours apart.
        switch (status) {
        case RowStatus::New: return QStringLiteral("+");
        case RowStatus::Changed: return QStringLiteral("~");
        case RowStatus::Removed: return QStringLiteral("\u2212");
        case RowStatus::Evicted: return QStringLiteral("\u00d7");
        case RowStatus::Unchanged: return QString();
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (status) {
        case RowStatus::New: return tr("new since the previous batch");
        case RowStatus::Changed: return tr("changed since the previous batch");
        case RowStatus::Removed: return tr("removed since the previous batch");
        case RowStatus::Evicted: return tr("evicted from state by the watermark in this batch");
        case RowStatus::Unchanged: return tr("unchanged");
        }
    }
    return {};
}

} // namespace tidemark::ui
