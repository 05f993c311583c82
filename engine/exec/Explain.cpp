// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/Explain.h"

#include "engine/plan/JoinOutputWatermark.h"

#include "engine/schema/ValueText.h"
#include "engine/time/Checked.h"
#include "engine/time/Interval.h"
#include "engine/time/TimeFormat.h"

#include <algorithm>

namespace tidemark {

std::string shortTime(Micros t, const Scenario& sc)
{
    const CivilDate d = civilFromDays(sc.zone.toLocalDayTime(t).day);
    if (sc.date && d.year == sc.date->year && d.month == sc.date->month && d.day == sc.date->day)
        return formatTimeOfDay(t, sc.zone);
    return formatTimestamp(t, sc.zone);
}

namespace {

std::string wm(Millis ms, const Scenario& sc) { return shortTime(ms * kMicrosPerMilli, sc); }

std::string range(const TimeRange& r, const Scenario& sc) { return "[" + shortTime(r.start, sc) + ", " + shortTime(r.end, sc) + ")"; }

const BatchRecord* findBatch(const ModeRun& run, std::int64_t id)
{
    for (const auto& b : run.batches)
        if (b.batchId == id)
            return &b;
    return nullptr;
}

Phrase removedBy(const RowFate& f, const QueryPlan& plan)
{
    const std::vector<Step>* steps = f.filterInput >= 0 && static_cast<size_t>(f.filterInput) < plan.inputs.size()
                                         ? &plan.inputs[static_cast<size_t>(f.filterInput)].steps
                                         : &plan.steps;
    if (f.filterStep == kFilteredBySessionGap) {
        const std::string gap = plan.aggregate ? plan.aggregate->sessionGapText : std::string();
        if (f.sessionGap)
            return {TIDEMARK_PHRASE("Explain", "Removed before the session aggregation: its gap `%1` is %2, not positive, so its session would end "
                                               "where it starts; session_window keeps only rows whose session ends after it starts "
                                               "(SessionWindowing's filter, SPARK-36465)."),
                    {gap, formatDuration(*f.sessionGap)}};
        return {TIDEMARK_PHRASE("Explain", "Removed before the session aggregation: its gap `%1` is null or not an interval, so its session "
                                           "has no end; session_window keeps only rows whose session ends after it starts "
                                           "(SessionWindowing's filter, SPARK-36465)."),
                {gap}};
    }
    if (f.filterStep == kSessionGapWithMonths)
        return {TIDEMARK_PHRASE("Explain", "Left out: its gap `%1` has months or years, whose length depends on the calendar; Tidemark "
                                           "does not simulate such gaps. Write the gap in days."),
                {plan.aggregate ? plan.aggregate->sessionGapText : std::string()}};
    if (f.filterStep == kSessionGapTooLong)
        return {TIDEMARK_PHRASE("Explain", "Left out: its gap `%1` is longer than Tidemark simulates (100000 years)."),
                {plan.aggregate ? plan.aggregate->sessionGapText : std::string()}};
    if (f.filterStep == -2)
        return {f.filterInput == 0 ? TIDEMARK_PHRASE("Explain", "Removed by the join condition on the left side's own columns; it can never match, so it is not stored "
                                       "(an outer join emits it with nulls at once).")
                                   : TIDEMARK_PHRASE("Explain", "Removed by the join condition on the right side's own columns; it can never match, so it is not stored "
                                       "(an outer join emits it with nulls at once)."),
                {}};
    if (f.filterStep < 0 || static_cast<size_t>(f.filterStep) >= steps->size())
        return {TIDEMARK_PHRASE("Explain", "Removed by a stateless step."), {}};
    const Step& s = (*steps)[static_cast<size_t>(f.filterStep)];
    // A filter the optimizer moved into the input: did it land below the input's withWatermark?
    const bool belowWatermark = std::any_of(steps->begin() + f.filterStep + 1, steps->end(),
                                            [](const Step& later) { return later.kind == Step::Kind::Watermark; });
    if (s.kind == Step::Kind::Filter && s.pushedFromWhere) {
        if (belowWatermark)
            return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, the part of the query's where after the join on this side's columns alone, "
                                               "which Spark's optimizer runs before the join and before withWatermark "
                                               "(PushPredicateThroughJoin): the row is never stored and does not move the watermark."),
                    {s.text}};
        return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, the part of the query's where after the join on this side's columns alone, "
                                           "which Spark's optimizer runs before the join (PushPredicateThroughJoin); it reads the event "
                                           "time, so it stays after withWatermark and the row still moved the watermark."),
                {s.text}};
    }
    if (s.kind == Step::Kind::Filter && s.pushedFromJoin) {
        if (belowWatermark)
            return {TIDEMARK_PHRASE("Explain", "Removed by the join condition `%1` on this side's columns alone, which Spark's optimizer "
                                               "runs before the join and before withWatermark (PushPredicateThroughJoin): the row is "
                                               "never stored and does not move the watermark."),
                    {s.text}};
        return {TIDEMARK_PHRASE("Explain", "Removed by the join condition `%1` on this side's columns alone, which Spark's optimizer "
                                           "runs before the join (PushPredicateThroughJoin); it reads the event time, so it stays after "
                                           "withWatermark and the row still moved the watermark."),
                {s.text}};
    }
    if (s.kind == Step::Kind::Filter && !s.inferredFrom.empty() && s.inferredFromNextJoin) {
        if (belowWatermark)
            return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, a filter Spark's optimizer infers from `%2` and the second join's key "
                                               "equality `%3` (InferFiltersFromConstraints) and runs before the first join and before "
                                               "withWatermark: the row is never stored and does not move the watermark."),
                    {s.text, s.inferredFrom, s.inferredThrough}};
        return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, a filter Spark's optimizer infers from `%2` and the second join's key "
                                           "equality `%3` (InferFiltersFromConstraints) and runs before the first join; it reads the "
                                           "event time, so it stays after withWatermark and the row still moved the watermark."),
                {s.text, s.inferredFrom, s.inferredThrough}};
    }
    if (s.kind == Step::Kind::Filter && !s.inferredFrom.empty()) {
        if (belowWatermark)
            return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, a filter Spark's optimizer infers from `%2` and the join's key equality "
                                               "`%3` (InferFiltersFromConstraints) and runs before the join and before withWatermark: "
                                               "the row is never stored and does not move the watermark."),
                    {s.text, s.inferredFrom, s.inferredThrough}};
        return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, a filter Spark's optimizer infers from `%2` and the join's key equality "
                                           "`%3` (InferFiltersFromConstraints) and runs before the join; it reads the event time, so it "
                                           "stays after withWatermark and the row still moved the watermark."),
                {s.text, s.inferredFrom, s.inferredThrough}};
    }
    if (s.kind == Step::Kind::Filter && s.inferredFromNextJoin) {
        if (belowWatermark)
            return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, a filter Spark's optimizer adds because the condition of the second join can "
                                               "never be true for a null there (InferFiltersFromConstraints) and runs before the first join. "
                                               "It runs before withWatermark: the row is never stored and does not move the watermark."),
                    {s.text}};
        return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, a filter Spark's optimizer adds because the condition of the second join can "
                                           "never be true for a null there (InferFiltersFromConstraints) and runs before the first join: "
                                           "the row is never stored."),
                {s.text}};
    }
    if (s.kind == Step::Kind::Filter && s.inferredFromJoin) {
        if (belowWatermark)
            return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, a filter Spark's optimizer adds because the join condition can never be true "
                                               "for a null there (InferFiltersFromConstraints). It runs before withWatermark: the row is "
                                               "never stored and does not move the watermark."),
                    {s.text}};
        return {TIDEMARK_PHRASE("Explain", "Removed by `%1`, a filter Spark's optimizer adds because the join condition can never be true "
                                           "for a null there (InferFiltersFromConstraints). It runs before the join: the row is never stored."),
                {s.text}};
    }
    if (s.kind == Step::Kind::Filter)
        return {TIDEMARK_PHRASE("Explain", "Removed by where `%1` (the condition was not true)."), {s.text}};
    return {TIDEMARK_PHRASE("Explain", "Removed by explode(): the array was empty or null, so no row came out."), {}};
}

