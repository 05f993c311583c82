// SPDX-License-Identifier: GPL-3.0-or-later
// Writing scenario files: the inverse of ScenarioLoader, in the contract's key order.
#include "engine/scenario/ScenarioFile.h"

#include "engine/time/TimeFormat.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tidemark {

namespace {

using Json = nlohmann::ordered_json;

Json timeJson(Micros t, TimeStyle style, const Scenario& sc)
{
    if (style == TimeStyle::EpochSeconds) {
        if (t % kMicrosPerSecond == 0)
            return Json(t / kMicrosPerSecond);
        return Json(static_cast<double>(t) / kMicrosPerSecond);
    }
    return Json(formatScenarioTime(t, style, sc));
}

Json cellJson(const Value& v, const DataType& type, TimeStyle style, const Scenario& sc)
{
    if (v.isNull())
        return Json(nullptr);
    switch (type.id) {
    case TypeId::String: return Json(v.asString());
    case TypeId::Int:
    case TypeId::Long: return Json(v.asInt());
    case TypeId::Double: return Json(v.toDouble());
    case TypeId::Boolean: return Json(v.asBool());
    case TypeId::Timestamp: return timeJson(v.asInt(), style, sc);
    default: return Json(nullptr);
    }
}

Json rowJson(const Row& row, const Schema& schema, TimeStyle style, const Scenario& sc)
{
    Json j = Json::object();
    for (size_t i = 0; i < schema.size() && i < row.size(); ++i)
        j[schema[i].name] = cellJson(row[i], schema[i].type, style, sc);
    return j;
}

Json watermarkJson(const WatermarkSpec& w) { return Json{{"column", w.column}, {"delay", w.delay}}; }

Json windowJson(const WindowSpecText& w)
{
    Json j = {{"column", w.column}, {"duration", w.duration}};
    if (w.slide)
        j["slide"] = *w.slide;
    if (w.startTime)
        j["startTime"] = *w.startTime;
    return j;
}

Json groupByJson(const std::vector<GroupItem>& items)
{
    Json g = Json::array();
    for (const auto& item : items) {
        switch (item.kind) {
        case GroupItem::Kind::Column: g.push_back(item.column); break;
        case GroupItem::Kind::Window: g.push_back(Json{{"window", windowJson(item.window)}}); break;
        case GroupItem::Kind::Session:
            g.push_back(Json{{"session_window", Json{{"column", item.session.column}, {"gap", item.session.gap}}}});
            break;
        }
    }
    return g;
}

Json aggJson(const std::vector<AggSpec>& specs)
{
    Json a = Json::array();
    for (const auto& spec : specs) {
        Json e = {{"fn", spec.fn}};
        if (spec.column)
            e["column"] = *spec.column;
        if (spec.as)
            e["as"] = *spec.as;
        if (spec.distinct)
            e["distinct"] = true;
        a.push_back(e);
    }
    return a;
}

Json inputJson(const InputSpec& in)
{
    Json j = {{"source", in.source}};
    if (!in.selectExpr.empty())
        j["selectExpr"] = in.selectExpr;
    if (in.where)
        j["where"] = *in.where;
    if (in.withWatermark)
        j["withWatermark"] = watermarkJson(*in.withWatermark);
    if (in.window) {
        Json w = windowJson(*in.window);
        w["as"] = in.windowAs;
        j["window"] = w;
    }
    return j;
}

/// A join's `on` or `using`, and `type` (JoinSpec, StageJoinSpec).
template <typename Spec>
void addJoinCondition(Json& jn, const Spec& spec)
{
    if (spec.on)
        jn["on"] = *spec.on;
    if (!spec.usingColumns.empty())
        jn["using"] = spec.usingColumns;
    jn["type"] = spec.type;
}

Json queryJson(const QuerySpec& q, const Scenario& sc)
{
    Json j = Json::object();
    if (q.source)
        j["source"] = *q.source;
    if (!q.unionInputs.empty()) {
        Json u = Json::array();
        for (const auto& in : q.unionInputs)
            u.push_back(inputJson(in));
        j["union"] = u;
    }
    if (q.join) {
        Json jn = {{"left", inputJson(q.join->left)}, {"right", inputJson(q.join->right)}};
        addJoinCondition(jn, *q.join);
        j["join"] = jn;
    }
    if (!q.selectExpr.empty())
        j["selectExpr"] = q.selectExpr;
    if (q.where)
        j["where"] = *q.where;
    if (q.withWatermark)
        j["withWatermark"] = watermarkJson(*q.withWatermark);
    if (q.dropDuplicates)
        j["dropDuplicates"] = *q.dropDuplicates;
    if (q.dropDuplicatesWithinWatermark)
        j["dropDuplicatesWithinWatermark"] = *q.dropDuplicatesWithinWatermark;
    if (q.groupBy)
        j["groupBy"] = groupByJson(*q.groupBy);
    if (q.agg)
        j["agg"] = aggJson(*q.agg);
    if (!q.then.empty()) {
        Json stages = Json::array();
        for (const ChainStageSpec& stage : q.then) {
            Json st = Json::object();
            if (!stage.selectExpr.empty())
                st["selectExpr"] = stage.selectExpr;
            if (stage.where)
                st["where"] = *stage.where;
            if (stage.dropDuplicates)
                st["dropDuplicates"] = *stage.dropDuplicates;
            if (stage.dropDuplicatesWithinWatermark)
                st["dropDuplicatesWithinWatermark"] = *stage.dropDuplicatesWithinWatermark;
            if (stage.groupBy)
                st["groupBy"] = groupByJson(*stage.groupBy);
            if (stage.agg)
                st["agg"] = aggJson(*stage.agg);
            if (stage.join) {
                Json jn = {{"right", inputJson(stage.join->right)}};
                addJoinCondition(jn, *stage.join);
                st["join"] = jn;
            }
            stages.push_back(st);
        }
        j["then"] = stages;
    }
    j["outputMode"] = q.outputMode;
    Json t = Json::object();
    if (q.trigger.processingTime)
        t["processingTime"] = *q.trigger.processingTime;
    if (q.trigger.once)
        t["once"] = true;
    if (q.trigger.availableNow)
        t["availableNow"] = true;
    if (q.trigger.batchDuration)
        t["batchDuration"] = *q.trigger.batchDuration;
    if (q.trigger.startAt)
        t["startAt"] = timeJson(*q.trigger.startAt, q.trigger.startAtStyle, sc);
    if (!t.empty())
        j["trigger"] = t;
    if (q.sinkOptions != SinkOptions{}) {
        Json s = Json::object();
        if (!q.sinkOptions.truncate)
            s["truncate"] = false;
        if (q.sinkOptions.numRows != 20)
            s["numRows"] = q.sinkOptions.numRows;
        j["sinkOptions"] = s;
    }
    return j;
}

Json eventJson(const SourceEvent& e, const SourceSpec& src, const Scenario& sc)
{
    Json ev = {{"at", timeJson(e.at, e.atStyle, sc)}, {"row", rowJson(e.row, src.schema, e.rowTimeStyle, sc)}};
    if (e.partition >= 0)
        ev["partition"] = e.partition;
    if (e.offset >= 0)
        ev["offset"] = e.offset;
    return ev;
}

/// Pretty-prints with two-space indentation, but keeps each element of an "events" or
/// "rows" array on one line so that a scenario file reads as a table of events.
void print(std::string& out, const Json& j, int indent, bool compactElements)
{
    const std::string pad(static_cast<size_t>(indent), ' ');
    const std::string inner(static_cast<size_t>(indent + 2), ' ');
    if (j.is_object() && !j.empty()) {
        out += "{\n";
        size_t i = 0;
        for (auto it = j.begin(); it != j.end(); ++it, ++i) {
            out += inner + Json(it.key()).dump(-1, ' ', false) + ": ";
            const bool compactChildren = it.key() == "events" || it.key() == "rows" || it.key() == "faults";
            const bool compactSelf = it.key() == "schema" || it.key() == "withWatermark" || it.key() == "conf" || it.key() == "trigger"
                                     || it.key() == "sinkOptions" || it.key() == "selectExpr" || it.key() == "dropDuplicates"
                                     || it.key() == "dropDuplicatesWithinWatermark" || it.key() == "kafka";
            if (compactSelf)
                out += it.value().dump(-1, ' ', false);
            else
                print(out, it.value(), indent + 2, compactChildren);
            out += (i + 1 < j.size() ? ",\n" : "\n");
        }
        out += pad + "}";
    } else if (j.is_array() && !j.empty()) {
        out += "[\n";
        for (size_t i = 0; i < j.size(); ++i) {
            out += inner;
            if (compactElements || !j[i].is_structured())
                out += j[i].dump(-1, ' ', false);
            else
                print(out, j[i], indent + 2, false);
            out += (i + 1 < j.size() ? ",\n" : "\n");
        }
        out += pad + "]";
    } else {
        out += j.dump(-1, ' ', false);
    }
}

} // namespace

