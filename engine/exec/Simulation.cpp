// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/Simulation.h"

#include "engine/ops/AggregateOperator.h"
#include "engine/ops/DedupOperator.h"
#include "engine/ops/JoinOperator.h"
#include "engine/ops/SessionOperator.h"
#include "engine/plan/JoinOutputWatermark.h"
#include "engine/time/Checked.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>

namespace tidemark {

namespace {

std::vector<Millis> watermarkDelays(const QueryPlan& plan)
{
    std::vector<Millis> delays(static_cast<size_t>(plan.numWatermarkNodes), 0);
    auto collect = [&](const std::vector<Step>& steps) {
        for (const Step& s : steps)
            if (s.kind == Step::Kind::Watermark)
                delays[static_cast<size_t>(s.watermarkNode)] = s.delayMs;
    };
    for (const auto& in : plan.inputs)
        collect(in.steps);
    collect(plan.steps);
    return delays;
}

/// KafkaMicroBatchStream.rateLimit (Spark 3.x): splits `limit` offsets across partitions in
/// proportion to each one's backlog [begin, end); a share below one is rounded up ("don't
/// completely starve small topicpartitions"), so a batch can exceed the limit. Returns the
/// new end offset of each partition.
std::vector<std::int64_t> kafkaRateLimit(std::int64_t limit, const std::vector<std::pair<std::int64_t, std::int64_t>>& ranges)
{
    double total = 0;
    for (const auto& [begin, end] : ranges)
        if (end > begin)
            total += static_cast<double>(end - begin);
    std::vector<std::int64_t> until;
    for (const auto& [begin, end] : ranges) {
        if (total < 1 || end <= begin) {
            until.push_back(end);
            continue;
        }
        const double prorate = static_cast<double>(limit) * (static_cast<double>(end - begin) / total);
        const auto share = static_cast<std::int64_t>(prorate < 1 ? std::ceil(prorate) : std::floor(prorate));
        until.push_back(std::min(end, begin + share));
    }
    return until;
}

/// The first multiple of `interval` after `t`; the largest instant when it lies past it (a
/// trigger interval of thousands of years: the next tick never comes).
Micros nextMultipleAfter(Micros t, Micros interval) { return saturatingAdd(floorDiv(t, interval) * interval, interval); }

/// The context of chain stage `stage`: every operator of a chain reads the same input watermark
/// (aggregations and deduplication output theirs unchanged, StateStoreWriter.produceOutputWatermark),
/// except after a stream-stream join (3.5+), which passes on its output watermark.
BatchContext chainContext(const QueryPlan& plan, std::size_t stage, BatchContext ctx)
{
    ctx.lateWatermarkMs = chainInputWatermarkMs(plan, stage, ctx.lateWatermarkMs);
    ctx.evictionWatermarkMs = chainInputWatermarkMs(plan, stage, ctx.evictionWatermarkMs);
    return ctx;
}

/// The first multiple of `interval` at or after `t`, saturating like nextMultipleAfter.
Micros firstMultipleAtOrAfter(Micros t, Micros interval)
{
    const Micros below = floorDiv(t, interval) * interval;
    return below == t ? t : saturatingAdd(below, interval);
}

} // namespace

/// Rows between two looks at the RunControl inside a batch.
constexpr std::int64_t kRowsPerControlCheck = 4096;

/// Fate bookkeeping that travels with a row through the stateless steps.
struct Simulation::FlowRow {
    std::uint32_t event = 0;
    std::uint16_t sub = 0;
    bool hasEventTime = false;
    Micros eventTime = 0;
    bool hasMaxBefore = false;
    Micros maxBefore = 0;
    bool sawWatermark = false;
    bool joinOutput = false; ///< a row the join produced, on its way to the sink
};

namespace {

/// A Project step on one row: calls emit(row, i) for each output row; with an explode(),
/// once per array element (none for a null or empty array). Returns how many rows came out.
template <typename Emit>
std::size_t project(const Step& step, const Row& row, Emit&& emit)
{
    Row out(step.exprs.size());
    for (size_t i = 0; i < step.exprs.size(); ++i)
        if (!step.generator || i != *step.generator)
            out[i] = step.exprs[i].eval(row);
    if (!step.generator) {
        emit(out, 0);
        return 1;
    }
    const Value array = step.exprs[*step.generator].eval(row);
    if (array.isNull())
        return 0;
    const auto& items = array.asList();
    for (size_t i = 0; i < items.size(); ++i) {
        out[*step.generator] = items[i];
        emit(out, i);
    }
    return items.size();
}

} // namespace

std::vector<Row> staticRows(const SourceSpec& src, const InputPlan& input)
{
    std::vector<Row> rows = src.staticRows;
    for (const Step& step : input.steps) {
        std::vector<Row> next;
        for (const Row& r : rows) {
            if (step.kind == Step::Kind::Filter) {
                if (step.predicate.test(r))
                    next.push_back(r);
            } else if (step.kind == Step::Kind::Project) {
                project(step, r, [&](const Row& out, size_t) { next.push_back(out); });
            } else {
                next.push_back(r);
            }
        }
        rows = std::move(next);
    }
    return rows;
}

Simulation::Simulation(const Scenario& scenario, const QueryPlan& plan, SimulationOptions options)
    : m_scenario(scenario)
    , m_plan(plan)
    , m_options(options)
    , m_tracker(plan.numWatermarkNodes, watermarkDelays(plan), plan.maxWatermarkPolicy)
    , m_nodeMaxSeen(static_cast<size_t>(plan.numWatermarkNodes))
{
    if (plan.aggregate) {
        if (plan.aggregate->windowKind == AggregatePlan::WindowKind::Session)
            m_ops.session = std::make_unique<SessionOperator>(*plan.aggregate, plan.version, plan.mode);
        else
            m_ops.aggregate = std::make_unique<AggregateOperator>(*plan.aggregate, plan.version, plan.mode);
    }
    if (plan.dedup)
        m_ops.dedup = std::make_unique<DedupOperator>(*plan.dedup, plan.streamSchema);
    if (plan.join) {
        std::vector<Row> statics[2];
        for (int side = 0; side < 2; ++side) {
            const InputPlan& in = plan.inputs[static_cast<size_t>(side)];
            if (scenario.sources[in.source].isStatic)
                statics[side] = staticRows(scenario.sources[in.source], in);
        }
        m_ops.join = std::make_unique<JoinOperator>(*plan.join, plan.version, std::move(statics[0]), std::move(statics[1]));
    }
    // A chain (3.4+): one operator object per stage, numbered after the first operators.
    std::uint8_t op = plan.firstChainOperator();
    for (const ChainStage& stage : plan.chain) {
        ChainOperator c;
        c.stage = &stage;
        if (stage.aggregate)
            c.aggregate = std::make_unique<AggregateOperator>(*stage.aggregate, plan.version, plan.mode);
        if (stage.dedup)
            c.dedup = std::make_unique<DedupOperator>(*stage.dedup, stage.input);
        c.op = stage.isStateful() ? op++ : op; // a stage of steps only: the operator its rows go to next
        if (stage.join) {
            const InputPlan& in = plan.inputs[stage.joinInput];
            std::vector<Row> right;
            if (scenario.sources[in.source].isStatic)
                right = staticRows(scenario.sources[in.source], in);
            c.join = std::make_unique<JoinOperator>(*stage.join, plan.version, std::vector<Row>{}, std::move(right));
            c.join->setOperatorIndex(c.op);
        }
        m_ops.chain.push_back(std::move(c));
    }

    std::uint32_t offset = 0;
    std::optional<Micros> earliest;
    for (const auto& src : scenario.sources) {
        m_sourceOffset.push_back(offset);
        offset += static_cast<std::uint32_t>(src.events.size());
        SourceQueue q;
        q.order = ArrivalOrder::of(src.events);
        if (!q.order.empty()) // the first to arrive; not another pass over millions of events
            earliest = earliest ? std::min(*earliest, src.events[q.order.front()].at) : src.events[q.order.front()].at;
        if (src.format == SourceFormat::Kafka)
            q.taken.assign(src.events.size(), 0);
        m_queues.push_back(std::move(q));
    }
    // startAt defaults to the earliest arrival rounded down to the trigger interval.
    if (plan.trigger.startAt) {
        m_start = *plan.trigger.startAt;
    } else if (earliest) {
        const Micros interval = plan.trigger.kind == TriggerPlan::Kind::ProcessingTime ? plan.trigger.interval : 0;
        if (interval <= 0) {
            m_start = *earliest;
        } else {
            // Rounded up instead where rounding down would pass the first instant a time can hold.
            const std::int64_t ticks = floorDiv(*earliest, interval);
            m_start = checkedMul(ticks, interval).value_or((ticks + 1) * interval);
        }
    } else if (scenario.date) {
        m_start = scenario.zone.fromLocal(daysFromCivil(scenario.date->year, scenario.date->month, scenario.date->day) * kMicrosPerDay);
    }
    m_nextTick = m_start;
    if (plan.trigger.kind == TriggerPlan::Kind::AvailableNow) {
        // prepareForTriggerAvailableNow: the end offsets are fixed when the query starts.
        for (size_t s = 0; s < m_queues.size(); ++s) {
            auto& q = m_queues[s];
            const auto& events = scenario.sources[s].events;
            q.availableNowEnd = static_cast<size_t>(
                std::upper_bound(q.order.begin(), q.order.end(), m_start, [&](Micros t, std::uint32_t i) { return t < events[i].at; })
                - q.order.begin());
        }
    }
}

Simulation::~Simulation() = default;

bool Simulation::hasUnread() const
{
    for (size_t s = 0; s < m_queues.size(); ++s)
        if (!m_scenario.sources[s].isStatic && m_queues[s].next < m_queues[s].order.size())
            return true;
    return false;
}

bool Simulation::hasArrived(Micros t) const
{
    for (size_t s = 0; s < m_queues.size(); ++s) {
        const auto& q = m_queues[s];
        if (m_scenario.sources[s].isStatic || q.next >= q.order.size())
            continue;
        if (trigger().kind == TriggerPlan::Kind::AvailableNow && q.next >= q.availableNowEnd)
            continue;
        if (m_scenario.sources[s].events[q.order[q.next]].at <= t)
            return true;
    }
    return false;
}

std::optional<Micros> Simulation::nextArrivalAfter(Micros t) const
{
    std::optional<Micros> best;
    for (size_t s = 0; s < m_queues.size(); ++s) {
        const auto& q = m_queues[s];
        if (m_scenario.sources[s].isStatic || q.next >= q.order.size())
            continue;
        const Micros at = std::max(m_scenario.sources[s].events[q.order[q.next]].at, t);
        best = best ? std::min(*best, at) : at;
    }
    return best;
}

bool Simulation::firstBatchForced() const
{
    // Spark's Kafka source reports its end offsets at start, so with no committed offsets the
    // first trigger always constructs batch 0, even for an empty topic.
    if (m_nextBatchId != 0)
        return false;
    return std::any_of(m_scenario.sources.begin(), m_scenario.sources.end(), [](const SourceSpec& s) { return s.format == SourceFormat::Kafka; });
}

void Simulation::recordSkipped(Micros time, std::int64_t count, Micros step)
{
    if (count <= 0)
        return;
    if (!m_ticks.empty()) {
        TickRecord& last = m_ticks.back();
        if (last.batchId < 0 && last.step == step && last.time + last.count * step == time) {
            last.count += count;
            return;
        }
    }
    m_ticks.push_back(TickRecord{time, -1, count, step});
}

bool Simulation::requiresAnotherBatch(Millis newWatermark) const
{
    if (!m_plan.noDataBatches)
        return false;
    bool any = false;
    if (m_ops.aggregate)
        any = any || m_ops.aggregate->shouldRunAnotherBatch(newWatermark);
    if (m_ops.session)
        any = any || m_ops.session->shouldRunAnotherBatch(newWatermark);
    if (m_ops.dedup)
        any = any || m_ops.dedup->shouldRunAnotherBatch(newWatermark);
    if (m_ops.join)
        any = any || m_ops.join->shouldRunAnotherBatch(newWatermark);
    // IncrementalExecution.shouldRunAnotherBatch asks each operator with its own next input watermark.
    for (std::size_t k = 0; k < m_ops.chain.size(); ++k) {
        const ChainOperator& c = m_ops.chain[k];
        const Millis chainWatermark = chainInputWatermarkMs(runPlan(), k, newWatermark);
        if (c.aggregate)
            any = any || c.aggregate->shouldRunAnotherBatch(chainWatermark);
        if (c.dedup)
            any = any || c.dedup->shouldRunAnotherBatch(chainWatermark);
        if (c.join)
            any = any || c.join->shouldRunAnotherBatch(chainWatermark);
    }
    return any;
}

void Simulation::notifyEventsAppended()
{
    for (size_t s = 0; s < m_queues.size(); ++s) {
        auto& q = m_queues[s];
        const auto n = static_cast<std::uint32_t>(m_scenario.sources[s].events.size());
        q.order.appendUpTo(n);
        if (m_scenario.sources[s].format == SourceFormat::Kafka)
            q.taken.resize(n, 0);
    }
    std::uint32_t offset = 0;
    for (size_t s = 0; s < m_scenario.sources.size(); ++s) {
        m_sourceOffset[s] = offset;
        offset += static_cast<std::uint32_t>(m_scenario.sources[s].events.size());
    }
}

std::size_t Simulation::forgettableEvents(std::size_t source) const
{
    if (m_ops.join || source >= m_queues.size())
        return 0;
    // Positions before `next` are read (a Kafka source's `taken` agrees); the prefix must also
    // be the events' own first indices, so that erasing them shifts every index by the same amount.
    const SourceQueue& q = m_queues[source];
    std::size_t k = 0;
    while (k < q.next && q.order[k] == k)
        ++k;
    return k;
}

void Simulation::forgetEvents(std::size_t source, std::size_t count)
{
    if (count == 0)
        return;
    SourceQueue& q = m_queues[source];
    q.order.dropFirst(count);
    q.next -= count;
    q.availableNowEnd = q.availableNowEnd > count ? q.availableNowEnd - count : 0;
    if (!q.taken.empty())
        q.taken.erase(q.taken.begin(), q.taken.begin() + static_cast<std::ptrdiff_t>(count));
    notifyEventsAppended(); // the sources' global offsets
}

void Simulation::forgetTicks(std::size_t keep)
{
    if (m_ticks.size() > keep)
        m_ticks.erase(m_ticks.begin(), m_ticks.end() - static_cast<std::ptrdiff_t>(keep));
}

std::optional<BatchRecord> Simulation::next()
{
    using Kind = TriggerPlan::Kind;
    while (!m_finished || restartPending()) {
        if (m_options.control && m_options.control->isCancelled())
            throw RunCancelled();
        // A stopped query (by the scenario, or because its trigger ended it) starts again
        // from its checkpoint; the batch it planned but never committed runs first.
        if (m_finished || restartDue(m_nextTick)) {
            restartFromCheckpoint();
            continue;
        }
        if (m_uncommitted)
            return rerunUncommitted();
        const Micros t = m_nextTick;
        if (m_options.live && t > m_horizon)
            return std::nullopt; // the real clock has not reached the next tick yet
        const Micros interval = trigger().interval;
        switch (trigger().kind) {
        case Kind::Once: {
            m_finished = true;
            if (firstBatchForced() || hasArrived(t))
                return runAndLog(t, true, /*ignoreLimits=*/true); // Trigger.Once ignores read limits
            recordSkipped(t, 1, 0);
            continue; // the query stops (a restart may start it again)
        }
        case Kind::AvailableNow: {
            if (firstBatchForced() || hasArrived(t))
                return runAndLog(t, true, false);
            if (m_lastRequiresAnother)
                return runAndLog(t, false, false);
            // The first trigger that constructs no batch ends an AvailableNow query.
            m_finished = true;
            continue;
        }
        case Kind::ProcessingTime: break;
        }
        if (firstBatchForced() || hasArrived(t))
            return runAndLog(t, true, false);
        if (m_lastRequiresAnother)
            return runAndLog(t, false, false);
        if (!hasUnread() && !m_options.live) {
            m_finished = true;
            continue;
        }
        // Live: nothing known yet beyond the horizon, so the next arrival is at the horizon at the earliest.
        const Micros arrival = hasUnread() ? *nextArrivalAfter(t) : saturatingAdd(std::max(t, m_horizon), interval > 0 ? 0 : 1);
        if (interval <= 0) {
            // Spark's default trigger polls every 10 ms while idle; the simulation jumps to the
            // next arrival instead of recording the polls.
            m_nextTick = arrival;
            continue;
        }
        // Nothing to do at t: skip ticks until the first one at or after the next arrival.
        // After t, ticks come at absolute multiples of the interval.
        const Micros aligned = nextMultipleAfter(t, interval);
        const Micros target = std::max(aligned, firstMultipleAtOrAfter(arrival, interval));
        recordSkipped(t, 1, interval);
        recordSkipped(aligned, (target - aligned) / interval, interval);
        m_nextTick = target;
    }
    return std::nullopt;
}

BatchRecord Simulation::runBatch(Micros triggerTime, bool readData, bool ignoreLimits)
{
    BatchRecord rec;
    m_batch = &rec;
    rec.batchId = m_nextBatchId++;
    rec.triggerTime = triggerTime;
    rec.noData = !readData;
    rec.hasWatermark = m_plan.numWatermarkNodes > 0;
    const Millis evictionWm = m_tracker.globalWatermark();
    m_lateWm = m_plan.lateFilterUsesPreviousWatermark ? m_previousBatchWatermark : evictionWm;
    rec.watermarkMs = evictionWm;
    rec.lateFilterWatermarkMs = m_lateWm;

    BatchContext ctx;
    ctx.batchId = rec.batchId;
    ctx.lateWatermarkMs = m_lateWm;
    ctx.evictionWatermarkMs = evictionWm;
    ctx.materializeCompleteOutput = m_options.materializeCompleteOutput || !m_ops.chain.empty(); // a chain reads every output row
    ctx.recordStateChanges = m_options.recordStateChanges;
    if (m_ops.dedup)
        m_ops.dedup->beginBatch(ctx);
    if (m_ops.aggregate)
        m_ops.aggregate->beginBatch(ctx);
    if (m_ops.session)
        m_ops.session->beginBatch(ctx);
    if (m_ops.join)
        m_ops.join->beginBatch(ctx, &rec);
    // Every operator of a chain gets the same input watermark: PropagateWatermarkSimulator gives
    // each the min of its children's output watermarks, and aggregations and deduplication
    // output their input watermark unchanged (StateStoreWriter.produceOutputWatermark). Late
    // rows are judged with the previous batch's (getInputWatermarkForLateEvents), or with the
    // current one under allowMultiple=false (UseSingleWatermarkPropagator): m_lateWm either way.
    // After a stream-stream join (3.5+), the operators read the join's output watermark
    // instead (produceOutputWatermark), for late rows from the previous batch's input watermark.
    // A join in the chain passes on its own output watermark the same way.
    m_stageLateWm.assign(m_ops.chain.size(), 0);
    for (std::size_t k = 0; k < m_ops.chain.size(); ++k) {
        ChainOperator& c = m_ops.chain[k];
        const BatchContext chainCtx = chainContext(runPlan(), k, ctx);
        m_stageLateWm[k] = chainCtx.lateWatermarkMs;
        if (c.aggregate)
            c.aggregate->beginBatch(chainCtx);
        if (c.dedup)
            c.dedup->beginBatch(chainCtx);
        if (c.join)
            c.join->beginBatch(chainCtx, &rec);
    }
    m_deferred.assign(runPlan().inputs.size(), {});
    // Which inputs a chain join reads (looked up per row, so once per batch here).
    m_inputJoinStage.assign(runPlan().inputs.size(), -1);
    for (std::size_t k = 0; k < runPlan().chain.size(); ++k)
        if (runPlan().chain[k].join && runPlan().chain[k].joinInput < m_inputJoinStage.size())
            m_inputJoinStage[runPlan().chain[k].joinInput] = static_cast<int>(k);
    m_tracker.beginBatch();

    if (readData) {
        // Plan the batch: per source, the arrived unread events (within maxEventsPerTrigger).
        // The batch of each source as local event indices, in the order the batch reads them.
        std::vector<std::vector<std::uint32_t>> batchEvents(m_queues.size());
        for (size_t s = 0; s < m_queues.size(); ++s) {
            if (m_replay) { // a batch run again after a restart reads the offsets its log entry holds
                batchEvents[s] = (*m_replay)[s];
                continue;
            }
            const SourceSpec& src = m_scenario.sources[s];
            auto& q = m_queues[s];
            const size_t limit = (src.isStatic || q.next >= q.order.size()) ? 0 : q.order.size();
            const size_t cap = trigger().kind == TriggerPlan::Kind::AvailableNow ? q.availableNowEnd : limit;
            if (src.format == SourceFormat::Kafka) {
                batchEvents[s] = planKafkaSource(s, cap, triggerTime, ignoreLimits);
                continue;
            }
            size_t end = q.next;
            while (end < cap && src.events[q.order[end]].at <= triggerTime) {
                if (const auto max = maxEventsPerTrigger(s); !ignoreLimits && max && static_cast<std::int64_t>(end - q.next) >= *max)
                    break;
                ++end;
            }
            batchEvents[s].assign(q.order.begin() + static_cast<std::ptrdiff_t>(q.next), q.order.begin() + static_cast<std::ptrdiff_t>(end));
            q.next = end;
        }
        for (size_t s = 0; s < m_queues.size(); ++s)
            for (const std::uint32_t local : batchEvents[s])
                rec.events.push_back(m_sourceOffset[s] + local);
        for (size_t b = 0; b < m_plan.inputs.size(); ++b) {
            const size_t s = m_plan.inputs[b].source;
            if (chainJoinStage(static_cast<int>(b))) { // read when its join has its whole left input (finishChain)
                m_deferred[b] = batchEvents[s];
                continue;
            }
            for (const std::uint32_t local : batchEvents[s])
                readInputRow(s, local, static_cast<int>(b));
        }
    }

    // Finish the stateful operators, downstream first in the progress report.
    std::vector<OperatorProgress> progress;
    if (m_ops.aggregate || m_ops.session) {
        OperatorProgress p;
        std::vector<Row> sink;
        if (m_ops.aggregate)
            m_ops.aggregate->finishBatch(sink, rec.stateChanges, p);
        else
            m_ops.session->finishBatch(sink, rec.stateChanges, p);
        for (auto& c : rec.stateChanges)
            c.op = m_ops.dedup ? 1 : 0;
        if (m_ops.chain.empty()) {
            rec.sinkRows = std::move(sink);
            rec.sinkRowsMaterialized = m_plan.mode != OutputMode::Complete || m_options.materializeCompleteOutput;
        } else {
            // Append: the windows evicted here reach the next operator in this batch.
            for (const Row& r : sink)
                toChain(0, 0, r, nullptr);
        }
        progress.push_back(p);
    }
    if (m_ops.dedup) {
        OperatorProgress p;
        m_ops.dedup->finishBatch(rec.stateChanges, p, 0);
        progress.push_back(p);
    }
    if (m_ops.join) {
        OperatorProgress p;
        std::vector<Row> evictedOutput;
        m_ops.join->finishBatch(evictedOutput, p);
        emitJoined(evictedOutput);
        if (!m_plan.join->leftStatic && !m_plan.join->rightStatic)
            progress.push_back(p); // a stream-static join is not a stateful operator
    }
    if (!m_ops.chain.empty()) {
        std::vector<OperatorProgress> downstream;
        finishChain(downstream);
        progress.insert(progress.begin(), downstream.begin(), downstream.end());
    }
    rec.operators = std::move(progress);
    if (m_options.control)
        m_options.control->addEventsRead(rec.numInputRows % kRowsPerControlCheck); // the rest were reported as read

    rec.eventTime = m_tracker.reportedStats();
    const Millis next = m_tracker.endBatch();
    rec.nextWatermarkMs = next;
    if (auto max = m_tracker.maxEventTimeSeen()) {
        rec.hasMaxEventTime = true;
        rec.maxEventTimeMs = *max;
    }
    m_previousBatchWatermark = evictionWm;
    m_lastRequiresAnother = requiresAnotherBatch(next);
    rec.requiresAnotherBatch = m_lastRequiresAnother;
    rec.endTime = saturatingAdd(triggerTime, trigger().batchDuration);
    m_ticks.push_back(TickRecord{triggerTime, rec.batchId, 1, 0});

    // ProcessingTimeExecutor: the next trigger is the next multiple of the interval after this
    // one, or the end of this batch if it ran past it.
    const Micros interval = trigger().interval;
    if (trigger().kind == TriggerPlan::Kind::ProcessingTime && interval > 0)
        m_nextTick = std::max(rec.endTime, nextMultipleAfter(triggerTime, interval));
    else
        m_nextTick = rec.endTime;
    m_batch = nullptr;
    return rec;
}

std::vector<std::uint32_t> Simulation::planKafkaSource(std::size_t s, std::size_t cap, Micros triggerTime, bool ignoreLimits)
{
    // Spark's Kafka source (KafkaMicroBatchStream.latestOffset): a batch reads every partition
    // from where the last batch stopped up to the partition's end offset when the batch is
    // planned, i.e. every message that has arrived by the trigger, unless maxOffsetsPerTrigger
    // cuts each partition's range (rateLimit). Offsets, not arrival order across partitions,
    // decide what a batch holds; the batch reads partition by partition, each in offset order.
    // Events recorded without a partition form one partition read in arrival order.
    const SourceSpec& src = m_scenario.sources[s];
    SourceQueue& q = m_queues[s];
    struct Item {
        std::int32_t partition;
        std::int64_t offset; ///< the Kafka offset, or the position in arrival order when not recorded
        std::uint32_t local;
    };
    std::vector<Item> available;
    for (size_t i = q.next; i < cap && src.events[q.order[i]].at <= triggerTime; ++i) {
        const std::uint32_t local = q.order[i];
        if (q.taken[local])
            continue;
        const SourceEvent& e = src.events[local];
        available.push_back(Item{e.partition, e.offset >= 0 ? e.offset : static_cast<std::int64_t>(i), local});
    }
    std::stable_sort(available.begin(), available.end(),
                     [](const Item& a, const Item& b) { return std::tie(a.partition, a.offset) < std::tie(b.partition, b.offset); });

    std::optional<std::int64_t> limit = src.kafka && src.kafka->maxOffsetsPerTrigger ? src.kafka->maxOffsetsPerTrigger : maxEventsPerTrigger(s);
    std::vector<std::uint32_t> out;
    if (!limit || ignoreLimits) {
        for (const Item& it : available)
            out.push_back(it.local);
    } else {
        // One [begin, end) offset range per partition, as rateLimit sees them.
        std::vector<std::pair<size_t, size_t>> spans; // [first, last) in `available`
        std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
        for (size_t i = 0; i < available.size();) {
            size_t j = i;
            while (j < available.size() && available[j].partition == available[i].partition)
                ++j;
            spans.emplace_back(i, j);
            ranges.emplace_back(available[i].offset, available[j - 1].offset + 1);
            i = j;
        }
        const std::vector<std::int64_t> until = kafkaRateLimit(*limit, ranges);
        for (size_t p = 0; p < spans.size(); ++p)
            for (size_t i = spans[p].first; i < spans[p].second && available[i].offset < until[p]; ++i)
                out.push_back(available[i].local);
    }
    for (const std::uint32_t local : out)
        q.taken[local] = 1;
    while (q.next < q.order.size() && q.taken[q.order[q.next]])
        ++q.next;
    return out;
}

void Simulation::readInputRow(std::size_t source, std::uint32_t local, int input)
{
    // A batch of many rows can take seconds: report and stop within it too.
    if (m_options.control && m_batch->numInputRows % kRowsPerControlCheck == kRowsPerControlCheck - 1) {
        m_options.control->addEventsRead(kRowsPerControlCheck);
        if (m_options.control->isCancelled())
            throw RunCancelled();
    }
    FlowRow flow;
    flow.event = m_sourceOffset[source] + local;
    ++m_batch->numInputRows;
    processRow(m_scenario.sources[source].events[local].row, flow.event, 0, input, 0, flow);
}

void Simulation::processRow(const Row& row, std::uint32_t event, std::uint16_t sub, int input, std::size_t stepIndex, FlowRow& flow)
{
    const std::vector<Step>& steps = input >= 0 ? runPlan().inputs[static_cast<size_t>(input)].steps : runPlan().steps;
    if (stepIndex >= steps.size()) {
        if (input >= 0)
            if (const auto stage = chainJoinStage(input))
                return toChainJoin(*stage, input, row, flow);
        if (input >= 0 && m_ops.join)
            return toJoin(input, row, flow);
        if (input >= 0)
            return processRow(row, event, sub, -1, 0, flow);
        return toStateful(row, flow);
    }
    const Step& step = steps[stepIndex];
    auto recordFiltered = [&] {
        if (!m_options.recordFates || flow.joinOutput)
            return;
        RowFate f;
        f.event = event;
        f.sub = sub;
        f.fate = Fate::Filtered;
        f.filterInput = static_cast<std::int8_t>(input);
        f.filterStep = static_cast<std::int8_t>(stepIndex);
        f.batchId = m_batch->batchId;
        f.hasEventTime = flow.hasEventTime;
        f.eventTime = flow.eventTime;
        m_batch->fates.push_back(f);
    };
    switch (step.kind) {
    case Step::Kind::Filter:
        if (step.predicate.test(row))
            return processRow(row, event, sub, input, stepIndex + 1, flow);
        recordFiltered();
        return;
    case Step::Kind::Watermark: {
        const Value& t = row[step.column];
        const Micros us = t.isNull() ? 0 : t.asInt(); // a null event time is read as 0
        // EventTimeWatermarkExec: `getLong(0) / 1000` (truncating) in 3.x, microsToMillis (floor) in 4.x
        const Millis ms = m_plan.version.atLeast(4, 0) ? microsToMillis(us) : us / kMicrosPerMilli;
        m_tracker.observe(step.watermarkNode, ms);
        auto& seen = m_nodeMaxSeen[static_cast<size_t>(step.watermarkNode)];
        if (!flow.sawWatermark) {
            flow.sawWatermark = true;
            flow.hasEventTime = !t.isNull();
            flow.eventTime = us;
            flow.hasMaxBefore = seen.has_value();
            flow.maxBefore = seen.value_or(0) * kMicrosPerMilli;
        }
        if (!t.isNull())
            seen = seen ? std::max(*seen, ms) : ms;
        return processRow(row, event, sub, input, stepIndex + 1, flow);
    }
    case Step::Kind::Project: {
        if (!step.generator) {
            project(step, row, [&](const Row& out, size_t) { processRow(out, event, sub, input, stepIndex + 1, flow); });
            return;
        }
        const size_t n = project(step, row, [&](const Row& out, size_t i) {
            FlowRow copy = flow;
            copy.sub = static_cast<std::uint16_t>(sub * 64 + i);
            processRow(out, event, copy.sub, input, stepIndex + 1, copy);
        });
        if (n == 0)
            recordFiltered(); // explode of a null or empty array yields no row
        return;
    }
    }
}

RowFate Simulation::fateOf(const FlowRow& flow) const
{
    RowFate fate;
    fate.event = flow.event;
    fate.sub = flow.sub;
    fate.batchId = m_batch->batchId;
    fate.hasEventTime = flow.hasEventTime;
    fate.eventTime = flow.eventTime;
    fate.hasMaxBefore = flow.hasMaxBefore;
    fate.maxEventTimeBefore = flow.maxBefore;
    fate.lateWatermarkMs = m_lateWm;
    return fate;
}

RowFate Simulation::joinInputFate(const FlowRow& flow, const RowOutcome& o, int input) const
{
    RowFate fate = fateOf(flow);
    fate.numGroups = o.numGroups;
    switch (o.kind) {
    case RowOutcome::Kind::Late: fate.fate = Fate::DroppedByWatermark; break;
    case RowOutcome::Kind::Filtered:
        fate.fate = Fate::Filtered;
        fate.filterInput = static_cast<std::int8_t>(input);
        fate.filterStep = -2; // the join condition on its own side
        break;
    default:
        fate.fate = fate.hasEventTime && fate.hasMaxBefore && fate.eventTime < fate.maxEventTimeBefore ? Fate::LateAccepted : Fate::OnTime;
    }
    return fate;
}

void Simulation::toJoin(int side, const Row& row, FlowRow& flow)
{
    std::vector<Row> out;
    const RowOutcome o = m_ops.join->add(side, row, flow.event, flow.sub, out);
    if (m_options.recordFates)
        m_batch->fates.push_back(joinInputFate(flow, o, side));
    if (o.kind == RowOutcome::Kind::Late) {
        Row padded = m_ops.join->padded(side, row);
        if (!padded.empty())
            m_batch->droppedRows.push_back(std::move(padded));
    }
    emitJoined(out);
}

std::optional<std::size_t> Simulation::chainJoinStage(int input) const
{
    if (input < 0 || static_cast<std::size_t>(input) >= m_inputJoinStage.size() || m_inputJoinStage[static_cast<std::size_t>(input)] < 0)
        return std::nullopt;
    return static_cast<std::size_t>(m_inputJoinStage[static_cast<std::size_t>(input)]);
}

void Simulation::toChainJoin(std::size_t stage, int input, const Row& row, FlowRow& flow)
{
    ChainOperator& c = m_ops.chain[stage];
    std::vector<Row> out;
    const RowOutcome o = c.join->add(1, row, flow.event, flow.sub, out);
    if (m_options.recordFates) {
        RowFate fate = joinInputFate(flow, o, input);
        fate.op = c.op;
        fate.lateWatermarkMs = m_stageLateWm[stage]; // this join's own, not the batch's
        m_batch->fates.push_back(fate);
    }
    if (o.kind == RowOutcome::Kind::Late) {
        Row padded = c.join->padded(1, row);
        if (!padded.empty())
            m_batch->chainDroppedRows.emplace_back(c.op, std::move(padded));
    }
    for (const Row& r : out)
        toChain(stage + 1, 0, r, nullptr);
}

void Simulation::emitJoined(std::vector<Row>& rows)
{
    for (Row& r : rows) {
        FlowRow flow;
        flow.joinOutput = true;
        processRow(r, 0, 0, -1, 0, flow);
    }
}

void Simulation::toStateful(const Row& row, FlowRow& flow)
{
    if (flow.joinOutput) {
        // Fates were recorded at the join's input; the join's output goes on to the operators
        // after it, in the same batch, or to the sink.
        if (!m_ops.chain.empty())
            return toChain(0, 0, row, nullptr);
        m_batch->sinkRows.push_back(row);
        return;
    }
    RowFate fate = fateOf(flow);
    auto finish = [&](Fate f) {
        if (f == Fate::OnTime && fate.hasEventTime && fate.hasMaxBefore && fate.eventTime < fate.maxEventTimeBefore)
            f = Fate::LateAccepted;
        fate.fate = f;
        if (m_options.recordFates)
            m_batch->fates.push_back(fate);
    };
    auto dropped = [&](const RowOutcome& o) {
        fate.numGroups = o.numGroups;
        fate.numLateGroups = o.numLateGroups;
        m_batch->droppedRows.push_back(row);
        finish(Fate::DroppedByWatermark);
    };
    if (m_ops.dedup) {
        const RowOutcome o = m_ops.dedup->add(row);
        if (o.kind == RowOutcome::Kind::Late)
            return dropped(o);
        if (o.kind == RowOutcome::Kind::Duplicate)
            return finish(Fate::Duplicate);
    }
    if (m_ops.aggregate || m_ops.session) {
        // For windows the time that decides is the window's time column.
        if (m_plan.aggregate->windowKind != AggregatePlan::WindowKind::None) {
            const Value& t = row[m_plan.aggregate->timeColumn];
            fate.hasEventTime = !t.isNull();
            fate.eventTime = t.isNull() ? 0 : t.asInt();
        }
        const RowOutcome o = m_ops.aggregate ? m_ops.aggregate->add(row) : m_ops.session->add(row);
        fate.numGroups = o.numGroups;
        fate.numLateGroups = o.numLateGroups;
        if (m_ops.session && m_plan.aggregate->sessionGapExpr && o.kind != RowOutcome::Kind::NullTime) {
            const SessionGap& gap = m_ops.session->lastGap();
            if (gap.kind == SessionGap::Kind::Positive || gap.kind == SessionGap::Kind::NotPositive)
                fate.sessionGap = gap.micros;
        }
        switch (o.kind) {
        case RowOutcome::Kind::NullTime: return finish(Fate::NullEventTime);
        case RowOutcome::Kind::Filtered: // SessionWindowing's filter: the row's gap is not a positive interval
            switch (m_ops.session->lastGap().kind) {
            case SessionGap::Kind::Months: fate.filterStep = kSessionGapWithMonths; break;
            case SessionGap::Kind::TooLong: fate.filterStep = kSessionGapTooLong; break;
            default: fate.filterStep = kFilteredBySessionGap; break;
            }
            return finish(Fate::Filtered);
        case RowOutcome::Kind::Late: return dropped(o);
        default: return finish(Fate::OnTime);
        }
    }
    // No aggregation: the row goes to the sink (after dedup, when there is one), or on to
    // the next operator of a chain, which may still drop it.
    if (!m_ops.chain.empty()) {
        fate.fate = Fate::OnTime;
        toChain(0, 0, row, &fate);
        return finish(fate.fate);
    }
    m_batch->sinkRows.push_back(row);
    finish(Fate::OnTime);
}

void Simulation::toChain(std::size_t stage, std::size_t stepIndex, const Row& row, RowFate* fate)
{
    if (stage == m_ops.chain.size()) {
        m_batch->sinkRows.push_back(row);
        return;
    }
    ChainOperator& c = m_ops.chain[stage];
    const std::vector<Step>& steps = c.stage->steps;
    if (stepIndex < steps.size()) {
        const Step& step = steps[stepIndex];
        if (step.kind == Step::Kind::Filter) {
            if (step.predicate.test(row))
                return toChain(stage, stepIndex + 1, row, fate);
            if (fate) {
                fate->fate = Fate::Filtered;
                fate->filterInput = static_cast<std::int8_t>(stage); // the chain stage, with filterStep below
                fate->filterStep = kFilteredInChainStage;
                fate->op = c.op;
            }
            return;
        }
        project(step, row, [&](const Row& out, size_t) { toChain(stage, stepIndex + 1, out, fate); });
        return;
    }
    auto late = [&](const RowOutcome& o) {
        m_batch->chainDroppedRows.emplace_back(c.op, row);
        if (fate) {
            fate->fate = Fate::DroppedByWatermark;
            fate->op = c.op;
            fate->numGroups = o.numGroups;
            fate->numLateGroups = o.numLateGroups;
        }
    };
    if (c.dedup) {
        const RowOutcome o = c.dedup->add(row);
        if (o.kind == RowOutcome::Kind::Late)
            return late(o);
        if (o.kind == RowOutcome::Kind::Duplicate) {
            if (fate) {
                fate->fate = Fate::Duplicate;
                fate->op = c.op;
            }
            return;
        }
        return toChain(stage + 1, 0, row, fate);
    }
    if (c.join) {
        // The output of the operators before it is the join's left side: joined rows, not events.
        std::vector<Row> out;
        const RowOutcome o = c.join->add(0, row, kJoinedRow, 0, out);
        if (o.kind == RowOutcome::Kind::Late) {
            m_batch->chainDroppedRows.emplace_back(c.op, c.join->padded(0, row));
            if (fate) {
                fate->fate = Fate::DroppedByWatermark;
                fate->op = c.op;
            }
        }
        for (const Row& r : out)
            toChain(stage + 1, 0, r, nullptr);
        return;
    }
    if (c.aggregate) {
        const RowOutcome o = c.aggregate->add(row);
        if (o.kind == RowOutcome::Kind::Late)
            return late(o);
        if (fate && o.kind == RowOutcome::Kind::NullTime) {
            fate->fate = Fate::NullEventTime;
            fate->op = c.op;
        }
        return; // its result leaves when the group does (finishChain)
    }
    toChain(stage + 1, 0, row, fate);
}

void Simulation::finishChain(std::vector<OperatorProgress>& downstreamFirst)
{
    for (std::size_t k = 0; k < m_ops.chain.size(); ++k) {
        ChainOperator& c = m_ops.chain[k];
        if (c.join) {
            // The join's left input is complete: now its right side's rows of this batch.
            const std::size_t b = c.stage->joinInput;
            for (const std::uint32_t local : m_deferred[b])
                readInputRow(runPlan().inputs[b].source, local, static_cast<int>(b));
            m_deferred[b].clear();
        }
        if (!c.stage->isStateful())
            continue;
        OperatorProgress p;
        if (c.join) {
            std::vector<Row> out;
            c.join->finishBatch(out, p);
            for (const Row& r : out)
                toChain(k + 1, 0, r, nullptr);
            downstreamFirst.insert(downstreamFirst.begin(), p);
            continue;
        }
        if (c.aggregate) {
            std::vector<Row> out;
            const std::size_t before = m_batch->stateChanges.size();
            c.aggregate->finishBatch(out, m_batch->stateChanges, p);
            for (std::size_t i = before; i < m_batch->stateChanges.size(); ++i)
                m_batch->stateChanges[i].op = c.op;
            for (const Row& r : out)
                toChain(k + 1, 0, r, nullptr);
        } else {
            c.dedup->finishBatch(m_batch->stateChanges, p, c.op);
        }
        downstreamFirst.insert(downstreamFirst.begin(), p);
    }
}

std::vector<RowFate> Simulation::unconsumedFates() const
{
    std::vector<RowFate> out;
    for (size_t s = 0; s < m_queues.size(); ++s)
        for (size_t i = m_queues[s].next; i < m_queues[s].order.size(); ++i) {
            if (!m_queues[s].taken.empty() && m_queues[s].taken[m_queues[s].order[i]])
                continue;
            RowFate f;
            f.event = m_sourceOffset[s] + m_queues[s].order[i];
            f.fate = Fate::Unconsumed;
            out.push_back(f);
        }
    return out;
}

std::vector<Row> Simulation::stateRows() const
{
    for (auto c = m_ops.chain.rbegin(); c != m_ops.chain.rend(); ++c) {
        if (c->aggregate)
            return c->aggregate->stateRows();
        if (c->dedup)
            return c->dedup->stateRows();
    }
    if (m_ops.aggregate)
        return m_ops.aggregate->stateRows();
    if (m_ops.session)
        return m_ops.session->stateRows();
    if (m_ops.dedup)
        return m_ops.dedup->stateRows();
    return {};
}

Simulation::Simulation(const Simulation& from, const Scenario& scenario, const QueryPlan& plan, SimulationOptions options)
    : m_scenario(scenario)
    , m_plan(plan)
    , m_options(std::move(options))
    , m_tracker(from.m_tracker)
    , m_ops(from.m_ops.copy(plan))
    , m_queues(from.m_queues)
    , m_sourceOffset(from.m_sourceOffset)
    , m_nodeMaxSeen(from.m_nodeMaxSeen)
    , m_start(from.m_start)
    , m_nextTick(from.m_nextTick)
    , m_nextBatchId(from.m_nextBatchId)
    , m_previousBatchWatermark(from.m_previousBatchWatermark)
    , m_lastRequiresAnother(from.m_lastRequiresAnother)
    , m_finished(from.m_finished)
    , m_horizon(from.m_horizon)
{
}

namespace {
template <typename T>
std::unique_ptr<T> copyOf(const std::unique_ptr<T>& p)
{
    return p ? std::make_unique<T>(*p) : nullptr;
}
} // namespace

Simulation::Operators Simulation::Operators::copy(const QueryPlan& plan) const
{
    Operators out;
    out.aggregate = copyOf(aggregate);
    out.session = copyOf(session);
    out.dedup = copyOf(dedup);
    out.join = copyOf(join);
    for (std::size_t k = 0; k < chain.size(); ++k) {
        ChainOperator c;
        c.stage = &plan.chain[k];
        c.aggregate = copyOf(chain[k].aggregate);
        c.dedup = copyOf(chain[k].dedup);
        c.join = copyOf(chain[k].join);
        c.op = chain[k].op;
        out.chain.push_back(std::move(c));
    }
    return out;
}

std::unique_ptr<Simulation> Simulation::continuedOver(const Scenario& scenario, const QueryPlan& plan, SimulationOptions options) const
{
    std::unique_ptr<Simulation> sim(new Simulation(*this, scenario, plan, std::move(options)));
    if (&scenario != &m_scenario) {
        // The new scenario's arrival order; what was read is the same prefix of it.
        std::uint32_t offset = 0;
        sim->m_sourceOffset.clear();
        for (size_t s = 0; s < scenario.sources.size(); ++s) {
            const auto& events = scenario.sources[s].events;
            if (s < sim->m_queues.size())
                sim->m_queues[s].order = ArrivalOrder::of(events);
            sim->m_sourceOffset.push_back(offset);
            offset += static_cast<std::uint32_t>(events.size());
        }
    }
    return sim;
}

} // namespace tidemark
