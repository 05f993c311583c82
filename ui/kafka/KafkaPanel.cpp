// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/kafka/KafkaPanel.h"

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

QString stateText(SourceState s)
{
    switch (s) {
    case SourceState::Connecting: return KafkaPanel::tr("Connecting");
    case SourceState::Unreachable: return KafkaPanel::tr("Unreachable");
    case SourceState::TopicMissing: return KafkaPanel::tr("Topic missing");
    case SourceState::Connected: return KafkaPanel::tr("Connected");
    case SourceState::Reconnecting: return KafkaPanel::tr("Reconnecting");
    case SourceState::Failed: return KafkaPanel::tr("Stopped by an error");
    case SourceState::Closed: return KafkaPanel::tr("Not connected");
    }
    return {};
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
    form->addRow(QString(), m_bootstrap);
    form->addRow(QString(), m_topic);
    form->addRow(QStringLiteral("startingOffsets"), m_starting); // Spark's option name
    form->addRow(QString(), m_group);
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
    counters->addRow(QString(), m_received);
    counters->addRow(QString(), m_malformedCount);
    counters->addRow(QString(), m_lag);
    layout->addLayout(counters);

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
    connect(m_bridge, &KafkaBridge::statsChanged, this, &KafkaPanel::refresh);
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
