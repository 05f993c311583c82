// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/kafka/KafkaBridge.h"

#include <QCoreApplication>
#include <QThread>

#include <chrono>
#include <iterator>
#include <utility>

namespace tidemark::kafka {

KafkaWorker::KafkaWorker(KafkaSourceConfig config, MessageParser parser, Clock clock, int intervalMs, std::shared_ptr<std::atomic<bool>> stop)
    : m_config(std::move(config))
    , m_parser(std::move(parser))
    , m_clock(std::move(clock))
    , m_intervalMs(intervalMs)
    , m_stop(std::move(stop))
{
}

void KafkaWorker::run()
{
    if (m_inputFactory) {
        runInput();
        return;
    }
    using SteadyClock = std::chrono::steady_clock;
    {
        KafkaSource source(m_config, m_parser, m_clock);
        auto pending = std::make_shared<KafkaUpdate>();
        std::string lastStatus;
        std::int64_t lastReceived = -1;
        std::int64_t lastLag = -1;
        auto lastSent = SteadyClock::now() - std::chrono::hours(1);
        bool haveDelivery = false;
        while (!m_stop->load()) {
            Delivery d = source.poll(std::chrono::milliseconds(10));
            pending->batch.upTo = d.upTo;
            haveDelivery = true;
            if (pending->batch.messages.empty())
                pending->batch.messages = std::move(d.messages);
            else
                pending->batch.messages.insert(pending->batch.messages.end(), std::make_move_iterator(d.messages.begin()),
                                               std::make_move_iterator(d.messages.end()));
            for (auto& bad : source.takeNewMalformed())
                pending->newMalformed.push_back(std::move(bad));
            const auto now = SteadyClock::now();
            if (now - lastSent < std::chrono::milliseconds(m_intervalMs))
                continue;
            const SourceStats& st = source.stats();
            const bool changed = st.status != lastStatus || st.received != lastReceived || st.lag() != lastLag;
            // Idle: the horizon still moves (triggers fire on time), but a few times a second is enough.
            if (pending->batch.messages.empty() && !changed && now - lastSent < std::chrono::milliseconds(std::max(m_intervalMs, 100)))
                continue;
            pending->stats = st;
            pending->startTime = source.startTime();
            lastStatus = st.status;
            lastReceived = st.received;
            lastLag = st.lag();
            emit update(pending);
            pending = std::make_shared<KafkaUpdate>();
            haveDelivery = false;
            lastSent = now;
        }
        source.close();
        pending->stats = source.stats();
        pending->startTime = source.startTime();
        if (!haveDelivery)
            pending->batch.upTo = 0;
        emit update(pending);
    }
    emit finished();
}

KafkaBridge::KafkaBridge(QObject* parent)
    : QObject(parent)
    , m_clock(realClock())
{
    qRegisterMetaType<KafkaBatch>();
    qRegisterMetaType<KafkaUpdate>();
    qRegisterMetaType<std::shared_ptr<KafkaUpdate>>();
    qRegisterMetaType<MalformedMessage>();
    m_stats.state = SourceState::Closed;
    m_stats.status = tr("not connected").toStdString(); // in the language of the moment it is set
}

KafkaBridge::~KafkaBridge() { disconnectFromTopic(); }

void KafkaBridge::setSourceSchema(const Schema& schema, const TimeZone& zone, const std::string& eventTimeColumn)
{
    m_parser.emplace(schema, zone, eventTimeColumn);
}

void KafkaBridge::setClock(Clock clock) { m_clock = std::move(clock); }

void KafkaBridge::connectTo(const KafkaSourceConfig& config)
{
    disconnectFromTopic();
    m_config = config;
    m_stats = SourceStats{};
    m_stats.status = tr("connecting to %1").arg(QString::fromStdString(config.bootstrapServers)).toStdString();
    m_malformed.clear();
    m_startTime.reset();
    m_early = KafkaBatch{};
    if (!m_parser)
        m_parser.emplace(Schema{}, TimeZone(), std::string());
    m_stop = std::make_shared<std::atomic<bool>>(false);
    startWorker(new KafkaWorker(config, *m_parser, m_clock, m_intervalMs, m_stop), "kafka-consumer");
}

void KafkaBridge::startWorker(KafkaWorker* worker, const char* threadName)
{
    m_thread = new QThread(this);
    m_thread->setObjectName(threadName);
    m_worker = worker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &KafkaWorker::run);
    connect(
        m_worker, &KafkaWorker::update, this, [this](const std::shared_ptr<KafkaUpdate>& u) { take(std::move(*u)); }, Qt::QueuedConnection);
    // Direct: the UI thread may be blocked in wait() when the worker finishes.
    connect(m_worker, &KafkaWorker::finished, m_thread, &QThread::quit, Qt::DirectConnection);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    emit statusChanged(status(), hint());
    emit statsChanged();
}

