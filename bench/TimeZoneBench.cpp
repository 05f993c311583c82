// SPDX-License-Identifier: GPL-3.0-or-later
// Time zone conversions per row, in one process: the engine's TimeZone (a transition table
// built from date/tz once per zone) against asking date/tz for every row, and a fixed offset
// as the floor. UTC -> local is what the console sink and the window's tables do for every
// timestamp they print; local -> UTC is what parsing a scenario's local times does.
// Not a test: it prints figures; `--json` prints one line.
#include "engine/time/TimeFormat.h"
#include "engine/time/TimeZone.h"

#include <date/tz.h>

#include <chrono>
#include <cstring>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace tidemark;
using Clock = std::chrono::steady_clock;

namespace {

double microsSince(Clock::time_point start) { return std::chrono::duration<double, std::micro>(Clock::now() - start).count(); }

/// Nanoseconds per call of `convert` over `instants`, the best of three passes.
template<typename Convert>
double nsPerCall(const std::vector<Micros>& instants, std::int64_t& sink, Convert convert)
{
    double best = 1e300;
    for (int pass = 0; pass < 3; ++pass) {
        const auto start = Clock::now();
        for (const Micros t : instants)
            sink += convert(t);
        best = std::min(best, microsSince(start) * 1000 / static_cast<double>(instants.size()));
    }
    return best;
}

/// A million instants in random order from 1985 to 2030 (Seoul's 1987-88 daylight time and
/// New York's and Berlin's yearly changes all fall inside): the worst case for a lookup.
std::vector<Micros> scattered()
{
    std::mt19937_64 random(14);
    std::uniform_int_distribution<std::int64_t> seconds(473385600, 1893456000);
    std::vector<Micros> out(1'000'000);
    for (Micros& t : out)
        t = seconds(random) * kMicrosPerSecond + static_cast<Micros>(random() % kMicrosPerSecond);
    return out;
}

/// A million instants in order over one day (2021-07-02 UTC), as a stream's rows arrive.
std::vector<Micros> oneDay()
{
    std::vector<Micros> out(1'000'000);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = 1625184000 * kMicrosPerSecond + static_cast<Micros>(i) * (kMicrosPerDay / static_cast<Micros>(out.size()));
    return out;
}

/// Nanoseconds per row with the table, with date/tz per call, and with a fixed offset.
struct Figures {
    double table = 0, library = 0, fixed = 0;
    void addMean(const Figures& f, double n) { table += f.table / n, library += f.library / n, fixed += f.fixed / n; }
};

struct ZoneFigures {
    Figures toLocal, fromLocal, format;
};

ZoneFigures measure(const std::string& id, const std::vector<Micros>& utc, std::int64_t& sink)
{
    const TimeZone zone = TimeZone::load(id).value();
    const TimeZone fixed = TimeZone::load("+09:00").value();
    const date::time_zone* library = date::locate_zone(id);
    ZoneFigures f;
    f.toLocal.table = nsPerCall(utc, sink, [&](Micros t) { return zone.toLocalDayTime(t).microsOfDay; });
    f.toLocal.library = nsPerCall(utc, sink, [&](Micros t) {
        const auto local = library->to_local(date::sys_time<std::chrono::microseconds>(std::chrono::microseconds(t)));
        return floorMod(local.time_since_epoch().count(), kMicrosPerDay);
    });
    f.toLocal.fixed = nsPerCall(utc, sink, [&](Micros t) { return fixed.toLocalDayTime(t).microsOfDay; });
    f.fromLocal.table = nsPerCall(utc, sink, [&](Micros t) { return zone.fromLocal(t); });
    f.fromLocal.library = nsPerCall(utc, sink, [&](Micros t) {
        const date::local_seconds local{std::chrono::seconds(floorDiv(t, kMicrosPerSecond))};
        // The offset before the change: the one time, the earlier of an overlap, or a gap's
        // time shifted forward by the gap, as java.time resolves them.
        return t - library->get_info(local).first.offset.count() * kMicrosPerSecond;
    });
    f.fromLocal.fixed = nsPerCall(utc, sink, [&](Micros t) { return fixed.fromLocal(t); });
    f.format.table = nsPerCall(utc, sink, [&](Micros t) { return static_cast<std::int64_t>(formatTimestamp(t, zone).size()); });
    f.format.fixed = nsPerCall(utc, sink, [&](Micros t) { return static_cast<std::int64_t>(formatTimestamp(t, fixed).size()); });
    return f;
}

void print(const std::string& id, const ZoneFigures& f)
{
    std::cout << "  " << id << ":\n"
              << "    UTC -> local     table " << f.toLocal.table << " ns, date/tz per call " << f.toLocal.library << " ns ("
              << f.toLocal.library / f.toLocal.table << "x the table), fixed offset " << f.toLocal.fixed << " ns\n"
              << "    local -> UTC     table " << f.fromLocal.table << " ns, date/tz per call " << f.fromLocal.library << " ns ("
              << f.fromLocal.library / f.fromLocal.table << "x the table), fixed offset " << f.fromLocal.fixed << " ns\n"
              << "    formatTimestamp  " << f.format.table << " ns (fixed offset " << f.format.fixed << " ns)\n";
}

} // namespace

