// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/ChangeQueryCommand.h"

#include <QWidget>

#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QScrollArea;

namespace tidemark::ui {

class JoinPlanView;
class ScenarioDocument;

/// Edits the query in Spark's vocabulary: output mode, Spark version, withWatermark, window /
/// session_window, grouping keys, the aggregate and the trigger; for a join or a union, each
/// input's withWatermark and spark.sql.streaming.multipleWatermarkPolicy. Every edit is one
/// undoable command; what Spark would say about the result appears inline, in Spark's words.
/// For a join, the join's plan below the fields shows where each conjunct of `on` runs.
/// The fields scroll, so the error stays readable in a short dock.
class QueryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit QueryPanel(ScenarioDocument* document, QWidget* parent = nullptr);

    /// The analysis error shown (empty when the query is accepted in its output mode).
    QString errorText() const;

    QComboBox* outputModeBox() const { return m_mode; }
    QCheckBox* watermarkBox() const { return m_watermarkOn; }
    QLineEdit* watermarkDelayEdit() const { return m_delay; }
    QLabel* errorLabel() const { return m_error; }
    QScrollArea* scrollArea() const { return m_scroll; }
    /// Where each conjunct of a join's condition runs (hidden for other queries).
    JoinPlanView* joinPlanView() const { return m_joinPlan; }

    /// Inputs of a join (left, right) or a union, in the query's order; 0 for a single source.
    int numInputs() const { return static_cast<int>(m_inputRows.size()); }
    QCheckBox* inputWatermarkBox(int input) const { return m_inputRows.at(static_cast<std::size_t>(input)).on; }
    QComboBox* inputWatermarkColumnBox(int input) const { return m_inputRows.at(static_cast<std::size_t>(input)).column; }
    QLineEdit* inputWatermarkDelayEdit(int input) const { return m_inputRows.at(static_cast<std::size_t>(input)).delay; }
    QComboBox* watermarkPolicyBox() const { return m_policy; }

private:
    /// One input's withWatermark: on/off (named by its source), column and delay.
    struct InputRow {
        QCheckBox* on = nullptr;
        QComboBox* column = nullptr;
        QLineEdit* delay = nullptr;
        bool isStatic = false;
    };

    void refresh();
    void refreshInputs();
    void showRow(QWidget* field, bool on);
    void rebuildInputRows(const QStringList& sources);
    void editInputWatermark(int input, bool toggled);
    void showAnalysis();
    void commit(const QString& text, const std::function<void(QuerySettings&)>& edit);
    void markError(const std::string& where);
    QStringList columnNames() const;
    QString defaultTimeColumn() const;

    ScenarioDocument* m_document;
    bool m_updating = false;
    QComboBox* m_mode;
    QComboBox* m_version;
    QCheckBox* m_watermarkOn;
    QComboBox* m_watermarkColumn;
    QLineEdit* m_delay;
    QComboBox* m_windowKind;
    QComboBox* m_windowColumn;
    QLineEdit* m_duration;
    QLineEdit* m_slide;
    QLineEdit* m_gap;
    QLineEdit* m_keys;
    QComboBox* m_aggFn;
    QComboBox* m_aggColumn;
    QLineEdit* m_aggAs;
    QLineEdit* m_trigger;
    QLabel* m_shapeNote;
    QLabel* m_error;
    JoinPlanView* m_joinPlan;
    QScrollArea* m_scroll;
    QFormLayout* m_form;
    QLayout* m_windowRow = nullptr;
    QLayout* m_aggRow = nullptr;
    QWidget* m_inputs;
    QGridLayout* m_inputsGrid;
    std::vector<InputRow> m_inputRows;
    QStringList m_inputSources; ///< the sources m_inputRows were built for
    QComboBox* m_policy;
};

} // namespace tidemark::ui
