// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/scenario/Scenario.h"

#include <QString>

#include <functional>

class QWidget;

namespace tidemark::ui {

class ScenarioDocument;

/// Writes the PySpark export of `scenario` to `path` (QSaveFile): a Jupyter notebook for
/// `.ipynb`, a Python script for `.py`. `name` names the scenario in the export's header.
/// A query Spark rejects is an error, as in `tidemark export-pyspark`.
Status writePySparkExport(const QString& path, const Scenario& scenario, const QString& name);

/// File › Export › PySpark notebook…: a save dialog offering a notebook or a script, next
/// to the scenario file, then writePySparkExport of the document's scenario. `report` gets
/// the line for the status bar.
void exportPySparkInteractively(QWidget* parent, const ScenarioDocument& document, std::function<void(const QString&)> report);

} // namespace tidemark::ui
