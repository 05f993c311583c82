// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/DefaultEvent.h"

#include "engine/exec/EventTime.h"

#include <cstdlib>

namespace tidemark::ui {

NewEvent defaultEventAt(const Scenario& scenario, std::size_t source, Micros at, Micros eventTime)
{
    const SourceSpec& src = scenario.sources.at(source);
    NewEvent out;
    out.position.source = source;
    out.event.at = at;
    // The event arriving nearest in time is the best guess for the rest of the row.
    const SourceEvent* nearest = nullptr;
    for (const SourceEvent& e : src.events)
        if (!nearest || std::llabs(e.at - at) < std::llabs(nearest->at - at))
            nearest = &e;
    if (nearest) {
        out.event.row = nearest->row;
        out.event.atStyle = nearest->atStyle;
        out.event.rowTimeStyle = nearest->rowTimeStyle;
    } else {
        for (const Field& f : src.schema.fields) {
            switch (f.type.id) {
            case TypeId::String: out.event.row.emplace_back("new"); break;
            case TypeId::Int:
            case TypeId::Long: out.event.row.emplace_back(std::int64_t{1}); break;
            case TypeId::Double: out.event.row.emplace_back(1.0); break;
            case TypeId::Boolean: out.event.row.emplace_back(true); break;
            default: out.event.row.emplace_back(); break;
            }
        }
        out.event.atStyle = scenario.date ? TimeStyle::TimeOfDay : TimeStyle::DateTime;
        out.event.rowTimeStyle = scenario.date ? TimeStyle::TimeOfDay : TimeStyle::DateTime;
    }
    const auto columns = eventTimeColumns(scenario);
    if (source < columns.size() && columns[source])
        out.event.row[*columns[source]] = Value(static_cast<std::int64_t>(eventTime));
    // After every event arriving at or before it, so equal arrival times keep file order.
    std::size_t index = src.events.size();
    for (std::size_t i = 0; i < src.events.size(); ++i)
        if (src.events[i].at > at) {
            index = i;
            break;
        }
    out.position.index = index;
    return out;
}

} // namespace tidemark::ui
