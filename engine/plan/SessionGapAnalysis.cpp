// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/SessionGapAnalysis.h"

#include "engine/expr/Parser.h"
#include "engine/plan/SessionGap.h"
#include "engine/plan/WorkLimits.h"
#include "engine/time/Interval.h"

namespace tidemark {

namespace {

/// True when no part of the expression reads a column: Spark folds it to one value.
bool isConstant(const Ast& a)
{
    if (a.kind == Ast::Kind::Column || a.kind == Ast::Kind::Star)
        return false;
    for (const auto& c : a.args)
        if (c && !isConstant(*c))
            return false;
    return true;
}

/// The first interval written in the expression (an INTERVAL literal, or a string that parses
/// as one) with a month or year part.
std::optional<std::string> writtenMonths(const Ast& a)
{
    if (a.kind == Ast::Kind::Literal) {
        if (a.literalType.id == TypeId::Interval && !a.months.empty())
            return a.months;
        if (a.literal.isString()) {
            auto i = parseInterval(a.literal.asString());
            if (i.ok() && i->months != 0)
                return a.literal.asString();
        }
    }
    for (const auto& c : a.args)
        if (c)
            if (auto m = writtenMonths(*c))
                return m;
    return std::nullopt;
}

} // namespace

std::string sparkDataTypeToString(const DataType& type)
{
    switch (type.id) {
    case TypeId::Null: return "NullType";
    case TypeId::String: return "StringType";
    case TypeId::Int: return "IntegerType";
    case TypeId::Long: return "LongType";
    case TypeId::Double: return "DoubleType";
    case TypeId::Boolean: return "BooleanType";
    case TypeId::Timestamp: return "TimestampType";
    case TypeId::Window: return "StructType(StructField(start,TimestampType,true),StructField(end,TimestampType,true))";
    case TypeId::Array: return "ArrayType(" + sparkDataTypeToString(DataType(type.element)) + ",true)";
    case TypeId::Interval: return "CalendarIntervalType";
    }
    return "?";
}

Result<SessionGapExpression> analyzeSessionGapExpression(const std::string& text, const std::string& intervalError, const Schema& schema,
                                                         const BindContext& ctx, const std::string& where)
{
    auto parsed = parseExpression(text);
    if (auto* f = std::get_if<ParseFailure>(&parsed)) {
        if (f->tooDeep)
            return Error::file(where, "the gap expression nests too deep (at position " + std::to_string(f->pos) + "); Tidemark reads at most "
                                          + std::to_string(kMaxExpressionDepth) + " levels.");
        return Error::file(where, "\"" + text + "\" is not an interval (" + intervalError + "), nor an expression (at position " + std::to_string(f->pos)
                                      + ", expected " + (f->expected.empty() ? std::string("an expression") : f->expected)
                                      + "). Write a duration such as \"5 minutes\", or an expression such as "
                                        "\"CASE WHEN user = 'a' THEN INTERVAL 1 MINUTE ELSE INTERVAL 5 MINUTES END\".");
    }
    const Ast& ast = *std::get<AstPtr>(parsed);
    auto bound = bindExpression(ast, schema, ctx);
    if (!bound.ok())
        return Error::query(bound.error().message, where, bound.error().exception);
    const DataType type = bound->type;
    // SessionWindowing: the gap is used as it is when it is a CalendarInterval, cast when
    // Cast.canCast(type, CalendarIntervalType) (a string, a null), refused otherwise.
    if (type.id != TypeId::Interval && type.id != TypeId::String && type.id != TypeId::Null)
        return Error::query("Gap duration expression used in session window must be CalendarIntervalType, but got " + sparkDataTypeToString(type),
                            where);
    if (auto months = writtenMonths(ast))
        return Error::file(where, "a gap of months or years (\"" + *months + "\") is not simulated; write it in days, such as \"30 days\".");
    if (!isConstant(ast))
        return SessionGapExpression{std::move(bound.value()), 0};
    const SessionGap gap = sessionGapFromValue(bound->eval(Row{}), type);
    switch (gap.kind) {
    case SessionGap::Kind::Positive: return SessionGapExpression{std::nullopt, gap.micros};
    case SessionGap::Kind::Months: return Error::file(where, "a gap of months or years (\"" + text + "\") is not simulated; write it in days, such as \"30 days\".");
    case SessionGap::Kind::TooLong:
        return Error::file(where, "the gap \"" + text + "\" is longer than Tidemark simulates: gaps may last at most "
                                      + formatDuration(WorkLimits::kMaxWindowDuration) + " (100000 years). Use a shorter gap.");
    case SessionGap::Kind::NotPositive:
    case SessionGap::Kind::Null: break;
    }
    return Error::file(where, "the gap \"" + text + "\" is " + (gap.kind == SessionGap::Kind::Null ? "null or not an interval" : "not positive")
                                  + ": every session would end where it starts, and Spark drops such sessions, so no row would be aggregated. "
                                    "Write a positive duration such as \"5 minutes\".");
}

} // namespace tidemark
