// SPDX-License-Identifier: GPL-3.0-or-later
// `tidemark lesson check FILE...` and `tidemark lesson list`.
#include "app/cli/Cli.h"

#include "engine/lesson/ClaimChecker.h"
#include "engine/lesson/LessonFile.h"
#include "engine/scenario/ScenarioFile.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

namespace tidemark::cli {

namespace fs = std::filesystem;

namespace {

/// Where a lesson's `"scenario": "name.json"` is looked for: `--scenarios DIR`, then beside
/// the lesson as the source tree (resources/lessons → scenarios) and the installed share
/// folder (lessons → scenarios) lay them out, then the built-in folders.
std::vector<fs::path> scenarioFolders(const fs::path& lessonFile, const std::string& explicitDir)
{
    std::vector<fs::path> out;
    if (!explicitDir.empty())
        out.emplace_back(explicitDir);
    const fs::path dir = fs::absolute(lessonFile).parent_path();
    out.push_back(dir.parent_path().parent_path() / "scenarios");
    out.push_back(dir.parent_path() / "scenarios");
    out.emplace_back(TIDEMARK_SOURCE_SCENARIOS);
    out.emplace_back(TIDEMARK_INSTALLED_SCENARIOS);
    return out;
}

Result<Lesson> loadLesson(const fs::path& file, const std::string& scenariosDir)
{
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return Error::file("", fs::exists(file, ec) ? "not a regular file" : "cannot open the file");
    const auto folders = scenarioFolders(file, scenariosDir);
    auto resolve = [&](const std::string& name) -> Result<Scenario> {
        for (const fs::path& d : folders)
            if (std::error_code e; fs::is_regular_file(d / name, e))
                return loadScenarioFile((d / name).string());
        return Error::file("", "no such scenario in scenarios/");
    };
    std::string text;
    {
        std::FILE* f = std::fopen(file.c_str(), "rb");
        if (!f)
            return Error::file("", "cannot open the file");
        char buf[8192];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
            text.append(buf, n);
        std::fclose(f);
    }
    return loadLessonText(text, resolve);
}

int checkLessons(const std::vector<std::string>& files, const std::string& scenariosDir, std::ostream& out, std::ostream& err)
{
    bool badFile = false, falseClaim = false;
    for (const std::string& file : files) {
        auto lesson = loadLesson(file, scenariosDir);
        if (!lesson.ok()) {
            err << file << ": " << lesson.error().describe() << '\n';
            badFile = true;
            continue;
        }
        const ClaimChecker checker(*lesson);
        std::size_t holding = 0, total = 0;
        for (const ClaimResult& r : checker.checkAll()) {
            ++total;
            if (r.holds) {
                ++holding;
                continue;
            }
            falseClaim = true;
            err << file << ": steps[" << r.step << "].claims[" << r.claim << "] " << r.claimText << " is false; the engine gives: " << r.actual
                << '\n';
        }
        for (const std::string& problem : checker.checkSteps()) {
            falseClaim = true;
            err << file << ": " << problem << '\n';
        }
        out << file << ": " << holding << " of " << total << " claims hold (" << lesson->steps.size() << " steps)\n";
    }
    return badFile ? kFileError : falseClaim ? kClaimFalse : kOk;
}

/// The built-in lessons on disk: the source tree's, else the installed ones.
fs::path builtInLessons()
{
    std::error_code ec;
    const fs::path source = fs::path(TIDEMARK_SOURCE_SCENARIOS).parent_path() / "resources" / "lessons";
    if (fs::is_directory(source, ec))
        return source;
    return fs::path(TIDEMARK_INSTALLED_SCENARIOS).parent_path() / "lessons";
}

int listLessons(std::ostream& out, std::ostream& err)
{
    const fs::path dir = builtInLessons();
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 12 && name.ends_with(".lesson.json"))
            files.push_back(entry.path());
    }
    if (ec) {
        err << "tidemark: no lessons folder at " << dir.string() << '\n';
        return kFileError;
    }
    std::sort(files.begin(), files.end());
    int status = kOk;
    for (const fs::path& f : files) {
        auto lesson = loadLesson(f, {});
        if (!lesson.ok()) {
            err << f.string() << ": " << lesson.error().describe() << '\n';
            status = kFileError;
            continue;
        }
        out << lesson->id << "\t" << lesson->title.en << '\n';
    }
    return status;
}

} // namespace

int lessonCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const std::string sub = args.size() > 1 ? args[1] : std::string();
    if (sub == "list" && args.size() == 2)
        return listLessons(out, err);
    if (sub == "check") {
        std::vector<std::string> files;
        std::string scenariosDir;
        for (std::size_t i = 2; i < args.size(); ++i) {
            if (args[i] == "--scenarios" && i + 1 < args.size()) {
                scenariosDir = args[++i];
            } else if (!args[i].empty() && args[i][0] == '-') {
                err << "tidemark: unknown option " << args[i] << '\n';
                return kUsage;
            } else {
                files.push_back(args[i]);
            }
        }
        if (!files.empty())
            return checkLessons(files, scenariosDir, out, err);
    }
    err << "tidemark: lesson needs `check FILE...` or `list`\n" << usage();
    return kUsage;
}

} // namespace tidemark::cli
