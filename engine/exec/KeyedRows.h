// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schema/Value.h"

#include <algorithm>
#include <compare>
#include <cstddef>
#include <limits>
#include <map>
#include <vector>

namespace tidemark {

/// A key width that takes whole rows as keys (a deduplication's state, a join's rows).
inline constexpr std::size_t kWholeRow = std::numeric_limits<std::size_t>::max();

/// A row's key, its first `width` values, read in place instead of copied out.
struct RowKey {
    const Row* row = nullptr;
    std::size_t width = 0;

    /// The first `width` values of `r` (all of them for kWholeRow; none for a global aggregation).
    static RowKey of(const Row& r, std::size_t width) { return {&r, std::min(width, r.size())}; }
    Row copy() const { return Row(row->begin(), row->begin() + static_cast<std::ptrdiff_t>(width)); }
};

/// Orders keys held as rows and keys read in place alike (the order of Row's own <=>), so a
/// map keyed by either is searched with the other without building a key.
struct RowKeyLess {
    using is_transparent = void;
    static std::strong_ordering compare(Row::const_iterator a, Row::const_iterator aEnd, Row::const_iterator b, Row::const_iterator bEnd)
    {
        return std::lexicographical_compare_three_way(a, aEnd, b, bEnd);
    }
    static Row::const_iterator end(const RowKey& k) { return k.row->begin() + static_cast<std::ptrdiff_t>(k.width); }
    bool operator()(const Row& a, const Row& b) const { return a < b; }
    bool operator()(const Row& a, const RowKey& b) const { return compare(a.begin(), a.end(), b.row->begin(), end(b)) < 0; }
    bool operator()(const RowKey& a, const Row& b) const { return compare(a.row->begin(), end(a), b.begin(), b.end()) < 0; }
    bool operator()(const RowKey& a, const RowKey& b) const { return compare(a.row->begin(), end(a), b.row->begin(), end(b)) < 0; }
};

/// Rows by their key (RowKey::of, `width` values): an aggregation's or a deduplication's state, or an update
/// mode result table, as the fold of the rows put into it over a run's batches.
///
/// Why: the tables of a batch are folded from every batch before it, each time one is shown.
/// A put finds its row's group by the row itself and overwrites it in place, so a fold over
/// a 10,000-event run allocates only for groups it has not seen.
class KeyedRows {
public:
    explicit KeyedRows(std::size_t width)
        : m_width(width)
    {
    }

    /// Puts `row` in place of the row with its key, if any.
    void put(const Row& row)
    {
        const RowKey key = RowKey::of(row, m_width);
        const auto at = m_rows.lower_bound(key);
        if (at != m_rows.end() && !RowKeyLess{}(key, at->first))
            at->second = row;
        else
            m_rows.emplace_hint(at, key.copy(), row);
    }
    /// Removes the row with `row`'s key.
    void erase(const Row& row)
    {
        if (const auto at = m_rows.find(RowKey::of(row, m_width)); at != m_rows.end())
            m_rows.erase(at);
    }
    std::size_t size() const { return m_rows.size(); }
    /// The rows, in the order the console prints them (aggregateRowLess by `windowColumn`).
    std::vector<Row> sorted(int windowColumn) const;

private:
    std::size_t m_width;
    std::map<Row, Row, RowKeyLess> m_rows;
};

} // namespace tidemark