std::string scenarioEventJson(const SourceEvent& event, const SourceSpec& source, const Scenario& scenario)
{
    return eventJson(event, source, scenario).dump(-1, ' ', false); // as print() writes an element of "events"
}

std::string formatScenarioTime(Micros t, TimeStyle style, const Scenario& sc)
{
    switch (style) {
    case TimeStyle::EpochSeconds:
        return t % kMicrosPerSecond == 0 ? std::to_string(t / kMicrosPerSecond) : std::to_string(static_cast<double>(t) / kMicrosPerSecond);
    case TimeStyle::TimeOfDay:
        if (sc.date) {
            const CivilDate d = civilFromDays(sc.zone.toLocalDayTime(t).day);
            if (d.year == sc.date->year && d.month == sc.date->month && d.day == sc.date->day)
                return formatTimeOfDay(t, sc.zone);
        }
        return formatTimestamp(t, sc.zone);
    case TimeStyle::DateTime:
        return formatTimestamp(t, sc.zone);
    }
    return formatTimestamp(t, sc.zone);
}

namespace {

/// The restarts list; a restart's query is written as the keys it changes.
Json restartsJson(const Scenario& sc)
{
    Json list = Json::array();
    for (const RestartSpec& r : sc.restarts) {
        Json j = {{"stopAt", timeJson(r.stopAt, r.stopAtStyle, sc)}, {"restartAt", timeJson(r.restartAt, r.restartAtStyle, sc)}};
        if (r.crash)
            j["crash"] = true;
        if (!r.changedKeys.empty()) {
            const Json changed = queryJson(r.changes, sc);
            Json changes = Json::object();
            for (const std::string& key : r.changedKeys)
                changes[key] = changed.contains(key) ? changed[key] : Json(nullptr);
            j["query"] = changes;
        }
        if (!r.maxEventsPerTrigger.empty()) {
            Json m = Json::object();
            for (const auto& [source, limit] : r.maxEventsPerTrigger)
                m[source] = limit ? Json(*limit) : Json(nullptr);
            j["maxEventsPerTrigger"] = m;
        }
        list.push_back(std::move(j));
    }
    return list;
}

} // namespace

