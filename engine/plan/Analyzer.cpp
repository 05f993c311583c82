// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/Analyzer.h"

#include "engine/expr/Parser.h"
#include "engine/plan/JoinCondition.h"
#include "engine/plan/PredicatePushdown.h"
#include "engine/plan/RestartedRuns.h"
#include "engine/plan/SessionGapAnalysis.h"
#include "engine/plan/WorkLimits.h"
#include "engine/time/Interval.h"

#include <algorithm>
#include <set>

namespace tidemark {

const char* outputModeName(OutputMode mode)
{
    switch (mode) {
    case OutputMode::Append: return "append";
    case OutputMode::Update: return "update";
    case OutputMode::Complete: return "complete";
    }
    return "append";
}

const char* outputModeSparkName(OutputMode mode)
{
    switch (mode) {
    case OutputMode::Append: return "Append";
    case OutputMode::Update: return "Update";
    case OutputMode::Complete: return "Complete";
    }
    return "Append";
}

const char* joinTypeSparkName(JoinPlan::Type type)
{
    switch (type) {
    case JoinPlan::Type::Inner: return "Inner";
    case JoinPlan::Type::LeftOuter: return "LeftOuter";
    case JoinPlan::Type::RightOuter: return "RightOuter";
    case JoinPlan::Type::FullOuter: return "FullOuter";
    case JoinPlan::Type::LeftSemi: return "LeftSemi";
    }
    return "Inner";
}

std::optional<OutputMode> parseOutputMode(const std::string& text)
{
    std::string s = text;
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s == "append")
        return OutputMode::Append;
    if (s == "update")
        return OutputMode::Update;
    if (s == "complete")
        return OutputMode::Complete;
    return std::nullopt;
}

