// SPDX-License-Identifier: GPL-3.0-or-later
// Follows a notebook's Python the way running it would, without a Python runtime: names are
// bound to what can be known statically (strings, schemas, DataFrame lineages, writers), and
// every `.start()` records the query it starts. Anything else becomes an unknown value that
// carries its place, so the query that uses it can say where the import lost track.
#include "engine/pyspark/PySparkInterpreter.h"

#include "engine/expr/Parser.h"
#include "engine/schema/DataType.h"
#include "engine/time/Interval.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace tidemark::pyspark {

namespace {

using K = PyValue::Kind;

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isIdentifier(const std::string& s)
{
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_'))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

/// A column name as SQL text: backquoted unless it is a plain identifier (or a qualified one).
std::string quoteIdentifier(const std::string& name)
{
    if (isIdentifier(name))
        return name;
    const auto dot = name.find('.');
    if (dot != std::string::npos && isIdentifier(name.substr(0, dot)) && isIdentifier(name.substr(dot + 1)))
        return name;
    if (name == "*" || (name.size() > 2 && name.ends_with(".*") && isIdentifier(name.substr(0, name.size() - 2))))
        return name;
    std::string out = "`";
    for (char c : name)
        out += c == '`' ? std::string("``") : std::string(1, c);
    return out + "`";
}

PyValue makeString(std::string s)
{
    PyValue v;
    v.kind = K::String;
    v.text = std::move(s);
    return v;
}

PyValue makeKind(K kind)
{
    PyValue v;
    v.kind = kind;
    return v;
}

/// PySpark's type classes and DDL names, as Tidemark's column types.
std::optional<DataType> typeFromName(const std::string& name)
{
    const std::string n = lower(name);
    if (n == "stringtype" || n == "string" || n == "varchar" || n == "char")
        return DataType(TypeId::String);
    if (n == "integertype" || n == "int" || n == "integer")
        return DataType(TypeId::Int);
    if (n == "longtype" || n == "long" || n == "bigint")
        return DataType(TypeId::Long);
    if (n == "doubletype" || n == "double")
        return DataType(TypeId::Double);
    if (n == "booleantype" || n == "boolean" || n == "bool")
        return DataType(TypeId::Boolean);
    if (n == "timestamptype" || n == "timestamp")
        return DataType(TypeId::Timestamp);
    return std::nullopt;
}

bool isTypeClass(const std::string& name)
{
    static const std::set<std::string> kTypes = {"StringType", "IntegerType", "LongType", "DoubleType", "FloatType", "BooleanType",
                                                 "TimestampType", "DateType", "ShortType", "ByteType", "DecimalType", "BinaryType",
                                                 "ArrayType", "MapType", "TimestampNTZType"};
    return kTypes.count(name) > 0;
}

/// Parses a DDL schema string: "emp_id INT, emp_name STRING, ts TIMESTAMP".
std::vector<FieldDef> parseDdl(const std::string& ddl)
{
    std::vector<FieldDef> out;
    std::string part;
    int depth = 0;
    auto flush = [&] {
        std::istringstream in(part);
        std::string name, type;
        in >> name >> type;
        if (name.size() >= 2 && name.front() == '`' && name.back() == '`')
            name = name.substr(1, name.size() - 2);
        if (!name.empty()) {
            FieldDef f{name, typeFromName(type), type};
            out.push_back(f);
        }
        part.clear();
    };
    for (char c : ddl) {
        if (c == '<' || c == '(')
            ++depth;
        if (c == '>' || c == ')')
            --depth;
        if (c == ',' && depth == 0)
            flush();
        else
            part += c;
    }
    flush();
    return out;
}

/// Join types as Spark spells them (JoinType.apply), in the scenario's vocabulary.
std::optional<std::string> joinType(const std::string& how)
{
    std::string n;
    for (char c : lower(how))
        if (c != '_')
            n += c;
    if (n == "inner")
        return "inner";
    if (n == "left" || n == "leftouter")
        return "leftOuter";
    if (n == "right" || n == "rightouter")
        return "rightOuter";
    if (n == "full" || n == "outer" || n == "fullouter")
        return "fullOuter";
    if (n == "leftsemi" || n == "semi")
        return "leftSemi";
    return std::nullopt;
}

const std::set<std::string>& aggregateNames()
{
    static const std::set<std::string> k = {"count", "sum", "avg", "mean", "min", "max", "approx_count_distinct", "approxCountDistinct",
                                            "collect_list", "collect_set", "stddev", "stddev_samp", "countDistinct", "count_distinct"};
    return k;
}

/// SQL functions a select or where may call (the engine's expression evaluator).
const std::set<std::string>& scalarNames()
{
    static const std::set<std::string> k = {"upper", "lower", "length", "trim", "concat", "coalesce", "abs", "split",
                                            "explode", "timestamp_seconds", "to_timestamp"};
    return k;
}

} // namespace

std::string describePlace(NotebookFormat format, const NotebookCell& cell, int lineInCell)
{
    if (format == NotebookFormat::Python)
        return "line " + std::to_string(cell.firstFileLine + lineInCell - 1);
    return "cell " + std::to_string(cell.number) + ", line " + std::to_string(lineInCell);
}

std::string normalizeInterval(const std::string& text)
{
    static const std::set<std::string> kUnits = {"year", "month", "week", "day", "hour", "minute", "second", "millisecond", "microsecond"};
    std::istringstream in(text);
    std::vector<std::string> words;
    std::string w;
    while (in >> w)
        words.push_back(w);
    if (words.empty() || words.size() % 2 != 0)
        return text;
    std::string out;
    for (std::size_t i = 0; i < words.size(); i += 2) {
        const std::string& n = words[i];
        std::string unit = lower(words[i + 1]);
        if (n.empty() || !std::all_of(n.begin(), n.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.'; }))
            return text;
        if (kUnits.count(unit) && n != "1" && n != "-1")
            unit += "s";
        else if (!kUnits.count(unit) && !(unit.size() > 1 && unit.back() == 's' && kUnits.count(unit.substr(0, unit.size() - 1))))
            return text;
        out += (out.empty() ? "" : " ") + n + " " + unit;
    }
    return out;
}

Place Interpreter::place(const PyExpr& at) const
{
    return {m_cell ? m_cell->number : 0, m_cell ? describePlace(m_format, *m_cell, at.line) : "line " + std::to_string(at.line)};
}

std::string Interpreter::snippet(const PyExpr& e) const
{
    if (!m_cell || e.end <= e.begin || e.end > m_cell->source.size())
        return "";
    std::string s = m_cell->source.substr(e.begin, e.end - e.begin);
    std::string out;
    bool space = false;
    for (char c : s) { // one line, single spaces
        if (c == '\n' || c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space && out.back() != '(' && c != ')' && c != '.')
            out += ' ';
        space = false;
        out += c;
    }
    if (out.size() > 70)
        out = out.substr(0, 67) + "...";
    return out;
}

/// `.name(...)` for a method call, as messages name the construct.
std::string Interpreter::methodConstruct(const PyExpr& call) const
{
    if (call.object && call.object->kind == PyExpr::Kind::Attribute)
        return "." + call.object->text + "(...)";
    if (call.object && call.object->kind == PyExpr::Kind::Name)
        return call.object->text + "(...)";
    return snippet(call);
}

PyValue Interpreter::unknown(const std::string& reason, const PyExpr& at) const
{
    PyValue v;
    v.kind = K::Unknown;
    v.text = reason;
    v.place = place(at);
    return v;
}

void Interpreter::runCell(const NotebookCell& cell)
{
    if (!cell.isCode)
        return;
    m_cell = &cell;
    const PyModule mod = parsePython(cell.source);
    for (const auto& err : mod.errors)
        m_syntax.push_back({cell.number, ImportMessage{ImportMessage::Level::Warning, describePlace(m_format, cell, err.line), err.message}});
    for (const auto& st : mod.statements) {
        PyValue v = eval(st.value);
        if (st.opaqueTarget) {
            for (const auto& t : st.targets)
                m_vars[t] = unknown("`" + t + "` is assigned by unpacking or an augmented assignment, which is not followed", *st.value);
            continue;
        }
        if (v.kind == K::Query && !st.targets.empty() && !m_started.empty() && m_started.back().candidate.variable.empty())
            m_started.back().candidate.variable = st.targets.front();
        for (const auto& t : st.targets) {
            if (v.kind == K::DataFrame && v.plan && (v.plan->kind == Plan::Kind::Source || v.plan->kind == Plan::Kind::Static))
                m_sourceVars.emplace(v.plan->id, t);
            if (v.kind == K::Unknown && st.value->kind == PyExpr::Kind::Shell)
                m_vars[t] = unknown("`" + t + "` is the output of a shell command (" + st.value->text + ")", *st.value);
            else
                m_vars[t] = v;
        }
    }
    m_cell = nullptr;
}

std::vector<StartedQuery> Interpreter::queries() const
{
    std::vector<StartedQuery> out = m_started;
    for (const auto& q : m_unstarted)
        if (!m_startedOrigins.count(q.writer.origin))
            out.push_back(q);
    std::stable_sort(out.begin(), out.end(), [](const StartedQuery& a, const StartedQuery& b) { return a.candidate.cell < b.candidate.cell; });
    return out;
}

PyValue Interpreter::eval(const PyExprPtr& ep)
{
    const PyExpr& e = *ep;
    switch (e.kind) {
    case PyExpr::Kind::Name: {
        auto it = m_vars.find(e.text);
        if (it != m_vars.end())
            return it->second;
        if (e.text == "spark" || e.text == "SparkSession")
            return makeKind(K::Spark);
        PyValue f;
        f.kind = K::Function;
        f.text = e.text;
        f.place = place(e);
        return f; // a name from `from pyspark.sql.functions import *` and the like
    }
    case PyExpr::Kind::Number: {
        PyValue v;
        v.kind = K::Number;
        std::string digits;
        for (char c : e.text)
            if (c != '_')
                digits += c;
        v.isInteger = digits.find_first_of(".eE") == std::string::npos;
        v.number = std::strtod(digits.c_str(), nullptr);
        return v;
    }
    case PyExpr::Kind::String: {
        if (!e.fstring)
            return makeString(e.text);
        // f"{work_dir}/data/{queryName}": names are substituted, anything else is unknown.
        std::string out;
        for (std::size_t i = 0; i < e.text.size(); ++i) {
            const char c = e.text[i];
            if (c == '{' && i + 1 < e.text.size() && e.text[i + 1] == '{') {
                out += '{';
                ++i;
            } else if (c == '}' && i + 1 < e.text.size() && e.text[i + 1] == '}') {
                out += '}';
                ++i;
            } else if (c == '{') {
                const auto close = e.text.find('}', i);
                std::string inner = e.text.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
                inner = inner.substr(0, inner.find_first_of("!:"));
                inner.erase(std::remove(inner.begin(), inner.end(), ' '), inner.end());
                auto it = m_vars.find(inner);
                if (it != m_vars.end() && (it->second.kind == K::String || it->second.kind == K::Number))
                    out += stringOf(it->second);
                else
                    out += kUnknownPiece;
                i = close == std::string::npos ? e.text.size() : close;
            } else {
                out += c;
            }
        }
        return makeString(out);
    }
    case PyExpr::Kind::Constant: {
        if (e.text == "True" || e.text == "False") {
            PyValue v;
            v.kind = K::Bool;
            v.boolean = e.text == "True";
            return v;
        }
        return makeKind(K::None);
    }
    case PyExpr::Kind::List:
    case PyExpr::Kind::Tuple: {
        PyValue v;
        v.kind = K::List;
        for (const auto& item : e.items)
            v.items.push_back(eval(item));
        return v;
    }
    case PyExpr::Kind::Attribute:
        return attribute(eval(e.object), e.text, e);
    case PyExpr::Kind::Call:
        return call(e);
    case PyExpr::Kind::Subscript: {
        PyValue obj = eval(e.object);
        if (!e.items.empty() && (obj.kind == K::DataFrame)) {
            PyValue key = eval(e.items[0]);
            if (key.kind == K::String)
                return attribute(obj, key.text, e);
        }
        if (obj.kind == K::List && !e.items.empty()) {
            PyValue key = eval(e.items[0]);
            if (key.kind == K::Number && key.isInteger) {
                const auto n = static_cast<long>(key.number);
                const long size = static_cast<long>(obj.items.size());
                const long idx = n < 0 ? size + n : n;
                if (idx >= 0 && idx < size)
                    return obj.items[static_cast<std::size_t>(idx)];
            }
        }
        if (obj.kind == K::Unknown)
            return obj;
        return unknown("`" + snippet(e) + "` is not followed", e);
    }
    case PyExpr::Kind::Unary: {
        PyValue x = eval(e.items[0]);
        if (x.kind == K::Number && (e.text == "-" || e.text == "+")) {
            if (e.text == "-")
                x.number = -x.number;
            return x;
        }
        if (x.kind == K::Bool && e.text == "not") {
            x.boolean = !x.boolean;
            return x;
        }
        if (x.kind == K::Column || ((x.kind == K::String) && e.text == "~")) {
            ColumnExpr c = toColumn(x, e);
            ColumnExpr out;
            out.place = place(e);
            out.problem = c.problem;
            const bool isNot = e.text == "~" || e.text == "not";
            out.precedence = isNot ? 3 : 7;
            out.sql = (isNot ? "NOT " : e.text) + (c.precedence < out.precedence ? "(" + c.sql + ")" : c.sql);
            PyValue v;
            v.kind = K::Column;
            v.column = out;
            return v;
        }
        return unknown("`" + snippet(e) + "` is not followed", e);
    }
    case PyExpr::Kind::Binary:
        return binary(e);
    case PyExpr::Kind::Shell:
        return unknown("a shell command (" + e.text + ")", e);
    case PyExpr::Kind::Other:
        return unknown("`" + snippet(e) + "` (a " + e.text + ") is outside the Python the import reads", e);
    }
    return unknown("not followed", e);
}

PyValue Interpreter::binary(const PyExpr& e)
{
    PyValue a = eval(e.items[0]);
    PyValue b = eval(e.items[1]);
    const std::string& op = e.text;
    if (op == "+" && a.kind == K::String && b.kind == K::String)
        return makeString(a.text + b.text);
    if (a.kind == K::Number && b.kind == K::Number) {
        PyValue v = a;
        if (op == "+") v.number = a.number + b.number;
        else if (op == "-") v.number = a.number - b.number;
        else if (op == "*") v.number = a.number * b.number;
        else if (op == "/") { v.number = a.number / b.number; v.isInteger = false; }
        else return unknown("`" + snippet(e) + "` is not followed", e);
        v.isInteger = v.isInteger && b.isInteger;
        return v;
    }
    if (a.kind == K::Column || b.kind == K::Column) {
        static const std::map<std::string, std::string> kSql = {{"==", "="}, {"!=", "!="}, {"<", "<"}, {"<=", "<="}, {">", ">"},
                                                                 {">=", ">="}, {"&", "AND"}, {"|", "OR"}, {"+", "+"}, {"-", "-"},
                                                                 {"*", "*"}, {"/", "/"}, {"%", "%"}};
        auto it = kSql.find(op);
        if (it == kSql.end())
            return unknown("the operator `" + op + "` on columns is not simulated", e);
        // A Python literal beside a column is a literal, not a column name (Column.__eq__).
        ColumnExpr l = a.kind == K::Column ? a.column : ColumnExpr{};
        ColumnExpr r = b.kind == K::Column ? b.column : ColumnExpr{};
        if (a.kind != K::Column)
            l.sql = sqlLiteral(a);
        if (b.kind != K::Column)
            r.sql = sqlLiteral(b);
        static const std::map<std::string, int> kPrecedence = {{"OR", 1}, {"AND", 2}, {"=", 4}, {"!=", 4}, {"<", 4}, {"<=", 4}, {">", 4},
                                                                {">=", 4}, {"+", 5}, {"-", 5}, {"*", 6}, {"/", 6}, {"%", 6}};
        const int prec = kPrecedence.at(it->second);
        const bool associative = prec <= 2;
        auto wrap = [&](const ColumnExpr& c, bool right) {
            return c.precedence < prec || (right && !associative && c.precedence == prec) ? "(" + c.sql + ")" : c.sql;
        };
        ColumnExpr out;
        out.place = place(e);
        out.precedence = prec;
        out.sql = wrap(l, false) + " " + it->second + " " + wrap(r, true);
        out.problem = !l.problem.empty() ? l.problem : r.problem;
        if (l.sql.empty() || r.sql.empty())
            out.problem = "`" + snippet(e) + "` compares a column with a value the import does not know";
        PyValue v;
        v.kind = K::Column;
        v.column = out;
        return v;
    }
    if (a.kind == K::Unknown)
        return a;
    if (b.kind == K::Unknown)
        return b;
    return unknown("`" + snippet(e) + "` is not followed", e);
}

PyValue Interpreter::attribute(const PyValue& obj, const std::string& name, const PyExpr& e)
{
    switch (obj.kind) {
    case K::Spark:
        if (name == "readStream" || name == "read") {
            PyValue r;
            r.kind = K::Reader;
            r.reader = std::make_shared<Plan>();
            r.reader->kind = name == "read" ? Plan::Kind::Static : Plan::Kind::Source;
            r.reader->place = place(e);
            return r;
        }
        return obj; // spark.conf, SparkSession.builder, ...
    case K::DataFrame:
        if (name == "writeStream") {
            auto w = std::make_shared<WriterState>();
            w->plan = obj.plan;
            w->place = place(e);
            w->origin = m_nextWriter++;
            w->cells.insert(m_cell ? m_cell->number : 0);
            PyValue v;
            v.kind = K::Writer;
            v.writer = w;
            return v;
        }
        if (name == "schema") {
            const Plan* p = obj.plan.get();
            if (p && (p->kind == Plan::Kind::Source || p->kind == Plan::Kind::Static) && p->schema) {
                PyValue s;
                s.kind = K::Schema;
                s.fields = *p->schema;
                return s;
            }
            return unknown("the schema of `" + snippet(*e.object) + "` is only known when the notebook runs", e);
        }
        if (name == "isStreaming" || name == "columns" || name == "dtypes")
            return unknown("`" + snippet(e) + "` is not followed", e);
        {
            // df.column: a column of that DataFrame, qualified when the join needs it.
            m_qualifiers.push_back(obj.plan);
            PyValue c;
            c.kind = K::Column;
            c.column.sql = std::string(1, kQualifierOpen) + std::to_string(m_qualifiers.size() - 1) + kQualifierClose + name;
            c.column.columnName = name;
            c.column.place = place(e);
            return c;
        }
    case K::Function:
        if (obj.text == "Trigger") {
            PyValue f = obj;
            f.text = "Trigger." + name;
            return f;
        }
        {
            PyValue f = obj; // F.col, T.StringType, pyspark.sql.functions.window
            f.text = name;
            return f;
        }
    case K::Query:
        return unknown("`" + snippet(e) + "` is a property of a running query", e);
    default:
        break;
    }
    if (obj.kind == K::Unknown) {
        if (name == "writeStream")
            m_lost.push_back({ImportMessage::Level::Warning, place(e).where,
                              "`" + snippet(*e.object) + ".writeStream` writes a DataFrame the import cannot follow (" + obj.place.where + ": " + obj.text + ")"});
        return obj;
    }
    return unknown("`" + snippet(e) + "` is not followed", e);
}

PyValue Interpreter::call(const PyExpr& e)
{
    std::vector<PyValue> args;
    std::map<std::string, PyValue> kw;
    for (const auto& a : e.items)
        args.push_back(eval(a));
    for (const auto& [k, v] : e.keywords)
        kw[k] = eval(v);
    if (e.object->kind == PyExpr::Kind::Attribute) {
        PyValue self = eval(e.object->object);
        return callMethod(std::move(self), e.object->text, e, args, kw);
    }
    if (e.object->kind == PyExpr::Kind::Name) {
        auto it = m_vars.find(e.object->text);
        if (it == m_vars.end() || it->second.kind == K::Function)
            return callFunction(e.object->text, e, args, kw);
        if (it->second.kind == K::Unknown)
            return it->second;
    }
    return unknown("`" + snippet(e) + "` is not followed", e);
}

void Interpreter::setConf(const std::string& key, const PyValue& value)
{
    const std::string v = value.kind == K::Bool ? (value.boolean ? "true" : "false") : stringOf(value);
    if (key == "spark.sql.session.timeZone")
        m_conf.timeZone = v;
    else if (key == "spark.sql.streaming.noDataMicroBatches.enabled")
        m_conf.noDataMicroBatches = lower(v) == "true";
    else if (key == "spark.sql.streaming.multipleWatermarkPolicy")
        m_conf.multipleWatermarkPolicy = lower(v);
}

PyValue Interpreter::callMethod(PyValue self, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                                const std::map<std::string, PyValue>& kw)
{
    switch (self.kind) {
    case K::Spark:
        if ((name == "config" || name == "set") && args.size() >= 2 && args[0].kind == K::String)
            setConf(args[0].text, args[1]);
        if (name == "sql" || name == "table" || name == "createDataFrame" || name == "range")
            return unknown("`spark." + name + "(...)` is not a streaming source", e);
        return self;
    case K::Reader:
        return readerMethod(self, name, e, args, kw);
    case K::DataFrame:
        return dataFrameMethod(self, name, e, args, kw);
    case K::Grouped:
        return dataFrameMethod(self, name, e, args, kw);
    case K::Writer:
        return writerMethod(self, name, e, args, kw);
    case K::Column:
        return columnMethod(self, name, e, args, kw);
    case K::Schema:
        if (name == "add") {
            if (args.size() == 1 && args[0].kind == K::Field) {
                self.fields.push_back(args[0].fields[0]);
                return self;
            }
            if (!args.empty() && args[0].kind == K::String) {
                FieldDef f{args[0].text, std::nullopt, "?"};
                if (args.size() >= 2 && args[1].kind == K::Type) {
                    f.type = args[1].type;
                    f.typeName = args[1].typeName;
                } else if (args.size() >= 2 && args[1].kind == K::String) {
                    f.type = typeFromName(args[1].text);
                    f.typeName = args[1].text;
                }
                self.fields.push_back(f);
                return self;
            }
        }
        if (name == "simpleString" || name == "json")
            return unknown("not followed", e);
        return self;
    case K::Query:
        return makeKind(K::None); // awaitTermination, stop, explain, ...
    case K::Function:
        return callFunction(self.text == "Trigger" ? "Trigger." + name : name, e, args, kw);
    case K::String:
        if (name == "format")
            return unknown("`str.format` is not followed", e);
        break;
    case K::Unknown:
        return self;
    default:
        break;
    }
    return unknown("`" + methodConstruct(e) + "` is not followed", e);
}

PyValue Interpreter::readerMethod(const PyValue& r, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                                  const std::map<std::string, PyValue>& kw)
{
    auto next = std::make_shared<Plan>(*r.reader);
    PyValue out = r;
    out.reader = next;
    if (name == "format" && !args.empty()) {
        next->format = lower(stringOf(args[0]));
        return out;
    }
    if (name == "schema" && !args.empty()) {
        std::string problem;
        next->schema = schemaOf(args[0], &problem);
        next->schemaProblem = problem.empty() ? "" : problem;
        if (!next->schema && problem.empty())
            next->schemaProblem = "the schema `" + snippet(*e.items[0]) + "` is not known";
        if (!next->schema && args[0].kind == K::Unknown)
            next->schemaProblem = args[0].place.where + ": " + args[0].text;
        return out;
    }
    if (name == "option" && args.size() >= 2) {
        const std::string key = stringOf(args[0]);
        next->options[lower(key)] = args[1].kind == K::Bool ? (args[1].boolean ? "true" : "false") : stringOf(args[1]);
        next->optionPlaces[lower(key)] = place(e);
        return out;
    }
    if (name == "options") {
        for (const auto& [k, v] : kw) {
            next->options[lower(k)] = v.kind == K::Bool ? (v.boolean ? "true" : "false") : stringOf(v);
            next->optionPlaces[lower(k)] = place(e);
        }
        return out;
    }
    if (name == "load" || name == "json" || name == "csv" || name == "text" || name == "parquet" || name == "orc") {
        if (name != "load")
            next->format = name;
        if (!args.empty()) {
            next->path = stringOf(args[0]);
            next->hasPath = true;
        } else if (auto it = kw.find("path"); it != kw.end()) {
            next->path = stringOf(it->second);
            next->hasPath = true;
        }
        if (name == "csv")
            for (const char* opt : {"header", "sep"})
                if (auto it = kw.find(opt); it != kw.end())
                    next->options[opt] = it->second.kind == K::Bool ? (it->second.boolean ? "true" : "false") : stringOf(it->second);
        if (auto it = kw.find("schema"); it != kw.end()) {
            std::string problem;
            next->schema = schemaOf(it->second, &problem);
            next->schemaProblem = problem;
        }
        if (next->format.empty())
            next->format = "parquet"; // Spark's spark.sql.sources.default
        next->id = m_nextSource++;
        next->construct = "." + name + "(...)";
        PyValue df;
        df.kind = K::DataFrame;
        df.plan = next;
        return df;
    }
    if (name == "table" || name == "toTable")
        return unknown("`" + methodConstruct(e) + "` reads a table; only file, Kafka and socket sources are imported", e);
    return unknown("`" + methodConstruct(e) + "` on a reader is not followed", e);
}

ColumnExpr Interpreter::toColumn(const PyValue& v, const PyExpr& at, bool stringIsColumn)
{
    if (v.kind == K::Column)
        return v.column;
    ColumnExpr c;
    c.place = place(at);
    if (v.kind == K::String && stringIsColumn) {
        if (v.text == "*") {
            c.kind = ColumnExpr::Kind::Star;
            c.sql = "*";
            return c;
        }
        c.sql = quoteIdentifier(v.text);
        c.columnName = v.text;
        return c;
    }
    if (v.kind == K::Unknown) {
        c.problem = v.place.where + ": " + v.text;
        return c;
    }
    c.sql = sqlLiteral(v);
    if (c.sql.empty())
        c.problem = "`" + snippet(at) + "` is not a column the import can read";
    return c;
}

std::string Interpreter::sqlLiteral(const PyValue& v) const
{
    switch (v.kind) {
    case K::String: {
        if (v.text.find(kUnknownPiece) != std::string::npos)
            return "";
        std::string out = "'";
        for (char c : v.text) {
            if (c == '\'' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + "'";
    }
    case K::Number: {
        if (v.isInteger)
            return std::to_string(static_cast<long long>(v.number));
        std::ostringstream s;
        s << v.number;
        return s.str();
    }
    case K::Bool: return v.boolean ? "true" : "false";
    case K::None: return "NULL";
    default: return "";
    }
}

std::string Interpreter::stringOf(const PyValue& v) const
{
    if (v.kind == K::String)
        return v.text;
    if (v.kind == K::Number)
        return v.isInteger ? std::to_string(static_cast<long long>(v.number)) : sqlLiteral(v);
    if (v.kind == K::Bool)
        return v.boolean ? "True" : "False";
    return std::string(1, kUnknownPiece);
}

std::optional<std::vector<FieldDef>> Interpreter::schemaOf(const PyValue& v, std::string* problem) const
{
    if (v.kind == K::Schema)
        return v.fields;
    if (v.kind == K::String)
        return parseDdl(v.text);
    if (v.kind == K::Unknown && problem)
        *problem = v.place.where + ": " + v.text;
    return std::nullopt;
}

PyValue Interpreter::callFunction(const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                                  const std::map<std::string, PyValue>& kw)
{
    auto columnValue = [&](ColumnExpr c) {
        PyValue v;
        v.kind = K::Column;
        if (c.place.where.empty())
            c.place = place(e);
        v.column = std::move(c);
        return v;
    };
    auto arg = [&](std::size_t i, const char* key) -> const PyValue* {
        if (i < args.size())
            return &args[i];
        auto it = kw.find(key);
        return it == kw.end() ? nullptr : &it->second;
    };
    // Types and schemas.
    if (name == "StructType") {
        PyValue s;
        s.kind = K::Schema;
        if (!args.empty() && args[0].kind == K::List) {
            for (const auto& f : args[0].items) {
                if (f.kind == K::Field)
                    s.fields.push_back(f.fields[0]);
                else
                    s.fields.push_back(FieldDef{"?", std::nullopt, "an unknown field"});
            }
        }
        return s;
    }
    if (name == "StructField") {
        PyValue f;
        f.kind = K::Field;
        FieldDef def{args.empty() ? "?" : stringOf(args[0]), std::nullopt, "?"};
        if (const PyValue* t = arg(1, "dataType"); t && t->kind == K::Type) {
            def.type = t->type;
            def.typeName = t->typeName;
        }
        f.fields.push_back(def);
        return f;
    }
    if (isTypeClass(name)) {
        PyValue t;
        t.kind = K::Type;
        t.type = typeFromName(name);
        t.typeName = name;
        return t;
    }
    if (name == "print" || name == "display" || name == "display_pretty" || name == "clear_output" || name == "sleep"
        || name == "displayStream" || name == "displayStatus")
        return makeKind(K::None);
    if (name == "str" && !args.empty())
        return makeString(stringOf(args[0]));
    // Column functions.
    if (name == "col" || name == "column") {
        if (!args.empty() && args[0].kind == K::String)
            return columnValue(toColumn(args[0], e));
        return unknown("`" + snippet(e) + "` names a column the import does not know", e);
    }
    if (name == "expr") {
        if (args.empty() || args[0].kind != K::String || args[0].text.find(kUnknownPiece) != std::string::npos)
            return unknown("`" + snippet(e) + "` is not a SQL string the import knows", e);
        ColumnExpr c;
        c.sql = args[0].text;
        auto parsed = parseSelectItem(c.sql);
        if (auto* f = std::get_if<ParseFailure>(&parsed)) {
            c.problem = "`expr(\"" + c.sql + "\")` is not SQL Tidemark reads: at `" + f->token + "` expected " + f->expected;
        } else {
            const auto& item = std::get<SelectItem>(parsed);
            if (item.expr && item.expr->kind == Ast::Kind::Column && item.alias.empty())
                c.columnName = item.expr->qualifier.empty() ? item.expr->name : "";
        }
        return columnValue(c);
    }
    if (name == "lit") {
        ColumnExpr c;
        c.sql = args.empty() ? "" : sqlLiteral(args[0]);
        if (c.sql.empty())
            c.problem = "`" + snippet(e) + "` is not a literal the import knows";
        return columnValue(c);
    }
    if (name == "window" || name == "session_window") {
        ColumnExpr c;
        const PyValue* column = arg(0, "timeColumn");
        const ColumnExpr ref = column ? toColumn(*column, e) : ColumnExpr{};
        if (ref.columnName.empty())
            c.problem = "`" + snippet(e) + "`: the time column must be a column name";
        if (name == "window") {
            c.kind = ColumnExpr::Kind::Window;
            c.window.column = ref.columnName;
            const PyValue* d = arg(1, "windowDuration");
            const PyValue* s = arg(2, "slideDuration");
            const PyValue* st = arg(3, "startTime");
            if (!d || d->kind != K::String)
                c.problem = "`" + snippet(e) + "`: the window duration must be a string";
            else
                c.window.duration = normalizeInterval(d->text);
            if (s && s->kind == K::String)
                c.window.slide = normalizeInterval(s->text);
            if (st && st->kind == K::String)
                c.window.startTime = normalizeInterval(st->text);
            c.sql = "window";
        } else {
            c.kind = ColumnExpr::Kind::Session;
            c.session.column = ref.columnName;
            const PyValue* g = arg(1, "gapDuration");
            if (g && g->kind == K::Column) {
                // A gap computed per row (SPARK-36465): the scenario holds its SQL.
                const ColumnExpr gap = toColumn(*g, e);
                if (!gap.problem.empty())
                    c.problem = gap.problem;
                else if (parseInterval(gap.sql).ok())
                    c.problem = "`" + snippet(e) + "`: the gap `" + gap.sql + "` would be read as an interval, not as an expression";
                else
                    c.session.gap = gap.sql;
            } else if (!g || g->kind != K::String) {
                c.problem = "`" + snippet(e) + "`: the session gap must be a string or a column";
            } else if (!parseInterval(g->text).ok()) {
                // PySpark turns a string gap into an interval literal: text that is not one is a
                // null gap in Spark, never a column name.
                c.problem = "`" + snippet(e) + "`: the gap \"" + g->text + "\" is not an interval, so Spark would drop every row";
            } else {
                c.session.gap = normalizeInterval(g->text);
            }
            c.sql = "session_window";
        }
        return columnValue(c);
    }
    if (name == "from_json") {
        ColumnExpr c;
        c.kind = ColumnExpr::Kind::FromJson;
        const ColumnExpr in = args.empty() ? ColumnExpr{} : toColumn(args[0], e);
        c.jsonInput = in.sql;
        std::string problem;
        auto schema = args.size() >= 2 ? schemaOf(args[1], &problem) : std::nullopt;
        if (!schema)
            c.problem = problem.empty() ? "`" + snippet(e) + "`: the schema is not known" : problem;
        else
            c.jsonSchema = *schema;
        c.sql = "from_json";
        return columnValue(c);
    }
    if (aggregateNames().count(name)) {
        ColumnExpr c;
        c.kind = ColumnExpr::Kind::Aggregate;
        std::string fn = name == "mean" ? "avg" : name == "approxCountDistinct" ? "approx_count_distinct" : name;
        if (fn == "countDistinct" || fn == "count_distinct") {
            fn = "count";
            c.agg.distinct = true; // Spark rejects it on a stream; the analyzer says so in Spark's words
        }
        c.agg.fn = fn;
        if (args.empty()) {
            c.problem = "`" + snippet(e) + "` needs a column";
        } else if (args.size() > 1) {
            c.problem = "`" + snippet(e) + "`: an aggregate over several columns is not simulated";
        } else {
            const ColumnExpr in = toColumn(args[0], e);
            if (in.kind == ColumnExpr::Kind::Star || (in.sql == "1" && fn == "count"))
                c.agg.column.reset();
            else if (!in.columnName.empty())
                c.agg.column = in.columnName;
            else
                c.problem = "`" + snippet(e) + "`: an aggregate of an expression is not simulated (aggregate a column computed by selectExpr)";
            if (!in.problem.empty())
                c.problem = in.problem;
        }
        c.sql = snippet(e);
        return columnValue(c);
    }
    if (scalarNames().count(name)) {
        // split(col, pattern), to_timestamp(col, format): the later arguments are literals.
        ColumnExpr c;
        std::string sql = name + "(";
        for (std::size_t i = 0; i < args.size(); ++i) {
            const bool literal = i > 0 && (name == "split" || name == "to_timestamp");
            ColumnExpr a = literal && args[i].kind != K::Column ? ColumnExpr{} : toColumn(args[i], e);
            if (literal && args[i].kind != K::Column)
                a.sql = sqlLiteral(args[i]);
            if (!a.problem.empty())
                c.problem = a.problem;
            sql += (i ? ", " : "") + a.sql;
        }
        c.sql = sql + ")";
        return columnValue(c);
    }
    if (name.rfind("Trigger.", 0) == 0)
        return unknown("`" + snippet(e) + "` (Scala's Trigger object) is not followed; write trigger(processingTime=...)", e);
    if (name == "udf" || name == "pandas_udf")
        return unknown("a user-defined function is not simulated", e);
    return unknown("`" + name + "(...)` is not simulated", e);
}

PyValue Interpreter::columnMethod(const PyValue& cv, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                                  const std::map<std::string, PyValue>&)
{
    PyValue out = cv;
    ColumnExpr& c = out.column;
    auto wrapped = [&] { return c.precedence <= 4 ? "(" + c.sql + ")" : c.sql; };
    if (name == "alias" || name == "name" || name == "as_") {
        if (!args.empty() && args[0].kind == K::String) {
            c.alias = args[0].text;
            if (c.kind == ColumnExpr::Kind::Aggregate)
                c.agg.as = args[0].text;
        }
        return out;
    }
    if (name == "cast" || name == "astype") {
        std::string type = args.empty() ? "" : args[0].kind == K::Type ? args[0].typeName : stringOf(args[0]);
        if (args.size() == 1 && args[0].kind == K::Type && args[0].type)
            type = scenarioTypeName(*args[0].type);
        for (char& ch : type)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        c.sql = "CAST(" + c.sql + " AS " + type + ")";
        c.columnName.clear();
        return out;
    }
    if (name == "isNull" || name == "isNotNull") {
        c.sql = wrapped() + (name == "isNull" ? " IS NULL" : " IS NOT NULL");
        c.precedence = 4;
        c.columnName.clear();
        return out;
    }
    if (name == "between" && args.size() == 2) {
        c.sql = wrapped() + " BETWEEN " + toColumn(args[0], e, false).sql + " AND " + toColumn(args[1], e, false).sql;
        c.precedence = 4;
        c.columnName.clear();
        return out;
    }
    if (name == "isin") {
        std::vector<PyValue> values = args.size() == 1 && args[0].kind == K::List ? args[0].items : args;
        std::string list;
        for (const auto& v : values)
            list += (list.empty() ? "" : ", ") + toColumn(v, e, false).sql;
        c.sql = wrapped() + " IN (" + list + ")";
        c.precedence = 4;
        c.columnName.clear();
        return out;
    }
    if (name == "asc" || name == "desc")
        return out;
    c.problem = "`" + methodConstruct(e) + "` on a column is not simulated";
    return out;
}

PyValue Interpreter::dataFrameMethod(const PyValue& self, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                                     const std::map<std::string, PyValue>& kw)
{
    // A lineage is a chain of shared steps; a bound keeps walking and freeing it shallow.
    constexpr int kMaxSteps = 1000;
    const int depth = std::max(self.plan ? self.plan->depth : 0, 0) + 1;
    if (depth > kMaxSteps)
        return unknown("the DataFrame is built from more than " + std::to_string(kMaxSteps) + " steps, more than the import follows", e);
    const int rightDepth = !args.empty() && args[0].kind == K::DataFrame && args[0].plan ? args[0].plan->depth : 0;
    if (rightDepth + depth > kMaxSteps)
        return unknown("the DataFrame is built from more than " + std::to_string(kMaxSteps) + " steps, more than the import follows", e);
    auto step = [&](Plan::Kind kind) {
        auto p = std::make_shared<Plan>();
        p->kind = kind;
        p->child = self.plan;
        p->depth = depth + rightDepth;
        p->place = place(e);
        p->construct = methodConstruct(e);
        return p;
    };
    auto frame = [](std::shared_ptr<Plan> p) {
        PyValue v;
        v.kind = K::DataFrame;
        v.plan = std::move(p);
        return v;
    };
    auto flatten = [](const std::vector<PyValue>& values) {
        std::vector<PyValue> out;
        for (const auto& v : values)
            if (v.kind == K::List)
                out.insert(out.end(), v.items.begin(), v.items.end());
            else
                out.push_back(v);
        return out;
    };
    if (self.kind == K::Grouped) {
        auto p = step(Plan::Kind::Aggregate);
        p->groups = self.groups;
        if (name == "agg") {
            for (const auto& a : flatten(args)) {
                ColumnExpr c = toColumn(a, e, false);
                if (c.kind != ColumnExpr::Kind::Aggregate && c.problem.empty())
                    c.problem = "`" + (c.sql.empty() ? snippet(e) : c.sql) + "` in `.agg(...)` is not an aggregate function Tidemark simulates";
                p->aggs.push_back(c);
            }
            if (args.empty() || (args.size() == 1 && args[0].kind == K::Unknown)) {
                ColumnExpr c;
                c.problem = "`" + methodConstruct(e) + "`: only aggregate functions (count, sum, ...) are read, not a dict";
                p->aggs.push_back(c);
            }
            return frame(p);
        }
        static const std::set<std::string> kShortcuts = {"count", "sum", "avg", "mean", "min", "max"};
        if (kShortcuts.count(name)) {
            if (name == "count") {
                ColumnExpr c;
                c.kind = ColumnExpr::Kind::Aggregate;
                c.agg.fn = "count";
                p->aggs.push_back(c);
            }
            for (const auto& a : args) {
                ColumnExpr c;
                c.kind = ColumnExpr::Kind::Aggregate;
                c.agg.fn = name == "mean" ? "avg" : name;
                c.agg.column = stringOf(a);
                p->aggs.push_back(c);
            }
            if (name != "count" && args.empty()) {
                ColumnExpr c;
                c.problem = "`" + methodConstruct(e) + "` over every numeric column is not simulated; name the columns";
                p->aggs.push_back(c);
            }
            return frame(p);
        }
        auto u = step(Plan::Kind::Unsupported);
        u->text = "is not simulated";
        return frame(u);
    }
    if (name == "select" || name == "selectExpr") {
        auto p = step(Plan::Kind::Select);
        for (const auto& a : flatten(args)) {
            ColumnExpr c;
            if (name == "selectExpr") {
                c.place = place(e);
                if (a.kind != K::String || a.text.find(kUnknownPiece) != std::string::npos)
                    c.problem = "`" + snippet(e) + "` holds an expression the import does not know";
                else
                    c.sql = a.text;
            } else {
                c = toColumn(a, e);
                if (!c.alias.empty() && c.kind == ColumnExpr::Kind::Plain)
                    c.sql = (c.precedence < 10 ? "(" + c.sql + ")" : c.sql) + " AS " + quoteIdentifier(c.alias);
            }
            p->columns.push_back(c);
        }
        return frame(p);
    }
    if (name == "where" || name == "filter") {
        auto p = step(Plan::Kind::Where);
        ColumnExpr c = args.empty() ? ColumnExpr{} : toColumn(args[0], e, false);
        if (!args.empty() && args[0].kind == K::String)
            c.sql = args[0].text; // a SQL string condition
        p->columns.push_back(c);
        return frame(p);
    }
    if (name == "withWatermark") {
        auto p = step(Plan::Kind::Watermark);
        const PyValue* col = args.size() > 0 ? &args[0] : nullptr;
        const PyValue* delay = args.size() > 1 ? &args[1] : nullptr;
        if (auto it = kw.find("eventTime"); it != kw.end())
            col = &it->second;
        if (auto it = kw.find("delayThreshold"); it != kw.end())
            delay = &it->second;
        if (!col || col->kind != K::String || !delay || delay->kind != K::String) {
            p->kind = Plan::Kind::Unsupported;
            p->text = "needs a column name and a delay string";
        } else {
            p->column = col->text;
            p->delay = normalizeInterval(delay->text);
        }
        return frame(p);
    }
    if (name == "dropDuplicates" || name == "drop_duplicates" || name == "dropDuplicatesWithinWatermark") {
        auto p = step(name == "dropDuplicatesWithinWatermark" ? Plan::Kind::DedupWithinWatermark : Plan::Kind::Dedup);
        auto key = [&](const PyValue& a) { return a.kind == K::Column && !a.column.columnName.empty() ? a.column.columnName : stringOf(a); };
        for (const auto& a : flatten(args))
            p->keys.push_back(key(a));
        if (auto it = kw.find("subset"); it != kw.end())
            for (const auto& a : flatten({it->second}))
                p->keys.push_back(key(a));
        for (const auto& k : p->keys)
            if (k.find(kUnknownPiece) != std::string::npos) {
                p->kind = Plan::Kind::Unsupported;
                p->text = "names a column the import does not know";
            }
        return frame(p);
    }
    if (name == "groupBy" || name == "groupby") {
        PyValue g;
        g.kind = K::Grouped;
        g.plan = self.plan;
        for (const auto& a : flatten(args))
            g.groups.push_back(toColumn(a, e));
        return g;
    }
    if (name == "join") {
        auto p = step(Plan::Kind::Join);
        const PyValue* other = args.size() > 0 ? &args[0] : nullptr;
        const PyValue* on = args.size() > 1 ? &args[1] : nullptr;
        const PyValue* how = args.size() > 2 ? &args[2] : nullptr;
        if (auto it = kw.find("other"); it != kw.end()) other = &it->second;
        if (auto it = kw.find("on"); it != kw.end()) on = &it->second;
        if (auto it = kw.find("how"); it != kw.end()) how = &it->second;
        if (!other || other->kind != K::DataFrame) {
            p->kind = Plan::Kind::Unsupported;
            p->text = other && other->kind == K::Unknown ? "joins with a DataFrame the import does not know (" + other->place.where + ": " + other->text + ")"
                                                         : "joins with something that is not a DataFrame";
            return frame(p);
        }
        p->right = other->plan;
        if (how) {
            auto type = joinType(stringOf(*how));
            if (!type) {
                p->kind = Plan::Kind::Unsupported;
                p->text = "is a `" + stringOf(*how) + "` join, which is not simulated (inner, leftOuter, rightOuter, fullOuter and leftSemi are)";
                return frame(p);
            }
            p->how = *type;
        }
        if (!on || on->kind == K::None) {
            p->kind = Plan::Kind::Unsupported;
            p->text = "has no join condition: a cross join is not simulated";
        } else if (on->kind == K::String) {
            p->usingColumns.push_back(on->text);
        } else if (on->kind == K::List && std::all_of(on->items.begin(), on->items.end(), [](const PyValue& v) { return v.kind == K::String; })) {
            for (const auto& v : on->items)
                p->usingColumns.push_back(v.text);
        } else if (on->kind == K::List) {
            ColumnExpr all;
            all.place = place(e);
            for (const auto& v : on->items) {
                ColumnExpr c = toColumn(v, e, false);
                if (!c.problem.empty())
                    all.problem = c.problem;
                all.sql += (all.sql.empty() ? "" : " AND ") + c.sql;
            }
            p->on = all;
        } else {
            p->on = toColumn(*on, e, false);
        }
        return frame(p);
    }
    if (name == "union" || name == "unionByName" || name == "unionAll") {
        auto p = step(Plan::Kind::Union);
        if (args.empty() || args[0].kind != K::DataFrame) {
            p->kind = Plan::Kind::Unsupported;
            p->text = "unions with something the import does not know";
        } else {
            p->right = args[0].plan;
            if (name == "unionByName") {
                p->kind = Plan::Kind::Unsupported;
                p->text = "matches columns by name; Tidemark's union matches them by position — write `.union(...)` with the columns in the same order";
            }
        }
        return frame(p);
    }
    if (name == "alias" || name == "hint" || name == "repartition" || name == "coalesce" || name == "cache" || name == "persist") {
        auto p = step(Plan::Kind::Alias); // no effect on the rows or on event time
        if (name == "alias" && !args.empty() && args[0].kind == K::String)
            p->text = args[0].text; // the qualifier a join condition may use
        return frame(p);
    }
    if (name == "withColumn" && args.size() == 2 && args[0].kind == K::String) {
        auto p = step(Plan::Kind::Select);
        ColumnExpr star;
        star.kind = ColumnExpr::Kind::Star;
        star.sql = "*";
        ColumnExpr c = toColumn(args[1], e, false);
        c.sql = (c.precedence < 10 ? "(" + c.sql + ")" : c.sql) + " AS " + quoteIdentifier(args[0].text);
        c.alias = args[0].text;
        p->columns = {star, c};
        p->text = "withColumn";
        return frame(p);
    }
    if (name == "printSchema" || name == "explain" || name == "show" || name == "display")
        return self;
    auto u = step(Plan::Kind::Unsupported);
    static const std::map<std::string, std::string> kWhy = {
        {"orderBy", "sorts, which a streaming query only allows after an aggregation in complete mode; sort the result table instead"},
        {"sort", "sorts, which a streaming query only allows after an aggregation in complete mode; sort the result table instead"},
        {"limit", "is not simulated"},
        {"withColumnRenamed", "is not simulated; write `.selectExpr(\"old AS new\", ...)`"},
        {"drop", "is not simulated; write `.select(...)` with the columns to keep"},
        {"mapInPandas", "runs Python per row, which is not simulated"},
        {"groupByKey", "is a typed operation, not simulated"},
        {"applyInPandasWithState", "keeps arbitrary state, which is not simulated"},
        {"flatMapGroupsWithState", "keeps arbitrary state, which is not simulated"},
    };
    auto it = kWhy.find(name);
    u->text = it != kWhy.end() ? it->second : "is not simulated";
    return frame(u);
}

PyValue Interpreter::writerMethod(const PyValue& wv, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                                  const std::map<std::string, PyValue>& kw)
{
    auto w = std::make_shared<WriterState>(*wv.writer);
    w->cells.insert(m_cell ? m_cell->number : 0);
    PyValue out = wv;
    out.writer = w;
    auto problem = [&](const std::string& text) { w->problems.push_back({ImportMessage::Level::Warning, place(e).where, text}); };
    if (name == "format") {
        w->format = args.empty() ? "" : lower(stringOf(args[0]));
        if (w->format != "console" && w->format != "memory")
            problem("`.format(\"" + w->format + "\")`: the sink is shown as the console sink prints it (what Tidemark shows is the rows each batch emits)");
    } else if (name == "outputMode" && !args.empty()) {
        w->outputMode = lower(stringOf(args[0]));
    } else if (name == "queryName" && !args.empty()) {
        w->queryName = stringOf(args[0]);
        if (w->queryName.find(kUnknownPiece) != std::string::npos)
            w->queryName.clear();
    } else if (name == "trigger") {
        if (auto it = kw.find("processingTime"); it != kw.end() && it->second.kind == K::String)
            w->processingTime = normalizeInterval(it->second.text);
        else if (auto once = kw.find("once"); once != kw.end())
            w->once = once->second.kind == K::Bool && once->second.boolean;
        else if (auto an = kw.find("availableNow"); an != kw.end())
            w->availableNow = an->second.kind == K::Bool && an->second.boolean;
        else if (kw.count("continuous"))
            problem("`.trigger(continuous=...)` is not simulated (continuous processing has no micro-batches); the default trigger is used");
        else
            problem("`" + snippet(e) + "` is not a trigger the import reads; the default trigger is used");
    } else if (name == "option" && args.size() >= 2) {
        const std::string key = lower(stringOf(args[0]));
        const std::string value = args[1].kind == K::Bool ? (args[1].boolean ? "true" : "false") : lower(stringOf(args[1]));
        if (key == "truncate")
            w->truncate = value == "true";
        else if (key == "numrows")
            w->numRows = std::atoi(value.c_str());
        // checkpointLocation, path and the like do not change the batches.
    } else if (name == "options") {
        for (const auto& [k, v] : kw) {
            const std::string value = v.kind == K::Bool ? (v.boolean ? "true" : "false") : lower(stringOf(v));
            if (lower(k) == "truncate")
                w->truncate = value == "true";
            else if (lower(k) == "numrows")
                w->numRows = std::atoi(value.c_str());
        }
    } else if (name == "foreachBatch" || name == "foreach") {
        problem("`." + name + "(...)` is not simulated; the query up to it was imported (Tidemark shows the rows each batch hands to the sink)");
        w->stopped = true;
    } else if (name == "partitionBy") {
        problem("`.partitionBy(...)` only lays out the sink's files; it does not change the batches");
    } else if (name == "start" || name == "toTable") {
        StartedQuery q;
        q.writer = *w;
        q.conf = m_conf;
        q.candidate.cell = m_cell ? m_cell->number : 0;
        q.candidate.where = place(e).where;
        q.candidate.name = w->queryName;
        m_started.push_back(q);
        m_startedOrigins.insert(w->origin);
        PyValue v;
        v.kind = K::Query;
        v.writer = w;
        return v;
    }
    // Remember the writer in case the notebook never starts it.
    StartedQuery q;
    q.writer = *w;
    q.conf = m_conf;
    q.candidate.cell = m_cell ? m_cell->number : 0;
    q.candidate.where = w->place.where;
    q.candidate.name = w->queryName;
    auto same = std::find_if(m_unstarted.begin(), m_unstarted.end(), [&](const StartedQuery& s) { return s.writer.origin == w->origin; });
    if (same != m_unstarted.end())
        *same = q;
    else
        m_unstarted.push_back(q);
    return out;
}

} // namespace tidemark::pyspark
