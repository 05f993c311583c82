// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/kafka/LiveBadge.h"

#include <QEvent>

namespace tidemark::kafka {

namespace {

struct Look {
    QString text;
    const char* background;
};

Look lookOf(SourceState state, const QString& topic)
{
    switch (state) {
    case SourceState::Connected: return {LiveBadge::tr("● LIVE %1").arg(topic), "#c62828"};
    case SourceState::Reconnecting: return {LiveBadge::tr("⟳ RECONNECTING %1").arg(topic), "#8a5a00"};
    case SourceState::Failed: return {LiveBadge::tr("■ STOPPED %1").arg(topic), "#37474f"};
    case SourceState::Unreachable: return {LiveBadge::tr("⚠ UNREACHABLE"), "#8a5a00"};
    case SourceState::TopicMissing: return {LiveBadge::tr("? NO TOPIC %1").arg(topic), "#8a5a00"};
    case SourceState::Connecting: return {LiveBadge::tr("… CONNECTING"), "#546e7a"};
    case SourceState::Closed: break;
    }
    return {};
}

} // namespace

LiveBadge::LiveBadge(KafkaBridge* bridge, QWidget* parent)
    : QLabel(parent)
    , m_bridge(bridge)
{
    setObjectName(QStringLiteral("statusLive"));
    setVisible(false);
    connect(m_bridge, &KafkaBridge::statsChanged, this, &LiveBadge::refresh);
}

void LiveBadge::refresh()
{
    const SourceStats& stats = m_bridge->stats();
    const bool shown = m_bridge->isRunning() && stats.state != SourceState::Closed;
    setVisible(shown);
    if (!shown)
        return;
    const KafkaSourceConfig& config = m_bridge->config();
    const QString topic = QString::fromStdString(config.topic);
    const Look look = lookOf(stats.state, topic);
    setText(look.text);
    if (m_shownState != static_cast<int>(stats.state)) {
        m_shownState = static_cast<int>(stats.state);
        setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; padding: 1px 6px; border-radius: 3px; font-weight: bold; }")
                          .arg(QLatin1String(look.background)));
    }
    QString tip;
    if (stats.state == SourceState::Failed)
        tip = tr("Spark stopped the query: %1").arg(QString::fromStdString(stats.error));
    else
        tip = tr("Reading %1 from %2: %3. Editing is off while live (Kafka panel: Disconnect).")
                  .arg(topic, QString::fromStdString(config.bootstrapServers), QString::fromStdString(stats.status));
    setToolTip(tip);
    setAccessibleName(look.text);
}

void LiveBadge::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refresh();
}

} // namespace tidemark::kafka
