// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tidemark {

/// Open-addressing hash index from a key hash to a slot number, with the key comparison
/// left to the caller so that a lookup needs no key object (the hot path of aggregation
/// compares the input row's columns against the stored group in place).
class GroupIndex {
public:
    static constexpr std::int32_t kNone = -1;

    /// The slot whose stored key `equals` accepts, or kNone.
    template <typename Equals>
    std::int32_t find(std::uint64_t hash, Equals&& equals) const
    {
        if (m_entries.empty())
            return kNone;
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Entry& e = m_entries[i];
            if (e.slot == kNone)
                return kNone;
            if (e.hash == hash && equals(e.slot))
                return e.slot;
        }
    }

    /// A hint that find(hash) comes soon: starts loading the entry it will look at first.
    void prefetch(std::uint64_t hash) const
    {
        if (!m_entries.empty())
            __builtin_prefetch(&m_entries[hash & m_mask]);
    }

    void insert(std::uint64_t hash, std::int32_t slot)
    {
        if ((m_size + 1) * 2 > m_entries.size())
            grow();
        std::size_t i = hash & m_mask;
        while (m_entries[i].slot != kNone)
            i = (i + 1) & m_mask;
        m_entries[i] = {hash, slot};
        ++m_size;
    }

    /// Removes the entry for `slot` (backward-shift deletion keeps probe chains intact).
    void erase(std::uint64_t hash, std::int32_t slot)
    {
        std::size_t i = hash & m_mask;
        while (m_entries[i].slot != slot)
            i = (i + 1) & m_mask;
        std::size_t hole = i;
        for (std::size_t j = (hole + 1) & m_mask; m_entries[j].slot != kNone; j = (j + 1) & m_mask) {
            const std::size_t home = m_entries[j].hash & m_mask;
            // Move j into the hole if its home position is not cyclically in (hole, j].
            const bool between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!between) {
                m_entries[hole] = m_entries[j];
                hole = j;
            }
        }
        m_entries[hole] = {};
        --m_size;
    }

    std::size_t size() const { return m_size; }
    void clear()
    {
        m_entries.clear();
        m_mask = 0;
        m_size = 0;
    }

private:
    struct Entry {
        std::uint64_t hash = 0;
        std::int32_t slot = kNone;
    };

    void grow()
    {
        std::vector<Entry> old = std::move(m_entries);
        const std::size_t capacity = old.empty() ? 64 : old.size() * 2;
        m_entries.assign(capacity, Entry{});
        m_mask = capacity - 1;
        m_size = 0;
        for (const Entry& e : old)
            if (e.slot != kNone)
                insert(e.hash, e.slot);
    }

    std::vector<Entry> m_entries;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace tidemark
