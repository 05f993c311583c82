// SPDX-License-Identifier: GPL-3.0-or-later
// Resolving names against a schema (ResolveReferences) and CheckAnalysis's checks on the nodes
// that use them: the inputs, select (with explode), where, and the union of several inputs.
#include "engine/plan/AnalyzerRules.h"

namespace tidemark::analysis {

InputPlan Analyzer::input(const InputSpec& in, const std::string& path, bool joinSide)
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

Step Analyzer::project(const std::vector<std::string>& items, Schema& schema, const std::string& path)
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
            // ResolveWindowTime: window_time(w) carries the window's watermark metadata.
            if (bound->op == BoundExpr::Op::WindowTime && bound->args[0].op == BoundExpr::Op::Column)
                f.watermarkDelayMs = schema[bound->args[0].column].watermarkDelayMs;
        }
        step.exprs.push_back(std::move(bound.value()));
        out.fields.push_back(std::move(f));
    }
    step.output = out;
    schema = out;
    return step;
}

Step Analyzer::filter(const std::string& text, const Schema& schema, const std::string& path)
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

Schema Analyzer::unionSchema(const std::vector<InputPlan>& inputs)
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

std::string Analyzer::ordinal(size_t n)
{
    static const char* kNames[] = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
    return n < 11 ? kNames[n] : std::to_string(n) + "th";
}

} // namespace tidemark::analysis
