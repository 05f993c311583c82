// SPDX-License-Identifier: GPL-3.0-or-later
// The bridge's worker reading a socket or directory source (LiveInput) instead of a topic: the
// same updates to the UI thread, at most every interval, and the session's batches handed back
// so a directory source can pace maxFilesPerTrigger.
#include "ui/kafka/KafkaBridge.h"

#include <chrono>

namespace tidemark::kafka {

KafkaWorker::KafkaWorker(LiveInputFactory factory, MessageParser parser, Clock clock, int intervalMs, std::shared_ptr<std::atomic<bool>> stop,
                         std::shared_ptr<std::atomic<std::int64_t>> dataBatches)
    : m_inputFactory(std::move(factory))
    , m_dataBatches(std::move(dataBatches))
    , m_parser(std::move(parser))
    , m_clock(std::move(clock))
    , m_intervalMs(intervalMs)
    , m_stop(std::move(stop))
{
}

void KafkaWorker::runInput()
{
    using SteadyClock = std::chrono::steady_clock;
    {
        const std::unique_ptr<LiveInput> input = m_inputFactory(m_parser, m_clock);
        auto pending = std::make_shared<KafkaUpdate>(); // handed over whole, never copied
        std::int64_t batchesSeen = 0;
        std::int64_t lastFaults = -1;
        std::string lastStatus;
        auto lastSent = SteadyClock::now() - std::chrono::hours(1);
        while (!m_stop->load()) {
            for (const std::int64_t ran = m_dataBatches->load(); batchesSeen < ran; ++batchesSeen)
                input->dataBatchRan();
            Delivery d = input->poll(std::chrono::milliseconds(10));
            pending->batch.upTo = d.upTo;
            for (auto& m : d.messages)
                pending->batch.messages.push_back(std::move(m));
            for (auto& bad : input->takeNewMalformed())
                pending->newMalformed.push_back(std::move(bad));
            const auto now = SteadyClock::now();
            const SourceStats& st = input->stats();
            const bool changed = st.status != lastStatus || st.faultCount != lastFaults || !pending->batch.messages.empty();
            // Idle: the horizon still moves (triggers fire on time), a few times a second.
            if (now - lastSent < std::chrono::milliseconds(changed ? m_intervalMs : std::max(m_intervalMs, 100)))
                continue;
            pending->stats = st;
            pending->startTime = input->startTime();
            lastStatus = st.status;
            lastFaults = st.faultCount;
            emit update(pending);
            pending = std::make_shared<KafkaUpdate>();
            lastSent = now;
        }
        input->close();
        pending->stats = input->stats();
        pending->startTime = input->startTime();
        emit update(pending);
    }
    emit finished();
}

} // namespace tidemark::kafka
