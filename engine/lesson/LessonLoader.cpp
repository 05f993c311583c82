// SPDX-License-Identifier: GPL-3.0-or-later
// Reading lesson files: nlohmann/json stays private to this file, as in the scenario loader.
#include "engine/lesson/LessonFile.h"

#include "engine/core/JsonRead.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/schema/Schema.h"
#include "engine/time/TimeFormat.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

namespace tidemark {

const char* predictKindName(PredictKind kind)
{
    switch (kind) {
    case PredictKind::Sink: return "sink";
    case PredictKind::Drops: return "drops";
    case PredictKind::Watermark: return "watermark";
    }
    return "?";
}

namespace {

using namespace jsonread;

std::size_t getIndex(const Json& j, const std::string& path)
{
    const std::int64_t v = getInt(j, path);
    if (v < 0)
        fail(path, "expected a number from 0 up");
    return static_cast<std::size_t>(v);
}

/// An event number: events are counted in 32 bits, so a larger one would name another event.
std::uint32_t getEventIndex(const Json& j, const std::string& path)
{
    const std::size_t v = getIndex(j, path);
    if (v > std::numeric_limits<std::uint32_t>::max())
        fail(path, "expected an event number from 0 to " + std::to_string(std::numeric_limits<std::uint32_t>::max()));
    return static_cast<std::uint32_t>(v);
}

bool getBool(const Json& j, const std::string& path)
{
    if (!j.is_boolean())
        fail(path, "expected true or false");
    return j.get<bool>();
}

LessonText getText(const Json& j, const std::string& path)
{
    if (j.is_string()) // one text for both languages
        return {j.get<std::string>(), j.get<std::string>()};
    checkKeys(j, path, {"en", "ko"});
    LessonText t;
    if (const Json* en = find(j, "en"))
        t.en = getString(*en, join(path, "en"));
    if (const Json* ko = find(j, "ko"))
        t.ko = getString(*ko, join(path, "ko"));
    if (t.en.empty() && t.ko.empty())
        fail(path, "needs a text in \"en\" or \"ko\"");
    return t;
}

OutputMode getMode(const Json& j, const std::string& path)
{
    const auto mode = parseOutputMode(getString(j, path));
    if (!mode)
        fail(path, "expected append, update or complete");
    return *mode;
}

TimeRange getWindow(const Json& j, const std::string& path, const Scenario& sc)
{
    auto r = parseLessonWindow(getString(j, path), sc);
    if (!r.ok())
        fail(path, r.error().message);
    return r.value();
}

LessonHighlight parseHighlight(const Json& j, const std::string& path, const Scenario& sc)
{
    checkKeys(j, path, {"event", "window", "watermark"});
    if (j.size() != 1)
        fail(path, "expected one of {\"event\": N}, {\"window\": \"12:00-12:10\"}, {\"watermark\": true}");
    LessonHighlight h;
    if (const Json* e = find(j, "event")) {
        h.kind = LessonHighlight::Kind::Event;
        h.event = getEventIndex(*e, join(path, "event"));
    } else if (const Json* w = find(j, "window")) {
        h.kind = LessonHighlight::Kind::Window;
        h.window = getWindow(*w, join(path, "window"), sc);
    } else if (const Json* m = find(j, "watermark")) {
        if (getBool(*m, join(path, "watermark")))
            h.kind = LessonHighlight::Kind::Watermark;
    }
    return h;
}

/// The key that names a claim's kind, and the keys that may come with it.
struct ClaimShape {
    const char* key;
    LessonClaim::Kind kind;
};
constexpr ClaimShape kClaimShapes[] = {
    {"watermark", LessonClaim::Kind::Watermark},   {"nextWatermark", LessonClaim::Kind::NextWatermark},
    {"fate", LessonClaim::Kind::Fate},             {"emits", LessonClaim::Kind::Emits},
    {"emitsNothing", LessonClaim::Kind::EmitsNothing}, {"sinkRows", LessonClaim::Kind::SinkRows},
    {"noData", LessonClaim::Kind::NoData},         {"batches", LessonClaim::Kind::Batches},
    {"stateRows", LessonClaim::Kind::StateRows},   {"dropped", LessonClaim::Kind::Dropped},
    {"rejected", LessonClaim::Kind::Rejected},     {"accepted", LessonClaim::Kind::Accepted},
};

/// A value of an `emits` row as text; numbers and booleans as JSON spells them.
std::string cellClaimText(const Json& j, const std::string& path)
{
    if (j.is_string())
        return j.get<std::string>();
    if (j.is_null())
        return "null";
    if (j.is_number() || j.is_boolean())
        return j.dump();
    fail(path, "expected a value (text, number, true/false or null)");
}

LessonClaim parseClaim(const Json& j, const std::string& path, const Scenario& sc)
{
    if (!j.is_object())
        fail(path, "expected a claim object");
    LessonClaim c;
    c.source = j.dump();
    const ClaimShape* shape = nullptr;
    for (const ClaimShape& s : kClaimShapes) {
        if (!find(j, s.key))
            continue;
        if (shape)
            fail(path, std::string("one claim per object: both \"") + shape->key + "\" and \"" + s.key + "\"");
        shape = &s;
    }
    if (!shape)
        fail(path, "not a claim: expected one of watermark, nextWatermark, fate, emits, emitsNothing, sinkRows, noData, batches, "
                   "stateRows, dropped, rejected, accepted");
    c.kind = shape->kind;
    const std::string valuePath = join(path, shape->key);
    const Json& value = *find(j, shape->key);
    using K = LessonClaim::Kind;
    const bool needsBatch = c.kind != K::Batches && c.kind != K::Rejected && c.kind != K::Accepted && c.kind != K::Fate;
    if (c.kind == K::Fate)
        checkKeys(j, path, {"fate", "event", "mode", "batch"});
    else if (needsBatch)
        checkKeys(j, path, {shape->key, "mode", "batch"});
    else
        checkKeys(j, path, {shape->key, "mode"});
    if (const Json* m = find(j, "mode"))
        c.mode = getMode(*m, join(path, "mode"));
    if (const Json* b = find(j, "batch"))
        c.batch = getIndex(*b, join(path, "batch"));
    else if (needsBatch)
        fail(join(path, "batch"), "missing: this claim is about one batch (0-based index)");

    switch (c.kind) {
    case K::Watermark:
    case K::NextWatermark: {
        auto ms = parseLessonWatermark(getString(value, valuePath), sc);
        if (!ms.ok())
            fail(valuePath, ms.error().message);
        c.watermarkMs = ms.value();
        break;
    }
    case K::Fate: {
        c.fate = getString(value, valuePath);
        static const char* const fates[] = {"onTime", "late", "dropped", "duplicate", "filtered", "nullEventTime", "unread"};
        if (std::none_of(std::begin(fates), std::end(fates), [&](const char* f) { return c.fate == f; }))
            fail(valuePath, "expected onTime, late, dropped, duplicate, filtered, nullEventTime or unread");
        const Json* e = find(j, "event");
        if (!e)
            fail(join(path, "event"), "missing: the global index of the event (0-based)");
        c.event = getEventIndex(*e, join(path, "event"));
        break;
    }
    case K::Emits:
        if (!value.is_object() || value.empty())
            fail(valuePath, "expected an object of column name to value");
        for (auto it = value.begin(); it != value.end(); ++it) {
            c.columns.emplace_back(it.key(), cellClaimText(it.value(), join(valuePath, it.key())));
            if (equalsIgnoreCase(it.key(), "window")) // a typo in a window would only ever read as "false"
                getWindow(it.value(), join(valuePath, it.key()), sc);
        }
        break;
    case K::EmitsNothing:
    case K::NoData:
    case K::Accepted: c.flag = getBool(value, valuePath); break;
    case K::SinkRows:
    case K::Batches:
    case K::StateRows:
    case K::Dropped: c.number = static_cast<std::int64_t>(getIndex(value, valuePath)); break;
    case K::Rejected:
        c.text = getString(value, valuePath);
        if (c.text.empty())
            fail(valuePath, "expected a part of Spark's message");
        break;
    }
    return c;
}

LessonStep parseStep(const Json& j, const std::string& path, const Scenario& sc)
{
    checkKeys(j, path, {"batch", "mode", "highlight", "text", "predict", "claims"});
    LessonStep step;
    if (const Json* b = find(j, "batch"))
        step.batch = getIndex(*b, join(path, "batch"));
    if (const Json* m = find(j, "mode"))
        step.mode = getMode(*m, join(path, "mode"));
    if (const Json* h = find(j, "highlight"))
        step.highlight = parseHighlight(*h, join(path, "highlight"), sc);
    const Json* text = find(j, "text");
    if (!text)
        fail(join(path, "text"), "missing: what the step says, {\"en\": ..., \"ko\": ...}");
    step.text = getText(*text, join(path, "text"));
    if (const Json* p = find(j, "predict")) {
        const std::string kind = getString(*p, join(path, "predict"));
        if (kind == "sink")
            step.predict = PredictKind::Sink;
        else if (kind == "drops")
            step.predict = PredictKind::Drops;
        else if (kind == "watermark")
            step.predict = PredictKind::Watermark;
        else
            fail(join(path, "predict"), "expected sink, drops or watermark");
    }
    const Json* claims = find(j, "claims");
    if (!claims)
        fail(join(path, "claims"), "missing: the claims the text relies on ([] for a title step)");
    if (!claims->is_array())
        fail(join(path, "claims"), "expected an array of claims");
    for (std::size_t i = 0; i < claims->size(); ++i)
        step.claims.push_back(parseClaim((*claims)[i], at(join(path, "claims"), i), sc));
    return step;
}

Lesson parseLesson(const Json& root, const ScenarioResolver& resolve)
{
    checkKeys(root, "", {"tidemarkLesson", "id", "title", "summary", "scenario", "steps"});
    const Json* version = find(root, "tidemarkLesson");
    if (!version)
        fail("tidemarkLesson", "missing: a lesson file starts with \"tidemarkLesson\": 1");
    if (getInt(*version, "tidemarkLesson") != 1)
        fail("tidemarkLesson", "this Tidemark reads lesson format 1");
    Lesson lesson;
    const Json* id = find(root, "id");
    if (!id)
        fail("id", "missing: the lesson's id");
    lesson.id = getString(*id, "id");
    if (lesson.id.empty())
        fail("id", "must not be empty");
    const Json* title = find(root, "title");
    if (!title)
        fail("title", "missing: {\"en\": ..., \"ko\": ...}");
    lesson.title = getText(*title, "title");
    if (const Json* summary = find(root, "summary"))
        lesson.summary = getText(*summary, "summary");

    const Json* scenario = find(root, "scenario");
    if (!scenario)
        fail("scenario", "missing: a shipped scenario's file name or a whole scenario object");
    if (scenario->is_string()) {
        lesson.scenarioName = scenario->get<std::string>();
        if (lesson.scenarioName.empty() || lesson.scenarioName.find('/') != std::string::npos || lesson.scenarioName.find('\\') != std::string::npos)
            fail("scenario", "expected a file name in scenarios/ (like \"word-count-append.json\")");
        auto sc = resolve(lesson.scenarioName);
        if (!sc.ok())
            fail("scenario", lesson.scenarioName + ": " + sc.error().describe());
        lesson.scenario = std::move(sc.value());
    } else if (scenario->is_object()) {
        auto sc = loadScenarioText(scenario->dump());
        if (!sc.ok())
            fail(sc.error().where.empty() || sc.error().where == "(top level)" ? "scenario" : "scenario." + sc.error().where, sc.error().text());
        lesson.scenario = std::move(sc.value());
    } else {
        fail("scenario", "expected a file name or a scenario object");
    }

    const Json* steps = find(root, "steps");
    if (!steps)
        fail("steps", "missing: the lesson's steps");
    if (!steps->is_array() || steps->empty())
        fail("steps", "expected a non-empty array of steps");
    for (std::size_t i = 0; i < steps->size(); ++i)
        lesson.steps.push_back(parseStep((*steps)[i], at("steps", i), lesson.scenario));
    return lesson;
}

std::string trim(std::string s)
{
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

} // namespace

Result<TimeRange> parseLessonWindow(const std::string& text, const Scenario& scenario)
{
    // The separator is the first '-' (or en dash) with a time on both sides: a full timestamp
    // has dashes of its own.
    const std::string dash = "\xE2\x80\x93";
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::size_t width = 0;
        if (text[i] == '-')
            width = 1;
        else if (text.compare(i, dash.size(), dash) == 0)
            width = dash.size();
        if (width == 0)
            continue;
        auto start = parseTimestamp(trim(text.substr(0, i)), scenario.zone, scenario.date);
        auto end = parseTimestamp(trim(text.substr(i + width)), scenario.zone, scenario.date);
        if (!start.ok() || !end.ok())
            continue;
        if (end.value() <= start.value())
            return Error::file("", "the window \"" + text + "\" ends before it starts");
        return TimeRange{start.value(), end.value()};
    }
    return Error::file("", "expected a window as \"12:00-12:10\" (start-end, in the scenario's zone and on its date), found \"" + text + "\"");
}

Result<Millis> parseLessonWatermark(const std::string& text, const Scenario& scenario)
{
    if (text == "none")
        return Millis{0};
    auto t = parseTimestamp(text, scenario.zone, scenario.date);
    if (!t.ok())
        return Error::file("", "expected a time (\"12:04:00\") or \"none\": " + t.error().message);
    return Millis{floorDiv(t.value(), kMicrosPerMilli)};
}

Result<Lesson> loadLessonText(const std::string& text, const ScenarioResolver& resolve)
{
    return catchLoadErrors<Lesson>([&] {
        std::istringstream bytes(text);
        checkJsonText(bytes);
        return parseLesson(Json::parse(text), resolve);
    });
}

Result<Lesson> loadLessonFile(const std::string& path, const std::string& scenariosDir)
{
    if (auto regular = checkRegularFile(path); !regular)
        return regular.error();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::file("", "cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();
    return loadLessonText(text.str(), [&](const std::string& name) { return loadScenarioFile(scenariosDir + "/" + name); });
}

} // namespace tidemark
