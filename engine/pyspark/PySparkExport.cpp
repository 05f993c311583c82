// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pyspark/PySparkExport.h"

#include "engine/plan/Analyzer.h"
#include "engine/plan/RestartedRuns.h"
#include "engine/pyspark/ExportDrops.h"
#include "engine/pyspark/Notebook.h"
#include "engine/pyspark/PySparkQuery.h"
#include "engine/pyspark/PythonText.h"
#include "engine/schema/ValueText.h"
#include "engine/time/CivilTime.h"
#include "engine/time/TimeFormat.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace tidemark {

namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    if (s.size() < suffix.size())
        return false;
    return std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(), [](char wanted, char c) { return std::tolower(static_cast<unsigned char>(c)) == wanted; });
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to)
{
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

/// `2021-07-03T00:00:00.123456Z`: a timestamp with a fraction of a second, for TIMESTAMP_FORMAT.
std::string isoUtcMicros(Micros us)
{
    const std::int64_t days = floorDiv(us, kMicrosPerDay);
    const Micros ofDay = us - days * kMicrosPerDay;
    const CivilDate d = civilFromDays(days);
    const auto seconds = ofDay / kMicrosPerSecond;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ", d.year, d.month, d.day, static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60), static_cast<long long>(ofDay % kMicrosPerSecond));
    return buf;
}

/// A source cell as the JSON file holds it (json.dumps of this Python value): numbers, text,
/// booleans, None; timestamps as epoch seconds, which Spark's JSON reader reads as seconds,
/// or as text in TIMESTAMP_FORMAT when they have a fraction of a second.
std::string pyCell(const Value& v, const DataType& type)
{
    if (v.isNull())
        return "None";
    if (type.id == TypeId::Timestamp && v.isInt())
        return v.asInt() % kMicrosPerSecond == 0 ? std::to_string(v.asInt() / kMicrosPerSecond) : pyString(isoUtcMicros(v.asInt()));
    if (type.id == TypeId::Double && (v.isInt() || v.isDouble()))
        return pyFloat(v.toDouble());
    if (v.isBool())
        return v.asBool() ? "True" : "False";
    if (v.isInt())
        return std::to_string(v.asInt());
    if (v.isDouble())
        return pyFloat(v.asDouble());
    if (v.isString())
        return pyString(v.asString());
    return "None";
}

std::string pySparkType(const DataType& t)
{
    switch (t.id) {
    case TypeId::Int: return "IntegerType()";
    case TypeId::Long: return "LongType()";
    case TypeId::Double: return "DoubleType()";
    case TypeId::Boolean: return "BooleanType()";
    case TypeId::Timestamp: return "TimestampType()";
    default: return "StringType()";
    }
}

/// A source's folder name: its own name when that is a safe path segment.
std::string folderName(const std::string& name, size_t index)
{
    const bool safe = !name.empty() && name[0] != '.' && name[0] != '_'
                      && std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
    return safe ? name : "source-" + std::to_string(index + 1);
}

std::string modeName(const ModeRun& run) { return outputModeName(run.mode); }

/// The streaming sources the query reads (a scenario may hold others), in scenario order.
std::vector<size_t> streamSources(const Scenario& sc)
{
    std::vector<std::string> read;
    if (sc.query.source)
        read.push_back(*sc.query.source);
    for (const auto& in : sc.query.unionInputs)
        read.push_back(in.source);
    for (const InputSpec* side : sc.query.joinInputs())
        read.push_back(side->source);
    std::vector<size_t> out;
    for (size_t i = 0; i < sc.sources.size(); ++i)
        if (!sc.sources[i].isStatic && std::find(read.begin(), read.end(), sc.sources[i].name) != read.end())
            out.push_back(i);
    return out;
}

/// Output columns whose arrays are sets in Spark's hash order (collect_set): both sides are
/// sorted before comparing.
std::vector<size_t> setColumns(const QueryPlan& plan)
{
    std::vector<size_t> out;
    if (!plan.aggregate)
        return out;
    const size_t first = plan.aggregate->groups.size();
    for (size_t i = 0; i < plan.aggregate->aggs.size(); ++i)
        if (plan.aggregate->aggs[i].kind == AggFunction::Kind::CollectSet)
            out.push_back(first + i);
    return out;
}

/// A sink row as a Python tuple of what Spark's cast to string makes of each value (null
/// stays None), collect_set arrays sorted as array_sort sorts them.
std::string expectedRow(const Row& row, const Schema& schema, const TimeZone& zone, const SparkVersion& version, const std::vector<size_t>& sets)
{
    std::vector<std::string> cells;
    for (size_t c = 0; c < row.size() && c < schema.size(); ++c) {
        Value v = row[c];
        if (std::find(sets.begin(), sets.end(), c) != sets.end() && v.isList()) {
            std::vector<Value> sorted = v.asList();
            // array_sort: ascending, nulls last.
            std::stable_sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) {
                if (a.isNull() != b.isNull())
                    return b.isNull();
                return a < b;
            });
            v = Value(std::make_shared<const std::vector<Value>>(std::move(sorted)));
        }
        cells.push_back(v.isNull() ? std::string("None") : pyString(valueToText(v, schema[c].type, zone, version.nullText())));
    }
    if (cells.size() == 1)
        return "(" + cells[0] + ",)";
    std::string out;
    for (const auto& cell : cells)
        out += (out.empty() ? "" : ", ") + cell;
    return "(" + out + ")";
}

