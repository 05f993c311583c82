// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/kafka/LiveController.h"

#include "live/LiveInputScenario.h"
#include "live/LiveScenario.h"
#include "engine/exec/EventTime.h"
#include "engine/scenario/ScenarioFile.h"
#include "ui/compute/RecomputeService.h"
#include "ui/document/ReplaceScenarioCommand.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/kafka/FaultFeed.h"
#include "ui/kafka/KafkaPanel.h"
#include "ui/pages/BatchCursor.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace tidemark::ui {

namespace {
/// At most ~30 recordings a second go to the views, however fast messages come.
constexpr qint64 kMinPublishIntervalMs = 33;
/// When only the clock moves (no message, no batch), the views hear of it once a second.
constexpr qint64 kClockOnlyIntervalMs = 1000;
/// A publish waits this many times what the last redraw cost: redrawing takes at most ~1/8 of the UI thread.
constexpr double kViewCostsPerInterval = 8.0;
} // namespace

kafka::LiveModeRuns::Fed LiveController::feedWork(LiveWork& work, const kafka::Delivery& delivery)
{
    kafka::appendDelivery(work.recording, work.source, delivery);
    if (work.journal) {
        // On disk, as the file will hold them; memory keeps none of them.
        if (const Status appended = work.journal->append(work.recording, work.source, 0); appended.ok())
            work.recording.sources[work.source].events.clear();
        else if (work.journalError.empty())
            work.journalError = appended.error().describe();
    }
    return work.runs->feed(delivery);
}

Result<Scenario> LiveController::LiveWork::scenario()
{
    if (!journal)
        return recording;
    Result<std::string> text = journal->recording(recording, source);
    if (!text.ok())
        return text.error();
    return loadScenarioText(text.value());
}

Status LiveController::LiveWork::write(const std::string& path)
{
    if (!journal)
        return kafka::writeFileAtomically(path, scenarioToJson(recording));
    return journal->writeRecording(recording, source, path);
}

