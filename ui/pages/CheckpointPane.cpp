// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/CheckpointPane.h"

#include "engine/exec/Explain.h"

#include <QScrollBar>

namespace tidemark::ui {

namespace {

QString timeOf(Micros t, const Scenario& sc) { return QString::fromStdString(shortTime(t, sc)); }
QString watermarkOf(Millis ms, const Scenario& sc) { return timeOf(ms * kMicrosPerMilli, sc); }

} // namespace

CheckpointPane::CheckpointPane(QWidget* parent)
    : ViewTextPane(QStringLiteral("checkpointPane"), QPlainTextEdit::WidgetWidth, parent)
{
}

void CheckpointPane::render()
{
    if (!view().snapshot) {
        clear();
        return;
    }
    const ModeRun& run = view().snapshot->run(view().selected);
    const Scenario& sc = *view().snapshot->scenario;
    if (run.error) {
        setPlainText(QString::fromStdString(run.error->text()));
        return;
    }
    const int last = view().batchIn(view().selected);
    if (last < 0) {
        setPlainText(tr("The checkpoint is empty: no batch has been planned yet."));
        return;
    }
    QStringList out;
    out << tr("Checkpoint after batch %1 (%2 mode)").arg(run.batches[static_cast<std::size_t>(last)].batchId).arg(QString::fromLatin1(outputModeName(view().selected)));
    QStringList offsets, commits, restarts;
    std::optional<std::int64_t> stateVersion;
    for (int i = 0; i <= last; ++i) {
        const BatchRecord& b = run.batches[static_cast<std::size_t>(i)];
        if (b.restart) {
            const RestartRecord& r = *b.restart;
            QString line = r.crashed && r.uncommittedBatch
                               ? tr("Crashed at %1 in batch %2, restarted at %3: batch %2 runs again with the same offsets.")
                                     .arg(timeOf(r.stopAt, sc)).arg(*r.uncommittedBatch).arg(timeOf(r.restartAt, sc))
                               : tr("Stopped at %1, restarted at %2: the next batch is %3.").arg(timeOf(r.stopAt, sc), timeOf(r.restartAt, sc)).arg(b.batchId);
            // populateStartOffsets: an uncommitted batch keeps its offset log entry's watermark; after a
            // clean stop that entry's watermark is raised to its commit's nextBatchWatermarkMs.
            line += QLatin1Char(' ')
                    + (r.uncommittedBatch ? tr("Watermark %1 restored from the offset log.") : tr("Watermark %1 restored from the offset and commit logs."))
                          .arg(watermarkOf(r.restoredWatermarkMs, sc));
            if (r.uncommittedBatch)
                line += QLatin1Char(' ')
                        + tr("The sink gets batch %1 again: the console sink prints it twice, the file sink skips a batch id its "
                             "_spark_metadata log already holds.")
                              .arg(*r.uncommittedBatch);
            if (r.noDataBatchDropped)
                line += QLatin1Char(' ') + tr("The no-data batch that was due waits for new data.");
            if (r.queryChanged)
                line += QLatin1Char(' ') + tr("The query changed.");
            if (r.limitsChanged)
                line += QLatin1Char(' ') + tr("maxEventsPerTrigger changed.");
            restarts << QStringLiteral("  ⟳ ") + line;
            offsets << QStringLiteral("  ⟳ ") + tr("restart at %1").arg(timeOf(r.restartAt, sc));
        }
        const OffsetLogEntry& o = b.checkpoint.offsets;
        QStringList sources;
        for (std::size_t s = 0; s < sc.sources.size() && s < o.sourceOffsets.size(); ++s)
            if (!sc.sources[s].isStatic)
                sources << QStringLiteral("%1=%2").arg(QString::fromStdString(sc.sources[s].name)).arg(o.sourceOffsets[s]);
        offsets << tr("  %1  %2  watermark %3  timestamp %4%5")
                       .arg(o.batchId)
                       .arg(sources.join(QLatin1Char(' ')), watermarkOf(o.batchWatermarkMs, sc), watermarkOf(o.batchTimestampMs, sc))
                       .arg(b.checkpoint.rerun ? tr("  (written again, same offsets)") : QString());
        if (b.checkpoint.commit)
            commits << tr("  %1  next watermark %2").arg(b.checkpoint.commit->batchId).arg(watermarkOf(b.checkpoint.commit->nextBatchWatermarkMs, sc));
        else
            commits << tr("  %1  missing: crashed before the commit").arg(o.batchId);
        if (b.checkpoint.stateVersion)
            stateVersion = b.checkpoint.stateVersion;
    }
    out << QString() << tr("offsets/ (the offset log: written when a batch is planned)") << offsets;
    out << QString() << tr("commits/ (the commit log: written when a batch has finished)") << commits;
    out << QString() << tr("state/") + QLatin1Char(' ')
               + (run.plan && run.plan->hasStatefulOperator()
                      ? (stateVersion ? tr("version %1 committed").arg(*stateVersion) : tr("no version committed yet"))
                      : tr("none: the query has no stateful operator"));
    if (!restarts.isEmpty())
        out << QString() << tr("Restarts") << restarts;
    setPlainText(out.join(QLatin1Char('\n')));
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

} // namespace tidemark::ui
