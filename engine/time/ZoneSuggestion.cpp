// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/time/ZoneSuggestion.h"

#include <algorithm>
#include <cctype>

namespace tidemark {

namespace {

std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

std::string zoneSuggestion(const std::string& id, const std::vector<std::string>& regions)
{
    std::vector<std::string> inFolder;
    for (const auto& n : regions)
        if (n.size() > id.size() + 1 && n.compare(0, id.size(), id) == 0 && n[id.size()] == '/')
            inFolder.push_back(n);
    if (!inFolder.empty()) {
        std::string list;
        for (std::size_t i = 0; i < std::min<std::size_t>(inFolder.size(), 3); ++i)
            list += (i ? "\", \"" : "\"") + inFolder[i];
        return " (a folder of zones; did you mean one in it, such as " + list + "\"?)";
    }
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(3, id.size() / 4) + 1;
    for (const auto& n : regions) {
        // Cheap bound first: the lengths alone rule most names out.
        const std::size_t gap = n.size() > id.size() ? n.size() - id.size() : id.size() - n.size();
        if (gap >= bestDistance)
            continue;
        const std::size_t d = editDistance(id, n);
        if (d < bestDistance) {
            bestDistance = d;
            best = n;
        }
    }
    return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
}

} // namespace tidemark
