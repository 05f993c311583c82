// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/OffsetLedger.h"

#include <algorithm>

namespace tidemark::bench {

namespace {

void grow(std::vector<std::uint8_t>& v, std::int64_t offset)
{
    if (static_cast<std::int64_t>(v.size()) <= offset)
        v.resize(static_cast<std::size_t>(std::max<std::int64_t>(offset + 1, static_cast<std::int64_t>(v.size()) * 2)), 0);
}

} // namespace

void OffsetLedger::expect(std::int32_t partition, std::int64_t offset) { expectRange(partition, offset, offset + 1); }

void OffsetLedger::expectRange(std::int32_t partition, std::int64_t from, std::int64_t to)
{
    const std::lock_guard lock(m_expectMutex);
    if (to <= from)
        return;
    auto& v = m_expected[partition];
    grow(v, to - 1);
    for (std::int64_t o = from; o < to; ++o)
        if (!v[static_cast<std::size_t>(o)]) {
            v[static_cast<std::size_t>(o)] = 1;
            ++m_expectedCount;
        }
}

void OffsetLedger::see(std::int32_t partition, std::int64_t offset)
{
    if (offset < 0)
        return;
    auto& v = m_seen[partition];
    grow(v, offset);
    auto& count = v[static_cast<std::size_t>(offset)];
    if (count < 255)
        ++count;
    if (count == 1)
        ++m_distinctSeen;
}

std::int64_t OffsetLedger::expectedCount() const
{
    const std::lock_guard lock(m_expectMutex);
    return m_expectedCount;
}

OffsetLedger::Check OffsetLedger::check() const
{
    const std::lock_guard lock(m_expectMutex);
    Check c;
    c.expected = m_expectedCount;
    auto note = [&](std::int32_t p, std::int64_t from, std::int64_t to, const char* what) {
        if (c.firstProblem.empty())
            c.firstProblem = "partition " + std::to_string(p) + ": offsets " + std::to_string(from) + ".." + std::to_string(to - 1) + " " + what;
    };
    std::map<std::int32_t, bool> partitions;
    for (const auto& [p, v] : m_expected)
        partitions[p] = true;
    for (const auto& [p, v] : m_seen)
        partitions[p] = true;
    static const std::vector<std::uint8_t> none;
    for (const auto& [p, unused] : partitions) {
        const auto e = m_expected.find(p);
        const auto s = m_seen.find(p);
        const auto& exp = e == m_expected.end() ? none : e->second;
        const auto& seen = s == m_seen.end() ? none : s->second;
        const std::size_t n = std::max(exp.size(), seen.size());
        std::int64_t runStart = -1; // the current run of lost offsets
        for (std::size_t o = 0; o <= n; ++o) {
            const bool expected = o < exp.size() && exp[o];
            const int times = o < seen.size() ? seen[o] : 0;
            const bool lost = expected && times == 0;
            if (lost && runStart < 0)
                runStart = static_cast<std::int64_t>(o);
            if (!lost && runStart >= 0) {
                note(p, runStart, static_cast<std::int64_t>(o), "lost");
                runStart = -1;
            }
            if (lost)
                ++c.lost;
            if (times > 1) {
                c.doubled += times - 1;
                note(p, static_cast<std::int64_t>(o), static_cast<std::int64_t>(o) + 1, "seen more than once");
            }
            if (!expected && times > 0) {
                c.unexpected += times;
                note(p, static_cast<std::int64_t>(o), static_cast<std::int64_t>(o) + 1, "seen but never produced");
            }
        }
    }
    return c;
}

} // namespace tidemark::bench
