// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only: see ZonedTimeTicker.h.

#include "engine/time/Interval.h"
#include "ui/compute/PlotTime.h"

#include <qcustomplot.h>

namespace tidemark::ui {

/// Axis labels for durations in seconds ("30 s", "10 min", "2 h"), on clock-like steps.
class DurationTicker : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange& range) override
    {
        static constexpr double kSteps[] = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
        const double ideal = range.size() / std::max(1, tickCount());
        for (double s : kSteps)
            if (s >= ideal)
                return s;
        return std::ceil(ideal / 86400) * 86400;
    }
    int getSubTickCount(double) override { return 0; }
    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        const double a = std::abs(tick);
        const QString sign = tick < 0 ? QStringLiteral("-") : QString();
        if (a == 0)
            return QStringLiteral("0");
        if (a < 60)
            return sign + QStringLiteral("%1 s").arg(a);
        if (a < 3600)
            return sign + QStringLiteral("%1 min").arg(a / 60);
        if (a < 86400)
            return sign + QStringLiteral("%1 h").arg(a / 3600);
        return sign + QStringLiteral("%1 d").arg(a / 86400);
    }
};

} // namespace tidemark::ui
