// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/kafka/KafkaPanel.h"

#include "engine/time/TimeFormat.h"
#include "ui/kafka/FaultFeed.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tidemark::kafka {

namespace {

constexpr int kMaxListed = 1000;

/// The state in words, after a sign that tells it apart without colour (as the status bar's
/// badge does); the words keep their translations.
QString stateText(SourceState s)
{
    switch (s) {
    case SourceState::Connecting: return QStringLiteral("… ") + KafkaPanel::tr("Connecting");
    case SourceState::Unreachable: return QStringLiteral("⚠ ") + KafkaPanel::tr("Unreachable");
    case SourceState::TopicMissing: return QStringLiteral("? ") + KafkaPanel::tr("Topic missing");
    case SourceState::Connected: return QStringLiteral("● ") + KafkaPanel::tr("Connected");
    case SourceState::Reconnecting: return QStringLiteral("⟳ ") + KafkaPanel::tr("Reconnecting") + QStringLiteral("…");
    case SourceState::Failed: return QStringLiteral("■ ") + KafkaPanel::tr("Stopped by an error");
    case SourceState::Closed: return KafkaPanel::tr("Not connected");
    }
    return {};
}

QString faultKindText(SourceFault::Kind kind)
{
    switch (kind) {
    case SourceFault::Kind::BrokerLost: return KafkaPanel::tr("broker lost");
    case SourceFault::Kind::BrokerBack: return KafkaPanel::tr("broker back");
    case SourceFault::Kind::DataLoss: return KafkaPanel::tr("data loss");
    case SourceFault::Kind::OffsetsMissed: return KafkaPanel::tr("offsets missed");
    case SourceFault::Kind::MessageRefused: return KafkaPanel::tr("message refused");
    case SourceFault::Kind::GroupRejoined: return KafkaPanel::tr("group rejoined");
    case SourceFault::Kind::InputClosed: return KafkaPanel::tr("input closed");
    }
    return {};
}

/// "12–340" for [12, 341), "12" for one offset, empty for none.
QString offsetsText(const SourceFault& f)
{
    if (f.fromOffset < 0)
        return {};
    if (f.toOffset <= f.fromOffset + 1)
        return QString::number(f.fromOffset);
    return QStringLiteral("%1–%2").arg(f.fromOffset).arg(f.toOffset - 1);
}

} // namespace

KafkaPanel::KafkaPanel(KafkaBridge* bridge, QWidget* parent)
    : QWidget(parent)
    , m_bridge(bridge)
{
    auto* layout = new QVBoxLayout(this);

    auto* connection = m_connection = new QGroupBox(this);
    auto* form = m_form = new QFormLayout(connection);
    m_bootstrap = new QLineEdit(QStringLiteral("localhost:9092"), connection);
    m_topic = new QLineEdit(QStringLiteral("events"), connection);
    m_starting = new QComboBox(connection);
    m_starting->addItem(QStringLiteral("latest"));
    m_starting->addItem(QStringLiteral("earliest"));
    m_group = new QLineEdit(connection);
    form->addRow(new QLabel(connection), m_bootstrap);
    form->addRow(new QLabel(connection), m_topic);
    form->addRow(QStringLiteral("startingOffsets"), m_starting); // Spark's option name
    form->addRow(new QLabel(connection), m_group);
    auto* buttons = new QHBoxLayout;
    m_connect = new QPushButton(connection);
    m_disconnect = new QPushButton(connection);
    m_disconnect->setEnabled(false);
    buttons->addWidget(m_connect);
    buttons->addWidget(m_disconnect);
    buttons->addStretch();
    form->addRow(buttons);
    layout->addWidget(connection);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; padding: 4px; border-radius: 3px; }"));
    m_hint->setVisible(false);
    layout->addWidget(m_status);
    layout->addWidget(m_hint);

    auto* counters = m_counters = new QFormLayout;
    m_received = new QLabel(QStringLiteral("0"), this);
    m_malformedCount = new QLabel(QStringLiteral("0"), this);
    m_lag = new QLabel(QStringLiteral("0"), this);
    counters->addRow(new QLabel(this), m_received);
    counters->addRow(new QLabel(this), m_malformedCount);
    counters->addRow(new QLabel(this), m_lag);
    m_lost = new QLabel(QStringLiteral("0"), this);
    m_doubled = new QLabel(QStringLiteral("0"), this);
    counters->addRow(new QLabel(this), m_lost);
    counters->addRow(new QLabel(this), m_doubled);
    layout->addLayout(counters);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("kafkaError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #7f1d1d; border: 2px solid #c62828; padding: 4px; }"));
    m_error->setVisible(false);
    layout->addWidget(m_error);

    m_faultTitle = new QLabel(this);
    m_faultList = new QTreeWidget(this);
    m_faultList->setColumnCount(4);
    m_faultList->setRootIsDecorated(false);
    m_faultList->setUniformRowHeights(true);
    m_faultList->setWordWrap(false);
    m_faultList->header()->setStretchLastSection(true);
    // What happened gets the room; time, partition and offsets are short.
    for (int column : {0, 1, 2})
        m_faultList->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_faultList->setMinimumHeight(80);
    layout->addWidget(m_faultTitle);
    layout->addWidget(m_faultList, 1);

    m_malformedList = new QTreeWidget(this);
    m_malformedList->setColumnCount(3);
    m_malformedList->setRootIsDecorated(false);
    m_malformedList->setUniformRowHeights(true);
    m_malformedList->header()->setStretchLastSection(true);
    m_malformedTitle = new QLabel(this);
    layout->addWidget(m_malformedTitle);
    layout->addWidget(m_malformedList, 1);
    m_sparkNote = new QLabel(this);
    m_sparkNote->setWordWrap(true);
    layout->addWidget(m_sparkNote);

    connect(m_connect, &QPushButton::clicked, this, &KafkaPanel::connectClicked);
    connect(m_disconnect, &QPushButton::clicked, m_bridge, &KafkaBridge::disconnectFromTopic);
    // (Qt 6's addRow() makes no label for an empty text: the labels are made above and
    // named in retranslate().)
    connect(m_bridge, &KafkaBridge::statsChanged, this, &KafkaPanel::refresh);
    connect(m_bridge, &KafkaBridge::statsChanged, this, &KafkaPanel::addNewFaults);
    connect(m_bridge, &KafkaBridge::malformedArrived, this, &KafkaPanel::addMalformed);
    connect(m_malformedList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        m_sparkNote->setText(item ? tr("Spark: %1").arg(item->data(0, Qt::UserRole).toString()) : QString());
    });
    retranslate();
}

