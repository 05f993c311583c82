// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/scenario/Scenario.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace tidemark {

/// A source's event indices in the order they arrive (by arrival time, ties in file order).
/// Copies share one list until one of them changes it: a run copies its whole state for every
/// checkpoint the editor keeps, and the order of 10,000 events is the largest part of it that
/// never changes outside a live session.
class ArrivalOrder
{
public:
    ArrivalOrder() = default;
    static ArrivalOrder of(const std::vector<SourceEvent>& events);

    std::size_t size() const { return m_indices ? m_indices->size() : 0; }
    bool empty() const { return size() == 0; }
    std::uint32_t operator[](std::size_t i) const { return (*m_indices)[i]; }
    std::uint32_t front() const { return m_indices->front(); }
    std::vector<std::uint32_t>::const_iterator begin() const { return indices().begin(); }
    std::vector<std::uint32_t>::const_iterator end() const { return indices().end(); }

    /// Live mode: events up to index `count` were appended, each arriving no earlier than those before.
    void appendUpTo(std::uint32_t count);
    /// Live mode: the first `count` events were erased from the source (they are the first
    /// `count` entries here); the others' indices shift down.
    void dropFirst(std::size_t count);

private:
    const std::vector<std::uint32_t>& indices() const;
    /// The list, copied first when another ArrivalOrder shares it.
    std::vector<std::uint32_t>& own();

    std::shared_ptr<std::vector<std::uint32_t>> m_indices;
};

} // namespace tidemark
