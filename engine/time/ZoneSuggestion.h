// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace tidemark {

/// What to tell someone whose time zone ID is not a region: ' (did you mean "Asia/Seoul"?)' for a
/// near miss, the first zones of a folder for a folder's name ("Asia"), or nothing. `regions` is
/// sorted.
std::string zoneSuggestion(const std::string& id, const std::vector<std::string>& regions);

} // namespace tidemark
