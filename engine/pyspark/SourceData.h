// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/pyspark/PySparkImport.h"
#include "engine/pyspark/PySparkValues.h"
#include "engine/scenario/Scenario.h"

#include <string>
#include <vector>

namespace tidemark::pyspark {

/// The files a source reads, found on disk, in the order a file source lists them.
struct DataFiles {
    std::string folder;              ///< where they were found
    std::vector<std::string> files;  ///< full paths, sorted by name
};

/// Looks for the data a source's path names: the path itself, then its trailing parts
/// (`data/tumblingWindow`, `tumblingWindow`) under each search folder. A path the notebook
/// builds from something unknown (`{work_dir}`) is matched by the part after it.
std::optional<DataFiles> findDataFiles(const std::string& path, const std::vector<std::string>& searchFolders);

/// The rows of one data file as the source's format and schema read them (JSON lines, CSV,
/// text). Problems (a line that is not JSON, a value of the wrong type) are added to `messages`.
std::vector<Row> readDataFile(const std::string& file, const std::string& format, const Schema& schema,
                              const std::map<std::string, std::string>& options, const TimeZone& zone,
                              std::vector<ImportMessage>& messages);

/// The schema Spark infers from JSON files (spark.read.json): fields sorted by name, integers
/// as long, other numbers as double.
Schema inferJsonSchema(const std::vector<std::string>& files);

} // namespace tidemark::pyspark
