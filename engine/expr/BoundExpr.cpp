// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/expr/BoundExpr.h"

#include "engine/schema/ValueText.h"
#include "engine/time/Checked.h"
#include "engine/time/TimeFormat.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdlib>

namespace tidemark {

namespace {

using Op = BoundExpr::Op;

std::string upper(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

BoundExpr makeCast(BoundExpr child, DataType to, const TimeZone& zone)
{
    if (child.type == to)
        return child;
    BoundExpr e;
    e.op = Op::Cast;
    e.type = to;
    e.zone = zone;
    e.args.push_back(std::move(child));
    return e;
}

int numericRank(TypeId t)
{
    switch (t) {
    case TypeId::Int: return 1;
    case TypeId::Long: return 2;
    case TypeId::Double: return 3;
    default: return 0;
    }
}

TypeId widerNumeric(TypeId a, TypeId b) { return numericRank(a) >= numericRank(b) ? a : b; }

std::string typeForMessage(const DataType& t, const SparkVersion& v)
{
    std::string name = sparkTypeName(t);
    return v.hasErrorClasses() ? "\"" + upper(name) + "\"" : name;
}

Error mismatch(const Ast& ast, const std::string& detail, const SparkVersion& v)
{
    const std::string sql = prettyName(ast);
    if (v.hasErrorClasses())
        return Error::query("[DATATYPE_MISMATCH] Cannot resolve \"" + sql + "\" due to data type mismatch: " + detail + ".");
    return Error::query("cannot resolve '" + sql + "' due to data type mismatch: " + detail + ".");
}

std::int64_t wrapInt32(std::int64_t v) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v))); }

/// -v as the JVM computes it: Long.MIN_VALUE negates to itself (UnaryMinus, Abs without ANSI).
std::int64_t negateWrapping(std::int64_t v) { return static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(v)); }

/// A double to long as Scala's Double.toLong does (the JVM's d2l): clamped to the long range.
std::int64_t saturatingToLong(double d)
{
    if (std::isnan(d))
        return 0;
    if (d >= 9223372036854775808.0)
        return LLONG_MAX;
    if (d < -9223372036854775808.0)
        return LLONG_MIN;
    return static_cast<std::int64_t>(d);
}

Value arithmetic(Op op, const Value& a, const Value& b, const DataType& type)
{
    if (a.isNull() || b.isNull())
        return {};
    if (type.id == TypeId::Double) {
        const double x = a.toDouble(), y = b.toDouble();
        switch (op) {
        case Op::Add: return x + y;
        case Op::Subtract: return x - y;
        case Op::Multiply: return x * y;
        case Op::Divide: return y == 0.0 ? Value() : Value(x / y); // non-ANSI: division by zero is null
        case Op::Remainder: return y == 0.0 ? Value() : Value(std::fmod(x, y));
        default: return {};
        }
    }
    // Integral and timestamp ± interval arithmetic wraps on overflow, as the JVM does.
    const auto x = static_cast<std::uint64_t>(a.asInt());
    const auto y = static_cast<std::uint64_t>(b.asInt());
    std::int64_t r = 0;
    switch (op) {
    case Op::Add: r = static_cast<std::int64_t>(x + y); break;
    case Op::Subtract: r = static_cast<std::int64_t>(x - y); break;
    case Op::Multiply: r = static_cast<std::int64_t>(x * y); break;
    case Op::Remainder:
        if (b.asInt() == 0)
            return {};
        // Java's Long.MIN_VALUE % -1 is 0; in C++ it traps.
        r = b.asInt() == -1 ? 0 : a.asInt() % b.asInt();
        break;
    default: return {};
    }
    return type.id == TypeId::Int ? Value(wrapInt32(r)) : Value(r);
}

/// Spark's UTF8String.toLong: optional sign, digits, an optional fraction that is truncated.
std::optional<std::int64_t> parseIntegral(std::string s)
{
    s.erase(0, s.find_first_not_of(" \t\n\r"));
    s.erase(s.find_last_not_of(" \t\n\r") + 1);
    if (s.empty())
        return std::nullopt;
    size_t i = 0;
    bool neg = false;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        i = 1;
    }
    if (i >= s.size())
        return std::nullopt;
    std::int64_t v = 0;
    bool digits = false;
    for (; i < s.size() && s[i] != '.'; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
            return std::nullopt;
        digits = true;
        if (v > (LLONG_MAX - (s[i] - '0')) / 10)
            return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    if (i < s.size()) {
        for (++i; i < s.size(); ++i)
            if (!std::isdigit(static_cast<unsigned char>(s[i])))
                return std::nullopt;
    }
    if (!digits)
        return std::nullopt;
    return neg ? -v : v;
}

