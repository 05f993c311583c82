// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/CsvExport.h"

#include "ui/models/RowTableModel.h"

#include <QAbstractProxyModel>
#include <QCoreApplication>
#include <QSaveFile>

namespace tidemark::ui {

namespace {

QString quoted(QString cell)
{
    if (!cell.contains(QLatin1Char(',')) && !cell.contains(QLatin1Char('"')) && !cell.contains(QLatin1Char('\n'))
        && !cell.contains(QLatin1Char('\r')))
        return cell;
    cell.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

/// The model under any proxies (a sorted or filtered view of it).
const QAbstractItemModel* innermost(const QAbstractItemModel* model)
{
    while (const auto* proxy = qobject_cast<const QAbstractProxyModel*>(model))
        model = proxy->sourceModel();
    return model;
}

QString statusText(RowStatus status)
{
    // Plain English words, not translated: a CSV is read by programs as much as by people.
    switch (status) {
    case RowStatus::Unchanged: return {};
    case RowStatus::New: return QStringLiteral("new");
    case RowStatus::Changed: return QStringLiteral("changed");
    case RowStatus::Removed: return QStringLiteral("removed");
    case RowStatus::Evicted: return QStringLiteral("evicted");
    }
    return {};
}

} // namespace

QString modelToCsv(const QAbstractItemModel& model)
{
    // Custom roles are numbered per model (the events model's UserRole + 2 is a fate, not
    // text), so only an engine-row model is asked for its Spark text and status.
    const bool engineRows = qobject_cast<const RowTableModel*>(innermost(&model)) != nullptr;
    const int role = engineRows ? static_cast<int>(RowTableModel::SparkTextRole) : static_cast<int>(Qt::DisplayRole);
    QString out;
    QStringList cells;
    for (int c = 0; c < model.columnCount(); ++c)
        cells << quoted(model.headerData(c, Qt::Horizontal).toString());
    if (engineRows)
        cells << QStringLiteral("status");
    out += cells.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < model.columnCount(); ++c) {
            QVariant v = model.data(model.index(r, c), role);
            if (!v.isValid())
                v = model.data(model.index(r, c), Qt::DisplayRole);
            cells << quoted(v.toString());
        }
        if (engineRows && model.columnCount() > 0)
            cells << statusText(static_cast<RowStatus>(model.data(model.index(r, 0), RowTableModel::StatusRole).toInt()));
        out += cells.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return out;
}

Status writeCsv(const QString& path, const QAbstractItemModel& model, const CsvOptions& options)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::file({}, QCoreApplication::translate("CsvExport", "cannot write %1: %2").arg(path, file.errorString()).toStdString());
    if (options.excelBom)
        file.write("\xEF\xBB\xBF");
    file.write(modelToCsv(model).toUtf8());
    if (!file.commit())
        return Error::file({}, QCoreApplication::translate("CsvExport", "cannot write %1: %2").arg(path, file.errorString()).toStdString());
    return {};
}

} // namespace tidemark::ui
