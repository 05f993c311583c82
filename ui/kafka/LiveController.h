// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/LiveModeRuns.h"
#include "live/LiveSession.h"
#include "live/RecordJournal.h"
#include "ui/compute/SerialThread.h"
#include "ui/kafka/KafkaBridge.h"
#include "ui/plot/Outage.h"
#include "ui/kafka/LiveInputSettings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace tidemark::kafka {
class KafkaPanel;
}

namespace tidemark::ui {

class BatchCursor;
class RecomputeService;
struct Snapshot;
class ScenarioDocument;

/// Runs a live Kafka session in the main window, so that every view works live.
///
/// Why a class of its own: the window only composes pages that show a document and a snapshot;
/// this turns a topic into both. On Connect it gives the bridge the live source's schema; once
/// the source is connected it starts a LiveSession on the scenario (it decides the batches on
/// the UI thread and forgets what it has read), and hands every delivery to a thread of the
/// session's own, which records every message (a journal on disk) and runs the three output modes as
/// the messages come (LiveModeRuns). What the window shows (ScenarioDocument::showLive: no
/// undo step, edits off) is made there too: the newest batches with the events they read, up
/// to LiveShownLimits, older ones summarised, so an hour of messages takes no more memory
/// or time per redraw than a minute. A new view is published only when the previous one has
/// been drawn, at most every 33 ms and less often when the views take long to redraw. The
/// cursor follows the newest batch unless the user steps back. Disconnect keeps the whole
/// recording as an ordinary scenario, one undo step away from the scenario before.
class LiveController : public QObject
{
    Q_OBJECT
public:
    LiveController(ScenarioDocument* document, RecomputeService* compute, BatchCursor* cursor, QObject* parent = nullptr);
    ~LiveController() override;

    kafka::KafkaBridge* bridge() const { return m_bridge; }
    /// Routes the panel's Connect through here; its fields follow each opened scenario.
    void attachPanel(kafka::KafkaPanel* panel);

    /// A session is running (from the first connection until Disconnect).
    bool isLive() const { return m_session != nullptr; }
    /// Messages of the running (or last) session handed to the recording.
    std::int64_t received() const { return m_received; }
    /// Batches the running (or last) session has run, in the scenario's output mode.
    std::int64_t batches() const { return m_batches; }
    /// The running session's recording so far (waits for the session's thread): every message.
    Scenario recording();
    /// What the running (or last) session reads.
    const KafkaSettings& settings() const { return m_settings; }
    /// Writes the session so far as a scenario file, atomically; false with lastError().
    bool saveSessionTo(const QString& path);
    /// The same without waiting, for the autosaved copy: written on the session's thread,
    /// then `done` is called there (at once when no session runs).
    void writeRecording(const QString& path, std::function<void()> done);
    /// How much of a session the window shows in full (the next session on): the newest batches.
    void setShownLimits(const kafka::LiveShownLimits& limits) { m_limits = limits; }
    /// Live events the window no longer shows (read by batches older than the newest shown).
    std::int64_t forgottenEvents() const { return m_shownForgotten; }
    const QString& lastError() const { return m_lastError; }
    /// When the broker was away during this session (from each BrokerLost fault to the next
    /// BrokerBack), on the processing-time axis. Kept after Disconnect with the recording,
    /// until the next Connect or another scenario.
    const std::vector<Outage>& outages() const { return m_outages; }

    /// How long the window took to show the last snapshot (all pages). Big sessions are then
    /// published less often, so that redrawing takes at most about an eighth of the UI thread.
    void setViewCost(double ms) { m_viewCostMs = ms; }

    /// Where the panel starts for `scenario`: its first Kafka-format source's `kafka` block,
    /// else localhost:9092 and the topic events.
    static KafkaSettings defaultSettings(const Scenario& scenario);

    /// Runs the scenario's query live on a socket or a directory instead of a topic; the
    /// Kafka panel shows its status, counters and malformed lines, and Disconnect ends it.
    void startInput(const LiveInputSettings& input);
    /// What the running session reads when it is not a topic.
    const std::optional<LiveInputSettings>& input() const { return m_input; }

public slots:
    /// Disconnects. What arrived stays as an ordinary, unsaved scenario (one undo step).
    void stop();