std::optional<double> parseDouble(std::string s)
{
    s.erase(0, s.find_first_not_of(" \t\n\r"));
    s.erase(s.find_last_not_of(" \t\n\r") + 1);
    if (s.empty())
        return std::nullopt;
    if (s == "NaN")
        return std::nan("");
    if (s == "Infinity" || s == "+Infinity" || s == "inf")
        return HUGE_VAL;
    if (s == "-Infinity" || s == "-inf")
        return -HUGE_VAL;
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size())
        return std::nullopt;
    return d;
}

bool isAggregateFunction(const std::string& name)
{
    static const char* kNames[] = {"count", "sum", "avg", "mean", "min", "max", "collect_list", "collect_set",
                                   "approx_count_distinct", "stddev", "stddev_samp", "first", "last"};
    for (const char* n : kNames)
        if (equalsIgnoreCase(name, n))
            return true;
    return false;
}

class Binder {
public:
    Binder(const Schema& schema, const BindContext& ctx) : m_schema(schema), m_ctx(ctx) {}

    Result<BoundExpr> bind(const Ast& ast)
    {
        switch (ast.kind) {
        case Ast::Kind::Literal: {
            BoundExpr e;
            e.op = Op::Literal;
            e.literal = ast.literal;
            e.type = ast.literalType;
            return e;
        }
        case Ast::Kind::Column: return bindColumn(ast);
        case Ast::Kind::Star: return Error::query("Invalid usage of '*' in expression '" + m_ctx.text + "'");
        case Ast::Kind::Unary: return bindUnary(ast);
        case Ast::Kind::Binary: return bindBinary(ast);
        case Ast::Kind::Between: {
            // x BETWEEN a AND b is (x >= a AND x <= b), inclusive on both ends.
            Ast ge, le, both;
            ge.kind = le.kind = both.kind = Ast::Kind::Binary;
            ge.op = ">=";
            le.op = "<=";
            both.op = "AND";
            ge.args = {ast.args[0], ast.args[1]};
            le.args = {ast.args[0], ast.args[2]};
            both.args = {std::make_shared<Ast>(ge), std::make_shared<Ast>(le)};
            auto r = bindBinary(both);
            if (!r.ok() || !ast.negated)
                return r;
            BoundExpr n;
            n.op = Op::Not;
            n.type = DataType(TypeId::Boolean);
            n.args.push_back(std::move(r.value()));
            return n;
        }
        case Ast::Kind::In: {
            auto value = bind(*ast.args[0]);
            if (!value.ok())
                return value;
            BoundExpr e;
            e.op = Op::In;
            e.type = DataType(TypeId::Boolean);
            e.negated = ast.negated;
            e.args.push_back(value.value());
            for (size_t i = 1; i < ast.args.size(); ++i) {
                auto item = bind(*ast.args[i]);
                if (!item.ok())
                    return item;
                auto coerced = coerceForComparison(ast, value.value(), item.value());
                if (!coerced.ok())
                    return coerced.error();
                if (i == 1)
                    e.args[0] = coerced.value().first;
                e.args.push_back(coerced.value().second);
            }
            return e;
        }
        case Ast::Kind::IsNull: {
            auto v = bind(*ast.args[0]);
            if (!v.ok())
                return v;
            BoundExpr e;
            e.op = ast.negated ? Op::IsNotNull : Op::IsNull;
            e.type = DataType(TypeId::Boolean);
            e.args.push_back(std::move(v.value()));
            return e;
        }
        case Ast::Kind::Cast: {
            auto v = bind(*ast.args[0]);
            if (!v.ok())
                return v;
            if (v->type.id == TypeId::Window || v->type.id == TypeId::Array || v->type.id == TypeId::Interval)
                return mismatch(ast, "cannot cast " + typeForMessage(v->type, m_ctx.version) + " to "
                                         + typeForMessage(ast.castType, m_ctx.version), m_ctx.version);
            BoundExpr e;
            e.op = Op::Cast;
            e.type = ast.castType;
            e.zone = m_ctx.zone;
            e.args.push_back(std::move(v.value()));
            return e; // a CAST drops the watermark metadata, as in Spark
        }
        case Ast::Kind::Call: return bindCall(ast);
        case Ast::Kind::Case: return bindCase(ast);
        }
        return Error::query("unsupported expression");
    }

private:
    /// CaseWhen: every WHEN is a boolean; the THEN and ELSE values take one common type
    /// (CaseWhenCoercion: a NULL takes the others' type, numbers widen).
    Result<BoundExpr> bindCase(const Ast& ast)
    {
        BoundExpr e;
        e.op = Op::CaseWhen;
        const size_t pairs = ast.args.size() / 2;
        DataType t(TypeId::Null);
        for (size_t i = 0; i < ast.args.size(); ++i) {
            auto arg = bind(*ast.args[i]);
            if (!arg.ok())
                return arg;
            const bool isCondition = i < 2 * pairs && i % 2 == 0;
            if (isCondition) {
                if (arg->type.id != TypeId::Boolean && arg->type.id != TypeId::Null)
                    return mismatch(ast, "WHEN expressions in CaseWhen should all be boolean type, but the " + std::to_string(i / 2 + 1)
                                             + "th when expression's type is " + prettyName(*ast.args[i]),
                                    m_ctx.version);
            } else if (t.id == TypeId::Null) {
                t = arg->type;
            } else if (arg->type.id != TypeId::Null && arg->type != t) {
                if (!arg->type.isNumeric() || !t.isNumeric())
                    return mismatch(ast, "THEN and ELSE expressions should all be same type or coercible to a common type", m_ctx.version);
                t = DataType(widerNumeric(arg->type.id, t.id));
            }
            e.args.push_back(std::move(arg.value()));
        }
        for (size_t i = 0; i < e.args.size(); ++i)
            if (!(i < 2 * pairs && i % 2 == 0))
                e.args[i] = makeCast(std::move(e.args[i]), t, m_ctx.zone);
        e.type = t;
        return e;
    }

