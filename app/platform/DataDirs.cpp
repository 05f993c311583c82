// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that asks the operating system where the program is.
#include "app/platform/DataDirs.h"

#include <system_error>
#include <vector>

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace tidemark::platform {

namespace fs = std::filesystem;

fs::path executablePath()
{
    std::error_code ec;
#if defined(_WIN32)
    std::wstring buffer(32768, L'\0');
    const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    buffer.resize(n);
    return fs::path(buffer);
#elif defined(__APPLE__)
    uint32_t size = 0;
    _NSGetExecutablePath(nullptr, &size);
    std::string buffer(size, '\0');
    if (_NSGetExecutablePath(buffer.data(), &size) != 0)
        return {};
    return fs::weakly_canonical(fs::path(buffer.c_str()), ec);
#else
    // Linux and the BSDs with linprocfs; elsewhere the fallbacks below apply.
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : self;
#endif
}

namespace {

/// The first of `candidates` that is a folder, else the last.
fs::path firstFolder(const std::vector<fs::path>& candidates)
{
    std::error_code ec;
    for (const auto& dir : candidates)
        if (!dir.empty() && fs::is_directory(dir, ec))
            return dir;
    return candidates.back();
}

/// share/tidemark beside bin/ of the running program (bin/../share/tidemark).
fs::path besideProgram()
{
    const fs::path exe = executablePath();
    if (exe.empty())
        return {};
    return exe.parent_path().parent_path() / "share" / "tidemark";
}

} // namespace

fs::path scenariosDir()
{
    const fs::path share = besideProgram();
    return firstFolder({share.empty() ? share : share / "scenarios", fs::path(TIDEMARK_SOURCE_SCENARIOS),
                        fs::path(TIDEMARK_INSTALLED_SCENARIOS)});
}

fs::path lessonsDir()
{
    const fs::path share = besideProgram();
    return firstFolder({share.empty() ? share : share / "lessons",
                        fs::path(TIDEMARK_SOURCE_SCENARIOS).parent_path() / "resources" / "lessons",
                        fs::path(TIDEMARK_INSTALLED_SCENARIOS).parent_path() / "lessons"});
}

} // namespace tidemark::platform
