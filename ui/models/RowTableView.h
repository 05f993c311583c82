// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace tidemark::ui {

/// A read-only table of result or state rows: whole-row selection, columns fitted to their
/// content when the content is replaced (sampling a few dozen rows, so a table of thousands
/// stays cheap to refresh on every batch step), "Export as CSV…" in its context menu.
class RowTableView : public QTableView
{
    Q_OBJECT
public:
    explicit RowTableView(const QString& objectName, QWidget* parent = nullptr);
    void setModel(QAbstractItemModel* model) override;

signals:
    /// A row was clicked; `globalPos` is the bottom left of the clicked cell.
    void rowClicked(int row, const QPoint& globalPos);
    void exportRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitRows();
    /// Widens the columns that rows first..last do not fit in (never narrows them).
    void widenFor(int first, int last);
};

} // namespace tidemark::ui