    Result<BoundExpr> bindColumn(const Ast& ast)
    {
        std::optional<size_t> idx;
        if (!ast.qualifier.empty()) {
            idx = m_schema.find(ast.qualifier, ast.name);
            if (!idx)
                return Error::query(unresolvedColumnMessage(ast.qualifier + "." + ast.name, m_schema, m_ctx.version));
        } else {
            idx = m_schema.find(ast.name);
            if (idx) {
                // Two columns with this name (a join's both sides) make an unqualified reference ambiguous.
                for (size_t j = *idx + 1; j < m_schema.size(); ++j)
                    if (equalsIgnoreCase(m_schema[j].name, ast.name)) {
                        const std::string q1 = m_schema[*idx].qualifier, q2 = m_schema[j].qualifier;
                        return Error::query(m_ctx.version.hasErrorClasses()
                                                ? "[AMBIGUOUS_REFERENCE] Reference `" + ast.name + "` is ambiguous, could be: [`" + q1
                                                      + "`.`" + ast.name + "`, `" + q2 + "`.`" + ast.name + "`]."
                                                : "Reference '" + ast.name + "' is ambiguous, could be: " + q1 + "." + ast.name
                                                      + ", " + q2 + "." + ast.name + ".");
                    }
            }
        }
        if (!idx)
            return Error::query(unresolvedColumnMessage(ast.name, m_schema, m_ctx.version));
        BoundExpr e;
        e.op = Op::Column;
        e.column = *idx;
        e.type = m_schema[*idx].type;
        e.watermarkDelayMs = m_schema[*idx].watermarkDelayMs;
        return e;
    }

    Result<BoundExpr> bindUnary(const Ast& ast)
    {
        auto v = bind(*ast.args[0]);
        if (!v.ok())
            return v;
        BoundExpr e;
        if (ast.op == "NOT") {
            if (v->type.id != TypeId::Boolean && v->type.id != TypeId::Null)
                return mismatch(ast, "argument 1 requires boolean type, however, '" + prettyName(*ast.args[0]) + "' is of "
                                         + sparkTypeName(v->type) + " type",
                                m_ctx.version);
            e.op = Op::Not;
            e.type = DataType(TypeId::Boolean);
        } else {
            if (!v->type.isNumeric() && v->type.id != TypeId::Interval)
                return mismatch(ast, "argument 1 requires numeric type, however, '" + prettyName(*ast.args[0]) + "' is of "
                                         + sparkTypeName(v->type) + " type",
                                m_ctx.version);
            e.op = Op::Negate;
            e.type = v->type;
        }
        e.args.push_back(std::move(v.value()));
        return e;
    }

    Result<std::pair<BoundExpr, BoundExpr>> coerceForComparison(const Ast& ast, BoundExpr l, BoundExpr r)
    {
        const TypeId a = l.type.id, b = r.type.id;
        if (a == b || a == TypeId::Null || b == TypeId::Null)
            return std::pair{std::move(l), std::move(r)};
        if (l.type.isNumeric() && r.type.isNumeric()) {
            const DataType w(widerNumeric(a, b));
            return std::pair{makeCast(std::move(l), w, m_ctx.zone), makeCast(std::move(r), w, m_ctx.zone)};
        }
        // Spark's PromoteStrings: a string compared with another atomic type is cast to that type.
        if (a == TypeId::String && (r.type.isNumeric() || b == TypeId::Timestamp || b == TypeId::Boolean))
            return std::pair{makeCast(std::move(l), r.type, m_ctx.zone), std::move(r)};
        if (b == TypeId::String && (l.type.isNumeric() || a == TypeId::Timestamp || a == TypeId::Boolean)) {
            DataType lt = l.type;
            return std::pair{std::move(l), makeCast(std::move(r), lt, m_ctx.zone)};
        }
        return mismatch(ast, differingTypes(ast, l.type, r.type), m_ctx.version);
    }

