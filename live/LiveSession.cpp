// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveSession.h"

#include "live/LiveRestarts.h"
#include "live/LiveScenario.h"
#include "live/RecordJournal.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>

namespace tidemark::kafka {

LiveSession::LiveSession() = default;
LiveSession::~LiveSession() = default;

Result<std::unique_ptr<LiveSession>> LiveSession::start(Scenario scenario, std::size_t source, const KafkaSettings& settings, Micros startAt,
                                                        std::optional<OutputMode> mode, SimulationOptions options)
{
    prepareLiveScenario(scenario, source, settings, startAt);
    scenario.liveFaults.clear(); // a recording replayed live again starts a history of its own
    return startPrepared(std::move(scenario), source, mode, options);
}

Result<std::unique_ptr<LiveSession>> LiveSession::startPrepared(Scenario scenario, std::size_t source, std::optional<OutputMode> mode,
                                                                SimulationOptions options)
{
    std::unique_ptr<LiveSession> s(new LiveSession);
    s->m_source = source;
    s->m_restartsNotice = takeOutRestarts(scenario);
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
    // Before anything is appended, so that the batches the last call returned keep their
    // event indices until this call.
    if (m_historyLimit > 0)
        forgetOldEvents();
    if (!delivery.messages.empty()) {
        const std::size_t first = m_scenario->sources[m_source].events.size();
        appendDelivery(*m_scenario, m_source, delivery);
        if (m_journal) {
            if (auto appended = m_journal->append(*m_scenario, m_source, first); !appended.ok() && m_journalError.ok())
                m_journalError = appended;
        }
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

Status LiveSession::recordTo(const std::string& recordPath)
{
    auto journal = RecordJournal::create(recordPath);
    if (!journal.ok())
        return journal.error();
    m_journal = std::move(journal.value());
    m_journalError = {};
    return m_journal->append(*m_scenario, m_source, 0); // events the scenario already holds
}

std::string LiveSession::recording() const
{
    if (!m_journal)
        return scenarioToJson(*m_scenario);
    auto text = m_journal->recording(*m_scenario, m_source);
    return text.ok() ? std::move(text.value()) : std::string();
}

Status LiveSession::save(const std::string& path) const
{
    if (!m_journal)
        return writeFileAtomically(path, recording());
    if (!m_journalError.ok())
        return m_journalError; // the journal lacks events: a snapshot would silently miss them
    return m_journal->writeRecording(*m_scenario, m_source, path);
}

void LiveSession::addFault(const SourceFault& fault)
{
    m_scenario->liveFaults.push_back(toRecordedFault(fault, m_scenario->sources[m_source].name));
}

Status LiveSession::checkRecordPath(const std::string& path)
{
    if (path.empty())
        return Error::file(path, "cannot record: no file name");
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        return Error::file(path, "cannot record: it is a directory");
    // Exactly what save() will do first: create a file in the same directory.
    const std::string probe = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error::file(path, std::string("cannot record: ") + std::strerror(errno));
    ::close(fd);
    ::unlink(probe.c_str());
    return {};
}

namespace {

constexpr std::array<std::pair<SourceFault::Kind, const char*>, 7> kFaultKindIds{{
    {SourceFault::Kind::BrokerLost, "brokerLost"},
    {SourceFault::Kind::BrokerBack, "brokerBack"},
    {SourceFault::Kind::DataLoss, "dataLoss"},
    {SourceFault::Kind::OffsetsMissed, "offsetsMissed"},
    {SourceFault::Kind::MessageRefused, "messageRefused"},
    {SourceFault::Kind::GroupRejoined, "groupRejoined"},
    {SourceFault::Kind::InputClosed, "inputClosed"},
}};

} // namespace

const char* sourceFaultKindId(SourceFault::Kind kind)
{
    for (const auto& [k, id] : kFaultKindIds)
        if (k == kind)
            return id;
    return "unknown";
}

RecordedFault toRecordedFault(const SourceFault& fault, const std::string& source)
{
    RecordedFault r;
    r.at = fault.at;
    r.source = source;
    r.kind = sourceFaultKindId(fault.kind);
    r.partition = fault.partition;
    r.fromOffset = fault.fromOffset;
    r.toOffset = fault.toOffset;
    r.text = fault.text;
    return r;
}

std::optional<SourceFault> fromRecordedFault(const RecordedFault& r)
{
    for (const auto& [kind, id] : kFaultKindIds)
        if (r.kind == id) {
            SourceFault f;
            f.at = r.at;
            f.kind = kind;
            f.partition = r.partition;
            f.fromOffset = r.fromOffset;
            f.toOffset = r.toOffset;
            f.text = r.text;
            return f;
        }
    return std::nullopt; // a kind this version does not know
}

} // namespace tidemark::kafka
