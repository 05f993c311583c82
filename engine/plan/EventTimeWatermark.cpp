// SPDX-License-Identifier: GPL-3.0-or-later
// Dataset.withWatermark and the EventTimeWatermark node it adds.
#include "engine/plan/AnalyzerRules.h"

namespace tidemark::analysis {

[[noreturn]] void failRedefiningWatermark(const std::string& where)
{
    // WatermarkPropagator (3.4+, allowMultiple): an EventTimeWatermarkExec whose input already
    // carries a watermark. _LEGACY_ERROR_TEMP_3076 in 4.0, with the same text.
    failQuery(where, "Redefining watermark is disallowed. You can set the config "
                     "'spark.sql.streaming.statefulOperator.allowMultiple' to 'false' to restore the previous "
                     "behavior. Note that multiple stateful operators will be disallowed.");
}

Step Analyzer::watermark(const WatermarkSpec& w, Schema& schema, const std::string& path)
{
    // Dataset.withWatermark: the delay is parsed and checked when the method is called;
    // before 3.2 a delay it cannot read is "Unable to parse time delay".
    const Interval delay = literalDuration(w.delay, path + ".delay", "Unable to parse time delay '");
    if (!delay.exactDurationMicros())
        failOverflow(path + ".delay"); // IntervalUtils.getDuration inside isNegative
    if (delay.isNegative())
        failArgument(path + ".delay", "requirement failed: delay threshold (" + w.delay + ") should not be negative.");
    auto idx = schema.find(w.column);
    if (!idx)
        failQuery(path + ".column", unresolvedColumnMessage(w.column, schema, m_v));
    const Field& f = schema[*idx];
    if (f.type.id != TypeId::Timestamp && f.type.id != TypeId::Window)
        failQuery(path + ".column",
                  m_v.hasErrorClasses()
                      ? "[EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event time `" + f.name + "` has the invalid type \""
                            + upper(sparkTypeName(f.type)) + "\", but expected \"TIMESTAMP\"." + (m_v.atLeast(4, 0) ? " SQLSTATE: 42K09" : "")
                      : "Event time must be defined on a window or a timestamp, but " + f.name + " is of type " + sparkTypeName(f.type));
    Step step;
    step.kind = Step::Kind::Watermark;
    step.watermarkNode = m_nextWatermarkNode++;
    step.column = *idx;
    step.delayMs = delay.watermarkDelayMs();
    // EventTimeWatermark replaces the metadata on its column; other columns lose theirs.
    for (auto& field : schema.fields)
        field.watermarkDelayMs.reset();
    schema.fields[*idx].watermarkDelayMs = step.delayMs;
    step.output = schema;
    return step;
}

} // namespace tidemark::analysis