    /// What the status bar says when the scenario's restarts are left out of a live session.
    static QString restartsNotAppliedText(int restarts);

signals:
    /// The cursor is on the newest batch and moved with it: keep the whole session in view.
    void followingNewest();
    /// A line for the status bar.
    void message(const QString& text, int timeoutMs);
    /// outages() changed.
    void outagesChanged();

private:
    /// What grows with the session, owned by its thread (m_thread) once the session starts.
    struct LiveWork {
        /// The recording: the prepared scenario and its faults, and the live source's events,
        /// which with a journal are on disk (every message: the full log) and not here.
        Scenario recording;
        std::unique_ptr<kafka::RecordJournal> journal; ///< null: every event stays in `recording`
        std::string journalError;                      ///< the first failed append, if any
        std::unique_ptr<kafka::LiveModeRuns> runs;
        std::size_t source = 0;

        /// The whole recording, read back from the journal (or a copy), or written atomically.
        Result<Scenario> scenario();
        Status write(const std::string& path);
    };

    /// What every new live session starts with (Kafka, socket or directory): the running one
    /// ended, the scenario's live source found (false, and refused, when it has none), the fault
    /// history and outages cleared.
    bool beginSession();
    void onConnectRequested(const KafkaSettings& settings);
    void onDelivery(const kafka::SharedKafkaBatch& batch);
    /// The session's thread has run a delivery (of `generation`'s session).
    void onFed(const kafka::LiveModeRuns::Fed& fed, std::uint64_t generation);
    /// Hands a delivery to the session's thread.
    void post(kafka::SharedKafkaBatch batch);
    void onStopped();
    void onSnapshot();
    void onDocumentReset();
    void beginIfReady();
    void schedulePublish();
    void publish();
    void showBuilt(std::shared_ptr<Snapshot> snapshot, std::int64_t forgotten, Micros horizon, std::uint64_t generation);
    void finish();
    static kafka::LiveModeRuns::Fed feedWork(LiveWork& work, const kafka::Delivery& delivery);
    void refuse(const QString& why);
    /// Follows the source's faults: outages, and Spark's error when the query stopped.
    void onStats();
    void setOutages(std::vector<Outage> outages);
    static QString inputName(const LiveInputSettings& input);
    void reportDataBatches(std::int64_t dataBatches);
    Result<std::unique_ptr<kafka::LiveSession>> startInputSession(SimulationOptions options);

    ScenarioDocument* m_document;
    RecomputeService* m_compute;
    BatchCursor* m_cursor;
    kafka::KafkaBridge* m_bridge;
    kafka::KafkaPanel* m_panel = nullptr;

    // From Connect until the session starts.
    std::shared_ptr<const Scenario> m_base; ///< the scenario at Connect: its query runs live
    std::size_t m_source = 0;
    KafkaSettings m_settings;
    std::optional<LiveInputSettings> m_input; ///< set: a socket or directory session, not a topic
    std::optional<Micros> m_startAt;
    kafka::Delivery m_early; ///< deliveries before the source connected

    // While live.
    /// The session as started: its query analysed, its scenario prepared for recording. The
    /// messages themselves go to the session's thread (m_work); this one is never fed.
    std::unique_ptr<kafka::LiveSession> m_session;
    std::shared_ptr<LiveWork> m_work;
    kafka::LiveShownLimits m_limits;
    std::shared_ptr<const Scenario> m_before; ///< the document before the session: what undo returns to
    std::size_t m_shownEvents = 0;            ///< live source events the document shows
    std::int64_t m_shownForgotten = 0;        ///< live events before them, no longer shown
    std::int64_t m_received = 0;              ///< messages handed to the recording
    std::int64_t m_batches = 0;               ///< batches run, as the session's thread reported them
    Micros m_horizon = 0;
    bool m_dirty = false;
    bool m_follow = true;
    double m_viewCostMs = 0;
    QElapsedTimer m_lastPublish;
    QTimer m_publishTimer;
    /// The session's thread: the recording, the runs, the views' snapshots. Declared last but one
    /// so it stops before the members its tasks post back to.
    std::unique_ptr<SerialThread> m_thread;
    bool m_building = false; ///< a snapshot is being made (one at a time)
    std::uint64_t m_generation = 0; ///< a new session (or none): what a builder still makes is dropped
    QString m_lastError;
    std::vector<Outage> m_outages;
    std::int64_t m_faultsSeen = 0;
    bool m_failureTold = false;
};

} // namespace tidemark::ui
