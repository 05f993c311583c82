// SPDX-License-Identifier: GPL-3.0-or-later
// Durations written as text, read as IntervalUtils reads them for each release.
#include "engine/plan/AnalyzerRules.h"

namespace tidemark::analysis {

/// QueryCompilationErrors.cannotParseIntervalError: IntervalUtils.fromIntervalString (3.2+)
/// wraps every failure, so the cause never shows.
std::string Analyzer::cannotParseInterval(const std::string& text) const
{
    if (!m_v.atLeast(3, 5))
        return "Unable to parse '" + text + "'";
    return "[CANNOT_PARSE_INTERVAL] Unable to parse '" + text
           + "'. Please ensure that the value provided is in a valid format for defining an interval. You can reference the "
             "documentation for the correct format. If the issue persists, please double check that the input value is not null or "
             "empty and try again."
           + (m_v.atLeast(4, 0) ? " SQLSTATE: 22006" : "");
}

/// A watermark delay or window duration as Spark reads it: stringToInterval before 3.2,
/// fromIntervalString (ANSI literals too, SPARK-35815) since.
Interval Analyzer::literalDuration(const std::string& text, const std::string& where, const char* before32Message) const
{
    if (!m_v.atLeast(3, 2)) {
        auto r = parseInterval(text);
        if (!r.ok()) {
            if (before32Message)
                failQuery(where, before32Message + text + "'");
            failArgument(where, r.error().message);
        }
        return r.value();
    }
    auto r = parseInterval(text, IntervalReader::AnyLiteral);
    if (!r.ok())
        failQuery(where, cannotParseInterval(text));
    return r.value();
}

} // namespace tidemark::analysis
