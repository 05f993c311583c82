// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A long live run fed directly (no broker), for the tests of what a live session keeps: a
// windowed word count with a watermark, and one second of messages at a time.

#include "live/KafkaSource.h"
#include "engine/time/Time.h"

#include <cstdint>

namespace tidemark::kafka::test {

inline constexpr Micros kSecond = 1'000'000;
inline constexpr Micros kStart = 1'767'225'600LL * kSecond; // 2026-01-01 00:00:00 UTC

/// A windowed count with a watermark: all three output modes accepted, state evicted, rows dropped.
inline const char* const kWordCountScenario =
    "{\"tidemark\": 1, \"sparkVersion\": \"3.5\", \"timeZone\": \"UTC\","
    " \"sources\": {\"words\": {\"format\": \"kafka\", \"schema\": {\"word\": \"string\", \"timestamp\": \"timestamp\"}, \"events\": []}},"
    " \"query\": {\"source\": \"words\", \"withWatermark\": {\"column\": \"timestamp\", \"delay\": \"10 seconds\"},"
    " \"groupBy\": [{\"window\": {\"column\": \"timestamp\", \"duration\": \"10 seconds\"}}, \"word\"],"
    " \"agg\": [{\"fn\": \"count\"}], \"outputMode\": \"update\", \"trigger\": {\"processingTime\": \"1 second\"}}}";

/// Second `s` of the run: `perSecond` messages over two partitions arriving within it, every
/// seventh 15 s late (so the watermark drops some), the clock then at the end of the second.
inline Delivery secondOf(std::int64_t s, int perSecond)
{
    static const char* words[] = {"owl", "cat", "dog", "emu"};
    Delivery d;
    for (int i = 0; i < perSecond; ++i) {
        LiveMessage m;
        m.partition = i % 2;
        m.offset = s * perSecond / 2 + i / 2;
        m.at = kStart + s * kSecond + (i + 1) * (kSecond / (perSecond + 1));
        const Micros eventTime = m.at - (i % 7 == 0 ? 15 : 1) * kSecond;
        m.row = Row{Value(words[(s + i) % 4]), Value(eventTime)};
        d.messages.push_back(std::move(m));
    }
    d.upTo = kStart + (s + 1) * kSecond;
    return d;
}

} // namespace tidemark::kafka::test
