// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace tidemark::platform {

/// The running executable's own path (empty if the system will not say).
std::filesystem::path executablePath();

/// The example scenarios: share/tidemark/scenarios beside the running program (an installed,
/// extracted or moved tree), else the source tree's (a development build), else the configured
/// install prefix's.
std::filesystem::path scenariosDir();

/// The built-in lessons, found the same way (share/tidemark/lessons, resources/lessons).
std::filesystem::path lessonsDir();

} // namespace tidemark::platform
