// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/classroom/Prediction.h"

#include "engine/exec/EventTime.h"
#include "engine/time/Interval.h"
#include "ui/document/CellText.h"
#include "ui/inspector/Explanations.h"

#include <QStringList>

#include <algorithm>

namespace tidemark::ui {

namespace {

/// At most this many rows to choose from: the real ones and distractors.
constexpr std::size_t kMaxSinkChoices = 8;

QString rowLine(const Row& row, const Schema& schema, const Scenario& sc)
{
    QStringList cells;
    for (std::size_t i = 0; i < row.size() && i < schema.size(); ++i)
        cells << cellText(row[i], schema[i].type, sc);
    return cells.join(QStringLiteral(" · "));
}

QString eventLine(const Scenario& sc, std::uint32_t event)
{
    const auto [source, index] = locateEvent(sc, event);
    if (source >= sc.sources.size())
        return {};
    const SourceSpec& src = sc.sources[source];
    const SourceEvent& e = src.events[index];
    return BatchPrediction::tr("event %1 · arrives %2 · %3").arg(event + 1).arg(clockText(e.at, sc), rowLine(e.row, src.schema, sc));
}

/// The delay of the query's first withWatermark (0 without one).
Millis watermarkDelay(const QueryPlan& plan)
{
    for (const InputPlan& input : plan.inputs)
        for (const Step& step : input.steps)
            if (step.kind == Step::Kind::Watermark)
                return step.delayMs;
    for (const Step& step : plan.steps)
        if (step.kind == Step::Kind::Watermark)
            return step.delayMs;
    return 0;
}

/// The sink rows of `mode`'s batch that ran at `now`, or none.
std::vector<Row> sinkAt(const ViewState& view, OutputMode mode)
{
    const ModeRun& run = view.snapshot->run(mode);
    const int i = view.batchIn(mode);
    if (run.error || i < 0 || run.batches[static_cast<std::size_t>(i)].triggerTime != view.now)
        return {};
    return run.sinkRowsOf(static_cast<std::size_t>(i));
}

void addSinkChoices(BatchPrediction& p, const ViewState& view)
{
    const ModeRun& run = view.drivingRun();
    const Scenario& sc = *view.snapshot->scenario;
    const auto i = static_cast<std::size_t>(view.batch);
    const auto add = [&](const Row& row, bool real) {
        const QString text = rowLine(row, run.plan->output, sc);
        if (std::any_of(p.sink.begin(), p.sink.end(), [&](const SinkChoice& c) { return c.text == text; }))
            return;
        if (!real && p.sink.size() >= kMaxSinkChoices)
            return;
        p.sink.push_back({row, text, real, false});
    };
    for (const Row& r : run.sinkRowsOf(i))
        add(r, true);
    // Plausible wrong answers: what the sink got last time, what the other modes get now,
    // and the rows the result table holds (windows not closed yet, counts before this batch).
    if (i > 0)
        for (const Row& r : run.sinkRowsOf(i - 1))
            add(r, false);
    for (OutputMode m : {OutputMode::Update, OutputMode::Complete, OutputMode::Append})
        if (m != view.driving && view.snapshot->has(m) && view.snapshot->run(m).plan && view.snapshot->run(m).plan->output == run.plan->output)
            for (const Row& r : sinkAt(view, m))
                add(r, false);
    if (i > 0)
        for (const Row& r : run.resultTableAfter(i - 1))
            add(r, false);
    std::sort(p.sink.begin(), p.sink.end(), [](const SinkChoice& a, const SinkChoice& b) { return a.text < b.text; });
}

void addWatermarkChoices(BatchPrediction& p, const ViewState& view)
{
    const BatchRecord& b = view.currentBatch();
    const Scenario& sc = *view.snapshot->scenario;
    const Millis delay = watermarkDelay(*view.drivingRun().plan);
    // The real one, and the usual mistakes: forgetting the delay, thinking it does not move
    // until later, and taking processing time for event time.
    std::vector<std::pair<Millis, bool>> values{{b.nextWatermarkMs, true}};
    if (b.hasMaxEventTime)
        values.push_back({b.maxEventTimeMs, false});
    values.push_back({b.watermarkMs, false});
    values.push_back({b.endTime / kMicrosPerMilli - delay, false});
    for (const auto& [ms, real] : values) {
        if (std::any_of(p.watermarks.begin(), p.watermarks.end(), [ms = ms](const WatermarkChoice& c) { return c.ms == ms; }))
            continue;
        const QString text = ms == 0 ? BatchPrediction::tr("none yet (1970-01-01 00:00:00)") : timeText(ms * kMicrosPerMilli, sc);
        p.watermarks.push_back({ms, text, real});
    }
    std::sort(p.watermarks.begin(), p.watermarks.end(), [](const WatermarkChoice& a, const WatermarkChoice& c) { return a.ms < c.ms; });
}

} // namespace

std::optional<PredictKind> predictKindFromName(const QString& name)
{
    if (name == QLatin1String("sink"))
        return PredictKind::Sink;
    if (name == QLatin1String("drops"))
        return PredictKind::Drops;
    if (name == QLatin1String("watermark"))
        return PredictKind::Watermark;
    return std::nullopt;
}

BatchPrediction BatchPrediction::make(const ViewState& view, PredictKinds kinds)
{
    BatchPrediction p;
    p.requested = kinds;
    if (!view.hasBatch())
        return p;
    p.batch = view.batch;
    p.batchId = view.batchId();
    p.generation = view.snapshot->generation;
    p.complete = view.snapshot->complete;
    p.mode = view.driving;
    const ModeRun& run = view.drivingRun();
    if (run.error || !run.plan)
        return p;
    const BatchRecord& b = view.currentBatch();
    if (kinds.testFlag(PredictKind::Sink)) {
        p.kinds |= PredictKind::Sink;
        addSinkChoices(p, view);
    }
    if (kinds.testFlag(PredictKind::Drops) && !b.events.empty() && b.hasWatermark) {
        p.kinds |= PredictKind::Drops;
        const auto& points = view.snapshot->view(view.driving).points;
        for (std::uint32_t e : b.events)
            if (e < points.size())
                p.drops.push_back({e, eventLine(*view.snapshot->scenario, e), points[e].fate == Fate::DroppedByWatermark, false});
    }
    if (kinds.testFlag(PredictKind::Watermark) && b.hasWatermark) {
        p.kinds |= PredictKind::Watermark;
        addWatermarkChoices(p, view);
    }
    return p;
}

bool BatchPrediction::isRight(PredictKind kind) const
{
    switch (kind) {
    case PredictKind::Sink: return std::all_of(sink.begin(), sink.end(), [](const SinkChoice& c) { return c.picked == c.real; });
    case PredictKind::Drops: return std::all_of(drops.begin(), drops.end(), [](const DropChoice& c) { return c.picked == c.dropped; });
    case PredictKind::Watermark:
        return pickedWatermark >= 0 && static_cast<std::size_t>(pickedWatermark) < watermarks.size() && watermarks[static_cast<std::size_t>(pickedWatermark)].real;
    }
    return false;
}

int BatchPrediction::numAsked() const
{
    int n = 0;
    for (PredictKind k : {PredictKind::Sink, PredictKind::Drops, PredictKind::Watermark})
        n += asks(k) ? 1 : 0;
    return n;
}

int BatchPrediction::numRight() const
{
    int n = 0;
    for (PredictKind k : {PredictKind::Sink, PredictKind::Drops, PredictKind::Watermark})
        n += asks(k) && isRight(k) ? 1 : 0;
    return n;
}

QString BatchPrediction::explainDifferences(const ViewState& view) const
{
    if (!view.hasBatch())
        return {};
    QStringList parts;
    if (asks(PredictKind::Sink))
        for (const SinkChoice& c : sink) {
            if (c.picked == c.real)
                continue;
            const QString head = c.real ? tr("✗ Missed: the sink did receive %1").arg(c.text) : tr("✗ Not sent: the sink did not receive %1").arg(c.text);
            parts << head + QLatin1Char('\n') + explainRow(view, mode, c.row);
        }
    if (asks(PredictKind::Drops))
        for (const DropChoice& c : drops) {
            if (c.picked == c.dropped)
                continue;
            const QString head = c.dropped ? tr("✗ Dropped, not predicted:") : tr("✗ Predicted dropped, but kept:");
            parts << head + QLatin1Char('\n') + explainEvent(view, c.event);
        }
    if (asks(PredictKind::Watermark) && !isRight(PredictKind::Watermark)) {
        const BatchRecord& b = view.currentBatch();
        const Scenario& sc = *view.snapshot->scenario;
        const Millis delay = watermarkDelay(*view.drivingRun().plan);
        // Spark: WatermarkTracker.updateWatermark — max(event time) − delay at the batch's end, never moving back.
        QString text = tr("✗ Watermark after batch %1: %2.").arg(batchId).arg(timeText(b.nextWatermarkMs * kMicrosPerMilli, sc));
        if (b.hasMaxEventTime)
            text += QLatin1Char('\n')
                    + tr("Spark computes it when the batch ends: the max event time seen (%1) minus the delay (%2), and it never moves back "
                         "(it was %3). Processing time plays no part.")
                          .arg(timeText(b.maxEventTimeMs * kMicrosPerMilli, sc))
                          .arg(QString::fromStdString(formatDuration(delay * kMicrosPerMilli)))
                          .arg(b.watermarkMs == 0 ? tr("not set") : timeText(b.watermarkMs * kMicrosPerMilli, sc));
        parts << text;
    }
    return parts.join(QLatin1String("\n\n"));
}

} // namespace tidemark::ui