void KafkaPanel::retranslate()
{
    m_connection->setTitle(m_inputName.isEmpty() ? tr("Kafka source") : tr("Live input: %1").arg(m_inputName));
    m_bootstrap->setToolTip(tr("kafka.bootstrap.servers. On the host (outside docker): localhost:9092. "
                               "Inside the docker network (the notebook): kafka:9093."));
    m_starting->setToolTip(tr("startingOffsets: where the first batch starts. latest reads only what arrives after the start; "
                              "earliest reads the whole topic, and what is already there lands in batch 0."));
    m_group->setPlaceholderText(tr("none: read every partition directly, as Spark does"));
    const auto label = [](QFormLayout* form, QWidget* field, const QString& text) {
        if (auto* l = qobject_cast<QLabel*>(form->labelForField(field)))
            l->setText(text);
    };
    label(m_form, m_bootstrap, tr("Bootstrap servers"));
    label(m_form, m_topic, tr("Topic"));
    label(m_form, m_group, tr("Consumer group"));
    m_disconnect->setText(tr("Disconnect"));
    m_lag->setToolTip(tr("Consumer lag: messages in the topic (end offsets) not yet received."));
    label(m_counters, m_received, tr("Messages received"));
    label(m_counters, m_malformedCount, tr("Malformed"));
    label(m_counters, m_lag, tr("Lag"));
    label(m_counters, m_lost, tr("Lost"));
    label(m_counters, m_doubled, tr("Doubled"));
    m_lost->setToolTip(tr("Offsets that could no longer be read (deleted or reset) and were skipped: messages the query never saw."));
    m_doubled->setToolTip(tr("Messages fetched again after a reconnect and skipped, so none is counted twice."));
    m_faultList->setHeaderLabels({tr("Time"), tr("Partition"), tr("Offsets"), tr("What happened")});
    m_malformedList->setHeaderLabels({tr("Partition:offset"), tr("Problem"), tr("Value")});
    m_malformedTitle->setText(tr("Malformed messages"));
    QTreeWidgetItem* current = m_malformedList->currentItem();
    m_sparkNote->setText(current ? tr("Spark: %1").arg(current->data(0, Qt::UserRole).toString())
                                 : tr("Select a message to see what Spark does with it."));
    refresh();
}

void KafkaPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void KafkaPanel::setSettings(const KafkaSettings& s)
{
    m_bootstrap->setText(QString::fromStdString(s.bootstrapServers));
    m_topic->setText(QString::fromStdString(s.topic));
    m_starting->setCurrentText(QString::fromStdString(s.startingOffsets));
    m_group->setText(QString::fromStdString(s.groupId));
    m_maxOffsetsPerTrigger = s.maxOffsetsPerTrigger;
}

void KafkaPanel::showInput(const QString& what)
{
    m_inputName = what;
    for (QWidget* field : {static_cast<QWidget*>(m_bootstrap), static_cast<QWidget*>(m_topic), static_cast<QWidget*>(m_starting),
                           static_cast<QWidget*>(m_group)})
        m_form->setRowVisible(field, what.isEmpty());
    m_connect->setVisible(what.isEmpty());
    retranslate();
}

KafkaSettings KafkaPanel::settings() const
{
    KafkaSettings s;
    s.bootstrapServers = m_bootstrap->text().trimmed().toStdString();
    s.topic = m_topic->text().trimmed().toStdString();
    s.startingOffsets = m_starting->currentText().toStdString();
    s.groupId = m_group->text().trimmed().toStdString();
    s.maxOffsetsPerTrigger = m_maxOffsetsPerTrigger;
    return s;
}