/// A chain after a window aggregation without keys: where each of the row's windows went once
/// the aggregation emitted it (the next operator's late filter may drop it there).
void followIntoChain(const std::vector<TimeRange>& windows, const ModeRun& run, const Scenario& sc, std::vector<Phrase>& out)
{
    const QueryPlan& plan = *run.plan;
    if (!plan.aggregate->keyColumns.empty())
        return; // a window alone does not say which group's result it was
    const ChainStage& next = plan.chain.front();
    std::optional<std::size_t> windowColumn;
    for (std::size_t c = 0; c < next.input.size() && !windowColumn; ++c)
        if (next.input[c].type.id == TypeId::Window)
            windowColumn = c;
    const std::uint8_t firstOp = plan.dedup ? 1 : 0, nextOp = plan.firstChainOperator();
    for (const TimeRange& w : windows) {
        for (const BatchRecord& b : run.batches) {
            const bool emitted = std::any_of(b.stateChanges.begin(), b.stateChanges.end(), [&](const StateChange& c) {
                return c.op == firstOp && c.kind == StateChange::Kind::Evicted && std::any_of(c.row.begin(), c.row.end(), [&](const Value& v) {
                           return v.isRange() && v.asRange() == w;
                       });
            });
            if (!emitted)
                continue;
            const bool dropped = windowColumn && std::any_of(b.chainDroppedRows.begin(), b.chainDroppedRows.end(), [&](const auto& d) {
                                     return d.first == nextOp && d.second[*windowColumn].isRange() && d.second[*windowColumn].asRange() == w;
                                 });
            const std::vector<std::string> args{range(w, sc), std::to_string(b.batchId), std::to_string(nextOp + 1), wm(b.lateFilterWatermarkMs, sc)};
            out.push_back({dropped ? TIDEMARK_PHRASE("Explain", "Window %1: emitted by batch %2 to stateful operator %3 (query.then[0]), which dropped it as "
                                                                "late: its time is at or behind that operator's watermark %4.\n")
                                   : TIDEMARK_PHRASE("Explain", "Window %1: emitted by batch %2 to stateful operator %3 (query.then[0]), which took it in "
                                                                "(watermark for late rows %4).\n"),
                           args});
        }
    }
}

