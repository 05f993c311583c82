// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schema/Value.h"

#include <cstdint>
#include <vector>

namespace tidemark::ui {

/// How a row of a result or state table differs from the batch before.
enum class RowStatus : std::uint8_t {
    Unchanged,
    New,     ///< its key was not there before
    Changed, ///< same key, other values
    Removed, ///< was there before, is gone now
    Evicted, ///< state only: removed by the watermark in this batch
};

struct MarkedRow {
    Row row;
    RowStatus status = RowStatus::Unchanged;
    /// The id of a batch that ran twice (a crash before its commit) when this row is the copy
    /// its second run sent; -1 otherwise.
    std::int64_t againOf = -1;
};

/// Marks `current` against `previous`. Rows are matched by their first `keyWidth` values
/// (the grouping columns); with keyWidth 0 whole rows are matched as a multiset. With
/// `listRemoved`, rows of `previous` that have no match follow the current rows as Removed.
std::vector<MarkedRow> diffRows(const std::vector<Row>& current, const std::vector<Row>& previous, std::size_t keyWidth, bool listRemoved);

} // namespace tidemark::ui