std::string scenarioToJson(const Scenario& sc)
{
    Json root = Json::object();
    root["tidemark"] = sc.formatVersion;
    if (!sc.title.empty())
        root["title"] = sc.title;
    if (!sc.description.empty())
        root["description"] = sc.description;
    if (sc.sparkVersionWritten || sc.sparkVersion != SparkVersion::newest())
        root["sparkVersion"] = sc.sparkVersion.toString();
    if (sc.timeZoneId != "UTC")
        root["timeZone"] = sc.timeZoneId;
    if (sc.date) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", sc.date->year, sc.date->month, sc.date->day);
        root["date"] = buf;
    }
    if (!sc.conf.writtenKeys.empty()) {
        Json c = Json::object();
        for (const auto& key : sc.conf.writtenKeys) {
            const auto refused = std::find_if(sc.conf.notBoolean.begin(), sc.conf.notBoolean.end(), [&](const auto& kv) { return kv.first == key; });
            if (refused != sc.conf.notBoolean.end())
                c[key] = refused->second; // kept as written, so the saved file still shows what Spark refuses
            else if (key == "spark.sql.streaming.noDataMicroBatches.enabled")
                c[key] = sc.conf.noDataMicroBatches;
            else if (key == "spark.sql.streaming.multipleWatermarkPolicy")
                c[key] = sc.conf.multipleWatermarkPolicy;
            else if (key == "spark.sql.streaming.statefulOperator.allowMultiple")
                c[key] = sc.conf.allowMultipleStatefulOperators;
            else if (key == "spark.sql.streaming.statefulOperator.checkCorrectness.enabled")
                c[key] = sc.conf.checkCorrectness;
        }
        root["conf"] = c;
    }
    Json sources = Json::object();
    for (const auto& src : sc.sources) {
        Json s = Json::object();
        if (src.isStatic)
            s["static"] = true;
        Json schema = Json::object();
        for (const auto& f : src.schema.fields)
            schema[f.name] = scenarioTypeName(f.type);
        s["schema"] = schema;
        if (src.format == SourceFormat::Kafka && !src.kafka)
            s["format"] = "kafka";
        if (src.kafka) {
            Json k = {{"bootstrapServers", src.kafka->bootstrapServers}, {"topic", src.kafka->topic},
                      {"startingOffsets", src.kafka->startingOffsets}};
            if (!src.kafka->groupId.empty())
                k["groupId"] = src.kafka->groupId;
            if (src.kafka->maxOffsetsPerTrigger)
                k["maxOffsetsPerTrigger"] = *src.kafka->maxOffsetsPerTrigger;
            if (!src.kafka->failOnDataLoss)
                k["failOnDataLoss"] = false; // Spark's default (true) is left out
            s["kafka"] = k;
        }
        if (src.maxEventsPerTrigger)
            s["maxEventsPerTrigger"] = *src.maxEventsPerTrigger;
        if (src.isStatic) {
            Json rows = Json::array();
            for (const auto& r : src.staticRows)
                rows.push_back(rowJson(r, src.schema, TimeStyle::EpochSeconds, sc));
            s["rows"] = rows;
        } else {
            Json events = Json::array();
            for (const auto& e : src.events)
                events.push_back(eventJson(e, src, sc));
            s["events"] = events;
        }
        sources[src.name] = s;
    }
    root["sources"] = sources;
    root["query"] = queryJson(sc.query, sc);
    if (!sc.liveFaults.empty()) {
        Json faults = Json::array();
        for (const RecordedFault& f : sc.liveFaults) {
            Json j = {{"at", formatScenarioTime(f.at, TimeStyle::DateTime, sc)}, {"source", f.source}, {"kind", f.kind}};
            if (f.source.empty())
                j.erase("source");
            if (f.partition >= 0)
                j["partition"] = f.partition;
            if (f.fromOffset >= 0)
                j["fromOffset"] = f.fromOffset;
            if (f.toOffset >= 0)
                j["toOffset"] = f.toOffset;
            if (!f.text.empty())
                j["text"] = f.text;
            faults.push_back(std::move(j));
        }
        root["live"] = Json{{"faults", faults}};
    }
    if (!sc.restarts.empty())
        root["restarts"] = restartsJson(sc);
    std::string out;
    print(out, root, 0, false);
    out += "\n";
    return out;
}

} // namespace tidemark
