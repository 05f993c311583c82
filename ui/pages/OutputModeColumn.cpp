// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/OutputModeColumn.h"

#include "ui/Palette.h"
#include "ui/i18n/Retranslate.h"
#include "ui/i18n/SparkErrorHint.h"
#include "ui/models/RerunRows.h"
#include "ui/models/RowTableModel.h"
#include "ui/models/RowTableView.h"
#include "ui/pages/ColumnRows.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

namespace tidemark::ui {

namespace {
QString captionFor(OutputMode mode)
{
    switch (mode) {
    case OutputMode::Append: return OutputModeColumn::tr("each row once, final, when the watermark passes its window");
    case OutputMode::Update: return OutputModeColumn::tr("the rows that changed in this batch");
    case OutputMode::Complete: return OutputModeColumn::tr("the whole result table, every batch");
    }
    return {};
}
} // namespace

OutputModeColumn::OutputModeColumn(OutputMode mode, QWidget* parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_title(new QLabel(QString::fromLatin1(outputModeName(mode)), this))
    , m_caption(new QLabel(this))
    , m_sinkLabel(new QLabel(this))
    , m_resultLabel(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_error(new QLabel(this))
    , m_sinkModel(new RowTableModel(this))
    , m_resultModel(new RowTableModel(this))
{
    const QString name = QString::fromLatin1(outputModeName(mode));
    setObjectName(name + QStringLiteral("Column"));
    m_sinkView = makeTable(m_sinkModel, name + QStringLiteral("SinkTable"));
    m_resultView = makeTable(m_resultModel, name + QStringLiteral("ResultTable"));
    m_error->setObjectName(name + QStringLiteral("Error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_error->setMargin(10);
    m_error->setStyleSheet(palette::errorBoxStyle());
    // A word-wrapped label is at least as wide as its longest word, and an error names a JSON
    // path ("query.groupBy[0].window.duration:") that is one long word: three columns of it
    // would widen the window past a projector. The path is cut instead; it is in the query panel too.
    m_error->setMinimumWidth(1);
    m_caption->setWordWrap(true);
    retranslated(this, [this] {
        m_caption->setText(captionFor(m_mode));
        const QString modeName = QString::fromLatin1(outputModeName(m_mode));
        setAccessibleName(tr("%1 mode").arg(modeName));
        m_sinkView->setAccessibleName(tr("%1 mode: what the sink received").arg(modeName));
        m_resultView->setAccessibleName(tr("%1 mode: result table").arg(modeName));
    });
    m_sinkLabel->setWordWrap(true);
    m_resultLabel->setWordWrap(true);
    // Dark grey on the window's grey: readable from the back of a room (7:1 on #efefef).
    m_caption->setStyleSheet(QStringLiteral("QLabel { color: #444444; }"));
    m_caption->setObjectName(name + QStringLiteral("Caption"));
    m_title->setObjectName(name + QStringLiteral("Title"));
    // The badge never shrinks below its word ("app", "upda" helped nobody).
    m_title->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    auto* tables = new QWidget(this);
    auto* tl = new QVBoxLayout(tables);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->setSpacing(2);
    tl->addWidget(m_sinkLabel);
    tl->addWidget(m_sinkView, 2);
    tl->addSpacing(4);
    tl->addWidget(m_resultLabel);
    tl->addWidget(m_resultView, 3);
    m_stack->addWidget(tables);
    // The error sized to its text at the top of the column, not a pink wall.
    auto* errorPage = new QWidget(this);
    auto* el = new QVBoxLayout(errorPage);
    el->setContentsMargins(0, 4, 0, 0);
    el->addWidget(m_error);
    el->addStretch(1);
    m_stack->addWidget(errorPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    auto* head = new QHBoxLayout;
    head->setSpacing(10);
    head->addWidget(m_title, 0, Qt::AlignTop);
    head->addWidget(m_caption, 1);
    layout->addLayout(head);
    layout->addWidget(m_stack, 1);
    setPresentation(false);
}

RowTableView* OutputModeColumn::makeTable(RowTableModel* model, const QString& name)
{
    auto* v = new RowTableView(name, this);
    v->setModel(model);
    connect(v, &RowTableView::exportRequested, this, [this, v, name] { emit exportRequested(v, name); });
    connect(v, &RowTableView::rowClicked, this, [this, model](int row, const QPoint& pos) {
        if (const Row* r = model->rowAt(row))
            emit rowClicked(m_mode, *r, pos);
    });
    return v;
}

void OutputModeColumn::setPresentation(bool on)
{
    // Bold and a little larger than the text around it (the window's font, already enlarged
    // in presentation mode).
    QFont f = parentWidget() ? parentWidget()->font() : font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setBold(true);
    m_title->setFont(f);
    m_presentation = on;
    m_caption->setVisible(m_headerShown && !on);
}

void OutputModeColumn::setHeaderShown(bool shown)
{
    m_headerShown = shown;
    m_title->setVisible(shown);
    m_caption->setVisible(shown && !m_presentation);
}

int OutputModeColumn::comfortableWidth() const
{
    const QMargins m = layout()->contentsMargins();
    const int head = m_title->sizeHint().width() + 120; // the badge and a few words of the caption
    // As last built: a column waiting behind the switcher is not built just to be measured.
    if (m_stack->currentIndex() == 1)
        return std::max(head, 280) + m.left() + m.right();
    int tables = 0;
    for (const QTableView* v : {static_cast<const QTableView*>(m_sinkView), static_cast<const QTableView*>(m_resultView)}) {
        const int columns = v->horizontalHeader()->length();
        const int chrome = v->verticalHeader()->sizeHint().width() + 2 * v->frameWidth() + v->verticalScrollBar()->sizeHint().width();
        tables = std::max(tables, columns + chrome);
    }
    return std::max(head, tables) + m.left() + m.right();
}

QTableView* OutputModeColumn::sinkView() const
{
    catchUp();
    return m_sinkView;
}

QTableView* OutputModeColumn::resultView() const
{
    catchUp();
    return m_resultView;
}

RowTableModel* OutputModeColumn::sinkModel() const
{
    catchUp();
    return m_sinkModel;
}

RowTableModel* OutputModeColumn::resultModel() const
{
    catchUp();
    return m_resultModel;
}

QLabel* OutputModeColumn::sinkLabel() const
{
    catchUp();
    return m_sinkLabel;
}

QLabel* OutputModeColumn::resultLabel() const
{
    catchUp();
    return m_resultLabel;
}

QString OutputModeColumn::errorText() const { return showsError() ? m_error->text() : QString(); }

bool OutputModeColumn::showsError() const
{
    catchUp();
    return m_stack->currentIndex() == 1;
}

void OutputModeColumn::setView(const ViewState& view)
{
    if (!view.snapshot)
        return;
    // Behind the mode switcher (a projector's width) only one mode shows: the others build
    // their tables when shown, not on every edit and step.
    if (isHidden()) {
        m_pending = view;
        m_stale = true;
        return;
    }
    m_stale = false;
    m_pending = {};
    build(view);
}

void OutputModeColumn::catchUp() const
{
    if (!m_stale)
        return;
    // Read while hidden (a printed page, an export): built now, as setView() would have.
    auto* self = const_cast<OutputModeColumn*>(this);
    self->m_stale = false;
    self->build(std::exchange(self->m_pending, {}));
}

void OutputModeColumn::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    catchUp();
}

void OutputModeColumn::build(const ViewState& view)
{
    const ModeRun& run = view.snapshot->run(m_mode);
    const bool selected = m_mode == view.selected;
    m_title->setStyleSheet(selected ? QStringLiteral("QLabel { background: #0072B2; color: white; border-radius: 3px; padding: 1px 8px; }")
                                    : QStringLiteral("QLabel { padding: 1px 8px; }"));
    m_title->setToolTip(selected ? tr("The query's output mode (the log and the plot follow it)") : QString());
    if (run.error) {
        // A file error here is one of Tidemark's limits (docs/scenario-format.md), not Spark's word.
        const bool limit = run.error->kind == ErrorKind::File;
        const QString why = limit ? tr("Tidemark does not run this query in %1 mode:\n\n%2") : tr("Spark rejects %1 mode for this query:\n\n%2");
        const QString text = QString::fromStdString(limit ? run.error->describe() : run.error->text());
        m_error->setText(why.arg(QString::fromLatin1(outputModeName(m_mode)), limit ? text : withSparkErrorHint(text)));
        m_stack->setCurrentIndex(1);
        m_sinkModel->clear();
        m_resultModel->clear();
        m_sinkLabel->clear(); // nothing of an earlier query's tables stays behind the error
        m_resultLabel->clear();
        return;
    }
    m_stack->setCurrentIndex(0);
    const int index = view.batchIn(m_mode);
    if (index < 0) {
        m_sinkModel->clear();
        m_resultModel->clear();
        m_sinkLabel->setText(tr("No batch has run yet."));
        m_resultLabel->setText(tr("Result table"));
        return;
    }
    const auto i = static_cast<std::size_t>(index);
    const BatchRecord& batch = run.batches[i];
    if (view.hidesOutcome() && batch.triggerTime == view.now) {
        // Class mode: the class predicts what this batch sends before it is shown.
        m_sinkModel->clear();
        if (i > 0)
            m_resultModel->setRows(run.plan->output, diffRows(run.resultTableAfter(i - 1), run.resultTableAfter(i - 1), run.keyWidth(), true),
                                   view.snapshot->scenario);
        else
            m_resultModel->clear();
        m_sinkLabel->setText(tr("<b>This batch</b> (%1) — hidden: predict, then reveal").arg(batch.batchId));
        m_resultLabel->setText(tr("<b>Result table</b> before this batch"));
        return;
    }
    // Usually prepared by the worker with the snapshot; built here for another batch.
    const auto& prepared = view.snapshot->columns[static_cast<std::size_t>(m_mode)];
    ColumnRows rows = prepared && prepared->index == i ? *prepared : columnRows(run, i);
    const auto numSinkRows = static_cast<int>(rows.sink.size());
    m_sinkModel->setRows(run.plan->output, std::move(rows.sink), view.snapshot->scenario);
    m_resultModel->setRows(run.plan->output, std::move(rows.table), view.snapshot->scenario);
    m_sinkLabel->setText(tr("<b>This batch</b> (%1) — sink got %n row(s)", nullptr, numSinkRows).arg(batch.batchId));
    const int added = m_resultModel->numRowsWithStatus(RowStatus::New);
    const int changed = m_resultModel->numRowsWithStatus(RowStatus::Changed);
    const int removed = m_resultModel->numRowsWithStatus(RowStatus::Removed);
    // Only the changes that happened: one line a narrow column can hold.
    QString text = tr("<b>Result table</b> — %n row(s)", nullptr, static_cast<int>(rows.numResultRows));
    if (added > 0)
        text += tr(" · +%1 new").arg(added);
    if (changed > 0)
        text += tr(" · ~%1 changed").arg(changed);
    if (removed > 0)
        text += tr(" · −%1 removed").arg(removed);
    std::int64_t again = -1; // a batch run twice whose copies the table lists
    for (int r = 0; r < m_resultModel->rowCount() && again < 0; ++r)
        again = m_resultModel->againOfAt(r);
    if (again >= 0)
        text += tr(" · ↻%1 again").arg(m_resultModel->numRowsAgain());
    m_resultLabel->setText(text);
    m_resultLabel->setToolTip(again >= 0 ? rerunRowExplanation(again) : QString());
}

} // namespace tidemark::ui
