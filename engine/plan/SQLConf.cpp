// SPDX-License-Identifier: GPL-3.0-or-later
// spark.conf.set: the checks SQLConf runs on a value before any query (ConfigBuilder).
#include "engine/plan/AnalyzerRules.h"

namespace tidemark::analysis {

/// spark.conf.set's checks (ConfigBuilder's booleanConf and checkValue), which Spark runs
/// before any query; returns the watermark policy, lower-cased as SQLConf's transform does.
std::string Analyzer::checkConf() const
{
    for (const auto& [key, text] : m_sc.conf.notBoolean)
        failArgument("conf[\"" + key + "\"]", key + " should be boolean, but was " + text);
    std::string lowered = m_sc.conf.multipleWatermarkPolicy;
    for (char& c : lowered)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::string kPolicy = "spark.sql.streaming.multipleWatermarkPolicy";
    if (lowered != "min" && lowered != "max")
        failArgument("conf[\"" + kPolicy + "\"]",
                     "'" + lowered + "' in " + kPolicy + " is invalid. Invalid value for '" + kPolicy + "'. Valid values are 'min' and 'max'");
    return lowered;
}

} // namespace tidemark::analysis
