// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/KafkaSource.h"
#include "live/SourceFault.h"
#include "engine/core/Error.h"
#include "engine/exec/Simulation.h"
#include "engine/plan/QueryPlan.h"
#include "engine/scenario/Scenario.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::kafka {

class RecordJournal;

/// The history a CLI live run keeps (`tidemark run --kafka/--socket/--directory`): the events
/// of the newest 100 batches. With --record the journal (recordTo) holds every event.
inline constexpr std::size_t kUnrecordedHistoryBatches = 100;

/// A scenario's query running live on delivered Kafka messages: the scenario being recorded,
/// its plan and the live Simulation, kept together because the Simulation refers to both.
///
/// Why one class: the CLI, the GUI and the tests must feed the engine the same way (append in
/// delivery order, notifyEventsAppended, advanceTo(upTo), next() until nullopt), or a live run
/// and the replay of its recording could differ. Qt-free; single-threaded.
class LiveSession {
public:
    /// Prepares `scenario` for recording (prepareLiveScenario: `source` becomes the Kafka source
    /// with `settings`, the trigger starts at `startAt`), analyses it (`mode` overrides the
    /// file's output mode) and creates the live Simulation. Query errors come back as Errors.
    static Result<std::unique_ptr<LiveSession>> start(Scenario scenario, std::size_t source, const KafkaSettings& settings, Micros startAt,
                                                      std::optional<OutputMode> mode = std::nullopt, SimulationOptions options = {});
    /// As start(), for a scenario its live source already prepared for recording (the socket and
    /// directory sources: prepareLiveInputScenario).
    static Result<std::unique_ptr<LiveSession>> startPrepared(Scenario scenario, std::size_t source, std::optional<OutputMode> mode = std::nullopt,
                                                              SimulationOptions options = {});

    /// Appends the messages, lets the clock reach `delivery.upTo`, and returns the batches that
    /// ran, in order.
    std::vector<BatchRecord> feed(const Delivery& delivery);

    const Scenario& scenario() const { return *m_scenario; }
    const QueryPlan& plan() const { return *m_plan; }
    /// Set when the scenario had `restarts`: they are not applied live (takeOutRestarts), and
    /// this says so, for the caller to show.
    const std::optional<std::string>& restartsNotice() const { return m_restartsNotice; }
    Simulation& simulation() { return *m_simulation; }
    std::size_t source() const { return m_source; }
    /// Number of batches run so far.
    std::int64_t batches() const { return m_batches; }

    /// Keeps a fault of the live source in the recording ("live": {"faults": [...]}), so a
    /// replay can show what happened and when.
    void addFault(const SourceFault& fault);
    /// A bounded history for runs that need not keep every message (nothing is recorded):
    /// the events of the newest `batches` batches and those not read yet stay in scenario(),
    /// older ones are forgotten (counted in forgottenEvents()), as are the ticks before them.
    /// The batches that run are the same either way; the event indices of the batches feed()
    /// returns hold until the next feed(). 0 (the default) keeps everything, which a recording
    /// needs: recording() holds only the events still kept.
    void setHistoryLimit(std::size_t batches) { m_historyLimit = batches; }
    /// Events of the live source forgotten so far (read by batches older than the limit).
    std::int64_t forgottenEvents() const { return m_forgotten; }

    /// Keeps the recording's full log on disk, in a journal beside `recordPath`
    /// (RecordJournal), so that a history limit may be set while recording: recording() and
    /// save() then stream every event from the journal, and write exactly what they write
    /// when every event is kept. Call it before the first feed(); the journal is removed with
    /// the session. A File error when the journal cannot be created.
    Status recordTo(const std::string& recordPath);
    /// Whether recordTo() is in effect.
    bool recordsToJournal() const { return m_journal != nullptr; }

    /// The recording so far, as scenario JSON (replays with `tidemark run`). With recordTo(),
    /// read back from the journal (empty if that fails; save() says why).
    std::string recording() const;
    /// Writes the recording atomically (a temporary file renamed over `path`): called every
    /// few seconds while recording, so a crash loses at most the messages since the last call.
    Status save(const std::string& path) const;

    /// Whether a recording can be written to `path`, checked before a session starts (so an
    /// hour of class is not lost to a typo): not a directory, and a file can be created beside
    /// it, as save() does. The Error names the path and the reason.
    static Status checkRecordPath(const std::string& path);

    ~LiveSession();
    LiveSession(const LiveSession&) = delete;
    LiveSession& operator=(const LiveSession&) = delete;

private:
    LiveSession();
    void forgetOldEvents();

    std::unique_ptr<Scenario> m_scenario;
    std::unique_ptr<QueryPlan> m_plan;
    std::optional<std::string> m_restartsNotice;
    std::unique_ptr<Simulation> m_simulation;
    std::size_t m_source = 0;
    std::int64_t m_batches = 0;
    std::size_t m_historyLimit = 0;
    std::int64_t m_forgotten = 0;
    /// After each of the newest batches: how many first events of the live source were done with.
    std::deque<std::size_t> m_doneAfterBatch;
    std::unique_ptr<RecordJournal> m_journal;
    Status m_journalError; ///< the first failed append, reported by save()
};

/// A fault as the recording keeps it (`source` is the live source's name), and back. Kinds are
/// written as identifiers ("brokerLost", "dataLoss", "offsetsMissed", ...).
RecordedFault toRecordedFault(const SourceFault& fault, const std::string& source);
std::optional<SourceFault> fromRecordedFault(const RecordedFault& fault);
const char* sourceFaultKindId(SourceFault::Kind kind);

} // namespace tidemark::kafka
