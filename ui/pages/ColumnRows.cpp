// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/ColumnRows.h"

#include "ui/models/RerunRows.h"
#include "ui/pages/BatchTables.h"

namespace tidemark::ui {

ColumnRows columnRows(const ModeRun& run, std::size_t index)
{
    ColumnRows out;
    out.index = index;
    const BatchTables tables = batchTables(run, index);
    const std::size_t width = run.keyWidth();
    out.sink = diffRows(tables.sink, tables.before, width, false);
    out.table = diffRows(tables.after, tables.before, width, true);
    markRerunSinkRows(out.sink, run, index);
    markRerunResultRows(out.table, run, index);
    out.numResultRows = tables.after.size();
    return out;
}

} // namespace tidemark::ui
