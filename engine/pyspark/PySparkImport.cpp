// SPDX-License-Identifier: GPL-3.0-or-later
// Importing a PySpark notebook: run its cells statically, pick the streaming query, map it
// to a scenario, and give its sources the events of the data files the notebook names.
#include "engine/pyspark/PySparkImport.h"

#include "engine/pyspark/NotebookCells.h"
#include "engine/pyspark/PySparkInterpreter.h"
#include "engine/pyspark/QueryMapper.h"
#include "engine/pyspark/SourceData.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/time/Interval.h"
#include "engine/time/TimeFormat.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tidemark::pyspark {

namespace {

namespace fs = std::filesystem;
using Level = ImportMessage::Level;

std::string shownPath(const std::string& path)
{
    std::string out;
    for (char c : path)
        out += c == kUnknownPiece ? std::string("{…}") : std::string(1, c);
    return out;
}

std::string candidateLabel(const QueryCandidate& c)
{
    return "cell " + std::to_string(c.cell) + (c.name.empty() ? "" : " (`" + c.name + "`)");
}

std::string listCandidates(const std::vector<QueryCandidate>& cs)
{
    std::string out;
    for (const auto& c : cs)
        out += (out.empty() ? "" : ", ") + candidateLabel(c);
    return out;
}

/// Picks the query `cell` names: the one started there, else the one whose writer or
/// DataFrame is built there.
std::optional<std::size_t> pick(const std::vector<StartedQuery>& qs, int cell)
{
    for (std::size_t i = 0; i < qs.size(); ++i)
        if (qs[i].candidate.cell == cell)
            return i;
    for (std::size_t i = 0; i < qs.size(); ++i)
        if (qs[i].writer.cells.count(cell))
            return i;
    for (std::size_t i = 0; i < qs.size(); ++i)
        for (const Plan* p = qs[i].writer.plan.get(); p; p = p->child.get())
            if (p->place.cell == cell)
                return i;
    return std::nullopt;
}

/// The schema a source's steps read, in Tidemark's column types.
Schema sourceSchema(const MappedSource& src, const std::optional<DataFiles>& files, std::vector<ImportMessage>& messages)
{
    const Plan& p = *src.plan;
    Schema schema;
    if (src.schema) {
        for (const auto& f : *src.schema) {
            DataType t = f.type.value_or(DataType(TypeId::String));
            if (!f.type)
                messages.push_back({Level::Warning, p.place.where,
                                    "`" + src.name + "." + f.name + "` is a " + f.typeName + ", which Tidemark does not simulate; it is read as a string"});
            schema.fields.push_back(Field{f.name, t, std::nullopt, ""});
        }
        return schema;
    }
    if (!p.schemaProblem.empty())
        messages.push_back({Level::Warning, p.place.where, "the schema of `" + src.name + "` is not known (" + p.schemaProblem + ")"});
    if (p.format == "socket" || p.format == "text" || p.format == "kafka") {
        if (p.format == "kafka")
            messages.push_back({Level::Warning, p.place.where,
                                "`" + src.name + "` reads Kafka's binary `value` without `from_json`; it is simulated as a string column `value`"});
        schema.fields.push_back(Field{"value", DataType(TypeId::String), std::nullopt, ""});
        return schema;
    }
    if (files && !files->files.empty()) {
        schema = inferJsonSchema(files->files);
        if (!schema.fields.empty()) {
            if (p.kind == Plan::Kind::Source)
                messages.push_back({Level::Warning, p.place.where,
                                    "`" + src.name + "` has no schema: Spark needs one for a streaming file source; the import took the one Spark would infer from the files"});
            return schema;
        }
    }
    messages.push_back({Level::Warning, p.place.where, "the columns of `" + src.name + "` are not known; it is given one string column `value`"});
    schema.fields.push_back(Field{"value", DataType(TypeId::String), std::nullopt, ""});
    return schema;
}

Micros triggerSpacing(const QuerySpec& q)
{
    if (q.trigger.once || q.trigger.availableNow)
        return 0;
    if (q.trigger.processingTime) {
        auto iv = parseInterval(*q.trigger.processingTime);
        if (iv.ok())
            if (auto us = iv->exactMicrosNoMonths(); us && *us > 0)
                return *us;
    }
    return kMicrosPerSecond; // the default trigger starts the next batch as soon as one ends
}

} // namespace

