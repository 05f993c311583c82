// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace tidemark::bench {

/// Every offset of every partition: whether the broker holds it (acknowledged to the producer,
/// or in the partition's range when reading a backlog) and how often the consumer side saw it.
///
/// Why: a count of messages received can hide a loss behind a doubling (or a message read from
/// the wrong place); only "every expected offset exactly once" proves that a run lost and
/// doubled nothing. expect() may be called from the producer's thread while see() runs on
/// another; each side has its own lock-free storage and check() reads both after the run.
class OffsetLedger {
public:
    /// The broker holds `offset` of `partition`: the consumer must see it exactly once.
    void expect(std::int32_t partition, std::int64_t offset);
    /// Every offset in [from, to) of `partition` is expected.
    void expectRange(std::int32_t partition, std::int64_t from, std::int64_t to);
    /// The consumer side handed over `offset` of `partition` once more.
    void see(std::int32_t partition, std::int64_t offset);

    std::int64_t expectedCount() const;
    /// Distinct offsets seen so far (expected or not): the run may end once this reaches
    /// expectedCount().
    std::int64_t distinctSeen() const { return m_distinctSeen; }

    struct Check {
        std::int64_t expected = 0;
        std::int64_t lost = 0;       ///< expected, never seen
        std::int64_t doubled = 0;    ///< seen more than once (counts the extra copies)
        std::int64_t unexpected = 0; ///< seen, never expected (read from the wrong place)
        std::string firstProblem;    ///< e.g. "partition 2: offsets 4100..4199 lost"
        bool ok() const { return lost == 0 && doubled == 0 && unexpected == 0; }
    };
    Check check() const;

private:
    mutable std::mutex m_expectMutex; ///< expect() runs on the producer's thread
    std::map<std::int32_t, std::vector<std::uint8_t>> m_expected;
    std::int64_t m_expectedCount = 0;
    std::map<std::int32_t, std::vector<std::uint8_t>> m_seen; ///< consumer side only
    std::int64_t m_distinctSeen = 0;
};

} // namespace tidemark::bench
