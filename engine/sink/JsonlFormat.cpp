// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sink/JsonlFormat.h"

#include "engine/time/TimeFormat.h"

#include <nlohmann/json.hpp>

namespace tidemark {

namespace {

using Json = nlohmann::ordered_json;

Json cellJson(const Value& v, const DataType& type, const TimeZone& zone)
{
    if (v.isNull())
        return nullptr;
    switch (type.id) {
    case TypeId::Timestamp: return formatTimestamp(v.asInt(), zone);
    case TypeId::Window: return Json{{"start", formatTimestamp(v.asRange().start, zone)}, {"end", formatTimestamp(v.asRange().end, zone)}};
    case TypeId::Array: {
        Json a = Json::array();
        for (const Value& item : v.asList())
            a.push_back(cellJson(item, DataType(type.element), zone));
        return a;
    }
    case TypeId::Double: return v.toDouble();
    case TypeId::Int:
    case TypeId::Long: return v.isInt() ? Json(v.asInt()) : Json(v.toDouble());
    case TypeId::Boolean: return v.asBool();
    case TypeId::String: return v.asString();
    default: return nullptr;
    }
}

Json rowsJson(const std::vector<Row>& rows, const Schema& schema, const TimeZone& zone)
{
    // A name present twice (both sides of a join) is written with its qualifier.
    std::vector<std::string> names;
    for (size_t c = 0; c < schema.size(); ++c) {
        int same = 0;
        for (size_t d = 0; d < schema.size(); ++d)
            same += equalsIgnoreCase(schema[c].name, schema[d].name) ? 1 : 0;
        names.push_back(same > 1 && !schema[c].qualifier.empty() ? schema[c].qualifier + "." + schema[c].name : schema[c].name);
    }
    Json out = Json::array();
    for (const Row& r : rows) {
        Json o = Json::object();
        for (size_t c = 0; c < schema.size() && c < r.size(); ++c)
            o[names[c]] = cellJson(r[c], schema[c].type, zone);
        out.push_back(o);
    }
    return out;
}

/// The checkpoint after the batch: its offset log entry (OffsetSeq with OffsetSeqMetadata),
/// its commit log entry (null when it crashed before the commit) and the state version.
Json checkpointJson(const CheckpointAfterBatch& c, const Scenario& sc)
{
    Json sources = Json::object();
    for (size_t s = 0; s < sc.sources.size() && s < c.offsets.sourceOffsets.size(); ++s)
        if (!sc.sources[s].isStatic)
            sources[sc.sources[s].name] = c.offsets.sourceOffsets[s];
    Json j = {{"offsets", {{"batchId", c.offsets.batchId}, {"sources", sources}, {"batchWatermarkMs", c.offsets.batchWatermarkMs},
                           {"batchTimestampMs", c.offsets.batchTimestampMs}}}};
    j["commit"] = c.commit ? Json{{"batchId", c.commit->batchId}, {"nextBatchWatermarkMs", c.commit->nextBatchWatermarkMs}} : Json(nullptr);
    j["stateVersion"] = c.stateVersion ? Json(*c.stateVersion) : Json(nullptr);
    j["rerun"] = c.rerun;
    return j;
}

/// A stop and restart before the batch (populateStartOffsets' findings).
Json restartJson(const RestartRecord& r)
{
    Json j = {{"index", r.index},
              {"stopAtMs", microsToMillis(r.stopAt)},
              {"restartAtMs", microsToMillis(r.restartAt)},
              {"crashed", r.crashed},
              {"lastCommittedBatch", r.lastCommittedBatch},
              {"restoredWatermarkMs", r.restoredWatermarkMs},
              {"noDataBatchDropped", r.noDataBatchDropped},
              {"queryChanged", r.queryChanged},
              {"limitsChanged", r.limitsChanged}};
    j["uncommittedBatch"] = r.uncommittedBatch ? Json(*r.uncommittedBatch) : Json(nullptr);
    return j;
}

} // namespace

std::string batchJsonLine(const BatchRecord& b, const QueryPlan& plan, const Scenario& sc)
{
    Json j = Json::object();
    j["mode"] = outputModeName(plan.mode);
    j["batchId"] = b.batchId;
    j["triggerTimeMs"] = microsToMillis(b.triggerTime);
    j["noDataBatch"] = b.noData;
    j["numInputRows"] = b.numInputRows;
    j["watermarkMs"] = b.watermarkMs;
    j["lateFilterWatermarkMs"] = b.lateFilterWatermarkMs;
    j["nextWatermarkMs"] = b.nextWatermarkMs;
    // ProgressReporter: eventTime is empty without a watermark; otherwise the first watermark
    // node's stats (keys sorted, as safeMapToJValue writes them) plus the batch watermark.
    Json eventTime = Json::object();
    if (b.hasWatermark) {
        if (b.eventTime && !b.noData) {
            eventTime["avg"] = formatIsoUtcMillis(static_cast<Millis>(b.eventTime->avg));
            eventTime["max"] = formatIsoUtcMillis(b.eventTime->max);
            eventTime["min"] = formatIsoUtcMillis(b.eventTime->min);
        }
        eventTime["watermark"] = formatIsoUtcMillis(b.watermarkMs);
    }
    j["eventTime"] = eventTime;
    j["rows"] = rowsJson(b.sinkRows, plan.output, sc.zone);
    std::int64_t dropped = 0, state = 0;
    for (const auto& op : b.operators) {
        dropped += op.numRowsDroppedByWatermark;
        state += op.numRowsTotal;
    }
    j["numRowsDroppedByWatermark"] = dropped;
    j["droppedRows"] = rowsJson(b.droppedRows, plan.streamSchema, sc.zone);
    if (!plan.chain.empty()) {
        // Rows a chained operator dropped, each in that operator's input columns (a join's: in its
        // output columns, the other side null, as the first join's dropped rows are).
        Json chainDropped = Json::array();
        for (const auto& [op, row] : b.chainDroppedRows) {
            std::uint8_t index = plan.firstChainOperator();
            for (const ChainStage& stage : plan.chain) {
                if (stage.isStateful() && index++ == op) {
                    chainDropped.push_back(Json{{"operator", op}, {"row", rowsJson({row}, stage.join ? stage.output : stage.input, sc.zone)[0]}});
                    break;
                }
            }
        }
        j["chainDroppedRows"] = chainDropped;
    }
    j["stateRows"] = state;
    Json ops = Json::array();
    for (const auto& op : b.operators) {
        Json o = {{"operatorName", op.operatorName},
                  {"numRowsTotal", op.numRowsTotal},
                  {"numRowsUpdated", op.numRowsUpdated},
                  {"numRowsRemoved", op.numRowsRemoved},
                  {"numRowsDroppedByWatermark", op.numRowsDroppedByWatermark}};
        if (op.numDroppedDuplicateRows)
            o["customMetrics"] = Json{{"numDroppedDuplicateRows", *op.numDroppedDuplicateRows}};
        if (op.numRowsTotalLeft) {
            o["numRowsTotalLeft"] = *op.numRowsTotalLeft;
            o["numRowsTotalRight"] = *op.numRowsTotalRight;
        }
        ops.push_back(o);
    }
    j["stateOperators"] = ops;
    j["checkpoint"] = checkpointJson(b.checkpoint, sc);
    if (b.restart)
        j["restart"] = restartJson(*b.restart);
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string modeErrorJsonLine(OutputMode mode, const std::string& error)
{
    Json j = {{"mode", outputModeName(mode)}, {"error", error}};
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace tidemark
