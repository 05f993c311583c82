// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/EventTableModel.h"

#include "ui/Palette.h"
#include "ui/document/CellText.h"
#include "ui/document/EditCellCommand.h"
#include "ui/document/ScenarioDocument.h"

#include <QBrush>

namespace tidemark::ui {

EventTableModel::EventTableModel(ScenarioDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_scenario(document->scenario())
{
    rebuildColumns();
    connect(document, &ScenarioDocument::changed, this, &EventTableModel::onDocumentChanged);
}

void EventTableModel::rebuildColumns()
{
    m_columns.clear();
    m_rowsToEvents.clear();
    m_multiSource = m_scenario->sources.size() > 1;
    if (m_multiSource)
        m_columns.push_back({Kind::Source, {}});
    m_columns.push_back({Kind::Arrival, {}});
    // What happened to the event next to when it arrived: the point of the table in class.
    m_columns.push_back({Kind::Fate, {}});
    m_columns.push_back({Kind::Batch, {}});
    // Columns of all sources by name, in first-seen order.
    for (const auto& s : m_scenario->sources)
        for (const auto& f : s.schema.fields) {
            const QString name = QString::fromStdString(f.name);
            if (columnOf(name) < 0)
                m_columns.push_back({Kind::Field, name});
        }
    for (std::uint32_t s = 0; s < m_scenario->sources.size(); ++s)
        for (std::uint32_t i = 0; i < m_scenario->sources[s].events.size(); ++i)
            m_rowsToEvents.emplace_back(s, i);
}

int EventTableModel::columnOf(const QString& name) const
{
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (m_columns[c].kind == Kind::Field && m_columns[c].name.compare(name, Qt::CaseInsensitive) == 0)
            return static_cast<int>(c);
    return -1;
}

void EventTableModel::onDocumentChanged(const ScenarioDocument::Change& change)
{
    using K = ScenarioDocument::ChangeKind;
    const int firstRow = static_cast<int>(change.first);
    const int lastRow = static_cast<int>(change.first + change.count) - 1;
    switch (change.kind) {
    case K::EventsInserted:
        beginInsertRows({}, firstRow, lastRow);
        m_scenario = m_document->scenario();
        rebuildColumns();
        endInsertRows();
        return;
    case K::EventsRemoved:
        beginRemoveRows({}, firstRow, lastRow);
        m_scenario = m_document->scenario();
        rebuildColumns();
        endRemoveRows();
        return;
    case K::EventsChanged:
        m_scenario = m_document->scenario();
        emit dataChanged(index(firstRow, 0), index(lastRow, columnCount() - 1));
        return;
    case K::Query:
    case K::LiveClock:
        m_scenario = m_document->scenario();
        return;
    case K::Reset:
    case K::EventsReset:
    case K::Replaced:
        beginResetModel();
        m_scenario = m_document->scenario();
        rebuildColumns();
        endResetModel();
        return;
    }
}

void EventTableModel::setView(const ViewState& view)
{
    m_view = view;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

const EventPoint* EventTableModel::pointAt(int row) const
{
    // Fates belong to the scenario the snapshot ran; while a recompute is on its way they are not shown.
    if (!m_view.snapshot || m_view.snapshot->scenario != m_scenario)
        return nullptr;
    const auto& points = m_view.snapshot->view(m_view.driving).points;
    return static_cast<std::size_t>(row) < points.size() ? &points[static_cast<std::size_t>(row)] : nullptr;
}

int EventTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rowsToEvents.size()); }

int EventTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_columns.size()); }

