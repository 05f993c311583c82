// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Help.h"

#include <sstream>

namespace tidemark::cli {

const std::vector<CommandHelp>& commandHelp()
{
    static const std::vector<CommandHelp> forms = {
        {"", "[--lang ko|en] [FILE]",
         "open the simulator (on the default classroom scenario)\n"
         "in Korean or English (default: View > Language, else the system's)"},
        {"", "--screenshot OUT.png [--batch N] [--presentation] [--high-contrast] [--size WxH] [--lang ko|en] [FILE]",
         "render the main window to a PNG and exit\n"
         "(at batch N, default the last; --size 1024x768\n"
         "lays it out as a projector shows it)"},
        {"", "--lesson ID [--step N] [--screenshot OUT.png]",
         "open a built-in lesson (or a .lesson.json file) at step N (1-based)"},
        {"run", "run FILE [--mode append|update|complete|all] [--format console|jsonl] [--no-truncate]",
         "run a scenario to the end and print every batch"},
        {"run", "run FILE --kafka BOOTSTRAP --topic T [--starting-offsets earliest|latest] [--group-id G]\n"
                "    [--max-offsets-per-trigger N] [--duration SECONDS | --max-batches N] [--record OUT.json]\n"
                "    [--snapshot-every SECONDS] [--connect-timeout SECONDS] [--list-malformed N]\n"
                "    [--fail-on-data-loss true|false]",
         "run the query live on a Kafka topic, printing each batch;\n"
         "the recording is checked at start and saved every 10 s (exit 4:\n"
         "no broker answered in 30 s, or Spark's error stopped the query,\n"
         "e.g. offsets that vanish unless --fail-on-data-loss false)"},
        {"run", "run FILE --socket HOST:PORT [--include-timestamp] [--source NAME]\n"
                "    [--duration SECONDS | --max-batches N] [--record OUT.json] [--snapshot-every SECONDS]",
         "run the query live on lines from a socket server (nc -lk 9999),\n"
         "as Spark's socket source reads them: a row `value` per line"},
        {"run", "run FILE --directory PATH [--max-files-per-trigger N] [--latest-first] [--max-file-age AGE]\n"
                "    [--source NAME] [--duration SECONDS | --max-batches N] [--record OUT.json]\n"
                "    [--snapshot-every SECONDS]",
         "run the query live on JSON-lines files dropped into PATH, as\n"
         "Spark's file source reads new files (AGE as Spark writes it: 7d)"},
        {"validate", "validate FILE", "check a scenario file and its query"},
        {"export-pyspark", "export-pyspark FILE -o OUT.ipynb|OUT.py [--mode append|update|complete]",
         "write a notebook or script that runs the scenario's batches on\n"
         "real Spark and compares each with Tidemark's"},
        {"import-pyspark", "import-pyspark FILE.py|FILE.ipynb|FILE.txt [--cell N] [--data DIR] [--spark-version V] -o OUT.json",
         "read a PySpark notebook's streaming query (cell N's, default the\n"
         "first) and its data files into a scenario; warnings name the line"},
        {"produce", "produce FILE [--bootstrap B] --topic T [--speed X] [--source NAME] [--quiet] [-X key=value]",
         "send a scenario's events to a topic, paced by their arrival times"},
        {"broker", "broker [--topic T]... [--partitions N] [--brokers N] [--port P] [--bootstrap-file F] [--duration SECONDS]",
         "start a local test broker (librdkafka's mock cluster); lines on its\n"
         "stdin stage faults: down, up, down N, up N (broker N), fresh (an\n"
         "empty broker: the offsets read so far vanish); each is answered\n"
         "with the same line on stdout"},
        {"lesson", "lesson check FILE... [--scenarios DIR]",
         "run each lesson's scenario and check every claim of its steps\n"
         "(exit 4 when a claim is false)"},
        {"lesson", "lesson list", "the built-in lessons: id and title"},
        {"storyboard", "storyboard FILE -o OUT.pdf [--lang ko|en] [--modes append,update,complete] | --lesson ID -o OUT.pdf",
         "print the story of a scenario as a PDF handout, one page per batch\n"
         "(default modes: every mode Spark accepts for the query)"},
        {"frames", "frames FILE -o DIR|OUT.gif [--lang ko|en] [--size WxH] [--delay MS] | --lesson ID -o ...",
         "the plot at each batch as DIR/frame-000.png ... (1280x720), or as\n"
         "an animated GIF (MS per batch, default 1200), for slides"},
        {"help", "help [COMMAND]", "this text, or the forms of one command"},
        {"", "--version", "print the version and exit"},
    };
    return forms;
}

std::string_view exitCodesHelp()
{
    return "exit codes: 0 ok, 1 bad command line, 2 file problem, 3 query Spark would reject, 4 Kafka problem\n"
           "            (or, for `lesson check`, a claim that does not hold)\n";
}

namespace {

constexpr std::size_t kColumn = 40;

void appendIndented(std::string& out, std::string_view lines, std::string_view indent)
{
    std::size_t start = 0;
    while (start <= lines.size()) {
        const std::size_t end = std::min(lines.find('\n', start), lines.size());
        out.append(indent).append(lines.substr(start, end - start)).append("\n");
        start = end + 1;
    }
}

/// "  tidemark SYNOPSIS" with the description beside it when it fits, else below it.
void appendForm(std::string& out, const CommandHelp& form)
{
    std::string synopsis = "  tidemark ";
    synopsis.append(form.synopsis);
    for (std::size_t at = synopsis.find('\n'); at != std::string::npos; at = synopsis.find('\n', at + 1))
        synopsis.insert(at + 1, "           ");
    const std::string_view what = form.what;
    const std::size_t firstEnd = std::min(what.find('\n'), what.size());
    if (synopsis.find('\n') == std::string::npos && synopsis.size() + 2 <= kColumn) {
        out.append(synopsis).append(kColumn - synopsis.size(), ' ').append(what.substr(0, firstEnd)).append("\n");
        if (firstEnd < what.size())
            appendIndented(out, what.substr(firstEnd + 1), std::string(kColumn, ' '));
        return;
    }
    out.append(synopsis).append("\n");
    appendIndented(out, what, std::string(kColumn, ' '));
}

/// roff-escapes a line of the help text (backslashes, leading dots and apostrophes, hyphens in options).
std::string roff(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\''))
        out.insert(0, "\\&");
    return out;
}

