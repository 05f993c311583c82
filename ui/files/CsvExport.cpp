// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/CsvExport.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QSaveFile>

namespace tidemark::ui {

namespace {
QString quoted(QString cell)
{
    if (!cell.contains(QLatin1Char(',')) && !cell.contains(QLatin1Char('"')) && !cell.contains(QLatin1Char('\n')))
        return cell;
    cell.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}
} // namespace

QString modelToCsv(const QAbstractItemModel& model, int role)
{
    QString out;
    QStringList cells;
    for (int c = 0; c < model.columnCount(); ++c)
        cells << quoted(model.headerData(c, Qt::Horizontal).toString());
    out += cells.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < model.columnCount(); ++c) {
            QVariant v = model.data(model.index(r, c), role);
            if (!v.isValid())
                v = model.data(model.index(r, c), Qt::DisplayRole);
            cells << quoted(v.toString());
        }
        out += cells.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return out;
}

Status writeCsv(const QString& path, const QAbstractItemModel& model, int role)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::file({}, QCoreApplication::translate("CsvExport", "cannot write %1: %2").arg(path, file.errorString()).toStdString());
    file.write(modelToCsv(model, role).toUtf8());
    if (!file.commit())
        return Error::file({}, QCoreApplication::translate("CsvExport", "cannot write %1: %2").arg(path, file.errorString()).toStdString());
    return {};
}

} // namespace tidemark::ui
