// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/ScenarioDocument.h"

#include <QUndoCommand>

namespace tidemark::ui {

/// What the query panel edits: the query, the Spark release it runs on and the Spark
/// configuration (spark.sql.streaming.multipleWatermarkPolicy).
struct QuerySettings {
    QuerySpec query;
    SparkVersion version;
    SparkConf conf;

    static QuerySettings of(const Scenario& scenario) { return {scenario.query, scenario.sparkVersion, scenario.conf}; }
};

/// Changes a query setting (watermark, window, keys, aggregate, trigger, output mode, Spark version, conf).
class ChangeQueryCommand : public QUndoCommand
{
public:
    ChangeQueryCommand(ScenarioDocument* document, QuerySettings after, const QString& text);
    void redo() override;
    void undo() override;

private:
    void set(const QuerySettings& settings, bool versionWritten);

    ScenarioDocument* m_document;
    QuerySettings m_before, m_after;
    bool m_versionWrittenBefore = false;
};

} // namespace tidemark::ui
