// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inspector/Explanations.h"

#include "engine/exec/EventTime.h"
#include "engine/exec/Explain.h"
#include "engine/time/TimeFormat.h"
#include "ui/Palette.h"
#include "ui/document/CellText.h"

#include <QCoreApplication>

#include <map>

namespace tidemark::ui {

namespace {
/// The context of this file's texts in the translations.
struct Explanations {
    Q_DECLARE_TR_FUNCTIONS(Explanations)
};

/// The engine's English sentences in the window's language (context "Explain"), each filled
/// with its values in one pass, so a value that contains "%2" stays as it is.
QString translated(const std::vector<Phrase>& phrases)
{
    QString out;
    for (const Phrase& p : phrases)
        out += QString::fromStdString(substitute(QCoreApplication::translate("Explain", p.text).toStdString(), p.args));
    return out;
}

QString rowText(const Row& row, const Schema& schema, const Scenario& sc, std::size_t width)
{
    QStringList cells;
    for (std::size_t i = 0; i < row.size() && i < width && i < schema.size(); ++i)
        cells << cellText(row[i], schema[i].type, sc);
    return cells.join(QLatin1String(", "));
}
} // namespace

const RowFate* findFate(const ModeRun& run, std::uint32_t event, std::int64_t readBy)
{
    // The batch that read it holds its first fate: every fate a batch records carries the
    // batch's id, and the view takes its batchId from the first of them.
    if (const int b = readBy >= 0 ? batchIndexOf(run, readBy) : -1; b >= 0)
        for (const RowFate& f : run.batches[static_cast<std::size_t>(b)].fates)
            if (f.event == event)
                return &f;
    for (const auto& b : run.batches)
        for (const RowFate& f : b.fates)
            if (f.event == event)
                return &f;
    for (const RowFate& f : run.unconsumed)
        if (f.event == event)
            return &f;
    return nullptr;
}

QString explainEvent(const ViewState& view, std::uint32_t event)
{
    if (!view.snapshot)
        return {};
    const Scenario& sc = *view.snapshot->scenario;
    const auto [source, index] = locateEvent(sc, event);
    if (source >= sc.sources.size())
        return {};
    const SourceSpec& src = sc.sources[source];
    const SourceEvent& e = src.events[index];
    QString out = Explanations::tr("Event %1 · arrives %2").arg(event + 1).arg(timeText(e.at, sc));
    if (sc.sources.size() > 1)
        out += Explanations::tr(" · source %1").arg(QString::fromStdString(src.name));
    out += QLatin1String("\n(") + rowText(e.row, src.schema, sc, e.row.size()) + QLatin1String(")\n\n");

    const ModeRun& run = view.drivingRun();
    if (run.error)
        return out + QString::fromStdString(run.error->text());
    const auto& points = view.snapshot->view(view.driving).points;
    if (event < points.size() && view.isPending(points[event]))
        out += Explanations::tr("Not read yet at batch %1. What happens to it later:\n").arg(view.batchId());
    const RowFate* fate = findFate(run, event, event < points.size() ? points[event].batchId : -1);
    if (view.snapshot->liveHorizon && (!fate || fate->fate == Fate::Unconsumed))
        return out + Explanations::tr("It arrived after the latest trigger; the next batch reads it.");
    if (!fate)
        return out + Explanations::tr("No batch has read it.");
    out += Explanations::tr("%1 mode — %2.\n").arg(QString::fromLatin1(outputModeName(view.driving)), palette::fateLabel(event < points.size() ? points[event].fate : fate->fate));
    out += translated(explainFatePhrases(*fate, run, sc)).trimmed();
    return out;
}

QString explainWindow(const ViewState& view, OutputMode mode, const TimeRange& window)
{
    if (!view.snapshot)
        return {};
    const ModeRun& run = view.snapshot->run(mode);
    if (run.error || !run.plan)
        return run.error ? QString::fromStdString(run.error->text()) : QString();
    const int column = windowColumn(*run.plan);
    if (column < 0)
        return {};
    const Scenario& sc = *view.snapshot->scenario;
    // Every group of this window, in key order.
    std::map<Row, bool> keys;
    const std::size_t width = run.keyWidth();
    for (const auto& b : run.batches)
        for (const auto& c : b.stateChanges)
            if (c.row.size() > static_cast<std::size_t>(column) && c.row[static_cast<std::size_t>(column)].isRange()
                && c.row[static_cast<std::size_t>(column)].asRange() == window)
                keys[Row(c.row.begin(), c.row.begin() + static_cast<std::ptrdiff_t>(std::min(width, c.row.size())))] = true;
    QString out = Explanations::tr("Window %1 in %2 mode\n").arg(cellText(Value(window), DataType(TypeId::Window), sc), QString::fromLatin1(outputModeName(mode)));
    if (keys.empty())
        return out + Explanations::tr("Never in state.");
    for (const auto& [key, unused] : keys) {
        (void)unused;
        out += QLatin1Char('\n') + rowTitle(view, mode, key) + QLatin1Char('\n');
        out += translated(explainGroupPhrases(key, run, sc));
    }
    return out.trimmed();
}

namespace {

/// What a late row is compared by: a window's end, a session's end, or the event time itself.
enum class LateKey { EventTime, WindowEnd, SessionEnd };

LateKey lateKeyOf(const ModeRun& run)
{
    if (!run.plan || !run.plan->aggregate)
        return LateKey::EventTime;
    switch (run.plan->aggregate->windowKind) {
    case AggregatePlan::WindowKind::Time: return LateKey::WindowEnd;
    case AggregatePlan::WindowKind::Session: return LateKey::SessionEnd;
    case AggregatePlan::WindowKind::None: break;
    }
    return LateKey::EventTime;
}

QString wmText(Millis ms, const Scenario& sc) { return clockText(ms * kMicrosPerMilli, sc); }

} // namespace

QString clockText(Micros t, const Scenario& scenario)
{
    const QString full = QString::fromStdString(formatTimestamp(t, scenario.zone));
    const QString clock = full.mid(full.indexOf(QLatin1Char(' ')) + 1);
    return clock.size() == 8 && clock.endsWith(QLatin1String(":00")) ? clock.left(5) : clock;
}

QString lateComparison(const ViewState& view, std::uint32_t event)
{
    if (!view.snapshot)
        return {};
    const auto& points = view.snapshot->view(view.driving).points;
    if (event >= points.size() || (points[event].numLateGroups == 0 && points[event].fate != Fate::DroppedByWatermark))
        return {};
    const ModeRun& run = view.drivingRun();
    const Scenario& sc = *view.snapshot->scenario;
    const RowFate* f = findFate(run, event, points[event].batchId);
    if (!f || !f->hasEventTime)
        return {};
    const Millis wm = points[event].lateWatermarkMs;
    // Spark drops a row when its key is at or behind the watermark, inclusively: the window's end
    // for a windowed aggregation, the session's end (ts + gap) for session windows, the event
    // time otherwise (StateStoreWriter.watermarkPredicateForDataForLateEvents; WatermarkSupport's
    // `<=`). The engine decided the fate; this only words the comparison it made.
    switch (lateKeyOf(run)) {
    case LateKey::WindowEnd: {
        std::vector<TimeRange> windows;
        run.plan->aggregate->window.assign(f->eventTime, run.plan->version, windows);
        QStringList ends;
        for (const TimeRange& w : windows)
            if (w.end <= wm * kMicrosPerMilli)
                ends << clockText(w.end, sc);
        if (ends.isEmpty())
            break;
        return (ends.size() == 1 ? Explanations::tr("window end %1 ≤ watermark %2") : Explanations::tr("window ends %1 ≤ watermark %2")).arg(ends.join(QLatin1String(", ")), wmText(wm, sc));
    }
    case LateKey::SessionEnd:
        return Explanations::tr("session end %1 ≤ watermark %2").arg(clockText(f->eventTime + f->sessionGap.value_or(run.plan->aggregate->sessionGap), sc), wmText(wm, sc));
    case LateKey::EventTime: break;
    }
    return Explanations::tr("event time %1 ≤ watermark %2").arg(clockText(f->eventTime, sc), wmText(wm, sc));
}

QString batchCutoffText(const ViewState& view)
{
    if (!view.hasBatch())
        return {};
    const auto& batches = view.drivingRun().batches;
    const auto i = static_cast<std::size_t>(view.batch);
    if (!batches[i].hasWatermark || i == 0 || !batches[i - 1].hasMaxEventTime)
        return {};
    const Scenario& sc = *view.snapshot->scenario;
    const QString wm = wmText(batches[i].lateFilterWatermarkMs, sc);
    switch (lateKeyOf(view.drivingRun())) {
    case LateKey::WindowEnd: return Explanations::tr("batch %1 drops windows ending ≤ %2").arg(view.batchId()).arg(wm);
    case LateKey::SessionEnd: return Explanations::tr("batch %1 drops sessions ending ≤ %2").arg(view.batchId()).arg(wm);
    case LateKey::EventTime: break;
    }
    return Explanations::tr("batch %1 drops event times ≤ %2").arg(view.batchId()).arg(wm);
}

QString droppedCounterText(const ViewState& view)
{
    if (!view.hasBatch())
        return {};
    const ModeView& mv = view.snapshot->view(view.driving);
    const auto i = static_cast<std::size_t>(view.batch);
    if (!view.currentBatch().hasWatermark)
        return Explanations::tr("dropped late: none (no watermark)");
    const std::int64_t events = mv.droppedEventsSoFar[i], partly = mv.partlyDroppedSoFar[i], rows = mv.droppedSoFar[i];
    // English plurals picked here (both forms marked for lupdate); Korean has one form for both.
    const auto n = [](std::int64_t count, const char* one, const char* many) { return (count == 1 ? Explanations::tr(one) : Explanations::tr(many)).arg(count); };
    QString text = n(events, QT_TRANSLATE_NOOP("Explanations", "dropped late: %1 event"), QT_TRANSLATE_NOOP("Explanations", "dropped late: %1 events"));
    if (partly > 0)
        text += Explanations::tr(" + %1 partly").arg(partly);
    // Spark counts late groups (one per late window and key in a batch), not input events.
    switch (lateKeyOf(view.drivingRun())) {
    case LateKey::WindowEnd: return text + n(rows, QT_TRANSLATE_NOOP("Explanations", " · %1 window row"), QT_TRANSLATE_NOOP("Explanations", " · %1 window rows"));
    case LateKey::SessionEnd: return text + n(rows, QT_TRANSLATE_NOOP("Explanations", " · %1 session row"), QT_TRANSLATE_NOOP("Explanations", " · %1 session rows"));
    case LateKey::EventTime: break;
    }
    const ModeRun& run = view.drivingRun();
    if (run.plan && run.plan->aggregate && rows != events)
        return text + n(rows, QT_TRANSLATE_NOOP("Explanations", " · %1 group row"), QT_TRANSLATE_NOOP("Explanations", " · %1 group rows"));
    return text;
}

QString droppedCounterToolTip(const ViewState& view)
{
    QString tip = Explanations::tr("Events: input events the watermark dropped entirely, up to this batch. "
                     "Partly: events that lost some of their windows but were counted in others.");
    if (lateKeyOf(view.drivingRun()) != LateKey::EventTime || (view.snapshot && view.drivingRun().plan && view.drivingRun().plan->aggregate))
        tip += Explanations::tr("\nRows: Spark's numRowsDroppedByWatermark, one per late (key, window) group in each batch — "
                  "an event that falls in two late windows counts twice.");
    return tip;
}

QString rowTitle(const ViewState& view, OutputMode mode, const Row& row)
{
    const ModeRun& run = view.snapshot->run(mode);
    if (!run.plan)
        return {};
    const std::size_t width = run.keyWidth() > 0 ? run.keyWidth() : row.size();
    return rowText(row, run.plan->output, *view.snapshot->scenario, width);
}

QString explainRow(const ViewState& view, OutputMode mode, const Row& row)
{
    if (!view.snapshot)
        return {};
    const ModeRun& run = view.snapshot->run(mode);
    if (run.error || !run.plan)
        return run.error ? QString::fromStdString(run.error->text()) : QString();
    const Scenario& sc = *view.snapshot->scenario;
    if (run.keyWidth() == 0)
        return Explanations::tr("%1 mode: this query keeps no state for its rows; each input row passes straight to the sink.")
            .arg(QString::fromLatin1(outputModeName(mode)));
    const Row key(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(std::min(run.keyWidth(), row.size())));
    return Explanations::tr("Group %1 in %2 mode\n").arg(rowTitle(view, mode, row), QString::fromLatin1(outputModeName(mode)))
           + translated(explainGroupPhrases(key, run, sc)).trimmed();
}

} // namespace tidemark::ui
