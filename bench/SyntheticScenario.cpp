// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/SyntheticScenario.h"

#include <random>

namespace tidemark::bench {

Scenario syntheticScenario(std::int64_t numEvents, int numKeys, int eventsPerBatch, int maxLatenessSeconds)
{
    Scenario sc;
    sc.title = "synthetic";
    SourceSpec src;
    src.name = "in";
    src.schema.fields = {Field{"k", DataType(TypeId::Long), std::nullopt, "in"}, Field{"t", DataType(TypeId::Timestamp), std::nullopt, "in"}};
    src.events.reserve(static_cast<size_t>(numEvents));
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> key(0, numKeys - 1);
    std::uniform_int_distribution<int> late(0, maxLatenessSeconds);
    std::uniform_int_distribution<int> veryLate(0, 99);
    const Micros start = 1625238000LL * kMicrosPerSecond;
    const Micros batchSpan = 10 * kMicrosPerSecond;
    for (std::int64_t i = 0; i < numEvents; ++i) {
        const std::int64_t batch = i / eventsPerBatch;
        const Micros at = start + batch * batchSpan;
        Micros t = at - late(rng) * kMicrosPerSecond;
        if (veryLate(rng) == 0)
            t -= 3600 * kMicrosPerSecond; // ~1% arrive an hour late and meet the watermark
        SourceEvent e;
        e.at = at;
        e.row = Row{Value(static_cast<std::int64_t>(key(rng))), Value(t)};
        src.events.push_back(std::move(e));
    }
    sc.sources.push_back(std::move(src));
    QuerySpec& q = sc.query;
    q.source = "in";
    q.withWatermark = WatermarkSpec{"t", "10 minutes"};
    GroupItem k;
    k.column = "k";
    GroupItem w;
    w.kind = GroupItem::Kind::Window;
    w.window = WindowSpecText{"t", "10 minutes", std::string("5 minutes"), std::nullopt};
    q.groupBy = std::vector<GroupItem>{k, w};
    q.outputMode = "update";
    q.trigger.processingTime = "10 seconds";
    return sc;
}

} // namespace tidemark::bench
