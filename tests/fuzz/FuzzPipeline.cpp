// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fuzz/FuzzPipeline.h"

#include "engine/exec/Simulation.h"
#include "engine/expr/BoundExpr.h"
#include "engine/expr/Parser.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/sink/ConsoleFormat.h"
#include "engine/sink/JsonlFormat.h"

#include <cstdint>
#include <limits>
#include <memory>

namespace tidemark::fuzz {

namespace {

void runSomeBatches(const Scenario& scenario, const QueryPlan& plan, int batches)
{
    Simulation simulation(scenario, plan);
    ConsoleOptions console;
    console.truncate = plan.sink.truncate;
    console.numRows = plan.sink.numRows;
    for (int i = 0; i < batches; ++i) {
        auto batch = simulation.next();
        if (!batch)
            break;
        (void)consoleBatch(batch->batchId, plan.output, batch->sinkRows, scenario.zone, plan.version, console);
        (void)batchJsonLine(*batch, plan, scenario);
    }
    (void)simulation.stateRows();
}

Schema expressionSchema()
{
    Schema s;
    s.fields = {
        {"s", DataType(TypeId::String), std::nullopt, "t"},  {"i", DataType(TypeId::Int), std::nullopt, "t"},
        {"l", DataType(TypeId::Long), std::nullopt, "t"},    {"d", DataType(TypeId::Double), std::nullopt, "t"},
        {"b", DataType(TypeId::Boolean), std::nullopt, "t"}, {"ts", DataType(TypeId::Timestamp), 60'000, "t"},
        {"w", DataType(TypeId::Window), std::nullopt, "t"},  {"a", DataType(TypeId::Array, TypeId::String), std::nullopt, "t"},
    };
    return s;
}

/// A typical row, an all-null row and rows at the edges of each type.
std::vector<Row> expressionRows()
{
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t kIntMin = std::numeric_limits<std::int32_t>::min();
    constexpr std::int64_t kIntMax = std::numeric_limits<std::int32_t>::max();
    constexpr Micros kTenMinutes = 10 * kMicrosPerMinute;
    const auto list = [](std::vector<Value> v) { return Value(std::make_shared<const std::vector<Value>>(std::move(v))); };
    return {
        {Value("a,b,,c"), Value(1), Value(std::int64_t{42}), Value(1.5), Value(true), Value(std::int64_t{1'625'238'000'000'000}),
         Value(TimeRange{0, kTenMinutes}), list({Value("x"), Value()})},
        {Value(), Value(), Value(), Value(), Value(), Value(), Value(), Value()},
        {Value(""), Value(kIntMin), Value(kMin), Value(-0.0), Value(false), Value(kMin), Value(TimeRange{-kTenMinutes, 0}), list({})},
        {Value("한글 ☃"), Value(kIntMax), Value(kMax), Value(std::numeric_limits<double>::quiet_NaN()), Value(true), Value(kMax),
         Value(TimeRange{-1, 1}), list({Value("")})},
        {Value("2021-07-03 00:15:00"), Value(-1), Value(std::int64_t{-1}), Value(std::numeric_limits<double>::infinity()),
         Value(false), Value(std::int64_t{-1}), Value(TimeRange{kMax - kTenMinutes, kMax}), list({Value("a"), Value("b")})},
    };
}

void bindAndEvaluate(const Ast& ast, std::string_view text, Outcome& outcome)
{
    static const Schema schema = expressionSchema();
    static const std::vector<Row> rows = expressionRows();
    (void)prettyName(ast);
    for (const SparkVersion version : {SparkVersion{3, 2}, SparkVersion{4, 0}}) {
        auto bound = bindExpression(ast, schema, BindContext{version, TimeZone(), std::string(text)});
        if (!bound.ok()) {
            outcome.errors.push_back(bound.error().describe());
            continue;
        }
        for (const Row& row : rows)
            (void)bound->eval(row);
    }
}

} // namespace

Outcome exerciseScenario(std::string_view bytes, int batchesPerMode)
{
    Outcome outcome;
    auto scenario = loadScenarioText(std::string(bytes));
    if (!scenario.ok()) {
        outcome.errors.push_back(scenario.error().describe());
        return outcome;
    }
    // Save never writes a file that Open refuses.
    const std::string saved = scenarioToJson(*scenario);
    if (auto again = loadScenarioText(saved); !again.ok()) {
        outcome.broken = "the scenario loads, but not once saved: " + again.error().describe() + "\n--- saved:\n" + saved;
        return outcome;
    }
    for (OutputMode mode : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
        auto plan = analyze(*scenario, mode);
        if (!plan.ok()) {
            outcome.errors.push_back(plan.error().describe());
            continue;
        }
        runSomeBatches(*scenario, *plan, batchesPerMode);
    }
    return outcome;
}

Outcome exerciseExpression(std::string_view text)
{
    Outcome outcome;
    if (auto condition = parseExpression(text); auto* ast = std::get_if<AstPtr>(&condition))
        bindAndEvaluate(**ast, text, outcome);
    else
        outcome.errors.push_back("parse error at offset " + std::to_string(std::get<ParseFailure>(condition).pos));
    if (auto item = parseSelectItem(text); auto* select = std::get_if<SelectItem>(&item))
        bindAndEvaluate(*select->expr, text, outcome);
    return outcome;
}

} // namespace tidemark::fuzz
