// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/lesson/ClaimChecker.h"

#include "engine/exec/Explain.h"
#include "engine/lesson/LessonFile.h"
#include "engine/schema/ValueText.h"
#include "engine/time/TimeFormat.h"

#include <algorithm>

#include <numeric>

namespace tidemark {

namespace {

/// A fate as lessons spell it.
const char* fateClaimName(Fate fate)
{
    switch (fate) {
    case Fate::OnTime: return "onTime";
    case Fate::LateAccepted: return "late";
    case Fate::DroppedByWatermark: return "dropped";
    case Fate::Duplicate: return "duplicate";
    case Fate::Filtered: return "filtered";
    case Fate::NullEventTime: return "nullEventTime";
    case Fate::Unconsumed: return "unread";
    }
    return "?";
}

std::string watermarkText(Millis ms, const Scenario& sc) { return ms == 0 ? "none" : shortTime(ms * kMicrosPerMilli, sc); }

/// A sink row as a claim would spell it: `{window: 12:00-12:10, word: cat, count: 1}`.
std::string rowText(const Row& row, const Schema& schema, const Scenario& sc)
{
    std::string out = "{";
    for (std::size_t i = 0; i < row.size() && i < schema.size(); ++i) {
        out += (i ? ", " : "") + schema[i].name + ": ";
        const Value& v = row[i];
        if (v.isRange())
            out += shortTime(v.asRange().start, sc) + "-" + shortTime(v.asRange().end, sc);
        else if (schema[i].type.id == TypeId::Timestamp && v.isInt())
            out += shortTime(v.asInt(), sc);
        else
            out += valueToText(v, schema[i].type, sc.zone);
    }
    return out + "}";
}

/// True when the cell holds what the claim wrote: windows and times are compared as times
/// (so "12:00-12:10" and "12:00:00-12:10:00" agree), the rest as Spark prints the value.
bool cellMatches(const Value& v, const DataType& type, const std::string& claimed, const Scenario& sc)
{
    if (v.isRange()) {
        auto r = parseLessonWindow(claimed, sc);
        return r.ok() && r.value() == v.asRange();
    }
    if (type.id == TypeId::Timestamp && v.isInt()) {
        auto t = parseTimestamp(claimed, sc.zone, sc.date);
        return t.ok() && t.value() == v.asInt();
    }
    if (v.isNull())
        return claimed == "null" || claimed == "NULL";
    return valueToText(v, type, sc.zone) == claimed;
}

} // namespace

ClaimChecker::ClaimChecker(const Lesson& lesson)
    : m_lesson(lesson)
    , m_run(runAllModes(lesson.scenario))
{
}

std::vector<ClaimResult> ClaimChecker::checkAll() const
{
    std::vector<ClaimResult> out;
    for (std::size_t s = 0; s < m_lesson.steps.size(); ++s)
        for (std::size_t c = 0; c < m_lesson.steps[s].claims.size(); ++c) {
            ClaimResult r = check(m_lesson.steps[s].claims[c]);
            r.step = s;
            r.claim = c;
            out.push_back(std::move(r));
        }
    return out;
}

std::vector<std::string> ClaimChecker::checkSteps() const
{
    std::vector<std::string> out;
    const Scenario& sc = m_lesson.scenario;
    const OutputMode queryMode = parseOutputMode(sc.query.outputMode).value_or(OutputMode::Append);
    for (std::size_t s = 0; s < m_lesson.steps.size(); ++s) {
        const LessonStep& step = m_lesson.steps[s];
        const std::string path = "steps[" + std::to_string(s) + "]";
        const ModeRun& run = m_run.mode(step.mode.value_or(queryMode));
        // A rejected mode has no batches to show; the window then shows the query's mode.
        const ModeRun& shown = run.error ? m_run.mode(queryMode) : run;
        if (step.batch && !shown.error && *step.batch >= shown.batches.size())
            out.push_back(path + ".batch: no batch " + std::to_string(*step.batch) + ", the run has " + std::to_string(shown.batches.size()));
        if (step.highlight.kind == LessonHighlight::Kind::Event && step.highlight.event >= sc.numEvents())
            out.push_back(path + ".highlight.event: no event " + std::to_string(step.highlight.event) + ", the scenario has " +
                          std::to_string(sc.numEvents()));
    }
    return out;
}

ClaimResult ClaimChecker::check(const LessonClaim& claim) const
{
    using K = LessonClaim::Kind;
    const Scenario& sc = m_lesson.scenario;
    ClaimResult r;
    r.claimText = claim.source;
    const OutputMode mode = claim.mode.value_or(parseOutputMode(sc.query.outputMode).value_or(OutputMode::Append));
    const ModeRun& run = m_run.mode(mode);
    const std::string modeName = outputModeName(mode);
    const auto verdict = [&](bool holds, std::string actual) {
        r.holds = holds;
        r.actual = std::move(actual);
        return r;
    };

    if (claim.kind == K::Rejected) {
        if (!run.error)
            return verdict(false, "Spark accepts the query in " + modeName + " mode");
        return verdict(run.error->text().find(claim.text) != std::string::npos, run.error->text());
    }
    if (claim.kind == K::Accepted)
        return verdict(claim.flag == !run.error, run.error ? run.error->text() : "accepted in " + modeName + " mode");
    if (run.error)
        return verdict(false, "Spark rejects the query in " + modeName + " mode: " + run.error->text());
    if (claim.kind == K::Batches) {
        const auto n = static_cast<std::int64_t>(run.batches.size());
        return verdict(n == claim.number, std::to_string(n) + " batches");
    }
    if (claim.kind == K::Fate) {
        std::vector<const RowFate*> rows;
        std::optional<std::size_t> readBy;
        for (std::size_t b = 0; b < run.batches.size(); ++b)
            for (const RowFate& f : run.batches[b].fates)
                if (f.event == claim.event) {
                    rows.push_back(&f);
                    readBy = b;
                }
        for (const RowFate& f : run.unconsumed)
            if (f.event == claim.event)
                rows.push_back(&f);
        if (rows.empty())
            return verdict(claim.fate == "unread", "unread (no batch read event " + std::to_string(claim.event) + ")");
        // Every row of the event (one per exploded word) must have the claimed fate.
        std::string actual;
        bool all = true;
        for (const RowFate* f : rows) {
            const std::string name = fateClaimName(f->fate);
            if (actual.find(name) == std::string::npos)
                actual += (actual.empty() ? "" : ", ") + name;
            all = all && name == claim.fate;
        }
        if (readBy)
            actual += " (read by batch " + std::to_string(*readBy) + ")";
        const bool batchOk = !claim.batch || (readBy && *readBy == *claim.batch);
        return verdict(all && batchOk, actual);
    }

    const std::size_t b = claim.batch.value_or(0);
    if (b >= run.batches.size())
        return verdict(false, "no batch " + std::to_string(b) + ": the " + modeName + " run has " + std::to_string(run.batches.size()) +
                                  " batches");
    const BatchRecord& batch = run.batches[b];
    switch (claim.kind) {
    case K::Watermark:
        return verdict(batch.lateFilterWatermarkMs == claim.watermarkMs, watermarkText(batch.lateFilterWatermarkMs, sc));
    case K::NextWatermark:
        return verdict(batch.nextWatermarkMs == claim.watermarkMs, watermarkText(batch.nextWatermarkMs, sc));
    case K::Emits:
    case K::EmitsNothing:
    case K::SinkRows: {
        const std::vector<Row> rows = run.sinkRowsOf(b);
        const Schema& schema = run.plan->output;
        std::string actual = std::to_string(rows.size()) + (rows.size() == 1 ? " row" : " rows");
        for (std::size_t i = 0; i < rows.size() && i < 8; ++i)
            actual += (i ? "; " : ": ") + rowText(rows[i], schema, sc);
        if (rows.size() > 8)
            actual += "; …";
        if (claim.kind == K::EmitsNothing)
            return verdict(rows.empty() == claim.flag, actual);
        if (claim.kind == K::SinkRows)
            return verdict(static_cast<std::int64_t>(rows.size()) == claim.number, actual);
        for (const auto& [name, value] : claim.columns)
            if (!schema.find(name))
                return verdict(false, "the sink has no column \"" + name + "\" (" + actual + ")");
        const bool found = std::any_of(rows.begin(), rows.end(), [&](const Row& row) {
            return std::all_of(claim.columns.begin(), claim.columns.end(), [&](const auto& col) {
                const std::size_t i = *schema.find(col.first);
                return i < row.size() && cellMatches(row[i], schema[i].type, col.second, sc);
            });
        });
        return verdict(found, actual);
    }
    case K::NoData:
        return verdict(batch.noData == claim.flag, batch.noData ? "a no-data batch" : "read " + std::to_string(batch.numInputRows) + " rows");
    case K::StateRows: {
        // Spark reports the operators downstream first.
        const std::int64_t n = batch.operators.empty() ? 0 : batch.operators.front().numRowsTotal;
        return verdict(n == claim.number, std::to_string(n) + " state rows");
    }
    case K::Dropped: {
        const std::int64_t n = std::accumulate(batch.operators.begin(), batch.operators.end(), std::int64_t{0},
                                               [](std::int64_t sum, const OperatorProgress& op) { return sum + op.numRowsDroppedByWatermark; });
        return verdict(n == claim.number, std::to_string(n) + " rows dropped by the watermark");
    }
    default: break;
    }
    return verdict(false, "unknown claim");
}

} // namespace tidemark
