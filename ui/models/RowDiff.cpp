// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/RowDiff.h"

#include "engine/exec/KeyedRows.h"

#include <algorithm>
#include <map>

namespace tidemark::ui {

std::vector<MarkedRow> diffRows(const std::vector<Row>& current, const std::vector<Row>& previous, std::size_t keyWidth, bool listRemoved)
{
    // key -> rows of `previous` with that key not matched yet; the keys are read in place
    const std::size_t width = keyWidth == 0 ? kWholeRow : keyWidth;
    std::map<RowKey, std::vector<const Row*>, RowKeyLess> before;
    for (const Row& r : previous)
        before[RowKey::of(r, width)].push_back(&r);
    std::vector<MarkedRow> out;
    out.reserve(current.size());
    for (const Row& r : current) {
        MarkedRow m{r, RowStatus::New};
        auto it = before.find(RowKey::of(r, width));
        if (it != before.end() && !it->second.empty()) {
            auto& candidates = it->second;
            auto same = std::find_if(candidates.begin(), candidates.end(), [&](const Row* p) { return *p == r; });
            if (same != candidates.end()) {
                m.status = RowStatus::Unchanged;
                candidates.erase(same);
            } else {
                m.status = RowStatus::Changed;
                candidates.erase(candidates.begin());
            }
        }
        out.push_back(std::move(m));
    }
    if (listRemoved)
        for (const Row& r : previous) {
            auto it = before.find(RowKey::of(r, width));
            if (it == before.end())
                continue;
            auto& left = it->second;
            if (auto p = std::find(left.begin(), left.end(), &r); p != left.end()) {
                out.push_back({r, RowStatus::Removed});
                left.erase(p);
            }
        }
    return out;
}

} // namespace tidemark::ui
