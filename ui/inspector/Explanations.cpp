// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inspector/Explanations.h"

#include "engine/exec/EventTime.h"
#include "engine/exec/Explain.h"
#include "ui/Palette.h"
#include "ui/document/CellText.h"

#include <QCoreApplication>

#include <map>

namespace tidemark::ui {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("Explanations", text); }

QString rowText(const Row& row, const Schema& schema, const Scenario& sc, std::size_t width)
{
    QStringList cells;
    for (std::size_t i = 0; i < row.size() && i < width && i < schema.size(); ++i)
        cells << cellText(row[i], schema[i].type, sc);
    return cells.join(QLatin1String(", "));
}
} // namespace

const RowFate* findFate(const ModeRun& run, std::uint32_t event)
{
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
    QString out = tr("Event %1 · arrives %2").arg(event + 1).arg(timeText(e.at, sc));
    if (sc.sources.size() > 1)
        out += tr(" · source %1").arg(QString::fromStdString(src.name));
    out += QLatin1String("\n(") + rowText(e.row, src.schema, sc, e.row.size()) + QLatin1String(")\n\n");

    const ModeRun& run = view.drivingRun();
    if (run.error)
        return out + QString::fromStdString(run.error->text());
    const auto& points = view.snapshot->view(view.driving).points;
    if (event < points.size() && view.isPending(points[event]))
        out += tr("Not read yet at batch %1. What happens to it later:\n").arg(view.batchId());
    const RowFate* fate = findFate(run, event);
    if (view.snapshot->liveHorizon && (!fate || fate->fate == Fate::Unconsumed))
        return out + tr("It arrived after the latest trigger; the next batch reads it.");
    if (!fate)
        return out + tr("No batch has read it.");
    out += tr("%1 mode — %2.\n").arg(QString::fromLatin1(outputModeName(view.driving)), palette::fateLabel(event < points.size() ? points[event].fate : fate->fate));
    out += QString::fromStdString(explainFate(*fate, run, sc)).trimmed();
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
    QString out = tr("Window %1 in %2 mode\n").arg(cellText(Value(window), DataType(TypeId::Window), sc), QString::fromLatin1(outputModeName(mode)));
    if (keys.empty())
        return out + tr("Never in state.");
    for (const auto& [key, unused] : keys) {
        (void)unused;
        out += QLatin1Char('\n') + rowTitle(view, mode, key) + QLatin1Char('\n');
        out += QString::fromStdString(explainGroup(key, run, sc));
    }
    return out.trimmed();
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
        return tr("%1 mode: this query keeps no state for its rows; each input row passes straight to the sink.")
            .arg(QString::fromLatin1(outputModeName(mode)));
    const Row key(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(std::min(run.keyWidth(), row.size())));
    return tr("Group %1 in %2 mode\n").arg(rowTitle(view, mode, row), QString::fromLatin1(outputModeName(mode)))
           + QString::fromStdString(explainGroup(key, run, sc)).trimmed();
}

} // namespace tidemark::ui