    std::string differingTypes(const Ast& ast, const DataType& a, const DataType& b)
    {
        if (m_ctx.version.hasErrorClasses())
            return "the left and right operands of the binary operator have incompatible types (" + typeForMessage(a, m_ctx.version)
                   + " and " + typeForMessage(b, m_ctx.version) + ")";
        return "differing types in '" + prettyName(ast) + "' (" + sparkTypeName(a) + " and " + sparkTypeName(b) + ")";
    }

    Result<BoundExpr> bindBinary(const Ast& ast)
    {
        auto l = bind(*ast.args[0]);
        if (!l.ok())
            return l;
        auto r = bind(*ast.args[1]);
        if (!r.ok())
            return r;
        BoundExpr e;
        const std::string& op = ast.op;
        if (op == "AND" || op == "OR") {
            for (const auto* side : {&l.value(), &r.value()})
                if (side->type.id != TypeId::Boolean && side->type.id != TypeId::Null)
                    return mismatch(ast, "'" + prettyName(ast) + "' requires boolean type, not " + sparkTypeName(side->type),
                                    m_ctx.version);
            e.op = op == "AND" ? Op::And : Op::Or;
            e.type = DataType(TypeId::Boolean);
            e.args = {std::move(l.value()), std::move(r.value())};
            return e;
        }
        static const std::pair<const char*, Op> kCompare[] = {{"=", Op::Equal},      {"!=", Op::NotEqual},   {"<=>", Op::NullSafeEqual},
                                                               {"<", Op::Less},       {"<=", Op::LessEqual},  {">", Op::Greater},
                                                               {">=", Op::GreaterEqual}};
        for (const auto& [sym, cmp] : kCompare) {
            if (op != sym)
                continue;
            auto coerced = coerceForComparison(ast, std::move(l.value()), std::move(r.value()));
            if (!coerced.ok())
                return coerced.error();
            if (coerced->first.type.id == TypeId::Array || coerced->first.type.id == TypeId::Interval)
                return mismatch(ast, differingTypes(ast, coerced->first.type, coerced->second.type), m_ctx.version);
            e.op = cmp;
            e.type = DataType(TypeId::Boolean);
            e.args = {std::move(coerced->first), std::move(coerced->second)};
            return e;
        }
        // arithmetic
        const Op arith = op == "+" ? Op::Add : op == "-" ? Op::Subtract : op == "*" ? Op::Multiply : op == "/" ? Op::Divide : Op::Remainder;
        BoundExpr a = std::move(l.value()), b = std::move(r.value());
        const TypeId ta = a.type.id, tb = b.type.id;
        if ((ta == TypeId::Timestamp && tb == TypeId::Interval && (arith == Op::Add || arith == Op::Subtract))
            || (ta == TypeId::Interval && tb == TypeId::Timestamp && arith == Op::Add)) {
            const Ast& intervalAst = ta == TypeId::Interval ? *ast.args[0] : *ast.args[1];
            if (!intervalAst.months.empty())
                return Error::query("Tidemark models day-time intervals only; '" + intervalAst.months
                                    + "' has months or years, whose length depends on the calendar");
            e.op = arith;
            e.type = DataType(TypeId::Timestamp);
            e.args = {std::move(a), std::move(b)};
            return e;
        }
        if (ta == TypeId::Interval && tb == TypeId::Interval && (arith == Op::Add || arith == Op::Subtract)) {
            e.op = arith;
            e.type = DataType(TypeId::Interval);
            e.args = {std::move(a), std::move(b)};
            return e;
        }
        // Strings in arithmetic are implicitly cast to double (Spark's non-ANSI ImplicitTypeCasts).
        if (ta == TypeId::String)
            a = makeCast(std::move(a), DataType(TypeId::Double), m_ctx.zone);
        if (tb == TypeId::String)
            b = makeCast(std::move(b), DataType(TypeId::Double), m_ctx.zone);
        const bool aOk = a.type.isNumeric() || a.type.id == TypeId::Null;
        const bool bOk = b.type.isNumeric() || b.type.id == TypeId::Null;
        if (!aOk || !bOk)
            return mismatch(ast, differingTypes(ast, a.type, b.type), m_ctx.version);
        TypeId result = widerNumeric(a.type.id == TypeId::Null ? TypeId::Int : a.type.id, b.type.id == TypeId::Null ? TypeId::Int : b.type.id);
        if (arith == Op::Divide)
            result = TypeId::Double; // Spark's `/` is always fractional division
        e.op = arith;
        e.type = DataType(result);
        e.args = {makeCast(std::move(a), e.type, m_ctx.zone), makeCast(std::move(b), e.type, m_ctx.zone)};
        return e;
    }