QVariant EventTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto [s, i] = m_rowsToEvents[static_cast<std::size_t>(index.row())];
    const SourceSpec& source = m_scenario->sources[s];
    const SourceEvent& event = source.events[i];
    const Column& column = m_columns[static_cast<std::size_t>(index.column())];
    const EventPoint* point = pointAt(index.row());
    const bool pending = point && m_view.isPending(*point);

    if (role == EventIndexRole)
        return index.row();
    if (role == FateRole)
        return point && !m_view.hidesFateOf(*point) ? QVariant(static_cast<int>(point->fate)) : QVariant();
    if (role == PendingRole)
        return pending;
    if (role == Qt::ForegroundRole && pending)
        return QBrush(palette::pendingTextColor());

    switch (column.kind) {
    case Kind::Source:
        if (role == Qt::DisplayRole)
            return QString::fromStdString(source.name);
        return {};
    case Kind::Arrival:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return timeText(event.at, *m_scenario);
        if (role == Qt::ToolTipRole)
            return tr("When the event arrives (processing time)");
        return {};
    case Kind::Field: {
        const auto f = source.schema.find(column.name.toStdString());
        if (!f)
            return {};
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return cellText(event.row[*f], source.schema[*f].type, *m_scenario);
        return {};
    }
    case Kind::Batch:
        if (role == Qt::DisplayRole)
            return point && point->batchId >= 0 ? QVariant(static_cast<qlonglong>(point->batchId)) : QVariant();
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Kind::Fate:
        if (!point)
            return {};
        if (m_view.hidesFateOf(*point)) { // class mode: predicted before it is shown
            if (role == Qt::DisplayRole)
                return tr("? (predict)");
            if (role == Qt::DecorationRole)
                return palette::pendingColor();
            return {};
        }
        if (point->fate == Fate::Unconsumed && m_view.snapshot->liveHorizon) { // live: the next trigger reads it
            if (role == Qt::DisplayRole)
                return tr("not read yet");
            if (role == Qt::DecorationRole)
                return palette::pendingColor();
            return {};
        }
        if (role == Qt::DisplayRole)
            return palette::fateLabel(point->fate);
        if (role == Qt::AccessibleTextRole) // the colour swatch says nothing to a screen reader
            return tr("fate: %1").arg(palette::fateLabel(point->fate));
        if (role == Qt::DecorationRole)
            return palette::fateColor(point->fate);
        return {};
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || static_cast<std::size_t>(section) >= m_columns.size())
        return {};
    const Column& c = m_columns[static_cast<std::size_t>(section)];
    switch (c.kind) {
    case Kind::Source: return tr("source");
    case Kind::Arrival: return tr("arrives");
    case Kind::Field: return c.name;
    case Kind::Batch: return tr("batch");
    case Kind::Fate: return tr("fate");
    }
    return {};
}

Qt::ItemFlags EventTableModel::flags(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_document->isLive()) // the events are what the topic delivered
        return f;
    const Kind k = m_columns[static_cast<std::size_t>(index.column())].kind;
    if (k == Kind::Arrival)
        f |= Qt::ItemIsEditable;
    if (k == Kind::Field) {
        const auto [s, i] = m_rowsToEvents[static_cast<std::size_t>(index.row())];
        (void)i;
        if (m_scenario->sources[s].schema.find(m_columns[static_cast<std::size_t>(index.column())].name.toStdString()))
            f |= Qt::ItemIsEditable;
    }
    return f;
}

bool EventTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const auto [s, i] = m_rowsToEvents[static_cast<std::size_t>(index.row())];
    (void)i;
    const SourceSpec& source = m_scenario->sources[s];
    const Column& column = m_columns[static_cast<std::size_t>(index.column())];
    const auto global = static_cast<std::uint32_t>(index.row());
    if (column.kind == Kind::Arrival) {
        auto parsed = parseCell(value.toString(), DataType(TypeId::Timestamp), *m_scenario);
        if (!parsed.ok() || parsed->isNull()) {
            emit editRejected(parsed.ok() ? tr("an event needs an arrival time") : QString::fromStdString(parsed.error().message));
            return false;
        }
        m_document->undoStack()->push(new EditCellCommand(m_document, global, EditCellCommand::kArrival, *parsed));
        return true;
    }
    const auto f = source.schema.find(column.name.toStdString());
    auto parsed = parseCell(value.toString(), source.schema[*f].type, *m_scenario);
    if (!parsed.ok()) {
        emit editRejected(QString::fromStdString(parsed.error().message));
        return false;
    }
    m_document->undoStack()->push(new EditCellCommand(m_document, global, static_cast<int>(*f), *parsed));
    return true;
}

} // namespace tidemark::ui
