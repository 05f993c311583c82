// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/ArrivalOrder.h"
#include "engine/exec/RunControl.h"
#include "engine/exec/WatermarkTracker.h"
#include "engine/plan/QueryPlan.h"
#include "engine/plan/RestartedRuns.h"
#include "engine/record/BatchRecord.h"
#include "engine/scenario/Scenario.h"

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace tidemark {

class AggregateOperator;
class SessionOperator;
class DedupOperator;
class JoinOperator;
struct RowOutcome;

/// What a run records besides the sink output.
struct SimulationOptions {
    bool recordFates = true;               ///< a RowFate per input row (the GUI draws them)
    bool recordStateChanges = true;        ///< state puts/evictions per batch (state view, life of a group)
    bool materializeCompleteOutput = true; ///< complete mode: copy the whole result table into every batch
    /// Live input (a Kafka topic): sources grow while the query runs, the query never ends by
    /// itself, and time only moves up to the horizon set with advanceTo().
    bool live = false;
    /// Checked before every tick: once cancelled, next() throws RunCancelled. Also counts the
    /// events each batch reads. Shared so that another thread can hold it.
    std::shared_ptr<RunControl> control;
};

/// A static table through its input's stateless steps (no watermark on a static side): the
/// rows a stream-static join reads every batch, before the join's one-side conditions.
std::vector<Row> staticRows(const SourceSpec& src, const InputPlan& input);

/// Runs a query over a scenario's events on a simulated processing-time clock, one
/// micro-batch at a time, exactly as Spark's MicroBatchExecution would:
///
/// - Clock (ProcessingTimeExecutor): the first trigger fires at the start; after a trigger at
///   t the next fires at the next multiple of the interval after t, or when the batch ends if
///   it overran (`batchDuration`). A trigger runs a data batch when any source has events with
///   `at <= t` not yet read (up to maxEventsPerTrigger each), otherwise a no-data batch when
///   no-data batches are enabled and a stateful operator asks for one
///   (shouldRunAnotherBatch: the watermark advanced past the one the last batch ran with),
///   otherwise nothing runs and the tick is recorded as skipped (no batch id is used).
/// - The default trigger runs the next batch as soon as the previous one ends; Once runs one
///   batch over what has arrived at the start, ignoring rate limits, with no no-data batch;
///   AvailableNow reads what has arrived at the start, batch by batch within rate limits,
///   then runs the no-data batches needed and stops.
/// - The batch watermark is fixed when a batch is planned; rows are filtered with it (or, from
///   3.4, with the previous batch's) and state is evicted with it; the watermark computed from
///   the batch's rows is used from the next batch on.
///
/// The engine never reads a clock: time moves only through the scenario's `at` values.
class Simulation {
public:
    Simulation(const Scenario& scenario, const QueryPlan& plan, SimulationOptions options = {});
    ~Simulation();
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    /// Runs ticks until a batch executes and returns it; nullopt once the query has finished
    /// (every event read and no no-data batch pending, or the trigger stopped the query).
    std::optional<BatchRecord> next();

    /// Live mode: events were appended to the scenario's sources (each source's new events in
    /// arrival order, none earlier than what was already there). Call after every append.
    void notifyEventsAppended();
    /// Live mode: ticks up to `now` may run; next() returns nullopt when the next tick is later.
    void advanceTo(Micros now) { m_horizon = now; }

    /// Live mode, for a bounded history: how many of source `source`'s first events every batch
    /// so far has finished with (read, and first in arrival order), so they may be forgotten.
    /// 0 with a join: its state refers to the events it buffered.
    std::size_t forgettableEvents(std::size_t source) const;
    /// The caller erased the first `count` events of `source` (count <= forgettableEvents):
    /// indices shift down by `count`. Later batches number events in the shortened list.
    void forgetEvents(std::size_t source, std::size_t count);
    /// Keeps only the newest `keep` entries of ticks().
    void forgetTicks(std::size_t keep);

    /// This run as it stands (after the batches next() has returned so far), continuing over
    /// `scenario` analysed into `plan`. The engine is deterministic: when `scenario` differs
    /// from this run's only in events that arrive after the last batch's trigger (and in no
    /// static table), the batches so far would read the same rows in it, and the continuation
    /// runs exactly as a run of `scenario` from the start would from here on. The editor uses
    /// it to recompute from the first batch an edit can change. Ticks so far are not copied.
    std::unique_ptr<Simulation> continuedOver(const Scenario& scenario, const QueryPlan& plan, SimulationOptions options) const;

    /// Every tick so far: executed batches and runs of skipped ticks.
    const std::vector<TickRecord>& ticks() const { return m_ticks; }
    /// Fates of events never read, once next() has returned nullopt.
    std::vector<RowFate> unconsumedFates() const;
    /// Start of the simulated clock.
    Micros startTime() const { return m_start; }
    Millis currentWatermark() const { return m_tracker.globalWatermark(); }
    /// The result table of the stateful operator now (sorted output rows); of a chain's last one.
    std::vector<Row> stateRows() const;

    /// Global index of the first event of each source (events are numbered across sources
    /// in file order).
    const std::vector<std::uint32_t>& sourceOffsets() const { return m_sourceOffset; }

private:
    /// continuedOver's copy: `from`'s state (not its ticks), referring to `scenario` and `plan`.
    Simulation(const Simulation& from, const Scenario& scenario, const QueryPlan& plan, SimulationOptions options);

    struct SourceQueue {
        ArrivalOrder order;               ///< event indices in arrival order, shared with copies of this run
        std::size_t next = 0;             ///< first unread position in `order`
        std::size_t availableNowEnd = 0;  ///< AvailableNow: end of what had arrived at start
        /// Kafka sources only: events already read, by local index. A Kafka batch takes a
        /// prefix of each partition, which need not be a prefix of the arrival order.
        std::vector<std::uint8_t> taken;
    };
    struct FlowRow;
    /// One operator of `plan.chain` at run time.
    struct ChainOperator {
        const ChainStage* stage = nullptr;
        std::unique_ptr<AggregateOperator> aggregate;
        std::unique_ptr<DedupOperator> dedup;
        std::unique_ptr<JoinOperator> join; ///< a join whose left input is the output before it
        std::uint8_t op = 0; ///< StateChange::op
    };
    /// Every stateful operator of the query with its state, as one value: a resumed run and the
    /// crash rollback each copy it whole, so an operator added here is copied by both.
    struct Operators {
        std::unique_ptr<AggregateOperator> aggregate;
        std::unique_ptr<SessionOperator> session;
        std::unique_ptr<DedupOperator> dedup;
        std::unique_ptr<JoinOperator> join;
        std::vector<ChainOperator> chain; ///< the operators after the first (chains, or after a join), upstream first
        /// A deep copy, its chain stages pointing into `plan`'s chain.
        Operators copy(const QueryPlan& plan) const;
    };

    bool hasUnread() const;
    bool hasArrived(Micros t) const;
    std::optional<Micros> nextArrivalAfter(Micros t) const;
    bool firstBatchForced() const;
    std::vector<std::uint32_t> planKafkaSource(std::size_t s, std::size_t cap, Micros triggerTime, bool ignoreLimits);
    BatchRecord runBatch(Micros triggerTime, bool readData, bool ignoreLimits);
    void recordSkipped(Micros time, std::int64_t count, Micros step);
    /// Event `local` of `source`, read by the batch as a row of plan input `input`.
    void readInputRow(std::size_t source, std::uint32_t local, int input);
    void processRow(const Row& row, std::uint32_t event, std::uint16_t sub, int input, std::size_t stepIndex, FlowRow& flow);
    void toStateful(const Row& row, FlowRow& flow);
    void toJoin(int side, const Row& row, FlowRow& flow);
    /// The chain stage whose join reads input `input` as its right side, if any.
    std::optional<std::size_t> chainJoinStage(int input) const;
    /// A row of a chain join's right input, after the input's steps.
    void toChainJoin(std::size_t stage, int input, const Row& row, FlowRow& flow);
    /// A row's fate so far: its event, batch, event time and the late-row watermark.
    RowFate fateOf(const FlowRow& flow) const;
    /// The fate of a join's input row (of plan input `input`) from what the join did with it.
    RowFate joinInputFate(const FlowRow& flow, const RowOutcome& outcome, int input) const;
    void emitJoined(std::vector<Row>& rows);
    /// A row output by the operator before chain stage `stage` (or by the last one: the sink).
    /// `fate` is the input row's, when the row is still one input row (after a dedup).
    void toChain(std::size_t stage, std::size_t stepIndex, const Row& row, RowFate* fate);
    /// Finishes the chain's operators upstream first, each one's output flowing into the next.
    void finishChain(std::vector<OperatorProgress>& downstreamFirst);
    bool requiresAnotherBatch(Millis newWatermark) const;

    // Stops and restarts from the checkpoint (the scenario's `restarts`; SimulationRestart.cpp).
    struct UncommittedBatch;
    struct OperatorSnapshot;
    /// The query of the current run: the one the scenario starts with, or a restart's.
    const QueryPlan& runPlan() const { return m_runPlan ? *m_runPlan : m_plan; }
    const TriggerPlan& trigger() const { return runPlan().trigger; }
    std::optional<std::int64_t> maxEventsPerTrigger(std::size_t source) const;
    bool restartPending() const;
    bool restartDue(Micros tick) const;
    void restartFromCheckpoint();
    /// After a batch: whether the query would start another one before `stop`.
    bool batchRunsBefore(Micros stop) const;
    /// runBatch, then the batch's offset and commit log entries (or its crash before the commit).
    BatchRecord runAndLog(Micros triggerTime, bool readData, bool ignoreLimits);
    BatchRecord rerunUncommitted();

    const Scenario& m_scenario;
    const QueryPlan& m_plan;
    SimulationOptions m_options;
    WatermarkTracker m_tracker;
    Operators m_ops;
    std::vector<SourceQueue> m_queues;
    std::vector<std::uint32_t> m_sourceOffset;
    std::vector<TickRecord> m_ticks;
    std::vector<std::optional<Millis>> m_nodeMaxSeen; ///< per watermark node, for "late but accepted"
    Micros m_start = 0;
    Micros m_nextTick = 0;
    std::int64_t m_nextBatchId = 0;
    Millis m_previousBatchWatermark = 0;
    bool m_lastRequiresAnother = false;
    bool m_finished = false;
    // per-batch scratch
    BatchRecord* m_batch = nullptr;
    Millis m_lateWm = 0;
    /// Per input: the events a chain join reads as its right side in this batch, run after its
    /// left input is complete (StreamingSymmetricHashJoinExec reads the left side first).
    std::vector<std::vector<std::uint32_t>> m_deferred;
    std::vector<Millis> m_stageLateWm; ///< per chain stage: the watermark its late rows are judged by
    std::vector<int> m_inputJoinStage; ///< per plan input: the chain stage whose join reads it, or -1
    Micros m_horizon = std::numeric_limits<Micros>::min();
    // checkpoint and restarts
    std::size_t m_nextRestart = 0;
    std::vector<std::shared_ptr<const RestartedRun>> m_restartedRuns;
    const QueryPlan* m_runPlan = nullptr;    ///< nullptr: m_plan
    const Scenario* m_runScenario = nullptr; ///< the current run's rate limits (nullptr: m_scenario)
    std::vector<std::int64_t> m_endOffsets;  ///< per source: the latest offset log entry's offsets
    std::optional<OffsetLogEntry> m_lastOffsets;
    std::optional<CommitLogEntry> m_lastCommit;
    std::shared_ptr<UncommittedBatch> m_uncommitted; // shared: complete only in SimulationRestart.cpp
    std::shared_ptr<OperatorSnapshot> m_snapshot;
    std::optional<RestartRecord> m_restartBefore;
    const std::vector<std::vector<std::uint32_t>>* m_replay = nullptr;
};

} // namespace tidemark
