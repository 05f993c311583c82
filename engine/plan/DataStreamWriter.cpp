// SPDX-License-Identifier: GPL-3.0-or-later
// writeStream.outputMode(...) and .trigger(...), checked when they are called.
#include "engine/plan/AnalyzerRules.h"

namespace tidemark::analysis {

/// writeStream.outputMode(...): the override, or the file's (InternalOutputModes.apply).
OutputMode Analyzer::outputMode() const
{
    if (m_modeOverride)
        return *m_modeOverride;
    const std::string& text = m_sc.query.outputMode;
    auto mode = parseOutputMode(text);
    if (!mode)
        failArgument("query.outputMode", "Unknown output mode " + text + ". Accepted output modes are 'append', 'complete', 'update'");
    return *mode;
}

TriggerPlan Analyzer::trigger(const TriggerSpec& t)
{
    TriggerPlan p;
    const int kinds = (t.processingTime ? 1 : 0) + (t.once ? 1 : 0) + (t.availableNow ? 1 : 0);
    if (kinds > 1)
        failQuery("query.trigger", "Multiple triggers not allowed.", "ValueError");
    if (t.processingTime) {
        // ProcessingTimeTrigger reads stringToInterval; Spark 4 words its errors with error classes.
        auto parsed = parseInterval(*t.processingTime, IntervalReader::UnitList, m_v.atLeast(4, 0) ? IntervalMessages::ErrorClasses : IntervalMessages::Spark3);
        if (!parsed.ok())
            failArgument("query.trigger.processingTime", parsed.error().message);
        const Interval i = parsed.value();
        if (i.months != 0)
            failArgument("query.trigger.processingTime", "Doesn't support month or year interval: " + *t.processingTime);
        const Micros us = exactMicros(i, "query.trigger.processingTime");
        if (us < 0)
            failArgument("query.trigger.processingTime", "requirement failed: the interval of trigger should not be negative");
        p.interval = microsToMillis(us) * kMicrosPerMilli; // Spark keeps the interval in ms
    }
    if (t.once)
        p.kind = TriggerPlan::Kind::Once;
    if (t.availableNow) {
        if (!m_v.hasAvailableNow())
            failQuery("query.trigger.availableNow", "trigger() got an unexpected keyword argument 'availableNow' "
                                                    "(Trigger.AvailableNow was added in Spark 3.3; sparkVersion is "
                                                        + m_v.toString() + ")", "TypeError");
        p.kind = TriggerPlan::Kind::AvailableNow;
    }
    if (t.batchDuration) {
        auto d = parseInterval(*t.batchDuration);
        if (!d.ok() || d->months != 0 || !d->exactMicrosNoMonths() || d->toMicrosNoMonths() < 0)
            failFile("query.trigger.batchDuration", "expected a non-negative duration such as \"2 seconds\"");
        p.batchDuration = d->toMicrosNoMonths();
    }
    p.startAt = t.startAt;
    return p;
}

} // namespace tidemark::analysis
