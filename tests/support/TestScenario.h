// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/Scenario.h"

#include <string>
#include <utility>
#include <vector>

namespace tidemark::testing {

/// A scenario written compactly for tests. Events are lines "AT: v1 v2 ...": AT is the
/// arrival time in seconds since the epoch, then one value per schema column ("null" for a
/// null, numbers as numbers, timestamps as epoch seconds, anything else a string).
struct TestScenario {
    std::string sparkVersion = "4.0";
    std::vector<std::pair<std::string, std::string>> schema = {{"k", "string"}, {"t", "timestamp"}};
    std::vector<std::string> events;
    std::string query;  ///< JSON members of "query" after "source" (without braces)
    std::string conf;   ///< JSON members of "conf" (without braces)
    std::string extraSources; ///< JSON members added to "sources"
    std::string sourceOptions; ///< JSON members added to the "in" source (e.g. "maxEventsPerTrigger": 2)

    std::string json() const;
    Scenario load() const; ///< QFAIL-free: throws std::runtime_error on a load error
};

/// One line per executed batch:
///   "B<id>[ nodata] wm=<s> late=<s>: <row>; <row> | dropped=<n> state=<n>"
/// with times in seconds and windows as [start,end). Deterministic, for QCOMPARE.
std::vector<std::string> describeRun(const ModeRun& run);

/// Runs one mode (throws on a file error) and describes it; a rejected mode gives "error: <text>".
std::vector<std::string> runAndDescribe(const TestScenario& scenario, OutputMode mode);

/// A row as "v1 v2 ..." (times in seconds, windows as [a,b)).
std::string describeRow(const Row& row, const Schema& schema);

/// "[l1, l2, ...]" for failure messages.
std::string joinLines(const std::vector<std::string>& lines);

} // namespace tidemark::testing
