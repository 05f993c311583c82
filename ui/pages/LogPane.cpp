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
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("logPane"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    // NanumGothicCoding draws Hangul exactly two cells wide, as Spark's console counts it.
    QFont mono(QStringLiteral("NanumGothicCoding"));
    mono.setFamilies({QStringLiteral("NanumGothicCoding"), QStringLiteral("DejaVu Sans Mono"), QStringLiteral("monospace")});
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
}

void LogPane::setView(const ViewState& view)
{
    m_view = view;
    m_stale = true;
    if (m_active)
        render();
}

void LogPane::setActive(bool active)
{
    m_active = active;
    if (active && m_stale)
        render();
}

void LogPane::render()
{
    m_stale = false;
    if (!m_view.snapshot) {
        clear();
        return;
    }
    const ModeRun& run = m_view.snapshot->run(m_view.selected);
    const Scenario& sc = *m_view.snapshot->scenario;
    QString text = tr("// console sink, %1 mode\n").arg(QString::fromLatin1(outputModeName(m_view.selected)));
    if (run.error) {
        setPlainText(text + QString::fromStdString(run.error->text()) + QLatin1Char('\n'));
        return;
    }
    int last = m_view.batchIn(m_view.selected);
    // Class mode: the batch being predicted has not printed yet.
    if (last >= 0 && m_view.hidesOutcome() && run.batches[static_cast<std::size_t>(last)].triggerTime == m_view.now)
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
