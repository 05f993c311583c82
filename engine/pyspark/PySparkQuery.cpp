// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pyspark/PySparkQuery.h"

#include "engine/pyspark/PythonText.h"
#include "engine/time/Interval.h"

#include <algorithm>
#include <cctype>

namespace tidemark {

namespace {

/// session_window's gap: a string for an interval, F.expr() for a gap expression (a string
/// there would be cast to an interval, null for every row).
std::string sessionGapArgument(const std::string& gap) { return parseInterval(gap).ok() ? pyString(gap) : "F.expr(" + pyString(gap) + ")"; }

/// `var = (base\n    .call()\n    .call())`: one method call per line, as the course writes queries.
std::string assignChain(const std::string& var, const std::string& base, const std::vector<std::string>& calls)
{
    if (calls.empty())
        return var + " = " + base + "\n";
    const std::string indent(var.size() + 4, ' ');
    std::string out = var + " = (" + base;
    for (const std::string& c : calls)
        out += "\n" + indent + "." + c;
    return out + ")\n";
}

std::string argList(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + pyString(i);
    return out;
}

std::string listLiteral(const std::vector<std::string>& items) { return "[" + argList(items) + "]"; }

std::string windowCall(const WindowSpecText& w)
{
    std::string call = "F.window(" + pyColumn(w.column) + ", " + pyString(w.duration);
    if (w.slide || w.startTime)
        call += ", " + pyString(w.slide ? *w.slide : w.duration);
    if (w.startTime)
        call += ", " + pyString(*w.startTime);
    return call + ")";
}

/// The calls of one input: selectExpr, where, withWatermark, then a join side's window.
std::vector<std::string> inputCalls(const InputSpec& in, const InputPlan* plan)
{
    std::vector<std::string> calls;
    if (!in.selectExpr.empty())
        calls.push_back("selectExpr(" + argList(in.selectExpr) + ")");
    if (in.where)
        calls.push_back("where(" + pyString(*in.where) + ")");
    if (in.withWatermark)
        calls.push_back("withWatermark(" + pyColumn(in.withWatermark->column) + ", " + pyString(in.withWatermark->delay) + ")");
    if (in.window && plan && !plan->steps.empty()) {
        // The analysed step replaces the time column in place by its window (Analyzer::sideWindow).
        const Step& step = plan->steps.back();
        std::vector<std::string> columns;
        for (size_t c = 0; c < step.exprs.size() && c < step.output.size(); ++c) {
            if (step.exprs[c].op == BoundExpr::Op::TumblingWindow)
                columns.push_back(windowCall(*in.window) + ".alias(" + pyString(in.windowAs) + ")");
            else
                columns.push_back(pyColumn(step.output[c].name));
        }
        std::string joined;
        for (const auto& c : columns)
            joined += (joined.empty() ? "" : ", ") + c;
        calls.push_back("select(" + joined + ")");
    }
    return calls;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string aggCall(const AggSpec& a)
{
    std::string call = "F." + lower(a.fn) + "(" + (a.column ? pyColumn(*a.column) : std::string("\"*\"")) + ")";
    // count(*) is named "count" only through .count(); with agg() Spark would call it count(1).
    if (a.as)
        call += ".alias(" + pyString(*a.as) + ")";
    else if (!a.column)
        call += ".alias(\"count\")";
    return call;
}

} // namespace

std::string pyColumn(const std::string& name)
{
    const bool plain = std::all_of(name.begin(), name.end(), [](char c) { return c != '.' && c != '`'; });
    if (plain)
        return pyString(name);
    std::string quoted = "`";
    for (char c : name)
        quoted += c == '`' ? std::string("``") : std::string(1, c);
    return pyString(quoted + "`");
}

std::string pysparkTriggerCall(const TriggerSpec& trigger)
{
    if (trigger.once)
        return "trigger(once=True)";
    if (trigger.availableNow)
        return "trigger(availableNow=True)";
    if (trigger.processingTime)
        return "trigger(processingTime=" + pyString(*trigger.processingTime) + ")";
    return {};
}

std::string pysparkQueryCode(const Scenario& scenario, const QueryPlan& plan, const std::vector<std::string>& sourceVars)
{
    const QuerySpec& q = scenario.query;
    std::string out;
    const auto sourceIndex = [&](const std::string& name) {
        for (size_t i = 0; i < scenario.sources.size(); ++i)
            if (scenario.sources[i].name == name)
                return i;
        return size_t{0};
    };
    // Every source the query reads, once, in the order the query names them.
    std::vector<size_t> read;
    const auto readSource = [&](const std::string& name) {
        const size_t i = sourceIndex(name);
        if (std::find(read.begin(), read.end(), i) != read.end())
            return;
        read.push_back(i);
        const SourceSpec& s = scenario.sources[i];
        out += sourceVars[i] + " = " + (s.isStatic ? "read_static(" : "read_stream(") + pyString(s.name) + ")\n";
    };
    if (q.join) {
        for (const InputSpec* in : q.joinInputs())
            readSource(in->source);
    } else if (!q.unionInputs.empty()) {
        for (const auto& in : q.unionInputs)
            readSource(in.source);
    } else if (q.source) {
        readSource(*q.source);
    }

    std::string base;
    if (q.join) {
        const JoinSpec& j = *q.join;
        const auto side = [&](const std::string& var, const InputSpec& in, const InputPlan* p) {
            std::vector<std::string> calls = inputCalls(in, p);
            // The alias lets the join condition name a side's columns as `source.column`.
            calls.push_back("alias(" + pyString(in.source) + ")");
            out += assignChain(var, sourceVars[sourceIndex(in.source)], calls);
        };
        side("left", j.left, plan.inputs.size() > 0 ? &plan.inputs[0] : nullptr);
        side("right", j.right, plan.inputs.size() > 1 ? &plan.inputs[1] : nullptr);
        const std::string on = j.on ? "F.expr(" + pyString(*j.on) + ")" : listLiteral(j.usingColumns);
        base = "left.join(right, " + on + ", " + pyString(j.type) + ")";
        // The right sides of the joins in `then`, in order: right2, right3, ...
        std::size_t k = 0;
        for (const ChainStageSpec& stage : q.then)
            if (stage.join) {
                const std::size_t input = 2 + k++;
                side("right" + std::to_string(input), stage.join->right, plan.inputs.size() > input ? &plan.inputs[input] : nullptr);
            }
    } else if (!q.unionInputs.empty()) {
        std::string unioned;
        for (size_t i = 0; i < q.unionInputs.size(); ++i) {
            const std::string var = "input" + std::to_string(i + 1);
            out += assignChain(var, sourceVars[sourceIndex(q.unionInputs[i].source)],
                               inputCalls(q.unionInputs[i], i < plan.inputs.size() ? &plan.inputs[i] : nullptr));
            unioned = unioned.empty() ? var : unioned + ".union(" + var + ")";
        }
        base = unioned;
    } else if (q.source) {
        base = sourceVars[sourceIndex(*q.source)];
    }

    std::vector<std::string> calls;
    if (!q.selectExpr.empty())
        calls.push_back("selectExpr(" + argList(q.selectExpr) + ")");
    if (q.where)
        calls.push_back("where(" + pyString(*q.where) + ")");
    if (q.withWatermark)
        calls.push_back("withWatermark(" + pyColumn(q.withWatermark->column) + ", " + pyString(q.withWatermark->delay) + ")");
    // dropDuplicates / groupBy().agg() of the query, then of each `then` stage in order.
    auto statefulCalls = [&](const std::optional<std::vector<std::string>>& dropDuplicates,
                             const std::optional<std::vector<std::string>>& dropDuplicatesWithinWatermark,
                             const std::optional<std::vector<GroupItem>>& groupBy, const std::optional<std::vector<AggSpec>>& agg) {
        if (dropDuplicates)
            calls.push_back(dropDuplicates->empty() ? "dropDuplicates()" : "dropDuplicates(" + listLiteral(*dropDuplicates) + ")");
        if (dropDuplicatesWithinWatermark)
            calls.push_back(dropDuplicatesWithinWatermark->empty() ? "dropDuplicatesWithinWatermark()"
                                                                   : "dropDuplicatesWithinWatermark(" + listLiteral(*dropDuplicatesWithinWatermark) + ")");
        if (groupBy || agg) {
            std::string keys;
            for (const GroupItem& g : groupBy ? *groupBy : std::vector<GroupItem>{}) {
                std::string k = g.kind == GroupItem::Kind::Window    ? windowCall(g.window)
                                : g.kind == GroupItem::Kind::Session ? "F.session_window(" + pyColumn(g.session.column) + ", " + sessionGapArgument(g.session.gap) + ")"
                                                                     : pyColumn(g.column);
                keys += (keys.empty() ? "" : ", ") + k;
            }
            calls.push_back("groupBy(" + keys + ")");
            if (agg && !agg->empty()) {
                std::string aggs;
                for (const AggSpec& a : *agg)
                    aggs += (aggs.empty() ? "" : ", ") + aggCall(a);
                calls.push_back("agg(" + aggs + ")");
            } else {
                calls.push_back("count()");
            }
        }
    };
    statefulCalls(q.dropDuplicates, q.dropDuplicatesWithinWatermark, q.groupBy, q.agg);
    std::size_t joins = 0;
    for (const ChainStageSpec& stage : q.then) {
        if (!stage.selectExpr.empty())
            calls.push_back("selectExpr(" + argList(stage.selectExpr) + ")");
        if (stage.where)
            calls.push_back("where(" + pyString(*stage.where) + ")");
        statefulCalls(stage.dropDuplicates, stage.dropDuplicatesWithinWatermark, stage.groupBy, stage.agg);
        if (stage.join) {
            const std::string on = stage.join->on ? "F.expr(" + pyString(*stage.join->on) + ")" : listLiteral(stage.join->usingColumns);
            calls.push_back("join(right" + std::to_string(2 + joins++) + ", " + on + ", " + pyString(stage.join->type) + ")");
        }
    }
    out += assignChain("result", base, calls);
    return out;
}

} // namespace tidemark
