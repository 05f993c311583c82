// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/TestScenario.h"

#include "engine/scenario/ScenarioFile.h"

#include <sstream>
#include <stdexcept>

namespace tidemark::testing {

namespace {

std::string valueJson(const std::string& token, const std::string& type)
{
    if (token == "null")
        return "null";
    if (type == "string")
        return "\"" + token + "\"";
    return token; // numbers, booleans and epoch seconds are written as they are
}

std::string seconds(Micros us)
{
    if (us % kMicrosPerSecond == 0)
        return std::to_string(us / kMicrosPerSecond);
    std::ostringstream o;
    o << static_cast<double>(us) / kMicrosPerSecond;
    return o.str();
}

} // namespace

std::string TestScenario::json() const
{
    std::ostringstream o;
    o << "{\"tidemark\": 1, \"sparkVersion\": \"" << sparkVersion << "\",";
    if (!conf.empty())
        o << "\"conf\": {" << conf << "},";
    o << "\"sources\": {\"in\": {\"schema\": {";
    for (size_t i = 0; i < schema.size(); ++i)
        o << (i ? "," : "") << "\"" << schema[i].first << "\": \"" << schema[i].second << "\"";
    o << "},";
    if (!sourceOptions.empty())
        o << sourceOptions << ",";
    o << "\"events\": [";
    for (size_t e = 0; e < events.size(); ++e) {
        const std::string& line = events[e];
        const auto colon = line.find(':');
        std::istringstream values(line.substr(colon + 1));
        o << (e ? "," : "") << "{\"at\": " << line.substr(0, colon) << ", \"row\": {";
        std::string token;
        for (size_t c = 0; c < schema.size() && values >> token; ++c)
            o << (c ? "," : "") << "\"" << schema[c].first << "\": " << valueJson(token, schema[c].second);
        o << "}}";
    }
    o << "]}";
    if (!extraSources.empty())
        o << "," << extraSources;
    const bool ownInput = query.find("\"union\"") != std::string::npos || query.find("\"join\"") != std::string::npos;
    o << "}, \"query\": {";
    if (!ownInput)
        o << "\"source\": \"in\"" << (query.empty() ? "" : ", ");
    o << query << "}}";
    return o.str();
}

Scenario TestScenario::load() const
{
    auto sc = loadScenarioText(json());
    if (!sc.ok())
        throw std::runtime_error("test scenario does not load: " + sc.error().describe() + "\n" + json());
    return std::move(sc.value());
}

std::string describeRow(const Row& row, const Schema& schema)
{
    std::string out;
    for (size_t c = 0; c < row.size() && c < schema.size(); ++c) {
        if (c)
            out += " ";
        const Value& v = row[c];
        const TypeId t = schema[c].type.id;
        if (v.isNull())
            out += "null";
        else if (t == TypeId::Window)
            out += "[" + seconds(v.asRange().start) + "," + seconds(v.asRange().end) + ")";
        else if (t == TypeId::Timestamp)
            out += seconds(v.asInt());
        else if (t == TypeId::Double) {
            std::ostringstream o;
            o << v.toDouble();
            out += o.str();
        } else if (t == TypeId::Array) {
            out += "[";
            for (size_t i = 0; i < v.asList().size(); ++i) {
                const Value& item = v.asList()[i];
                out += (i ? "," : "") + (item.isString() ? item.asString() : item.isInt() ? std::to_string(item.asInt()) : std::string("?"));
            }
            out += "]";
        } else if (v.isString())
            out += v.asString();
        else if (v.isBool())
            out += v.asBool() ? "true" : "false";
        else if (v.isInt())
            out += std::to_string(v.asInt());
    }
    return out;
}

std::vector<std::string> describeRun(const ModeRun& run)
{
    std::vector<std::string> lines;
    if (run.error) {
        lines.push_back("error: " + run.error->text());
        return lines;
    }
    for (const auto& b : run.batches) {
        std::string line = "B" + std::to_string(b.batchId) + (b.noData ? " nodata" : "") + " wm=" + seconds(b.watermarkMs * 1000)
                           + " late=" + seconds(b.lateFilterWatermarkMs * 1000) + ":";
        for (size_t i = 0; i < b.sinkRows.size(); ++i)
            line += (i ? "; " : " ") + describeRow(b.sinkRows[i], run.plan->output);
        std::int64_t dropped = 0, state = 0;
        for (const auto& op : b.operators) {
            dropped += op.numRowsDroppedByWatermark;
            state += op.numRowsTotal;
        }
        line += " | dropped=" + std::to_string(dropped) + " state=" + std::to_string(state);
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> runAndDescribe(const TestScenario& scenario, OutputMode mode)
{
    const Scenario sc = scenario.load();
    return describeRun(runMode(sc, mode));
}

std::string joinLines(const std::vector<std::string>& lines)
{
    std::string out;
    for (const auto& l : lines)
        out += "\n  " + l;
    return out;
}

} // namespace tidemark::testing