/// The text on one line: line breaks and the spaces that indent a continued line become one space.
std::string joinLines(std::string_view text)
{
    std::string out;
    for (char c : text) {
        const bool space = c == '\n' || c == ' ';
        if (space && (out.empty() || out.back() == ' '))
            continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

} // namespace

std::string usage()
{
    std::string out = "usage:\n";
    for (const auto& form : commandHelp())
        appendForm(out, form);
    out.append(exitCodesHelp());
    return out;
}

std::string usageFor(std::string_view command)
{
    std::string out;
    for (const auto& form : commandHelp())
        if (!command.empty() && form.command == command)
            appendForm(out, form);
    return out.empty() ? out : "usage:\n" + out;
}

std::string manPage(std::string_view version)
{
    std::ostringstream man;
    man << ".TH TIDEMARK 1 \"\" \"tidemark " << version << "\" \"User Commands\"\n"
        << ".nh\n.ad l\n" // options are not words to hyphenate or stretch
        << ".SH NAME\n"
        << "tidemark \\- a visual simulator of Spark Structured Streaming event\\-time semantics\n"
        << ".SH SYNOPSIS\n";
    for (const auto& form : commandHelp())
        man << ".B tidemark\n" << roff(joinLines(form.synopsis)) << "\n.br\n";
    man << ".SH DESCRIPTION\n"
        << "Tidemark shows, batch by batch, what Apache Spark Structured Streaming does with event time:\n"
        << "watermarks, late rows, windows, state and output modes. Without a subcommand it opens the\n"
        << "simulator window; the subcommands below run headless.\n"
        << ".SH COMMANDS\n";
    for (const auto& form : commandHelp())
        man << ".TP\n.B tidemark " << roff(joinLines(form.synopsis)) << "\n" << roff(joinLines(form.what)) << "\n";
    man << ".SH EXIT STATUS\n" << roff(joinLines(exitCodesHelp())) << "\n"
        << ".SH FILES\n"
        << ".TP\n.I share/tidemark/scenarios\nthe example scenarios, beside the installed program\n"
        << ".TP\n.I share/tidemark/lessons\nthe built\\-in lessons\n"
        << ".SH SEE ALSO\n"
        << "README.md and CHANGELOG.md in\n.IR /usr/share/doc/tidemark .\n";
    return man.str();
}

} // namespace tidemark::cli
