// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/exec/RunRecord.h"
#include "engine/scenario/Scenario.h"

#include <optional>
#include <string>

namespace tidemark {

/// What an export is written as.
enum class PySparkExportFormat : std::uint8_t {
    Script,   ///< a .py file that `python3` runs (cells marked `# %%`)
    Notebook, ///< a Jupyter notebook (.ipynb, nbformat 4)
};

/// The format a file name asks for: `.ipynb` a notebook, `.py` a script, anything else none.
std::optional<PySparkExportFormat> pysparkExportFormatFor(const std::string& path);

/// A self-contained PySpark program that reproduces a Tidemark run on real Spark and checks
/// it: it feeds each of the run's batches to the scenario's query as files of a file source
/// (see planDrops for how the batches are kept apart), collects every micro-batch Spark runs
/// (foreachBatch rows; progress: watermark, numRowsDroppedByWatermark, state rows, rows read
/// per source), and compares them with the run's, batch by batch. Its header says what the
/// run cannot reproduce. `run` is the run of the scenario's own output mode; `fileName`
/// names the scenario in the header. A run Spark rejects (run.error) is returned as that error.
Result<std::string> exportPySpark(const Scenario& scenario, const ModeRun& run, PySparkExportFormat format, const std::string& fileName);

/// Runs the scenario in its output mode (or in `mode`) and exports that run.
Result<std::string> exportPySpark(const Scenario& scenario, PySparkExportFormat format, const std::string& fileName,
                                  std::optional<OutputMode> mode = std::nullopt);

} // namespace tidemark