LiveController::LiveController(ScenarioDocument* document, RecomputeService* compute, BatchCursor* cursor, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_compute(compute)
    , m_cursor(cursor)
    , m_bridge(new kafka::KafkaBridge(this))
{
    m_publishTimer.setSingleShot(true);
    connect(&m_publishTimer, &QTimer::timeout, this, &LiveController::schedulePublish);
    connect(m_bridge, &kafka::KafkaBridge::started, this, [this](qint64 start) {
        m_startAt = start;
        beginIfReady();
    });
    connect(m_bridge, &kafka::KafkaBridge::messagesArrived, this, &LiveController::onDelivery);
    connect(m_bridge, &kafka::KafkaBridge::statsChanged, this, &LiveController::beginIfReady);
    connect(m_bridge, &kafka::KafkaBridge::statsChanged, this, &LiveController::onStats);
    connect(m_bridge, &kafka::KafkaBridge::stopped, this, &LiveController::onStopped);
    connect(m_compute, &RecomputeService::snapshotReady, this, &LiveController::onSnapshot);
    connect(m_cursor, &BatchCursor::positionChanged, this, [this](int position) {
        if (m_session)
            m_follow = position >= m_cursor->count() - 1; // stepping back stops following; End resumes it
    });
    connect(m_cursor, &BatchCursor::countChanged, this, [this] {
        if (m_session && m_document->isLive() && m_follow)
            m_cursor->toLast();
    });
    connect(m_document, &ScenarioDocument::changed, this, [this](const ScenarioDocument::Change& change) {
        if (change.kind == ScenarioDocument::ChangeKind::Reset)
            onDocumentReset();
    });
}

LiveController::~LiveController()
{
    m_thread.reset(); // its tasks post to this object; what they post after is dropped with it
    // Stop the consumer without recording into a document that is going away.
    disconnect(m_bridge, nullptr, this, nullptr);
    m_bridge->disconnectFromTopic();
}

KafkaSettings LiveController::defaultSettings(const Scenario& scenario)
{
    KafkaSettings s;
    s.topic = "events";
    for (const SourceSpec& src : scenario.sources)
        if (!src.isStatic && src.format == SourceFormat::Kafka) {
            if (src.kafka) {
                s = *src.kafka;
                if (s.topic.empty())
                    s.topic = "events";
            }
            break;
        }
    return s;
}

void LiveController::attachPanel(kafka::KafkaPanel* panel)
{
    m_panel = panel;
    connect(panel, &kafka::KafkaPanel::connectRequested, this, &LiveController::onConnectRequested);
    panel->setSettings(defaultSettings(*m_document->scenario()));
}

bool LiveController::beginSession()
{
    // Reconnect: end the running session first, so its last messages are recorded (a
    // connection that never went live is simply dropped).
    m_base.reset();
    if (m_bridge->isRunning())
        m_bridge->disconnectFromTopic();
    m_lastError.clear();
    const std::shared_ptr<const Scenario> scenario = m_document->scenario();
    auto source = kafka::liveSourceIndex(*scenario);
    if (!source.ok()) {
        refuse(QString::fromStdString(source.error().message));
        return false;
    }
    m_base = scenario;
    m_source = *source;
    m_startAt.reset();
    m_early = kafka::Delivery{};
    m_faultsSeen = 0;
    m_failureTold = false;
    setOutages({});
    if (m_panel)
        m_panel->setTimeZone(scenario->zone);
    const SourceSpec& spec = scenario->sources[m_source];
    m_bridge->setSourceSchema(spec.schema, scenario->zone, kafka::MessageParser::eventTimeColumnOf(*scenario, spec));
    return true;
}

void LiveController::onConnectRequested(const KafkaSettings& settings)
{
    if (!beginSession())
        return;
    m_settings = settings;
    m_input.reset();
}

void LiveController::refuse(const QString& why)
{
    m_lastError = why;
    m_base.reset();
    emit message(tr("Cannot read Kafka into this scenario: %1").arg(why), 10000);
    // The panel connects right after asking; stop it once that has happened.
    QTimer::singleShot(0, m_bridge, &kafka::KafkaBridge::disconnectFromTopic);
}

void LiveController::onDelivery(const kafka::SharedKafkaBatch& batch)
{
    if (!m_session) {
        if (!m_base)
            return;
        m_early.upTo = std::max(m_early.upTo, batch->upTo);
        m_early.messages.insert(m_early.messages.end(), batch->messages.begin(), batch->messages.end());
        beginIfReady();
        return;
    }
    m_horizon = std::max(m_horizon, batch->upTo);
    // New rows go out at once; a clock that moved on alone once a second (or when a batch ran: onFed).
    if (!batch->messages.empty() || !m_lastPublish.isValid() || m_lastPublish.elapsed() >= kClockOnlyIntervalMs)
        m_dirty = true;
    post(batch);
    schedulePublish();
}

void LiveController::post(kafka::SharedKafkaBatch batch)
{
    // Shared, not copied: the UI thread only counts; the session's thread records and runs.
    m_received += static_cast<std::int64_t>(batch->messages.size());
    m_thread->post([this, work = m_work, batch = std::move(batch), generation = m_generation] {
        const kafka::LiveModeRuns::Fed fed = feedWork(*work, *batch);
        QMetaObject::invokeMethod(this, [this, fed, generation] { onFed(fed, generation); }, Qt::QueuedConnection);
    });
}

void LiveController::onFed(const kafka::LiveModeRuns::Fed& fed, std::uint64_t generation)
{
    if (generation != m_generation || !m_session)
        return;
    m_batches += fed.batches;
    reportDataBatches(fed.dataBatches);
    if (fed.batches > 0) {
        m_dirty = true;
        schedulePublish();
    }
}

void LiveController::beginIfReady()
{
    // Live from the moment the source is connected (or something arrived): while the broker is
    // unreachable the window keeps the scenario it had, and editing stays on.
    if (m_session || !m_base || !m_startAt || !m_bridge->isRunning())
        return;
    if (m_bridge->state() != kafka::SourceState::Connected && m_early.messages.empty())
        return;
    SimulationOptions options; // the views' runs record fates and state; this one only decides batches
    options.recordFates = false;
    options.recordStateChanges = false;
    auto started = m_input ? startInputSession(options) : kafka::LiveSession::start(*m_base, m_source, m_settings, *m_startAt, std::nullopt, options);
    if (!started.ok()) {
        refuse(QString::fromStdString(started.error().describe()));
        return;
    }
    m_session = std::move(started.value());
    // The session's work that grows with it goes to a thread of its own: the full recording and
    // the three modes' runs. The UI thread's session forgets what it has read.
    auto work = std::make_shared<LiveWork>();
    work->recording = m_session->scenario();
    work->source = m_source;
    // The full log goes to a journal in the temporary folder (hidden, removed with the session).
    static int sessions = 0;
    const QString journalFor = QDir(QDir::tempPath()).filePath(
        QStringLiteral("tidemark-live-%1-%2.json").arg(QCoreApplication::applicationPid()).arg(++sessions));
    if (auto journal = kafka::RecordJournal::create(journalFor.toStdString()); journal.ok())
        work->journal = std::move(journal.value());
    else
        emit message(tr("The recording stays in memory: %1").arg(QString::fromStdString(journal.error().describe())), 10000);
    auto runs = kafka::LiveModeRuns::start(work->recording, m_source, m_limits, m_session->plan().mode);
    if (!runs.ok()) {
        m_session.reset();
        refuse(QString::fromStdString(runs.error().describe()));
        return;
    }
    work->runs = std::move(runs.value());
    m_work = std::move(work);
    if (!m_thread)
        m_thread = std::make_unique<SerialThread>();
    ++m_generation;
    m_building = false;
    m_before = m_document->scenario();
    m_base.reset();
    auto early = std::make_shared<const kafka::Delivery>(std::exchange(m_early, kafka::Delivery{}));
    m_horizon = std::max(*m_startAt, early->upTo);
    m_follow = true;
    m_shownEvents = 0;
    m_shownForgotten = 0;
    m_lastPublish.invalidate();
    m_dirty = true;
    m_received = 0;
    m_batches = 0;
    post(std::move(early));
    m_document->showLive(std::make_shared<const Scenario>(m_work->recording), m_horizon, {ScenarioDocument::ChangeKind::Replaced, 0, 0});
    schedulePublish();
    QString reading = m_input ? tr("Live: reading %1. Editing is off until you disconnect.").arg(inputName(*m_input))
                              : tr("Live: reading %1 from %2. Editing is off until you disconnect.")
                                    .arg(QString::fromStdString(m_settings.topic), QString::fromStdString(m_settings.bootstrapServers));
    // A live query runs until it is stopped: the file's restarts are left out, and the line stays.
    if (m_session->restartsNotice())
        reading += QLatin1Char(' ') + restartsNotAppliedText(static_cast<int>(m_before ? m_before->restarts.size() : 0));
    emit message(reading, m_session->restartsNotice() ? 0 : 8000);
}

QString LiveController::restartsNotAppliedText(int restarts)
{
    return tr("The scenario's %n restart(s) from the checkpoint are not applied to live input: a live query runs until you stop "
              "it. Disconnect to see them.",
              nullptr, restarts);
}

void LiveController::startInput(const LiveInputSettings& input)
{
    if (!beginSession())
        return;
    m_input = input;
    kafka::LiveInputFactory factory = [input](kafka::MessageParser parser, kafka::Clock clock) -> std::unique_ptr<kafka::LiveInput> {
        if (input.kind == LiveInputSettings::Kind::Socket)
            return std::make_unique<kafka::SocketSource>(input.socket, std::move(clock));
        return std::make_unique<kafka::DirectorySource>(input.directory, std::move(parser), std::move(clock));
    };
    if (m_panel)
        m_panel->showInput(inputName(input));
    m_bridge->connectToInput(std::move(factory), inputName(input));
}

void LiveController::reportDataBatches(std::int64_t dataBatches)
{
    // A directory source hands over its next files once a batch has read the last ones.
    if (m_input && dataBatches > 0)
        m_bridge->reportDataBatches(static_cast<int>(dataBatches));
}

QString LiveController::inputName(const LiveInputSettings& input)
{
    if (input.kind == LiveInputSettings::Kind::Socket)
        return tr("the socket %1:%2").arg(QString::fromStdString(input.socket.host)).arg(input.socket.port);
    return tr("the directory %1").arg(QString::fromStdString(input.directory.path));
}

Result<std::unique_ptr<kafka::LiveSession>> LiveController::startInputSession(SimulationOptions options)
{
    // TextSocketSourceProvider: the socket's rows have Spark's fixed schema, never the scenario's.
    Scenario prepared = *m_base;
    const std::optional<Schema> schema = m_input->kind == LiveInputSettings::Kind::Socket
                                             ? std::optional<Schema>(kafka::socketSchema(m_input->socket.includeTimestamp))
                                             : std::nullopt;
    kafka::prepareLiveInputScenario(prepared, m_source, *m_startAt, schema);
    return kafka::LiveSession::startPrepared(std::move(prepared), m_source, std::nullopt, options);
}

void LiveController::onStats()
{
    const kafka::SourceStats& stats = m_bridge->stats();
    const kafka::NewFaults fresh = kafka::takeNewFaults(stats, m_faultsSeen);
    if (!fresh.faults.empty() && m_work) // the recording keeps them, as the CLI's does
        m_thread->post([work = m_work, faults = fresh.faults] {
            for (const kafka::SourceFault& f : faults)
                work->recording.liveFaults.push_back(kafka::toRecordedFault(f, work->recording.sources[work->source].name));
        });
    if (!fresh.faults.empty()) {
        std::vector<Outage> outages = m_outages;
        for (const kafka::SourceFault& f : fresh.faults) {
            const bool open = !outages.empty() && !outages.back().to;
            if (f.kind == kafka::SourceFault::Kind::BrokerLost && !open)
                outages.push_back({f.at, std::nullopt});
            else if (f.kind == kafka::SourceFault::Kind::BrokerBack && open)
                outages.back().to = std::max(f.at, outages.back().from);
        }
        setOutages(std::move(outages));
    }
    // Spark's error stays in the status bar (and the Kafka panel) until something else is said.
    if (stats.state == kafka::SourceState::Failed && !m_failureTold) {
        m_failureTold = true;
        emit message(tr("Spark stopped the query: %1").arg(QString::fromStdString(stats.error)), 0);
    }
}

void LiveController::setOutages(std::vector<Outage> outages)
{
    if (outages == m_outages)
        return;
    m_outages = std::move(outages);
    emit outagesChanged();
}

void LiveController::schedulePublish()
{
    if (!m_session || !m_dirty)
        return;
    // One recording in the works at a time: the next goes when this one has been built and computed.
    if (m_building || !m_compute->isIdle())
        return;
    // Each publish redraws every page; keep that to about an eighth of the UI thread's time, so
    // the window answers at once whatever the session's size (the cost grows with it).
    const qint64 interval = std::max(kMinPublishIntervalMs, static_cast<qint64>(kViewCostsPerInterval * m_viewCostMs));
    const qint64 since = m_lastPublish.isValid() ? m_lastPublish.elapsed() : interval;
    if (since < interval) {
        if (!m_publishTimer.isActive())
            m_publishTimer.start(static_cast<int>(interval - since));
        return;
    }
    publish();
}

void LiveController::publish()
{
    if (!m_document->isLive())
        return;
    m_dirty = false;
    m_lastPublish.start();
    // Made on the session's thread after every delivery handed over so far: the newest batches
    // of each mode, the events they read, and the views derived from them.
    m_building = true;
    m_thread->post([this, work = m_work, horizon = m_horizon, generation = m_generation] {
        kafka::LiveModeRuns::Shown shown = work->runs->shown();
        std::shared_ptr<Snapshot> snapshot = buildLiveSnapshot(std::move(shown.scenario), std::move(shown.runs), horizon);
        QMetaObject::invokeMethod(
            this,
            [this, snapshot = std::move(snapshot), forgotten = shown.forgottenEvents, horizon, generation]() mutable {
                showBuilt(std::move(snapshot), forgotten, horizon, generation);
            },
            Qt::QueuedConnection);
    });
}

void LiveController::showBuilt(std::shared_ptr<Snapshot> snapshot, std::int64_t forgotten, Micros horizon, std::uint64_t generation)
{
    m_building = false;
    if (generation != m_generation || !m_session || !m_document->isLive())
        return; // the session it belongs to has ended
    std::shared_ptr<const Scenario> scenario = snapshot->scenario;
    const std::size_t events = scenario->sources[m_source].events.size();
    // The events table follows: rows appended, or (once older events are no longer shown) anew.
    ScenarioDocument::Change change{ScenarioDocument::ChangeKind::LiveClock, 0, 0};
    if (forgotten != m_shownForgotten || events < m_shownEvents)
        change = {ScenarioDocument::ChangeKind::Replaced, 0, 0};
    else if (events > m_shownEvents)
        change = {ScenarioDocument::ChangeKind::EventsInserted, globalEventIndex(*scenario, m_source, m_shownEvents),
                  static_cast<std::uint32_t>(events - m_shownEvents)};
    if (m_shownForgotten == 0 && forgotten > 0) // once a session: why the first batches went
        emit message(tr("Long session: the window now shows the newest %1 batches; older ones are summarised in the counts, "
                        "the state and the result table. The recording keeps every message.")
                         .arg(m_limits.batches),
                     10000);
    m_shownEvents = events;
    m_shownForgotten = forgotten;
    // The document first (the views read its scenario), then the runs made for it.
    m_document->showLive(std::move(scenario), horizon, change);
    m_compute->adopt(std::move(snapshot));
}

void LiveController::onSnapshot()
{
    if (!m_session || !m_document->isLive())
        return;
    const SnapshotPtr& snap = m_compute->latest();
    if (snap && snap->liveHorizon && m_follow)
        emit followingNewest(); // the cursor itself follows the batch count (countChanged)
    schedulePublish();
}

void LiveController::stop() { m_bridge->disconnectFromTopic(); }

void LiveController::onStopped()
{
    if (m_input && m_panel)
        m_panel->showInput({}); // the panel offers the topic again
    m_base.reset();
    m_startAt.reset();
    m_early = kafka::Delivery{};
    if (m_session)
        finish();
}

void LiveController::finish()
{
    m_publishTimer.stop();
    m_dirty = false;
    if (!m_outages.empty() && !m_outages.back().to) { // the recording ends there
        std::vector<Outage> closed = m_outages;
        closed.back().to = std::max(m_horizon, closed.back().from);
        setOutages(std::move(closed));
    }
    ++m_generation; // a view still being made is not shown
    m_building = false;
    m_session.reset();
    const std::shared_ptr<LiveWork> work = std::exchange(m_work, nullptr);
    const std::shared_ptr<const Scenario> before = std::exchange(m_before, nullptr);
    if (!m_document->isLive())
        return;
    m_thread->drain(); // every delivery is in the recording
    const auto received = m_received;
    if (received == 0) {
        m_document->endLive(before);
        emit message(tr("Disconnected. No messages arrived, so the scenario is as it was."), 8000);
        return;
    }
    work->runs.reset();
    std::shared_ptr<const Scenario> recording;
    if (!work->journal) {
        recording = std::make_shared<const Scenario>(std::move(work->recording));
    } else {
        // Read back from the journal: the whole session becomes the scenario.
        Result<Scenario> loaded = work->scenario();
        if (!loaded.ok()) {
            m_document->endLive(before);
            emit message(tr("Disconnected, but the recording could not be read back: %1").arg(QString::fromStdString(loaded.error().describe())), 0);
            return;
        }
        recording = std::make_shared<const Scenario>(std::move(loaded.value()));
    }
    m_document->endLive(recording);
    m_document->undoStack()->push(new ReplaceScenarioCommand(m_document, before, recording, tr("Record live session")));
    emit message(tr("Disconnected. The %n received message(s) are now an ordinary scenario: explore it, save it, "
                    "or undo to return to the scenario from before.",
                    nullptr, static_cast<int>(received)),
                 10000);
}

void LiveController::onDocumentReset()
{
    // Another scenario was opened: the session belonged to the old one.
    if (m_bridge->isRunning()) {
        ++m_generation;
        m_building = false;
        m_session.reset();
        m_work.reset();
        m_before.reset();
        m_base.reset();
        m_bridge->disconnectFromTopic();
        emit message(tr("Disconnected from Kafka: another scenario was opened."), 8000);
    }
    setOutages({});
    if (m_panel)
        m_panel->setSettings(defaultSettings(*m_document->scenario()));
}

bool LiveController::saveSessionTo(const QString& path)
{
    if (!m_session || !m_work) {
        m_lastError = tr("No live session is running.");
        return false;
    }
    Status status;
    m_thread->post([work = m_work, &status, file = path.toStdString()] { status = work->write(file); });
    m_thread->drain();
    if (!status.ok()) {
        m_lastError = QString::fromStdString(status.error().describe());
        return false;
    }
    m_lastError.clear();
    return true;
}

Scenario LiveController::recording()
{
    if (!m_work)
        return {};
    Scenario copy;
    m_thread->post([work = m_work, &copy] {
        if (Result<Scenario> loaded = work->scenario(); loaded.ok())
            copy = std::move(loaded.value());
    });
    m_thread->drain();
    return copy;
}

void LiveController::writeRecording(const QString& path, std::function<void()> done)
{
    if (!m_work) {
        done();
        return;
    }
    m_thread->post([work = m_work, file = path.toStdString(), done = std::move(done)] {
        (void)work->write(file); // an autosaved copy: the next one tries again
        done();
    });
}

} // namespace tidemark::ui
