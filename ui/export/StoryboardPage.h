// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/export/Storyboard.h"

#include <QCoreApplication>
#include <QFont>
#include <QRectF>
#include <QStringList>

#include <vector>

class QAbstractItemModel;
class QPainter;

namespace tidemark::ui {

class BatchPanels;
class OutputModeColumn;
class PagePainter;
class StatePanel;
struct TablePrint;

/// One storyboard page: the batch the panels show, laid out on a landscape page. From the
/// top: the title and the batch heading, the watermarks, the lesson's steps, the plot beside
/// the events the batch read and the state store, then the output modes side by side, and a
/// footer with the marks' legend and the page number.
class StoryboardPage
{
    Q_DECLARE_TR_FUNCTIONS(StoryboardPage)
public:
    /// The page's area in the painter's units (96 per inch).
    StoryboardPage(PagePainter& painter, const QRectF& page, const StoryboardOptions& options);

    /// The plot's share of the page, in the painter's units.
    static QRectF plotArea(const QRectF& page);
    /// "Batch 3", the page's heading (what a reader, and the tests, find each page by).
    static QString heading(std::int64_t batchId);

    void paint(BatchPanels& panels, int pageNumber, int numPages, const QStringList& notes);

private:
    qreal paintHeader(BatchPanels& panels, qreal y);
    qreal paintNotes(const QStringList& notes, qreal y);
    /// The events table's rows the batch read.
    static std::vector<int> eventRows(BatchPanels& panels);
    void paintEvents(BatchPanels& panels, const QRectF& area);
    void paintModeColumn(OutputModeColumn& column, bool selected, const QRectF& area);
    void paintState(BatchPanels& panels, const QRectF& area);
    void paintFooter(BatchPanels& panels, int pageNumber, int numPages);
    /// Rich or plain text wrapped to `area`'s width; returns the height used.
    qreal paintText(const QString& text, const QFont& font, const QRectF& area);
    /// A section heading; returns the height used.
    qreal paintHeading(const QString& text, const QRectF& area);
    /// Every row and column of a table model.
    TablePrint wholeTable(const QAbstractItemModel& model, bool rowMarks) const;
    /// The width a column's tables take uncut.
    qreal wantedWidth(OutputModeColumn& column) const;
    qreal wantedWidth(StatePanel& state) const;
    /// A table model under nothing else: every row, marks and all.
    qreal paintModel(const QAbstractItemModel& model, bool rowMarks, const QRectF& area);
    QString watermarkText(const BatchPanels& panels) const;

    PagePainter& m_pagePainter;
    QPainter& m_painter;
    QRectF m_page;
    const StoryboardOptions& m_options;
    QFont m_base;
    QFont m_small;
    QFont m_table;
    QFont m_bold;
    QFont m_heading;
};

} // namespace tidemark::ui