void KafkaPanel::connectClicked()
{
    const KafkaSettings s = settings();
    if (s.topic.empty()) {
        m_status->setText(tr("Which topic? Enter the topic name (the classroom's is events)."));
        return;
    }
    m_malformedList->clear();
    emit connectRequested(s);
    m_bridge->connectTo(KafkaSourceConfig::fromSettings(s));
    clearHistory(); // after the old connection's last stats, so none of its faults is listed again
    refresh();
}

void KafkaPanel::refresh()
{
    const bool running = m_bridge->isRunning();
    m_connect->setText(running ? tr("Reconnect") : tr("Connect"));
    m_disconnect->setEnabled(running);
    m_status->setText(QStringLiteral("<b>%1</b>: %2").arg(stateText(m_bridge->state()).toHtmlEscaped(), m_bridge->status().toHtmlEscaped()));
    const QString hint = m_bridge->hint();
    m_hint->setText(hint.isEmpty() ? QString() : tr("Hint: %1").arg(hint));
    m_hint->setVisible(!hint.isEmpty());
    const QLocale locale;
    m_received->setText(locale.toString(m_bridge->received()));
    m_malformedCount->setText(locale.toString(m_bridge->malformedCount()));
    m_lag->setText(locale.toString(m_bridge->lag()));
    const SourceStats& stats = m_bridge->stats();
    // Lost messages are what a class must not miss: a sign and bold, not only a number.
    m_lost->setText(stats.offsetsMissed > 0 ? tr("⚠ %1").arg(locale.toString(stats.offsetsMissed)) : locale.toString(stats.offsetsMissed));
    const QString lostStyle = stats.offsetsMissed > 0 ? QStringLiteral("QLabel { font-weight: bold; color: #b71c1c; }") : QString();
    if (m_lost->styleSheet() != lostStyle) // refresh() runs with every update: restyle only on a change
        m_lost->setStyleSheet(lostStyle);
    m_doubled->setText(locale.toString(stats.duplicatesSkipped));
    if (stats.state == SourceState::Failed && !stats.error.empty())
        m_errorText = QString::fromStdString(stats.error);
    m_error->setText(m_errorText.isEmpty() ? QString() : tr("Spark stopped the query:\n%1").arg(m_errorText));
    m_error->setVisible(!m_errorText.isEmpty());
    const QString count = locale.toString(m_faultsTotal);
    const auto listed = static_cast<std::int64_t>(m_faultList->topLevelItemCount());
    m_faultTitle->setText(listed < m_faultsTotal ? tr("Faults: %1 (the newest %2 listed)").arg(count, locale.toString(listed))
                                                 : tr("Faults: %1").arg(count));
}

void KafkaPanel::clearHistory()
{
    m_faultList->clear();
    m_faultsSeen = 0;
    m_faultsTotal = 0;
    m_errorText.clear();
}

void KafkaPanel::addNewFaults()
{
    const NewFaults fresh = takeNewFaults(m_bridge->stats(), m_faultsSeen);
    if (fresh.faults.empty() && fresh.notListed == 0)
        return;
    m_faultsTotal += fresh.notListed + static_cast<std::int64_t>(fresh.faults.size());
    m_faultList->setUpdatesEnabled(false);
    for (const SourceFault& f : fresh.faults) {
        const QString what = f.text.empty() ? faultKindText(f.kind) : tr("%1: %2").arg(faultKindText(f.kind), QString::fromStdString(f.text));
        auto* item = new QTreeWidgetItem({QString::fromStdString(formatTimeOfDay(f.at - f.at % kMicrosPerSecond, m_zone)),
                                          f.partition >= 0 ? QString::number(f.partition) : QString(), offsetsText(f), what});
        item->setToolTip(3, what);
        item->setData(0, Qt::UserRole, static_cast<int>(f.kind));
        m_faultList->addTopLevelItem(item);
    }
    while (m_faultList->topLevelItemCount() > kMaxListed)
        delete m_faultList->takeTopLevelItem(0);
    m_faultList->setUpdatesEnabled(true);
    m_faultList->scrollToBottom();
    refresh();
}

void KafkaPanel::addMalformed(const QList<MalformedMessage>& messages)
{
    m_malformedList->setUpdatesEnabled(false);
    for (const auto& m : messages) {
        auto* item = new QTreeWidgetItem({QStringLiteral("%1:%2").arg(m.partition).arg(m.offset), QString::fromStdString(m.reason),
                                          QString::fromStdString(m.value)});
        item->setData(0, Qt::UserRole, QString::fromStdString(m.sparkBehaviour));
        item->setToolTip(1, QString::fromStdString(m.sparkBehaviour));
        m_malformedList->addTopLevelItem(item);
    }
    while (m_malformedList->topLevelItemCount() > kMaxListed)
        delete m_malformedList->takeTopLevelItem(0);
    m_malformedList->setUpdatesEnabled(true);
}

} // namespace tidemark::kafka
