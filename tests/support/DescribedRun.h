// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/TestScenario.h"

#include <QString>
#include <QStringList>

namespace tidemark::testing {

/// runAndDescribe as Qt Test compares it: one line per batch (and per error).
inline QStringList describedRun(const TestScenario& scenario, OutputMode mode)
{
    QStringList out;
    for (const std::string& line : runAndDescribe(scenario, mode))
        out << QString::fromStdString(line);
    return out;
}

/// A chain of stateful operators, one line per batch: "B<id>[ nodata] wm=<s>: rows |
/// ops=[total/dropped, ...]", the operators downstream first as Spark's stateOperators lists them.
inline QStringList describeOperators(const ModeRun& run)
{
    QStringList out;
    if (run.error) {
        out << QString::fromStdString("error: " + run.error->message);
        return out;
    }
    for (const BatchRecord& b : run.batches) {
        QString line = QStringLiteral("B%1%2 wm=%3:").arg(b.batchId).arg(b.noData ? " nodata" : "").arg(b.watermarkMs / 1000);
        for (size_t i = 0; i < b.sinkRows.size(); ++i)
            line += (i ? "; " : " ") + QString::fromStdString(describeRow(b.sinkRows[i], run.plan->output));
        line += " | ops=[";
        for (size_t i = 0; i < b.operators.size(); ++i)
            line += QStringLiteral("%1%2/%3").arg(i ? ", " : "").arg(b.operators[i].numRowsTotal).arg(b.operators[i].numRowsDroppedByWatermark);
        out << line + "]";
    }
    return out;
}

/// The first fate recorded for global event index `event`, or null.
inline const RowFate* fateOfEvent(const ModeRun& run, std::uint32_t event)
{
    for (const BatchRecord& b : run.batches)
        for (const RowFate& f : b.fates)
            if (f.event == event)
                return &f;
    return nullptr;
}

} // namespace tidemark::testing