    Result<BoundExpr> bindCall(const Ast& ast)
    {
        const std::string& fn = ast.name;
        if (equalsIgnoreCase(fn, "explode"))
            return Error::query(m_ctx.version.hasErrorClasses()
                                    ? "[UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS] The generator is not supported: nested in expressions \""
                                          + prettyName(ast) + "\"."
                                    : "Generators are not supported when it's nested in expressions, but got: " + prettyName(ast));
        if (isAggregateFunction(fn))
            return Error::query("aggregate function " + prettyName(ast)
                                + " is not allowed here: in a scenario, aggregates go in \"agg\" after \"groupBy\"");
        std::vector<BoundExpr> args;
        for (const auto& a : ast.args) {
            auto b = bind(*a);
            if (!b.ok())
                return b;
            args.push_back(std::move(b.value()));
        }
        BoundExpr e;
        e.zone = m_ctx.zone;
        auto arity = [&](size_t lo, size_t hi) -> std::optional<Error> {
            if (args.size() < lo || args.size() > hi) {
                const std::string expected = lo == hi ? std::to_string(lo) : "[" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
                if (m_ctx.version.hasErrorClasses())
                    return Error::query("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `" + fn + "` requires " + expected
                                        + " parameters but the actual number is " + std::to_string(args.size()) + ".");
                return Error::query("Invalid number of arguments for function " + fn + ". Expected: " + expected
                                    + "; Found: " + std::to_string(args.size()));
            }
            return std::nullopt;
        };
        auto stringArg = [&](size_t i) { args[i] = makeCast(std::move(args[i]), DataType(TypeId::String), m_ctx.zone); };
        if (equalsIgnoreCase(fn, "split")) {
            if (auto err = arity(2, 3))
                return *err;
            if (args[1].op != Op::Literal || !args[1].literal.isString())
                return Error::query("split(): Tidemark needs the pattern as a string literal, e.g. split(line, ' ')");
            auto compiled = compileSplitPattern(args[1].literal.asString());
            if (!compiled)
                return compiled.error();
            e.regex = std::move(*compiled);
            stringArg(0);
            args.resize(1);
            e.op = Op::Split;
            e.type = DataType(TypeId::Array, TypeId::String);
        } else if (equalsIgnoreCase(fn, "lower") || equalsIgnoreCase(fn, "lcase") || equalsIgnoreCase(fn, "upper")
                   || equalsIgnoreCase(fn, "ucase") || equalsIgnoreCase(fn, "trim")) {
            if (auto err = arity(1, 1))
                return *err;
            stringArg(0);
            e.op = equalsIgnoreCase(fn, "trim") ? Op::Trim : (std::tolower(static_cast<unsigned char>(fn[0])) == 'l' ? Op::Lower : Op::Upper);
            e.type = DataType(TypeId::String);
        } else if (equalsIgnoreCase(fn, "length") || equalsIgnoreCase(fn, "char_length")) {
            if (auto err = arity(1, 1))
                return *err;
            stringArg(0);
            e.op = Op::Length;
            e.type = DataType(TypeId::Int);
        } else if (equalsIgnoreCase(fn, "concat")) {
            for (size_t i = 0; i < args.size(); ++i)
                stringArg(i);
            e.op = Op::Concat;
            e.type = DataType(TypeId::String);
        } else if (equalsIgnoreCase(fn, "coalesce")) {
            if (args.empty())
                return *arity(1, 64);
            DataType t = args[0].type;
            for (const auto& a : args) {
                if (t.id == TypeId::Null)
                    t = a.type;
                else if (a.type.id != TypeId::Null && a.type != t) {
                    if (a.type.isNumeric() && t.isNumeric())
                        t = DataType(widerNumeric(a.type.id, t.id));
                    else
                        return mismatch(ast, "input to function coalesce should all be the same type", m_ctx.version);
                }
            }
            for (auto& a : args)
                a = makeCast(std::move(a), t, m_ctx.zone);
            e.op = Op::Coalesce;
            e.type = t;
        } else if (equalsIgnoreCase(fn, "abs")) {
            if (auto err = arity(1, 1))
                return *err;
            if (!args[0].type.isNumeric())
                return mismatch(ast, "argument 1 requires numeric type", m_ctx.version);
            e.op = Op::Abs;
            e.type = args[0].type;
        } else if (equalsIgnoreCase(fn, "timestamp_seconds")) {
            if (auto err = arity(1, 1))
                return *err;
            if (!args[0].type.isNumeric())
                return mismatch(ast, "argument 1 requires numeric type", m_ctx.version);
            e.op = Op::TimestampSeconds;
            e.type = DataType(TypeId::Timestamp);
        } else if (equalsIgnoreCase(fn, "window_time") && m_ctx.version.atLeast(3, 4)) {
            // ResolveWindowTime (SPARK-40821, 3.4): the event time of a window struct, `window.end - 1`
            // (microseconds), so that a later window(...) puts it in the window it came from.
            if (auto err = arity(1, 1))
                return *err;
            if (args[0].type.id != TypeId::Window)
                return mismatch(ast, "argument 1 requires struct<start:timestamp,end:timestamp> type", m_ctx.version);
            e.op = Op::WindowTime;
            e.type = DataType(TypeId::Timestamp);
        } else if (equalsIgnoreCase(fn, "to_timestamp")) {
            if (auto err = arity(1, 1))
                return *err;
            stringArg(0);
            return makeCast(std::move(args[0]), DataType(TypeId::Timestamp), m_ctx.zone);
        } else {
            if (m_ctx.version.hasErrorClasses())
                return Error::query("[UNRESOLVED_ROUTINE] Cannot resolve function `" + fn
                                    + "` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].");
            return Error::query("Undefined function: '" + fn
                                + "'. This function is neither a registered temporary function nor a permanent function registered in the "
                                  "database 'default'.");
        }
        e.args = std::move(args);
        return e;
    }

