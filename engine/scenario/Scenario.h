// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/SparkVersion.h"
#include "engine/schema/Schema.h"
#include "engine/schema/Value.h"
#include "engine/time/CivilTime.h"
#include "engine/time/TimeZone.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tidemark {

/// How a time was written in the file, so that saving keeps the teacher's spelling.
enum class TimeStyle : std::uint8_t {
    EpochSeconds, ///< 1625238000
    DateTime,     ///< "2021-07-03 00:00:00"
    TimeOfDay,    ///< "00:00:00" on the scenario's date
};

/// One event of a source: when it arrives (processing time) and the row it carries.
struct SourceEvent {
    Micros at = 0;
    Row row;
    TimeStyle atStyle = TimeStyle::TimeOfDay;
    TimeStyle rowTimeStyle = TimeStyle::EpochSeconds; ///< how the row's timestamp columns were written
    /// Kafka coordinates when the event was recorded from a topic (-1 when not).
    std::int32_t partition = -1;
    std::int64_t offset = -1;
};

/// How a source plans batches.
enum class SourceFormat : std::uint8_t {
    Memory, ///< like MemoryStream / a file source: a batch only when there is new data
    Kafka,  ///< like Spark's Kafka source: batch 0 runs at start even when the topic is empty
};

/// Connection settings of a live Kafka source (the `kafka` block).
struct KafkaSettings {
    std::string bootstrapServers = "localhost:9092";
    std::string topic;
    std::string startingOffsets = "latest"; ///< earliest | latest
    std::string groupId;
    std::optional<std::int64_t> maxOffsetsPerTrigger;
    /// Spark's Kafka source option: true stops the query when offsets vanish; false reads on.
    bool failOnDataLoss = true;
    bool operator==(const KafkaSettings&) const = default;
};

/// Something that happened to a live source while it was recorded (the broker lost and back,
/// offsets missed, a message refused), kept in the recording so that a replay can say what the
/// class saw. The engine only carries it: batches never depend on it.
struct RecordedFault {
    Micros at = 0;                ///< when it was noticed, on the recording's processing-time axis
    std::string source;           ///< the live source's name
    std::string kind;             ///< "brokerLost", "dataLoss", ... (live/LiveSession.h names them)
    std::int32_t partition = -1;  ///< -1: not about one partition
    std::int64_t fromOffset = -1; ///< the offsets concerned, [fromOffset, toOffset); -1: none
    std::int64_t toOffset = -1;
    std::string text;             ///< one line for people
    bool operator==(const RecordedFault&) const = default;
};

/// A named input: its schema and the events it delivers, or the rows of a static table.
struct SourceSpec {
    std::string name;
    Schema schema;
    std::vector<SourceEvent> events;
    std::optional<std::int64_t> maxEventsPerTrigger;
    SourceFormat format = SourceFormat::Memory;
    bool isStatic = false;
    std::vector<Row> staticRows;
    std::optional<KafkaSettings> kafka;
};

/// `withWatermark`: column and Spark interval string.
struct WatermarkSpec {
    std::string column;
    std::string delay;
    bool operator==(const WatermarkSpec&) const = default;
};

/// `window(column, duration, slide, startTime)`.
struct WindowSpecText {
    std::string column;
    std::string duration;
    std::optional<std::string> slide;
    std::optional<std::string> startTime;
    bool operator==(const WindowSpecText&) const = default;
};

/// `session_window(column, gap)`.
struct SessionSpecText {
    std::string column;
    std::string gap;
    bool operator==(const SessionSpecText&) const = default;
};

/// One `groupBy` item: a column, a window or a session window.
struct GroupItem {
    enum class Kind { Column, Window, Session } kind = Kind::Column;
    std::string column;
    WindowSpecText window;
    SessionSpecText session;
    bool operator==(const GroupItem&) const = default;
};

/// One `agg` entry.
struct AggSpec {
    std::string fn;
    std::optional<std::string> column; ///< absent: count(*)
    std::optional<std::string> as;
    bool distinct = false;
    bool operator==(const AggSpec&) const = default;
};

/// One input of the query: a source with its own stateless steps and watermark (a
/// union branch, or a join side).
struct InputSpec {
    std::string source;
    std::vector<std::string> selectExpr;
    std::optional<std::string> where;
    std::optional<WatermarkSpec> withWatermark;
    /// Join sides only: `withWatermark(...).select(window(column, duration) AS as)`.
    std::optional<WindowSpecText> window;
    std::string windowAs;
    bool operator==(const InputSpec&) const = default;
};

/// A stream-stream or stream-static join (`query.join`).
struct JoinSpec {
    InputSpec left, right;
    std::optional<std::string> on;
    std::vector<std::string> usingColumns;
    std::string type = "inner";
    bool operator==(const JoinSpec&) const = default;
};

/// `.join(right, on, type)` applied to the output of what comes before it in `query.then`: a
/// join whose left input is a join (`a.join(b, ...).join(c, ...)`).
struct StageJoinSpec {
    InputSpec right;
    std::optional<std::string> on;
    std::vector<std::string> usingColumns;
    std::string type = "inner";
    bool operator==(const StageJoinSpec&) const = default;
};

