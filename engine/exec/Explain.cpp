// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/Explain.h"

#include "engine/schema/ValueText.h"
#include "engine/time/Interval.h"
#include "engine/time/TimeFormat.h"

namespace tidemark {

std::string shortTime(Micros t, const Scenario& sc)
{
    const Micros local = sc.zone.toLocal(t);
    const CivilDate d = civilFromDays(floorDiv(local, kMicrosPerDay));
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

std::string stepText(const RowFate& f, const QueryPlan& plan)
{
    const std::vector<Step>* steps = f.filterInput >= 0 && static_cast<size_t>(f.filterInput) < plan.inputs.size()
                                         ? &plan.inputs[static_cast<size_t>(f.filterInput)].steps
                                         : &plan.steps;
    if (f.filterStep == -2)
        return std::string("the join condition on the ") + (f.filterInput == 0 ? "left" : "right")
               + " side's own columns; it can never match, so it is not stored (an outer join emits it with nulls at once)";
    if (f.filterStep < 0 || static_cast<size_t>(f.filterStep) >= steps->size())
        return "a stateless step";
    const Step& s = (*steps)[static_cast<size_t>(f.filterStep)];
    if (s.kind == Step::Kind::Filter)
        return "where `" + s.text + "` (the condition was not true)";
    return "explode(): the array was empty or null, so no row came out";
}

} // namespace

std::string explainFate(const RowFate& f, const ModeRun& run, const Scenario& sc)
{
    if (f.fate == Fate::Unconsumed)
        return "Never read: the query stopped (Trigger.Once / AvailableNow read only what had arrived when it started).";
    if (!run.plan)
        return run.error ? run.error->text() : std::string();
    const QueryPlan& plan = *run.plan;
    const BatchRecord* b = findBatch(run, f.batchId);
    std::string out;
    if (b)
        out += "Read by batch " + std::to_string(b->batchId) + " (trigger at " + shortTime(b->triggerTime, sc) + ").\n";
    if (f.hasEventTime) {
        out += "Event time " + shortTime(f.eventTime, sc);
        if (f.hasMaxBefore) {
            if (f.eventTime < f.maxEventTimeBefore)
                out += ", " + formatDuration(f.maxEventTimeBefore - f.eventTime) + " behind the max event time seen before it ("
                       + shortTime(f.maxEventTimeBefore, sc) + ")";
            else
                out += ", not behind the max event time seen before it (" + shortTime(f.maxEventTimeBefore, sc) + ")";
        }
        out += ".\n";
    }
    if (b && b->lateFilterWatermarkMs != b->watermarkMs)
        out += "Spark " + plan.version.toString() + " judges late rows with the previous batch's watermark ("
               + wm(b->lateFilterWatermarkMs, sc) + ") and evicts state with this batch's (" + wm(b->watermarkMs, sc) + ").\n";
    switch (f.fate) {
    case Fate::Filtered:
        out += "Removed by " + stepText(f, plan) + ".";
        return out;
    case Fate::Duplicate:
        out += "Dropped as a duplicate: its key was already in the dedup state.";
        return out;
    case Fate::NullEventTime:
        out += "Its time column is null, and window() keeps only rows whose time is not null (TimeWindowing's IsNotNull filter).";
        return out;
    default:
        break;
    }
    const Millis lateWm = f.lateWatermarkMs;
    if (plan.join) {
        if (f.fate == Fate::DroppedByWatermark) {
            out += "Dropped before the join: event time " + shortTime(f.eventTime, sc) + " <= watermark " + wm(lateWm, sc) + ".";
            return out;
        }
        // Follow the row through the batches: its matches and how it left the state.
        for (const auto& batch : run.batches)
            for (const auto& e : batch.joinEvents) {
                if (e.event != f.event || e.sub != f.sub)
                    continue;
                const std::string at = "Batch " + std::to_string(batch.batchId) + ": ";
                switch (e.kind) {
                case JoinEvent::Kind::Matched: out += at + "matched event #" + std::to_string(e.other) + ".\n"; break;
                case JoinEvent::Kind::Stored: out += at + "stored in the join state to wait for partners.\n"; break;
                case JoinEvent::Kind::NotStored:
                    out += at + "not stored: its side's state watermark already evicts it (Spark before 3.5.4 never stores such a row).\n";
                    break;
                case JoinEvent::Kind::EvictedMatched: out += at + "evicted by the state watermark " + wm(batch.watermarkMs, sc) + "; it had matched, so silently.\n"; break;
                case JoinEvent::Kind::EvictedWithNull:
                    out += at + "evicted by the state watermark unmatched: the outer join emits it with nulls now.\n";
                    break;
                case JoinEvent::Kind::EvictedSilently: out += at + "evicted by the state watermark unmatched, without output.\n"; break;
                case JoinEvent::Kind::FilteredOneSide: break;
                }
            }
        return out;
    }
    if (plan.aggregate && plan.aggregate->windowKind == AggregatePlan::WindowKind::Time && f.hasEventTime) {
        std::vector<TimeRange> windows;
        plan.aggregate->window.assign(f.eventTime, plan.version, windows);
        const bool filters = plan.aggregate->evictionKey == AggregatePlan::EvictionKey::Window && plan.mode != OutputMode::Complete;
        for (const auto& w : windows) {
            out += "Window " + range(w, sc) + ": ";
            if (filters && w.end <= lateWm * kMicrosPerMilli)
                out += "dropped, window end " + shortTime(w.end, sc) + " <= watermark " + wm(lateWm, sc) + ".\n";
            else if (filters)
                out += "counted, window end " + shortTime(w.end, sc) + " > watermark " + wm(lateWm, sc) + ".\n";
            else
                out += "counted" + std::string(plan.mode == OutputMode::Complete ? " (complete mode never drops late rows)" : "") + ".\n";
        }
        if (!filters && plan.mode != OutputMode::Complete)
            out += "No grouping column carries the watermark, so nothing is late and nothing is evicted.\n";
        return out;
    }
    if (plan.aggregate && plan.aggregate->windowKind == AggregatePlan::WindowKind::Session && f.hasEventTime) {
        const TimeRange own{f.eventTime, f.eventTime + plan.aggregate->sessionGap};
        out += "Its own session is " + range(own, sc) + "; ";
        if (f.fate == Fate::DroppedByWatermark)
            out += "dropped, session end " + shortTime(own.end, sc) + " <= watermark " + wm(lateWm, sc) + ".";
        else
            out += "merged into its key's sessions (sessions that touch merge).";
        return out;
    }
    if (f.fate == Fate::DroppedByWatermark) {
        out += "Dropped: event time " + (f.hasEventTime ? shortTime(f.eventTime, sc) : std::string("?")) + " <= watermark " + wm(lateWm, sc)
               + " (a row is late when its time is at or behind the watermark).";
        return out;
    }
    out += plan.aggregate ? "Counted in its group." : "Passed to the sink.";
    return out;
}

std::string explainGroup(const Row& key, const ModeRun& run, const Scenario& sc)
{
    if (!run.plan)
        return {};
    const size_t width = run.keyWidth();
    std::string out;
    for (const auto& b : run.batches) {
        for (const auto& c : b.stateChanges) {
            if (c.row.size() < width || !std::equal(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(std::min(width, key.size())), c.row.begin()))
                continue;
            const std::string at = "Batch " + std::to_string(b.batchId) + " (" + shortTime(b.triggerTime, sc) + "): ";
            switch (c.kind) {
            case StateChange::Kind::Put: out += at + "written to state"; break;
            case StateChange::Kind::Merged: out += at + "merged into a longer session and removed"; break;
            case StateChange::Kind::Evicted:
                out += at + "evicted, its end is at or behind the watermark " + wm(b.watermarkMs, sc);
                if (run.mode == OutputMode::Append)
                    out += " — emitted now with its final value";
                break;
            }
            if (c.kind == StateChange::Kind::Put && run.plan->aggregate) {
                out += ", value ";
                for (size_t i = width; i < c.row.size(); ++i)
                    out += (i > width ? ", " : "")
                           + valueToText(c.row[i], run.plan->output[i].type, sc.zone, run.plan->version.nullText());
                if (run.mode == OutputMode::Update)
                    out += " — emitted (update mode)";
            }
            out += ".\n";
        }
    }
    if (out.empty())
        out = "Never in state.";
    return out;
}

} // namespace tidemark
