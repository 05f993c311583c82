// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/classroom/PredictPanel.h"

#include "ui/classroom/ClassMode.h"

#include <QCheckBox>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace tidemark::ui {

namespace {
constexpr std::array<PredictKind, 3> kKinds = {PredictKind::Sink, PredictKind::Drops, PredictKind::Watermark};
// Okabe–Ito green and vermillion, darkened for text: told apart by colour-blind eyes too,
// and the ✓ / ✗ shapes say the same without colour.
const QColor kRightText(0x00, 0x60, 0x3F);
const QColor kRightBack(0xD8, 0xF0, 0xE4);
const QColor kWrongText(0x9C, 0x2F, 0x00);
const QColor kWrongBack(0xFB, 0xE0, 0xD6);
const QString kRight = QStringLiteral("✓");
const QString kWrong = QStringLiteral("✗");

void paint(QListWidgetItem* item, bool right)
{
    item->setForeground(right ? kRightText : kWrongText);
    item->setBackground(right ? kRightBack : kWrongBack);
}
} // namespace

int PredictPanel::indexOf(PredictKind kind)
{
    return kind == PredictKind::Sink ? 0 : kind == PredictKind::Drops ? 1 : 2;
}

PredictPanel::PredictPanel(ClassMode* classMode, QWidget* parent)
    : QWidget(parent)
    , m_class(classMode)
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_reveal(new QPushButton(tr("Reveal (Enter)"), this))
    , m_whyLabel(new QLabel(tr("<b>Why?</b>"), this))
    , m_why(new QPlainTextEdit(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("predictPanel"));
    m_title->setObjectName(QStringLiteral("predictTitle"));
    m_title->setWordWrap(true);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("QLabel { color: #444444; }"));
    m_reveal->setObjectName(QStringLiteral("revealButton"));
    m_reveal->setToolTip(tr("Show what the batch really did and mark the answers (Enter, Space, or PageDown)"));
    m_why->setObjectName(QStringLiteral("predictWhy"));
    m_why->setReadOnly(true);
    m_why->setMinimumHeight(90);
    m_why->setTabChangesFocus(true); // Tab moves on, as everywhere else in the window
    m_summary->setObjectName(QStringLiteral("predictSummary"));
    m_summary->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    layout->addLayout(titleRow);
    layout->addWidget(m_hint);

    // Which questions to ask, in a menu: a row of three boxes would not fit a projector's narrow column.
    auto* askMenu = new QMenu(this);
    const std::array<QString, 3> askNames{tr("Which rows the sink receives"), tr("Which events are dropped"), tr("What the watermark becomes")};
    const std::array<QString, 3> objectNames{QStringLiteral("sink"), QStringLiteral("drops"), QStringLiteral("watermark")};
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        QAction* a = m_ask[i] = askMenu->addAction(askNames[i]);
        a->setObjectName(objectNames[i] + QStringLiteral("AskAction"));
        a->setCheckable(true);
        a->setChecked(m_class->askedKinds().testFlag(kKinds[i]));
        connect(a, &QAction::toggled, this, [this, i](bool on) {
            PredictKinds kinds = m_class->askedKinds();
            kinds.setFlag(kKinds[i], on);
            m_class->setAskedKinds(kinds);
        });
    }
    auto* ask = new QToolButton(this);
    ask->setObjectName(QStringLiteral("askButton"));
    ask->setText(tr("Questions"));
    ask->setToolTip(tr("Which questions class mode asks about each batch"));
    ask->setMenu(askMenu);
    ask->setPopupMode(QToolButton::InstantPopup);
    ask->installEventFilter(this);
    titleRow->addWidget(ask, 0, Qt::AlignTop);

    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        auto* box = m_questions[i] = new QWidget(this);
        auto* bl = new QVBoxLayout(box);
        bl->setContentsMargins(0, 4, 0, 0);
        bl->setSpacing(2);
        auto* head = new QHBoxLayout;
        m_marks[i] = new QLabel(box);
        m_marks[i]->setObjectName(objectNames[i] + QStringLiteral("Mark"));
        m_questionLabels[i] = new QLabel(box);
        m_questionLabels[i]->setWordWrap(true);
        head->addWidget(m_marks[i], 0, Qt::AlignTop);
        head->addWidget(m_questionLabels[i], 1);
        bl->addLayout(head);
        auto* list = m_lists[i] = new QListWidget(box);
        list->setObjectName(objectNames[i] + QStringLiteral("Choices"));
        list->setEditTriggers(QAbstractItemView::NoEditTriggers);
        list->setSelectionMode(QAbstractItemView::SingleSelection);
        list->setWordWrap(true);
        // As tall as its choices (the panel scrolls), not a fixed box that hides some.
        list->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
        list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->installEventFilter(this);
        connect(list, &QListWidget::itemChanged, this, [this, i](QListWidgetItem* item) { onItemChanged(static_cast<int>(i), item); });
        bl->addWidget(list);
        layout->addWidget(box);
    }
    layout->addWidget(m_reveal);
    layout->addWidget(m_whyLabel);
    layout->addWidget(m_why, 1);
    layout->addWidget(m_summary);
    layout->addStretch(0);
    connect(m_reveal, &QPushButton::clicked, m_class, &ClassMode::reveal);
    connect(m_class, &ClassMode::changed, this, &PredictPanel::refresh);
    refresh();
}

