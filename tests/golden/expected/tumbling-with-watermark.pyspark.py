# %% [markdown]
# # Tumbling 60-minute windows with a 30-minute watermark (update mode): on real Spark
#
# Exported by Tidemark from `tumbling-with-watermark.json`: the scenario's query on Spark 3.2, update mode, 3 batches (3 with data, 0 no-data).
#
# This notebook runs the same query on real Spark (PySpark, as in the course's Jupyter container or after `pip install pyspark`; Java is needed), feeds it exactly the rows each of Tidemark's batches read, collects every micro-batch Spark runs (`foreachBatch`: batch id and rows; the query's progress: watermark, `numRowsDroppedByWatermark`, state rows, rows read) and compares them with what Tidemark computed. The last cell prints, batch by batch, `matches` or the difference. Run the cells in order (or `python3` the .py export).
#
# ## How the batches are reproduced
#
# - Each streaming source is a folder of JSON-lines files read with `maxFilesPerTrigger` 1. Each of Tidemark's data batches becomes one file per source, so each Spark micro-batch reads the rows that Tidemark's batch read.
# - The files are written in a staging folder and renamed into the source folder in one step (*a drop*), so Spark sees all of a drop or nothing of it. After each drop, `query.processAllAvailable()` waits until Spark has read it and run any no-data batch it decides to run (after a batch that moved the watermark, when state can be evicted).
# - Where Tidemark's next batch read new data right after a batch that moved the watermark, both files are in one drop: Spark then finds the next file already waiting and, like Tidemark, runs no no-data batch in between.
#
# This export has 1 drop:
# 1. batches 0, 1 and 2
#
# ## What this run cannot reproduce
#
# - **When** batches run: Spark's own clock decides that, and here it runs them as soon as it can. In the scenario, the arrival times, the gaps between them and the trigger (`trigger(processingTime="10 seconds")`) decided which rows each batch read and where a no-data batch ran; the files reproduce that outcome, not the times. Trigger times, durations and rates in Spark's progress are not compared.
# - The expected output is Tidemark's for **Spark 3.2**. On another release a difference can be a change in Spark between releases (Tidemark's docs/scenario-format.md, "Spark versions"), not a disagreement; the setup cell prints the release it runs on.
# - Rows are compared as a multiset per batch: within a batch, Spark's row order is that of its partitions. The sink is `foreachBatch` instead of the console; each value is cast to a string as the console prints it.


# %%
# Setup: the Spark session (getOrCreate reuses the notebook's own), the scenario's Spark
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

spark = SparkSession.builder.appName("tidemark: Tumbling 60-minute windows with a 30-minute watermark (update mode)").getOrCreate()
spark.conf.set("spark.sql.session.timeZone", "Asia/Seoul")
# Few rows: two shuffle partitions keep each batch quick; the results do not depend on it.
spark.conf.set("spark.sql.shuffle.partitions", "2")
# Keep the progress of every batch, not only of the last 100.
spark.conf.set("spark.sql.streaming.numRecentProgressUpdates", "10000")
# The scenario's Spark settings.
spark.conf.set("spark.sql.streaming.noDataMicroBatches.enabled", "true")
spark.conf.set("spark.sql.streaming.multipleWatermarkPolicy", "min")
spark.conf.set("spark.sql.streaming.statefulOperator.checkCorrectness.enabled", "true")
TIDEMARK_SPARK = "3.2"
print("Spark", spark.version, "- the expected output below is Tidemark's for Spark", TIDEMARK_SPARK)
if not spark.version.startswith(TIDEMARK_SPARK + "."):
    print("Another release than the scenario's: where Spark changed between releases, "
          "a difference below may be that change rather than a disagreement.")

WORK = tempfile.mkdtemp(prefix="tidemark-")
print("Source files and checkpoint in", WORK)


# %%
# The sources: their schemas, their folders, and the rows of every batch Tidemark ran.
SCHEMAS = {
    "tumblingWithWatermark": StructType([
        StructField("emp_id", IntegerType()),
        StructField("emp_name", StringType()),
        StructField("timestamp", TimestampType()),
        StructField("time", StringType()),
    ]),
}
# Each source's folder under WORK/sources (streams) or WORK/static (static tables).
FOLDERS = {"tumblingWithWatermark": "tumblingWithWatermark"}
STREAMS = ["tumblingWithWatermark"]
# Static tables: written once, read with spark.read.
STATIC_ROWS = {}
# Timestamps are epoch seconds (Spark's JSON reader reads a number as seconds), or, with a
# fraction of a second, text in this format.
TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX"