/// The chain stage (`query.then` order) of stateful operator `op`, if it is one of the chain's.
std::optional<std::size_t> stageOfOperator(const QueryPlan& plan, std::uint8_t op)
{
    for (std::size_t i = 0; i < plan.chain.size(); ++i)
        if (plan.chain[i].isStateful() && plan.chainOperator(i) == op)
            return i;
    return std::nullopt;
}

std::string operatorName(const ChainStage& s)
{
    if (s.join)
        return "join";
    if (s.aggregate)
        return "groupBy/agg";
    return s.dedup && s.dedup->withinWatermark ? "dropDuplicatesWithinWatermark" : "dropDuplicates";
}

/// A join followed by other operators: each batch in which the row left its join (the query's,
/// or the chain stage `from`'s) in an output row (matched, or emitted with nulls), that row went
/// on to the next stateful operator, which judged it with its own watermark (3.5+: the join's
/// output watermark).
void followJoinOutput(const RowFate& f, const ModeRun& run, const Scenario& sc, std::optional<std::size_t> from, std::vector<Phrase>& out)
{
    const QueryPlan& plan = *run.plan;
    const std::size_t first = from ? *from + 1 : 0;
    const auto next = std::find_if(plan.chain.begin() + static_cast<std::ptrdiff_t>(std::min(first, plan.chain.size())), plan.chain.end(),
                                   [](const ChainStage& c) { return c.isStateful(); });
    if (next == plan.chain.end())
        return;
    const std::size_t nextStage = static_cast<std::size_t>(next - plan.chain.begin());
    const std::string op = std::to_string(plan.chainOperator(nextStage) + 1);
    for (const BatchRecord& b : run.batches) {
        const bool emitted = std::any_of(b.joinEvents.begin(), b.joinEvents.end(), [&](const JoinEvent& e) {
            return e.event == f.event && e.sub == f.sub && (e.kind == JoinEvent::Kind::Matched || e.kind == JoinEvent::Kind::EvictedWithNull);
        });
        if (!emitted)
            continue;
        // The watermark reaching that operator: through every join before it (3.5+).
        const Millis late = chainInputWatermarkMs(plan, nextStage, b.lateFilterWatermarkMs);
        out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1: the joined row went on to stateful operator %2 (%3, %4), which drops it as late "
                                                  "when its time is at or behind that operator's watermark for late rows, %5.\n"),
                       {std::to_string(b.batchId), op, operatorName(*next), next->path, wm(late, sc)}});
    }
}

} // namespace

