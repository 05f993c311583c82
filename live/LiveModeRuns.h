// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/LiveSession.h"
#include "engine/exec/RunRecord.h"

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace tidemark::kafka {

/// How much of a live session the window shows in full detail. Older batches are summarised
/// (ForgottenBatches); the recording keeps everything.
struct LiveShownLimits {
    std::size_t batches = 300;      ///< the newest batches of each output mode
    std::size_t events = 100'000;   ///< ...fewer when they read more events than this (one batch at least)
    std::size_t resultRows = 10'000; ///< rows of the forgotten batches' result table kept (the newest)
};

/// The three output modes of a live session, run side by side as the messages arrive, keeping
/// only their newest batches: what the window shows while a session runs for an hour.
///
/// Why not recompute the recording, as an edited scenario is: that takes longer and more
/// memory with every message. Here each mode is a LiveSession that forgets what it has read,
/// its batches are kept (up to LiveShownLimits) with the events they read, and older batches
/// leave their state, result table and counts behind (ModeRun::forgotten). The batches shown
/// are the same, field for field, as those of a run over the whole recording.
///
/// Qt-free and single-threaded: the window calls it on a worker thread of its own.
class LiveModeRuns {
public:
    /// `prepared` is the scenario its live source prepared for recording (prepareLiveScenario,
    /// prepareLiveInputScenario), with no events of that source yet. A mode Spark rejects
    /// carries its error; if every mode is rejected, the first error comes back.
    static Result<std::unique_ptr<LiveModeRuns>> start(const Scenario& prepared, std::size_t source, LiveShownLimits limits = {},
                                                      OutputMode counted = OutputMode::Append);

    /// What one feed() ran, in the mode `counted` given to start() (data batches are the same
    /// in every mode; a no-data batch may not be).
    struct Fed {
        std::int64_t batches = 0;
        std::int64_t dataBatches = 0; ///< batches that read rows (a directory source then hands over its next files)
    };
    /// Appends the delivered messages, lets the clock reach `delivery.upTo` and runs the batches
    /// due, in every mode (as LiveSession::feed).
    Fed feed(const Delivery& delivery);

    /// What the window shows: a scenario holding the events the kept batches read (and those not
    /// read yet), and each mode's run over it. Copies only what is kept.
    struct Shown {
        std::shared_ptr<const Scenario> scenario;
        std::array<std::shared_ptr<const ModeRun>, 3> runs; ///< indexed by OutputMode
        std::int64_t forgottenEvents = 0; ///< live events no longer in `scenario`
    };
    Shown shown() const;

    /// Live events held now (the shown scenario's live source), for tests and the docs' bound.
    std::size_t heldEvents() const { return m_events.size(); }

private:
    struct Mode {
        OutputMode mode = OutputMode::Append;
        std::optional<Error> error;
        std::unique_ptr<LiveSession> session;
        std::shared_ptr<const QueryPlan> plan;
        std::deque<BatchRecord> kept; ///< event indices as encode() writes them
        std::size_t keptEvents = 0;   ///< events read by `kept`
        std::deque<TickRecord> ticks;
        ForgottenBatches forgotten;
        std::uint64_t floor = 0; ///< 1 + the newest live event a forgotten batch read (absolute)
    };

    LiveModeRuns() = default;
    /// A batch's event indices made independent of what the session forgets: a live event by its
    /// arrival number, any other by its index among the other sources' events (tagged).
    void encode(const Mode& mode, BatchRecord& batch) const;
    std::uint32_t encodeIndex(const Mode& mode, std::uint32_t global) const;
    /// And back, into the shown scenario; nullopt for a live event no longer shown.
    std::optional<std::uint32_t> decodeIndex(std::uint32_t encoded, std::uint64_t shownFrom, const Scenario& shown) const;
    void takeTicks(Mode& mode);
    void forgetOldest(Mode& mode);
    void trimEvents();

    LiveShownLimits m_limits;
    OutputMode m_counted = OutputMode::Append;
    std::size_t m_source = 0;
    Scenario m_base; ///< the prepared scenario, its live source without events
    std::array<Mode, 3> m_modes;
    std::vector<std::uint32_t> m_otherOffset; ///< per source: index of its first event among the other sources'
    std::deque<SourceEvent> m_events;         ///< live events from m_eventsFrom on
    std::uint64_t m_eventsFrom = 0;           ///< arrival number of m_events.front()
};

} // namespace tidemark::kafka