void KafkaBridge::startWithoutConsumer(const KafkaSourceConfig& config)
{
    disconnectFromTopic();
    m_config = config;
    m_stats = SourceStats{};
    m_malformed.clear();
    m_startTime.reset();
    m_early = KafkaBatch{};
    m_stop = std::make_shared<std::atomic<bool>>(false);
    m_thread = new QThread(this); // never started: disconnectFromTopic() has nothing to wait for
    emit statsChanged();
}

void KafkaBridge::connectToInput(LiveInputFactory factory, const QString& what)
{
    disconnectFromTopic();
    m_config = KafkaSourceConfig{};
    m_stats = SourceStats{};
    m_stats.status = tr("opening %1").arg(what).toStdString();
    m_malformed.clear();
    m_startTime.reset();
    m_early = KafkaBatch{};
    if (!m_parser)
        m_parser.emplace(Schema{}, TimeZone(), std::string());
    m_stop = std::make_shared<std::atomic<bool>>(false);
    m_dataBatches = std::make_shared<std::atomic<std::int64_t>>(0);
    startWorker(new KafkaWorker(std::move(factory), *m_parser, m_clock, m_intervalMs, m_stop, m_dataBatches), "live-input");
}

void KafkaBridge::reportDataBatches(int n)
{
    if (m_dataBatches && n > 0)
        m_dataBatches->fetch_add(n);
}

void KafkaBridge::disconnectFromTopic()
{
    if (!m_thread)
        return;
    m_stop->store(true);
    // Closing leaves a consumer group, which librdkafka bounds by session.timeout.ms (6 s).
    if (m_thread->wait(10000)) {
        // Deliver what the worker sent last (final counters), then forget the thread.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
        delete m_thread;
    } else {
        qWarning("Kafka consumer thread did not stop within 10 s; leaving it to finish on its own");
        disconnect(m_worker, nullptr, this, nullptr);
        m_thread->setParent(nullptr);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    }
    m_thread = nullptr;
    m_worker = nullptr;
    m_stats.state = SourceState::Closed;
    m_stats.status = tr("disconnected").toStdString();
    m_stats.hint.clear();
    emit statusChanged(status(), hint());
    emit statsChanged();
    emit stopped();
}

void KafkaBridge::onUpdate(const KafkaUpdate& update)
{
    KafkaUpdate copy = update;
    take(std::move(copy));
}

void KafkaBridge::take(KafkaUpdate&& u)
{
    if (!m_thread)
        return;
    if (u.startTime && !m_startTime) {
        m_startTime = u.startTime;
        emit started(*u.startTime);
    }
    const bool statusChange = u.stats.status != m_stats.status || u.stats.hint != m_stats.hint;
    m_stats = std::move(u.stats);
    if (u.batch.upTo != 0 || !u.batch.messages.empty()) {
        // Hold messages back until the start time is known: the Simulation is made then.
        m_early.upTo = u.batch.upTo;
        if (m_early.messages.empty())
            m_early.messages = std::move(u.batch.messages);
        else
            m_early.messages.insert(m_early.messages.end(), std::make_move_iterator(u.batch.messages.begin()),
                                    std::make_move_iterator(u.batch.messages.end()));
        if (m_startTime) {
            emit messagesArrived(std::make_shared<const KafkaBatch>(std::exchange(m_early, KafkaBatch{})));
        }
    }
    if (!u.newMalformed.empty()) {
        QList<MalformedMessage> fresh(u.newMalformed.begin(), u.newMalformed.end());
        m_malformed.append(fresh);
        if (m_malformed.size() > 1000)
            m_malformed.remove(0, m_malformed.size() - 1000);
        emit malformedArrived(fresh);
    }
    if (statusChange)
        emit statusChanged(status(), hint());
    emit statsChanged();
}

} // namespace tidemark::kafka
