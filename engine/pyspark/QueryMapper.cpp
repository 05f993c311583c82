// SPDX-License-Identifier: GPL-3.0-or-later
// From a DataFrame's lineage to Tidemark's query, step by step, in Spark's order.
#include "engine/pyspark/QueryMapper.h"

#include "engine/expr/Parser.h"
#include "engine/schema/Schema.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace tidemark::pyspark {

namespace {

using PK = Plan::Kind;

bool identifierLike(const std::string& s)
{
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_'))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

const Plan* rootOf(const Plan* p)
{
    while (p && p->kind != PK::Source && p->kind != PK::Static && p->child)
        p = p->child.get();
    return p;
}

/// The steps from the root (or the last join/union) to `p`, root first.
std::vector<const Plan*> lineage(const Plan* p)
{
    std::vector<const Plan*> out;
    for (; p; p = p->child.get())
        out.push_back(p);
    std::reverse(out.begin(), out.end());
    return out;
}

void collectAstColumns(const Ast& a, std::vector<std::string>& out)
{
    if (a.kind == Ast::Kind::Column)
        out.push_back(a.name);
    for (const auto& c : a.args)
        if (c)
            collectAstColumns(*c, out);
}

/// What one linear lineage (a source and its stateless and stateful steps) maps to.
struct Stages {
    std::vector<std::string> selectExpr;
    bool selected = false;
    std::optional<std::string> where;
    std::optional<WatermarkSpec> watermark;
    std::optional<std::vector<std::string>> dedup, dedupWithinWatermark;
    std::optional<std::vector<GroupItem>> groupBy;
    std::optional<std::vector<AggSpec>> agg;
    int stage = 0; // 0 select, 1 where, 2 watermark, 3 dedup, 4 aggregate
    std::string jsonAlias;
};

class Mapper {
public:
    Mapper(const StartedQuery& started, const Interpreter& in) : m_q(started), m_in(in) {}

    MappedQuery run()
    {
        const WriterState& w = m_q.writer;
        nameSources(w.plan.get());
        auto steps = lineage(w.plan.get());
        // Split at the last join or union: its sides are inputs, the steps after it apply to its output.
        std::size_t split = 0;
        for (std::size_t i = 0; i < steps.size(); ++i)
            if (steps[i]->kind == PK::Join || steps[i]->kind == PK::Union)
                split = i;
        const Plan* combine = (steps.empty() || (steps[split]->kind != PK::Join && steps[split]->kind != PK::Union)) ? nullptr : steps[split];
        Stages main;
        bool cut = false;
        if (!combine) {
            const Plan* root = steps.empty() ? nullptr : steps.front();
            if (!root || (root->kind != PK::Source && root->kind != PK::Static)) {
                message(w.place.where, "the query's DataFrame does not start at `spark.readStream`; nothing to import");
                return std::move(m_out);
            }
            m_out.query.source = sourceName(root);
            if (root->kind == PK::Static)
                message(root->place.where, "`spark.read` is a batch read, not a stream: the query has no streaming source");
            cut = !applySteps(main, steps, 1, true, root);
        } else {
            cut = !mapCombine(*combine);
            if (!cut)
                cut = !applySteps(main, steps, split + 1, true, nullptr);
            else if (!m_out.query.join && m_out.query.unionInputs.empty()) {
                // Nothing of the combination could be read: "the query up to it" is its left DataFrame.
                const auto leftSteps = lineage(combine->child.get());
                const Plan* root = leftSteps.empty() ? nullptr : leftSteps.front();
                if (root && (root->kind == PK::Source || root->kind == PK::Static) && !lastCombine(leftSteps)) {
                    m_out.query.source = sourceName(root);
                    applySteps(main, leftSteps, 1, true, root);
                }
            }
        }
        m_out.query.withWatermark = main.watermark;
        if (!m_out.query.then.empty()) {
            // After a join in `then`, the steps written after it run there, in their order.
            ChainStageSpec after;
            after.selectExpr = main.selectExpr;
            after.where = main.where;
            after.dropDuplicates = main.dedup;
            after.dropDuplicatesWithinWatermark = main.dedupWithinWatermark;
            if ((main.groupBy || main.agg) && (after.dropDuplicates || after.dropDuplicatesWithinWatermark)) {
                m_out.query.then.push_back(std::move(after));
                after = ChainStageSpec{};
            }
            after.groupBy = main.groupBy;
            after.agg = main.agg;
            if (after != ChainStageSpec{})
                m_out.query.then.push_back(std::move(after));
        } else {
            m_out.query.selectExpr = main.selectExpr;
            m_out.query.where = main.where;
            m_out.query.dropDuplicates = main.dedup;
            m_out.query.dropDuplicatesWithinWatermark = main.dedupWithinWatermark;
            m_out.query.groupBy = main.groupBy;
            m_out.query.agg = main.agg;
        }
        mapWriter(w);
        return std::move(m_out);
    }

private:
    void message(const std::string& where, const std::string& text, ImportMessage::Level level = ImportMessage::Level::Warning)
    {
        m_out.messages.push_back({level, where, text});
    }

    void cutAt(const Plan& step, const std::string& why)
    {
        message(step.place.where, "`" + step.construct + "` " + why + "; the query up to it was imported");
    }

    /// Names each source. A join's sides take the notebook's variable names, since its
    /// condition names them so (`impressions.adId == clicks.adId`); a single source takes its
    /// Kafka topic or the folder or file it reads; the variable is the fallback.
    void nameSources(const Plan* p, bool joined = false)
    {
        if (!p)
            return;
        const bool combines = p->kind == PK::Join || p->kind == PK::Union;
        nameSources(p->child.get(), joined || combines);
        nameSources(p->right.get(), joined || combines);
        if ((p->kind != PK::Source && p->kind != PK::Static) || m_names.count(p->id))
            return;
        std::string name;
        auto var = m_in.sourceVariables().find(p->id);
        if (joined && var != m_in.sourceVariables().end()) {
            name = var->second;
            for (const char* suffix : {"Stream", "Static", "Reader", "DF", "Df", "_df", "_stream"}) {
                const std::string sfx = suffix;
                if (name.size() > sfx.size() + 1 && name.ends_with(sfx)) {
                    name = name.substr(0, name.size() - sfx.size());
                    break;
                }
            }
            if (!identifierLike(name))
                name.clear();
        }
        if (name.empty() && p->format == "kafka" && p->options.count("subscribe") && identifierLike(p->options.at("subscribe")))
            name = p->options.at("subscribe");
        if (name.empty() && p->hasPath) {
            std::string path = p->path;
            while (!path.empty() && (path.back() == '/' || path.back() == '\\'))
                path.pop_back();
            std::string last = path.substr(path.find_last_of("/\\" + std::string(1, kUnknownPiece)) + 1);
            if (const auto dot = last.find('.'); dot != std::string::npos && dot > 0)
                last = last.substr(0, dot);
            if (identifierLike(last))
                name = last;
        }
        if (name.empty()) {
            auto it = m_in.sourceVariables().find(p->id);
            name = it != m_in.sourceVariables().end() ? it->second : "events";
        }
        std::string unique = name;
        for (int n = 2; std::any_of(m_names.begin(), m_names.end(), [&](const auto& kv) { return kv.second == unique; }); ++n)
            unique = name + "_" + std::to_string(n);
        m_names[p->id] = unique;
        MappedSource s;
        s.name = unique;
        s.plan = findShared(p);
        s.schema = p->schema;
        m_out.sources.push_back(s);
    }

    PlanPtr findShared(const Plan* target) const
    {
        std::function<PlanPtr(const PlanPtr&)> walk = [&](const PlanPtr& p) -> PlanPtr {
            if (!p)
                return nullptr;
            if (p.get() == target)
                return p;
            if (auto c = walk(p->child))
                return c;
            return walk(p->right);
        };
        return walk(m_q.writer.plan);
    }

    std::string sourceName(const Plan* root) const
    {
        auto it = root ? m_names.find(root->id) : m_names.end();
        return it == m_names.end() ? "events" : it->second;
    }

    MappedSource* mappedSource(const Plan* root)
    {
        for (auto& s : m_out.sources)
            if (s.plan.get() == root)
                return &s;
        return nullptr;
    }

    /// The columns a side's steps put out, to tell whether `df.col` needs its qualifier.
    std::vector<std::string> outputColumns(const Stages& st, const Plan* root)
    {
        std::vector<std::string> out;
        const MappedSource* src = mappedSource(root);
        auto sourceColumns = [&] {
            if (src && src->schema)
                for (const auto& f : *src->schema)
                    out.push_back(f.name);
        };
        if (st.selectExpr.empty())
            sourceColumns();
        for (const auto& item : st.selectExpr) {
            auto parsed = parseSelectItem(item);
            if (auto* s = std::get_if<SelectItem>(&parsed)) {
                if (!s->alias.empty())
                    out.push_back(s->alias);
                else if (s->expr && s->expr->kind == Ast::Kind::Column)
                    out.push_back(s->expr->name);
                else if (s->expr && s->expr->kind == Ast::Kind::Star)
                    sourceColumns();
            }
        }
        return out;
    }

    /// Replaces `df.col` placeholders: the bare name, or `source.col` when both join sides
    /// have a column of that name.
    std::string resolve(const std::string& sql) const
    {
        std::string out;
        for (std::size_t i = 0; i < sql.size(); ++i) {
            if (sql[i] != kQualifierOpen) {
                out += sql[i];
                continue;
            }
            const auto close = sql.find(kQualifierClose, i);
            const std::size_t index = std::stoul(sql.substr(i + 1, close - i - 1));
            std::size_t end = close + 1;
            while (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_' || static_cast<unsigned char>(sql[end]) >= 0x80))
                ++end;
            const std::string column = sql.substr(close + 1, end - close - 1);
            const Plan* root = index < m_in.qualifiers().size() ? rootOf(m_in.qualifiers()[index].get()) : nullptr;
            bool ambiguous = false;
            int sides = 0;
            for (const auto& cols : m_sideColumns)
                if (std::any_of(cols.begin(), cols.end(), [&](const std::string& c) { return equalsIgnoreCase(c, column); }))
                    ++sides;
            ambiguous = sides > 1;
            out += ambiguous && root ? sourceName(root) + "." + column : column;
            i = end - 1;
        }
        return out;
    }

    /// `df.alias("i")` lets a condition say `i.adId`; Tidemark qualifies by source name.
    std::string renameQualifiers(std::string sql, const std::vector<std::pair<std::vector<const Plan*>, const Plan*>>& sides) const
    {
        for (const auto& [steps, root] : sides)
            for (const Plan* step : steps) {
                if (step->kind != PK::Alias || step->text.empty() || !root)
                    continue;
                const std::string from = step->text + ".";
                const std::string to = sourceName(root) + ".";
                std::size_t at = 0;
                while ((at = sql.find(from, at)) != std::string::npos) {
                    const bool wordStart = at == 0 || !(std::isalnum(static_cast<unsigned char>(sql[at - 1])) || sql[at - 1] == '_' || sql[at - 1] == '.');
                    if (wordStart) {
                        sql.replace(at, from.size(), to);
                        at += to.size();
                    } else {
                        at += from.size();
                    }
                }
            }
        return sql;
    }

    /// The last join or union among `steps`, if any.
    static std::optional<std::size_t> lastCombine(const std::vector<const Plan*>& steps)
    {
        std::optional<std::size_t> at;
        for (std::size_t i = 0; i < steps.size(); ++i)
            if (steps[i]->kind == PK::Join || steps[i]->kind == PK::Union)
                at = i;
        return at;
    }

    InputSpec inputOf(const Stages& st, const Plan* root) const
    {
        InputSpec in;
        in.source = sourceName(root);
        in.selectExpr = st.selectExpr;
        in.where = st.where;
        in.withWatermark = st.watermark;
        return in;
    }

    /// A join's condition as Tidemark reads it (`df.col` resolved, aliases renamed to the
    /// sources'), or nullopt after reporting why it cannot be read.
    std::optional<std::string> joinCondition(const Plan& combine, const std::vector<std::string>& leftColumns,
                                             const std::vector<std::string>& rightColumns)
    {
        if (!combine.on->problem.empty()) {
            cutAt(combine, "has a condition the import cannot read (" + combine.on->problem + ")");
            return std::nullopt;
        }
        m_sideColumns = {leftColumns, rightColumns};
        const std::string on = renameQualifiers(resolve(combine.on->sql), m_joinedSides);
        auto parsed = parseExpression(on);
        if (auto* f = std::get_if<ParseFailure>(&parsed)) {
            cutAt(combine, "has the condition `" + on + "`, which Tidemark cannot read (at `" + f->token + "` expected " + f->expected + ")");
            return std::nullopt;
        }
        return on;
    }

    /// A join's type, `using` and `on` (JoinSpec, StageJoinSpec); remembers its output columns
    /// for a join after it.
    template <typename Spec>
    bool fillJoin(Spec& j, const Plan& combine, std::vector<std::string> leftColumns, const std::vector<std::string>& rightColumns)
    {
        j.type = combine.how;
        j.usingColumns = combine.usingColumns;
        if (combine.on) {
            auto on = joinCondition(combine, leftColumns, rightColumns);
            if (!on)
                return false;
            j.on = *on;
        }
        m_joinedColumns = std::move(leftColumns);
        m_joinedColumns.insert(m_joinedColumns.end(), rightColumns.begin(), rightColumns.end());
        return true;
    }

    bool mapCombine(const Plan& combine)
    {
        Stages left, right;
        const auto leftSteps = lineage(combine.child.get());
        const auto rightSteps = lineage(combine.right.get());
        if (lastCombine(rightSteps)) {
            cutAt(combine, "combines a DataFrame that is itself a join or union on its right, which is not simulated; write the joins "
                           "left first, `a.join(b, ...).join(c, ...)`");
            return false;
        }
        if (const auto inner = lastCombine(leftSteps)) {
            if (combine.kind == PK::Join && leftSteps[*inner]->kind == PK::Join)
                return mapJoinAfterJoin(combine, leftSteps, *inner, rightSteps);
            cutAt(combine, "combines a DataFrame that is itself a join or union, which is not simulated");
            return false;
        }
        const Plan* leftRoot = leftSteps.empty() ? nullptr : leftSteps.front();
        const Plan* rightRoot = rightSteps.empty() ? nullptr : rightSteps.front();
        for (const Plan* root : {leftRoot, rightRoot})
            if (!root || (root->kind != PK::Source && root->kind != PK::Static)) {
                cutAt(combine, "combines a DataFrame that is itself a join or union, which is not simulated");
                return false;
            }
        const bool leftOk = applySteps(left, leftSteps, 1, false, leftRoot);
        const bool rightOk = applySteps(right, rightSteps, 1, false, rightRoot);
        if (!leftOk || !rightOk) {
            message(combine.place.where, "the " + std::string(combine.kind == PK::Join ? "join" : "union")
                                             + " was imported with the sides as far as they could be read");
        }
        if (combine.kind == PK::Union) {
            m_out.query.unionInputs = {inputOf(left, leftRoot), inputOf(right, rightRoot)};
            return true;
        }
        JoinSpec j;
        j.left = inputOf(left, leftRoot);
        j.right = inputOf(right, rightRoot);
        m_joinedSides = {{leftSteps, leftRoot}, {rightSteps, rightRoot}};
        if (!fillJoin(j, combine, outputColumns(left, leftRoot), outputColumns(right, rightRoot)))
            return false;
        m_out.query.join = j;
        return true;
    }

    /// `a.join(b, ...)[.select(...).where(...)].join(c, ...)`: the inner join is the query's
    /// (or, deeper, the stage before), this one a join in `then` whose left input is its output.
    bool mapJoinAfterJoin(const Plan& combine, const std::vector<const Plan*>& leftSteps, std::size_t inner, const std::vector<const Plan*>& rightSteps)
    {
        if (!mapCombine(*leftSteps[inner]))
            return false;
        Stages between, right;
        if (!applySteps(between, leftSteps, inner + 1, false, nullptr))
            return false;
        if (between.watermark || between.dedup || between.dedupWithinWatermark || between.groupBy || between.agg) {
            cutAt(combine, "follows a stateful step or withWatermark after the join before it, which the import does not read");
            return false;
        }
        const Plan* rightRoot = rightSteps.empty() ? nullptr : rightSteps.front();
        if (!rightRoot || (rightRoot->kind != PK::Source && rightRoot->kind != PK::Static)) {
            cutAt(combine, "joins a DataFrame that does not start at a source, which is not simulated");
            return false;
        }
        if (!applySteps(right, rightSteps, 1, false, rightRoot))
            message(combine.place.where, "the join was imported with its right side as far as it could be read");
        ChainStageSpec stage;
        stage.selectExpr = between.selectExpr;
        stage.where = between.where;
        StageJoinSpec j;
        j.right = inputOf(right, rightRoot);
        m_joinedSides.push_back({rightSteps, rightRoot});
        if (!fillJoin(j, combine, between.selectExpr.empty() ? m_joinedColumns : outputColumns(between, nullptr), outputColumns(right, rightRoot)))
            return false;
        stage.join = std::move(j);
        m_out.query.then.push_back(std::move(stage));
        return true;
    }

    /// Applies steps[from..] to `st`; false when a step could not be mapped (reported).
    bool applySteps(Stages& st, const std::vector<const Plan*>& steps, std::size_t from, bool stateful, const Plan* root)
    {
        for (std::size_t i = from; i < steps.size(); ++i) {
            const Plan& s = *steps[i];
            if (s.kind == PK::Join || s.kind == PK::Union)
                return true; // handled by the caller
            if (!applyStep(st, s, stateful, root, i == from))
                return false;
        }
        return true;
    }

    bool applyStep(Stages& st, const Plan& s, bool stateful, const Plan* root, bool first)
    {
        switch (s.kind) {
        case PK::Alias:
            return true;
        case PK::Unsupported:
            cutAt(s, s.text);
            return false;
        case PK::Select:
            return applySelect(st, s, root, first);
        case PK::Where: {
            const ColumnExpr& c = s.columns.empty() ? ColumnExpr{} : s.columns[0];
            if (!c.problem.empty() || c.sql.empty()) {
                cutAt(s, c.problem.empty() ? "has a condition the import cannot read" : "cannot be read: " + c.problem);
                return false;
            }
            m_sideColumns.clear();
            const std::string cond = resolve(c.sql);
            auto parsed = parseExpression(cond);
            if (auto* f = std::get_if<ParseFailure>(&parsed)) {
                cutAt(s, "has the condition `" + cond + "`, which Tidemark cannot read (at `" + f->token + "` expected " + f->expected + ")");
                return false;
            }
            if (st.stage >= 3) {
                cutAt(s, "filters after a stateful step, which is not simulated");
                return false;
            }
            if (st.stage == 2 && st.watermark) {
                // Spark's optimizer (PushPredicateThroughNonJoin) pushes a deterministic filter
                // below EventTimeWatermark unless it reads the event-time column; only then is
                // the order the same as Tidemark's where-before-watermark.
                std::vector<std::string> cols;
                collectAstColumns(*std::get<AstPtr>(parsed), cols);
                if (std::any_of(cols.begin(), cols.end(), [&](const std::string& c2) { return equalsIgnoreCase(c2, st.watermark->column); })) {
                    cutAt(s, "filters on the event-time column after `.withWatermark(...)`; Spark keeps that filter above the watermark, "
                             "so the rows it removes still move the watermark, which Tidemark does not simulate");
                    return false;
                }
            }
            st.where = st.where ? "(" + *st.where + ") AND (" + cond + ")" : cond;
            st.stage = std::max(st.stage, 1);
            return true;
        }
        case PK::Watermark:
            if (st.watermark || st.stage > 2) {
                cutAt(s, st.watermark ? "sets a second watermark, which is not simulated" : "comes after a stateful step, which is not simulated");
                return false;
            }
            st.watermark = WatermarkSpec{s.column, s.delay};
            st.stage = 2;
            return true;
        case PK::Dedup:
        case PK::DedupWithinWatermark: {
            if (!stateful) {
                cutAt(s, "on one side of a join is not simulated");
                return false;
            }
            auto& target = s.kind == PK::Dedup ? st.dedup : st.dedupWithinWatermark;
            if (target || st.stage > 3) {
                cutAt(s, "comes after another stateful step, which is not simulated");
                return false;
            }
            target = s.keys;
            st.stage = 3;
            return true;
        }
        case PK::Aggregate:
            return applyAggregate(st, s, stateful);
        default:
            cutAt(s, "is not simulated");
            return false;
        }
    }

    bool applySelect(Stages& st, const Plan& s, const Plan* root, bool first)
    {
        // select(from_json(col("value").cast("string"), schema).alias("x")): Tidemark's Kafka
        // source already parses each message as JSON into the schema's columns.
        if (s.columns.size() == 1 && s.columns[0].kind == ColumnExpr::Kind::FromJson) {
            const ColumnExpr& c = s.columns[0];
            if (!c.problem.empty()) {
                cutAt(s, "cannot be read: " + c.problem);
                return false;
            }
            MappedSource* src = mappedSource(root);
            if (!first || !src) {
                cutAt(s, "parses JSON after other steps, which is not simulated");
                return false;
            }
            src->schema = c.jsonSchema;
            st.jsonAlias = c.alias.empty() ? "from_json" : c.alias;
            message(s.place.where, "`from_json(...)` is read as the source's schema: each message is one JSON row", ImportMessage::Level::Note);
            return true;
        }
        if (!st.selected && st.stage > 0 && st.stage <= 2 && commutes(st, s))
            ; // only picks columns that the filter and the watermark keep: the order does not matter
        else if (st.selected || st.stage > 0) {
            cutAt(s, st.selected ? "is a second projection; Tidemark runs one selectExpr, so it is not simulated"
                                 : "projects after a filter or a stateful step, which is not simulated (select the columns first)");
            return false;
        }
        std::vector<ColumnExpr> columns = s.columns;
        if (s.text == "withColumn" && columns.size() == 2) {
            // withColumn replaces a column of that name in place, or else appends one.
            const std::vector<std::string> existing = outputColumns(st, root);
            const auto same = std::find_if(existing.begin(), existing.end(), [&](const std::string& c) { return equalsIgnoreCase(c, columns[1].alias); });
            if (same != existing.end()) {
                std::vector<ColumnExpr> replaced;
                for (const auto& name : existing) {
                    ColumnExpr c;
                    c.sql = equalsIgnoreCase(name, columns[1].alias) ? columns[1].sql : name;
                    c.problem = equalsIgnoreCase(name, columns[1].alias) ? columns[1].problem : "";
                    replaced.push_back(c);
                }
                columns = replaced;
            }
        }
        std::vector<std::string> items;
        for (const auto& c : columns) {
            if (!c.problem.empty()) {
                cutAt(s, "cannot be read: " + c.problem);
                return false;
            }
            if (c.kind != ColumnExpr::Kind::Plain && c.kind != ColumnExpr::Kind::Star) {
                cutAt(s, "selects `" + c.sql + "`, which is simulated only in groupBy or agg");
                return false;
            }
            m_sideColumns.clear();
            std::string text = resolve(c.sql);
            if (!st.jsonAlias.empty()) {
                if (text == st.jsonAlias + ".*")
                    text = "*";
                auto parsed = parseSelectItem(text);
                if (auto* item = std::get_if<SelectItem>(&parsed); item && item->expr && item->expr->kind == Ast::Kind::Column
                                                                  && equalsIgnoreCase(item->expr->qualifier, st.jsonAlias)) {
                    const std::string& name = item->expr->name;
                    text = item->alias.empty() || item->alias == name ? name : name + " AS " + item->alias;
                }
            }
            auto parsed = parseSelectItem(text);
            if (auto* f = std::get_if<ParseFailure>(&parsed)) {
                cutAt(s, "selects `" + text + "`, which Tidemark cannot read (at `" + f->token + "` expected " + f->expected + ")");
                return false;
            }
            items.push_back(text);
        }
        if (!(items.size() == 1 && items[0] == "*"))
            st.selectExpr = items;
        st.selected = true;
        return true;
    }

    /// True when `select` only names columns, and keeps every column the filter reads and the
    /// watermark's column: then it commutes with both (a projection of columns changes neither
    /// which rows pass nor the event times the watermark sees).
    bool commutes(const Stages& st, const Plan& select)
    {
        std::vector<std::string> kept;
        for (const auto& c : select.columns) {
            if (c.kind == ColumnExpr::Kind::Star)
                return true;
            if (!c.problem.empty() || c.kind != ColumnExpr::Kind::Plain || c.columnName.empty() || !c.alias.empty())
                return false;
            kept.push_back(c.columnName);
        }
        auto keeps = [&](const std::string& name) {
            return std::any_of(kept.begin(), kept.end(), [&](const std::string& k) { return equalsIgnoreCase(k, name); });
        };
        if (st.watermark && !keeps(st.watermark->column))
            return false;
        if (st.where) {
            auto parsed = parseExpression(*st.where);
            if (!std::holds_alternative<AstPtr>(parsed))
                return false;
            std::vector<std::string> read;
            collectAstColumns(*std::get<AstPtr>(parsed), read);
            if (!std::all_of(read.begin(), read.end(), keeps))
                return false;
        }
        return true;
    }

    bool applyAggregate(Stages& st, const Plan& s, bool stateful)
    {
        if (!stateful) {
            cutAt(s, "aggregates one side of a join, which is not simulated");
            return false;
        }
        if (st.agg) {
            cutAt(s, "aggregates an aggregation, which is not simulated");
            return false;
        }
        std::vector<GroupItem> groups;
        for (const auto& g : s.groups) {
            if (!g.problem.empty()) {
                message(g.place.where, "`.groupBy(...)` cannot be read: " + g.problem + "; the query up to it was imported");
                return false;
            }
            GroupItem item;
            if (g.kind == ColumnExpr::Kind::Window) {
                item.kind = GroupItem::Kind::Window;
                item.window = g.window;
            } else if (g.kind == ColumnExpr::Kind::Session) {
                item.kind = GroupItem::Kind::Session;
                item.session = g.session;
            } else if (!g.columnName.empty() && g.alias.empty()) {
                item.column = g.columnName;
            } else {
                message(g.place.where, "`.groupBy(...)` groups by `" + g.sql
                                           + "`; grouping by an expression is not simulated (compute it in selectExpr first); the query up to it was imported");
                return false;
            }
            groups.push_back(item);
        }
        std::vector<AggSpec> aggs;
        for (const auto& a : s.aggs) {
            if (!a.problem.empty()) {
                cutAt(s, "cannot be read: " + a.problem);
                return false;
            }
            aggs.push_back(a.agg);
        }
        st.groupBy = groups;
        st.agg = aggs;
        st.stage = 4;
        return true;
    }

    void mapWriter(const WriterState& w)
    {
        for (const auto& p : w.problems)
            m_out.messages.push_back(p);
        QuerySpec& q = m_out.query;
        if (w.outputMode) {
            if (*w.outputMode == "append" || *w.outputMode == "update" || *w.outputMode == "complete")
                q.outputMode = *w.outputMode;
            else
                message(w.place.where, "`.outputMode(\"" + *w.outputMode + "\")` is not an output mode; append (Spark's default) is used");
        }
        q.trigger.processingTime = w.processingTime;
        q.trigger.once = w.once;
        q.trigger.availableNow = w.availableNow;
        if (w.truncate)
            q.sinkOptions.truncate = *w.truncate;
        if (w.numRows)
            q.sinkOptions.numRows = *w.numRows;
    }

    const StartedQuery& m_q;
    const Interpreter& m_in;
    MappedQuery m_out;
    std::map<int, std::string> m_names;
    std::vector<std::vector<std::string>> m_sideColumns;
    /// The sides of the joins mapped so far (their aliases name columns in a later condition),
    /// and the columns the last join puts out.
    std::vector<std::pair<std::vector<const Plan*>, const Plan*>> m_joinedSides;
    std::vector<std::string> m_joinedColumns;
};

} // namespace

MappedQuery mapQuery(const StartedQuery& started, const Interpreter& interpreter) { return Mapper(started, interpreter).run(); }

} // namespace tidemark::pyspark
