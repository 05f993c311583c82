// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tidemark::cli {

/// Exit codes of the headless commands.
enum ExitCode : int {
    kOk = 0,
    kUsage = 1,       ///< bad command line
    kFileError = 2,   ///< missing, unreadable or malformed scenario file
    kQueryError = 3,  ///< Spark would reject the query
    kKafkaError = 4,  ///< Kafka could not be used (a producer's messages were not acknowledged, no test broker)
    kClaimFalse = 4,  ///< `lesson check`: a lesson's claim does not hold
};

/// True if `args` (without the program name) names a headless command (run, validate, ...).
bool isHeadlessCommand(const std::vector<std::string>& args);

/// Runs a headless command. Output goes to `out`, messages to `err`; never throws.
int runCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tidemark run FILE ...`: prints every batch of the scenario in Spark's console format or as JSON lines.
int runScenario(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tidemark validate FILE`: 0 if the file loads and the query passes analysis.
int validateScenario(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tidemark export-pyspark FILE -o OUT.ipynb|OUT.py [--mode M]`: a PySpark notebook or script that replays the
/// scenario's batches on real Spark and compares them with Tidemark's (ExportPySparkCommand.cpp).
int exportPySparkCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tidemark run FILE --kafka BOOTSTRAP ...`: runs the scenario's query live on a Kafka topic (LiveRunCommand.cpp).
int runLiveScenario(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tidemark run FILE --socket HOST:PORT | --directory PATH ...`: the query live on lines from a socket or on
/// JSON files dropped into a directory, as Spark's socket and file sources read them (LiveInputRunCommand.cpp).
int runLiveInput(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tidemark produce FILE ...`: sends a scenario's events to a topic, paced by arrival time (ProduceCommand.cpp).
int produceCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tidemark broker ...`: a local test broker on librdkafka's mock cluster (BrokerCommand.cpp).
int brokerCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tidemark lesson check FILE...` / `tidemark lesson list` (LessonCommand.cpp).
int lessonCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tidemark import-pyspark FILE ... -o OUT.json`: a PySpark notebook's query as a scenario (ImportCommand.cpp).
int importPySparkCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The usage text: every form of the command line (Help.cpp).
std::string usage();

} // namespace tidemark::cli
