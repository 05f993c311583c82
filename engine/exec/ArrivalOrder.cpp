// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/ArrivalOrder.h"

#include <algorithm>

namespace tidemark {

ArrivalOrder ArrivalOrder::of(const std::vector<SourceEvent>& events)
{
    ArrivalOrder out;
    out.m_indices = std::make_shared<std::vector<std::uint32_t>>(events.size());
    auto& order = *out.m_indices;
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto byArrival = [&](std::uint32_t a, std::uint32_t b) { return events[a].at < events[b].at; };
    if (!std::is_sorted(order.begin(), order.end(), byArrival)) // files are usually in arrival order already
        std::stable_sort(order.begin(), order.end(), byArrival);
    return out;
}

const std::vector<std::uint32_t>& ArrivalOrder::indices() const
{
    static const std::vector<std::uint32_t> kNone;
    return m_indices ? *m_indices : kNone;
}

std::vector<std::uint32_t>& ArrivalOrder::own()
{
    // use_count() is exact here: only this object's owner could be making another copy of it.
    if (!m_indices)
        m_indices = std::make_shared<std::vector<std::uint32_t>>();
    else if (m_indices.use_count() > 1)
        m_indices = std::make_shared<std::vector<std::uint32_t>>(*m_indices);
    return *m_indices;
}

void ArrivalOrder::appendUpTo(std::uint32_t count)
{
    if (count <= size())
        return;
    auto& order = own();
    for (auto i = static_cast<std::uint32_t>(order.size()); i < count; ++i)
        order.push_back(i);
}

void ArrivalOrder::dropFirst(std::size_t count)
{
    if (count == 0)
        return;
    auto& order = own();
    const auto shift = static_cast<std::uint32_t>(count);
    order.erase(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(std::min(count, order.size())));
    for (std::uint32_t& local : order)
        local -= shift;
}

} // namespace tidemark