# What appears in the source folders at once (a drop): each of Tidemark's data batches in it,
# with the rows it read per source, and the no-data batches Tidemark ran after it.
DROPS = [
    # drop 1
    {"batches": [
        # batch 0, triggered at 2022-09-10 11:43:30 (2 events)
        (0, {"tumblingWithWatermark": [
                {"emp_id": 1, "emp_name": "OO전자", "timestamp": 1625238000, "time": "2021. 7. 3. 오전 12:00:00"},
                {"emp_id": 1, "emp_name": "OO전자", "timestamp": 1625238600, "time": "2021. 7. 3. 오전 12:10:00"},
            ]}),
        # batch 1, triggered at 2022-09-10 11:43:40 (2 events)
        (1, {"tumblingWithWatermark": [
                {"emp_id": 1, "emp_name": "OO에너지솔루션", "timestamp": 1625240400, "time": "2021. 7. 3. 오전 12:40:00"},
                {"emp_id": 2, "emp_name": "OO", "timestamp": 1625241660, "time": "2021. 7. 3. 오전 1:01:00"},
            ]}),
        # batch 2, triggered at 2022-09-10 11:43:50 (2 events)
        (2, {"tumblingWithWatermark": [
                {"emp_id": 2, "emp_name": "OO", "timestamp": 1625193900, "time": "2021. 7. 2. 오전 11:45:00"},
                {"emp_id": 1, "emp_name": "OO", "timestamp": 1625240460, "time": "2021. 7. 3. 오전 12:41:00"},
            ]}),
    ], "noDataBatchesAfter": []},
]


# %%
# Reading the sources, writing a drop, collecting what the sink receives.
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
SORTED_ARRAY_COLUMNS = []  # collect_set columns: elements in Spark's hash order


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


# %%
# The scenario's query in PySpark.
tumblingWithWatermark = read_stream("tumblingWithWatermark")
result = (tumblingWithWatermark
          .withWatermark("timestamp", "30 minutes")
          .groupBy("emp_id", F.window("timestamp", "60 minutes", "60 minutes"))
          .agg(F.count("*").alias("count")))


# %%
# Run: start the query, then write the drops one by one, each time waiting until Spark has
# processed the drop and run the no-data batches it decides to run.
# The scenario's trigger(processingTime="10 seconds") is left out: Spark's clock would only add waiting (see the top).
for name in STREAMS:
    os.makedirs(os.path.join(WORK, "sources", FOLDERS[name]))
query = (result.writeStream
         .outputMode("update")
         .foreachBatch(collect)
         .option("checkpointLocation", os.path.join(WORK, "checkpoint"))
         .start())
try:
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


# %%
# What Tidemark computed for Spark 3.2, update mode. For every batch: the rows the sink received
# (each value as the console prints it, null as None), the watermark the batch ran with, the rows
# the watermark dropped and the state rows of each stateful operator (downstream first, as Spark's
# progress lists them), and the rows read from each streaming source.
EXPECTED_COLUMNS = ["emp_id", "window", "count"]
EXPECTED = {
    0: {"noData": False, "rows": [
        ("1", "{2021-07-03 00:00:00, 2021-07-03 01:00:00}", "2"),
    ], "watermark": "1970-01-01T00:00:00.000Z", "droppedByWatermark": [0], "stateRows": [1], "rowsRead": {"tumblingWithWatermark": 2}},
    1: {"noData": False, "rows": [
        ("1", "{2021-07-03 00:00:00, 2021-07-03 01:00:00}", "3"),
        ("2", "{2021-07-03 01:00:00, 2021-07-03 02:00:00}", "1"),
    ], "watermark": "2021-07-02T14:40:00.000Z", "droppedByWatermark": [0], "stateRows": [2], "rowsRead": {"tumblingWithWatermark": 2}},
    2: {"noData": False, "rows": [
        ("1", "{2021-07-03 00:00:00, 2021-07-03 01:00:00}", "4"),
    ], "watermark": "2021-07-02T15:31:00.000Z", "droppedByWatermark": [1], "stateRows": [2], "rowsRead": {"tumblingWithWatermark": 2}},
}


# %%
# Compare, batch by batch: "matches", or what differs.
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