namespace {

/// Internal: the first problem found, returned as an Error by analyze().
struct AnalysisFailure {
    Error error;
};

[[noreturn]] void failQuery(const std::string& where, const std::string& message, const char* exception = "AnalysisException")
{
    throw AnalysisFailure{Error::query(message, where, exception)};
}
/// Errors raised by a Dataset/DataStreamWriter method's argument checks (`require`).
[[noreturn]] void failArgument(const std::string& where, const std::string& message) { failQuery(where, message, "IllegalArgumentException"); }
[[noreturn]] void failFile(const std::string& where, const std::string& message) { throw AnalysisFailure{Error::file(where, message)}; }

std::string indexed(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

/// Spark's ParseException text, with the "== SQL ==" excerpt and a caret under the token.
std::string parseMessage(const std::string& text, const ParseFailure& f, const SparkVersion& v)
{
    std::string head;
    if (v.atLeast(4, 0))
        head = "[PARSE_SYNTAX_ERROR] Syntax error at or near '" + f.token + "'. SQLSTATE: 42601 (line 1, pos " + std::to_string(f.pos) + ")";
    else if (v.hasErrorClasses())
        head = "[PARSE_SYNTAX_ERROR] Syntax error at or near '" + f.token + "'.(line 1, pos " + std::to_string(f.pos) + ")";
    else
        head = "mismatched input '" + f.token + "' expecting " + f.expected + "(line 1, pos " + std::to_string(f.pos) + ")";
    return "\n" + head + "\n\n== SQL ==\n" + text + "\n" + std::string(f.pos, '-') + "^^^\n";
}

/// Spark's ParseException, or Tidemark's nesting limit (a file problem: Spark has no such limit).
[[noreturn]] void failParse(const std::string& where, const std::string& text, const ParseFailure& f, const SparkVersion& v)
{
    if (f.tooDeep)
        failFile(where, "the expression nests too deep (at position " + std::to_string(f.pos) + "); Tidemark reads at most " + std::to_string(kMaxExpressionDepth) + " levels of operators, NOT and signs, and at most "
                            + std::to_string(kMaxParenthesesDepth)
                            + " parentheses and function calls inside each other. Split the condition or remove redundant parentheses.");
    if (f.overflow)
        failQuery(where, "long overflow", "ArithmeticException");
    failQuery(where, parseMessage(text, f, v));
}

AstPtr parseExpr(const std::string& text, const std::string& where, const SparkVersion& v)
{
    auto r = parseExpression(text);
    if (auto* f = std::get_if<ParseFailure>(&r))
        failParse(where, text, *f, v);
    return std::get<AstPtr>(r);
}

/// Math.multiplyExact/addExact failing while Spark turns an interval into a duration.
[[noreturn]] void failOverflow(const std::string& where) { failQuery(where, "long overflow", "ArithmeticException"); }

/// days * 24 h + micros of a parsed interval whose months were rejected, as Spark computes it.
Micros exactMicros(const Interval& i, const std::string& where)
{
    const auto us = i.exactMicrosNoMonths();
    if (!us)
        failOverflow(where);
    return *us;
}

class Analyzer {
public:
    Analyzer(const Scenario& sc, std::optional<OutputMode> mode) : m_sc(sc), m_v(sc.sparkVersion), m_modeOverride(mode) {}

    QueryPlan run()
    {
        QueryPlan plan;
        plan.version = m_v;
        plan.noDataBatches = m_sc.conf.noDataMicroBatches;
        const std::string lowered = checkConf();
        plan.maxWatermarkPolicy = lowered == "max";
        plan.lateFilterUsesPreviousWatermark = m_v.filtersLateRowsWithPreviousWatermark() && m_sc.conf.allowMultipleStatefulOperators;
        plan.sink = m_sc.query.sinkOptions;

        const QuerySpec& q = m_sc.query;
        if (q.join) {
            joinQuery(plan);
            return plan;
        }
        if (q.source) {
            InputSpec in;
            in.source = *q.source;
            plan.inputs.push_back(input(in, "query"));
        } else {
            for (size_t i = 0; i < q.unionInputs.size(); ++i)
                plan.inputs.push_back(input(q.unionInputs[i], indexed("query.union", i)));
        }
        if (plan.inputs.empty())
            failFile("query", "missing the input: give \"source\", \"union\" or \"join\"");
        Schema schema = plan.inputs.size() == 1 ? plan.inputs[0].output : unionSchema(plan.inputs);

        // Query-level stateless steps, then the watermark.
        if (!q.selectExpr.empty())
            plan.steps.push_back(project(q.selectExpr, schema, "query.selectExpr"));
        if (q.where)
            plan.steps.push_back(filter(*q.where, schema, "query.where"));
        if (q.withWatermark) {
            if (m_v.allowsMultipleStatefulOperators() && m_sc.conf.allowMultipleStatefulOperators && schema.eventTimeColumn())
                failQuery("query.withWatermark",
                          // WatermarkPropagator (3.4+; _LEGACY_ERROR_TEMP_3076 in 4.0, same text)
                          "Redefining watermark is disallowed. You can set the config "
                          "'spark.sql.streaming.statefulOperator.allowMultiple' to 'false' to restore the previous "
                          "behavior. Note that multiple stateful operators will be disallowed.");
            plan.steps.push_back(watermark(*q.withWatermark, schema, "query.withWatermark"));
        }
        plan.streamSchema = schema;
        plan.numWatermarkNodes = m_nextWatermarkNode;

        if (q.dropDuplicates && q.dropDuplicatesWithinWatermark)
            failQuery("query", "give only one of \"dropDuplicates\" and \"dropDuplicatesWithinWatermark\"");
        if (q.dropDuplicates)
            plan.dedup = dedup(*q.dropDuplicates, false, schema, "query.dropDuplicates");
        if (q.dropDuplicatesWithinWatermark)
            plan.dedup = dedup(*q.dropDuplicatesWithinWatermark, true, schema, "query.dropDuplicatesWithinWatermark");

        if (q.groupBy || q.agg) {
            plan.aggregate = aggregate(schema, plan.output);
        } else {
            plan.output = schema;
        }

        plan.mode = outputMode();
        plan.trigger = trigger(q.trigger);
        checkForStreaming(plan);
        return plan;
    }

private:
    InputPlan input(const InputSpec& in, const std::string& path, bool joinSide = false)
    {
        InputPlan p;
        const SourceSpec* src = nullptr;
        for (size_t i = 0; i < m_sc.sources.size(); ++i)
            if (m_sc.sources[i].name == in.source) {
                src = &m_sc.sources[i];
                p.source = i;
            }
        if (!src) {
            std::string names;
            for (const auto& s : m_sc.sources)
                names += (names.empty() ? "" : ", ") + s.name;
            failFile(path + ".source", "no source named \"" + in.source + "\" (sources: " + names + ")");
        }
        if (src->isStatic && !joinSide)
            failFile(path + ".source", "\"" + in.source + "\" is a static table; a static source can only be joined with a stream");
        if (src->isStatic && in.withWatermark)
            failFile(path + ".withWatermark", "a static table has no watermark");
        Schema schema = src->schema;
        if (!in.selectExpr.empty())
            p.steps.push_back(project(in.selectExpr, schema, path + ".selectExpr"));
        if (in.where)
            p.steps.push_back(filter(*in.where, schema, path + ".where"));
        if (in.withWatermark)
            p.steps.push_back(watermark(*in.withWatermark, schema, path + ".withWatermark"));
        if (in.window)
            p.steps.push_back(sideWindow(*in.window, in.windowAs, schema, path + ".window"));
        p.output = schema;
        return p;
    }

    /// `withWatermark(...).select(window(column, duration) AS as, ...)` on a join side: the time
    /// column is replaced in place by its tumbling window, which keeps its watermark metadata.
    Step sideWindow(const WindowSpecText& w, const std::string& as, Schema& schema, const std::string& path)
    {
        size_t column = 0;
        const TimeWindowSpec spec = timeWindow(w, schema, path, column);
        if (!spec.isTumbling())
            failQuery(path + ".slide", "a join side's window must be tumbling: a sliding window gives each row several windows");
        Step step;
        step.kind = Step::Kind::Project;
        Schema out;
        for (size_t c = 0; c < schema.size(); ++c) {
            BoundExpr e;
            e.op = BoundExpr::Op::Column;
            e.column = c;
            e.type = schema[c].type;
            Field f = schema[c];
            if (c == column) {
                e.op = BoundExpr::Op::TumblingWindow;
                e.type = DataType(TypeId::Window);
                e.window = spec;
                BoundExpr arg;
                arg.op = BoundExpr::Op::Column;
                arg.column = c;
                arg.type = schema[c].type;
                e.args.push_back(arg);
                f.name = as;
                f.type = DataType(TypeId::Window);
            }
            step.exprs.push_back(std::move(e));
            out.fields.push_back(std::move(f));
        }
        step.output = out;
        schema = out;
        return step;
    }

    Schema unionSchema(const std::vector<InputPlan>& inputs)
    {
        Schema out = inputs[0].output;
        for (size_t i = 1; i < inputs.size(); ++i) {
            const Schema& s = inputs[i].output;
            if (s.size() != out.size())
                failQuery(indexed("query.union", i),
                          m_v.hasErrorClasses()
                              ? "[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, but the first input has "
                                    + std::to_string(out.size()) + " columns and the " + ordinal(i + 1) + " input has " + std::to_string(s.size())
                                    + " columns."
                              : "Union can only be performed on tables with the same number of columns, but the first table has "
                                    + std::to_string(out.size()) + " columns and the " + ordinal(i + 1) + " table has "
                                    + std::to_string(s.size()) + " columns");
            for (size_t c = 0; c < s.size(); ++c) {
                Field& f = out.fields[c];
                if (f.type != s[c].type) {
                    if (f.type.isNumeric() && s[c].type.isNumeric())
                        f.type = DataType(f.type.id == TypeId::Double || s[c].type.id == TypeId::Double ? TypeId::Double : TypeId::Long);
                    else
                        failQuery(indexed("query.union", i), "Union can only be performed on tables with compatible column types. The "
                                                                 + ordinal(c + 1) + " column of the " + ordinal(i + 1) + " table is "
                                                                 + sparkTypeName(s[c].type) + " type which is not compatible with "
                                                                 + sparkTypeName(f.type) + " at the same column of the first table");
                }
                // Union keeps the first child's attribute (and its watermark metadata).
                if (!f.watermarkDelayMs)
                    f.watermarkDelayMs = s[c].watermarkDelayMs;
                f.qualifier.clear();
            }
        }
        return out;
    }

    static std::string ordinal(size_t n)
    {
        static const char* kNames[] = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
        return n < 11 ? kNames[n] : std::to_string(n) + "th";
    }

    Step project(const std::vector<std::string>& items, Schema& schema, const std::string& path)
    {
        Step step;
        step.kind = Step::Kind::Project;
        Schema out;
        const BindContext ctx{m_v, m_sc.zone, {}};
        for (size_t i = 0; i < items.size(); ++i) {
            const std::string where = indexed(path, i);
            auto parsed = parseSelectItem(items[i]);
            if (auto* f = std::get_if<ParseFailure>(&parsed))
                failParse(where, items[i], *f, m_v);
            SelectItem item = std::get<SelectItem>(parsed);
            if (item.expr->kind == Ast::Kind::Star) {
                for (size_t c = 0; c < schema.size(); ++c) {
                    BoundExpr col;
                    col.op = BoundExpr::Op::Column;
                    col.column = c;
                    col.type = schema[c].type;
                    step.exprs.push_back(col);
                    out.fields.push_back(schema[c]);
                }
                continue;
            }
            BindContext itemCtx = ctx;
            itemCtx.text = items[i];
            const Ast* expr = item.expr.get();
            bool isGenerator = false;
            if (expr->kind == Ast::Kind::Call && equalsIgnoreCase(expr->name, "explode")) {
                if (expr->args.size() != 1)
                    failQuery(where, "explode() takes exactly one argument");
                if (step.generator)
                    failQuery(where, m_v.hasErrorClasses()
                                         ? "[UNSUPPORTED_GENERATOR.MULTI_GENERATOR] The generator is not supported: only one generator allowed per select clause but found 2."
                                         : "Only one generator allowed per select clause but found 2: " + prettyName(*expr));
                isGenerator = true;
                expr = expr->args[0].get();
            }
            auto bound = bindExpression(*expr, schema, itemCtx);
            if (!bound.ok())
                failQuery(where, bound.error().message);
            Field f;
            f.name = item.alias.empty() ? (isGenerator ? "col" : prettyName(*item.expr)) : item.alias;
            if (isGenerator) {
                if (bound->type.id != TypeId::Array)
                    failQuery(where, m_v.hasErrorClasses()
                                         ? "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"explode(" + prettyName(*expr)
                                               + ")\" due to data type mismatch: The first parameter requires the (\"ARRAY\" or \"MAP\") type, however \""
                                               + prettyName(*expr) + "\" has the type \"" + sparkTypeName(bound->type) + "\"."
                                         : "cannot resolve 'explode(" + prettyName(*expr)
                                               + ")' due to data type mismatch: input to function explode should be array or map type, not "
                                               + sparkTypeName(bound->type));
                f.type = DataType(bound->type.element);
                step.generator = step.exprs.size();
            } else {
                f.type = bound->type;
                // A column reference or its alias keeps the watermark metadata (Alias copies it).
                if (bound->op == BoundExpr::Op::Column) {
                    f.watermarkDelayMs = schema[bound->column].watermarkDelayMs;
                    if (item.alias.empty())
                        f.qualifier = schema[bound->column].qualifier;
                }
            }
            step.exprs.push_back(std::move(bound.value()));
            out.fields.push_back(std::move(f));
        }
        step.output = out;
        schema = out;
        return step;
    }

    Step filter(const std::string& text, const Schema& schema, const std::string& path)
    {
        Step step;
        step.kind = Step::Kind::Filter;
        step.text = text;
        AstPtr ast = parseExpr(text, path, m_v);
        auto bound = bindExpression(*ast, schema, BindContext{m_v, m_sc.zone, text});
        if (!bound.ok())
            failQuery(path, bound.error().message);
        if (bound->type.id != TypeId::Boolean && bound->type.id != TypeId::Null)
            failQuery(path, m_v.hasErrorClasses()
                                ? "[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"" + prettyName(*ast)
                                      + "\" due to data type mismatch: Filter expression \"" + prettyName(*ast) + "\" of type \""
                                      + sparkTypeName(bound->type) + "\" is not a boolean."
                                : "filter expression '" + prettyName(*ast) + "' of type " + sparkTypeName(bound->type) + " is not a boolean.");
        step.predicate = std::move(bound.value());
        step.output = schema;
        return step;
    }

    /// spark.conf.set's checks (ConfigBuilder's booleanConf and checkValue), which Spark runs
    /// before any query; returns the watermark policy, lower-cased as SQLConf's transform does.
    std::string checkConf() const
    {
        for (const auto& [key, text] : m_sc.conf.notBoolean)
            failArgument("conf[\"" + key + "\"]", key + " should be boolean, but was " + text);
        std::string lowered = m_sc.conf.multipleWatermarkPolicy;
        for (char& c : lowered)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        static const std::string kPolicy = "spark.sql.streaming.multipleWatermarkPolicy";
        if (lowered != "min" && lowered != "max")
            failArgument("conf[\"" + kPolicy + "\"]",
                         "'" + lowered + "' in " + kPolicy + " is invalid. Invalid value for '" + kPolicy + "'. Valid values are 'min' and 'max'");
        return lowered;
    }

    /// QueryCompilationErrors.cannotParseIntervalError: IntervalUtils.fromIntervalString (3.2+)
    /// wraps every failure, so the cause never shows.
    std::string cannotParseInterval(const std::string& text) const
    {
        if (!m_v.atLeast(3, 5))
            return "Unable to parse '" + text + "'";
        return "[CANNOT_PARSE_INTERVAL] Unable to parse '" + text
               + "'. Please ensure that the value provided is in a valid format for defining an interval. You can reference the "
                 "documentation for the correct format. If the issue persists, please double check that the input value is not null or "
                 "empty and try again."
               + (m_v.atLeast(4, 0) ? " SQLSTATE: 22006" : "");
    }

    /// A watermark delay or window duration as Spark reads it: stringToInterval before 3.2,
    /// fromIntervalString (ANSI literals too, SPARK-35815) since.
    Interval literalDuration(const std::string& text, const std::string& where, const char* before32Message) const
    {
        if (!m_v.atLeast(3, 2)) {
            auto r = parseInterval(text);
            if (!r.ok()) {
                if (before32Message)
                    failQuery(where, before32Message + text + "'");
                failArgument(where, r.error().message);
            }
            return r.value();
        }
        auto r = parseInterval(text, IntervalReader::AnyLiteral);
        if (!r.ok())
            failQuery(where, cannotParseInterval(text));
        return r.value();
    }

    Step watermark(const WatermarkSpec& w, Schema& schema, const std::string& path)
    {
        // Dataset.withWatermark: the delay is parsed and checked when the method is called;
        // before 3.2 a delay it cannot read is "Unable to parse time delay".
        const Interval delay = literalDuration(w.delay, path + ".delay", "Unable to parse time delay '");
        if (!delay.exactDurationMicros())
            failOverflow(path + ".delay"); // IntervalUtils.getDuration inside isNegative
        if (delay.isNegative())
            failArgument(path + ".delay", "requirement failed: delay threshold (" + w.delay + ") should not be negative.");
        auto idx = schema.find(w.column);
        if (!idx)
            failQuery(path + ".column", unresolvedColumnMessage(w.column, schema, m_v));
        const Field& f = schema[*idx];
        if (f.type.id != TypeId::Timestamp && f.type.id != TypeId::Window)
            failQuery(path + ".column",
                      m_v.hasErrorClasses()
                          ? "[EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event time `" + f.name + "` has the invalid type \""
                                + upper(sparkTypeName(f.type)) + "\", but expected \"TIMESTAMP\"." + (m_v.atLeast(4, 0) ? " SQLSTATE: 42K09" : "")
                          : "Event time must be defined on a window or a timestamp, but " + f.name + " is of type " + sparkTypeName(f.type));
        Step step;
        step.kind = Step::Kind::Watermark;
        step.watermarkNode = m_nextWatermarkNode++;
        step.column = *idx;
        step.delayMs = delay.watermarkDelayMs();
        // EventTimeWatermark replaces the metadata on its column; other columns lose theirs.
        for (auto& field : schema.fields)
            field.watermarkDelayMs.reset();
        schema.fields[*idx].watermarkDelayMs = step.delayMs;
        step.output = schema;
        return step;
    }

    static std::string upper(std::string s)
    {
        for (char& c : s)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return s;
    }

    DedupPlan dedup(const std::vector<std::string>& columns, bool withinWatermark, const Schema& schema, const std::string& path)
    {
        if (withinWatermark && !m_v.hasDropDuplicatesWithinWatermark())
            failQuery(path, "'DataFrame' object has no attribute 'dropDuplicatesWithinWatermark' "
                            "(dropDuplicatesWithinWatermark was added in Spark 3.5; sparkVersion is "
                                + m_v.toString() + ")", "AttributeError");
        DedupPlan d;
        d.withinWatermark = withinWatermark;
        if (columns.empty()) {
            for (size_t i = 0; i < schema.size(); ++i)
                d.keys.push_back(i);
        }
        for (size_t i = 0; i < columns.size(); ++i) {
            auto idx = schema.find(columns[i]);
            if (!idx)
                failQuery(indexed(path, i), m_v.hasErrorClasses()
                                                ? "[UNRESOLVED_COLUMN_AMONG_FIELD_NAMES] Cannot resolve column name \"" + columns[i] + "\" among ("
                                                      + joinNames(schema) + ")."
                                                : "Cannot resolve column name \"" + columns[i] + "\" among (" + joinNames(schema) + ")");
            d.keys.push_back(*idx);
        }
        d.eventTimeColumn = schema.eventTimeColumn();
        if (d.eventTimeColumn) {
            d.delayMs = *schema[*d.eventTimeColumn].watermarkDelayMs;
            for (size_t k = 0; k < d.keys.size(); ++k)
                if (d.keys[k] == *d.eventTimeColumn)
                    d.eventTimeKey = k;
        }
        if (withinWatermark && !d.eventTimeColumn)
            failQuery(path, "dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without watermark");
        return d;
    }

    static std::string joinNames(const Schema& s)
    {
        std::string out;
        for (size_t i = 0; i < s.size(); ++i)
            out += (i ? ", " : "") + s[i].name;
        return out;
    }

    std::string windowSql(const std::string& column, Micros d, Micros s, Micros start) const
    {
        // 3.x: Expression.sql of TimeWindow, whose only child is the time column (backquoted).
        if (!m_v.hasErrorClasses())
            return "window(`" + column + "`)";
        return "window(" + column + ", " + std::to_string(d) + ", " + std::to_string(s) + ", " + std::to_string(start) + ")";
    }

    /// TimeWindow.checkInputDataTypes, worded per release.
    [[noreturn]] void windowCheckFailure(const std::string& where, const std::string& sql, const std::string& legacy,
                                         const std::string& errorClass, const std::string& modern) const
    {
        if (m_v.atLeast(4, 0))
            failQuery(where, "[DATATYPE_MISMATCH." + errorClass + "] Cannot resolve \"" + sql + "\" due to data type mismatch: " + modern
                                 + " SQLSTATE: 42K09");
        if (m_v.hasErrorClasses())
            failQuery(where, "[DATATYPE_MISMATCH." + errorClass + "] Cannot resolve \"" + sql + "\" due to data type mismatch: " + modern);
        failQuery(where, "cannot resolve '" + sql + "' due to data type mismatch: " + legacy);
    }

    TimeWindowSpec timeWindow(const WindowSpecText& w, const Schema& schema, const std::string& path, size_t& column)
    {
        auto idx = schema.find(w.column);
        if (!idx)
            failQuery(path + ".column", unresolvedColumnMessage(w.column, schema, m_v));
        column = *idx;
        auto micros = [&](const std::string& text, const std::string& where) {
            // TimeWindow.getIntervalInMicroSeconds
            const Interval i = literalDuration(text, where, nullptr);
            if (i.months != 0)
                failArgument(where, "Intervals greater than a month is not supported (" + text + ").");
            return exactMicros(i, where);
        };
        TimeWindowSpec spec;
        spec.duration = micros(w.duration, path + ".duration");
        spec.slide = w.slide ? micros(*w.slide, path + ".slide") : spec.duration;
        spec.startTime = w.startTime ? micros(*w.startTime, path + ".startTime") : 0;
        const std::string sql = windowSql(w.column, spec.duration, spec.slide, spec.startTime);
        const Field& f = schema[*idx];
        if (f.type.id != TypeId::Timestamp)
            windowCheckFailure(path + ".column", sql,
                               "argument 1 requires timestamp type, however, '`" + f.name + "`' is of " + sparkTypeName(f.type) + " type.",
                               "UNEXPECTED_INPUT_TYPE",
                               "The first parameter requires the (\"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"STRUCT<start: TIMESTAMP, end: TIMESTAMP>\") "
                               "type, however \"" + f.name + "\" has the type \"" + upper(sparkTypeName(f.type)) + "\".");
        if (spec.duration <= 0)
            windowCheckFailure(path + ".duration", sql, "The window duration (" + std::to_string(spec.duration) + ") must be greater than 0.",
                               "VALUE_OUT_OF_RANGE",
                               "The `window_duration` must be between (0, 9223372036854775807] (current value = " + std::to_string(spec.duration) + "L).");
        if (spec.slide <= 0)
            windowCheckFailure(path + ".slide", sql, "The slide duration (" + std::to_string(spec.slide) + ") must be greater than 0.",
                               "VALUE_OUT_OF_RANGE",
                               "The `slide_duration` must be between (0, 9223372036854775807] (current value = " + std::to_string(spec.slide) + "L).");
        if (spec.slide > spec.duration)
            windowCheckFailure(path + ".slide", sql,
                               "The slide duration (" + std::to_string(spec.slide) + ") must be less than or equal to the windowDuration ("
                                   + std::to_string(spec.duration) + ").",
                               "PARAMETER_CONSTRAINT_VIOLATION",
                               "The `slide_duration`(" + std::to_string(spec.slide) + "L) must be <= the `window_duration`("
                                   + std::to_string(spec.duration) + "L).");
        // |startTime| in 64 unsigned bits: the absolute value of the most negative long does not fit a long.
        const std::uint64_t absStart = spec.startTime < 0 ? 0 - static_cast<std::uint64_t>(spec.startTime) : static_cast<std::uint64_t>(spec.startTime);
        if (absStart >= static_cast<std::uint64_t>(spec.slide))
            windowCheckFailure(path + ".startTime", sql,
                               "The absolute value of start time (" + std::to_string(spec.startTime) + ") must be less than the slideDuration ("
                                   + std::to_string(spec.slide) + ").",
                               "PARAMETER_CONSTRAINT_VIOLATION",
                               "The `abs(start_time)`(" + std::to_string(absStart) + "L) must be < the `slide_duration`("
                                   + std::to_string(spec.slide) + "L).");
        // Spark would accept what follows; Tidemark refuses it before allocating anything.
        if (auto e = checkWindowDuration(spec, path + ".duration"))
            throw AnalysisFailure{*e};
        if (auto e = checkWindowsPerRow(spec, w.column, static_cast<std::int64_t>(m_sc.numEvents()), path + ".duration"))
            throw AnalysisFailure{*e};
        // duration, slide and |startTime| are each at most kMaxWindowDuration here: no overflow.
        if (auto e = checkTimeReach(m_sc, spec.duration + spec.slide + std::llabs(spec.startTime), sql))
            throw AnalysisFailure{*e};
        return spec;
    }

    /// The gap of session_window(column, gap): an interval, or an expression read per row
    /// (SPARK-36465, SessionGapAnalysis.h). For a fixed gap Spark accepts any text without a
    /// word: SessionWindowing (ResolveTimeWindows.scala) casts it to an interval, text that is
    /// not one becomes null, and a session of a null, zero or negative gap ends where it starts,
    /// so the rewrite's filter (end > start) drops every row. Tidemark refuses such a gap
    /// instead of showing a run where nothing happens.
    void sessionGap(AggregatePlan& agg, const std::string& text, const Schema& schema, const std::string& where)
    {
        agg.sessionGapText = text;
        auto gap = parseInterval(text);
        Micros us = 0;
        if (!gap.ok()) {
            auto e = analyzeSessionGapExpression(text, gap.error().message, schema, BindContext{m_v, m_sc.zone, text}, where);
            if (!e.ok())
                throw AnalysisFailure{e.error()};
            if (e->perRow) {
                agg.sessionGapExpr = std::move(e->perRow);
                return;
            }
            us = e->fixed;
        } else {
            if (gap->months != 0)
                failFile(where, "a gap of months or years (\"" + text + "\") is not simulated; write it in days, such as \"30 days\".");
            us = exactMicros(*gap, where);
        }
        if (us <= 0)
            failFile(where, "the gap \"" + text + "\" is not positive: every session would end where it starts, and Spark drops such "
                            "sessions, so no row would be aggregated. Write a positive duration such as \"5 minutes\".");
        if (us > WorkLimits::kMaxWindowDuration)
            failFile(where, "a gap of " + formatDuration(us) + " is longer than Tidemark simulates: gaps may last at most "
                                + formatDuration(WorkLimits::kMaxWindowDuration) + " (100000 years). Use a shorter gap.");
        if (auto e = checkTimeReach(m_sc, us, "a session gap of " + formatDuration(us)))
            throw AnalysisFailure{*e};
        agg.sessionGap = us;
    }

    AggFunction aggFunction(const AggSpec& spec, const Schema& schema, const std::string& path)
    {
        using K = AggFunction::Kind;
        std::string fn = spec.fn;
        for (char& c : fn)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        AggFunction a;
        std::string sparkName = fn;
        if (fn == "count")
            a.kind = spec.column ? K::Count : K::CountStar;
        else if (fn == "sum")
            a.kind = K::Sum;
        else if (fn == "avg" || fn == "mean") {
            a.kind = K::Avg;
            sparkName = "avg";
        } else if (fn == "min")
            a.kind = K::Min;
        else if (fn == "max")
            a.kind = K::Max;
        else if (fn == "collect_list")
            a.kind = K::CollectList;
        else if (fn == "collect_set")
            a.kind = K::CollectSet;
        else if (fn == "approx_count_distinct")
            a.kind = K::ApproxCountDistinct;
        else if (fn == "stddev" || fn == "stddev_samp") {
            a.kind = K::StddevSamp;
            // functions.stddev builds StddevSamp directly in 3.x (named stddev_samp); 4.0 resolves
            // it through the function registry, which keeps the alias "stddev".
            sparkName = (fn == "stddev" && m_v.atLeast(4, 0)) ? "stddev" : "stddev_samp";
        } else {
            failQuery(path + ".fn", "unknown aggregate \"" + spec.fn
                                        + "\"; expected count, sum, avg, min, max, collect_list, collect_set, approx_count_distinct or stddev");
        }
        if (a.kind == K::CountStar) {
            a.resultType = DataType(TypeId::Long);
            a.name = spec.as ? *spec.as : "count";
            return a;
        }
        if (!spec.column)
            failQuery(path, "\"" + spec.fn + "\" needs a \"column\"");
        auto idx = schema.find(*spec.column);
        if (!idx)
            failQuery(path + ".column", unresolvedColumnMessage(*spec.column, schema, m_v));
        a.column = *idx;
        a.inputType = schema[*idx].type;
        const std::string call = sparkName + "(" + (spec.distinct ? "DISTINCT " : "") + schema[*idx].name + ")";
        const std::string callSql = sparkName + "(" + (spec.distinct ? "DISTINCT " : "") + "`" + schema[*idx].name + "`)";
        const bool numericInput = a.inputType.isNumeric() || a.inputType.id == TypeId::String;
        switch (a.kind) {
        case K::Count:
        case K::ApproxCountDistinct: a.resultType = DataType(TypeId::Long); break;
        case K::Sum:
        case K::Avg:
        case K::StddevSamp:
            if (!numericInput)
                failQuery(path + ".column", m_v.hasErrorClasses()
                                                ? "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"" + call
                                                      + "\" due to data type mismatch: The first parameter requires the \"NUMERIC\" type, however \""
                                                      + schema[*idx].name + "\" has the type \"" + upper(sparkTypeName(a.inputType)) + "\"."
                                                : a.kind == K::StddevSamp
                                                      ? "cannot resolve '" + callSql + "' due to data type mismatch: argument 1 requires double type, however, '`"
                                                            + schema[*idx].name + "`' is of " + sparkTypeName(a.inputType) + " type."
                                                      : "cannot resolve '" + callSql + "' due to data type mismatch: function " + sparkName
                                                            + (m_v.atLeast(3, 2) ? " requires numeric or interval types, not " : " requires numeric types, not ")
                                                            + sparkTypeName(a.inputType));
            if (a.kind == K::Sum)
                a.resultType = DataType(a.inputType.isIntegral() ? TypeId::Long : TypeId::Double);
            else
                a.resultType = DataType(TypeId::Double);
            break;
        case K::Min:
        case K::Max: a.resultType = a.inputType; break;
        case K::CollectList:
        case K::CollectSet: a.resultType = DataType(TypeId::Array, a.inputType.id); break;
        case K::CountStar: break;
        }
        a.name = spec.as ? *spec.as : call;
        return a;
    }

    AggregatePlan aggregate(const Schema& schema, Schema& output)
    {
        const QuerySpec& q = m_sc.query;
        AggregatePlan agg;
        const std::vector<GroupItem> items = q.groupBy ? *q.groupBy : std::vector<GroupItem>{};
        int windows = 0;
        std::string windowPath; // the groupBy item holding the window
        for (size_t i = 0; i < items.size(); ++i) {
            const std::string path = indexed("query.groupBy", i);
            const GroupItem& item = items[i];
            AggregatePlan::GroupColumn g;
            if (item.kind == GroupItem::Kind::Column) {
                auto idx = schema.find(item.column);
                if (!idx)
                    failQuery(path, unresolvedColumnMessage(item.column, schema, m_v));
                g.column = *idx;
                g.name = schema[*idx].name;
                g.type = schema[*idx].type;
                agg.keyColumns.push_back(*idx);
            } else {
                if (++windows > 1)
                    failQuery(path, m_v.atLeast(3, 2) ? "Multiple time/session window expressions would result in a cartesian product of rows, "
                                                        "therefore they are currently not supported."
                                                      : "Multiple time window expressions would result in a cartesian product of rows, "
                                                        "therefore they are currently not supported.");
                g.isWindow = true;
                g.type = DataType(TypeId::Window);
                windowPath = path;
                if (item.kind == GroupItem::Kind::Window) {
                    agg.windowKind = AggregatePlan::WindowKind::Time;
                    agg.window = timeWindow(item.window, schema, path + ".window", agg.timeColumn);
                    g.name = "window";
                } else {
                    if (!m_v.hasSessionWindow())
                        failQuery(path, "cannot import name 'session_window' from 'pyspark.sql.functions' "
                                        "(session windows were added in Spark 3.2; sparkVersion is "
                                            + m_v.toString() + ")", "ImportError");
                    agg.windowKind = AggregatePlan::WindowKind::Session;
                    auto idx = schema.find(item.session.column);
                    if (!idx)
                        failQuery(path + ".session_window.column", unresolvedColumnMessage(item.session.column, schema, m_v));
                    if (schema[*idx].type.id != TypeId::Timestamp)
                        failQuery(path + ".session_window.column",
                                  "cannot resolve 'session_window(" + schema[*idx].name + ", " + item.session.gap
                                      + ")' due to data type mismatch: argument 1 requires timestamp type, however, '`" + schema[*idx].name
                                      + "`' is of " + sparkTypeName(schema[*idx].type) + " type.");
                    agg.timeColumn = *idx;
                    sessionGap(agg, item.session.gap, schema, path + ".session_window.gap");
                    g.name = "session_window";
                }
            }
            agg.groups.push_back(g);
        }
        // Spark picks the first grouping attribute carrying watermark metadata (the window struct
        // copies its time column's); a window before a watermarked key column wins, and vice versa.
        for (const auto& g : agg.groups) {
            const bool carries = g.isWindow ? schema[agg.timeColumn].watermarkDelayMs.has_value() : schema[g.column].watermarkDelayMs.has_value();
            if (!carries)
                continue;
            if (g.isWindow) {
                agg.evictionKey = AggregatePlan::EvictionKey::Window;
            } else {
                agg.evictionKey = AggregatePlan::EvictionKey::KeyColumn;
                agg.evictionKeyIndex = static_cast<size_t>(
                    std::find(agg.keyColumns.begin(), agg.keyColumns.end(), g.column) - agg.keyColumns.begin());
            }
            break;
        }
        if (q.agg) {
            for (size_t i = 0; i < q.agg->size(); ++i)
                agg.aggs.push_back(aggFunction((*q.agg)[i], schema, indexed("query.agg", i)));
        } else {
            AggFunction count;
            count.kind = AggFunction::Kind::CountStar;
            count.resultType = DataType(TypeId::Long);
            count.name = "count";
            agg.aggs.push_back(count);
        }
        if (agg.aggs.empty())
            failQuery("query.agg", "an aggregation needs at least one aggregate");
        output = Schema{};
        for (const auto& g : agg.groups) {
            Field f{g.name, g.type, std::nullopt, {}};
            if (g.isWindow)
                f.watermarkDelayMs = schema[agg.timeColumn].watermarkDelayMs;
            else
                f.watermarkDelayMs = schema[g.column].watermarkDelayMs;
            output.fields.push_back(f);
        }
        for (const auto& a : agg.aggs)
            output.fields.push_back(Field{a.name, a.resultType, std::nullopt, {}});
        if (agg.windowKind == AggregatePlan::WindowKind::Time) {
            std::vector<std::string> keys;
            for (const auto& g : agg.groups)
                if (!g.isWindow)
                    keys.push_back(g.name);
            if (auto e = checkWindowState(m_sc, agg.window, schema[agg.timeColumn].name, keys, windowPath + ".window"))
                throw AnalysisFailure{*e};
        }
        return agg;
    }

    /// writeStream.outputMode(...): the override, or the file's (InternalOutputModes.apply).
    OutputMode outputMode() const
    {
        if (m_modeOverride)
            return *m_modeOverride;
        const std::string& text = m_sc.query.outputMode;
        auto mode = parseOutputMode(text);
        if (!mode)
            failArgument("query.outputMode", "Unknown output mode " + text + ". Accepted output modes are 'append', 'complete', 'update'");
        return *mode;
    }

    TriggerPlan trigger(const TriggerSpec& t)
    {
        TriggerPlan p;
        const int kinds = (t.processingTime ? 1 : 0) + (t.once ? 1 : 0) + (t.availableNow ? 1 : 0);
        if (kinds > 1)
            failQuery("query.trigger", "Multiple triggers not allowed.", "ValueError");
        if (t.processingTime) {
            // ProcessingTimeTrigger reads stringToInterval; Spark 4 words its errors with error classes.
            auto parsed = parseInterval(*t.processingTime, IntervalReader::UnitList, m_v.atLeast(4, 0) ? IntervalMessages::ErrorClasses : IntervalMessages::Spark3);
            if (!parsed.ok())
                failArgument("query.trigger.processingTime", parsed.error().message);
            const Interval i = parsed.value();
            if (i.months != 0)
                failArgument("query.trigger.processingTime", "Doesn't support month or year interval: " + *t.processingTime);
            const Micros us = exactMicros(i, "query.trigger.processingTime");
            if (us < 0)
                failArgument("query.trigger.processingTime", "requirement failed: the interval of trigger should not be negative");
            p.interval = microsToMillis(us) * kMicrosPerMilli; // Spark keeps the interval in ms
        }
        if (t.once)
            p.kind = TriggerPlan::Kind::Once;
        if (t.availableNow) {
            if (!m_v.hasAvailableNow())
                failQuery("query.trigger.availableNow", "trigger() got an unexpected keyword argument 'availableNow' "
                                                        "(Trigger.AvailableNow was added in Spark 3.3; sparkVersion is "
                                                            + m_v.toString() + ")", "TypeError");
            p.kind = TriggerPlan::Kind::AvailableNow;
        }
        if (t.batchDuration) {
            auto d = parseInterval(*t.batchDuration);
            if (!d.ok() || d->months != 0 || !d->exactMicrosNoMonths() || d->toMicrosNoMonths() < 0)
                failFile("query.trigger.batchDuration", "expected a non-negative duration such as \"2 seconds\"");
            p.batchDuration = d->toMicrosNoMonths();
        }
        p.startAt = t.startAt;
        return p;
    }

    static std::optional<JoinPlan::Type> parseJoinType(std::string t)
    {
        std::string n;
        for (char c : t)
            if (c != '_')
                n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (n == "inner")
            return JoinPlan::Type::Inner;
        if (n == "leftouter" || n == "left")
            return JoinPlan::Type::LeftOuter;
        if (n == "rightouter" || n == "right")
            return JoinPlan::Type::RightOuter;
        if (n == "fullouter" || n == "full" || n == "outer")
            return JoinPlan::Type::FullOuter;
        if (n == "leftsemi" || n == "semi")
            return JoinPlan::Type::LeftSemi;
        return std::nullopt;
    }

    /// Rewrites `impressions.adId` / `left.adId` to the side qualifiers of the join schemas.
    static AstPtr qualify(const AstPtr& a, const std::string& leftName, const std::string& rightName)
    {
        auto copy = std::make_shared<Ast>(*a);
        if (copy->kind == Ast::Kind::Column && !copy->qualifier.empty()) {
            if (equalsIgnoreCase(copy->qualifier, leftName) || equalsIgnoreCase(copy->qualifier, "left"))
                copy->qualifier = "left";
            else if (equalsIgnoreCase(copy->qualifier, rightName) || equalsIgnoreCase(copy->qualifier, "right"))
                copy->qualifier = "right";
        }
        for (auto& c : copy->args)
            c = qualify(c, leftName, rightName);
        return copy;
    }

    static Schema withQualifier(Schema s, const std::string& q)
    {
        for (auto& f : s.fields)
            f.qualifier = q;
        return s;
    }

    static Schema concat(const Schema& a, const Schema& b)
    {
        Schema s = a;
        s.fields.insert(s.fields.end(), b.fields.begin(), b.fields.end());
        return s;
    }

    void joinQuery(QueryPlan& plan)
    {
        const JoinSpec& spec = *m_sc.query.join;
        const std::string path = "query.join";
        auto type = parseJoinType(spec.type);
        if (!type)
            failArgument(path + ".type", "Unsupported join type '" + spec.type
                                             + "'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', "
                                               "'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', "
                                               "'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'.");
        JoinPlan j;
        j.type = *type;
        plan.inputs.push_back(input(spec.left, path + ".left", true));
        plan.inputs.push_back(input(spec.right, path + ".right", true));
        j.leftStatic = m_sc.sources[plan.inputs[0].source].isStatic;
        j.rightStatic = m_sc.sources[plan.inputs[1].source].isStatic;
        if (j.leftStatic && j.rightStatic)
            failFile(path, "both sides are static tables; a streaming query needs a stream");
        j.leftSchema = withQualifier(plan.inputs[0].output, "left");
        j.rightSchema = withQualifier(plan.inputs[1].output, "right");
        plan.numWatermarkNodes = m_nextWatermarkNode;
        const Schema joined = concat(j.leftSchema, j.rightSchema);
        const BindContext ctx{m_v, m_sc.zone, spec.on.value_or("")};

        auto bindSide = [&](const AstPtr& a, const Schema& s, const std::string& where) {
            auto b = bindExpression(*a, s, ctx);
            if (!b.ok())
                failQuery(where, b.error().message);
            return std::move(b.value());
        };
        if (!spec.usingColumns.empty()) {
            j.usingJoin = true;
            for (size_t i = 0; i < spec.usingColumns.size(); ++i) {
                const std::string& name = spec.usingColumns[i];
                auto l = j.leftSchema.find(name);
                auto r = j.rightSchema.find(name);
                if (!l || !r) {
                    const Schema& side = !l ? j.leftSchema : j.rightSchema;
                    const char* which = !l ? "left" : "right";
                    failQuery(indexed(path + ".using", i),
                              m_v.hasErrorClasses()
                                  ? "[UNRESOLVED_USING_COLUMN_FOR_JOIN] USING column `" + name + "` cannot be resolved on the " + which
                                        + " side of the join. The " + which + "-side columns: [" + joinNames(side) + "]."
                                  : "USING column `" + name + "` cannot be resolved on the " + which + " side of the join. The " + which
                                        + "-side columns: [" + joinNames(side) + "]");
                }
                j.usingLeft.push_back(*l);
                j.usingRight.push_back(*r);
                // Analyzer.commonNaturalJoinProcessing resolves USING into key equalities; the
                // keys keep their columns' watermark metadata, as any key does.
                BoundExpr lk, rk;
                lk.op = rk.op = BoundExpr::Op::Column;
                lk.column = *l;
                lk.type = j.leftSchema[*l].type;
                lk.watermarkDelayMs = j.leftSchema[*l].watermarkDelayMs;
                rk.column = *r;
                rk.type = j.rightSchema[*r].type;
                rk.watermarkDelayMs = j.rightSchema[*r].watermarkDelayMs;
                j.leftKeys.push_back(lk);
                j.rightKeys.push_back(rk);
                j.nullSafeKeys.push_back(false);
            }
        } else if (spec.on) {
            auto parsed = parseExpression(*spec.on);
            if (auto* f = std::get_if<ParseFailure>(&parsed))
                failParse(path + ".on", *spec.on, *f, m_v);
            const AstPtr on = qualify(std::get<AstPtr>(parsed), spec.left.source, spec.right.source);
            // Resolve the whole condition first: unresolved and ambiguous names fail here, as in Spark.
            auto whole = bindExpression(*on, joined, ctx);
            if (!whole.ok())
                failQuery(path + ".on", whole.error().message);
            if (whole->type.id != TypeId::Boolean)
                failQuery(path + ".on", "join condition '" + prettyName(*on) + "' of type " + sparkTypeName(whole->type) + " is not a boolean.");
            const SplitCondition split = splitJoinCondition(on, j.leftSchema, j.rightSchema);
            for (const auto& k : split.keys) {
                BoundExpr l = bindSide(k.left, j.leftSchema, path + ".on");
                BoundExpr r = bindSide(k.right, j.rightSchema, path + ".on");
                if (l.type != r.type && !(l.type.isNumeric() && r.type.isNumeric()))
                    failQuery(path + ".on", "cannot join on " + prettyName(*k.left) + " (" + sparkTypeName(l.type) + ") = " + prettyName(*k.right)
                                                + " (" + sparkTypeName(r.type) + ")");
                j.leftKeys.push_back(std::move(l));
                j.rightKeys.push_back(std::move(r));
                j.nullSafeKeys.push_back(k.nullSafe);
            }
            // PushPredicateThroughJoin takes the conjuncts on one side's columns out of the join,
            // where the join type allows; PushPredicateThroughNonJoin then sinks each as far as it
            // goes, below the side's watermark when it does not read the event time.
            for (const auto& c : split.leftOnly) {
                BoundExpr bound = bindSide(c, j.leftSchema, path + ".on");
                if (joinPushesLeftConjuncts(j.type))
                    pushFilterDown(plan.inputs[0], std::move(bound), prettyName(*c), m_sc.sources[plan.inputs[0].source].schema);
                else
                    j.leftOnly.push_back(std::move(bound));
            }
            for (const auto& c : split.rightOnly) {
                BoundExpr bound = bindSide(c, j.rightSchema, path + ".on");
                if (joinPushesRightConjuncts(j.type))
                    pushFilterDown(plan.inputs[1], std::move(bound), prettyName(*c), m_sc.sources[plan.inputs[1].source].schema);
                else
                    j.rightOnly.push_back(std::move(bound));
            }
            if (!split.both.empty()) {
                AstPtr all = split.both[0];
                for (size_t i = 1; i < split.both.size(); ++i) {
                    auto a = std::make_shared<Ast>();
                    a->kind = Ast::Kind::Binary;
                    a->op = "AND";
                    a->args = {all, split.both[i]};
                    all = a;
                }
                j.pairCondition = bindSide(all, joined, path + ".on");
            }
            j.leftValueOffset = stateValueWatermarkOffset(split.both, JoinSide::Left, j.leftSchema, j.rightSchema);
            j.rightValueOffset = stateValueWatermarkOffset(split.both, JoinSide::Right, j.leftSchema, j.rightSchema);
        } else if (!(j.leftStatic || j.rightStatic)) {
            failQuery(path, "Stream-stream join without equality predicate is not supported");
        }
        j.keyWatermarkOrdinal = joinKeyOrdinalForWatermark(j);
        j.leftEventTime = j.leftSchema.eventTimeColumn();
        j.rightEventTime = j.rightSchema.eventTimeColumn();
        j.leftEventTimeIsWindow = j.leftEventTime && j.leftSchema[*j.leftEventTime].type.id == TypeId::Window;
        j.rightEventTimeIsWindow = j.rightEventTime && j.rightSchema[*j.rightEventTime].type.id == TypeId::Window;

        // Output: left then right (left only for a semi join); `using` puts the keys first.
        Schema out;
        if (j.usingJoin) {
            for (size_t k = 0; k < j.usingLeft.size(); ++k) {
                Field f = (j.type == JoinPlan::Type::RightOuter ? j.rightSchema[j.usingRight[k]] : j.leftSchema[j.usingLeft[k]]);
                f.qualifier.clear();
                out.fields.push_back(f);
            }
            for (size_t c = 0; c < j.leftSchema.size(); ++c)
                if (std::find(j.usingLeft.begin(), j.usingLeft.end(), c) == j.usingLeft.end())
                    out.fields.push_back(j.leftSchema[c]);
            if (j.type != JoinPlan::Type::LeftSemi)
                for (size_t c = 0; c < j.rightSchema.size(); ++c)
                    if (std::find(j.usingRight.begin(), j.usingRight.end(), c) == j.usingRight.end())
                        out.fields.push_back(j.rightSchema[c]);
        } else {
            out = j.type == JoinPlan::Type::LeftSemi ? j.leftSchema : joined;
        }
        for (auto& f : out.fields)
            f.watermarkDelayMs.reset(); // nothing downstream of the join uses event time here
        plan.join = std::move(j);

        const QuerySpec& q = m_sc.query;
        if (q.withWatermark || q.dropDuplicates || q.dropDuplicatesWithinWatermark || q.groupBy || q.agg)
            failFile("query", "after a join Tidemark models stateless steps only (selectExpr, where); "
                              "put withWatermark on the join sides");
        Schema schema = out;
        if (!q.selectExpr.empty())
            plan.steps.push_back(project(q.selectExpr, schema, "query.selectExpr"));
        if (q.where)
            plan.steps.push_back(filter(*q.where, schema, "query.where"));
        plan.streamSchema = out;
        plan.output = schema;
        plan.mode = outputMode();
        plan.trigger = trigger(q.trigger);
        checkForStreaming(plan);
        checkJoin(plan);
    }

    /// The Join case of checkForStreaming (3.1+ wording; 3.0's where it differed).
    void checkJoin(const QueryPlan& plan)
    {
        const JoinPlan& j = *plan.join;
        const std::string where = "query.join";
        const bool left = !j.leftStatic, right = !j.rightStatic;
        const std::string typeName = joinTypeSparkName(j.type);
        if (!m_v.hasFullOuterAndSemiStreamJoins()) {
            // Spark 3.0's UnsupportedOperationChecker.
            if (j.type == JoinPlan::Type::Inner && left && right && plan.mode != OutputMode::Append)
                failQuery(where, std::string("Inner join between two streaming DataFrames/Datasets is not supported in ") + outputModeSparkName(plan.mode)
                                     + " output mode, only in Append output mode");
            if (j.type == JoinPlan::Type::FullOuter)
                failQuery(where, "Full outer joins with streaming DataFrames/Datasets are not supported");
            if (j.type == JoinPlan::Type::LeftSemi && right)
                failQuery(where, "Left semi/anti joins with a streaming DataFrame/Dataset on the right are not supported");
            if (j.type == JoinPlan::Type::LeftOuter && !left && right)
                failQuery(where, "Left outer join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported");
            if (j.type == JoinPlan::Type::RightOuter && left && !right)
                failQuery(where, "Right outer join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported");
            if ((j.type == JoinPlan::Type::LeftOuter || j.type == JoinPlan::Type::RightOuter) && left && right && !validOuterWatermark(j))
                failQuery(where, "Stream-stream outer join between two streaming DataFrame/Datasets is not supported without a watermark in the join "
                                 "keys, or a watermark on the nullable side and an appropriate range condition");
            return;
        }
        if (left && right && plan.mode != OutputMode::Append)
            failQuery(where, std::string("Join between two streaming DataFrames/Datasets is not supported in ") + outputModeSparkName(plan.mode)
                                 + " output mode, only in Append output mode");
        switch (j.type) {
        case JoinPlan::Type::Inner: break;
        case JoinPlan::Type::FullOuter:
            if (left && !right)
                failQuery(where, "FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not supported");
            if (!left && right)
                failQuery(where, "FullOuter joins with streaming DataFrames/Datasets on the right and a static DataFrame/Dataset on the left is not supported");
            break;
        case JoinPlan::Type::LeftOuter:
        case JoinPlan::Type::LeftSemi:
            if (!left && right)
                failQuery(where, typeName + " join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported");
            break;
        case JoinPlan::Type::RightOuter:
            if (left && !right)
                failQuery(where, "RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported");
            break;
        }
        if (left && right && j.type != JoinPlan::Type::Inner && !validOuterWatermark(j))
            failQuery(where, "Stream-stream " + typeName
                                 + " join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark "
                                   "on the nullable side and an appropriate range condition");
        if (left && right && j.leftKeys.empty())
            failQuery(where, "Stream-stream join without equality predicate is not supported");
    }

    /// StreamingSymmetricHashJoinHelper.findJoinKeyOrdinalForWatermark: the first left key that
    /// is a column carrying watermark metadata, else the first such right key. State on both
    /// sides is then evicted by that key (getStateWatermarkPredicates). A null-safe key is
    /// coalesce(column, default) there, not a column, so it never is that key.
    static std::optional<size_t> joinKeyOrdinalForWatermark(const JoinPlan& j)
    {
        for (const auto* keys : {&j.leftKeys, &j.rightKeys})
            for (size_t k = 0; k < keys->size(); ++k)
                if ((*keys)[k].op == BoundExpr::Op::Column && (*keys)[k].watermarkDelayMs && !j.nullSafeKeys[k])
                    return k;
        return std::nullopt;
    }

    /// checkForStreamStreamJoinWatermark: a watermark in the join keys, or the nullable side
    /// watermarked with a range condition bounding the preserved side.
    static bool validOuterWatermark(const JoinPlan& j)
    {
        if (j.keyWatermarkOrdinal)
            return true;
        switch (j.type) {
        case JoinPlan::Type::LeftOuter:
        case JoinPlan::Type::LeftSemi: return j.leftValueOffset.has_value();
        case JoinPlan::Type::RightOuter: return j.rightValueOffset.has_value();
        case JoinPlan::Type::FullOuter: return j.leftValueOffset.has_value() || j.rightValueOffset.has_value();
        case JoinPlan::Type::Inner: return true;
        }
        return true;
    }

    /// UnsupportedOperationChecker.checkForStreaming, in its order: the output-mode match,
    /// then per-operator checks, then planning (AggUtils) for session windows.
    void checkForStreaming(const QueryPlan& plan)
    {
        const char* mode = outputModeSparkName(plan.mode);
        const std::string where = m_modeOverride ? "" : "query.outputMode";
        const auto& agg = plan.aggregate;
        switch (plan.mode) {
        case OutputMode::Append:
            if (agg && agg->evictionKey == AggregatePlan::EvictionKey::None)
                failQuery(where, std::string(mode) + " output mode not supported when there are streaming aggregations on streaming "
                                                     "DataFrames/DataSets without watermark");
            break;
        case OutputMode::Complete:
            if (!agg)
                failQuery(where, std::string(mode) + " output mode not supported when there are no streaming aggregations on streaming "
                                                     "DataFrames/Datasets");
            break;
        case OutputMode::Update:
            if (agg && agg->windowKind == AggregatePlan::WindowKind::Session)
                failQuery(where, std::string(mode) + " output mode not supported for session window on streaming DataFrames/DataSets");
            break;
        }
        if (m_sc.query.agg)
            for (size_t i = 0; i < m_sc.query.agg->size(); ++i)
                if ((*m_sc.query.agg)[i].distinct)
                    failQuery(indexed("query.agg", i) + ".distinct",
                              "Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead.");
        if (agg && agg->windowKind == AggregatePlan::WindowKind::Session && agg->keyColumns.empty())
            failQuery("query.groupBy", "Global aggregation with session window in streaming query is not supported.");
    }

    const Scenario& m_sc;
    SparkVersion m_v;
    std::optional<OutputMode> m_modeOverride;
    int m_nextWatermarkNode = 0;
};

} // namespace

Result<QueryPlan> analyze(const Scenario& scenario, std::optional<OutputMode> mode)
{
    try {
        Analyzer analyzer(scenario, mode);
        QueryPlan plan = analyzer.run();
        if (!scenario.restarts.empty()) // each restarted run is analysed and checked against the one before
            if (auto runs = planRestartedRuns(scenario, plan, mode); !runs)
                return runs.error();
        return plan;
    } catch (const AnalysisFailure& f) {
        return f.error;
    }
}

} // namespace tidemark
