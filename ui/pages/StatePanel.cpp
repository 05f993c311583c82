// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/StatePanel.h"

#include "engine/exec/Simulation.h"
#include "ui/models/JoinStateModel.h"
#include "ui/models/OperatorState.h"
#include "ui/models/RowTableModel.h"
#include "ui/models/RowTableView.h"
#include "ui/plot/BatchChart.h"

#include <QHeaderView>
#include <QLabel>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace tidemark::ui {

namespace {

QString sourceName(const ViewState& view, const QueryPlan& plan, int side)
{
    const auto& sources = view.snapshot->scenario->sources;
    const std::size_t source = plan.inputs[static_cast<std::size_t>(side)].source;
    return source < sources.size() ? QString::fromStdString(sources[source].name) : QString();
}

/// Height a table needs to show `rows` rows (at least a few, at most a screenful's share).
int tableHeight(const QTableView* table, int rows)
{
    const int shown = std::clamp(rows, 2, 8);
    return table->horizontalHeader()->sizeHint().height() + shown * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth()
           + table->horizontalScrollBar()->sizeHint().height();
}

} // namespace

StatePanel::StatePanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_model(new RowTableModel(this))
    , m_view(new RowTableView(QStringLiteral("stateTable"), this))
    , m_joinModel(new JoinStateModel(this))
    , m_joinView(new RowTableView(QStringLiteral("joinStateTable"), this))
    , m_staticTitle(new QLabel(this))
    , m_staticModel(new RowTableModel(this))
    , m_staticView(new RowTableView(QStringLiteral("staticTable"), this))
    , m_chart(new BatchChart(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("statePanel"));
    m_title->setObjectName(QStringLiteral("stateTitle"));
    m_staticTitle->setObjectName(QStringLiteral("staticTableTitle"));
    m_view->setModel(m_model);
    m_joinView->setModel(m_joinModel);
    m_staticView->setModel(m_staticModel);
    connect(m_view, &RowTableView::exportRequested, this, [this] { emit exportRequested(m_view, QStringLiteral("state")); });
    connect(m_joinView, &RowTableView::exportRequested, this, [this] { emit exportRequested(m_joinView, QStringLiteral("join-state")); });
    connect(m_staticView, &RowTableView::exportRequested, this, [this] { emit exportRequested(m_staticView, QStringLiteral("static-table")); });
    m_title->setWordWrap(true);
    m_title->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum); // never clipped by the tables
    m_staticTitle->setWordWrap(true);

    auto* top = new QWidget(this);
    auto* tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_title);
    tl->addWidget(m_joinView, 1); // a join's buffered rows; the operators after it follow
    tl->addWidget(m_view, 1);
    m_sectionsLayout = tl; // a chain's other operators follow the first one's table
    tl->addWidget(m_staticTitle);
    tl->addWidget(m_staticView, 1);
    tl->addStretch(0);
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_chart);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    // Fixed proportions: the tables' size hints change with what they show.
    m_splitter->setSizes({300, 200});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    showTables(false, false, false);

    connect(m_view, &RowTableView::rowClicked, this, [this](int row, const QPoint& pos) {
        if (const Row* r = m_model->rowAt(row))
            emit rowClicked(m_mode, *r, pos);
    });
    connect(m_joinView, &RowTableView::rowClicked, this, [this](int row, const QPoint& pos) {
        if (const JoinStateRow* r = m_joinModel->rowAt(row))
            emit eventClicked(r->event, pos);
    });
    connect(m_chart, &BatchChart::batchClicked, this, &StatePanel::batchClicked);
}

int StatePanel::numOperatorSections() const { return 1 + static_cast<int>(m_moreShown); }

QLabel* StatePanel::operatorTitle(int k) const
{
    if (k == 0)
        return m_title;
    return k > 0 && static_cast<std::size_t>(k) <= m_moreShown ? m_more[static_cast<std::size_t>(k - 1)].title : nullptr;
}

QTableView* StatePanel::operatorView(int k) const
{
    if (k == 0)
        return view();
    return k > 0 && static_cast<std::size_t>(k) <= m_moreShown ? m_more[static_cast<std::size_t>(k - 1)].view : nullptr;
}

RowTableModel* StatePanel::operatorModel(int k) const
{
    if (k == 0)
        return m_model;
    return k > 0 && static_cast<std::size_t>(k) <= m_moreShown ? m_more[static_cast<std::size_t>(k - 1)].model : nullptr;
}