std::vector<Phrase> explainFatePhrases(const RowFate& f, const ModeRun& run, const Scenario& sc)
{
    if (f.fate == Fate::Unconsumed)
        return {{TIDEMARK_PHRASE("Explain", "Never read: the query stopped (Trigger.Once / AvailableNow read only what had arrived when it started)."), {}}};
    if (!run.plan)
        return {{"%1", {run.error ? run.error->text() : std::string()}}}; // Spark's words
    const QueryPlan& plan = *run.plan;
    const BatchRecord* b = findBatch(run, f.batchId);
    std::vector<Phrase> out;
    if (b)
        out.push_back({TIDEMARK_PHRASE("Explain", "Read by batch %1 (trigger at %2).\n"), {std::to_string(b->batchId), shortTime(b->triggerTime, sc)}});
    // A batch that crashed before its commit ran again after the restart (populateStartOffsets).
    for (const auto& again : run.batches)
        if (b && again.batchId == b->batchId && again.checkpoint.rerun)
            out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1 crashed before its commit log entry was written; the restarted query ran it again at %2 "
                                                      "with the same offsets, so this row was processed twice (the console sink printed the batch twice).\n"),
                           {std::to_string(b->batchId), shortTime(again.triggerTime, sc)}});
    // Append: the sink gets the batch's rows again. FileStreamSink.addBatch skips a batch id its
    // _spark_metadata log (ManifestFileCommitProtocol's manifest) already holds; ConsoleSink does not.
    if (b && run.mode == OutputMode::Append && std::any_of(run.batches.begin(), run.batches.end(), [&](const BatchRecord& a) {
            return a.batchId == b->batchId && a.checkpoint.rerun && !a.sinkRows.empty();
        }))
        out.push_back({TIDEMARK_PHRASE("Explain", "In append mode the result table lists that batch's rows twice, as the console sink printed them. "
                                                  "An idempotent sink writes them once: the file sink skips a batch id its _spark_metadata log "
                                                  "already holds.\n"),
                       {}});
    if (f.hasEventTime) {
        if (!f.hasMaxBefore)
            out.push_back({TIDEMARK_PHRASE("Explain", "Event time %1.\n"), {shortTime(f.eventTime, sc)}});
        else if (f.eventTime < f.maxEventTimeBefore)
            out.push_back({TIDEMARK_PHRASE("Explain", "Event time %1, %2 behind the max event time seen before it (%3).\n"),
                           {shortTime(f.eventTime, sc), formatDuration(f.maxEventTimeBefore - f.eventTime), shortTime(f.maxEventTimeBefore, sc)}});
        else
            out.push_back({TIDEMARK_PHRASE("Explain", "Event time %1, not behind the max event time seen before it (%2).\n"),
                           {shortTime(f.eventTime, sc), shortTime(f.maxEventTimeBefore, sc)}});
    }
    if (b && b->lateFilterWatermarkMs != b->watermarkMs)
        out.push_back({TIDEMARK_PHRASE("Explain", "Spark %1 judges late rows with the previous batch's watermark (%2) and evicts state with this batch's (%3).\n"),
                       {plan.version.toString(), wm(b->lateFilterWatermarkMs, sc), wm(b->watermarkMs, sc)}});
    if (!plan.chain.empty() && !plan.join && f.op >= plan.firstChainOperator()) { // after a join the fates are the join input's
        // A chain (`query.then`): the row passed the first operator and the next one decided.
        std::size_t stage = 0;
        std::uint8_t op = plan.firstChainOperator();
        for (std::size_t i = 0; i < plan.chain.size(); ++i) {
            if (!plan.chain[i].isStateful())
                continue;
            if (op++ == f.op) {
                stage = i;
                break;
            }
        }
        if (f.fate == Fate::Filtered && f.filterStep == kFilteredInChainStage && f.filterInput >= 0)
            stage = std::min(static_cast<std::size_t>(f.filterInput), plan.chain.size() - 1); // the stage whose where it was
        const ChainStage& s = plan.chain[stage];
        const std::string name = operatorName(s);
        const std::vector<std::string> who{std::to_string(f.op + 1), name, std::to_string(stage)};
        switch (f.fate) {
        case Fate::Filtered:
            out.push_back({TIDEMARK_PHRASE("Explain", "Passed the first stateful operator, then removed by the where of query.then[%3], before stateful operator %1."), who});
            return out;
        case Fate::Duplicate:
            out.push_back({TIDEMARK_PHRASE("Explain", "Passed the first stateful operator, then dropped as a duplicate by stateful operator %1 (%2, query.then[%3]): "
                                                      "its key was already in that operator's state."),
                           who});
            return out;
        case Fate::DroppedByWatermark: {
            auto args = who;
            args.push_back(wm(f.lateWatermarkMs, sc));
            out.push_back({TIDEMARK_PHRASE("Explain", "Passed the first stateful operator, then dropped as late by stateful operator %1 (%2, query.then[%3]): "
                                                      "each operator filters late rows with its own input watermark, here %4."),
                           args});
            return out;
        }
        case Fate::NullEventTime:
            out.push_back({TIDEMARK_PHRASE("Explain", "Passed the first stateful operator, then dropped by stateful operator %1 (%2, query.then[%3]): its time column is null."), who});
            return out;
        default: break;
        }
    }
    switch (f.fate) {
    case Fate::Filtered: out.push_back(removedBy(f, plan)); return out;
    case Fate::Duplicate: out.push_back({TIDEMARK_PHRASE("Explain", "Dropped as a duplicate: its key was already in the dedup state."), {}}); return out;
    case Fate::NullEventTime:
        out.push_back({TIDEMARK_PHRASE("Explain", "Its time column is null, and window() keeps only rows whose time is not null (TimeWindowing's IsNotNull filter)."), {}});
        return out;
    default: break;
    }
    const Millis lateWm = f.lateWatermarkMs;
    if (plan.join) {
        // The right side of a join in `query.then` (a join whose left input is a join).
        const std::optional<std::size_t> joinStage = f.op >= plan.firstChainOperator() ? stageOfOperator(plan, f.op) : std::nullopt;
        if (f.fate == Fate::DroppedByWatermark && joinStage) {
            const Millis late = lateWm; // the join's own late-row watermark (RowFate::lateWatermarkMs)
            out.push_back({TIDEMARK_PHRASE("Explain", "Dropped before the join of %1 (stateful operator %2): event time %3 <= that join's watermark "
                                                      "for late rows, %4."),
                           {plan.chain[*joinStage].path, std::to_string(f.op + 1), shortTime(f.eventTime, sc), wm(late, sc)}});
            return out;
        }
        if (f.fate == Fate::DroppedByWatermark) {
            out.push_back({TIDEMARK_PHRASE("Explain", "Dropped before the join: event time %1 <= watermark %2."), {shortTime(f.eventTime, sc), wm(lateWm, sc)}});
            return out;
        }
        if (joinStage)
            out.push_back({TIDEMARK_PHRASE("Explain", "The right side of the join of %1 (stateful operator %2), whose left side is the output of the "
                                                      "join before it.\n"),
                           {plan.chain[*joinStage].path, std::to_string(f.op + 1)}});
        // Follow the row through the batches: its matches and how it left the state.
        for (const auto& batch : run.batches)
            for (const auto& e : batch.joinEvents) {
                if (e.event != f.event || e.sub != f.sub)
                    continue;
                const std::string id = std::to_string(batch.batchId);
                switch (e.kind) {
                case JoinEvent::Kind::Matched:
                    if (e.other < 0)
                        out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1: matched a row of the join before it.\n"), {id}});
                    else
                        out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1: matched event #%2.\n"), {id, std::to_string(e.other)}});
                    break;
                case JoinEvent::Kind::Stored: out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1: stored in the join state to wait for partners.\n"), {id}}); break;
                case JoinEvent::Kind::NotStored:
                    out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1: not stored: its side's state watermark already evicts it (Spark before 3.5.4 never stores such a row).\n"), {id}});
                    break;
                case JoinEvent::Kind::EvictedMatched:
                    out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1: evicted by the state watermark %2; it had matched, so silently.\n"), {id, wm(batch.watermarkMs, sc)}});
                    break;
                case JoinEvent::Kind::EvictedWithNull:
                    out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1: evicted by the state watermark unmatched: the outer join emits it with nulls now.\n"), {id}});
                    break;
                case JoinEvent::Kind::EvictedSilently:
                    out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1: evicted by the state watermark unmatched, without output.\n"), {id}});
                    break;
                case JoinEvent::Kind::FilteredOneSide: break;
                }
            }
        if (!plan.chain.empty())
            followJoinOutput(f, run, sc, joinStage, out);
        return out;
    }
    if (plan.aggregate && plan.aggregate->windowKind == AggregatePlan::WindowKind::Time && f.hasEventTime) {
        std::vector<TimeRange> windows;
        plan.aggregate->window.assign(f.eventTime, plan.version, windows);
        const bool filters = plan.aggregate->evictionKey == AggregatePlan::EvictionKey::Window && plan.mode != OutputMode::Complete;
        for (const auto& w : windows) {
            // Spark drops a row for a window when the window's end <= the watermark (a half-open [start, end)).
            if (filters && w.end <= lateWm * kMicrosPerMilli)
                out.push_back({TIDEMARK_PHRASE("Explain", "Window %1: dropped, window end %2 <= watermark %3.\n"), {range(w, sc), shortTime(w.end, sc), wm(lateWm, sc)}});
            else if (filters)
                out.push_back({TIDEMARK_PHRASE("Explain", "Window %1: counted, window end %2 > watermark %3.\n"), {range(w, sc), shortTime(w.end, sc), wm(lateWm, sc)}});
            else if (plan.mode == OutputMode::Complete)
                out.push_back({TIDEMARK_PHRASE("Explain", "Window %1: counted (complete mode never drops late rows).\n"), {range(w, sc)}});
            else
                out.push_back({TIDEMARK_PHRASE("Explain", "Window %1: counted.\n"), {range(w, sc)}});
        }
        if (!filters && plan.mode != OutputMode::Complete)
            out.push_back({TIDEMARK_PHRASE("Explain", "No grouping column carries the watermark, so nothing is late and nothing is evicted.\n"), {}});
        if (!plan.chain.empty())
            followIntoChain(windows, run, sc, out);
        return out;
    }
    if (plan.aggregate && plan.aggregate->windowKind == AggregatePlan::WindowKind::Session && f.hasEventTime) {
        const TimeRange own{f.eventTime, saturatingAdd(f.eventTime, f.sessionGap.value_or(plan.aggregate->sessionGap))};
        if (f.fate == Fate::DroppedByWatermark)
            out.push_back({TIDEMARK_PHRASE("Explain", "Its own session is %1; dropped, session end %2 <= watermark %3."), {range(own, sc), shortTime(own.end, sc), wm(lateWm, sc)}});
        else
            out.push_back({TIDEMARK_PHRASE("Explain", "Its own session is %1; merged into its key's sessions (sessions that touch merge)."), {range(own, sc)}});
        return out;
    }
    if (f.fate == Fate::DroppedByWatermark) {
        out.push_back({TIDEMARK_PHRASE("Explain", "Dropped: event time %1 <= watermark %2 (a row is late when its time is at or behind the watermark)."),
                       {f.hasEventTime ? shortTime(f.eventTime, sc) : std::string("?"), wm(lateWm, sc)}});
        return out;
    }
    if (!plan.chain.empty()) {
        out.push_back({plan.aggregate ? TIDEMARK_PHRASE("Explain", "Counted in its group; the group's result goes on to the next stateful operator "
                                                                   "(query.then) in the batch that evicts it.")
                                      : TIDEMARK_PHRASE("Explain", "Passed every stateful operator of the chain."),
                       {}});
        return out;
    }
    out.push_back({plan.aggregate ? TIDEMARK_PHRASE("Explain", "Counted in its group.") : TIDEMARK_PHRASE("Explain", "Passed to the sink."), {}});
    return out;
}

