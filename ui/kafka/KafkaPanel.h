// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/time/TimeZone.h"
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
/// counters (messages received, malformed, consumer lag, offsets lost, messages doubled), Spark's
/// error when it stopped the query, the history of faults (broker lost and back, offsets
/// missed, messages refused: time, partition, offsets, what happened) and the list of malformed
/// messages, each with its problem and what Spark does with it. What went wrong stays on screen
/// until the next Connect, so a teacher can explain it after the fact. Self-contained: it only talks to the
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
    /// The zone the fault history's times are shown in (the scenario's).
    void setTimeZone(const TimeZone& zone) { m_zone = zone; }
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
    QLabel* lostLabel() const { return m_lost; }
    QLabel* doubledLabel() const { return m_doubled; }
    /// Spark's error that stopped the query (hidden while there is none).
    QLabel* errorLabel() const { return m_error; }
    /// One row per fault: time, partition, offsets, what happened; the newest last.
    QTreeWidget* faultList() const { return m_faultList; }
    /// "Faults: 3" and, when some are not listed, how many.
    QLabel* faultTitle() const { return m_faultTitle; }

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
    /// Lists the faults the bridge's stats have that the list does not have yet.
    void addNewFaults();
    void clearHistory();

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
    QLabel* m_lost = nullptr;
    QLabel* m_doubled = nullptr;
    QLabel* m_error = nullptr;
    QString m_errorText;              ///< kept after Disconnect, until the next Connect
    QTreeWidget* m_faultList = nullptr;
    QLabel* m_faultTitle = nullptr;
    std::int64_t m_faultsSeen = 0;    ///< of the bridge's SourceStats::faultCount
    std::int64_t m_faultsTotal = 0;   ///< since Connect, listed or not
    TimeZone m_zone;
};

} // namespace tidemark::kafka

Q_DECLARE_METATYPE(tidemark::KafkaSettings)
