// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/StoryboardPage.h"

#include "ui/Palette.h"
#include "ui/document/CellText.h"
#include "ui/export/BatchPanels.h"
#include "ui/export/PagePainter.h"
#include "ui/export/TablePainter.h"
#include "ui/lessons/UiLanguage.h"
#include "ui/models/EventTableModel.h"
#include "ui/models/JoinStateModel.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/FateMark.h"

#include <QApplication>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QLabel>
#include <QPainter>
#include <QTableView>
#include <QTextDocument>

#include <algorithm>
#include <functional>
#include <numeric>
#include <set>

namespace tidemark::ui {

namespace {

constexpr qreal kGap = 12;
/// The narrowest a column of the page gets (a caption still reads on two lines).
constexpr qreal kNarrowest = 200;

/// When `print` has more rows than `room`: those `matters` picks first, as many as fit with the
/// line that counts the rest, then the others, printed in the table's order.
void keepRowsThatMatter(TablePrint& print, int room, const std::function<bool(int)>& matters)
{
    const int numRows = static_cast<int>(print.rows.size());
    const int shown = room - 1;
    if (numRows <= room || shown <= 0)
        return;
    std::vector<int> kept;
    for (bool first : {true, false})
        for (int r : print.rows)
            if (matters(r) == first && static_cast<int>(kept.size()) < shown)
                kept.push_back(r);
    std::sort(kept.begin(), kept.end());
    print.numLeftOut = numRows - static_cast<int>(kept.size());
    print.rows = std::move(kept);
}

/// Splits `available` among columns that want `wanted`: what each wants plus an even share
/// of the rest; when they want more than there is, in proportion, none under half an even share.
std::vector<qreal> shareWidth(const std::vector<qreal>& wanted, qreal available)
{
    const qreal sum = std::accumulate(wanted.begin(), wanted.end(), 0.0);
    const auto n = static_cast<qreal>(wanted.size());
    std::vector<qreal> out;
    if (sum <= available) {
        for (qreal w : wanted)
            out.push_back(w + (available - sum) / n);
        return out;
    }
    for (qreal w : wanted)
        out.push_back(std::max(available * w / sum, available / n / 2));
    const qreal total = std::accumulate(out.begin(), out.end(), 0.0);
    for (qreal& w : out)
        w *= available / total;
    return out;
}

QFont sized(const QFont& base, qreal points, bool bold = false)
{
    QFont f = base;
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

} // namespace

StoryboardPage::StoryboardPage(PagePainter& painter, const QRectF& page, const StoryboardOptions& options)
    : m_pagePainter(painter)
    , m_painter(painter.painter())
    , m_page(page)
    , m_options(options)
{
    // Hangul comes from a fallback font: name one with a real bold face, or the Korean half
    // of a heading prints regular beside bold Latin.
    // The resolved family: a generic name ("Sans Serif") heading a list would be skipped, and
    // Latin text set in the Korean font loses its spaces in the PDF's text layer.
    QFont base = QApplication::font();
    base.setFamilies(QStringList{QFontInfo(base).family(), QStringLiteral("NanumGothic"), QStringLiteral("NanumBarunGothic")});
    m_base = sized(base, 9);
    m_small = sized(base, 7.5);
    m_table = sized(base, 7.5);
    m_bold = sized(base, 9, true);
    m_heading = sized(base, 17, true);
}

QRectF StoryboardPage::plotArea(const QRectF& page)
{
    // The plot's share: 62 % of the width, under half the height.
    return {page.left(), 0, std::floor(page.width() * 0.62), std::floor(page.height() * 0.44)};
}

QString StoryboardPage::heading(std::int64_t batchId) { return tr("Batch %1").arg(batchId); }

qreal StoryboardPage::paintText(const QString& text, const QFont& font, const QRectF& area)
{
    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    if (Qt::mightBeRichText(text))
        doc.setHtml(text);
    else
        doc.setPlainText(text);
    doc.setTextWidth(area.width());
    const qreal height = std::min(doc.size().height(), area.height());
    m_painter.save();
    m_painter.translate(area.topLeft());
    doc.drawContents(&m_painter, QRectF(0, 0, area.width(), height));
    m_painter.restore();
    return height;
}

qreal StoryboardPage::paintHeading(const QString& text, const QRectF& area)
{
    m_painter.setFont(m_bold);
    m_painter.setPen(Qt::black);
    const QFontMetricsF fm(m_bold);
    m_painter.drawText(QRectF(area.left(), area.top(), area.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(text, Qt::ElideRight, area.width()));
    return fm.height() + 2;
}

TablePrint StoryboardPage::wholeTable(const QAbstractItemModel& model, bool rowMarks) const
{
    TablePrint print;
    print.font = m_table;
    print.rowMarks = rowMarks;
    for (int r = 0; r < model.rowCount(); ++r)
        print.rows.push_back(r);
    for (int c = 0; c < model.columnCount(); ++c)
        print.columns.push_back(c);
    return print;
}

qreal StoryboardPage::paintModel(const QAbstractItemModel& model, bool rowMarks, const QRectF& area)
{
    TablePrint print = wholeTable(model, rowMarks);
    // Too long for its room: the rows this batch changed (marked) first.
    if (rowMarks)
        keepRowsThatMatter(print, numRowsFitting(m_table, area.height()), [&](int r) { return !model.headerData(r, Qt::Vertical).toString().isEmpty(); });
    return paintTable(m_painter, model, print, area);
}

qreal StoryboardPage::wantedWidth(OutputModeColumn& column) const
{
    if (column.showsError())
        return kNarrowest;
    return std::max({kNarrowest, naturalTableWidth(*column.sinkModel(), wholeTable(*column.sinkModel(), true)),
                     naturalTableWidth(*column.resultModel(), wholeTable(*column.resultModel(), true))});
}

qreal StoryboardPage::wantedWidth(StatePanel& state) const
{
    if (!state.joinView()->isHidden())
        return std::max(kNarrowest, naturalTableWidth(*state.joinModel(), wholeTable(*state.joinModel(), false)));
    if (!state.staticView()->isHidden())
        return std::max(kNarrowest, naturalTableWidth(*state.staticModel(), wholeTable(*state.staticModel(), false)));
    if (!state.view()->isHidden())
        return std::max(kNarrowest, naturalTableWidth(*state.model(), wholeTable(*state.model(), true)));
    return kNarrowest;
}

QString StoryboardPage::watermarkText(const BatchPanels& panels) const
{
    const ViewState& view = panels.view();
    const Scenario& sc = *view.snapshot->scenario;
    const BatchRecord& b = view.currentBatch();
    if (!b.hasWatermark)
        return tr("No watermark: the query has no withWatermark, so no row is late and no state is evicted.");
    const auto time = [&](Millis ms) { return timeText(ms * kMicrosPerMilli, sc); };
    // Spark's watermark stays 0 until a batch has seen an event time: "none yet".
    const auto i = static_cast<std::size_t>(view.batch);
    const bool hasCurrent = i > 0 && view.drivingRun().batches[i - 1].hasMaxEventTime;
    QString text = tr("<b>Watermark used</b> in this batch: %1").arg(hasCurrent ? time(b.watermarkMs) : tr("none yet"));
    if (b.lateFilterWatermarkMs != b.watermarkMs)
        text += tr(" (late rows judged by %1, the previous batch's)").arg(b.lateFilterWatermarkMs > 0 ? time(b.lateFilterWatermarkMs) : tr("none"));
    text += tr(" · <b>computed for the next batch</b>: %1").arg(b.hasMaxEventTime ? time(b.nextWatermarkMs) : tr("none yet"));
    if (b.hasMaxEventTime)
        text += tr(" · max event time seen: %1").arg(time(b.maxEventTimeMs));
    return text;
}

qreal StoryboardPage::paintHeader(BatchPanels& panels, qreal y)
{
    const ViewState& view = panels.view();
    const Scenario& sc = *view.snapshot->scenario;
    const BatchRecord& b = view.currentBatch();
    // The scenario's title, small, above the batch heading.
    m_painter.setPen(QColor(0x40, 0x40, 0x40));
    m_painter.setFont(m_base);
    const QString title = m_options.title.isEmpty() ? QString::fromStdString(sc.title) : m_options.title;
    const QString spark = tr("Spark %1 · %2 mode").arg(QString::fromStdString(sc.sparkVersion.toString()), QString::fromLatin1(outputModeName(view.driving)));
    const QFontMetricsF base(m_base);
    m_painter.drawText(QRectF(m_page.left(), y, m_page.width(), base.height()), Qt::AlignRight | Qt::AlignVCenter, spark);
    m_painter.drawText(QRectF(m_page.left(), y, m_page.width() - base.horizontalAdvance(spark) - kGap, base.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       base.elidedText(title, Qt::ElideRight, m_page.width() - base.horizontalAdvance(spark) - kGap));
    y += base.height() + 2;

    m_painter.setPen(Qt::black);
    m_painter.setFont(m_heading);
    const QFontMetricsF big(m_heading);
    const QString head = heading(b.batchId);
    m_painter.drawText(QPointF(m_page.left(), y + big.ascent()), head);
    QString facts = tr("triggered at %1").arg(timeText(b.triggerTime, sc));
    facts += b.noData ? tr(" · a no-data batch (it reads nothing; Spark runs it because the watermark moved)")
                      : tr(" · %n input row(s)", nullptr, static_cast<int>(b.numInputRows));
    const QRectF factsArea(m_page.left() + big.horizontalAdvance(head) + kGap, y + big.ascent() - base.ascent(), m_page.width(), base.height());
    m_painter.setFont(m_base);
    m_painter.drawText(factsArea, Qt::AlignLeft | Qt::AlignTop, facts);
    y += big.height() + 2;
    y += paintText(watermarkText(panels), m_base, QRectF(m_page.left(), y, m_page.width(), 3 * base.height()));
    m_painter.setPen(QPen(QColor(0x60, 0x60, 0x60), 0.8));
    m_painter.drawLine(QPointF(m_page.left(), y + 4), QPointF(m_page.right(), y + 4));
    return y + 8;
}

qreal StoryboardPage::paintNotes(const QStringList& notes, qreal y)
{
    if (notes.isEmpty() || !m_options.lesson)
        return y;
    const QString language = uiLanguage();
    QString html = QStringLiteral("<b>%1</b>").arg(tr("Lesson: %1").arg(QString::fromStdString(m_options.lesson->title.in(language.toStdString()))).toHtmlEscaped());
    for (const QString& n : notes)
        html += QStringLiteral("<br>") + n.toHtmlEscaped();
    const QRectF box(m_page.left(), y, m_page.width(), m_page.height() * 0.18);
    // Measure first, then frame it: a box as tall as its text.
    QTextDocument doc;
    doc.setDefaultFont(m_base);
    doc.setDocumentMargin(0);
    doc.setHtml(html);
    doc.setTextWidth(box.width() - 12);
    const qreal height = std::min(doc.size().height(), box.height() - 8) + 8;
    m_painter.setPen(QPen(Qt::black, 0.8));
    m_painter.setBrush(QColor(0xF2, 0xF2, 0xF2));
    m_painter.drawRoundedRect(QRectF(box.left(), y, box.width(), height), 3, 3);
    m_painter.setBrush(Qt::NoBrush);
    paintText(html, m_base, QRectF(box.left() + 6, y + 4, box.width() - 12, height - 8));
    return y + height + 6;
}

std::vector<int> StoryboardPage::eventRows(BatchPanels& panels)
{
    const EventTableModel& model = panels.events();
    std::vector<int> rows;
    const QString batchId = QString::number(panels.view().batchId());
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, model.batchColumn()).data().toString() == batchId)
            rows.push_back(r);
    return rows;
}

void StoryboardPage::paintEvents(BatchPanels& panels, const QRectF& area)
{
    const ViewState& view = panels.view();
    const EventTableModel& model = panels.events();
    TablePrint print;
    print.font = m_table;
    print.rowMarks = false;
    print.fateColumn = model.fateColumn();
    print.fateRole = EventTableModel::FateRole;
    print.rows = eventRows(panels);
    for (int c = 0; c < model.columnCount(); ++c)
        if (c != model.batchColumn()) // every row is this batch's
            print.columns.push_back(c);
    qreal y = area.top();
    y += paintHeading(tr("Events this batch read: %n", nullptr, static_cast<int>(print.rows.size())), area);
    if (print.rows.empty()) {
        paintText(view.currentBatch().noData ? tr("None: a no-data batch reads no events. It runs so that the watermark computed "
                                                  "by the batch before can emit and evict state.")
                                             : tr("None."),
                  m_base, QRectF(area.left(), y, area.width(), area.bottom() - y));
        return;
    }
    // Too many to list: the events that were not simply on time first (the batch's story).
    const QRectF table(area.left(), y, area.width(), area.bottom() - y);
    keepRowsThatMatter(print, numRowsFitting(m_table, table.height()),
                       [&](int r) { return model.index(r, 0).data(EventTableModel::FateRole) != QVariant(static_cast<int>(Fate::OnTime)); });
    paintTable(m_painter, model, print, table);
}

void StoryboardPage::paintModeColumn(OutputModeColumn& column, bool selected, const QRectF& area)
{
    const QString name = QString::fromLatin1(outputModeName(column.mode()));
    qreal y = area.top();
    y += paintHeading(selected ? tr("%1 — the query's output mode").arg(name) : name, area);
    if (column.showsError()) {
        const QRectF box(area.left(), y, area.width(), area.bottom() - y);
        m_painter.setPen(QPen(Qt::black, 0.8, Qt::DashLine));
        const qreal h = paintText(column.errorText(), m_small, box.adjusted(4, 4, -4, -4)) + 8;
        m_painter.setPen(QPen(Qt::black, 0.8, Qt::DashLine));
        m_painter.drawRect(QRectF(box.left(), box.top(), box.width(), h));
        return;
    }
    const RowTableModel& sink = *column.sinkModel();
    const RowTableModel& result = *column.resultModel();
    const QFontMetricsF fm(m_small);
    const qreal labels = 2 * (fm.height() + 2);
    const qreal room = area.bottom() - y - labels;
    // The sink's rows first, up to half the room when the result table needs the rest.
    const qreal sinkNeeds = sink.rowCount() > 0 ? tableHeight(m_table, sink.rowCount()) : 0;
    const qreal resultNeeds = tableHeight(m_table, result.rowCount());
    const qreal sinkRoom = std::min(sinkNeeds, std::max(room * 0.45, room - resultNeeds));
    y += paintText(column.sinkLabel()->text(), m_small, QRectF(area.left(), y, area.width(), fm.height() * 2)) + 2;
    if (sink.rowCount() > 0)
        y += paintModel(sink, true, QRectF(area.left(), y, area.width(), sinkRoom)) + 4;
    y += paintText(column.resultLabel()->text(), m_small, QRectF(area.left(), y, area.width(), fm.height() * 2)) + 2;
    if (result.rowCount() > 0)
        paintModel(result, true, QRectF(area.left(), y, area.width(), area.bottom() - y));
}

void StoryboardPage::paintState(BatchPanels& panels, const QRectF& area)
{
    StatePanel& state = panels.state();
    qreal y = area.top();
    y += paintHeading(tr("State store"), area);
    y += paintText(state.title()->text(), m_small, QRectF(area.left(), y, area.width(), area.height() / 3)) + 2;
    const QRectF rest(area.left(), y, area.width(), area.bottom() - y);
    if (!state.joinView()->isHidden())
        paintModel(*state.joinModel(), false, rest);
    else if (!state.staticView()->isHidden())
        paintModel(*state.staticModel(), false, rest);
    else if (!state.view()->isHidden())
        paintModel(*state.model(), true, rest);
}

void StoryboardPage::paintFooter(BatchPanels& panels, int pageNumber, int numPages)
{
    const QFontMetricsF fm(m_small);
    const qreal y = m_page.bottom() - fm.height();
    m_painter.setPen(QPen(QColor(0x60, 0x60, 0x60), 0.8));
    m_painter.drawLine(QPointF(m_page.left(), y - 3), QPointF(m_page.right(), y - 3));
    m_painter.setFont(m_small);
    m_painter.setPen(Qt::black);
    const QString page = tr("page %1 of %2").arg(pageNumber).arg(numPages);
    m_painter.drawText(QRectF(m_page.left(), y, m_page.width(), fm.height()), Qt::AlignRight | Qt::AlignVCenter, page);
    // The fates the run has, each by its mark; then the table marks.
    std::set<Fate> present;
    for (const EventPoint& p : panels.view().snapshot->view(panels.view().driving).points)
        present.insert(p.fate);
    qreal x = m_page.left();
    const qreal mark = fm.height() * 0.62;
    for (Fate f : palette::kFates) {
        if (!present.count(f))
            continue;
        paintFateMark(m_painter, f, QPointF(x + mark / 2, y + fm.height() / 2), mark);
        x += mark + 3;
        m_painter.setPen(Qt::black);
        m_painter.setFont(m_small);
        const QString label = palette::fateLabel(f);
        m_painter.drawText(QPointF(x, y + fm.ascent()), label);
        x += fm.horizontalAdvance(label) + kGap;
    }
    const QString marks = tr("+ new   ~ changed   − removed   × evicted by the watermark (struck through)");
    m_painter.drawText(QPointF(x + kGap, y + fm.ascent()), marks);
}

void StoryboardPage::paint(BatchPanels& panels, int pageNumber, int numPages, const QStringList& notes)
{
    qreal y = paintHeader(panels, m_page.top());
    y = paintNotes(notes, y);
    const qreal footer = QFontMetricsF(m_small).height() + 8;

    // The plot, beside it the events the batch read. The state store goes under them when
    // the three modes need the page's width, else beside the modes (a join's rows are wide).
    const std::vector<OutputMode> modes = m_options.modes.empty() ? storyboardModes(*panels.view().snapshot) : m_options.modes;
    const bool stateBesideModes = modes.size() < 3;
    QRectF plot = plotArea(m_page);
    plot.moveTop(y);
    m_pagePainter.drawPlot(panels.plot(), plot);
    const QRectF side(plot.right() + kGap, y, m_page.right() - plot.right() - kGap, plot.height());
    const int numEvents = static_cast<int>(eventRows(panels).size());
    const qreal eventsNeed = QFontMetricsF(m_bold).height() + 2 + (numEvents > 0 ? tableHeight(m_table, numEvents) : 3 * QFontMetricsF(m_base).height());
    const qreal eventsHeight = !stateBesideModes && panels.state().hasContent() ? std::min(eventsNeed, side.height() * 0.5) : side.height();
    paintEvents(panels, QRectF(side.left(), side.top(), side.width(), eventsHeight));
    if (!stateBesideModes)
        paintState(panels, QRectF(side.left(), side.top() + eventsHeight + kGap, side.width(), side.height() - eventsHeight - kGap));
    y = plot.bottom() + kGap;

    // The modes side by side, each as wide as its tables ask, in proportion when they ask
    // for more than the page has.
    std::vector<qreal> wanted;
    for (OutputMode m : modes)
        wanted.push_back(wantedWidth(panels.column(m)));
    if (stateBesideModes)
        wanted.push_back(wantedWidth(panels.state()));
    const std::vector<qreal> widths = shareWidth(wanted, m_page.width() - kGap * static_cast<qreal>(wanted.size() - 1));
    const qreal bottom = m_page.bottom() - footer;
    qreal x = m_page.left();
    for (std::size_t i = 0; i < modes.size(); ++i) {
        paintModeColumn(panels.column(modes[i]), modes[i] == panels.view().selected, QRectF(x, y, widths[i], bottom - y));
        x += widths[i] + kGap;
    }
    if (stateBesideModes)
        paintState(panels, QRectF(x, y, widths.back(), bottom - y));
    paintFooter(panels, pageNumber, numPages);
}

} // namespace tidemark::ui