void PredictPanel::setPresentation(bool on)
{
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * (on ? 1.1 : 1.25));
    m_title->setFont(f);
}

bool PredictPanel::eventFilter(QObject* watched, QEvent* event)
{
    // Space picks the focused answer here (and opens the questions menu); elsewhere in the window it reveals.
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space) {
        event->accept();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PredictPanel::refresh()
{
    const BatchPrediction* p = m_class->current();
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        const QSignalBlocker block(m_ask[i]);
        m_ask[i]->setChecked(m_class->askedKinds().testFlag(kKinds[i]));
    }
    const ClassMode::Summary s = m_class->summary();
    m_summary->setText(s.asked == 0 ? tr("No prediction revealed yet.")
                                    : tr("<b>Right so far: %1 of %2</b> predictions, over %n batch(es).", nullptr, s.batches).arg(s.right).arg(s.asked));
    if (!p) {
        m_title->setText(m_class->isOn() ? tr("Nothing to predict in this batch") : tr("Class mode is off"));
        m_hint->setText(m_class->isOn() ? tr("Step on (PageDown): the next batch will ask.") : tr("View › Class mode hides each batch's outcome until the class has predicted it."));
        for (QWidget* q : m_questions)
            q->hide();
        m_reveal->hide();
        m_whyLabel->hide();
        m_why->hide();
        m_filled = {-2, 0, 0, false};
        return;
    }
    m_title->setText(p->revealed ? tr("Batch %1 revealed: %2 of %3 right").arg(p->batchId).arg(p->numRight()).arg(p->numAsked())
                                 : tr("Predict batch %1").arg(p->batchId));
    m_hint->setText(p->revealed ? tr("PageDown goes on to the next batch.")
                                : tr("Its input is on the plot; what it does is hidden. Pick (Tab, arrows, Space), then Reveal (Enter)."));
    const std::tuple<int, std::uint64_t, int, bool> key{p->batch, p->generation, static_cast<int>(p->kinds), p->revealed};
    if (key != m_filled) {
        m_filled = key;
        fill(*p);
        // Revealed: the verdict at the top in view, wherever the keyboard left the panel scrolled.
        if (p->revealed)
            QTimer::singleShot(0, this, [this] {
                if (auto* area = qobject_cast<QScrollArea*>(parentWidget() ? parentWidget()->parentWidget() : nullptr))
                    area->ensureWidgetVisible(m_title);
            });
    } else if (!p->revealed) {
        syncChecks(*p); // a dot clicked in the plot, one watermark at a time
    }
    m_reveal->setVisible(!p->revealed);
    const QString why = p->revealed ? p->explainDifferences(m_class->view()) : QString();
    m_whyLabel->setVisible(p->revealed);
    m_why->setVisible(p->revealed);
    if (p->revealed)
        m_why->setPlainText(why.isEmpty() ? tr("Every answer was right.") : why);
}

