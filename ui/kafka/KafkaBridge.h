// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/KafkaSource.h"
#include "live/LiveInput.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace tidemark::kafka {

/// Messages handed to the UI thread in one go (a Delivery: `upTo` and the messages): pass it to
/// appendDelivery(), call Simulation::notifyEventsAppended(), then advanceTo(upTo) and run
/// next() until nullopt.
using KafkaBatch = Delivery;
/// A batch handed on without a copy: the receivers share it (the live session's thread too).
using SharedKafkaBatch = std::shared_ptr<const KafkaBatch>;

/// What the worker thread sends the UI thread, at most every deliveryInterval.
struct KafkaUpdate {
    KafkaBatch batch;
    SourceStats stats;
    std::vector<MalformedMessage> newMalformed;
    std::optional<Micros> startTime;
};

class KafkaWorker;

/// Makes the socket or directory source a live session reads instead of a Kafka topic; called on
/// the worker thread with the bridge's parser and clock.
using LiveInputFactory = std::function<std::unique_ptr<LiveInput>(MessageParser parser, Clock clock)>;

/// Runs a KafkaSource on its own QThread for the GUI and hands what it reads to the UI thread.
///
/// Why: consuming and parsing 50,000 messages/s must not run on the UI thread, and the UI must
/// not redraw for every message. The worker polls the source continuously and sends one
/// update (messages, horizon, counters, new malformed messages) at most every 33 ms (~30 per
/// second), so the window redraws at most that often whatever the message rate. An update
/// holds only what is new since the previous one and travels as a shared pointer: the UI
/// thread moves its messages on, it never copies them. All public members are for the UI
/// thread; the worker never touches the UI or the scenario.
class KafkaBridge : public QObject {
    Q_OBJECT
public:
    explicit KafkaBridge(QObject* parent = nullptr);
    ~KafkaBridge() override;

    /// The schema messages are parsed against, before connectTo(): the live source's schema,
    /// the scenario's time zone and the event-time column (MessageParser::eventTimeColumnOf).
    void setSourceSchema(const Schema& schema, const TimeZone& zone, const std::string& eventTimeColumn);
    /// The processing-time clock (default: realClock()); tests inject their own.
    void setClock(Clock clock);
    /// Minimum time between two updates to the UI (default 33 ms).
    void setDeliveryIntervalMs(int ms) { m_intervalMs = ms; }

    /// Starts reading (stops a previous connection first).
    void connectTo(const KafkaSourceConfig& config);
    /// Starts reading a socket or a directory instead of a topic (stops a previous connection
    /// first); `what` names it in the status line until the source says more.
    void connectToInput(LiveInputFactory factory, const QString& what);
    /// The session ran `n` batches that read rows (a directory source waits for them to hand
    /// over its next files under maxFilesPerTrigger).
    void reportDataBatches(int n);
    /// Stops reading: waits (bounded) for the worker to close the consumer.
    void disconnectFromTopic();
    bool isRunning() const { return m_thread != nullptr; }
    /// Tests: connects to nothing, and takes each deliverWithoutConsumer() update as if the
    /// worker had sent it, so synthetic states and faults show as real ones do.
    void startWithoutConsumer(const KafkaSourceConfig& config);
    void deliverWithoutConsumer(const KafkaUpdate& update) { onUpdate(update); }

    SourceState state() const { return m_stats.state; }
    QString status() const { return QString::fromStdString(m_stats.status); }
    QString hint() const { return QString::fromStdString(m_stats.hint); }
    qint64 received() const { return m_stats.received; }
    qint64 malformedCount() const { return m_stats.malformed; }
    qint64 lag() const { return m_stats.lag(); }
    const SourceStats& stats() const { return m_stats; }
    /// The newest malformed messages (at most 1000).
    const QList<MalformedMessage>& malformedMessages() const { return m_malformed; }
    /// When the query started (its first trigger), once known.
    std::optional<Micros> startTime() const { return m_startTime; }
    const KafkaSourceConfig& config() const { return m_config; }

signals:
    /// The start time is known: create the live Simulation with trigger.startAt = startMicros.
    void started(qint64 startMicros);
    /// New messages and the horizon (at most ~30 times per second).
    void messagesArrived(const tidemark::kafka::SharedKafkaBatch& batch);
    /// Counters, lag or status changed.
    void statsChanged();
    void statusChanged(const QString& status, const QString& hint);
    void malformedArrived(const QList<tidemark::kafka::MalformedMessage>& messages);
    /// The worker has stopped (after disconnectFromTopic()).
    void stopped();

private:
    void onUpdate(const KafkaUpdate& update);
    /// What the worker sent: its messages are moved on, not copied.
    void take(KafkaUpdate&& update);
    /// Runs `worker` on a new thread named `threadName`, its updates taken on this one.
    void startWorker(KafkaWorker* worker, const char* threadName);

    std::optional<MessageParser> m_parser;
    Clock m_clock;
    int m_intervalMs = 33;
    KafkaSourceConfig m_config;
    QThread* m_thread = nullptr;
    KafkaWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_stop;
    std::shared_ptr<std::atomic<std::int64_t>> m_dataBatches; ///< batches that read rows, for a LiveInput's pacing
    SourceStats m_stats;
    QList<MalformedMessage> m_malformed;
    std::optional<Micros> m_startTime;
    KafkaBatch m_early; ///< messages before the start time was known, or not yet handed over
};

/// The worker half of KafkaBridge: lives on the bridge's thread and polls the source until told to stop.
class KafkaWorker : public QObject {
    Q_OBJECT
public:
    KafkaWorker(KafkaSourceConfig config, MessageParser parser, Clock clock, int intervalMs, std::shared_ptr<std::atomic<bool>> stop);
    /// Reads a socket or directory source instead (LiveInputWorker.cpp); `dataBatches` counts the
    /// session's batches that read rows.
    KafkaWorker(LiveInputFactory factory, MessageParser parser, Clock clock, int intervalMs, std::shared_ptr<std::atomic<bool>> stop,
                std::shared_ptr<std::atomic<std::int64_t>> dataBatches);

public slots:
    void run();

signals:
    /// Only the new messages; the worker lets go of the update once sent.
    void update(const std::shared_ptr<tidemark::kafka::KafkaUpdate>& update);
    void finished();

private:
    void runInput();

    KafkaSourceConfig m_config;
    LiveInputFactory m_inputFactory;
    std::shared_ptr<std::atomic<std::int64_t>> m_dataBatches;
    MessageParser m_parser;
    Clock m_clock;
    int m_intervalMs;
    std::shared_ptr<std::atomic<bool>> m_stop;
};

} // namespace tidemark::kafka

Q_DECLARE_METATYPE(tidemark::kafka::KafkaBatch)
Q_DECLARE_METATYPE(tidemark::kafka::KafkaUpdate)
Q_DECLARE_METATYPE(std::shared_ptr<tidemark::kafka::KafkaUpdate>)
Q_DECLARE_METATYPE(tidemark::kafka::SharedKafkaBatch)
Q_DECLARE_METATYPE(tidemark::kafka::MalformedMessage)