void StatePanel::useMoreSections(std::size_t count)
{
    while (m_more.size() < count) {
        const int number = static_cast<int>(m_more.size()) + 2;
        Section s{new QLabel(this), new RowTableModel(this), new RowTableView(QStringLiteral("stateTable%1").arg(number), this)};
        s.title->setObjectName(QStringLiteral("stateTitle%1").arg(number));
        s.title->setWordWrap(true);
        s.title->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum); // never clipped by the tables
        s.view->setModel(s.model);
        connect(s.view, &RowTableView::exportRequested, this, [this, v = s.view, number] { emit exportRequested(v, QStringLiteral("state-%1").arg(number)); });
        connect(s.view, &RowTableView::rowClicked, this, [this, model = s.model](int row, const QPoint& pos) {
            if (const Row* r = model->rowAt(row))
                emit rowClicked(m_mode, *r, pos);
        });
        // After the first operator's table and the sections before this one.
        const int at = m_sectionsLayout->indexOf(m_view) + 1 + 2 * static_cast<int>(m_more.size());
        m_sectionsLayout->insertWidget(at, s.title);
        m_sectionsLayout->insertWidget(at + 1, s.view, 1);
        m_more.push_back(s);
    }
    for (std::size_t k = 0; k < m_more.size(); ++k) {
        m_more[k].title->setVisible(k < count);
        m_more[k].view->setVisible(k < count);
        if (k >= count)
            m_more[k].model->clear();
    }
    // Once, when the number of sections changes, so a splitter the user moved stays where it is.
    const bool changed = count != m_moreShown;
    m_moreShown = count;
    if (changed)
        shareRoom();
}

void StatePanel::shareRoom()
{
    // Several operators share the pane: their tables get the room the chart gives up.
    const bool more = m_moreShown > 0;
    const int total = m_splitter->height() > 100 ? m_splitter->height() : 500; // before the first layout: proportions
    m_splitter->setSizes(more ? QList<int>{total * 4 / 5, total / 5} : QList<int>{total * 3 / 5, total * 2 / 5});
    m_splitter->setStretchFactor(0, more ? 4 : 3);
    m_splitter->setStretchFactor(1, more ? 1 : 2);
    m_chart->setMinimumHeight(more ? 110 : 170); // a projector's short dock: the tables first
}

QTableView* StatePanel::view() const { return m_joinView->isVisibleTo(this) ? m_joinView : m_view; }
QTableView* StatePanel::joinView() const { return m_joinView; }
QTableView* StatePanel::staticView() const { return m_staticView; }

bool StatePanel::hasContent() const
{
    return !m_view->isHidden() || !m_joinView->isHidden() || !m_staticView->isHidden();
}

QSize StatePanel::sizeHint() const
{
    const int width = QWidget::sizeHint().width();
    const int textWidth = std::max(this->width(), 240);
    int height = m_title->heightForWidth(textWidth);
    const auto addTable = [&](const QTableView* table) {
        if (!table->isHidden())
            height += tableHeight(table, table->model()->rowCount()) + 6;
    };
    addTable(m_view);
    for (std::size_t k = 0; k < m_moreShown; ++k) {
        height += m_more[k].title->heightForWidth(textWidth) + 6;
        addTable(m_more[k].view);
    }
    addTable(m_joinView);
    if (!m_staticView->isHidden())
        height += m_staticTitle->heightForWidth(textWidth) + 6;
    addTable(m_staticView);
    if (!m_chart->isHidden())
        height += m_splitter->handleWidth() + m_chart->sizeHint().height();
    return {width, height};
}

QSize StatePanel::minimumSizeHint() const
{
    const int textWidth = std::max(width(), 240);
    return {QWidget::minimumSizeHint().width(), m_title->heightForWidth(textWidth)};
}


void StatePanel::setPresentation(bool on)
{
    m_presentation = on;
    m_chart->setVisible(!on);
    updateGeometry();
    emit contentChanged();
}