void PredictPanel::fill(const BatchPrediction& p)
{
    m_filling = true;
    const QString mode = QString::fromLatin1(outputModeName(p.mode));
    m_questionLabels[0]->setText(tr("<b>Which rows will the sink receive?</b> (%1 mode; maybe none)").arg(mode));
    m_questionLabels[1]->setText(tr("<b>Which of the events it reads will be dropped?</b> (%1 mode; or click their dots)").arg(mode));
    m_questionLabels[2]->setText(tr("<b>What will the watermark be</b> after this batch?"));
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        m_questions[i]->setVisible(p.asks(kKinds[i]));
        m_lists[i]->clear();
        m_marks[i]->clear();
    }
    const auto add = [&](QListWidget* list, const QString& text, bool checked) {
        auto* item = new QListWidgetItem(text, list);
        item->setFlags(p.revealed ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        return item;
    };
    for (const SinkChoice& c : p.sink)
        add(m_lists[0], c.text, c.picked);
    if (p.sink.empty())
        m_lists[0]->addItem(tr("(no rows to choose from: the sink gets nothing)"));
    for (const DropChoice& c : p.drops)
        add(m_lists[1], c.text, c.picked);
    for (std::size_t i = 0; i < p.watermarks.size(); ++i)
        add(m_lists[2], p.watermarks[i].text, static_cast<int>(i) == p.pickedWatermark);
    if (p.revealed)
        mark(p);
    m_filling = false;
}

void PredictPanel::mark(const BatchPrediction& p)
{
    for (std::size_t q = 0; q < kKinds.size(); ++q) {
        if (!p.asks(kKinds[q]))
            continue;
        const bool right = p.isRight(kKinds[q]);
        m_marks[q]->setText(right ? tr("%1 right").arg(kRight) : tr("%1 wrong").arg(kWrong));
        m_marks[q]->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; padding: 0 4px; border-radius: 3px; color: %1; background: %2; }")
                                      .arg((right ? kRightText : kWrongText).name(), (right ? kRightBack : kWrongBack).name()));
    }
    for (std::size_t i = 0; i < p.sink.size(); ++i) {
        const SinkChoice& c = p.sink[i];
        const bool right = c.picked == c.real;
        QListWidgetItem* item = m_lists[0]->item(static_cast<int>(i));
        item->setText((right ? kRight : kWrong) + QLatin1Char(' ') + c.text + (c.real ? tr(" — sent") : tr(" — not sent")));
        paint(item, right);
    }
    for (std::size_t i = 0; i < p.drops.size(); ++i) {
        const DropChoice& c = p.drops[i];
        const bool right = c.picked == c.dropped;
        QListWidgetItem* item = m_lists[1]->item(static_cast<int>(i));
        item->setText((right ? kRight : kWrong) + QLatin1Char(' ') + c.text + (c.dropped ? tr(" — dropped") : tr(" — kept")));
        paint(item, right);
    }
    for (std::size_t i = 0; i < p.watermarks.size(); ++i) {
        const WatermarkChoice& c = p.watermarks[i];
        const bool picked = static_cast<int>(i) == p.pickedWatermark;
        if (!c.real && !picked)
            continue;
        QListWidgetItem* item = m_lists[2]->item(static_cast<int>(i));
        item->setText((c.real ? kRight : kWrong) + QLatin1Char(' ') + c.text + (c.real ? tr(" — the watermark") : tr(" — your answer")));
        paint(item, c.real);
    }
}

void PredictPanel::onItemChanged(int question, QListWidgetItem* item)
{
    if (m_filling)
        return;
    const int row = m_lists[static_cast<std::size_t>(question)]->row(item);
    if (row < 0)
        return;
    if (question == 0)
        m_class->toggleSink(static_cast<std::size_t>(row));
    else if (question == 1)
        m_class->toggleDrop(static_cast<std::size_t>(row));
    else
        m_class->pickWatermark(item->checkState() == Qt::Checked ? row : -1);
}

void PredictPanel::syncChecks(const BatchPrediction& p)
{
    m_filling = true;
    const auto set = [](QListWidget* list, int row, bool on) {
        if (QListWidgetItem* item = list->item(row); item && (item->flags() & Qt::ItemIsUserCheckable))
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    };
    for (std::size_t i = 0; i < p.sink.size(); ++i)
        set(m_lists[0], static_cast<int>(i), p.sink[i].picked);
    for (std::size_t i = 0; i < p.drops.size(); ++i)
        set(m_lists[1], static_cast<int>(i), p.drops[i].picked);
    for (std::size_t i = 0; i < p.watermarks.size(); ++i)
        set(m_lists[2], static_cast<int>(i), static_cast<int>(i) == p.pickedWatermark);
    m_filling = false;
}

QString PredictPanel::markOf(PredictKind kind) const { return m_marks[static_cast<std::size_t>(indexOf(kind))]->text(); }

QString PredictPanel::whyText() const { return m_why->isHidden() ? QString() : m_why->toPlainText(); }

QString PredictPanel::summaryText() const { return m_summary->text(); }

} // namespace tidemark::ui
