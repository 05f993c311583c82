// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveSession.h"

#include "live/LiveScenario.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"

namespace tidemark::kafka {

Result<std::unique_ptr<LiveSession>> LiveSession::start(Scenario scenario, std::size_t source, const KafkaSettings& settings, Micros startAt,
                                                        std::optional<OutputMode> mode, SimulationOptions options)
{
    std::unique_ptr<LiveSession> s(new LiveSession);
    s->m_source = source;
    s->m_scenario = std::make_unique<Scenario>(std::move(scenario));
    prepareLiveScenario(*s->m_scenario, source, settings, startAt);
    auto plan = analyze(*s->m_scenario, mode);
    if (!plan.ok())
        return plan.error();
    s->m_plan = std::make_unique<QueryPlan>(std::move(plan.value()));
    options.live = true;
    s->m_simulation = std::make_unique<Simulation>(*s->m_scenario, *s->m_plan, options);
    return s;
}

Result<std::unique_ptr<LiveSession>> LiveSession::startPrepared(Scenario scenario, std::size_t source, std::optional<OutputMode> mode,
                                                                SimulationOptions options)
{
    std::unique_ptr<LiveSession> s(new LiveSession);
    s->m_source = source;
    s->m_scenario = std::make_unique<Scenario>(std::move(scenario));
    auto plan = analyze(*s->m_scenario, mode);
    if (!plan.ok())
        return plan.error();
    s->m_plan = std::make_unique<QueryPlan>(std::move(plan.value()));
    options.live = true;
    s->m_simulation = std::make_unique<Simulation>(*s->m_scenario, *s->m_plan, options);
    return s;
}

std::vector<BatchRecord> LiveSession::feed(const Delivery& delivery)
{
    if (!delivery.messages.empty()) {
        appendDelivery(*m_scenario, m_source, delivery);
        m_simulation->notifyEventsAppended();
    }
    m_simulation->advanceTo(delivery.upTo);
    std::vector<BatchRecord> ran;
    while (auto batch = m_simulation->next()) {
        ran.push_back(std::move(*batch));
        ++m_batches;
    }
    return ran;
}

std::string LiveSession::recording() const { return scenarioToJson(*m_scenario); }

Status LiveSession::save(const std::string& path) const { return writeFileAtomically(path, recording()); }

} // namespace tidemark::kafka
