// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only on purpose: it derives from a QCustomPlot class, and every translation unit that
// includes qcustomplot.h costs ~15 s to compile. Include it only from the plot .cpp files.

#include "engine/time/CivilTime.h"
#include "engine/time/TimeFormat.h"
#include "engine/time/TimeZone.h"
#include "ui/compute/PlotTime.h"

#include <qcustomplot.h>

#include <array>
#include <cmath>

namespace tidemark::ui {

/// Axis labels for plot seconds in the scenario's time zone, on steps a clock would use
/// (1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h; days), aligned to local time.
class ZonedTimeTicker : public QCPAxisTicker
{
public:
    void setZone(const TimeZone& zone) { m_zone = zone; }

protected:
    double getTickStep(const QCPRange& range) override
    {
        static constexpr std::array<double, 27> kSteps = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1,  0.2,   0.5,   1,     2,     5,      10,    15,
                                                          30,    60,    120,   300,  600,  900,  1800, 3600,  7200,  10800, 21600, 43200, 86400};
        static constexpr std::array<int, 8> kMonths = {1, 2, 3, 6, 12, 24, 60, 120};
        constexpr double kMonthSeconds = 30.44 * 86400;
        const double ideal = range.size() / std::max(1, tickCount());
        m_months = 0;
        for (double s : kSteps)
            if (s >= ideal)
                return m_step = s;
        if (ideal < 20 * 86400) // days: 2, 5, 10
            for (double d : {2.0, 5.0, 10.0})
                if (d * 86400 >= ideal)
                    return m_step = d * 86400;
        // Calendar months and years beyond that: ticks on the 1st, labels "2021-07" or "2021".
        for (int m : kMonths)
            if (m * kMonthSeconds >= ideal || m == kMonths.back()) {
                m_months = m;
                return m_step = m * kMonthSeconds;
            }
        return m_step;
    }

    int getSubTickCount(double) override { return 0; }

    QVector<double> createTickVector(double tickStep, const QCPRange& range) override
    {
        QVector<double> ticks;
        if (!(tickStep > 0) || !std::isfinite(range.lower) || !std::isfinite(range.upper))
            return ticks;
        m_spansDays = range.size() > 86400;
        if (m_months > 0) {
            const CivilDate first = civilFromDays(floorDiv(m_zone.toLocal(fromPlotSeconds(range.lower)), kMicrosPerDay));
            int index = first.year * 12 + static_cast<int>(first.month) - 1;
            index -= ((index % m_months) + m_months) % m_months;
            for (int guard = 0; guard < 1000; ++guard, index += m_months) {
                const int y = index >= 0 ? index / 12 : -((-index + 11) / 12);
                const auto m = static_cast<unsigned>(index - y * 12 + 1);
                const double t = toPlotSeconds(m_zone.fromLocal(daysFromCivil(y, m, 1) * kMicrosPerDay));
                if (t > range.upper)
                    break;
                if (t >= range.lower)
                    ticks.push_back(t);
            }
            return ticks;
        }
        // Aligned to local time, so hour and day ticks fall on the zone's hours and midnights.
        // Each tick computed from the first (not summed step by step), so no rounding error
        // piles up into labels like "02:10:00.600001".
        const double offset = static_cast<double>(m_zone.offsetSecondsAt(fromPlotSeconds(range.lower)));
        const double first = std::floor((range.lower + offset) / tickStep) * tickStep - offset;
        for (int i = 0; i < 1000; ++i) {
            const double t = first + i * tickStep;
            if (t > range.upper)
                break;
            if (t >= range.lower)
                ticks.push_back(t);
        }
        return ticks;
    }

    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        // "yyyy-MM-dd HH:mm:ss[.f]", the year possibly longer than 4 digits (10000-01-01), so
        // it is cut at its separators, not at fixed columns. Rounded to what the step shows.
        const Micros grain = m_step < 1 ? kMicrosPerMilli : kMicrosPerSecond;
        const Micros at = floorDiv(fromPlotSeconds(tick) + grain / 2, grain) * grain;
        const QString text = QString::fromStdString(formatTimestamp(at, m_zone));
        const qsizetype space = text.indexOf(QLatin1Char(' '));
        const QString date = text.left(space), clockFull = text.mid(space + 1);
        const qsizetype dash = date.indexOf(QLatin1Char('-'), 1); // after the year (a negative one has a sign)
        if (m_months >= 12)
            return date.left(dash);
        if (m_months > 0)
            return date.left(date.lastIndexOf(QLatin1Char('-')));
        if (m_step >= 86400)
            return date;
        const QString clock = m_step < 1 ? clockFull : clockFull.left(m_step >= 60 ? 5 : 8);
        return m_spansDays ? date.mid(dash + 1) + QLatin1Char('\n') + clock : clock;
    }

private:
    TimeZone m_zone;
    double m_step = 60;
    int m_months = 0; ///< calendar-month steps, or 0
    bool m_spansDays = false;
};

} // namespace tidemark::ui
