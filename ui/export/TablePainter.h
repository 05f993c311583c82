// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QRectF>

#include <vector>

class QAbstractItemModel;
class QPainter;

namespace tidemark::ui {

/// What part of a table model to print, and how.
struct TablePrint {
    std::vector<int> rows;    ///< model rows, in order
    std::vector<int> columns; ///< model columns, in order
    QFont font;
    /// A first column with the model's vertical header (the window's + ~ − × marks); off for
    /// models whose vertical header is only a row number.
    bool rowMarks = true;
    /// A model column whose cells start with their fate's mark (the model's fate role), or -1.
    int fateColumn = -1;
    int fateRole = -1;
    /// Rows of the model left out of `rows` (counted in the closing "… N more rows" line).
    int numLeftOut = 0;
};

/// Paints a table model as the window's tables show it, in print: its header, its cells'
/// texts, alignment, highlight colour and strike-out, the row marks beside the colour (so
/// black and white still tells new from changed), fates by shape. Columns share `area`'s
/// width (the widest give way first, their texts elided); rows that do not fit end in a line
/// "… N more rows". Returns the height used.
qreal paintTable(QPainter& painter, const QAbstractItemModel& model, const TablePrint& print, const QRectF& area);

/// The width the table takes at its font without cutting a column.
qreal naturalTableWidth(const QAbstractItemModel& model, const TablePrint& print);

/// How many rows fit under the header in `height` at `font` (a wide table may print smaller
/// and fit more).
int numRowsFitting(const QFont& font, qreal height);

/// The height paintTable needs for `numRows` rows (and the header) in `font`.
qreal tableHeight(const QFont& font, int numRows);

} // namespace tidemark::ui
