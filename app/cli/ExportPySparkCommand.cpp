// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"

#include "engine/pyspark/PySparkExport.h"
#include "engine/scenario/ScenarioFile.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>

namespace tidemark::cli {

int exportPySparkCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    std::string file, output;
    std::optional<OutputMode> mode;
    for (size_t i = 1; i < args.size(); ++i) {
        if ((args[i] == "-o" || args[i] == "--output") && i + 1 < args.size()) {
            output = args[++i];
        } else if (args[i] == "--mode" && i + 1 < args.size()) {
            mode = parseOutputMode(args[++i]);
            if (!mode) {
                err << "tidemark export-pyspark: --mode must be append, update or complete\n";
                return kUsage;
            }
        } else if (!args[i].empty() && args[i][0] == '-') {
            err << "tidemark export-pyspark: unknown option " << args[i] << "\n";
            return kUsage;
        } else if (file.empty()) {
            file = args[i];
        } else {
            err << "tidemark export-pyspark: give one scenario file\n";
            return kUsage;
        }
    }
    if (file.empty() || output.empty()) {
        err << "usage: tidemark export-pyspark FILE -o OUT.ipynb|OUT.py [--mode append|update|complete]\n";
        return kUsage;
    }
    const auto format = pysparkExportFormatFor(output);
    if (!format) {
        err << "tidemark export-pyspark: " << output << ": the output must end in .ipynb (a notebook) or .py (a script)\n";
        return kUsage;
    }
    auto scenario = loadScenarioFile(file);
    if (!scenario.ok()) {
        err << file << ": " << scenario.error().describe() << '\n';
        return kFileError;
    }
    auto text = exportPySpark(*scenario, *format, std::filesystem::path(file).filename().string(), mode);
    if (!text.ok()) {
        err << file << ": " << text.error().describe() << '\n';
        return text.error().kind == ErrorKind::File ? kFileError : kQueryError;
    }
    std::ofstream f(output, std::ios::binary | std::ios::trunc);
    f << *text;
    f.close();
    if (!f) {
        err << output << ": cannot write the export\n";
        return kFileError;
    }
    out << output << ": " << (*format == PySparkExportFormat::Notebook ? "notebook" : "script") << " for PySpark, from " << file << '\n';
    return kOk;
}

} // namespace tidemark::cli
