// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inspector/OutageExplanation.h"

#include "ui/inspector/Explanations.h"

#include <QCoreApplication>
#include <QLocale>

namespace tidemark::ui {

namespace {
/// The context of this file's texts in the translations.
struct OutageExplanation {
    Q_DECLARE_TR_FUNCTIONS(OutageExplanation)
};
} // namespace

int batchAfterOutage(const ViewState& view, const Outage& outage)
{
    if (!view.snapshot || !outage.to)
        return -1;
    const auto& batches = view.drivingRun().batches;
    for (std::size_t i = 0; i < batches.size(); ++i)
        if (batches[i].triggerTime >= *outage.to && !batches[i].noData)
            return static_cast<int>(i);
    return -1;
}

std::optional<Outage> outageAt(const std::vector<Outage>& outages, Micros at, Micros now)
{
    for (const Outage& o : outages)
        if (at >= o.from && at <= (o.to ? *o.to : std::max(now, o.from)))
            return o;
    return std::nullopt;
}

QString explainOutage(const ViewState& view, const Outage& outage, Micros now)
{
    if (!view.snapshot)
        return {};
    const Scenario& sc = *view.snapshot->scenario;
    const auto& batches = view.drivingRun().batches;
    const Micros end = outage.to ? *outage.to : std::max(now, outage.from);
    const Micros seconds = (end - outage.from + kMicrosPerSecond / 2) / kMicrosPerSecond;
    // The watermark meanwhile: what the last batch before the broker came back left.
    std::optional<Millis> standing;
    for (const BatchRecord& b : batches)
        if (b.triggerTime < end && b.hasWatermark)
            standing = b.nextWatermarkMs;
    QString out = outage.to ? OutageExplanation::tr("The broker stopped answering at %1 and answered again at %2 (%3 s). "
                                                    "Meanwhile no message could arrive, so no batch had new data.")
                                  .arg(clockText(outage.from, sc), clockText(end, sc))
                                  .arg(seconds)
                            : OutageExplanation::tr("The broker stopped answering at %1 and has not answered since (%2 s so far). "
                                                    "No message can arrive, so no batch has new data.")
                                  .arg(clockText(outage.from, sc))
                                  .arg(seconds);
    if (standing)
        out += QLatin1Char(' ') + OutageExplanation::tr("The watermark stood still at %1: it only moves when rows arrive.")
                                      .arg(clockText(*standing * kMicrosPerMilli, sc));
    const int after = batchAfterOutage(view, outage);
    if (!outage.to) {
        out += QLatin1Char(' ') + OutageExplanation::tr("When it is back, what was sent meanwhile arrives at once, in one batch.");
    } else if (after >= 0) {
        const BatchRecord& b = batches[static_cast<std::size_t>(after)];
        out += QLatin1String("\n\n") + OutageExplanation::tr("Batch %1, the first after it, read the %2 rows that had waited, at once.")
                                           .arg(b.batchId)
                                           .arg(QLocale().toString(b.numInputRows));
        if (b.hasWatermark && b.nextWatermarkMs != b.watermarkMs)
            out += QLatin1Char(' ') + OutageExplanation::tr("The watermark then jumped from %1 to %2.")
                                          .arg(clockText(b.watermarkMs * kMicrosPerMilli, sc), clockText(b.nextWatermarkMs * kMicrosPerMilli, sc));
    }
    return out;
}

QString outageNote(const ViewState& view, const std::vector<Outage>& outages, std::uint32_t event)
{
    if (!view.snapshot)
        return {};
    const auto& points = view.snapshot->view(view.driving).points;
    if (event >= points.size() || points[event].batchId < 0)
        return {};
    const Scenario& sc = *view.snapshot->scenario;
    const auto& batches = view.drivingRun().batches;
    for (const Outage& o : outages) {
        const int after = batchAfterOutage(view, o);
        if (after < 0 || batches[static_cast<std::size_t>(after)].batchId != points[event].batchId)
            continue;
        const BatchRecord& b = batches[static_cast<std::size_t>(after)];
        const Micros seconds = (*o.to - o.from + kMicrosPerSecond / 2) / kMicrosPerSecond;
        QString note = OutageExplanation::tr("The broker was away from %1 to %2 (%3 s): no message could arrive meanwhile. "
                          "Batch %4, the first after it, read the %5 rows that had waited, at once.")
                           .arg(clockText(o.from, sc), clockText(*o.to, sc))
                           .arg(seconds)
                           .arg(b.batchId)
                           .arg(QLocale().toString(b.numInputRows));
        if (b.hasWatermark && b.nextWatermarkMs != b.watermarkMs)
            note += QLatin1Char(' ') + OutageExplanation::tr("The watermark then jumped from %1 to %2.")
                                           .arg(clockText(b.watermarkMs * kMicrosPerMilli, sc), clockText(b.nextWatermarkMs * kMicrosPerMilli, sc));
        return note;
    }
    return {};
}

} // namespace tidemark::ui