/// `trigger`: at most one of processingTime / once / availableNow.
struct TriggerSpec {
    std::optional<std::string> processingTime;
    bool once = false;
    bool availableNow = false;
    std::optional<std::string> batchDuration;
    std::optional<Micros> startAt;
    TimeStyle startAtStyle = TimeStyle::TimeOfDay;
    bool operator==(const TriggerSpec&) const = default;
};

/// Console sink options (`.option("truncate", ...)`, `.option("numRows", ...)`).
struct SinkOptions {
    bool truncate = true;
    int numRows = 20;
    bool operator==(const SinkOptions&) const = default;
};

/// One stateful operator after the first (`query.then[i]`, Spark 3.4+ chains, SPARK-40925), in
/// the order the DataFrame code writes it: its stateless steps, then dropDuplicates or an
/// aggregation. A stage with steps only projects the last operator's output.
struct ChainStageSpec {
    std::vector<std::string> selectExpr;
    std::optional<std::string> where;
    std::optional<std::vector<std::string>> dropDuplicates;
    std::optional<std::vector<std::string>> dropDuplicatesWithinWatermark;
    std::optional<std::vector<GroupItem>> groupBy;
    std::optional<std::vector<AggSpec>> agg;
    std::optional<StageJoinSpec> join;
    bool operator==(const ChainStageSpec&) const = default;
};

/// The query as written: Spark's vocabulary, not yet analysed.
struct QuerySpec {
    std::optional<std::string> source;
    std::vector<InputSpec> unionInputs; ///< non-empty for `union`
    std::optional<JoinSpec> join;
    std::vector<std::string> selectExpr;
    std::optional<std::string> where;
    std::optional<WatermarkSpec> withWatermark;
    std::optional<std::vector<std::string>> dropDuplicates;
    std::optional<std::vector<std::string>> dropDuplicatesWithinWatermark;
    std::optional<std::vector<GroupItem>> groupBy;
    std::optional<std::vector<AggSpec>> agg;
    std::vector<ChainStageSpec> then; ///< the operators downstream of the first, in order
    std::string outputMode = "append";
    TriggerSpec trigger;
    SinkOptions sinkOptions;

    /// The inputs the query's joins read, in plan.inputs order: `join`'s left and right, then
    /// the right side of each join in `then`. Empty without a join.
    std::vector<const InputSpec*> joinInputs() const;
};

/// One entry of the scenario's `restarts` list: the query is stopped at `stopAt` and started
/// again from its checkpoint at `restartAt` (StreamingQuery.stop, then the same
/// writeStream...start() with the same checkpointLocation). With `crash`, the process dies
/// during the last batch that started before `stopAt`: its offsets are in the offset log and
/// the sink has written it, but its commit log entry is missing, so the restart runs it again.
/// The restarted query may differ from the one before as far as Spark allows.
struct RestartSpec {
    Micros stopAt = 0;
    Micros restartAt = 0;
    TimeStyle stopAtStyle = TimeStyle::TimeOfDay;
    TimeStyle restartAtStyle = TimeStyle::TimeOfDay;
    bool crash = false;
    /// The `query` keys this restart changes (file names: "where", "groupBy", ...), in file order,
    /// and their new values in `changes` (a key absent there is removed). The rest of the
    /// restarted query is the previous run's, so an edit of the query before reaches it too.
    std::vector<std::string> changedKeys;
    QuerySpec changes;
    /// The restarted query: `before` with this restart's changes.
    QuerySpec queryAfter(const QuerySpec& before) const;
    /// Source name → its new maxEventsPerTrigger (nullopt: the limit is removed).
    std::map<std::string, std::optional<std::int64_t>> maxEventsPerTrigger;
};

/// Spark configuration keys Tidemark models (`conf`).
struct SparkConf {
    bool noDataMicroBatches = true;             ///< spark.sql.streaming.noDataMicroBatches.enabled
    std::string multipleWatermarkPolicy = "min"; ///< spark.sql.streaming.multipleWatermarkPolicy
    bool allowMultipleStatefulOperators = true;  ///< spark.sql.streaming.statefulOperator.allowMultiple (3.4+)
    bool checkCorrectness = true;                ///< spark.sql.streaming.statefulOperator.checkCorrectness.enabled
    /// Boolean keys written as a string Spark's booleanConf refuses (key, text), reported by analysis.
    std::vector<std::pair<std::string, std::string>> notBoolean;
    /// Keys that were written in the file, in file order, so saving writes back exactly those.
    std::vector<std::string> writtenKeys;
};

/// A whole scenario file.
struct Scenario {
    int formatVersion = 1;
    std::string title;
    std::string description;
    SparkVersion sparkVersion = SparkVersion::newest();
    bool sparkVersionWritten = false;
    std::string timeZoneId = "UTC";
    TimeZone zone;
    std::optional<CivilDate> date;
    SparkConf conf;
    std::vector<SourceSpec> sources;
    QuerySpec query;
    std::vector<RecordedFault> liveFaults; ///< file: "live": {"faults": [...]}, only in recordings
    std::vector<RestartSpec> restarts;     ///< stops and restarts from the checkpoint, in time order

    const SourceSpec* findSource(const std::string& name) const;
    /// Number of events over all sources.
    std::size_t numEvents() const;
};

} // namespace tidemark