std::string explainFate(const RowFate& fate, const ModeRun& run, const Scenario& scenario) { return render(explainFatePhrases(fate, run, scenario)); }

std::vector<Phrase> explainGroupPhrases(const Row& key, const ModeRun& run, const Scenario& sc)
{
    if (!run.plan)
        return {};
    const size_t width = run.keyWidth();
    std::vector<Phrase> out;
    for (const auto& b : run.batches) {
        for (const auto& c : b.stateChanges) {
            if (c.row.size() < width || !std::equal(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(std::min(width, key.size())), c.row.begin()))
                continue;
            const std::vector<std::string> at{std::to_string(b.batchId), shortTime(b.triggerTime, sc)};
            switch (c.kind) {
            case StateChange::Kind::Put:
                if (!run.plan->aggregate) {
                    out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1 (%2): written to state.\n"), at});
                    break;
                } else {
                    std::string value;
                    for (size_t i = width; i < c.row.size(); ++i)
                        value += (i > width ? ", " : "") + valueToText(c.row[i], run.plan->output[i].type, sc.zone, run.plan->version.nullText());
                    auto args = at;
                    args.push_back(value);
                    out.push_back({run.mode == OutputMode::Update ? TIDEMARK_PHRASE("Explain", "Batch %1 (%2): written to state, value %3 — emitted (update mode).\n")
                                                                  : TIDEMARK_PHRASE("Explain", "Batch %1 (%2): written to state, value %3.\n"),
                                   args});
                }
                break;
            case StateChange::Kind::Merged: out.push_back({TIDEMARK_PHRASE("Explain", "Batch %1 (%2): merged into a longer session and removed.\n"), at}); break;
            case StateChange::Kind::Evicted: {
                auto args = at;
                args.push_back(wm(b.watermarkMs, sc));
                out.push_back({run.mode == OutputMode::Append
                                   ? TIDEMARK_PHRASE("Explain", "Batch %1 (%2): evicted, its end is at or behind the watermark %3 — emitted now with its final value.\n")
                                   : TIDEMARK_PHRASE("Explain", "Batch %1 (%2): evicted, its end is at or behind the watermark %3.\n"),
                               args});
                break;
            }
            }
        }
    }
    if (out.empty())
        out.push_back({TIDEMARK_PHRASE("Explain", "Never in state."), {}});
    return out;
}

std::string explainGroup(const Row& key, const ModeRun& run, const Scenario& scenario) { return render(explainGroupPhrases(key, run, scenario)); }

} // namespace tidemark
