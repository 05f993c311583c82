// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/scenario/Scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::pyspark {

/// Something the import says about the notebook, located by cell and line.
struct ImportMessage {
    enum class Level : std::uint8_t {
        Note,    ///< what was picked or read (the cell, the data files)
        Warning, ///< a construct that is not simulated, or data that could not be read
    };
    Level level = Level::Note;
    std::string where; ///< "cell 6, line 21" (notebooks) or "line 21" (.py); empty for the whole file
    std::string text;
    /// `where: text`.
    std::string describe() const { return where.empty() ? text : where + ": " + text; }
};

/// A streaming query the notebook starts (or builds a writer for).
struct QueryCandidate {
    int cell = 0;          ///< the cell that starts it, 1-based among all cells
    std::string name;      ///< its queryName
    std::string variable;  ///< the variable `.start()`'s query is assigned to
    std::string where;     ///< the place of `.start()` (or of `.writeStream`)
};

struct ImportOptions {
    /// The query started in this cell (1-based, markdown cells counted); by default the first.
    std::optional<int> cell;
    /// Folders searched for the data a source reads, before the notebook's own folder.
    std::vector<std::string> dataDirs;
    /// The Spark release to simulate; a notebook does not say which one runs it.
    std::optional<SparkVersion> sparkVersion;
};

struct ImportResult {
    Scenario scenario;
    std::string json; ///< the scenario file's text
    QueryCandidate picked;
    std::vector<QueryCandidate> candidates; ///< every query of the notebook, in cell order
    std::vector<ImportMessage> messages;
};

/// What the import needs to know about the file beside its text.
struct ImportSource {
    std::string text;
    std::string fileName; ///< decides the format (.ipynb, .txt, else Python) and the title
    std::string folder;   ///< where relative data folders are looked for
};

/// Reads a PySpark notebook or script and maps the picked streaming query to a scenario:
/// the query in Tidemark's vocabulary, its sources' schemas, and events from the data files
/// the cell reads (one file per trigger, in file order). Constructs outside the supported
/// subset are reported in `messages`, never guessed. An Error (a File error) when the file
/// holds no streaming query, or `cell` names none (the message lists the cells that do).
Result<ImportResult> importPySpark(const ImportSource& source, const ImportOptions& options = {});

/// As importPySpark, reading the file at `path`.
Result<ImportResult> importPySparkFile(const std::string& path, const ImportOptions& options = {});

} // namespace tidemark::pyspark
