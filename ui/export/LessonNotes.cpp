// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/LessonNotes.h"

#include <QCoreApplication>

#include <optional>

namespace tidemark::ui {

std::vector<QStringList> lessonNotesByBatch(const Lesson& lesson, int numBatches, const QString& language)
{
    std::vector<QStringList> notes(static_cast<std::size_t>(std::max(numBatches, 0)));
    std::optional<std::size_t> batch;
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep& step = lesson.steps[i];
        if (step.batch)
            batch = step.batch;
        const std::size_t b = batch.value_or(0);
        if (b >= notes.size())
            continue; // `lesson check` reports a step past the run's last batch
        notes[b] << QCoreApplication::translate("Storyboard", "Step %1. %2")
                        .arg(i + 1)
                        .arg(QString::fromStdString(step.text.in(language.toStdString())));
    }
    return notes;
}

} // namespace tidemark::ui
