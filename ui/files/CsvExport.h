// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"

#include <QString>

class QAbstractItemModel;

namespace tidemark::ui {

/// A table model as RFC 4180 CSV: a header row, then every row, cells taken with `role`
/// (a model may offer the exact Spark text in a role of its own).
QString modelToCsv(const QAbstractItemModel& model, int role);

/// Writes modelToCsv() to `path` (UTF-8, QSaveFile).
Status writeCsv(const QString& path, const QAbstractItemModel& model, int role);

} // namespace tidemark::ui
