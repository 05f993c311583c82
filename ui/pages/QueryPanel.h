// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/document/ChangeQueryCommand.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace tidemark::ui {

class ScenarioDocument;

/// Edits the query in Spark's vocabulary: output mode, Spark version, withWatermark, window /
/// session_window, grouping keys, the aggregate and the trigger. Every edit is one undoable
/// command; what Spark would say about the result appears inline, in Spark's words.
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

private:
    void refresh();
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
};

} // namespace tidemark::ui
