// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/pyspark/NotebookCells.h"
#include "engine/pyspark/PySparkValues.h"
#include "engine/pyspark/PythonSyntax.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tidemark::pyspark {

/// A value as far as the import can know it without running Python.
struct PyValue {
    enum class Kind : std::uint8_t {
        Unknown,   ///< `reason` says why; reported only if the query uses it
        None, Bool, Number, String, List,
        Spark,     ///< the SparkSession (or its builder)
        Reader,    ///< spark.readStream / spark.read with its settings so far (`plan` is a Source/Static without path)
        Schema, Type, Field,
        DataFrame, Grouped, Column, Writer, Query,
        Function,  ///< a PySpark function or type named through a module (`F.col`, `T.StringType`)
    };
    Kind kind = Kind::Unknown;
    std::string text;  ///< String / Function name / Unknown reason
    double number = 0;
    bool boolean = false;
    bool isInteger = false;
    std::vector<PyValue> items;
    std::vector<FieldDef> fields; ///< Schema; Field holds one
    std::optional<DataType> type;
    std::string typeName;
    std::shared_ptr<Plan> reader; ///< Reader: the source being configured
    PlanPtr plan;                 ///< DataFrame / Grouped
    std::vector<ColumnExpr> groups;
    ColumnExpr column;
    std::shared_ptr<const WriterState> writer;
    Place place; ///< Unknown: where the unknown value came from
};

/// Walks a notebook's cells in order, as running them would, and records every streaming
/// query they start.
class Interpreter {
public:
    explicit Interpreter(NotebookFormat format) : m_format(format) {}

    void runCell(const NotebookCell& cell);
    /// Queries started (and writers built but never started) so far, in order.
    std::vector<StartedQuery> queries() const;
    /// `.writeStream` on a value the import could not follow, with the reason.
    const std::vector<ImportMessage>& lostQueries() const { return m_lost; }
    /// Python the import could not read, per cell.
    const std::vector<std::pair<int, ImportMessage>>& syntaxProblems() const { return m_syntax; }
    /// DataFrames referenced as qualifiers (`impressions.adId`), by the index in kQualifierOpen.
    const std::vector<PlanPtr>& qualifiers() const { return m_qualifiers; }
    /// The variable a source's DataFrame was first assigned to.
    const std::map<int, std::string>& sourceVariables() const { return m_sourceVars; }

private:
    PyValue eval(const PyExprPtr& e);
    PyValue call(const PyExpr& e);
    PyValue callFunction(const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                         const std::map<std::string, PyValue>& kw);
    PyValue callMethod(PyValue self, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                       const std::map<std::string, PyValue>& kw);
    PyValue attribute(const PyValue& obj, const std::string& name, const PyExpr& e);
    PyValue dataFrameMethod(const PyValue& df, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                            const std::map<std::string, PyValue>& kw);
    PyValue writerMethod(const PyValue& w, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                         const std::map<std::string, PyValue>& kw);
    PyValue readerMethod(const PyValue& r, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                         const std::map<std::string, PyValue>& kw);
    PyValue columnMethod(const PyValue& c, const std::string& name, const PyExpr& e, const std::vector<PyValue>& args,
                         const std::map<std::string, PyValue>& kw);
    PyValue binary(const PyExpr& e);

    ColumnExpr toColumn(const PyValue& v, const PyExpr& at, bool stringIsColumn = true);
    std::string sqlLiteral(const PyValue& v) const;
    std::string stringOf(const PyValue& v) const;
    std::optional<std::vector<FieldDef>> schemaOf(const PyValue& v, std::string* problem) const;
    PyValue unknown(const std::string& reason, const PyExpr& at) const;
    Place place(const PyExpr& at) const;
    std::string snippet(const PyExpr& e) const;
    std::string methodConstruct(const PyExpr& call) const;
    void setConf(const std::string& key, const PyValue& value);

    NotebookFormat m_format;
    const NotebookCell* m_cell = nullptr;
    std::map<std::string, PyValue> m_vars;
    SessionConf m_conf;
    std::vector<StartedQuery> m_started;
    std::vector<StartedQuery> m_unstarted;
    std::set<int> m_startedOrigins;
    std::vector<std::pair<int, ImportMessage>> m_syntax;
    std::vector<ImportMessage> m_lost;
    std::vector<PlanPtr> m_qualifiers;
    std::map<int, std::string> m_sourceVars;
    int m_nextSource = 1;
    int m_nextWriter = 1;
};

/// "cell 6, line 21" for notebooks, "line 21" for a script, from a line in the cell.
std::string describePlace(NotebookFormat format, const NotebookCell& cell, int lineInCell);

/// Spark's interval strings as a scenario writes them: "10 minute" and "10 minutes" parse to
/// the same interval, so the plural is used whenever the count is not 1.
std::string normalizeInterval(const std::string& text);

} // namespace tidemark::pyspark
