// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/TablePainter.h"

#include "ui/plot/FateMark.h"

#include <QAbstractItemModel>
#include <QBrush>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace tidemark::ui {

namespace {

constexpr qreal kPadding = 4;
/// The smallest type a wide table shrinks to: still legible on paper.
constexpr qreal kSmallestPoints = 5.5;

qreal rowHeight(const QFont& font) { return QFontMetricsF(font).height() + 3; }

/// Column widths that fit `available`: each its natural width, the widest cut first until the
/// sum fits (never below `floor`).
std::vector<qreal> fitWidths(std::vector<qreal> widths, qreal available, qreal floor)
{
    qreal total = std::accumulate(widths.begin(), widths.end(), 0.0);
    while (total > available + 0.5) {
        auto widest = std::max_element(widths.begin(), widths.end());
        if (*widest <= floor)
            break;
        // Down to the next widest, or just enough.
        qreal next = floor;
        for (qreal w : widths)
            if (w < *widest)
                next = std::max(next, w);
        const qreal cut = std::min(*widest - next, total - available);
        *widest -= std::max(cut, 0.5);
        total = std::accumulate(widths.begin(), widths.end(), 0.0);
    }
    return widths;
}

qreal markColumnWidth(const TablePrint& print, const QFont& font)
{
    return print.rowMarks ? QFontMetricsF(font).horizontalAdvance(QStringLiteral("\u2212")) + 2 * kPadding : 0;
}

/// Natural widths at `font`: the header and every printed cell; and their sum with the marks.
std::pair<std::vector<qreal>, qreal> naturalWidths(const QAbstractItemModel& model, const TablePrint& print, const QFont& font)
{
    QFont boldFont = font;
    boldFont.setBold(true);
    const QFontMetricsF metrics(font), boldMetrics(boldFont);
    const qreal mark = metrics.height() * 0.62;
    std::vector<qreal> widths;
    for (int c : print.columns) {
        qreal w = boldMetrics.horizontalAdvance(model.headerData(c, Qt::Horizontal).toString());
        for (int r : print.rows)
            w = std::max(w, metrics.horizontalAdvance(model.index(r, c).data().toString()) + (c == print.fateColumn ? mark + kPadding : 0));
        widths.push_back(std::ceil(w) + 1 + 2 * kPadding);
    }
    const qreal total = std::accumulate(widths.begin(), widths.end(), 0.0) + markColumnWidth(print, font);
    return {widths, total};
}

} // namespace

qreal naturalTableWidth(const QAbstractItemModel& model, const TablePrint& print) { return naturalWidths(model, print, print.font).second; }

int numRowsFitting(const QFont& font, qreal height)
{
    return std::max(0, static_cast<int>((height - tableHeight(font, 0)) / rowHeight(font)));
}

qreal tableHeight(const QFont& font, int numRows)
{
    QFont bold = font;
    bold.setBold(true);
    return rowHeight(bold) + 2 + numRows * rowHeight(font);
}

qreal paintTable(QPainter& painter, const QAbstractItemModel& model, const TablePrint& print, const QRectF& area)
{
    // A wide table first gets a smaller font (down to what still prints legibly), then its
    // widest columns give way.
    QFont font = print.font;
    auto [widths, total] = naturalWidths(model, print, font);
    while (total > area.width() && font.pointSizeF() > kSmallestPoints) {
        font.setPointSizeF(std::max(kSmallestPoints, font.pointSizeF() - 0.5));
        std::tie(widths, total) = naturalWidths(model, print, font);
    }
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fm(font), bfm(bold);
    const qreal line = rowHeight(font);
    const qreal headerLine = rowHeight(bold);
    const qreal markSize = fm.height() * 0.62;
    const qreal markWidth = markColumnWidth(print, font);
    widths = fitWidths(std::move(widths), area.width() - markWidth, 3 * fm.averageCharWidth() + 2 * kPadding);

    painter.save();
    painter.setClipRect(area);
    const QPen grid(QColor(0xB0, 0xB0, 0xB0), 0.6);
    const qreal left = area.left();
    const qreal right = left + markWidth + std::accumulate(widths.begin(), widths.end(), 0.0);
    qreal y = area.top();

    // Header, bold, ruled below.
    painter.setFont(bold);
    painter.setPen(Qt::black);
    qreal x = left + markWidth;
    for (std::size_t i = 0; i < print.columns.size(); ++i) {
        const QRectF cell(x + kPadding, y, widths[i] - 2 * kPadding, headerLine);
        painter.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter, bfm.elidedText(model.headerData(print.columns[i], Qt::Horizontal).toString(), Qt::ElideRight, cell.width()));
        x += widths[i];
    }
    y += headerLine;
    painter.setPen(QPen(Qt::black, 0.8));
    painter.drawLine(QPointF(left, y), QPointF(right, y));
    y += 2;

    // As many rows as fit; the last line says how many did not.
    const int room = std::max(0, static_cast<int>((area.bottom() - y) / line));
    const int numRows = static_cast<int>(print.rows.size());
    const int shown = numRows <= room && (print.numLeftOut == 0 || numRows < room) ? numRows : std::max(0, room - 1);
    for (int k = 0; k < shown; ++k) {
        const int r = print.rows[static_cast<std::size_t>(k)];
        const QRectF band(left, y, right - left, line);
        if (const QVariant bg = model.index(r, print.columns.empty() ? 0 : print.columns.front()).data(Qt::BackgroundRole); bg.canConvert<QBrush>())
            painter.fillRect(band, bg.value<QBrush>());
        painter.setPen(Qt::black);
        if (print.rowMarks) {
            painter.setFont(bold);
            painter.drawText(QRectF(left, y, markWidth, line), Qt::AlignCenter, model.headerData(r, Qt::Vertical).toString());
        }
        x = left + markWidth;
        for (std::size_t i = 0; i < print.columns.size(); ++i) {
            const QModelIndex index = model.index(r, print.columns[i]);
            QFont f = font;
            if (const QVariant v = index.data(Qt::FontRole); v.canConvert<QFont>())
                f.setStrikeOut(v.value<QFont>().strikeOut());
            painter.setFont(f);
            QRectF cell(x + kPadding, y, widths[i] - 2 * kPadding, line);
            if (print.columns[i] == print.fateColumn)
                if (const QVariant fate = index.data(print.fateRole); fate.isValid()) {
                    paintFateMark(painter, static_cast<Fate>(fate.toInt()), QPointF(cell.left() + markSize / 2, cell.center().y()), markSize);
                    cell.setLeft(cell.left() + markSize + kPadding);
                }
            const QVariant align = index.data(Qt::TextAlignmentRole);
            const Qt::Alignment a = align.isValid() ? Qt::Alignment(align.toInt()) : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter);
            painter.drawText(cell, static_cast<int>(a), QFontMetricsF(f).elidedText(index.data().toString(), Qt::ElideRight, cell.width()));
            x += widths[i];
        }
        y += line;
        painter.setPen(grid);
        painter.drawLine(QPointF(left, y), QPointF(right, y));
    }
    if (const int leftOut = numRows - shown + print.numLeftOut; leftOut > 0) {
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(left + kPadding, y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                         QCoreApplication::translate("Storyboard", "… %n more row(s)", nullptr, leftOut));
        y += line;
    }
    painter.restore();
    return y - area.top();
}

} // namespace tidemark::ui
