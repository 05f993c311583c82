// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/EventTime.h"

namespace tidemark {

namespace {
std::vector<std::string> timeColumnNames(const QuerySpec& q)
{
    std::vector<std::string> names;
    if (q.withWatermark)
        names.push_back(q.withWatermark->column);
    for (const auto& in : q.unionInputs)
        if (in.withWatermark)
            names.push_back(in.withWatermark->column);
    for (const InputSpec* side : q.joinInputs()) {
        if (side->withWatermark)
            names.push_back(side->withWatermark->column);
        if (side->window)
            names.push_back(side->window->column);
    }
    if (q.groupBy)
        for (const auto& g : *q.groupBy) {
            if (g.kind == GroupItem::Kind::Window)
                names.push_back(g.window.column);
            if (g.kind == GroupItem::Kind::Session)
                names.push_back(g.session.column);
        }
    return names;
}
} // namespace

std::vector<std::optional<std::size_t>> eventTimeColumns(const Scenario& sc)
{
    const auto names = timeColumnNames(sc.query);
    std::vector<std::optional<std::size_t>> out;
    for (const auto& src : sc.sources) {
        std::optional<std::size_t> col;
        for (const auto& n : names)
            if (auto idx = src.schema.find(n); idx && src.schema[*idx].type.id == TypeId::Timestamp) {
                col = idx;
                break;
            }
        if (!col)
            for (size_t i = 0; i < src.schema.size(); ++i)
                if (src.schema[i].type.id == TypeId::Timestamp) {
                    col = i;
                    break;
                }
        out.push_back(col);
    }
    return out;
}

std::optional<Micros> eventTimeOf(const Scenario& sc, const std::vector<std::optional<std::size_t>>& columns, std::size_t source, std::size_t index)
{
    if (source >= columns.size() || !columns[source])
        return std::nullopt;
    const Value& v = sc.sources[source].events[index].row[*columns[source]];
    if (v.isNull())
        return std::nullopt;
    return v.asInt();
}

std::pair<std::size_t, std::size_t> locateEvent(const Scenario& sc, std::uint32_t globalIndex)
{
    std::size_t remaining = globalIndex;
    for (size_t s = 0; s < sc.sources.size(); ++s) {
        if (remaining < sc.sources[s].events.size())
            return {s, remaining};
        remaining -= sc.sources[s].events.size();
    }
    return {sc.sources.size(), 0};
}

std::uint32_t globalEventIndex(const Scenario& sc, std::size_t source, std::size_t index)
{
    std::size_t offset = 0;
    for (size_t s = 0; s < source && s < sc.sources.size(); ++s)
        offset += sc.sources[s].events.size();
    return static_cast<std::uint32_t>(offset + index);
}

} // namespace tidemark