    const Schema& m_schema;
    const BindContext& m_ctx;
};

bool truthy(const Value& v) { return v.isBool() && v.asBool(); }

} // namespace

std::string unresolvedColumnMessage(const std::string& name, const Schema& schema, const SparkVersion& version)
{
    std::string columns;
    for (size_t i = 0; i < schema.size(); ++i) {
        const Field& f = schema[i];
        if (version.hasErrorClasses())
            columns += (i ? ", `" : "`") + f.name + "`";
        else
            columns += (i ? ", " : "") + f.name;
    }
    if (version.atLeast(4, 0))
        return "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `" + name
               + "` cannot be resolved. Did you mean one of the following? [" + columns + "]. SQLSTATE: 42703";
    if (version.hasErrorClasses())
        return "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `" + name
               + "` cannot be resolved. Did you mean one of the following? [" + columns + "].";
    if (version.atLeast(3, 3))
        return "Column '" + name + "' does not exist. Did you mean one of the following? [" + columns + "]";
    return "cannot resolve '" + name + "' given input columns: [" + columns + "]";
}

Result<BoundExpr> bindExpression(const Ast& ast, const Schema& schema, const BindContext& ctx)
{
    Binder binder(schema, ctx);
    return binder.bind(ast);
}

Value castValue(const Value& v, const DataType& from, const DataType& to, const TimeZone& zone)
{
    if (v.isNull() || from == to)
        return v;
    switch (to.id) {
    case TypeId::String:
        return valueToText(v, from, zone);
    case TypeId::Int:
    case TypeId::Long: {
        std::optional<std::int64_t> r;
        if (from.id == TypeId::String)
            r = parseIntegral(v.asString());
        else if (from.id == TypeId::Double) {
            const double d = v.asDouble();
            if (std::isnan(d))
                r = 0;
            else if (to.id == TypeId::Int)
                r = d >= 2147483647.0 ? 2147483647 : d <= -2147483648.0 ? -2147483648LL : static_cast<std::int64_t>(d);
            else
                r = d >= 9.2233720368547758e18 ? LLONG_MAX : d <= -9.2233720368547758e18 ? LLONG_MIN : static_cast<std::int64_t>(d);
        } else if (from.id == TypeId::Timestamp)
            r = floorDiv(v.asInt(), kMicrosPerSecond);
        else if (from.id == TypeId::Boolean)
            r = v.asBool() ? 1 : 0;
        else if (v.isInt())
            r = v.asInt();
        if (!r)
            return {};
        if (to.id == TypeId::Int) {
            if (from.id == TypeId::String && (*r > INT32_MAX || *r < INT32_MIN))
                return {};
            return Value(wrapInt32(*r));
        }
        return Value(*r);
    }
    case TypeId::Double: {
        if (from.id == TypeId::String) {
            auto d = parseDouble(v.asString());
            return d ? Value(*d) : Value();
        }
        if (from.id == TypeId::Timestamp)
            return Value(static_cast<double>(v.asInt()) / kMicrosPerSecond);
        if (from.id == TypeId::Boolean)
            return Value(v.asBool() ? 1.0 : 0.0);
        return Value(v.toDouble());
    }
    case TypeId::Boolean: {
        if (from.id == TypeId::String) {
            std::string s = v.asString();
            for (char& c : s)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (s == "true" || s == "t" || s == "yes" || s == "y" || s == "1")
                return Value(true);
            if (s == "false" || s == "f" || s == "no" || s == "n" || s == "0")
                return Value(false);
            return {};
        }
        if (from.id == TypeId::Timestamp)
            return Value(v.asInt() != 0);
        return Value(v.toDouble() != 0.0);
    }
    case TypeId::Timestamp: {
        if (from.id == TypeId::String) {
            std::string s = v.asString();
            s.erase(0, s.find_first_not_of(' '));
            s.erase(s.find_last_not_of(' ') + 1);
            auto t = parseTimestamp(s, zone, std::nullopt);
            return t.ok() ? Value(t.value()) : Value();
        }
        if (from.id == TypeId::Double) {
            const double d = v.asDouble();
            if (std::isnan(d) || std::isinf(d))
                return {};
            return Value(saturatingToLong(d * kMicrosPerSecond)); // Cast.doubleToTimestamp: (d * MICROS_PER_SECOND).toLong
        }
        // Cast.longToTimestamp: SECONDS.toMicros, which saturates.
        if (from.isIntegral())
            return Value(checkedMul(v.asInt(), kMicrosPerSecond).value_or(v.asInt() < 0 ? LLONG_MIN : LLONG_MAX));
        return {};
    }
    default:
        return {};
    }
}

