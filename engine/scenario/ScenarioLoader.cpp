// SPDX-License-Identifier: GPL-3.0-or-later
// Reading scenario files: nlohmann/json stays private to this file and the writer.
#include "engine/scenario/ScenarioFile.h"

#include "engine/core/JsonRead.h"
#include "engine/time/Checked.h"
#include "engine/time/TimeFormat.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <tuple>

namespace tidemark {

namespace {

using namespace jsonread;

bool getBool(const Json& j, const std::string& path)
{
    if (j.is_boolean())
        return j.get<bool>();
    if (j.is_string()) {
        const std::string s = j.get<std::string>();
        if (s == "true")
            return true;
        if (s == "false")
            return false;
    }
    fail(path, "expected true or false, found " + std::string(jsonTypeName(j)));
}

std::vector<std::string> getStrings(const Json& j, const std::string& path)
{
    if (!j.is_array())
        fail(path, "expected an array of strings, found " + std::string(jsonTypeName(j)));
    std::vector<std::string> out;
    for (size_t i = 0; i < j.size(); ++i)
        out.push_back(getString(j[i], at(path, i)));
    return out;
}

struct TimeContext {
    const TimeZone* zone;
    const std::optional<CivilDate>* date;
};

/// A time as the contract spells it: a number of epoch seconds or a time string.
std::pair<Micros, TimeStyle> getTime(const Json& j, const std::string& path, const TimeContext& ctx)
{
    if (j.is_number()) {
        // A timestamp is a long of microseconds in Spark: years -290308 to 294247. Past that
        // the product would wrap into an unrelated time.
        static const std::string kRange = " seconds is outside the range of a timestamp (microseconds in 64 bits: years -290308 to 294247)";
        if (j.is_number_integer()) {
            const std::int64_t seconds = getInt(j, path);
            const auto micros = checkedMul(seconds, kMicrosPerSecond);
            if (!micros)
                fail(path, std::to_string(seconds) + kRange);
            return {*micros, TimeStyle::EpochSeconds};
        }
        const double seconds = j.get<double>();
        if (!std::isfinite(seconds))
            fail(path, "not a finite number of seconds");
        const double micros = std::round(seconds * kMicrosPerSecond);
        if (!(micros >= -9223372036854775808.0 && micros < 9223372036854775808.0))
            fail(path, j.dump() + kRange);
        return {static_cast<Micros>(micros), TimeStyle::EpochSeconds};
    }
    if (!j.is_string())
        fail(path, "expected a time (\"YYYY-MM-DD HH:MM:SS\", \"HH:MM:SS\" or epoch seconds), found " + std::string(jsonTypeName(j)));
    const std::string s = j.get<std::string>();
    auto t = parseTimestamp(s, *ctx.zone, *ctx.date);
    if (!t.ok())
        fail(path, t.error().message);
    return {t.value(), s.size() >= 10 && s[4] == '-' ? TimeStyle::DateTime : TimeStyle::TimeOfDay};
}

Value convertCell(const Json& j, const DataType& type, const std::string& path, const TimeContext& ctx, TimeStyle* style)
{
    if (j.is_null())
        return {};
    switch (type.id) {
    case TypeId::String:
        return Value(getString(j, path));
    case TypeId::Int: {
        const std::int64_t v = getInt(j, path);
        if (v < INT32_MIN || v > INT32_MAX)
            fail(path, std::to_string(v) + " does not fit an int column (use \"long\")");
        return Value(v);
    }
    case TypeId::Long:
        return Value(getInt(j, path));
    case TypeId::Double:
        if (!j.is_number())
            fail(path, "expected a number, found " + std::string(jsonTypeName(j)));
        return Value(j.get<double>());
    case TypeId::Boolean:
        if (!j.is_boolean())
            fail(path, "expected true or false, found " + std::string(jsonTypeName(j)));
        return Value(j.get<bool>());
    case TypeId::Timestamp: {
        auto [t, s] = getTime(j, path, ctx);
        if (style)
            *style = s;
        return Value(t);
    }
    default:
        fail(path, "unsupported column type");
    }
}

Row convertRow(const Json& j, const Schema& schema, const std::string& path, const TimeContext& ctx, TimeStyle* style)
{
    expectObject(j, path);
    Row row(schema.size());
    for (auto it = j.begin(); it != j.end(); ++it) {
        auto idx = schema.find(it.key());
        if (!idx || schema[*idx].name != it.key()) {
            std::string list;
            for (const auto& f : schema.fields)
                list += std::string(list.empty() ? "" : ", ") + f.name;
            fail(join(path, it.key()), "column \"" + it.key() + "\" is not in the source's schema (" + list + ")");
        }
        row[*idx] = convertCell(it.value(), schema[*idx].type, join(path, it.key()), ctx, style);
    }
    return row; // missing columns stay null, as from_json leaves them
}

Schema parseSchema(const Json& j, const std::string& path, const std::string& sourceName)
{
    if (!j.is_object())
        fail(path, "expected an object of column name to type, found " + std::string(jsonTypeName(j)));
    if (j.empty())
        fail(path, "a streaming source needs at least one column");
    Schema schema;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string colPath = join(path, it.key());
        auto type = parseScenarioType(getString(it.value(), colPath));
        if (!type)
            fail(colPath, "unknown type \"" + it.value().get<std::string>() + "\"; expected string, int, long, double, boolean or timestamp");
        if (schema.find(it.key()))
            fail(colPath, "column \"" + it.key() + "\" appears twice (names are case-insensitive)");
        schema.fields.push_back(Field{it.key(), *type, std::nullopt, sourceName});
    }
    return schema;
}

WatermarkSpec parseWatermark(const Json& j, const std::string& path)
{
    checkKeys(j, path, {"column", "delay"});
    WatermarkSpec w;
    const Json* c = find(j, "column");
    const Json* d = find(j, "delay");
    if (!c)
        fail(path, "missing \"column\"");
    if (!d)
        fail(path, "missing \"delay\"");
    w.column = getString(*c, join(path, "column"));
    w.delay = getString(*d, join(path, "delay"));
    return w;
}

WindowSpecText parseWindow(const Json& j, const std::string& path, bool allowAs, std::string* as)
{
    if (allowAs)
        checkKeys(j, path, {"column", "duration", "slide", "startTime", "as"});
    else
        checkKeys(j, path, {"column", "duration", "slide", "startTime"});
    WindowSpecText w;
    const Json* c = find(j, "column");
    const Json* d = find(j, "duration");
    if (!c)
        fail(path, "missing \"column\"");
    if (!d)
        fail(path, "missing \"duration\"");
    w.column = getString(*c, join(path, "column"));
    w.duration = getString(*d, join(path, "duration"));
    if (const Json* s = find(j, "slide"))
        w.slide = getString(*s, join(path, "slide"));
    if (const Json* s = find(j, "startTime"))
        w.startTime = getString(*s, join(path, "startTime"));
    if (allowAs) {
        const Json* a = find(j, "as");
        *as = a ? getString(*a, join(path, "as")) : "window";
    }
    return w;
}

InputSpec parseInput(const Json& j, const std::string& path, bool isJoinSide)
{
    if (isJoinSide)
        checkKeys(j, path, {"source", "selectExpr", "where", "withWatermark", "window"});
    else
        checkKeys(j, path, {"source", "selectExpr", "where", "withWatermark"});
    InputSpec in;
    const Json* s = find(j, "source");
    if (!s)
        fail(path, "missing \"source\"");
    in.source = getString(*s, join(path, "source"));
    if (const Json* e = find(j, "selectExpr"))
        in.selectExpr = getStrings(*e, join(path, "selectExpr"));
    if (const Json* w = find(j, "where"))
        in.where = getString(*w, join(path, "where"));
    if (const Json* w = find(j, "withWatermark"))
        in.withWatermark = parseWatermark(*w, join(path, "withWatermark"));
    if (const Json* w = find(j, "window"))
        in.window = parseWindow(*w, join(path, "window"), true, &in.windowAs);
    return in;
}

std::vector<GroupItem> parseGroupBy(const Json& j, const std::string& path)
{
    if (!j.is_array())
        fail(path, "expected an array of column names and at most one {\"window\": ...} or {\"session_window\": ...}");
    std::vector<GroupItem> items;
    for (size_t i = 0; i < j.size(); ++i) {
        const std::string p = at(path, i);
        GroupItem item;
        if (j[i].is_string()) {
            item.kind = GroupItem::Kind::Column;
            item.column = j[i].get<std::string>();
        } else if (j[i].is_object()) {
            checkKeys(j[i], p, {"window", "session_window"});
            if (j[i].size() != 1)
                fail(p, "expected exactly one of \"window\" or \"session_window\"");
            if (const Json* w = find(j[i], "window")) {
                item.kind = GroupItem::Kind::Window;
                item.window = parseWindow(*w, join(p, "window"), false, nullptr);
            } else {
                const Json& s = *find(j[i], "session_window");
                const std::string sp = join(p, "session_window");
                checkKeys(s, sp, {"column", "gap"});
                item.kind = GroupItem::Kind::Session;
                const Json* c = find(s, "column");
                const Json* g = find(s, "gap");
                if (!c)
                    fail(sp, "missing \"column\"");
                if (!g)
                    fail(sp, "missing \"gap\"");
                item.session.column = getString(*c, join(sp, "column"));
                item.session.gap = getString(*g, join(sp, "gap"));
            }
        } else {
            fail(p, "expected a column name or a {\"window\": ...} object, found " + std::string(jsonTypeName(j[i])));
        }
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<AggSpec> parseAgg(const Json& j, const std::string& path)
{
    if (!j.is_array())
        fail(path, "expected an array of {\"fn\": ..., \"column\": ..., \"as\": ...}");
    std::vector<AggSpec> out;
    for (size_t i = 0; i < j.size(); ++i) {
        const std::string p = at(path, i);
        checkKeys(j[i], p, {"fn", "column", "as", "distinct"});
        AggSpec a;
        const Json* fn = find(j[i], "fn");
        if (!fn)
            fail(p, "missing \"fn\"");
        a.fn = getString(*fn, join(p, "fn"));
        if (const Json* c = find(j[i], "column"))
            a.column = getString(*c, join(p, "column"));
        if (const Json* c = find(j[i], "as"))
            a.as = getString(*c, join(p, "as"));
        if (const Json* c = find(j[i], "distinct"))
            a.distinct = getBool(*c, join(p, "distinct"));
        out.push_back(std::move(a));
    }
    return out;
}

TriggerSpec parseTrigger(const Json& j, const std::string& path, const TimeContext& ctx)
{
    checkKeys(j, path, {"processingTime", "once", "availableNow", "batchDuration", "startAt"});
    TriggerSpec t;
    if (const Json* p = find(j, "processingTime"))
        t.processingTime = getString(*p, join(path, "processingTime"));
    if (const Json* o = find(j, "once"))
        t.once = getBool(*o, join(path, "once"));
    if (const Json* a = find(j, "availableNow"))
        t.availableNow = getBool(*a, join(path, "availableNow"));
    if (const Json* d = find(j, "batchDuration"))
        t.batchDuration = getString(*d, join(path, "batchDuration"));
    if (const Json* s = find(j, "startAt")) {
        auto [time, style] = getTime(*s, join(path, "startAt"), ctx);
        t.startAt = time;
        t.startAtStyle = style;
    }
    return t;
}

/// A join's `on` or `using`, and `type` (JoinSpec, StageJoinSpec).
template <typename Spec>
void parseJoinCondition(const Json& jn, const std::string& jp, Spec& spec)
{
    if (const Json* on = find(jn, "on"))
        spec.on = getString(*on, jp + ".on");
    if (const Json* us = find(jn, "using"))
        spec.usingColumns = getStrings(*us, jp + ".using");
    if (spec.on && !spec.usingColumns.empty())
        fail(jp, "give either \"on\" or \"using\", not both");
    if (const Json* t = find(jn, "type"))
        spec.type = getString(*t, jp + ".type");
}

/// `query.then`: the stateful operators after the first, each with its own steps.
std::vector<ChainStageSpec> parseChain(const Json& j, const std::string& path)
{
    if (!j.is_array() || j.empty())
        fail(path, "expected an array of stages ({\"groupBy\": ..., \"agg\": ...}, {\"dropDuplicates\": ...}, ...)");
    std::vector<ChainStageSpec> stages;
    for (size_t i = 0; i < j.size(); ++i) {
        const Json& s = j[i];
        const std::string sp = at(path, i);
        if (!s.is_object())
            fail(sp, "expected an object");
        checkKeys(s, sp, {"selectExpr", "where", "dropDuplicates", "dropDuplicatesWithinWatermark", "groupBy", "agg", "join"});
        ChainStageSpec stage;
        if (const Json* e = find(s, "selectExpr"))
            stage.selectExpr = getStrings(*e, sp + ".selectExpr");
        if (const Json* w = find(s, "where"))
            stage.where = getString(*w, sp + ".where");
        if (const Json* d = find(s, "dropDuplicates"))
            stage.dropDuplicates = getStrings(*d, sp + ".dropDuplicates");
        if (const Json* d = find(s, "dropDuplicatesWithinWatermark"))
            stage.dropDuplicatesWithinWatermark = getStrings(*d, sp + ".dropDuplicatesWithinWatermark");
        if (const Json* g = find(s, "groupBy"))
            stage.groupBy = parseGroupBy(*g, sp + ".groupBy");
        if (const Json* a = find(s, "agg"))
            stage.agg = parseAgg(*a, sp + ".agg");
        if (const Json* jn = find(s, "join")) {
            const std::string jp = sp + ".join";
            if (!jn->is_object())
                fail(jp, "expected an object ({\"right\": ..., \"on\": ..., \"type\": ...})");
            checkKeys(*jn, jp, {"right", "on", "using", "type"});
            StageJoinSpec spec;
            const Json* r = find(*jn, "right");
            if (!r)
                fail(jp, "a join in \"then\" needs \"right\" (its left input is what comes before it)");
            spec.right = parseInput(*r, jp + ".right", true);
            parseJoinCondition(*jn, jp, spec);
            stage.join = std::move(spec);
        }
        const int operators = (stage.dropDuplicates ? 1 : 0) + (stage.dropDuplicatesWithinWatermark ? 1 : 0) + (stage.groupBy || stage.agg ? 1 : 0)
                              + (stage.join ? 1 : 0);
        if (operators > 1)
            fail(sp, "give one stateful operator per stage (dropDuplicates, dropDuplicatesWithinWatermark, groupBy/agg or join); put the next in the next stage");
        if (operators == 0 && stage.selectExpr.empty() && !stage.where)
            fail(sp, "an empty stage: give selectExpr, where, dropDuplicates, dropDuplicatesWithinWatermark, groupBy/agg or join");
        stages.push_back(std::move(stage));
    }
    return stages;
}

QuerySpec parseQuery(const Json& j, const TimeContext& ctx)
{
    const std::string path = "query";
    checkKeys(j, path, {"source", "union", "join", "selectExpr", "where", "withWatermark", "dropDuplicates",
                        "dropDuplicatesWithinWatermark", "groupBy", "agg", "then", "outputMode", "trigger", "sinkOptions"});
    QuerySpec q;
    int inputs = 0;
    if (const Json* s = find(j, "source")) {
        q.source = getString(*s, "query.source");
        ++inputs;
    }
    if (const Json* u = find(j, "union")) {
        if (!u->is_array() || u->size() < 2)
            fail("query.union", "expected an array of at least two inputs ({\"source\": ...})");
        for (size_t i = 0; i < u->size(); ++i)
            q.unionInputs.push_back(parseInput((*u)[i], at("query.union", i), false));
        ++inputs;
    }
    if (const Json* jn = find(j, "join")) {
        const std::string jp = "query.join";
        checkKeys(*jn, jp, {"left", "right", "on", "using", "type"});
        JoinSpec spec;
        const Json* l = find(*jn, "left");
        const Json* r = find(*jn, "right");
        if (!l || !r)
            fail(jp, "a join needs \"left\" and \"right\"");
        spec.left = parseInput(*l, jp + ".left", true);
        spec.right = parseInput(*r, jp + ".right", true);
        parseJoinCondition(*jn, jp, spec);
        q.join = std::move(spec);
        ++inputs;
    }
    if (inputs == 0)
        fail(path, "missing the input: give \"source\", \"union\" or \"join\"");
    if (inputs > 1)
        fail(path, "give only one of \"source\", \"union\" and \"join\"");
    if (const Json* e = find(j, "selectExpr"))
        q.selectExpr = getStrings(*e, "query.selectExpr");
    if (const Json* w = find(j, "where"))
        q.where = getString(*w, "query.where");
    if (const Json* w = find(j, "withWatermark"))
        q.withWatermark = parseWatermark(*w, "query.withWatermark");
    if (const Json* d = find(j, "dropDuplicates"))
        q.dropDuplicates = getStrings(*d, "query.dropDuplicates");
    if (const Json* d = find(j, "dropDuplicatesWithinWatermark"))
        q.dropDuplicatesWithinWatermark = getStrings(*d, "query.dropDuplicatesWithinWatermark");
    if (const Json* g = find(j, "groupBy"))
        q.groupBy = parseGroupBy(*g, "query.groupBy");
    if (const Json* a = find(j, "agg"))
        q.agg = parseAgg(*a, "query.agg");
    if (const Json* t = find(j, "then"))
        q.then = parseChain(*t, "query.then");
    if (const Json* m = find(j, "outputMode"))
        q.outputMode = getString(*m, "query.outputMode");
    if (const Json* t = find(j, "trigger"))
        q.trigger = parseTrigger(*t, "query.trigger", ctx);
    if (const Json* s = find(j, "sinkOptions")) {
        checkKeys(*s, "query.sinkOptions", {"truncate", "numRows"});
        if (const Json* t = find(*s, "truncate"))
            q.sinkOptions.truncate = getBool(*t, "query.sinkOptions.truncate");
        if (const Json* n = find(*s, "numRows")) {
            const auto rows = getInt(*n, "query.sinkOptions.numRows");
            if (rows < 0 || rows > 1000000)
                fail("query.sinkOptions.numRows", "expected a number of rows between 0 and 1000000");
            q.sinkOptions.numRows = static_cast<int>(rows);
        }
    }
    return q;
}

SparkConf parseConf(const Json& j)
{
    static const char* kNoData = "spark.sql.streaming.noDataMicroBatches.enabled";
    static const char* kPolicy = "spark.sql.streaming.multipleWatermarkPolicy";
    static const char* kAllowMultiple = "spark.sql.streaming.statefulOperator.allowMultiple";
    static const char* kCheck = "spark.sql.streaming.statefulOperator.checkCorrectness.enabled";
    checkKeys(j, "conf", {kNoData, kPolicy, kAllowMultiple, kCheck});
    SparkConf c;
    // Spark keeps every conf value as a string; booleanConf reads it with s.trim.toBoolean
    // (case-insensitive), and a value it refuses is reported when the query is analysed.
    auto confBool = [&c](const Json& v, const std::string& key, bool& out) {
        if (v.is_boolean()) {
            out = v.get<bool>();
            return;
        }
        const std::string text = v.is_string() ? v.get<std::string>() : v.dump();
        std::string word = text;
        const auto first = word.find_first_not_of(" \t\n\r\f\v");
        word = first == std::string::npos ? std::string() : word.substr(first, word.find_last_not_of(" \t\n\r\f\v") - first + 1);
        for (char& ch : word)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (word == "true" || word == "false")
            out = word == "true";
        else
            c.notBoolean.emplace_back(key, text);
    };
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string p = join("conf", it.key());
        c.writtenKeys.push_back(it.key());
        if (it.key() == kNoData)
            confBool(it.value(), it.key(), c.noDataMicroBatches);
        else if (it.key() == kPolicy)
            c.multipleWatermarkPolicy = getString(it.value(), p);
        else if (it.key() == kAllowMultiple)
            confBool(it.value(), it.key(), c.allowMultipleStatefulOperators);
        else if (it.key() == kCheck)
            confBool(it.value(), it.key(), c.checkCorrectness);
    }
    return c;
}

KafkaSettings parseKafka(const Json& j, const std::string& path)
{
    checkKeys(j, path, {"bootstrapServers", "topic", "startingOffsets", "groupId", "maxOffsetsPerTrigger", "failOnDataLoss"});
    KafkaSettings k;
    if (const Json* b = find(j, "bootstrapServers"))
        k.bootstrapServers = getString(*b, join(path, "bootstrapServers"));
    if (const Json* t = find(j, "topic"))
        k.topic = getString(*t, join(path, "topic"));
    else
        fail(path, "missing \"topic\"");
    if (const Json* s = find(j, "startingOffsets")) {
        k.startingOffsets = getString(*s, join(path, "startingOffsets"));
        if (k.startingOffsets != "earliest" && k.startingOffsets != "latest")
            fail(join(path, "startingOffsets"), "expected \"earliest\" or \"latest\"");
    }
    if (const Json* g = find(j, "groupId"))
        k.groupId = getString(*g, join(path, "groupId"));
    if (const Json* m = find(j, "maxOffsetsPerTrigger")) {
        k.maxOffsetsPerTrigger = getInt(*m, join(path, "maxOffsetsPerTrigger"));
        if (*k.maxOffsetsPerTrigger <= 0)
            fail(join(path, "maxOffsetsPerTrigger"), "expected a positive number");
    }
    if (const Json* f = find(j, "failOnDataLoss"))
        k.failOnDataLoss = getBool(*f, join(path, "failOnDataLoss"));
    return k;
}

SourceEvent convertEvent(const Json& j, const SourceSpec& source, const std::string& path, const TimeContext& ctx)
{
    checkKeys(j, path, {"at", "row", "partition", "offset"});
    const Json* a = find(j, "at");
    if (!a)
        fail(path, "missing \"at\" (the event's arrival time)");
    const Json* r = find(j, "row");
    if (!r)
        fail(path, "missing \"row\"");
    SourceEvent e;
    auto [time, style] = getTime(*a, join(path, "at"), ctx);
    e.at = time;
    e.atStyle = style;
    e.row = convertRow(*r, source.schema, join(path, "row"), ctx, &e.rowTimeStyle);
    if (const Json* p = find(j, "partition")) {
        // Kafka's partition is a non-negative int; a larger number would wrap into another partition.
        const std::int64_t partition = getInt(*p, join(path, "partition"));
        if (partition < 0 || partition > INT32_MAX)
            fail(join(path, "partition"), "expected a partition number between 0 and 2147483647");
        e.partition = static_cast<std::int32_t>(partition);
    }
    if (const Json* o = find(j, "offset")) {
        e.offset = getInt(*o, join(path, "offset"));
        if (e.offset < 0)
            fail(join(path, "offset"), "expected an offset of 0 or more");
    }
    return e;
}

/// Follows nlohmann's parser callbacks to recognise the elements of `sources.<name>.events`.
/// The callback's depth is that of the element (root = 0), so an event element completes
/// at depth 4 under the keys "sources" (depth 1) and "events" (depth 3).
class EventPath {
public:
    using Event = nlohmann::detail::parse_event_t;

    /// Call first for every callback; returns true when `parsed` is a complete event element.
    bool completesEvent(int depth, Event event, const Json& parsed)
    {
        const auto d = static_cast<size_t>(depth);
        if (m_keys.size() <= d + 1) {
            m_keys.resize(d + 2);
            m_isArray.resize(d + 2);
        }
        switch (event) {
        case Event::key:
            m_keys[d] = parsed.get<std::string>();
            return false;
        case Event::object_start:
        case Event::array_start:
            m_isArray[d] = event == Event::array_start;
            if (d == 3)
                m_index = 0;
            return false;
        case Event::object_end:
        case Event::array_end:
        case Event::value:
            if (d == 4 && m_keys[1] == "sources" && m_keys[3] == "events" && m_isArray[3] && !m_isArray[0]) {
                m_current = m_index++;
                return true;
            }
            return false;
        }
        return false;
    }
    const std::string& sourceName() const { return m_keys[2]; }
    size_t eventIndex() const { return m_current; }

private:
    std::vector<std::string> m_keys;
    std::vector<bool> m_isArray;
    size_t m_index = 0;
    size_t m_current = 0;
};

/// Pass 1: everything except the events (dropped as soon as each is parsed).
Json parseSkeleton(std::istream& in)
{
    EventPath path;
    auto cb = [&](int depth, nlohmann::detail::parse_event_t event, Json& parsed) {
        return !path.completesEvent(depth, event, parsed);
    };
    return Json::parse(in, cb, true, false);
}

/// Pass 2: stream the events, converting each with its source's schema, then dropping it.
void streamEvents(std::istream& in, Scenario& sc, const TimeContext& ctx, const std::map<std::string, size_t>& sourceIndex)
{
    EventPath path;
    auto cb = [&](int depth, nlohmann::detail::parse_event_t event, Json& parsed) {
        if (!path.completesEvent(depth, event, parsed))
            return true;
        auto it = sourceIndex.find(path.sourceName());
        if (it != sourceIndex.end()) {
            SourceSpec& src = sc.sources[it->second];
            const std::string where = at(join(join("sources", src.name), "events"), path.eventIndex());
            src.events.push_back(convertEvent(parsed, src, where, ctx));
        }
        return false;
    };
    const Json rest = Json::parse(in, cb, true, false); // the events were taken out by the callback
    (void)rest;
}

/// "live": {"faults": [{"at": ..., "source": ..., "kind": ..., "partition": P, "fromOffset": A, "toOffset": B, "text": ...}]}:
/// what happened to a recorded live source. Kinds are kept as written, so a newer recording still loads.
std::vector<RecordedFault> parseLiveFaults(const Json& live, const Scenario& sc, const TimeContext& ctx)
{
    expectObject(live, "live");
    checkKeys(live, "live", {"faults"});
    std::vector<RecordedFault> faults;
    const Json* list = find(live, "faults");
    if (!list)
        return faults;
    if (!list->is_array())
        fail("live.faults", "expected an array of faults");
    for (size_t i = 0; i < list->size(); ++i) {
        const Json& f = (*list)[i];
        const std::string path = at("live.faults", i);
        expectObject(f, path);
        checkKeys(f, path, {"at", "source", "kind", "partition", "fromOffset", "toOffset", "text"});
        RecordedFault r;
        const Json* when = find(f, "at");
        const Json* kind = find(f, "kind");
        if (!when || !kind)
            fail(path, "a fault needs \"at\" and \"kind\"");
        r.at = getTime(*when, join(path, "at"), ctx).first;
        r.kind = getString(*kind, join(path, "kind"));
        if (r.kind.empty())
            fail(join(path, "kind"), "expected the kind of fault, e.g. \"brokerLost\"");
        if (const Json* s = find(f, "source")) {
            r.source = getString(*s, join(path, "source"));
            if (!sc.findSource(r.source))
                fail(join(path, "source"), "no source named \"" + r.source + "\"");
        }
        if (const Json* p = find(f, "partition")) {
            const std::int64_t partition = getInt(*p, join(path, "partition"));
            if (partition < 0 || partition > std::numeric_limits<std::int32_t>::max())
                fail(join(path, "partition"), "expected a partition number (0 to 2147483647)");
            r.partition = static_cast<std::int32_t>(partition);
        }
        if (const Json* o = find(f, "fromOffset"))
            r.fromOffset = getInt(*o, join(path, "fromOffset"));
        if (const Json* o = find(f, "toOffset"))
            r.toOffset = getInt(*o, join(path, "toOffset"));
        if (r.fromOffset < -1 || r.toOffset < -1 || (r.fromOffset >= 0 && r.toOffset >= 0 && r.toOffset < r.fromOffset))
            fail(path, "expected offsets with 0 <= fromOffset <= toOffset");
        if (const Json* t = find(f, "text"))
            r.text = getString(*t, join(path, "text"));
        faults.push_back(std::move(r));
    }
    return faults;
}

/// "restarts": [{"stopAt": T, "restartAt": T, "crash": true, "query": {changed keys}, "maxEventsPerTrigger": {"source": N}}].
/// A restart's `query` holds the keys that change, each replacing the previous run's key (null
/// removes it); the result is read as a whole query, its errors located under the restart.
std::vector<RestartSpec> parseRestarts(const Json& list, const Json& firstQuery, const Scenario& sc, const TimeContext& ctx)
{
    if (!list.is_array())
        fail("restarts", "expected an array of restarts ({\"stopAt\": ..., \"restartAt\": ...})");
    std::vector<RestartSpec> out;
    Json query = firstQuery;
    std::optional<Micros> previousRestart;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string path = at("restarts", i);
        const Json& r = list[i];
        expectObject(r, path);
        checkKeys(r, path, {"stopAt", "restartAt", "crash", "query", "maxEventsPerTrigger"});
        RestartSpec spec;
        const Json* stop = find(r, "stopAt");
        const Json* start = find(r, "restartAt");
        if (!stop || !start)
            fail(path, std::string("missing \"") + (stop ? "restartAt" : "stopAt") + "\": a restart names when the query stops and when it starts again");
        std::tie(spec.stopAt, spec.stopAtStyle) = getTime(*stop, join(path, "stopAt"), ctx);
        std::tie(spec.restartAt, spec.restartAtStyle) = getTime(*start, join(path, "restartAt"), ctx);
        if (spec.restartAt < spec.stopAt)
            fail(join(path, "restartAt"), "the query restarts before it stops; expected a time at or after \"stopAt\"");
        if (previousRestart && spec.stopAt <= *previousRestart)
            fail(join(path, "stopAt"), "restarts are listed in time order: this stop is not after the previous restart");
        previousRestart = spec.restartAt;
        if (const Json* c = find(r, "crash"))
            spec.crash = getBool(*c, join(path, "crash"));
        if (const Json* q = find(r, "query")) {
            expectObject(*q, join(path, "query"));
            for (auto it = q->begin(); it != q->end(); ++it) {
                if (it.value().is_null())
                    query.erase(it.key());
                else
                    query[it.key()] = it.value();
                spec.changedKeys.push_back(it.key());
            }
            try {
                spec.changes = parseQuery(query, ctx); // the whole query, so that every key is checked in context
            } catch (const LoadFailure& f) {
                // parseQuery names its paths from "query"; the change lives under the restart.
                const bool inQuery = f.where.rfind("query", 0) == 0;
                fail(inQuery ? path + "." + f.where : join(path, "query"), f.message);
            }
        }
        if (const Json* m = find(r, "maxEventsPerTrigger")) {
            const std::string mp = join(path, "maxEventsPerTrigger");
            expectObject(*m, mp);
            for (auto it = m->begin(); it != m->end(); ++it) {
                const SourceSpec* src = sc.findSource(it.key());
                if (!src || src->isStatic)
                    fail(join(mp, it.key()), "no streaming source named \"" + it.key() + "\"");
                if (it.value().is_null()) {
                    spec.maxEventsPerTrigger[it.key()] = std::nullopt;
                    continue;
                }
                const std::int64_t limit = getInt(it.value(), join(mp, it.key()));
                if (limit <= 0)
                    fail(join(mp, it.key()), "expected a positive number, or null to remove the limit");
                spec.maxEventsPerTrigger[it.key()] = limit;
            }
        }
        out.push_back(std::move(spec));
    }
    return out;
}

Scenario buildScenario(const Json& root, const std::function<void(Scenario&, const TimeContext&, const std::map<std::string, size_t>&)>& events)
{
    checkKeys(root, "", {"tidemark", "title", "description", "sparkVersion", "timeZone", "date", "conf", "sources", "query", "live", "restarts"});
    Scenario sc;
    const Json* version = find(root, "tidemark");
    if (!version)
        fail("tidemark", "missing: a scenario file starts with \"tidemark\": 1");
    const std::int64_t formatVersion = getInt(*version, "tidemark");
    if (formatVersion != 1)
        fail("tidemark", "format version " + std::to_string(formatVersion) + " is not supported (this Tidemark reads version 1)");
    sc.formatVersion = 1;
    if (const Json* t = find(root, "title"))
        sc.title = getString(*t, "title");
    if (const Json* d = find(root, "description"))
        sc.description = getString(*d, "description");
    if (const Json* v = find(root, "sparkVersion")) {
        const std::string text = getString(*v, "sparkVersion");
        auto parsed = SparkVersion::parse(text);
        if (!parsed)
            fail("sparkVersion", "\"" + text + "\" is not a modelled Spark release; expected 3.0, 3.1, 3.2, 3.3, 3.4, 3.5 or 4.0");
        sc.sparkVersion = *parsed;
        sc.sparkVersionWritten = true;
    }
    if (const Json* z = find(root, "timeZone")) {
        sc.timeZoneId = getString(*z, "timeZone");
        auto zone = TimeZone::load(sc.timeZoneId);
        if (!zone.ok())
            fail("timeZone", zone.error().message);
        sc.zone = zone.value();
    }
    if (const Json* d = find(root, "date")) {
        auto date = parseDate(getString(*d, "date"));
        if (!date)
            fail("date", "expected a date \"YYYY-MM-DD\"");
        sc.date = date;
    }
    if (const Json* c = find(root, "conf"))
        sc.conf = parseConf(*c);
    const TimeContext ctx{&sc.zone, &sc.date};

    const Json* sources = find(root, "sources");
    if (!sources)
        fail("sources", "missing: a scenario needs at least one source");
    expectObject(*sources, "sources");
    if (sources->empty())
        fail("sources", "a scenario needs at least one source");
    std::map<std::string, size_t> sourceIndex;
    for (auto it = sources->begin(); it != sources->end(); ++it) {
        const std::string path = join("sources", it.key());
        checkKeys(it.value(), path, {"schema", "events", "maxEventsPerTrigger", "format", "static", "rows", "kafka"});
        SourceSpec src;
        src.name = it.key();
        const Json& s = it.value();
        const Json* schema = find(s, "schema");
        if (!schema)
            fail(path, "missing \"schema\": Spark needs a user-specified schema for a streaming source "
                       "(\"Schema must be specified when creating a streaming source DataFrame.\")");
        src.schema = parseSchema(*schema, join(path, "schema"), src.name);
        if (const Json* st = find(s, "static"))
            src.isStatic = getBool(*st, join(path, "static"));
        if (const Json* m = find(s, "maxEventsPerTrigger")) {
            src.maxEventsPerTrigger = getInt(*m, join(path, "maxEventsPerTrigger"));
            if (*src.maxEventsPerTrigger <= 0)
                fail(join(path, "maxEventsPerTrigger"), "expected a positive number");
        }
        if (const Json* f = find(s, "format")) {
            const std::string fmt = getString(*f, join(path, "format"));
            if (fmt == "kafka")
                src.format = SourceFormat::Kafka;
            else if (fmt != "memory")
                fail(join(path, "format"), "expected \"memory\" or \"kafka\"");
        }
        if (const Json* k = find(s, "kafka")) {
            src.kafka = parseKafka(*k, join(path, "kafka"));
            src.format = SourceFormat::Kafka;
        }
        if (src.isStatic) {
            if (find(s, "events"))
                fail(join(path, "events"), "a static source has \"rows\", not \"events\"");
            if (src.kafka || src.maxEventsPerTrigger)
                fail(path, "a static source cannot have \"kafka\" or \"maxEventsPerTrigger\"");
            if (const Json* rows = find(s, "rows")) {
                if (!rows->is_array())
                    fail(join(path, "rows"), "expected an array of rows");
                for (size_t i = 0; i < rows->size(); ++i)
                    src.staticRows.push_back(convertRow((*rows)[i], src.schema, at(join(path, "rows"), i), ctx, nullptr));
            }
        } else {
            if (find(s, "rows"))
                fail(join(path, "rows"), "\"rows\" belongs to a static source (\"static\": true); a stream has \"events\"");
            if (const Json* ev = find(s, "events"); ev && !ev->is_array())
                fail(join(path, "events"), "expected an array of events");
        }
        sourceIndex[src.name] = sc.sources.size();
        sc.sources.push_back(std::move(src));
    }
    events(sc, ctx, sourceIndex);

    const Json* query = find(root, "query");
    if (!query)
        fail("query", "missing: a scenario needs a query");
    sc.query = parseQuery(*query, ctx);
    if (const Json* live = find(root, "live"))
        sc.liveFaults = parseLiveFaults(*live, sc, ctx);
    if (const Json* restarts = find(root, "restarts"))
        sc.restarts = parseRestarts(*restarts, *query, sc, ctx);
    return sc;
}

Result<Scenario> loadFrom(const std::function<std::unique_ptr<std::istream>()>& open)
{
    return catchLoadErrors<Scenario>([&] {
        checkJsonText(*open());
        auto in = open();
        Json skeleton = parseSkeleton(*in);
        return buildScenario(skeleton, [&](Scenario& sc, const TimeContext& ctx, const std::map<std::string, size_t>& index) {
            auto second = open();
            streamEvents(*second, sc, ctx, index);
        });
    });
}

} // namespace

Result<Scenario> loadScenarioFile(const std::string& path)
{
    if (auto regular = checkRegularFile(path); !regular)
        return regular.error();
    {
        std::ifstream probe(path, std::ios::binary);
        if (!probe)
            return Error::file("", "cannot open the file (" + std::string(std::strerror(errno)) + ")");
    }
    return loadFrom([&] { return std::make_unique<std::ifstream>(path, std::ios::binary); });
}

Result<Scenario> loadScenarioText(const std::string& text)
{
    return loadFrom([&] { return std::make_unique<std::istringstream>(text); });
}

} // namespace tidemark
