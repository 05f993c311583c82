// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::cli {

/// The options `tidemark run` takes whether it replays a file or runs live on Kafka.
struct RunOptions {
    std::string file;
    std::string mode; ///< empty: the file's; "all": each mode (file runs only)
    std::string format = "console";
    bool noTruncate = false;
};

enum class OptionResult { Taken, NotMine, Error };

/// Parses args[i] if it is one of RunOptions' options or the scenario file, advancing `i`
/// past a value; reports problems on `err`.
OptionResult parseRunOption(const std::vector<std::string>& args, std::size_t& i, RunOptions& options, bool allowAllModes,
                            std::ostream& err);

/// The value after option args[i], advancing `i`; a missing one is reported on `err`.
std::optional<std::string> optionValue(const std::vector<std::string>& args, std::size_t& i, std::ostream& err);

/// The number after option args[i] (at least `min`), advancing `i`; anything else is reported.
std::optional<double> optionNumber(const std::vector<std::string>& args, std::size_t& i, double min, std::ostream& err);

/// After the loop: a scenario file is required.
bool checkRunOptions(const RunOptions& options, std::ostream& err);

} // namespace tidemark::cli