Result<std::shared_ptr<const re2::RE2>> compileSplitPattern(const std::string& pattern)
{
    re2::RE2::Options options; // UTF-8, as Java matches characters rather than bytes
    options.set_log_errors(false);
    auto compiled = std::make_shared<const re2::RE2>(pattern, options);
    if (compiled->ok())
        return compiled;
    std::string why;
    switch (compiled->error_code()) {
    case re2::RE2::ErrorBadPerlOp:
    case re2::RE2::ErrorBadEscape:
        why = " (Tidemark's regular expressions have no back references or look-around: " + compiled->error() + ")";
        break;
    case re2::RE2::ErrorRepeatSize:
    case re2::RE2::ErrorPatternTooLarge:
        why = " (past Tidemark's limit of 1000 for a repetition count, and of the compiled pattern's size: "
              + compiled->error() + ")";
        break;
    default:
        why = " (" + compiled->error() + ")";
    }
    return Error::query("split(): '" + pattern + "' is not a valid regular expression" + why);
}

namespace {
size_t nextCharacter(const std::string& s, size_t i)
{
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
        ++i; // a UTF-8 continuation byte
    return i;
}
} // namespace

std::vector<std::string> regexSplit(const std::string& input, const re2::RE2& pattern)
{
    std::vector<std::string> out;
    // UTF8String.split: an empty pattern splits a non-empty string into its characters,
    // without Java's trailing empty string.
    if (pattern.pattern().empty() && !input.empty()) {
        for (size_t i = 0; i < input.size();) {
            const size_t next = nextCharacter(input, i);
            out.push_back(input.substr(i, next - i));
            i = next;
        }
        return out;
    }
    // Java's Pattern.split(input, -1) over Matcher.find().
    const re2::StringPiece text(input);
    size_t index = 0; // where the next piece starts
    size_t from = 0;  // where the next search starts
    re2::StringPiece match;
    while (from <= input.size() && pattern.Match(text, from, input.size(), re2::RE2::UNANCHORED, &match, 1)) {
        const size_t start = static_cast<size_t>(match.data() - input.data());
        const size_t end = start + match.size();
        // Matcher.find: after an empty match the next search starts one character on.
        from = start == end ? nextCharacter(input, end) : end;
        if (index == 0 && start == 0 && start == end)
            continue; // no leading empty string for a zero-width match at the beginning
        out.push_back(input.substr(index, start - index));
        index = end;
    }
    out.push_back(input.substr(index));
    return out;
}

bool BoundExpr::test(const Row& row) const { return truthy(eval(row)); }

