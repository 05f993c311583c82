// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/StatePanel.h"

#include "ui/models/RowTableModel.h"
#include "ui/plot/BatchChart.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tidemark::ui {

Schema stateSchema(const QueryPlan& plan)
{
    if (plan.aggregate)
        return plan.output;
    Schema s;
    if (plan.dedup) {
        for (std::size_t k : plan.dedup->keys)
            s.fields.push_back(plan.streamSchema[k]);
        if (plan.dedup->withinWatermark)
            s.fields.push_back(Field{"expiresAt", DataType(TypeId::Timestamp), std::nullopt, {}});
    }
    return s;
}

StatePanel::StatePanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_model(new RowTableModel(this))
    , m_view(new QTableView(this))
    , m_chart(new BatchChart(this))
{
    setObjectName(QStringLiteral("statePanel"));
    m_view->setObjectName(QStringLiteral("stateTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* exportCsv = new QAction(tr("Export as CSV…"), m_view);
    connect(exportCsv, &QAction::triggered, this, [this] { emit exportRequested(m_view, QStringLiteral("state")); });
    m_view->addAction(exportCsv);
    m_title->setWordWrap(true);

    auto* top = new QWidget(this);
    auto* tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_title);
    tl->addWidget(m_view, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (const Row* row = m_model->rowAt(index.row()))
            emit rowClicked(m_mode, *row, m_view->viewport()->mapToGlobal(m_view->visualRect(index).bottomLeft()));
    });
    connect(m_chart, &BatchChart::batchClicked, this, &StatePanel::batchClicked);
}

void StatePanel::setPresentation(bool on)
{
    m_chart->setVisible(!on);
}

void StatePanel::setView(const ViewState& view)
{
    m_chart->setView(view);
    if (!view.snapshot)
        return;
    m_mode = view.driving;
    const ModeRun& run = view.drivingRun();
    if (!view.hasBatch() || !run.plan) {
        m_model->clear();
        m_title->setText(tr("<b>State store</b> — no batch yet"));
        return;
    }
    if (!run.plan->hasStatefulOperator()) {
        m_model->clear();
        m_title->setText(tr("<b>State store</b> — this query keeps no state (no aggregation or deduplication)."));
        return;
    }
    const auto i = static_cast<std::size_t>(view.batch);
    const std::vector<Row> now = run.stateAfter(i);
    const std::vector<Row> before = i > 0 ? run.stateAfter(i - 1) : std::vector<Row>{};
    std::size_t width = run.keyWidth();
    if (!run.plan->aggregate)
        width = 0; // dedup state rows are the keys themselves
    auto rows = diffRows(now, before, width, false);
    int evicted = 0;
    const std::uint8_t op = (run.plan->aggregate && run.plan->dedup) ? 1 : 0;
    for (const StateChange& c : view.currentBatch().stateChanges)
        if (c.op == op && c.kind == StateChange::Kind::Evicted) {
            rows.push_back({c.row, RowStatus::Evicted});
            ++evicted;
        }
    m_model->setRows(stateSchema(*run.plan), std::move(rows), view.snapshot->scenario);
    m_title->setText(tr("<b>State store</b> after batch %1 (%2 mode) — %n row(s)", nullptr, static_cast<int>(now.size()))
                         .arg(view.batchId())
                         .arg(QString::fromLatin1(outputModeName(m_mode)))
                     + (evicted > 0 ? tr(", %1 evicted by the watermark").arg(evicted) : QString()));
}

} // namespace tidemark::ui
