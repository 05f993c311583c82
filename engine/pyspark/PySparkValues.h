// SPDX-License-Identifier: GPL-3.0-or-later
// What the import knows about a notebook's values without running it: strings and numbers,
// schemas, and DataFrames as the chain of steps that built them.
#pragma once

#include "engine/pyspark/PySparkImport.h"
#include "engine/scenario/Scenario.h"
#include "engine/schema/DataType.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tidemark::pyspark {

/// Marks a piece of a string the import could not know (`work_dir = !pwd`).
inline constexpr char kUnknownPiece = '\x01';
/// Opens a column reference through a DataFrame (`impressions.adId`): kQualifierOpen, the
/// index of the DataFrame in the interpreter's table, kQualifierClose, the column name.
inline constexpr char kQualifierOpen = '\x02';
inline constexpr char kQualifierClose = '\x03';

/// A place in the notebook, and the cell it is in.
struct Place {
    int cell = 0;
    std::string where;
};

struct FieldDef {
    std::string name;
    std::optional<DataType> type; ///< absent: a type Tidemark does not simulate (`typeName`)
    std::string typeName;
};

/// A column expression as Spark SQL text, plus what a groupBy or agg needs to know of it.
struct ColumnExpr {
    enum class Kind : std::uint8_t { Plain, Star, Window, Session, Aggregate, FromJson };
    Kind kind = Kind::Plain;
    std::string sql;
    std::string alias;
    std::string columnName; ///< set when the expression is a bare column reference
    /// SQL precedence of the outermost operator (OR 1, AND 2, NOT 3, comparison 4, + - 5,
    /// * / % 6, a term 10): an operand is parenthesised only where the precedence asks.
    int precedence = 10;
    WindowSpecText window;
    SessionSpecText session;
    AggSpec agg;
    std::vector<FieldDef> jsonSchema; ///< from_json's schema
    std::string jsonInput;            ///< from_json's input column
    std::string problem;              ///< why it cannot be simulated, when it cannot
    Place place;
};

struct Plan;
using PlanPtr = std::shared_ptr<const Plan>;

/// One step of a DataFrame's lineage; `child` is the step before it.
struct Plan {
    enum class Kind : std::uint8_t {
        Source,       ///< spark.readStream...load(path)
        Static,       ///< spark.read...json(path)
        Join,         ///< child.join(right, on, how)
        Union,        ///< child.union(right)
        Select,       ///< select / selectExpr
        Where,        ///< where / filter
        Watermark,    ///< withWatermark
        Dedup,        ///< dropDuplicates
        DedupWithinWatermark,
        Aggregate,    ///< groupBy(...).agg(...) / .count()
        Unsupported,  ///< a method that is not simulated; `text` says why
        Alias,        ///< DataFrame.alias(name): only renames the qualifier
    };
    Kind kind = Kind::Unsupported;
    PlanPtr child, right;
    int depth = 0; ///< steps below this one (a bound on how long a lineage may grow)
    Place place;
    std::string construct; ///< how the step was written, for messages: `.foreachBatch(...)`
    std::string text;      ///< Unsupported: the reason

    // Source / Static
    std::string format;
    std::optional<std::vector<FieldDef>> schema;
    std::string schemaProblem;
    std::map<std::string, std::string> options;
    std::map<std::string, Place> optionPlaces;
    std::string path; ///< may hold kUnknownPiece
    bool hasPath = false;
    int id = 0; ///< unique per source

    // Select / Where
    std::vector<ColumnExpr> columns;
    // Watermark
    std::string column, delay;
    // Dedup
    std::vector<std::string> keys;
    // Aggregate
    std::vector<ColumnExpr> groups, aggs;
    // Join
    std::optional<ColumnExpr> on;
    std::vector<std::string> usingColumns;
    std::string how = "inner";
};

/// `df.writeStream....`: the sink and trigger settings gathered along the chain.
struct WriterState {
    PlanPtr plan;
    Place place; ///< where `.writeStream` was called
    int origin = 0;
    std::string format = "console";
    std::optional<std::string> outputMode;
    std::optional<std::string> processingTime;
    bool once = false, availableNow = false;
    std::optional<bool> truncate;
    std::optional<int> numRows;
    std::string queryName;
    std::set<int> cells;
    std::vector<ImportMessage> problems; ///< sink constructs that are not simulated
    bool stopped = false; ///< a `.foreachBatch(...)` or `.foreach(...)`: later settings are kept, the sink is not
};

/// The session settings the import maps (`spark.conf.set`, `.config(...)`).
struct SessionConf {
    std::string timeZone;
    std::optional<bool> noDataMicroBatches;
    std::optional<std::string> multipleWatermarkPolicy;
};

/// A started query: the writer as it was at `.start()`, and the session settings then.
struct StartedQuery {
    QueryCandidate candidate;
    WriterState writer;
    SessionConf conf;
};

} // namespace tidemark::pyspark
