// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/lesson/Lesson.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tidemark::ui {

/// A lesson's step texts by the batch each step shows (a step without a batch shows the one
/// the step before it showed, as the lesson bar does), in `language` ("en" or "ko"), each
/// "Step N. text". Indexed by batch; batches no step shows have an empty list.
std::vector<QStringList> lessonNotesByBatch(const Lesson& lesson, int numBatches, const QString& language);

} // namespace tidemark::ui
