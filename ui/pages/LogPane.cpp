// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/LogPane.h"

#include "engine/sink/ConsoleFormat.h"
#include "engine/sink/RestartText.h"

#include <QScrollBar>

namespace tidemark::ui {

namespace {
/// Older batches scroll out; a long run would otherwise rebuild megabytes of text per step.
constexpr int kMaxBatches = 50;
} // namespace

LogPane::LogPane(QWidget* parent)
    : ViewTextPane(QStringLiteral("logPane"), QPlainTextEdit::NoWrap, parent)
{
}

void LogPane::render()
{
    if (!view().snapshot) {
        clear();
        return;
    }
    const ModeRun& run = view().snapshot->run(view().selected);
    const Scenario& sc = *view().snapshot->scenario;
    QString text = tr("// console sink, %1 mode\n").arg(QString::fromLatin1(outputModeName(view().selected)));
    if (run.error) {
        setPlainText(text + QString::fromStdString(run.error->text()) + QLatin1Char('\n'));
        return;
    }
    int last = view().batchIn(view().selected);
    // Class mode: the batch being predicted has not printed yet.
    if (last >= 0 && view().hidesOutcome() && run.batches[static_cast<std::size_t>(last)].triggerTime == view().now)
        --last;
    if (last < 0) {
        setPlainText(text + tr("(no batch yet)\n"));
        return;
    }
    ConsoleOptions options;
    options.truncate = run.plan->sink.truncate;
    options.numRows = run.plan->sink.numRows;
    std::string out;
    const auto first = static_cast<std::size_t>(std::max(0, last - kMaxBatches + 1));
    const auto sinks = run.sinkRowsOf(first, static_cast<std::size_t>(last));
    for (std::size_t i = first; i <= static_cast<std::size_t>(last); ++i)
    {
        if (run.batches[i].restart) // the query stopped and started again from its checkpoint here
            out += restartConsoleLine(*run.batches[i].restart, run.batches[i], sc);
        out += consoleBatch(run.batches[i].batchId, run.plan->output, sinks[i - first], sc.zone, run.plan->version, options);
    }
    setPlainText(text + QString::fromStdString(out));
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

} // namespace tidemark::ui
