// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QStringList>

namespace tidemark::test {

/// A table model as text, one line per row ("+ | 12:00–12:10 | dog | 2"), with the vertical
/// header's mark first, for comparing what a view shows before and after an action.
inline QStringList dumpModel(const QAbstractItemModel& model)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells{model.headerData(r, Qt::Vertical).toString()};
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.data(model.index(r, c)).toString();
        lines << cells.join(QLatin1String(" | "));
    }
    return lines;
}

} // namespace tidemark::test