int main(int argc, char** argv)
{
    const bool json = argc > 1 && std::strcmp(argv[1], "--json") == 0;
    // The first region loaded in a process also reads the list of the database's zones.
    auto start = Clock::now();
    TimeZone::load("Asia/Seoul").value();
    const double firstRegionUs = microsSince(start);

    std::int64_t sink = 0;
    ZoneFigures mean;
    for (const bool ordered : {false, true}) {
        const std::vector<Micros> utc = ordered ? oneDay() : scattered();
        if (!json)
            std::cout << (ordered ? "one day of rows in order:\n" : "instants 1985-2030 in random order:\n");
        for (const char* id : {"Asia/Seoul", "America/New_York", "Europe/Berlin"}) {
            const ZoneFigures f = measure(id, utc, sink);
            if (!json)
                print(id, f);
            mean.toLocal.addMean(f.toLocal, 6);
            mean.fromLocal.addMean(f.fromLocal, 6);
            mean.format.addMean(f.format, 6);
        }
    }

    // Another region walks date/tz's ranges once; later loads share its table.
    start = Clock::now();
    TimeZone::load("Australia/Lord_Howe").value();
    const double anotherRegionUs = microsSince(start);
    start = Clock::now();
    for (int i = 0; i < 1000; ++i)
        sink += TimeZone::load("Australia/Lord_Howe").value().offsetSecondsAt(0);
    const double loadAgainUs = microsSince(start) / 1000;

    if (json) {
        std::cout << "{\"toLocalTableNs\": " << mean.toLocal.table << ", \"toLocalDateTzNs\": " << mean.toLocal.library
                  << ", \"toLocalFixedNs\": " << mean.toLocal.fixed << ", \"fromLocalTableNs\": " << mean.fromLocal.table
                  << ", \"fromLocalDateTzNs\": " << mean.fromLocal.library << ", \"fromLocalFixedNs\": " << mean.fromLocal.fixed
                  << ", \"formatTimestampNs\": " << mean.format.table << ", \"firstRegionUs\": " << firstRegionUs
                  << ", \"anotherRegionUs\": " << anotherRegionUs << ", \"loadAgainUs\": " << loadAgainUs
                  << ", \"checksum\": " << (sink & 0xff) << "}\n";
    } else {
        std::cout << "load: the first region in the process " << firstRegionUs << " us, another region " << anotherRegionUs
                  << " us, a region loaded before " << loadAgainUs << " us (checksum " << (sink & 0xff) << ")\n";
    }
    return 0;
}
