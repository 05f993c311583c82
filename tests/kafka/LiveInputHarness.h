// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support for the socket and directory sources: a clock the test moves by hand, and a
// LiveInput feeding a LiveSession step by step, as `tidemark run --socket/--directory` does.

#include "LiveHarness.h"

#include "live/LiveInput.h"
#include "live/LiveInputScenario.h"

#include <memory>

namespace tidemark::kafka::test {

/// A live clock that only moves when the test says so.
class ManualClock {
public:
    explicit ManualClock(Micros start) : m_now(std::make_shared<Micros>(start)) {}
    Clock clock() const
    {
        auto now = m_now;
        return [now] { return *now; };
    }
    void set(Micros t) { *m_now = t; }
    void advance(Micros d) { *m_now += d; }
    Micros now() const { return *m_now; }

private:
    std::shared_ptr<Micros> m_now;
};

/// A LiveInput feeding a LiveSession.
class LiveInputRun {
public:
    /// Polls once (the source connects or lists), then starts the session at the source's start
    /// time. False (with `error`) if the scenario does not load or the query is rejected.
    bool start(const std::string& scenarioText, std::unique_ptr<LiveInput> in, const std::optional<Schema>& schema = std::nullopt)
    {
        input = std::move(in);
        auto loaded = loadScenarioText(scenarioText);
        if (!loaded.ok()) {
            error = loaded.error().describe();
            return false;
        }
        auto idx = liveSourceIndex(*loaded);
        if (!idx.ok()) {
            error = idx.error().describe();
            return false;
        }
        const Delivery first = input->poll(std::chrono::milliseconds(0));
        if (!input->startTime()) {
            error = "the source did not start: " + input->stats().status;
            return false;
        }
        prepareLiveInputScenario(*loaded, *idx, *input->startTime(), schema);
        SimulationOptions o;
        o.recordFates = false;
        o.recordStateChanges = false;
        auto started = LiveSession::startPrepared(std::move(loaded.value()), *idx, std::nullopt, o);
        if (!started.ok()) {
            error = started.error().describe();
            return false;
        }
        session = std::move(started.value());
        feed(first);
        return true;
    }

    void feed(const Delivery& d)
    {
        std::vector<BatchRecord> ran = session->feed(d);
        reportDataBatches(*input, ran);
        for (auto& b : ran) {
            lines.push_back(batchJsonLine(b, session->plan(), session->scenario()));
            batches.push_back(std::move(b));
        }
    }

    void step(std::chrono::milliseconds budget = std::chrono::milliseconds(5)) { feed(input->poll(budget)); }

    /// Steps until `done` holds or `timeout` passes; returns whether it held.
    bool runUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000))
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!done()) {
            if (std::chrono::steady_clock::now() >= deadline)
                return false;
            step();
        }
        return true;
    }

    const Scenario& scenario() const { return session->scenario(); }
    const std::vector<SourceEvent>& events() const { return scenario().sources[session->source()].events; }
    const SourceStats& stats() const { return input->stats(); }

    std::unique_ptr<LiveInput> input;
    std::unique_ptr<LiveSession> session;
    std::vector<BatchRecord> batches;
    std::vector<std::string> lines;
    std::string error;
};

inline std::string cellText(const Value& v)
{
    if (v.isNull())
        return "null";
    if (v.isString())
        return v.asString();
    if (v.isInt())
        return std::to_string(v.asInt());
    return "?";
}

/// A batch's sink rows as text, "word=hello count=2", for comparisons that read well.
inline std::vector<std::string> sinkText(const BatchRecord& batch, const QueryPlan& plan)
{
    std::vector<std::string> out;
    for (const Row& r : batch.sinkRows) {
        std::string line;
        for (std::size_t i = 0; i < r.size() && i < plan.output.size(); ++i)
            line += (i ? " " : "") + plan.output[i].name + "=" + cellText(r[i]);
        out.push_back(line);
    }
    return out;
}

} // namespace tidemark::kafka::test
