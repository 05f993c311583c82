// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/TestScenario.h"

#include "engine/record/BatchRecord.h"

#include <string>
#include <utility>
#include <vector>

/// Spark's MemoryStream inputs as the transcriptions of Spark's test suites write them: the rows
/// of AddData step i arrive at 100 + 10 * i seconds, and the query triggers every second, so the
/// no-data batch Spark runs after a watermark advance comes before the next step, as
/// processAllAvailable makes it.
namespace tidemark::testing {

/// A MemoryStream with `schema` (the source "in"): step i's rows, each "v1 v2 ...".
inline TestScenario memoryStream(const std::vector<std::pair<std::string, std::string>>& schema,
                                 const std::vector<std::vector<std::string>>& steps, const std::string& query)
{
    TestScenario sc;
    sc.schema = schema;
    for (std::size_t i = 0; i < steps.size(); ++i)
        for (const std::string& row : steps[i])
            sc.events.push_back(std::to_string(100 + 10 * i) + ": " + row);
    sc.query = query + R"(, "trigger": {"processingTime": "1 second"})";
    return sc;
}

/// One AddData step of a two-stream join: the rows (JSON objects) into "left" and into "right".
using AddDataStep = std::pair<std::vector<std::string>, std::vector<std::string>>;

/// Sources "left" and "right" with `schema` (a JSON object) joined by `join` in append mode.
inline TestScenario twoStreams(const std::string& schema, const std::vector<AddDataStep>& steps, const std::string& join)
{
    auto events = [&](bool left) {
        std::string out;
        for (std::size_t i = 0; i < steps.size(); ++i)
            for (const std::string& row : left ? steps[i].first : steps[i].second)
                out += std::string(out.empty() ? "" : ",") + "{\"at\": " + std::to_string(100 + 10 * i) + ", \"row\": " + row + "}";
        return out;
    };
    TestScenario sc;
    sc.extraSources = "\"left\": {\"schema\": " + schema + ", \"events\": [" + events(true) + "]},"
                      "\"right\": {\"schema\": " + schema + ", \"events\": [" + events(false) + "]}";
    sc.query = "\"join\": " + join + ", \"outputMode\": \"append\", \"trigger\": {\"processingTime\": \"1 second\"}";
    return sc;
}

/// MemoryStream[Int] steps of a two-stream join: each int is a row {"value": v}.
inline std::vector<AddDataStep> ints(const std::vector<std::pair<std::vector<int>, std::vector<int>>>& steps)
{
    std::vector<AddDataStep> out;
    for (const auto& [l, r] : steps) {
        AddDataStep s;
        for (int v : l)
            s.first.push_back("{\"value\": " + std::to_string(v) + "}");
        for (int v : r)
            s.second.push_back("{\"value\": " + std::to_string(v) + "}");
        out.push_back(std::move(s));
    }
    return out;
}

/// Whether batch `b` belongs to AddData step `step`: it triggered between that step's arrival and
/// the next one's (a step's data batch and the no-data batches it leads to).
inline bool inStep(const BatchRecord& b, std::size_t step)
{
    const Micros from = (100 + 10 * static_cast<Micros>(step)) * kMicrosPerSecond;
    return b.triggerTime >= from && b.triggerTime < from + 10 * kMicrosPerSecond;
}

} // namespace tidemark::testing
