// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QStringList>
#include <QTest>
#include <QWidget>

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

/// With TIDEMARK_TEST_SHOTS=DIR set, saves what `widget` shows as DIR/NAME.png once queued
/// replots have had `settleMs`, for a person to look at (the tests never compare pixels).
inline void saveShot(QWidget& widget, const QString& name, int settleMs = 50)
{
    const QString dir = qEnvironmentVariable("TIDEMARK_TEST_SHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(settleMs);
    widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace tidemark::test
