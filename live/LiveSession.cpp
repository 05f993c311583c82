// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveSession.h"

#include "live/LiveScenario.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"

#include <algorithm>

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

std::vector<BatchRecord> LiveSession::feed(const Delivery& delivery)
{
    // Before anything is appended, so that the batches the last call returned keep their
    // event indices until this call.
    if (m_historyLimit > 0)
        forgetOldEvents();
    if (!delivery.messages.empty()) {
        appendDelivery(*m_scenario, m_source, delivery);
        m_simulation->notifyEventsAppended();
    }
    m_simulation->advanceTo(delivery.upTo);
    std::vector<BatchRecord> ran;
    while (auto batch = m_simulation->next()) {
        ran.push_back(std::move(*batch));
        ++m_batches;
        if (m_historyLimit > 0)
            m_doneAfterBatch.push_back(m_simulation->forgettableEvents(m_source));
    }
    return ran;
}

void LiveSession::forgetOldEvents()
{
    while (m_doneAfterBatch.size() > m_historyLimit + 1)
        m_doneAfterBatch.pop_front();
    if (m_doneAfterBatch.size() <= m_historyLimit)
        return;
    // What the batch before the newest `limit` had finished with; in chunks, since erasing the
    // front of the events moves all the others.
    const std::size_t done = m_doneAfterBatch.front();
    auto& events = m_scenario->sources[m_source].events;
    if (done == 0 || done < std::max<std::size_t>(1024, (events.size() - done) / 2))
        return;
    events.erase(events.begin(), events.begin() + static_cast<std::ptrdiff_t>(done));
    m_simulation->forgetEvents(m_source, done);
    m_simulation->forgetTicks(m_historyLimit);
    m_forgotten += static_cast<std::int64_t>(done);
    for (std::size_t& d : m_doneAfterBatch)
        d -= std::min(d, done);
}

std::string LiveSession::recording() const { return scenarioToJson(*m_scenario); }

Status LiveSession::save(const std::string& path) const { return writeFileAtomically(path, recording()); }

} // namespace tidemark::kafka
