// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Cli.h"

#include <ostream>

namespace tidemark::cli {

std::string usage()
{
    return "usage:\n"
           "  tidemark [--lang ko|en] [FILE]        open the simulator (on the default classroom scenario)\n"
           "                                        in Korean or English (default: View > Language, else the system's)\n"
           "  tidemark --screenshot OUT.png [--batch N] [--presentation] [--high-contrast] [--size WxH] [--lang ko|en] [FILE]\n"
           "                                        render the main window to a PNG and exit\n"
           "                                        (at batch N, default the last; --size 1024x768\n"
           "                                        lays it out as a projector shows it)\n"
           "  tidemark run FILE [--mode append|update|complete|all] [--format console|jsonl] [--no-truncate]\n"
           "                                        run a scenario to the end and print every batch\n"
           "  tidemark validate FILE                check a scenario file and its query\n"
           "  tidemark export-pyspark FILE -o OUT.ipynb|OUT.py [--mode append|update|complete]\n"
           "                                        write a notebook or script that runs the scenario's batches on\n"
           "                                        real Spark and compares each with Tidemark's\n"
           "  tidemark run FILE --kafka BOOTSTRAP --topic T [--starting-offsets earliest|latest] [--group-id G]\n"
           "               [--max-offsets-per-trigger N] [--duration SECONDS | --max-batches N] [--record OUT.json]\n"
           "                                        run the query live on a Kafka topic, printing each batch\n"
           "  tidemark produce FILE [--bootstrap B] --topic T [--speed X] [--source NAME] [--quiet] [-X key=value]\n"
           "                                        send a scenario's events to a topic, paced by their arrival times\n"
           "  tidemark broker [--topic T]... [--partitions N] [--port P] [--bootstrap-file F] [--duration SECONDS]\n"
           "                                        start a local test broker (librdkafka's mock cluster)\n"
           "  tidemark import-pyspark FILE.py|FILE.ipynb|FILE.txt [--cell N] [--data DIR] [--spark-version V] -o OUT.json\n"
           "                                        read a PySpark notebook's streaming query (cell N's, default the\n"
           "                                        first) and its data files into a scenario; warnings name the line\n"
           "  tidemark lesson check FILE... [--scenarios DIR]\n"
           "                                        run each lesson's scenario and check every claim of its steps\n"
           "                                        (exit 4 when a claim is false)\n"
           "  tidemark lesson list                  the built-in lessons: id and title\n"
           "  tidemark --lesson ID [--step N] [--screenshot OUT.png]\n"
           "                                        open a built-in lesson (or a .lesson.json file) at step N (1-based)\n"
           "  tidemark storyboard FILE -o OUT.pdf [--lang ko|en] [--modes append,update,complete] | --lesson ID -o OUT.pdf\n"
           "                                        print the story of a scenario as a PDF handout, one page per batch\n"
           "                                        (default modes: every mode Spark accepts for the query)\n"
           "  tidemark frames FILE -o DIR|OUT.gif [--lang ko|en] [--size WxH] [--delay MS] | --lesson ID -o ...\n"
           "                                        the plot at each batch as DIR/frame-000.png ... (1280x720), or as\n"
           "                                        an animated GIF (MS per batch, default 1200), for slides\n"
           "exit codes: 0 ok, 1 bad command line, 2 file problem, 3 query Spark would reject, 4 Kafka problem\n"
           "            (or, for `lesson check`, a claim that does not hold)\n";
}

bool isHeadlessCommand(const std::vector<std::string>& args)
{
    if (args.empty())
        return false;
    const std::string& c = args[0];
    return c == "run" || c == "validate" || c == "import-pyspark" || c == "export-pyspark" || c == "produce" || c == "broker" || c == "lesson" || c == "help" || c == "--help" || c == "-h";
}

int runCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    try {
        const std::string& c = args.at(0);
        if (c == "run") {
            for (const auto& a : args)
                if (a == "--kafka")
                    return runLiveScenario(args, out, err);
            return runScenario(args, out, err);
        }
        if (c == "produce")
            return produceCommand(args, out, err);
        if (c == "broker")
            return brokerCommand(args, out, err);
        if (c == "lesson")
            return lessonCommand(args, out, err);
        if (c == "import-pyspark")
            return importPySparkCommand(args, out, err);
        if (c == "validate")
            return validateScenario(args, out, err);
        if (c == "export-pyspark")
            return exportPySparkCommand(args, out, err);
        out << usage();
        return kOk;
    } catch (const std::exception& e) {
        err << "tidemark: internal error: " << e.what() << '\n';
        return kUsage;
    }
}

} // namespace tidemark::cli
