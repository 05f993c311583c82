// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/LiveScenario.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tidemark::kafka {

Result<std::size_t> liveSourceIndex(const Scenario& scenario, const std::string& name)
{
    if (!name.empty()) {
        for (std::size_t i = 0; i < scenario.sources.size(); ++i)
            if (scenario.sources[i].name == name) {
                if (scenario.sources[i].isStatic)
                    return Error::file("sources." + name, "a static source cannot read a Kafka topic");
                return i;
            }
        return Error::file("sources", "no source named \"" + name + "\"");
    }
    for (std::size_t i = 0; i < scenario.sources.size(); ++i)
        if (!scenario.sources[i].isStatic && scenario.sources[i].format == SourceFormat::Kafka)
            return i;
    for (std::size_t i = 0; i < scenario.sources.size(); ++i)
        if (!scenario.sources[i].isStatic)
            return i;
    return Error::file("sources", "the scenario has no streaming source to read a Kafka topic into");
}

void prepareLiveScenario(Scenario& scenario, std::size_t source, const KafkaSettings& settings, Micros startAt)
{
    SourceSpec& src = scenario.sources[source];
    src.format = SourceFormat::Kafka;
    src.kafka = settings;
    src.events.clear();
    scenario.query.trigger.startAt = startAt;
    scenario.query.trigger.startAtStyle = TimeStyle::DateTime;
    // Once/AvailableNow would stop after the first batches; live input keeps the query running.
    scenario.query.trigger.once = false;
    scenario.query.trigger.availableNow = false;
}

void appendDelivery(Scenario& scenario, std::size_t source, const Delivery& delivery)
{
    auto& events = scenario.sources[source].events;
    events.reserve(events.size() + delivery.messages.size());
    for (const LiveMessage& m : delivery.messages) {
        SourceEvent e;
        e.at = m.at;
        e.atStyle = TimeStyle::DateTime;
        e.row = m.row;
        e.rowTimeStyle = m.timeStyle;
        e.partition = m.partition;
        e.offset = m.offset;
        events.push_back(std::move(e));
    }
}

Status writeFileAtomically(const std::string& path, const std::string& text)
{
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error::file(path, std::string("cannot write: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return Error::file(path, "cannot write: " + why);
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const int syncErrno = errno;
    if (::close(fd) != 0 || !synced) {
        const std::string why = std::strerror(synced ? errno : syncErrno);
        ::unlink(tmp.c_str());
        return Error::file(path, "cannot write: " + why);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        return Error::file(path, "cannot replace: " + why);
    }
    return {};
}

} // namespace tidemark::kafka
