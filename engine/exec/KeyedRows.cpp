// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/KeyedRows.h"

#include "engine/ops/OperatorContext.h"

namespace tidemark {

std::vector<Row> KeyedRows::sorted(int windowColumn) const
{
    std::vector<Row> rows;
    rows.reserve(m_rows.size());
    for (const auto& [key, row] : m_rows)
        rows.push_back(row);
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return aggregateRowLess(a, b, windowColumn); });
    return rows;
}

} // namespace tidemark
