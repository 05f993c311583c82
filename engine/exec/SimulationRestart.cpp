// SPDX-License-Identifier: GPL-3.0-or-later
// Simulation: the checkpoint's logs and the scenario's stops and restarts
// (MicroBatchExecution.populateStartOffsets, constructNextBatch and the commit log).
#include "engine/exec/Simulation.h"

#include "engine/ops/AggregateOperator.h"
#include "engine/ops/DedupOperator.h"
#include "engine/ops/JoinOperator.h"
#include "engine/ops/SessionOperator.h"
#include "engine/time/Checked.h"

#include <algorithm>

namespace tidemark {

/// A batch whose offsets are in the offset log but whose commit is not: what the restart
/// needs to run it again exactly (the same events, watermark and batch timestamp).
struct Simulation::UncommittedBatch {
    std::int64_t batchId = 0;
    bool noData = false;
    std::vector<std::vector<std::uint32_t>> events; ///< per source, local indices in read order
    OffsetLogEntry offsets;
    Millis lateFilterWatermarkMs = 0;
};

/// The operators' state before a batch that may crash: the state store's last committed version.
struct Simulation::OperatorSnapshot {
    Operators ops;
    Millis previousBatchWatermark = 0;
};

std::optional<std::int64_t> Simulation::maxEventsPerTrigger(std::size_t source) const
{
    const Scenario& sc = m_runScenario ? *m_runScenario : m_scenario;
    return sc.sources[source].maxEventsPerTrigger;
}

bool Simulation::restartPending() const { return !m_options.live && m_nextRestart < m_scenario.restarts.size(); }

bool Simulation::restartDue(Micros tick) const { return restartPending() && tick >= m_scenario.restarts[m_nextRestart].stopAt; }

bool Simulation::batchRunsBefore(Micros stop) const
{
    // The same decisions next() takes at the following ticks, without taking them.
    const Micros t = m_nextTick;
    if (m_finished || t >= stop)
        return false;
    if (m_lastRequiresAnother || hasArrived(t))
        return true;
    if (trigger().kind != TriggerPlan::Kind::ProcessingTime || !hasUnread())
        return false; // AvailableNow ends at the first trigger without a batch
    const Micros arrival = *nextArrivalAfter(t);
    const Micros interval = trigger().interval;
    if (interval <= 0)
        return arrival < stop;
    const Micros aligned = saturatingAdd(floorDiv(t, interval) * interval, interval);
    const Micros below = floorDiv(arrival, interval) * interval;
    const Micros atOrAfter = below == arrival ? arrival : saturatingAdd(below, interval);
    return std::max(aligned, atOrAfter) < stop;
}

BatchRecord Simulation::runAndLog(Micros triggerTime, bool readData, bool ignoreLimits)
{
    // A crash is planned in the last batch before the coming stop: keep the state it starts
    // from, which is what the state store holds as its last committed version.
    const bool mayCrash = restartPending() && m_scenario.restarts[m_nextRestart].crash
                          && triggerTime < m_scenario.restarts[m_nextRestart].stopAt;
    if (mayCrash) {
        m_snapshot = std::make_shared<OperatorSnapshot>();
        m_snapshot->ops = m_ops.copy(runPlan());
        m_snapshot->previousBatchWatermark = m_previousBatchWatermark;
    }
    BatchRecord rec = runBatch(triggerTime, readData, ignoreLimits);

    // constructNextBatch wrote the offset log entry before the batch ran.
    if (m_endOffsets.empty())
        m_endOffsets.assign(m_scenario.sources.size(), 0);
    std::vector<std::vector<std::uint32_t>> perSource(m_scenario.sources.size());
    for (const std::uint32_t g : rec.events) {
        const auto it = std::upper_bound(m_sourceOffset.begin(), m_sourceOffset.end(), g);
        const auto s = static_cast<std::size_t>(it - m_sourceOffset.begin()) - 1;
        perSource[s].push_back(g - m_sourceOffset[s]);
        ++m_endOffsets[s];
    }
    OffsetLogEntry& offsets = rec.checkpoint.offsets;
    offsets.batchId = rec.batchId;
    offsets.sourceOffsets = m_endOffsets;
    offsets.batchWatermarkMs = rec.watermarkMs;
    offsets.batchTimestampMs = microsToMillis(triggerTime);
    m_lastOffsets = offsets;
    if (m_restartBefore) {
        rec.restart = std::move(m_restartBefore);
        m_restartBefore.reset();
    }

    if (mayCrash && !batchRunsBefore(m_scenario.restarts[m_nextRestart].stopAt)) {
        // The process dies after the sink wrote the batch and before the commit log entry:
        // the state store never committed this version, and the batch runs again on restart.
        auto crashed = std::make_shared<UncommittedBatch>();
        crashed->batchId = rec.batchId;
        crashed->noData = rec.noData;
        crashed->events = std::move(perSource);
        crashed->offsets = offsets;
        crashed->lateFilterWatermarkMs = rec.lateFilterWatermarkMs;
        m_uncommitted = std::move(crashed);
        m_ops = std::move(m_snapshot->ops);
        m_previousBatchWatermark = m_snapshot->previousBatchWatermark;
        m_nextTick = std::max(m_nextTick, m_scenario.restarts[m_nextRestart].stopAt);
        m_finished = false; // a Once query that crashed has not finished: its restart runs the batch again
    } else {
        rec.checkpoint.commit = CommitLogEntry{rec.batchId, rec.nextWatermarkMs};
        if (runPlan().hasStatefulOperator())
            rec.checkpoint.stateVersion = rec.batchId + 1;
        m_lastCommit = rec.checkpoint.commit;
    }
    m_snapshot.reset();
    return rec;
}

void Simulation::restartFromCheckpoint()
{
    const RestartSpec& spec = m_scenario.restarts[m_nextRestart];
    RestartRecord r;
    r.index = m_nextRestart;
    r.stopAt = spec.stopAt;
    r.restartAt = spec.restartAt;
    r.crashed = m_uncommitted != nullptr;
    r.lastCommittedBatch = m_lastCommit ? m_lastCommit->batchId : -1;
    r.noDataBatchDropped = m_lastRequiresAnother && !m_uncommitted; // a crashed batch's wish dies with it
    r.queryChanged = !spec.changedKeys.empty();
    r.limitsChanged = !spec.maxEventsPerTrigger.empty();

    // The restarted query (analyze() checked every run, so this cannot fail here).
    if (m_restartedRuns.empty() && !m_scenario.restarts.empty()) {
        auto runs = planRestartedRuns(m_scenario, m_plan, m_plan.mode);
        if (runs)
            m_restartedRuns = std::move(runs.value());
    }
    if (m_nextRestart < m_restartedRuns.size()) {
        m_runPlan = &m_restartedRuns[m_nextRestart]->plan;
        m_runScenario = &m_restartedRuns[m_nextRestart]->scenario;
    }

    // populateStartOffsets: the latest offset log entry is the batch to run next when it has no
    // commit (same offsets, same batchWatermarkMs); otherwise the next batch id, with the
    // watermark of the last entry raised to its commit's nextBatchWatermarkMs (SPARK-24699).
    Millis watermark = 0;
    if (m_uncommitted) {
        r.uncommittedBatch = m_uncommitted->batchId;
        watermark = m_uncommitted->offsets.batchWatermarkMs;
        m_nextBatchId = m_uncommitted->batchId;
        m_previousBatchWatermark = m_uncommitted->lateFilterWatermarkMs;
    } else if (m_lastOffsets) {
        // The late-row watermark (3.4+) is the previous offset log entry's, not raised: runBatch
        // gives IncrementalExecution offsetLog.offsetSeqMetadataForBatchId(batchId - 1), and its
        // eventTimeWatermarkForLateEvents is that entry's batchWatermarkMs, which
        // m_previousBatchWatermark already holds.
        watermark = m_lastOffsets->batchWatermarkMs;
        if (m_lastCommit && m_lastCommit->batchId == m_lastOffsets->batchId)
            watermark = std::max(watermark, m_lastCommit->nextBatchWatermarkMs);
    }
    m_tracker.restore(watermark);
    r.restoredWatermarkMs = watermark;
    // A new IncrementalExecution: lastExecution is empty, so no no-data batch until data comes.
    m_lastRequiresAnother = false;
    m_finished = false;

    // The ticks of the old run end at the stop.
    while (!m_ticks.empty() && m_ticks.back().batchId < 0 && m_ticks.back().time >= spec.stopAt)
        m_ticks.pop_back();
    if (!m_ticks.empty() && m_ticks.back().batchId < 0 && m_ticks.back().step > 0) {
        TickRecord& last = m_ticks.back();
        const std::int64_t before = (spec.stopAt - last.time + last.step - 1) / last.step;
        last.count = std::min(last.count, before);
    }
    // The trigger starts over at the restart (ProcessingTimeExecutor runs its first trigger at once).
    m_nextTick = spec.restartAt;
    if (trigger().kind == TriggerPlan::Kind::AvailableNow) {
        // prepareForTriggerAvailableNow: this start's end offsets.
        for (size_t s = 0; s < m_queues.size(); ++s) {
            auto& q = m_queues[s];
            const auto& events = m_scenario.sources[s].events;
            q.availableNowEnd = static_cast<size_t>(
                std::upper_bound(q.order.begin(), q.order.end(), spec.restartAt, [&](Micros t, std::uint32_t i) { return t < events[i].at; })
                - q.order.begin());
        }
    }
    m_restartBefore = r;
    ++m_nextRestart;
}

BatchRecord Simulation::rerunUncommitted()
{
    // The batch runs with the offsets and metadata of its log entry, at the restart's first trigger.
    const std::shared_ptr<UncommittedBatch> batch = std::move(m_uncommitted);
    const Micros at = m_nextTick;
    m_replay = &batch->events;
    m_endOffsets = batch->offsets.sourceOffsets; // runAndLog counts the batch's events again
    for (size_t s = 0; s < batch->events.size(); ++s)
        m_endOffsets[s] -= static_cast<std::int64_t>(batch->events[s].size());
    BatchRecord rec = runAndLog(at, !batch->noData, true);
    m_replay = nullptr;
    rec.checkpoint.rerun = true;
    rec.checkpoint.offsets.batchTimestampMs = batch->offsets.batchTimestampMs; // restored from OffsetSeqMetadata
    m_lastOffsets = rec.checkpoint.offsets;
    return rec;
}

} // namespace tidemark