Value BoundExpr::eval(const Row& row) const
{
    switch (op) {
    case Op::Literal: return literal;
    case Op::Column: return row[column];
    case Op::Negate: {
        Value v = args[0].eval(row);
        if (v.isNull())
            return v;
        if (v.isDouble())
            return Value(-v.asDouble());
        return type.id == TypeId::Int ? Value(wrapInt32(-v.asInt())) : Value(negateWrapping(v.asInt()));
    }
    case Op::Not: {
        Value v = args[0].eval(row);
        return v.isNull() ? v : Value(!v.asBool());
    }
    case Op::Add:
    case Op::Subtract:
    case Op::Multiply:
    case Op::Divide:
    case Op::Remainder: return arithmetic(op, args[0].eval(row), args[1].eval(row), type);
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::LessEqual:
    case Op::Greater:
    case Op::GreaterEqual: {
        const Value a = args[0].eval(row), b = args[1].eval(row);
        if (a.isNull() || b.isNull())
            return {};
        const auto c = a <=> b;
        switch (op) {
        case Op::Equal: return Value(c == 0);
        case Op::NotEqual: return Value(c != 0);
        case Op::Less: return Value(c < 0);
        case Op::LessEqual: return Value(c <= 0);
        case Op::Greater: return Value(c > 0);
        default: return Value(c >= 0);
        }
    }
    case Op::NullSafeEqual: {
        const Value a = args[0].eval(row), b = args[1].eval(row);
        if (a.isNull() || b.isNull())
            return Value(a.isNull() && b.isNull());
        return Value((a <=> b) == 0);
    }
    case Op::And: {
        const Value a = args[0].eval(row);
        if (a.isBool() && !a.asBool())
            return Value(false);
        const Value b = args[1].eval(row);
        if (b.isBool() && !b.asBool())
            return Value(false);
        if (a.isNull() || b.isNull())
            return {};
        return Value(true);
    }
    case Op::Or: {
        const Value a = args[0].eval(row);
        if (a.isBool() && a.asBool())
            return Value(true);
        const Value b = args[1].eval(row);
        if (b.isBool() && b.asBool())
            return Value(true);
        if (a.isNull() || b.isNull())
            return {};
        return Value(false);
    }
    case Op::In: {
        const Value v = args[0].eval(row);
        if (v.isNull())
            return {};
        bool sawNull = false;
        for (size_t i = 1; i < args.size(); ++i) {
            const Value item = args[i].eval(row);
            if (item.isNull())
                sawNull = true;
            else if ((v <=> item) == 0)
                return Value(!negated);
        }
        return sawNull ? Value() : Value(negated);
    }
    case Op::IsNull: return Value(args[0].eval(row).isNull());
    case Op::IsNotNull: return Value(!args[0].eval(row).isNull());
    case Op::Cast: return castValue(args[0].eval(row), args[0].type, type, zone);
    case Op::Split: {
        const Value v = args[0].eval(row);
        if (v.isNull())
            return {};
        auto parts = std::make_shared<std::vector<Value>>();
        for (auto& s : regexSplit(v.asString(), *regex))
            parts->emplace_back(std::move(s));
        return Value(ValueList(std::move(parts)));
    }
    case Op::Lower:
    case Op::Upper: {
        Value v = args[0].eval(row);
        if (v.isNull())
            return v;
        std::string s = v.asString();
        for (char& c : s)
            c = static_cast<char>(op == Op::Lower ? std::tolower(static_cast<unsigned char>(c)) : std::toupper(static_cast<unsigned char>(c)));
        return Value(std::move(s));
    }
    case Op::Trim: {
        Value v = args[0].eval(row);
        if (v.isNull())
            return v;
        std::string s = v.asString();
        s.erase(0, s.find_first_not_of(' '));
        s.erase(s.find_last_not_of(' ') + 1);
        return Value(std::move(s));
    }
    case Op::Length: {
        Value v = args[0].eval(row);
        if (v.isNull())
            return v;
        std::int64_t n = 0;
        for (unsigned char c : v.asString())
            if ((c & 0xC0) != 0x80)
                ++n; // code points, as Java's length for BMP text
        return Value(n);
    }
    case Op::Concat: {
        std::string s;
        for (const auto& a : args) {
            Value v = a.eval(row);
            if (v.isNull())
                return {};
            s += v.asString();
        }
        return Value(std::move(s));
    }
    case Op::CaseWhen: {
        const size_t pairs = args.size() / 2;
        for (size_t i = 0; i < pairs; ++i)
            if (args[2 * i].test(row))
                return args[2 * i + 1].eval(row);
        return args.size() % 2 ? args.back().eval(row) : Value();
    }
    case Op::Coalesce:
        for (const auto& a : args) {
            Value v = a.eval(row);
            if (!v.isNull())
                return v;
        }
        return {};
    case Op::Abs: {
        Value v = args[0].eval(row);
        if (v.isNull())
            return v;
        if (v.isDouble())
            return Value(std::fabs(v.asDouble()));
        const std::int64_t magnitude = v.asInt() < 0 ? negateWrapping(v.asInt()) : v.asInt();
        return type.id == TypeId::Int ? Value(wrapInt32(magnitude)) : Value(magnitude); // Math.abs(MIN_VALUE) is MIN_VALUE
    }
    case Op::TumblingWindow: {
        const Value t = args[0].eval(row);
        if (t.isNull())
            return t;
        const Micros start = t.asInt() - floorMod(t.asInt() - window.startTime, window.slide);
        return Value(TimeRange{start, start + window.duration});
    }
    case Op::WindowTime: {
        const Value w = args[0].eval(row);
        return w.isNull() ? w : Value(w.asRange().end - 1);
    }
    case Op::TimestampSeconds: {
        Value v = args[0].eval(row);
        if (v.isNull())
            return v;
        // SecondsToTimestamp multiplies exactly: past the long range Spark stops the query with
        // ArithmeticException: long overflow. A row cannot fail a simulated batch, so it is null.
        if (v.isDouble()) {
            const double us = v.asDouble() * kMicrosPerSecond;
            return std::isnan(us) || std::isinf(us) || us >= 9223372036854775808.0 || us < -9223372036854775808.0
                       ? Value()
                       : Value(static_cast<std::int64_t>(us));
        }
        const auto us = checkedMul(v.asInt(), kMicrosPerSecond);
        return us ? Value(*us) : Value();
    }
    }
    return {};
}

} // namespace tidemark
