// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/RunOptions.h"

#include "app/cli/Cli.h"

#include <ostream>

namespace tidemark::cli {

std::optional<std::string> optionValue(const std::vector<std::string>& args, std::size_t& i, std::ostream& err)
{
    if (i + 1 >= args.size()) {
        err << "tidemark run: " << args[i] << " needs a value\n";
        return std::nullopt;
    }
    return args[++i];
}

std::optional<double> optionNumber(const std::vector<std::string>& args, std::size_t& i, double min, std::ostream& err)
{
    const std::string& option = args[i];
    auto v = optionValue(args, i, err);
    if (!v)
        return std::nullopt;
    try {
        std::size_t used = 0;
        const double d = std::stod(*v, &used);
        if (used == v->size() && d >= min)
            return d;
    } catch (const std::exception&) {
    }
    err << "tidemark run: " << option << " needs a number of at least " << min << "\n";
    return std::nullopt;
}

OptionResult parseRunOption(const std::vector<std::string>& args, std::size_t& i, RunOptions& o, bool allowAllModes, std::ostream& err)
{
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* {
        if (i + 1 >= args.size()) {
            err << "tidemark run: " << a << " needs a value\n";
            return nullptr;
        }
        return &args[++i];
    };
    if (a == "--mode") {
        const std::string* v = value();
        if (!v)
            return OptionResult::Error;
        if (*v != "append" && *v != "update" && *v != "complete" && (!allowAllModes || *v != "all")) {
            err << (allowAllModes ? "tidemark run: --mode must be append, update, complete or all\n"
                                  : "tidemark run: --mode must be append, update or complete with --kafka\n");
            return OptionResult::Error;
        }
        o.mode = *v;
        return OptionResult::Taken;
    }
    if (a == "--format") {
        const std::string* v = value();
        if (!v)
            return OptionResult::Error;
        if (*v != "console" && *v != "jsonl") {
            err << "tidemark run: --format must be console or jsonl\n";
            return OptionResult::Error;
        }
        o.format = *v;
        return OptionResult::Taken;
    }
    if (a == "--no-truncate") {
        o.noTruncate = true;
        return OptionResult::Taken;
    }
    if (!a.empty() && a[0] == '-')
        return OptionResult::NotMine;
    if (!o.file.empty()) {
        err << "tidemark run: only one scenario file, got " << o.file << " and " << a << "\n";
        return OptionResult::Error;
    }
    o.file = a;
    return OptionResult::Taken;
}

bool checkRunOptions(const RunOptions& o, std::ostream& err)
{
    if (o.file.empty()) {
        err << "tidemark run: which scenario file?\n" << usage();
        return false;
    }
    return true;
}

} // namespace tidemark::cli
