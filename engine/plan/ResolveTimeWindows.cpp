// SPDX-License-Identifier: GPL-3.0-or-later
// window() and session_window() as ResolveTimeWindows.scala resolves them (TimeWindowing,
// SessionWindowing), with TimeWindow.checkInputDataTypes.
#include "engine/plan/AnalyzerRules.h"

#include "engine/plan/SessionGapAnalysis.h"
#include "engine/plan/WorkLimits.h"

#include <cstdlib>

namespace tidemark::analysis {

/// `withWatermark(...).select(window(column, duration) AS as, ...)` on a join side: the time
/// column is replaced in place by its tumbling window, which keeps its watermark metadata.
Step Analyzer::sideWindow(const WindowSpecText& w, const std::string& as, Schema& schema, const std::string& path)
{
    size_t column = 0;
    const TimeWindowSpec spec = timeWindow(w, schema, path, column);
    if (!spec.isTumbling())
        failQuery(path + ".slide", "a join side's window must be tumbling: a sliding window gives each row several windows");
    Step step;
    step.kind = Step::Kind::Project;
    Schema out;
    for (size_t c = 0; c < schema.size(); ++c) {
        BoundExpr e;
        e.op = BoundExpr::Op::Column;
        e.column = c;
        e.type = schema[c].type;
        Field f = schema[c];
        if (c == column) {
            e.op = BoundExpr::Op::TumblingWindow;
            e.type = DataType(TypeId::Window);
            e.window = spec;
            BoundExpr arg;
            arg.op = BoundExpr::Op::Column;
            arg.column = c;
            arg.type = schema[c].type;
            e.args.push_back(arg);
            f.name = as;
            f.type = DataType(TypeId::Window);
        }
        step.exprs.push_back(std::move(e));
        out.fields.push_back(std::move(f));
    }
    step.output = out;
    schema = out;
    return step;
}

std::string Analyzer::windowSql(const std::string& column, Micros d, Micros s, Micros start) const
{
    // 3.x: Expression.sql of TimeWindow, whose only child is the time column (backquoted).
    if (!m_v.hasErrorClasses())
        return "window(`" + column + "`)";
    return "window(" + column + ", " + std::to_string(d) + ", " + std::to_string(s) + ", " + std::to_string(start) + ")";
}

/// TimeWindow.checkInputDataTypes, worded per release.
void Analyzer::windowCheckFailure(const std::string& where, const std::string& sql, const std::string& legacy,
                                  const std::string& errorClass, const std::string& modern) const
{
    if (m_v.atLeast(4, 0))
        failQuery(where, "[DATATYPE_MISMATCH." + errorClass + "] Cannot resolve \"" + sql + "\" due to data type mismatch: " + modern
                             + " SQLSTATE: 42K09");
    if (m_v.hasErrorClasses())
        failQuery(where, "[DATATYPE_MISMATCH." + errorClass + "] Cannot resolve \"" + sql + "\" due to data type mismatch: " + modern);
    failQuery(where, "cannot resolve '" + sql + "' due to data type mismatch: " + legacy);
}

TimeWindowSpec Analyzer::timeWindow(const WindowSpecText& w, const Schema& schema, const std::string& path, size_t& column)
{
    auto idx = schema.find(w.column);
    if (!idx)
        failQuery(path + ".column", unresolvedColumnMessage(w.column, schema, m_v));
    column = *idx;
    auto micros = [&](const std::string& text, const std::string& where) {
        // TimeWindow.getIntervalInMicroSeconds
        const Interval i = literalDuration(text, where, nullptr);
        if (i.months != 0)
            failArgument(where, "Intervals greater than a month is not supported (" + text + ").");
        return exactMicros(i, where);
    };
    TimeWindowSpec spec;
    spec.duration = micros(w.duration, path + ".duration");
    spec.slide = w.slide ? micros(*w.slide, path + ".slide") : spec.duration;
    spec.startTime = w.startTime ? micros(*w.startTime, path + ".startTime") : 0;
    const std::string sql = windowSql(w.column, spec.duration, spec.slide, spec.startTime);
    const Field& f = schema[*idx];
    if (f.type.id != TypeId::Timestamp)
        windowCheckFailure(path + ".column", sql,
                           "argument 1 requires timestamp type, however, '`" + f.name + "`' is of " + sparkTypeName(f.type) + " type.",
                           "UNEXPECTED_INPUT_TYPE",
                           "The first parameter requires the (\"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"STRUCT<start: TIMESTAMP, end: TIMESTAMP>\") "
                           "type, however \"" + f.name + "\" has the type \"" + upper(sparkTypeName(f.type)) + "\".");
    if (spec.duration <= 0)
        windowCheckFailure(path + ".duration", sql, "The window duration (" + std::to_string(spec.duration) + ") must be greater than 0.",
                           "VALUE_OUT_OF_RANGE",
                           "The `window_duration` must be between (0, 9223372036854775807] (current value = " + std::to_string(spec.duration) + "L).");
    if (spec.slide <= 0)
        windowCheckFailure(path + ".slide", sql, "The slide duration (" + std::to_string(spec.slide) + ") must be greater than 0.",
                           "VALUE_OUT_OF_RANGE",
                           "The `slide_duration` must be between (0, 9223372036854775807] (current value = " + std::to_string(spec.slide) + "L).");
    if (spec.slide > spec.duration)
        windowCheckFailure(path + ".slide", sql,
                           "The slide duration (" + std::to_string(spec.slide) + ") must be less than or equal to the windowDuration ("
                               + std::to_string(spec.duration) + ").",
                           "PARAMETER_CONSTRAINT_VIOLATION",
                           "The `slide_duration`(" + std::to_string(spec.slide) + "L) must be <= the `window_duration`("
                               + std::to_string(spec.duration) + "L).");
    // |startTime| in 64 unsigned bits: the absolute value of the most negative long does not fit a long.
    const std::uint64_t absStart = spec.startTime < 0 ? 0 - static_cast<std::uint64_t>(spec.startTime) : static_cast<std::uint64_t>(spec.startTime);
    if (absStart >= static_cast<std::uint64_t>(spec.slide))
        windowCheckFailure(path + ".startTime", sql,
                           "The absolute value of start time (" + std::to_string(spec.startTime) + ") must be less than the slideDuration ("
                               + std::to_string(spec.slide) + ").",
                           "PARAMETER_CONSTRAINT_VIOLATION",
                           "The `abs(start_time)`(" + std::to_string(absStart) + "L) must be < the `slide_duration`("
                               + std::to_string(spec.slide) + "L).");
    // Spark would accept what follows; Tidemark refuses it before allocating anything.
    if (auto e = checkWindowDuration(spec, path + ".duration"))
        throw AnalysisFailure{*e};
    if (auto e = checkWindowsPerRow(spec, w.column, static_cast<std::int64_t>(m_sc.numEvents()), path + ".duration"))
        throw AnalysisFailure{*e};
    // duration, slide and |startTime| are each at most kMaxWindowDuration here: no overflow.
    if (auto e = checkTimeReach(m_sc, spec.duration + spec.slide + std::llabs(spec.startTime), sql))
        throw AnalysisFailure{*e};
    return spec;
}

/// The gap of session_window(column, gap): an interval, or an expression read per row
/// (SPARK-36465, SessionGapAnalysis.h). For a fixed gap Spark accepts any text without a
/// word: SessionWindowing (ResolveTimeWindows.scala) casts it to an interval, text that is
/// not one becomes null, and a session of a null, zero or negative gap ends where it starts,
/// so the rewrite's filter (end > start) drops every row. Tidemark refuses such a gap
/// instead of showing a run where nothing happens.
void Analyzer::sessionGap(AggregatePlan& agg, const std::string& text, const Schema& schema, const std::string& where)
{
    agg.sessionGapText = text;
    auto gap = parseInterval(text);
    Micros us = 0;
    if (!gap.ok()) {
        auto e = analyzeSessionGapExpression(text, gap.error().message, schema, BindContext{m_v, m_sc.zone, text}, where);
        if (!e.ok())
            throw AnalysisFailure{e.error()};
        if (e->perRow) {
            agg.sessionGapExpr = std::move(e->perRow);
            return;
        }
        us = e->fixed;
    } else {
        if (gap->months != 0)
            failFile(where, "a gap of months or years (\"" + text + "\") is not simulated; write it in days, such as \"30 days\".");
        us = exactMicros(*gap, where);
    }
    if (us <= 0)
        failFile(where, "the gap \"" + text + "\" is not positive: every session would end where it starts, and Spark drops such "
                        "sessions, so no row would be aggregated. Write a positive duration such as \"5 minutes\".");
    if (us > WorkLimits::kMaxWindowDuration)
        failFile(where, "a gap of " + formatDuration(us) + " is longer than Tidemark simulates: gaps may last at most "
                            + formatDuration(WorkLimits::kMaxWindowDuration) + " (100000 years). Use a shorter gap.");
    if (auto e = checkTimeReach(m_sc, us, "a session gap of " + formatDuration(us)))
        throw AnalysisFailure{*e};
    agg.sessionGap = us;
}

} // namespace tidemark::analysis
