// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/kafka/KafkaBridge.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace tidemark::kafka {

/// The Kafka panel: where a class connects Tidemark to a topic and watches what arrives.
///
/// Connection fields (bootstrap servers, topic, startingOffsets, optional consumer group),
/// connect / disconnect, a status line with the listener hint when something is wrong,
/// counters (messages received, malformed, consumer lag) and the list of malformed messages,
/// each with its problem and what Spark does with it. Self-contained: it only talks to the
/// KafkaBridge it is given; the main window owns the scenario and the Simulation and listens
/// to the same bridge.
class KafkaPanel : public QWidget {
    Q_OBJECT
public:
    explicit KafkaPanel(KafkaBridge* bridge, QWidget* parent = nullptr);

    /// Fills the fields from a scenario's `kafka` block.
    void setSettings(const KafkaSettings& settings);
    /// The fields as settings (maxOffsetsPerTrigger is not edited here and is kept).
    KafkaSettings settings() const;
    /// While a socket or directory session runs, the connection box names it (`what`) instead of
    /// offering the topic's fields; empty: the Kafka fields and Connect again.
    void showInput(const QString& what);

    // For tests and for the main window's layout.
    QLineEdit* bootstrapEdit() const { return m_bootstrap; }
    QLineEdit* topicEdit() const { return m_topic; }
    QComboBox* startingOffsetsBox() const { return m_starting; }
    QLineEdit* groupEdit() const { return m_group; }
    QPushButton* connectButton() const { return m_connect; }
    QPushButton* disconnectButton() const { return m_disconnect; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* hintLabel() const { return m_hint; }
    QLabel* receivedLabel() const { return m_received; }
    QLabel* malformedLabel() const { return m_malformedCount; }
    QLabel* lagLabel() const { return m_lag; }
    QTreeWidget* malformedList() const { return m_malformedList; }

signals:
    /// Connect was pressed: emitted before the bridge connects, so the owner can set the
    /// bridge's schema and prepare the scenario for a new live session.
    void connectRequested(const tidemark::KafkaSettings& settings);

protected:
    void changeEvent(QEvent* event) override;

private:
    /// The texts set once (labels, tooltips, headers), in the window's language.
    void retranslate();
    void connectClicked();
    void refresh();
    void addMalformed(const QList<MalformedMessage>& messages);

    KafkaBridge* m_bridge;
    std::optional<std::int64_t> m_maxOffsetsPerTrigger;
    QString m_inputName; ///< the socket or directory being read, empty for a topic
    QLineEdit* m_bootstrap = nullptr;
    QLineEdit* m_topic = nullptr;
    QComboBox* m_starting = nullptr;
    QLineEdit* m_group = nullptr;
    QPushButton* m_connect = nullptr;
    QPushButton* m_disconnect = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_received = nullptr;
    QLabel* m_malformedCount = nullptr;
    QLabel* m_lag = nullptr;
    QTreeWidget* m_malformedList = nullptr;
    QLabel* m_sparkNote = nullptr;
    QGroupBox* m_connection = nullptr;
    QFormLayout* m_form = nullptr;
    QFormLayout* m_counters = nullptr;
    QLabel* m_malformedTitle = nullptr;
};

} // namespace tidemark::kafka

Q_DECLARE_METATYPE(tidemark::KafkaSettings)
