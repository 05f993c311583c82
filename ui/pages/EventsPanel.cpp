// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/EventsPanel.h"

#include "ui/Palette.h"
#include "ui/document/DeleteEventsCommand.h"
#include "ui/i18n/Retranslate.h"
#include "ui/models/EventTableModel.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace tidemark::ui {

EventsPanel::EventsPanel(ScenarioDocument* document, EventTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(model)
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("eventsPanel"));
    m_view->setObjectName(QStringLiteral("eventsTable"));
    m_view->setTabKeyNavigation(false); // arrows move between cells; Tab leaves the table instead of circling in it
    retranslated(m_view, [view = m_view] { view->setAccessibleName(tr("Events")); });
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    // Fitted once per scenario from a sample of rows; ResizeToContents would measure all of them
    // whenever the fates change.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setResizeContentsPrecision(50);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    connect(model, &QAbstractItemModel::modelReset, this, &EventsPanel::fitColumns);
    // A live session starts empty: fit once its first rows arrive.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first) {
        if (first == 0)
            fitColumns();
    });
    fitColumns();

    auto* add = new QToolButton(this);
    auto* remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("deleteEventsButton"));
    auto* hint = new QLabel(this);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(add);
    bar->addWidget(remove);
    bar->addWidget(hint, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    // The window steps batches with the arrow keys; inside the table they move between cells.
    m_view->installEventFilter(this);

    auto* del = new QAction(m_view);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(del);
    connect(del, &QAction::triggered, this, &EventsPanel::deleteSelected);
    connect(remove, &QToolButton::clicked, this, &EventsPanel::deleteSelected);
    connect(add, &QToolButton::clicked, this, &EventsPanel::addRequested);
    // Live: the events are what the topic delivered; they become editable once disconnected.
    const auto showLive = [add, remove, hint](bool live) {
        add->setEnabled(!live);
        remove->setEnabled(!live);
        hint->setText(live ? tr("Live: events arrive from Kafka. Disconnect to edit them.") : tr("Double-click a cell to edit it."));
    };
    connect(document, &ScenarioDocument::liveChanged, this, showLive);
    retranslated(this, [add, remove, del, showLive, document] {
        add->setText(tr("Add"));
        add->setToolTip(tr("Add an event after the last one (or click empty space in the plot)"));
        remove->setText(tr("Delete"));
        remove->setToolTip(tr("Delete the selected events (Del)"));
        del->setText(tr("Delete events"));
        showLive(document->isLive());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        emit eventSelected(current.isValid() ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(current.row())) : std::nullopt);
    });
}

bool EventsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::FontChange) {
        // Presentation mode on or off: refit rows and columns to the new text size.
        m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
        fitColumns();
    }
    if (watched == m_view && event->type() == QEvent::ShortcutOverride) {
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Home:
        case Qt::Key_End:
        case Qt::Key_Space: // (PageUp / PageDown step batches from here too: PresenterKeys)
            event->accept();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void EventsPanel::fitColumns()
{
    m_view->resizeColumnsToContents();
    // The fates arrive after the rows (from the recompute); leave room for the longest.
    const QFontMetrics fm = m_view->fontMetrics();
    int widest = 0;
    for (Fate f : {Fate::OnTime, Fate::LateAccepted, Fate::DroppedByWatermark, Fate::Duplicate, Fate::Filtered, Fate::NullEventTime})
        widest = std::max(widest, fm.horizontalAdvance(palette::fateLabel(f)));
    m_view->horizontalHeader()->resizeSection(m_model->fateColumn(), widest + fm.height() + 24);
}

void EventsPanel::selectEvent(std::uint32_t event)
{
    const QModelIndex index = m_model->index(static_cast<int>(event), m_model->arrivalColumn());
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void EventsPanel::deleteSelected()
{
    if (m_document->isLive())
        return; // the main window says why in the status bar
    std::vector<std::uint32_t> rows;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        rows.push_back(static_cast<std::uint32_t>(i.row()));
    if (rows.empty() && m_view->currentIndex().isValid())
        rows.push_back(static_cast<std::uint32_t>(m_view->currentIndex().row()));
    if (!rows.empty())
        m_document->undoStack()->push(new DeleteEventsCommand(m_document, std::move(rows)));
}

} // namespace tidemark::ui