void StatePanel::showTables(bool state, bool join, bool staticTable)
{
    const bool had = hasContent();
    const int rowsBefore = m_model->rowCount() + m_joinModel->rowCount() + m_staticModel->rowCount();
    m_view->setVisible(state);
    if (!state)
        useMoreSections(0);
    m_joinView->setVisible(join);
    m_staticTitle->setVisible(staticTable);
    m_staticView->setVisible(staticTable);
    if (!state)
        m_model->clear();
    if (!join)
        m_joinModel->clear();
    if (!staticTable)
        m_staticModel->clear();
    updateGeometry();
    if (had != hasContent() || rowsBefore != m_model->rowCount() + m_joinModel->rowCount() + m_staticModel->rowCount())
        emit contentChanged();
}

void StatePanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitTitles();
}

void StatePanel::fitTitles()
{
    // A splitter sizes its pane by the pane's minimum at some width, which a word-wrapped
    // label underestimates: three lines of a join's title were cut to two at 1024x768.
    auto fit = [](QLabel* title) {
        // Only once laid out on screen: before that its width is not the one it will have.
        // heightForWidth is -1 for a label that has no height-for-width (no text yet).
        title->setMinimumHeight(title->isVisible() && title->width() > 0 ? std::max(0, title->heightForWidth(title->width())) : 0);
    };
    fit(m_title);
    for (std::size_t k = 0; k < m_moreShown; ++k)
        fit(m_more[k].title);
    fit(m_staticTitle);
}

void StatePanel::setView(const ViewState& view)
{
    // Titles change with the view; their height follows once the new text is set.
    const auto fitLater = qScopeGuard([this] { fitTitles(); });
    m_chart->setView(view);
    // Class mode: the chart shows every batch's drops and state, the future's included.
    m_chart->setVisible(!m_presentation && !view.hideOutcomeFrom);
    if (!view.snapshot)
        return;
    m_mode = view.driving;
    const ModeRun& run = view.drivingRun();
    const bool staticJoin = run.plan && run.plan->join && !run.plan->join->isStreamStream();
    if (staticJoin) {
        // Stateless: nothing is kept between batches, but every batch reads the whole table.
        showStaticTable(view);
        m_title->setText(tr("<b>State store</b> — none: a stream-static join keeps no state."));
        showTables(false, false, true);
        return;
    }
    if (!view.hasBatch() || !run.plan) {
        m_title->setText(tr("<b>State store</b> — no batch yet"));
        showTables(false, false, false);
        return;
    }
    if (!run.plan->hasStatefulOperator()) {
        m_title->setText(tr("<b>State store</b> — this query keeps no state (no aggregation or deduplication)."));
        showTables(false, false, false);
        return;
    }
    if (view.hidesOutcome()) {
        m_title->setText(tr("<b>State store</b> after batch %1 — hidden: predict, then reveal").arg(view.batchId()));
        showTables(false, false, false);
        return;
    }
    if (!run.plan->aggregate && !run.plan->dedup) {
        showJoinState(view);
        showTables(false, true, false);
        // The operators after a stream-stream join (stateful operator 1): one section each.
        showOperatorStates(view, 1);
        return;
    }
    showOperatorStates(view, 0);
    showTables(true, false, false);
}

void StatePanel::showOperatorStates(const ViewState& view, std::size_t firstSection)
{
    const ModeRun& run = view.drivingRun();
    const auto i = static_cast<std::size_t>(view.batch);
    const std::vector<StatefulOperator> ops = statefulOperators(*run.plan);
    const std::vector<OperatorProgress>& progress = view.currentBatch().operators; // downstream first
    const std::size_t total = ops.size() + firstSection; // a join before them is operator 1
    useMoreSections(total == 0 ? 0 : total - 1);
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const std::size_t section = k + firstSection;
        OperatorStateAt state = operatorStateAt(run, ops[k], i);
        auto rows = diffRows(state.after, state.before, ops[k].keyWidth, false);
        const int evicted = static_cast<int>(state.evicted.size());
        for (Row& r : state.evicted)
            rows.push_back({std::move(r), RowStatus::Evicted});
        (section == 0 ? m_model : m_more[section - 1].model)->setRows(ops[k].schema, std::move(rows), view.snapshot->scenario);
        const int count = static_cast<int>(state.after.size());
        const QString evictedText = evicted > 0 ? tr(", %1 evicted by the watermark").arg(evicted) : QString();
        if (total == 1) {
            m_title->setText(tr("<b>State store</b> after batch %1 (%2 mode) — %n row(s)", nullptr, count)
                                 .arg(view.batchId())
                                 .arg(QString::fromLatin1(outputModeName(m_mode)))
                             + evictedText);
            continue;
        }
        // A chain: each operator as Spark's progress lists it in stateOperators, numbered
        // upstream first as "Why?" numbers them.
        const OperatorProgress* p = progress.size() == total ? &progress[total - 1 - section] : nullptr;
        const QString name = p ? QString::fromStdString(p->operatorName) : QString();
        QString text = section == 0 ? tr("<b>State store</b> after batch %1 (%2 mode) — <b>operator 1 of %3</b> (%4): %n row(s)", nullptr, count)
                                          .arg(view.batchId())
                                          .arg(QString::fromLatin1(outputModeName(m_mode)))
                                          .arg(total)
                                          .arg(name)
                                    : tr("<b>Operator %1 of %2</b> (%3): %n row(s)", nullptr, count).arg(section + 1).arg(total).arg(name);
        text += evictedText;
        if (p && p->numRowsDroppedByWatermark > 0)
            text += tr(", %n late row(s) dropped", nullptr, static_cast<int>(p->numRowsDroppedByWatermark));
        (section == 0 ? m_title : m_more[section - 1].title)->setText(text);
    }
}

