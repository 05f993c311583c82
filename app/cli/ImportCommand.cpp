// SPDX-License-Identifier: GPL-3.0-or-later
// `tidemark import-pyspark FILE [--cell N] [--data DIR]... [--spark-version V] -o OUT.json`
#include "app/cli/Cli.h"

#include "engine/pyspark/PySparkImport.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>

namespace tidemark::cli {

int importPySparkCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    std::string file, output;
    pyspark::ImportOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* what) -> const std::string* {
            if (i + 1 >= args.size()) {
                err << "tidemark import-pyspark: " << a << " needs " << what << '\n';
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "-o" || a == "--output") {
            const std::string* v = value("an output file");
            if (!v)
                return kUsage;
            output = *v;
        } else if (a == "--cell") {
            const std::string* v = value("a cell number");
            if (!v)
                return kUsage;
            char* end = nullptr;
            const long n = std::strtol(v->c_str(), &end, 10);
            if (v->empty() || *end != '\0' || n < 1 || n > 1000000) {
                err << "tidemark import-pyspark: --cell wants a cell number from 1, not \"" << *v << "\"\n";
                return kUsage;
            }
            options.cell = static_cast<int>(n);
        } else if (a == "--spark-version") {
            const std::string* v = value("a Spark release");
            if (!v)
                return kUsage;
            options.sparkVersion = SparkVersion::parse(*v);
            if (!options.sparkVersion) {
                err << "tidemark import-pyspark: --spark-version wants 3.0 ... 3.5 or 4.0, not \"" << *v << "\"\n";
                return kUsage;
            }
        } else if (a == "--data") {
            const std::string* v = value("a folder");
            if (!v)
                return kUsage;
            options.dataDirs.push_back(*v);
        } else if (!a.empty() && a[0] == '-') {
            err << "tidemark import-pyspark: unknown option " << a << '\n';
            return kUsage;
        } else if (file.empty()) {
            file = a;
        } else {
            err << "tidemark import-pyspark: give one notebook or script, not also \"" << a << "\"\n";
            return kUsage;
        }
    }
    if (file.empty() || output.empty()) {
        err << "usage: tidemark import-pyspark FILE.py|FILE.ipynb|FILE.txt [--cell N] [--data DIR] [--spark-version V] -o OUT.json\n";
        return kUsage;
    }
    auto imported = pyspark::importPySparkFile(file, options);
    if (!imported.ok()) {
        err << file << ": " << imported.error().describe() << '\n';
        return kFileError;
    }
    for (const auto& m : imported->messages)
        err << file << ": " << (m.level == pyspark::ImportMessage::Level::Warning ? "warning: " : "") << m.describe() << '\n';
    std::ofstream o(output, std::ios::binary | std::ios::trunc);
    if (!o || !(o << imported->json) || !o.flush()) {
        err << output << ": cannot write: " << std::strerror(errno) << '\n';
        return kFileError;
    }
    out << output << ": " << imported->scenario.numEvents() << " events, query of cell " << imported->picked.cell << '\n';
    return kOk;
}

} // namespace tidemark::cli
