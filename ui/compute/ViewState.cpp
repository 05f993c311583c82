// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compute/ViewState.h"

#include <algorithm>

namespace tidemark::ui {

OutputMode selectedMode(const Scenario& scenario) { return parseOutputMode(scenario.query.outputMode).value_or(OutputMode::Update); }

OutputMode drivingMode(const Snapshot& snapshot, OutputMode selected)
{
    if (!snapshot.run(selected).error)
        return selected;
    for (OutputMode m : {OutputMode::Update, OutputMode::Complete, OutputMode::Append})
        if (snapshot.has(m) && !snapshot.run(m).error)
            return m;
    return selected;
}

int batchAtOrBefore(const ModeRun& run, Micros now)
{
    auto it = std::upper_bound(run.batches.begin(), run.batches.end(), now, [](Micros t, const BatchRecord& b) { return t < b.triggerTime; });
    return static_cast<int>(it - run.batches.begin()) - 1;
}

int ViewState::batchIn(OutputMode mode) const
{
    if (!hasBatch())
        return -1;
    if (mode == driving)
        return batch;
    return batchAtOrBefore(snapshot->run(mode), now);
}

ViewState ViewState::at(SnapshotPtr snapshot, int batch)
{
    ViewState v;
    v.snapshot = std::move(snapshot);
    if (!v.snapshot)
        return v;
    v.selected = selectedMode(*v.snapshot->scenario);
    v.driving = drivingMode(*v.snapshot, v.selected);
    const auto& batches = v.drivingRun().batches;
    if (batches.empty()) {
        v.now = v.drivingRun().start;
        return v;
    }
    v.batch = std::clamp(batch, 0, static_cast<int>(batches.size()) - 1);
    v.now = batches[static_cast<std::size_t>(v.batch)].triggerTime;
    return v;
}

} // namespace tidemark::ui
