// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tidemark::cli {

/// One form of the command line: what to type and what it does. The single source of
/// `tidemark --help`, `tidemark help COMMAND` and the man page tidemark(1), so they never disagree.
struct CommandHelp {
    std::string_view command;  ///< the subcommand ("" for the window itself)
    std::string_view synopsis; ///< after "tidemark"
    std::string_view what;     ///< one or more lines
};

/// Every form, in the order --help lists them.
const std::vector<CommandHelp>& commandHelp();

/// The exit codes, as --help and the man page state them.
std::string_view exitCodesHelp();

/// The usage text for one subcommand ("" when it names none).
std::string usageFor(std::string_view command);

/// The man page tidemark(1) in roff, for `version` (generated at build time by `tidemark --man`).
std::string manPage(std::string_view version);

} // namespace tidemark::cli
