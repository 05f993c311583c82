// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"

#include <QString>

class QAbstractItemModel;

namespace tidemark::ui {

struct CsvOptions {
    /// Start the file with a UTF-8 byte order mark: Excel reads a CSV without one in the
    /// system's legacy code page, which garbles Korean.
    bool excelBom = false;
};

/// A table model as RFC 4180 CSV: a header row, then every row as the table shows it. Cells of
/// engine rows (RowTableModel, also behind a proxy) are Spark's console text and get a last
/// "status" column (new, changed, removed, evicted, or empty), so an exported state table
/// says which rows the watermark evicted; any other model gives its display text.
QString modelToCsv(const QAbstractItemModel& model);

/// Writes modelToCsv() to `path` (UTF-8, QSaveFile).
Status writeCsv(const QString& path, const QAbstractItemModel& model, const CsvOptions& options = {});

} // namespace tidemark::ui