Result<ImportResult> importPySpark(const ImportSource& source, const ImportOptions& options)
{
    auto notebook = splitNotebook(source.text, source.fileName);
    if (!notebook.ok())
        return notebook.error();
    Interpreter in(notebook->format);
    for (const auto& cell : notebook->cells)
        in.runCell(cell);
    const auto queries = in.queries();
    ImportResult result;
    for (const auto& q : queries)
        result.candidates.push_back(q.candidate);
    if (queries.empty() && !in.lostQueries().empty())
        return Error::file(in.lostQueries().front().where, "no streaming query could be imported: " + in.lostQueries().front().text);
    if (queries.empty())
        return Error::file("", "no streaming query: nothing in the file calls `.writeStream` on a DataFrame read with `spark.readStream`");

    std::size_t index = 0;
    if (options.cell) {
        auto found = pick(queries, *options.cell);
        if (!found)
            return Error::file("cell " + std::to_string(*options.cell),
                               "no streaming query starts or is built in this cell; queries: " + listCandidates(result.candidates));
        index = *found;
    }
    const StartedQuery& chosen = queries[index];
    result.picked = chosen.candidate;
    auto& msgs = result.messages;
    std::string pickText = "imported the query started in " + candidateLabel(chosen.candidate);
    if (!options.cell && queries.size() > 1)
        pickText += "; the file has " + std::to_string(queries.size()) + " queries (" + listCandidates(result.candidates)
                    + "): choose another with --cell N";
    msgs.push_back({Level::Note, chosen.candidate.where, pickText});
    for (const auto& [cell, m] : in.syntaxProblems())
        if (cell <= chosen.candidate.cell)
            msgs.push_back(m);

    MappedQuery mapped = mapQuery(chosen, in);
    msgs.insert(msgs.end(), mapped.messages.begin(), mapped.messages.end());

    Scenario sc;
    const std::string stem = fs::path(source.fileName).stem().string();
    sc.title = !chosen.candidate.name.empty()       ? chosen.candidate.name
               : !chosen.candidate.variable.empty() ? chosen.candidate.variable
                                                    : stem + ", cell " + std::to_string(chosen.candidate.cell);
    sc.description = "Imported from " + fs::path(source.fileName).filename().string() + ", cell " + std::to_string(chosen.candidate.cell) + ".";
    if (options.sparkVersion) {
        sc.sparkVersion = *options.sparkVersion;
        sc.sparkVersionWritten = true;
    } else {
        msgs.push_back({Level::Note, "", "the notebook does not say which Spark release runs it: Spark " + sc.sparkVersion.toString()
                                             + " is simulated; choose the course's release in the Query panel (or with --spark-version)"});
    }
    if (!chosen.conf.timeZone.empty()) {
        auto zone = TimeZone::load(chosen.conf.timeZone);
        if (zone.ok()) {
            sc.timeZoneId = chosen.conf.timeZone;
            sc.zone = zone.value();
        } else {
            msgs.push_back({Level::Warning, "", "spark.sql.session.timeZone `" + chosen.conf.timeZone + "` is not a time zone Tidemark knows; UTC is used"});
        }
    }
    if (chosen.conf.noDataMicroBatches) {
        sc.conf.noDataMicroBatches = *chosen.conf.noDataMicroBatches;
        sc.conf.writtenKeys.push_back("spark.sql.streaming.noDataMicroBatches.enabled");
    }
    if (chosen.conf.multipleWatermarkPolicy) {
        sc.conf.multipleWatermarkPolicy = *chosen.conf.multipleWatermarkPolicy;
        sc.conf.writtenKeys.push_back("spark.sql.streaming.multipleWatermarkPolicy");
    }
    sc.query = mapped.query;

    // Sources, and the files each reads.
    std::vector<std::string> search = options.dataDirs;
    search.push_back(source.folder.empty() ? "." : source.folder);
    struct Loaded {
        std::vector<std::vector<Row>> files;
    };
    std::vector<Loaded> loaded;
    for (const auto& src : mapped.sources) {
        const Plan& p = *src.plan;
        std::optional<DataFiles> files;
        if (p.hasPath && p.format != "kafka" && p.format != "socket")
            files = findDataFiles(p.path, search);
        SourceSpec spec;
        spec.name = src.name;
        spec.schema = sourceSchema(src, files, msgs);
        spec.isStatic = p.kind == Plan::Kind::Static;
        if (p.format == "kafka") {
            spec.format = SourceFormat::Kafka;
            if (auto it = p.options.find("maxoffsetspertrigger"); it != p.options.end())
                spec.maxEventsPerTrigger = std::atoll(it->second.c_str());
            const std::string topic = p.options.count("subscribe") ? p.options.at("subscribe") : "?";
            const std::string servers = p.options.count("kafka.bootstrap.servers") ? p.options.at("kafka.bootstrap.servers") : "?";
            msgs.push_back({Level::Warning, p.place.where,
                            "`" + src.name + "` reads Kafka topic `" + topic + "` at " + servers
                                + ": no events were imported; add them in the Events table, or record the topic with `tidemark run FILE --kafka "
                                + servers + " --topic " + topic + " --record OUT.json`"});
        } else if (p.format == "socket") {
            msgs.push_back({Level::Warning, p.place.where,
                            "`" + src.name + "` reads lines from a socket: no events were imported; add the lines in the Events table"});
        } else if (!p.hasPath) {
            msgs.push_back({Level::Warning, p.place.where, "`" + src.name + "` names no path: no events were imported"});
        } else if (!files) {
            msgs.push_back({Level::Warning, p.place.where,
                            "the data of `" + src.name + "` (`" + shownPath(p.path)
                                + "`) was not found beside the notebook: no events were imported; add them in the Events table"});
        }
        if (auto it = p.optionPlaces.find("latestfirst"); it != p.optionPlaces.end() && p.options.at("latestfirst") == "true")
            msgs.push_back({Level::Warning, it->second.where,
                            "`latestFirst` reads the newest files first; the files were imported in name order (edit the arrival times if the "
                            "newest files are not the last by name)"});
        Loaded l;
        if (files)
            for (const auto& f : files->files)
                l.files.push_back(readDataFile(f, p.format, spec.schema, p.options, sc.zone, msgs));
        if (spec.isStatic)
            for (const auto& rows : l.files)
                spec.staticRows.insert(spec.staticRows.end(), rows.begin(), rows.end());
        if (files && !files->files.empty())
            msgs.push_back({Level::Note, p.place.where,
                            "`" + src.name + "`: " + std::to_string(files->files.size()) + " file" + (files->files.size() == 1 ? "" : "s")
                                + " read from " + files->folder
                                + (spec.isStatic ? " as a static table" : ", one file per trigger in name order")});
        sc.sources.push_back(std::move(spec));
        loaded.push_back(std::move(l));
    }

    // Arrival times: file k of every stream arrives k triggers after the start, which is the
    // first multiple of the trigger interval at or after the first files' latest event time.
    const Micros spacing = triggerSpacing(sc.query);
    std::optional<Micros> latest;
    for (std::size_t s = 0; s < sc.sources.size(); ++s) {
        if (sc.sources[s].isStatic || loaded[s].files.empty())
            continue;
        const Schema& schema = sc.sources[s].schema;
        for (const auto& row : loaded[s].files.front())
            for (std::size_t c = 0; c < schema.size() && c < row.size(); ++c)
                if (schema[c].type.id == TypeId::Timestamp && row[c].isInt())
                    latest = std::max(latest.value_or(row[c].asInt()), row[c].asInt());
    }
    Micros start = latest ? *latest : sc.zone.fromLocal(daysFromCivil(2024, 1, 1) * kMicrosPerDay);
    const Micros grid = spacing > 0 ? spacing : kMicrosPerSecond;
    start = floorDiv(start + grid - 1, grid) * grid;
    sc.date = civilFromDays(floorDiv(sc.zone.toLocal(start), kMicrosPerDay));
    for (std::size_t s = 0; s < sc.sources.size(); ++s) {
        SourceSpec& spec = sc.sources[s];
        if (spec.isStatic)
            continue;
        for (std::size_t k = 0; k < loaded[s].files.size(); ++k)
            for (const auto& row : loaded[s].files[k]) {
                SourceEvent e;
                e.at = start + static_cast<Micros>(k) * spacing;
                e.row = row;
                e.atStyle = TimeStyle::TimeOfDay;
                e.rowTimeStyle = TimeStyle::EpochSeconds;
                spec.events.push_back(std::move(e));
            }
    }

    result.json = scenarioToJson(sc);
    auto reloaded = loadScenarioText(result.json);
    if (!reloaded.ok())
        return Error::file(reloaded.error().where, "the imported scenario is not valid: " + reloaded.error().message);
    result.scenario = std::move(reloaded.value());
    return result;
}

Result<ImportResult> importPySparkFile(const std::string& path, const ImportOptions& options)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::file("", std::string("cannot read the file: ") + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    ImportSource src;
    src.text = text.str();
    src.fileName = fs::path(path).filename().string();
    src.folder = fs::path(path).parent_path().string();
    return importPySpark(src, options);
}

} // namespace tidemark::pyspark