std::string intList(const std::vector<std::int64_t>& values)
{
    std::string out = "[";
    for (size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + std::to_string(values[i]);
    return out + "]";
}

std::string batchList(const std::vector<std::int64_t>& ids)
{
    std::string out;
    for (size_t i = 0; i < ids.size(); ++i)
        out += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + std::to_string(ids[i]);
    return out;
}

/// The oldest Spark release that has every API the exported query calls, with what needs it.
std::pair<SparkVersion, std::string> oldestReleaseFor(const Scenario& sc, const QueryPlan& plan)
{
    std::pair<SparkVersion, std::string> need{{3, 0}, ""};
    const auto require = [&](SparkVersion v, const char* what) {
        if (need.first < v)
            need = {v, what};
    };
    if (plan.join && plan.join->isStreamStream() && (plan.join->type == JoinPlan::Type::FullOuter || plan.join->type == JoinPlan::Type::LeftSemi))
        require({3, 1}, "full outer and left semi stream-stream joins");
    if (plan.aggregate && plan.aggregate->windowKind == AggregatePlan::WindowKind::Session)
        require({3, 2}, "session_window");
    if (plan.trigger.kind == TriggerPlan::Kind::AvailableNow)
        require({3, 3}, "Trigger.AvailableNow");
    if (sc.query.dropDuplicatesWithinWatermark)
        require({3, 5}, "dropDuplicatesWithinWatermark");
    return need;
}

/// Everything the cells are made of, worked out once.
class ExportWriter {
public:
    ExportWriter(const Scenario& sc, const ModeRun& run, std::string fileName)
        : m_sc(sc)
        , m_run(run)
        , m_plan(*run.plan)
        , m_fileName(std::move(fileName))
        , m_drops(planDrops(sc, run))
        , m_streams(streamSources(sc))
    {
        std::vector<std::string> taken = {"spark", "F", "json", "os", "tempfile", "time", "Counter", "result", "left", "right",
                                          "query", "batches", "progress", "collect", "number", "drop", "name", "folder"};
        for (size_t i = 0; i < 8; ++i)
            taken.push_back("input" + std::to_string(i + 1));
        for (size_t i = 0; i < sc.sources.size(); ++i) {
            m_vars.push_back(uniquePyName(sc.sources[i].name, "source", taken));
            m_folders.push_back(folderName(sc.sources[i].name, i));
        }
        if (!sc.restarts.empty())
            if (auto runs = planRestartedRuns(sc, m_plan, run.mode); runs.ok())
                m_restarted = std::move(runs.value());
    }

    std::vector<NotebookCell> cells() const
    {
        return {{NotebookCell::Kind::Markdown, header()}, {NotebookCell::Kind::Code, setup()},  {NotebookCell::Kind::Code, data()},
                {NotebookCell::Kind::Code, functions()},    {NotebookCell::Kind::Code, query()},  {NotebookCell::Kind::Code, runCell()},
                {NotebookCell::Kind::Code, expected()},   {NotebookCell::Kind::Code, compare()}};
    }

private:
    bool startsWithEverything() const { return m_plan.trigger.kind != TriggerPlan::Kind::ProcessingTime; }
    bool severalStreams() const { return m_streams.size() > 1; }
    bool hasRestarts() const
    {
        return std::any_of(m_drops.begin(), m_drops.end(), [](const ExportDrop& d) { return d.restartAfter.has_value(); });
    }

    std::string header() const
    {
        size_t noData = 0;
        for (const auto& b : m_run.batches)
            noData += b.noData ? 1 : 0;
        const std::string title = m_sc.title.empty() ? m_fileName : m_sc.title;
        std::string h = "# " + title + ": on real Spark\n\n";
        h += "Exported by Tidemark from `" + m_fileName + "`: the scenario's query on Spark " + m_sc.sparkVersion.toString() + ", " + modeName(m_run)
             + " mode, " + std::to_string(m_run.batches.size()) + " batches (" + std::to_string(m_run.batches.size() - noData) + " with data, "
             + std::to_string(noData) + " no-data).\n\n";
        h += "This notebook runs the same query on real Spark (PySpark, as in the course's Jupyter container or after "
             "`pip install pyspark`; Java is needed), feeds it exactly the rows each of Tidemark's batches read, collects every "
             "micro-batch Spark runs (`foreachBatch`: batch id and rows; the query's progress: watermark, "
             "`numRowsDroppedByWatermark`, state rows, rows read) and compares them with what Tidemark computed. "
             "The last cell prints, batch by batch, `matches` or the difference. Run the cells in order (or `python3` the .py export).\n\n";
        h += "## How the batches are reproduced\n\n";
        h += "- Each streaming source is a folder of JSON-lines files read with `maxFilesPerTrigger` 1. Each of Tidemark's data "
             "batches becomes one file per source, so each Spark micro-batch reads the rows that Tidemark's batch read.\n";
        h += "- The files are written in a staging folder and renamed into the source folder in one step (*a drop*), so Spark "
             "sees all of a drop or nothing of it. After each drop, `query.processAllAvailable()` waits until Spark has read it "
             "and run any no-data batch it decides to run (after a batch that moved the watermark, when state can be evicted).\n";
        h += "- Where Tidemark's next batch read new data right after a batch that moved the watermark, both files are in one "
             "drop: Spark then finds the next file already waiting and, like Tidemark, runs no no-data batch in between.\n";
        h += "\n" + dropSummary() + "\n";
        if (hasRestarts())
            h += restartSummary();
        h += "## What this run cannot reproduce\n\n";
        for (const std::string& c : caveats())
            h += "- " + c + "\n";
        return h;
    }

    std::string dropSummary() const
    {
        std::string s = "This export has " + std::to_string(m_drops.size()) + (m_drops.size() == 1 ? " drop" : " drops") + ":";
        int n = 0;
        for (const ExportDrop& d : m_drops) {
            std::vector<std::int64_t> ids;
            for (const auto& b : d.batches)
                ids.push_back(b.batchId);
            s += "\n" + std::to_string(++n) + ". ";
            s += ids.empty() ? std::string("nothing to read") : (ids.size() == 1 ? "batch " : "batches ") + batchList(ids);
            if (!d.noDataBatchesAfter.empty())
                s += std::string(", then Spark should run the no-data ") + (d.noDataBatchesAfter.size() == 1 ? "batch " : "batches ")
                     + batchList(d.noDataBatchesAfter) + " by itself";
            if (d.restartAfter)
                s += d.crashedBatch ? "; the query crashes in batch " + std::to_string(*d.crashedBatch) + " and starts again from its checkpoint"
                                    : std::string("; the query stops and starts again from its checkpoint");
        }
        return s + "\n";
    }

    /// The header's account of the scenario's stops and restarts (MicroBatchExecution.populateStartOffsets).
    std::string restartSummary() const
    {
        std::string h = "## Stops and restarts from the checkpoint\n\n";
        h += "The scenario stops the query and starts it again with the same `checkpointLocation`; so does this export, "
             "after the drops where it happened:\n";
        for (size_t i = 0; i < m_drops.size(); ++i) {
            const ExportDrop& d = m_drops[i];
            if (!d.restartAfter)
                continue;
            const RestartSpec& r = m_sc.restarts[*d.restartAfter];
            h += "- After drop " + std::to_string(i + 1) + ": ";
            if (d.crashedBatch)
                h += "batch " + std::to_string(*d.crashedBatch) + " **crashes** (`restarts[" + std::to_string(*d.restartAfter)
                     + "].crash`): `foreachBatch` collects its rows, then raises, so the query fails before the commit log entry, as a "
                       "process dying there would. The restarted query runs batch " + std::to_string(*d.crashedBatch)
                     + " again with the same offsets (its offset log entry has no commit), so the sink gets its rows twice.";
            else
                h += "`query.stop()`, then the same `writeStream...start()`: the next batch id follows the last committed one and the "
                     "watermark comes back from the offset and commit logs.";
            if (!r.changedKeys.empty())
                h += " The restarted query changes `query` (the export writes it again before the start).";
            h += "\n";
        }
        if (startsWithEverything())
            h += "\nWith a trigger that stops by itself, each run's files are written before that run starts, as in Tidemark.\n";
        return h + "\n";
    }

    /// The run cell of a scenario with restarts: one start per run of the query, on the same
    /// checkpoint, its drops fed as without restarts; a crash raised from foreachBatch.
    std::string restartRunCell() const
    {
        const std::string trigger = pysparkTriggerCall(m_sc.query.trigger);
        std::vector<std::int64_t> crashes, tidemarkRuns;
        for (const ExportDrop& d : m_drops)
            if (d.crashedBatch)
                crashes.push_back(*d.crashedBatch);
        for (const BatchRecord& b : m_run.batches)
            tidemarkRuns.push_back(b.batchId);
        std::string s = "# Run: the query runs " + std::to_string(m_restarted.size() + 1)
                        + " times on one checkpoint, stopped (or crashed) and started again where the scenario says.\n";
        if (!startsWithEverything() && !trigger.empty())
            s += "# The scenario's " + trigger + " is left out: Spark's clock would only add waiting (see the top).\n";
        s += "CRASH_ONCE = set(" + intList(crashes) + ")  # batches whose first run dies before its commit log entry\n";
        s += "CRASHED = []\nRUNS = Counter()  # Spark's batch id -> how many times foreachBatch got it\n";
        s += "TIDEMARK_RUNS = " + intList(tidemarkRuns) + "\n\n\n";
        s += R"py(def collect_or_crash(df, batch_id):
    RUNS[batch_id] += 1
    collect(df, batch_id)
    if batch_id in CRASH_ONCE:
        CRASH_ONCE.discard(batch_id)
        CRASHED.append(batch_id)
        raise RuntimeError("the process dies here: batch %d is in the sink, its commit log entry is not written" % batch_id)


def start_query(result, trigger):
    return (result.writeStream
            .outputMode(@MODE@)
            .foreachBatch(collect_or_crash)
            .option("checkpointLocation", os.path.join(WORK, "checkpoint"))
@TRIGGER@            .start())


def feed(query, numbers):
    # Writes the drops one by one, each time waiting until Spark has processed it.
    query.processAllAvailable()
    for number in numbers:
        drop = DROPS[number - 1]
        before = Counter(RUNS)
        write_drop(number, drop)
        query.processAllAvailable()
        print("drop %d: Tidemark ran batch(es) %s%s; Spark ran %s" % (
            number, [b for b, _ in drop["batches"]],
            " and then the no-data batch(es) %s" % drop["noDataBatchesAfter"] if drop["noDataBatchesAfter"] else "",
            sorted((RUNS - before).elements())))


def run_once(result, numbers, ends_with_crash):
    # One run of the query, until its stop (or the crash the scenario puts in it).
    crashed_before = len(CRASHED)
    query = None
    try:
)py";
        if (startsWithEverything())
            s += "        for number in numbers:\n            write_drop(number, DROPS[number - 1], query_running=False)\n"
                 "        query = start_query(result, TRIGGER)\n        query.awaitTermination()\n";
        else
            s += "        query = start_query(result, TRIGGER)\n        feed(query, numbers)\n";
        s += R"py(    except Exception:
        if len(CRASHED) == crashed_before:
            raise
        print("batch %d crashed before its commit log entry, as in the scenario" % CRASHED[-1])
    finally:
        if query is not None:
            record_progress(query)
            query.stop()
    if ends_with_crash and len(CRASHED) == crashed_before:
        print("the scenario crashes this run, but Spark ran no batch it could crash in")


for name in STREAMS:
    os.makedirs(os.path.join(WORK, "sources", FOLDERS[name]))
)py";
        std::string triggerLine;
        if (startsWithEverything())
            triggerLine = "            .trigger(**trigger)\n"; // each run's own: a restart may change it
        else if (severalStreams())
            triggerLine = "            .trigger(processingTime=\"1 second\")  # whole seconds: the drops are renamed between two triggers\n";
        s = replaceAll(s, "@TRIGGER@", triggerLine);
        s = replaceAll(s, "@MODE@", pyString(modeName(m_run)));
        // One call per run: the drops up to its stop, then the next run's query when it changed.
        const auto triggerDict = [](const TriggerSpec& t) {
            const std::string call = pysparkTriggerCall(t);
            return call.empty() ? std::string("{}") : "dict(" + call.substr(std::string("trigger(").size());
        };
        s += "TRIGGER = " + (startsWithEverything() ? triggerDict(m_sc.query.trigger) : std::string("{}")) + "\n";
        std::vector<std::int64_t> numbers;
        std::size_t runIndex = 0;
        for (size_t i = 0; i < m_drops.size(); ++i) {
            numbers.push_back(static_cast<std::int64_t>(i + 1));
            const ExportDrop& d = m_drops[i];
            const bool last = i + 1 == m_drops.size();
            if (!d.restartAfter && !last)
                continue;
            s += "run_once(result, " + intList(numbers) + ", " + (d.crashedBatch ? "True" : "False") + ")\n";
            numbers.clear();
            if (!d.restartAfter)
                continue;
            const RestartSpec& r = m_sc.restarts[*d.restartAfter];
            s += "\n# restarts[" + std::to_string(*d.restartAfter) + "]: the query starts again from the same checkpoint";
            if (!r.changedKeys.empty() && runIndex < m_restarted.size()) {
                s += ", with its changed query.\n";
                s += pysparkQueryCode(m_restarted[runIndex]->scenario, m_restarted[runIndex]->plan, m_vars);
                if (startsWithEverything())
                    s += "TRIGGER = " + triggerDict(m_restarted[runIndex]->scenario.query.trigger) + "\n";
            } else {
                s += ".\n";
            }
            ++runIndex;
        }
        s += R"py(
print("Spark ran batches", sorted(RUNS.elements()), "- Tidemark ran", sorted(TIDEMARK_RUNS))
twice = sorted(b for b, n in RUNS.items() if n > 1)
if twice:
    print("Spark ran batch(es) %s twice: the console sink would print them twice, the file sink writes them once." % twice)
)py";
        return s;
    }

    std::vector<std::string> caveats() const
    {
        std::vector<std::string> c;
        const std::string trigger = pysparkTriggerCall(m_sc.query.trigger);
        c.push_back("**When** batches run: Spark's own clock decides that, and here it runs them as soon as it can"
                    + std::string(severalStreams() ? " (every second)" : "") + ". In the scenario, the arrival times, the gaps between them and the trigger ("
                    + (trigger.empty() ? std::string("Spark's default") : "`" + trigger + "`")
                    + ") decided which rows each batch read and where a no-data batch ran; the files reproduce that outcome, not the "
                      "times. Trigger times, durations and rates in Spark's progress are not compared.");
        c.push_back("The expected output is Tidemark's for **Spark " + m_sc.sparkVersion.toString()
                    + "**. On another release a difference can be a change in Spark between releases (Tidemark's docs/scenario-format.md, "
                      "\"Spark versions\"), not a disagreement; the setup cell prints the release it runs on.");
        for (size_t i : m_streams) {
            const SourceSpec& s = m_sc.sources[i];
            if (s.format != SourceFormat::Kafka)
                continue;
            std::string k = "Source `" + s.name + "` is a **Kafka** topic in the scenario; here its recorded events are JSON files with the same "
                            "columns, so Kafka's own columns (key, value, partition, offset), its offsets and its rate limit play no part.";
            const bool emptyBatch = std::any_of(m_run.batches.begin(), m_run.batches.end(), [](const BatchRecord& b) { return !b.noData && b.events.empty(); });
            if (emptyBatch)
                k += " The batch Spark's Kafka source runs at the start on a topic with nothing new is an empty file.";
            c.push_back(k);
        }
        if (severalStreams())
            c.push_back("**Several streaming sources.** Every batch writes one file into each source's folder (empty when the source had "
                        "nothing in that batch) so that the sources advance together. Spark lists the folders one after the other, so the "
                        "renames wait for the middle of a second, between two of the query's triggers (`processingTime=\"1 second\"`, used only "
                        "for that). Should Spark still see a drop in one folder and not in the other, the comparison shows different rows read "
                        "per source; running the notebook again helps.");
        for (const InputSpec* side : m_sc.query.joinInputs())
            if (const SourceSpec* s = m_sc.findSource(side->source); s && s->isStatic)
                c.push_back("Static table `" + s->name + "` is written once and read with `spark.read`, as the scenario's rows.");
        if (startsWithEverything()) {
            c.push_back(std::string(m_plan.trigger.kind == TriggerPlan::Kind::Once ? "**Trigger.Once**" : "**Trigger.AvailableNow**")
                        + ": the files are written before the query starts, which then reads what is there and stops, as in Tidemark.");
        }
        for (size_t i = 0; i < m_restarted.size(); ++i)
            if ((m_restarted[i]->plan.trigger.kind != TriggerPlan::Kind::ProcessingTime) != startsWithEverything()) {
                c.push_back("`restarts[" + std::to_string(i) + "]` changes the trigger between one that stops by itself and one that "
                            "does not; this export starts every run as it starts the first, so that run's batches may be grouped "
                            "differently.");
                break;
            }
        if (!m_run.unconsumed.empty())
            c.push_back(std::to_string(m_run.unconsumed.size())
                        + " events arrive after the query has stopped and are never read; they are not written.");
        if (!setColumns(m_plan).empty())
            c.push_back("`collect_set` returns its elements in Spark's hash order; both sides are sorted before comparing.");
        if (m_plan.aggregate) {
            for (const auto& a : m_plan.aggregate->aggs) {
                if (a.kind == AggFunction::Kind::ApproxCountDistinct) {
                    c.push_back("`approx_count_distinct` is computed exactly by Tidemark; Spark's HyperLogLog++ is exact for small counts, "
                                "but may differ for thousands of distinct values.");
                    break;
                }
            }
        }
        const bool doubles = std::any_of(m_plan.output.fields.begin(), m_plan.output.fields.end(), [](const Field& f) { return f.type.id == TypeId::Double; });
        if (doubles)
            c.push_back("Doubles are compared as Spark prints them, digit for digit: a difference in the last digit would show.");
        if (!m_sc.sparkVersion.atLeast(3, 1))
            c.push_back("Spark 3.0 does not report `numRowsDroppedByWatermark`; the comparison says so instead of comparing it.");
        c.push_back("Rows are compared as a multiset per batch: within a batch, Spark's row order is that of its partitions. The sink is "
                    "`foreachBatch` instead of the console; each value is cast to a string as the console prints it.");
        return c;
    }

    std::string setup() const
    {
        std::string s = R"py(# Setup: the Spark session (getOrCreate reuses the notebook's own), the scenario's Spark
# settings, and a fresh folder for the source files and the checkpoint.
import json
import os
import tempfile
import time
from collections import Counter

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (BooleanType, DoubleType, IntegerType, LongType, StringType,
                               StructField, StructType, TimestampType)

spark = SparkSession.builder.appName(@APP@).getOrCreate()
spark.conf.set("spark.sql.session.timeZone", @ZONE@)
# Few rows: two shuffle partitions keep each batch quick; the results do not depend on it.
spark.conf.set("spark.sql.shuffle.partitions", "2")
# Keep the progress of every batch, not only of the last 100.
spark.conf.set("spark.sql.streaming.numRecentProgressUpdates", "10000")
# The scenario's Spark settings.
@CONF@
TIDEMARK_SPARK = @VERSION@
print("Spark", spark.version, "- the expected output below is Tidemark's for Spark", TIDEMARK_SPARK)
@NEEDS@if not spark.version.startswith(TIDEMARK_SPARK + "."):
    print("Another release than the scenario's: where Spark changed between releases, "
          "a difference below may be that change rather than a disagreement.")

WORK = tempfile.mkdtemp(prefix="tidemark-")
print("Source files and checkpoint in", WORK)
)py";
        const auto conf = [](const char* key, const std::string& value) { return std::string("spark.conf.set(") + pyString(key) + ", " + pyString(value) + ")\n"; };
        std::string confs = conf("spark.sql.streaming.noDataMicroBatches.enabled", m_sc.conf.noDataMicroBatches ? "true" : "false");
        confs += conf("spark.sql.streaming.multipleWatermarkPolicy", m_sc.conf.multipleWatermarkPolicy);
        if (m_sc.sparkVersion.atLeast(3, 4))
            confs += conf("spark.sql.streaming.statefulOperator.allowMultiple", m_sc.conf.allowMultipleStatefulOperators ? "true" : "false");
        confs += conf("spark.sql.streaming.statefulOperator.checkCorrectness.enabled", m_sc.conf.checkCorrectness ? "true" : "false");
        confs.pop_back();
        s = replaceAll(s, "@APP@", pyString("tidemark: " + (m_sc.title.empty() ? m_fileName : m_sc.title)));
        s = replaceAll(s, "@ZONE@", pyString(m_sc.timeZoneId));
        s = replaceAll(s, "@CONF@", confs);
        s = replaceAll(s, "@VERSION@", pyString(m_sc.sparkVersion.toString()));
        const auto [oldest, why] = oldestReleaseFor(m_sc, m_plan);
        std::string needs;
        if (!why.empty())
            needs = "if tuple(int(x) for x in spark.version.split(\".\")[:2]) < (" + std::to_string(oldest.major) + ", " + std::to_string(oldest.minor)
                    + "):\n    raise RuntimeError(" + pyString("this query needs Spark " + oldest.toString() + " or later (" + why + ")") + ")\n";
        s = replaceAll(s, "@NEEDS@", needs);
        return s;
    }

    std::string rowsLiteral(const SourceSpec& src, const std::vector<const Row*>& rows, const std::string& indent) const
    {
        if (rows.empty())
            return "[]";
        std::string out = "[";
        for (const Row* r : rows) {
            out += "\n" + indent + "    {";
            for (size_t c = 0; c < src.schema.size(); ++c) {
                const Value v = c < r->size() ? (*r)[c] : Value();
                out += (c ? ", " : "") + pyString(src.schema[c].name) + ": " + pyCell(v, src.schema[c].type);
            }
            out += "},";
        }
        return out + "\n" + indent + "]";
    }

    std::string data() const
    {
        std::string s = "# The sources: their schemas, their folders, and the rows of every batch Tidemark ran.\nSCHEMAS = {\n";
        for (const SourceSpec& src : m_sc.sources) {
            s += "    " + pyString(src.name) + ": StructType([\n";
            for (const Field& f : src.schema.fields)
                s += "        StructField(" + pyString(f.name) + ", " + pySparkType(f.type) + "),\n";
            s += "    ]),\n";
        }
        s += "}\n";
        s += "# Each source's folder under WORK/sources (streams) or WORK/static (static tables).\nFOLDERS = {";
        for (size_t i = 0; i < m_sc.sources.size(); ++i)
            s += (i ? ", " : "") + pyString(m_sc.sources[i].name) + ": " + pyString(m_folders[i]);
        s += "}\nSTREAMS = [";
        for (size_t k = 0; k < m_streams.size(); ++k)
            s += (k ? ", " : "") + pyString(m_sc.sources[m_streams[k]].name);
        s += "]\n";
        s += "# Static tables: written once, read with spark.read.\nSTATIC_ROWS = {";
        bool first = true;
        for (const SourceSpec& src : m_sc.sources) {
            if (!src.isStatic)
                continue;
            std::vector<const Row*> rows;
            for (const Row& r : src.staticRows)
                rows.push_back(&r);
            s += std::string(first ? "\n" : "") + "    " + pyString(src.name) + ": " + rowsLiteral(src, rows, "    ") + ",\n";
            first = false;
        }
        s += "}\n";
        s += "# Timestamps are epoch seconds (Spark's JSON reader reads a number as seconds), or, with a\n"
             "# fraction of a second, text in this format.\n"
             "TIMESTAMP_FORMAT = \"yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX\"\n\n";
        s += "# What appears in the source folders at once (a drop): each of Tidemark's data batches in it,\n"
             "# with the rows it read per source, and the no-data batches Tidemark ran after it.\nDROPS = [\n";
        int n = 0;
        for (const ExportDrop& d : m_drops) {
            s += "    # drop " + std::to_string(++n) + "\n";
            s += "    {\"batches\": [";
            for (const ExportBatch& b : d.batches) {
                const BatchRecord* rec = record(b.batchId);
                s += "\n        # batch " + std::to_string(b.batchId)
                     + (rec ? ", triggered at " + formatTimestamp(rec->triggerTime, m_sc.zone) + " (" + std::to_string(rec->events.size()) + (rec->events.size() == 1 ? " event)" : " events)") : "")
                     + "\n";
                s += "        (" + std::to_string(b.batchId) + ", {";
                bool firstSource = true;
                for (size_t i : m_streams) {
                    const SourceSpec& src = m_sc.sources[i];
                    std::vector<const Row*> rows;
                    for (std::uint32_t e : b.eventsBySource[i])
                        if (e < src.events.size())
                            rows.push_back(&src.events[e].row);
                    s += std::string(firstSource ? "" : ",\n            ") + pyString(src.name) + ": " + rowsLiteral(src, rows, "            ");
                    firstSource = false;
                }
                s += "}),";
            }
            s += "\n    ], \"noDataBatchesAfter\": " + intList(d.noDataBatchesAfter) + "},\n";
        }
        s += "]\n";
        return s;
    }

    const BatchRecord* record(std::int64_t batchId) const
    {
        for (const auto& b : m_run.batches)
            if (b.batchId == batchId)
                return &b;
        return nullptr;
    }

    std::string functions() const
    {
        std::string s = R"py(# Reading the sources, writing a drop, collecting what the sink receives.
def read_stream(name):
    """A streaming source: its folder's JSON-lines files, one file per micro-batch, the oldest
    (by modification time) first. Every drop is a sub-folder, hence the pattern."""
    return (spark.readStream
            .schema(SCHEMAS[name])
            .option("maxFilesPerTrigger", 1)
            .option("mode", "FAILFAST")
            .option("timestampFormat", TIMESTAMP_FORMAT)
            .json(os.path.join(WORK, "sources", FOLDERS[name], "drop-*")))


def read_static(name):
    """A static table: its rows written once, read as a batch DataFrame."""
    folder = os.path.join(WORK, "static", FOLDERS[name])
    os.makedirs(folder, exist_ok=True)
    write_rows(os.path.join(folder, "rows.json"), STATIC_ROWS[name])
    return (spark.read
            .schema(SCHEMAS[name])
            .option("mode", "FAILFAST")
            .option("timestampFormat", TIMESTAMP_FORMAT)
            .json(folder))


def write_rows(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


file_time = int(time.time())


def write_drop(number, drop, query_running=True):
    """Writes a drop: in a staging folder, one file per batch and stream (empty when the stream
    had nothing in that batch), each a second newer than the one before, since Spark reads the
    oldest first; then renames each stream's staging folder into its source folder in one step."""
    global file_time
    staged = []
    for name in STREAMS:
        stage = os.path.join(WORK, "staging", FOLDERS[name], "drop-%04d" % number)
        os.makedirs(stage)
        for batch_id, rows in drop["batches"]:
            path = os.path.join(stage, "batch-%04d.json" % batch_id)
            write_rows(path, rows.get(name, []))
            file_time += 1
            os.utime(path, (file_time, file_time))
        staged.append((stage, os.path.join(WORK, "sources", FOLDERS[name], "drop-%04d" % number)))
    if query_running and len(staged) > 1:
        # Several folders cannot change in one step: rename them half way between two of the
        # query's triggers, which fire at whole seconds (ProcessingTimeExecutor), when no
        # trigger is listing the folders.
        while not 0.3 <= time.time() % 1.0 <= 0.6:
            time.sleep(0.02)
    for stage, target in staged:
        os.rename(stage, target)


batches = {}   # Spark's batch id -> {"columns": [...], "rows": [(value, ...), ...]}
progress = {}  # Spark's batch id -> its progress report, as a dict
SORTED_ARRAY_COLUMNS = @SETS@  # collect_set columns: elements in Spark's hash order


def collect(df, batch_id):
    """foreachBatch: every value cast to a string as the console sink prints it (null stays None).
    Columns are renamed by position first: a join can output two columns of one name."""
    positional = df.toDF(*["c%d" % i for i in range(len(df.columns))])
    values = [F.col(c).cast("string") for c in positional.columns]
    for i in SORTED_ARRAY_COLUMNS:
        values[i] = F.array_sort(F.col("c%d" % i)).cast("string")
    rows = positional.select(values).collect()
    batches[batch_id] = {"columns": df.columns, "rows": [tuple(r) for r in rows]}


def record_progress(query):
    """Every batch's progress: recentProgress keeps them all (lastProgress only the last one)."""
    for p in query.recentProgress:
        p = p if isinstance(p, dict) else json.loads(p.json)
        # An idle trigger reports too, without running a batch (no addBatch duration); it must
        # not replace the report of the batch itself.
        if p["batchId"] not in progress or "addBatch" in p.get("durationMs", {}):
            progress[p["batchId"]] = p
)py";
        std::vector<std::int64_t> sets;
        for (size_t c : setColumns(m_plan))
            sets.push_back(static_cast<std::int64_t>(c));
        return replaceAll(s, "@SETS@", intList(sets));
    }

    std::string query() const
    {
        std::string s = "# The scenario's query in PySpark.\n";
        s += pysparkQueryCode(m_sc, m_plan, m_vars);
        return s;
    }

    std::string runCell() const
    {
        if (hasRestarts())
            return restartRunCell();
        const std::string trigger = pysparkTriggerCall(m_sc.query.trigger);
        std::string start = "query = (result.writeStream\n         .outputMode(" + pyString(modeName(m_run)) + ")\n         .foreachBatch(collect)\n"
                            "         .option(\"checkpointLocation\", os.path.join(WORK, \"checkpoint\"))\n";
        if (startsWithEverything())
            start += "         ." + trigger + "\n";
        else if (severalStreams())
            start += "         .trigger(processingTime=\"1 second\")  # whole seconds: the drops are renamed between two triggers\n";
        start += "         .start())\n";

        std::string s = "# Run: ";
        if (startsWithEverything()) {
            s += "write every drop, then start the query, which reads what is there and stops.\n";
            s += "for name in STREAMS:\n    os.makedirs(os.path.join(WORK, \"sources\", FOLDERS[name]))\n";
            s += "for number, drop in enumerate(DROPS, 1):\n    write_drop(number, drop, query_running=False)\n";
            s += start;
            s += "query.awaitTermination()\nrecord_progress(query)\n";
            s += "print(\"Spark ran batches\", sorted(batches), \"- Tidemark ran\", [b for d in DROPS for b, _ in d[\"batches\"]] + "
                 "[b for d in DROPS for b in d[\"noDataBatchesAfter\"]])\n";
            return s;
        }
        s += "start the query, then write the drops one by one, each time waiting until Spark has\n"
             "# processed the drop and run the no-data batches it decides to run.\n";
        if (!trigger.empty())
            s += "# The scenario's " + trigger + " is left out: Spark's clock would only add waiting (see the top).\n";
        s += "for name in STREAMS:\n    os.makedirs(os.path.join(WORK, \"sources\", FOLDERS[name]))\n";
        s += start;
        s += R"py(try:
    query.processAllAvailable()
    for number, drop in enumerate(DROPS, 1):
        before = set(batches)
        write_drop(number, drop)
        query.processAllAvailable()
        tidemark = [b for b, _ in drop["batches"]]
        print("drop %d: Tidemark ran batch(es) %s%s; Spark ran %s" % (
            number, tidemark,
            " and then the no-data batch(es) %s" % drop["noDataBatchesAfter"] if drop["noDataBatchesAfter"] else "",
            sorted(set(batches) - before)))
    record_progress(query)
finally:
    query.stop()
)py";
        return s;
    }

    std::string expected() const
    {
        const std::vector<size_t> sets = setColumns(m_plan);
        std::string s = "# What Tidemark computed for Spark " + m_sc.sparkVersion.toString() + ", " + modeName(m_run)
                        + " mode. For every batch: the rows the sink received\n"
                          "# (each value as the console prints it, null as None), the watermark the batch ran with, the rows\n"
                          "# the watermark dropped and the state rows of each stateful operator (downstream first, as Spark's\n"
                          "# progress lists them), and the rows read from each streaming source.\n";
        s += "EXPECTED_COLUMNS = [";
        for (size_t c = 0; c < m_plan.output.size(); ++c)
            s += (c ? ", " : "") + pyString(m_plan.output[c].name);
        s += "]\nEXPECTED = {\n";
        for (size_t i = 0; i < m_run.batches.size(); ++i) {
            const BatchRecord& b = m_run.batches[i];
            s += "    " + std::to_string(b.batchId) + ": {\"noData\": " + (b.noData ? "True" : "False") + ", \"rows\": [";
            const std::vector<Row> rows = m_run.sinkRowsOf(i);
            for (const Row& r : rows)
                s += "\n        " + expectedRow(r, m_plan.output, m_sc.zone, m_sc.sparkVersion, sets) + ",";
            s += std::string(rows.empty() ? "" : "\n    ") + "], \"watermark\": " + (b.hasWatermark ? pyString(formatIsoUtcMillis(b.watermarkMs)) : std::string("None"));
            std::vector<std::int64_t> dropped, state;
            for (const OperatorProgress& op : b.operators) {
                dropped.push_back(op.numRowsDroppedByWatermark);
                state.push_back(op.numRowsTotal);
            }
            s += ", \"droppedByWatermark\": " + intList(dropped) + ", \"stateRows\": " + intList(state) + ", \"rowsRead\": {";
            std::vector<std::int64_t> perSource(m_sc.sources.size(), 0);
            for (const ExportDrop& d : m_drops)
                for (const ExportBatch& eb : d.batches)
                    if (eb.batchId == b.batchId)
                        for (size_t k = 0; k < eb.eventsBySource.size(); ++k)
                            perSource[k] = static_cast<std::int64_t>(eb.eventsBySource[k].size());
            for (size_t k = 0; k < m_streams.size(); ++k)
                s += (k ? ", " : "") + pyString(m_sc.sources[m_streams[k]].name) + ": " + std::to_string(perSource[m_streams[k]]);
            s += "}},\n";
        }
        s += "}\n";
        return s;
    }

    std::string compare() const
    {
        return R"py(# Compare, batch by batch: "matches", or what differs.
def rows_read(p):
    read = {name: 0 for name in STREAMS}
    for source in p.get("sources", []):
        for name in STREAMS:
            if ("/sources/%s/drop-*" % FOLDERS[name]) in source.get("description", ""):
                read[name] = source.get("numInputRows", 0)
    return read


def show(rows):
    counts = Counter(rows)
    return ["      %s%s" % (repr(r), "  (x%d)" % n if n > 1 else "") for r, n in sorted(counts.items(), key=repr)]


differences = 0
not_reported = False
spark_columns = next((b["columns"] for b in batches.values()), None)
if spark_columns is not None and spark_columns != EXPECTED_COLUMNS:
    differences += 1
    print("Columns differ: Spark %s, Tidemark %s" % (spark_columns, EXPECTED_COLUMNS))
for batch_id in sorted(set(EXPECTED) | set(batches)):
    want, got = EXPECTED.get(batch_id), batches.get(batch_id)
    label = "Batch %d%s" % (batch_id, " (no-data)" if want and want["noData"] else "")
    if want is None:
        differences += 1
        print("%s: Spark ran this batch, Tidemark did not (%d sink rows):" % (label, len(got["rows"])))
        print("\n".join(show(got["rows"])))
        continue
    if got is None:
        differences += 1
        print("%s: Tidemark ran this batch, Spark did not" % label)
        continue
    lines = []
    missing = Counter(want["rows"]) - Counter(got["rows"])
    extra = Counter(got["rows"]) - Counter(want["rows"])
    if missing:
        lines += ["  rows Tidemark computed that Spark's sink did not receive:"] + show(list(missing.elements()))
    if extra:
        lines += ["  rows Spark's sink received that Tidemark did not compute:"] + show(list(extra.elements()))
    p = progress.get(batch_id)
    if p is None:
        lines.append("  Spark reported no progress for this batch")
    else:
        operators = p.get("stateOperators", [])
        watermark = p.get("eventTime", {}).get("watermark")
        if want["watermark"] is not None and watermark != want["watermark"]:
            lines.append("  watermark: Spark %s, Tidemark %s" % (watermark, want["watermark"]))
        dropped = [op.get("numRowsDroppedByWatermark") for op in operators]
        if None in dropped:
            not_reported = True
        elif dropped != want["droppedByWatermark"]:
            lines.append("  numRowsDroppedByWatermark: Spark %s, Tidemark %s" % (dropped, want["droppedByWatermark"]))
        state = [op.get("numRowsTotal") for op in operators]
        if state != want["stateRows"]:
            lines.append("  state rows (numRowsTotal): Spark %s, Tidemark %s" % (state, want["stateRows"]))
        if rows_read(p) != want["rowsRead"]:
            lines.append("  rows read: Spark %s, Tidemark %s" % (rows_read(p), want["rowsRead"]))
    if lines:
        differences += 1
        print("%s: differs" % label)
        print("\n".join(lines))
    else:
        print("%s: matches" % label)

print()
if not_reported:
    print("This Spark release does not report numRowsDroppedByWatermark; it was not compared.")
if differences == 0:
    print("Spark %s agrees with Tidemark on every batch (%d)." % (spark.version, len(EXPECTED)))
else:
    print("Spark %s and Tidemark differ in %d place(s) (above)." % (spark.version, differences))
    if spark.version.startswith(TIDEMARK_SPARK + "."):
        print("On the scenario's own Spark release this is worth reporting to Tidemark, with this notebook.")
)py";
    }

    const Scenario& m_sc;
    const ModeRun& m_run;
    const QueryPlan& m_plan;
    std::string m_fileName;
    std::vector<ExportDrop> m_drops;
    std::vector<size_t> m_streams;
    std::vector<std::string> m_vars;
    std::vector<std::string> m_folders;
    std::vector<std::shared_ptr<const RestartedRun>> m_restarted; ///< the query of each run after a restart
};

} // namespace

std::optional<PySparkExportFormat> pysparkExportFormatFor(const std::string& path)
{
    if (endsWith(path, ".ipynb"))
        return PySparkExportFormat::Notebook;
    if (endsWith(path, ".py"))
        return PySparkExportFormat::Script;
    return std::nullopt;
}

Result<std::string> exportPySpark(const Scenario& scenario, const ModeRun& run, PySparkExportFormat format, const std::string& fileName)
{
    if (run.error)
        return *run.error;
    if (!run.plan)
        return Error::file("", "the scenario has not been run");
    const ExportWriter writer(scenario, run, fileName);
    const std::vector<NotebookCell> cells = writer.cells();
    return format == PySparkExportFormat::Notebook ? notebookJson(cells) : percentScript(cells);
}

Result<std::string> exportPySpark(const Scenario& scenario, PySparkExportFormat format, const std::string& fileName, std::optional<OutputMode> mode)
{
    auto plan = analyze(scenario, mode);
    if (!plan.ok())
        return plan.error();
    SimulationOptions options;
    options.recordFates = false;
    options.recordStateChanges = false;
    const ModeRun run = runMode(scenario, plan->mode, options);
    return exportPySpark(scenario, run, format, fileName);
}

} // namespace tidemark
