// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/StatePanel.h"

#include "ui/models/RowTableModel.h"
#include "ui/models/RowTableView.h"
#include "ui/plot/BatchChart.h"

#include <QLabel>
#include <QSplitter>
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
    , m_view(new RowTableView(QStringLiteral("stateTable"), this))
    , m_chart(new BatchChart(this))
{
    setObjectName(QStringLiteral("statePanel"));
    m_view->setModel(m_model);
    connect(m_view, &RowTableView::exportRequested, this, [this] { emit exportRequested(m_view, QStringLiteral("state")); });
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

    connect(m_view, &RowTableView::rowClicked, this, [this](int row, const QPoint& pos) {
        if (const Row* r = m_model->rowAt(row))
            emit rowClicked(m_mode, *r, pos);
    });
    connect(m_chart, &BatchChart::batchClicked, this, &StatePanel::batchClicked);
}

QTableView* StatePanel::view() const { return m_view; }

bool StatePanel::hasContent() const { return m_model->rowCount() > 0; }

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
    if (!run.plan->aggregate && !run.plan->dedup) {
        // A stream-stream join buffers input rows; the engine reports how many, not which.
        m_model->clear();
        m_title->setText(tr("<b>State store</b> after batch %1 — the join buffers %2 input row(s) of both sides; "
                            "Tidemark does not list them yet.")
                             .arg(view.batchId())
                             .arg(view.snapshot->view(view.driving).stateRows[i]));
        return;
    }
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
