// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/RowTableView.h"

#include "ui/i18n/Retranslate.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>

#include <algorithm>

namespace tidemark::ui {

RowTableView::RowTableView(const QString& objectName, QWidget* parent)
    : QTableView(parent)
{
    setObjectName(objectName);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    // Not in the tab chain at start-up: a focused table marks its first cell as current, which
    // reads as a highlight in a screenshot.
    setFocusPolicy(Qt::ClickFocus);
    // ResizeToContents would measure every row on every refresh; fit once per content, from a sample.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setResizeContentsPrecision(40);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultAlignment(Qt::AlignCenter);
    fitRows();
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* exportCsv = new QAction(this);
    retranslated(this, [exportCsv] { exportCsv->setText(tr("Export as CSV…")); });
    connect(exportCsv, &QAction::triggered, this, &RowTableView::exportRequested);
    addAction(exportCsv);
    connect(this, &QTableView::clicked, this, [this](const QModelIndex& index) {
        emit rowClicked(index.row(), viewport()->mapToGlobal(visualRect(index).bottomLeft()));
    });
}

void RowTableView::setModel(QAbstractItemModel* model)
{
    QTableView::setModel(model);
    // Not stretched: a stretched last column pushes right-aligned counts out of a narrow view.
    connect(model, &QAbstractItemModel::modelReset, this, &QTableView::resizeColumnsToContents);
    // Rows updated in place keep the widths; a column widens when a changed cell needs more.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) { widenFor(first, last); });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) { widenFor(topLeft.row(), bottomRight.row()); });
}

void RowTableView::widenFor(int first, int last)
{
    if (!model())
        return;
    // As resizeColumnsToContents samples: at most the header's precision in rows.
    last = std::min(last, first + horizontalHeader()->resizeContentsPrecision() - 1);
    for (int c = 0; c < model()->columnCount(); ++c) {
        int wanted = 0;
        for (int r = first; r <= last; ++r)
            wanted = std::max(wanted, sizeHintForIndex(model()->index(r, c)).width() + (showGrid() ? 1 : 0));
        if (wanted > columnWidth(c))
            setColumnWidth(c, wanted);
    }
}

void RowTableView::fitRows() { verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6); }

void RowTableView::changeEvent(QEvent* event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        // Presentation mode on or off: columns sized for the old font would read "coun", "…".
        fitRows();
        resizeColumnsToContents();
    }
}

} // namespace tidemark::ui
