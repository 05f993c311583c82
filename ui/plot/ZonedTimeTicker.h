// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header-only on purpose: it derives from a QCustomPlot class, and every translation unit that
// includes qcustomplot.h costs ~15 s to compile. Include it only from the plot .cpp files.

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
        static constexpr std::array<double, 27> kSteps = {1,     2,     5,     10,     15,     30,      60,      120,     300,
                                                          600,   900,   1800,  3600,   7200,   10800,   21600,   43200,   86400,
                                                          172800, 432000, 864000, 2592000, 5184000, 7776000, 15552000, 31536000, 63072000};
        const double ideal = range.size() / std::max(1, tickCount());
        for (double s : kSteps)
            if (s >= ideal) {
                m_step = s;
                return s;
            }
        m_step = std::ceil(ideal / kSteps.back()) * kSteps.back();
        return m_step;
    }

    int getSubTickCount(double) override { return 0; }

    QVector<double> createTickVector(double tickStep, const QCPRange& range) override
    {
        QVector<double> ticks;
        if (!(tickStep > 0) || !std::isfinite(range.lower) || !std::isfinite(range.upper))
            return ticks;
        const double offset = static_cast<double>(m_zone.offsetSecondsAt(fromPlotSeconds(range.lower)));
        double t = std::floor((range.lower + offset) / tickStep) * tickStep - offset;
        for (int guard = 0; t <= range.upper && guard < 1000; ++guard, t += tickStep)
            if (t >= range.lower)
                ticks.push_back(t);
        m_spansDays = range.size() > 86400;
        return ticks;
    }

    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        // "yyyy-MM-dd HH:mm:ss[.f]"
        const std::string s = formatTimestamp(fromPlotSeconds(tick), m_zone);
        const QString text = QString::fromStdString(s);
        if (m_step >= 86400)
            return text.left(10);
        if (m_spansDays)
            return text.mid(5, 5) + QLatin1Char('\n') + text.mid(11, m_step >= 60 ? 5 : 8);
        return text.mid(11, m_step >= 60 ? 5 : 8);
    }

private:
    TimeZone m_zone;
    double m_step = 60;
    bool m_spansDays = false;
};

} // namespace tidemark::ui