void StatePanel::showJoinState(const ViewState& view)
{
    const ModeRun& run = view.drivingRun();
    const QueryPlan& plan = *run.plan;
    const QStringList names{sourceName(view, plan, 0), sourceName(view, plan, 1)};
    // The join's own output columns; after a join followed by other operators the query's output is theirs.
    const Schema& joinOutput = plan.chain.empty() ? plan.output : plan.streamSchema;
    m_joinModel->setRows(*plan.join, joinOutput, names, joinStateAt(run, static_cast<std::size_t>(view.batch)), view.snapshot->scenario);
    int withNulls = 0;
    for (int r = 0; r < m_joinModel->rowCount(); ++r)
        if (m_joinModel->rowAt(r)->fate == JoinStateRow::Fate::EvictedWithNull)
            ++withNulls;
    // Followed by other operators: the join is operator 1 (Spark's stateOperators lists it last).
    const std::size_t after = statefulOperators(plan).size();
    const QString heading = after == 0 ? tr("<b>Join state</b> after batch %1 — buffered: %2 %3, %4 %5")
                                       : tr("<b>Join state</b> (operator 1 of %1) after batch %2 — buffered: %3 %4, %5 %6").arg(after + 1);
    QString text = heading.arg(view.batchId())
                       .arg(m_joinModel->numOnSide(0))
                       .arg(names[0].toHtmlEscaped())
                       .arg(m_joinModel->numOnSide(1))
                       .arg(names[1].toHtmlEscaped());
    if (const int evicted = m_joinModel->numEvicted(); evicted > 0) {
        text += tr("; %n evicted by the watermark", nullptr, evicted);
        if (withNulls > 0)
            text += tr(" (%n emitted with nulls)", nullptr, withNulls);
    }
    m_title->setText(text);
}

void StatePanel::showStaticTable(const ViewState& view)
{
    const QueryPlan& plan = *view.drivingRun().plan;
    const JoinPlan& join = *plan.join;
    const int side = join.leftStatic ? 0 : 1;
    const InputPlan& input = plan.inputs[static_cast<std::size_t>(side)];
    const Scenario& sc = *view.snapshot->scenario;
    std::vector<MarkedRow> rows;
    int failing = 0;
    for (Row& r : staticRows(sc.sources[input.source], input)) {
        // A condition on the static side's own columns filters the table once, before any batch.
        const auto& ownSide = side == 0 ? join.leftOnly : join.rightOnly;
        if (std::all_of(ownSide.begin(), ownSide.end(), [&](const BoundExpr& c) { return c.test(r); }))
            rows.push_back({std::move(r), RowStatus::Unchanged});
        else
            ++failing;
    }
    const int count = static_cast<int>(rows.size());
    m_staticModel->setRows(input.output, std::move(rows), view.snapshot->scenario);
    QString text = tr("<b>Static table</b> %1 (%2 side) — %n row(s), joined with each batch's new rows", nullptr, count)
                       .arg(sourceName(view, plan, side).toHtmlEscaped(), side == 0 ? tr("left") : tr("right"));
    if (failing > 0)
        text += tr("; %n more fail the join condition on its own columns and never join", nullptr, failing);
    m_staticTitle->setText(text);
}

} // namespace tidemark::ui
