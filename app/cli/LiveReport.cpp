// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/LiveReport.h"

#include "live/PrintableText.h"

#include <ostream>

namespace tidemark::cli {

namespace {

/// Status lines and fault texts can carry broker and message text: escaped, room for a long line.
std::string safe(const std::string& text) { return kafka::printableText(text, 1000); }

std::string offsets(std::int64_t from, std::int64_t to)
{
    if (from < 0)
        return {};
    if (to < 0 || to <= from + 1)
        return "offset " + std::to_string(from);
    return "offsets " + std::to_string(from) + ".." + std::to_string(to - 1);
}

} // namespace

LiveReport::LiveReport(std::ostream& err, std::int64_t listLimit)
    : m_err(err)
    , m_listLimit(listLimit)
{
}

std::vector<kafka::SourceFault> LiveReport::update(kafka::KafkaSource& source)
{
    const auto& s = source.stats();
    if (s.brokerAnswered || s.state == kafka::SourceState::Connected || s.received > 0)
        m_brokerAnswered = true;
    if (!s.hint.empty())
        m_hintSeen = s.hint;
    if (s.status != m_lastStatus) {
        m_lastStatus = s.status;
        m_err << "[kafka] " << safe(s.status) << '\n';
        if (!s.hint.empty() && s.hint != m_lastHint)
            m_err << "[kafka] hint: " << safe(s.hint) << '\n';
        m_lastHint = s.hint;
    }
    std::vector<kafka::SourceFault> fresh;
    if (s.faultCount > m_seenFaults) {
        const std::int64_t added = s.faultCount - m_seenFaults;
        const auto kept = static_cast<std::int64_t>(s.faults.size());
        if (added > kept)
            m_err << "[kafka] " << (added - kept) << " faults came too fast to be kept; the newest " << kept << " follow\n";
        for (auto it = s.faults.end() - std::min(added, kept); it != s.faults.end(); ++it) {
            std::string where;
            if (it->partition >= 0)
                where = " (partition " + std::to_string(it->partition) + (it->fromOffset >= 0 ? ", " + offsets(it->fromOffset, it->toOffset) : "") + ")";
            m_err << "[kafka] " << kafka::sourceFaultKindName(it->kind) << where << ": " << safe(it->text) << '\n';
            fresh.push_back(*it);
        }
        m_seenFaults = s.faultCount;
    }
    for (const auto& bad : source.takeNewMalformed())
        listMalformed(bad);
    m_err.flush();
    return fresh;
}

void LiveReport::listMalformed(const kafka::MalformedMessage& bad)
{
    if (m_listed >= m_listLimit) {
        if (!m_limitNoted && m_listLimit > 0) {
            m_err << "[kafka] " << m_listLimit << " malformed messages listed; further ones are counted, not listed "
                  << "(--list-malformed N lists more); the count comes when the run ends\n";
        }
        m_limitNoted = true;
        return;
    }
    ++m_listed;
    m_listedAt.emplace(bad.partition, bad.offset);
    m_err << "[kafka] malformed message (partition " << bad.partition << ", offset " << bad.offset << "): " << safe(bad.reason);
    // The reason quotes values that are not JSON objects; for the others, show the value too.
    if (bad.kind != kafka::MalformedKind::NotJson && bad.kind != kafka::MalformedKind::NotObject)
        m_err << "; value '" << kafka::printableText(bad.value, 80) << "'";
    auto& explained = m_explained[bad.kind];
    if (explained != bad.sparkBehaviour) {
        explained = bad.sparkBehaviour;
        m_err << ". Spark: " << safe(bad.sparkBehaviour);
    }
    m_err << '\n';
}

void LiveReport::delivered(const kafka::Delivery& delivery)
{
    for (const auto& m : delivery.messages) {
        if (m.malformed == kafka::MalformedKind::None || m_listedAt.count({m.partition, m.offset}))
            continue;
        Unlisted& u = m_unlisted[m.partition];
        ++u.count;
        u.first = u.first < 0 ? m.offset : std::min(u.first, m.offset);
        u.last = std::max(u.last, m.offset);
    }
}

void LiveReport::summary(const kafka::SourceStats& stats, const std::string& recordPath)
{
    const std::int64_t total = stats.malformed;
    if (total == 0)
        return;
    const std::int64_t notListed = total - m_listed;
    if (notListed <= 0) {
        m_err << "[kafka] all " << total << " malformed messages are listed above\n";
    } else {
        m_err << "[kafka] " << total << " malformed messages in all: " << m_listed << " listed above, " << notListed
              << " more not listed (--list-malformed " << m_listLimit << ")";
        std::string where;
        std::int64_t placed = 0;
        for (const auto& [partition, u] : m_unlisted) {
            where += (where.empty() ? "" : "; ") + std::string("partition ") + std::to_string(partition) + ": " + std::to_string(u.count)
                     + " between offsets " + std::to_string(u.first) + " and " + std::to_string(u.last);
            placed += u.count;
        }
        if (!where.empty())
            m_err << ", " << where;
        if (placed < notListed)
            m_err << (where.empty() ? ", " : "; ") << (notListed - placed) << " received but not yet in a batch when the run stopped";
        m_err << '\n';
    }
    if (!recordPath.empty())
        m_err << "[kafka] every delivered message, malformed ones too, is in the recording " << recordPath
              << " with the row Spark reads from it (null where the value did not fit)\n";
    m_err.flush();
}

} // namespace tidemark::cli
