// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

class QWidget;

namespace tidemark::ui {

class FileController;
class ScenarioDocument;

/// File › Import PySpark…: reads a notebook or script's streaming query into a new, unsaved
/// scenario. When the file holds several queries the user picks one; what the import could
/// not simulate is shown afterwards, each line with its place in the notebook.
class PySparkImporter : public QObject
{
    Q_OBJECT
public:
    PySparkImporter(ScenarioDocument* document, FileController* files, QWidget* window);

    /// When false (tests, --screenshot) nothing is asked or shown: the first query is taken
    /// and the messages are only kept in lastMessages().
    void setInteractive(bool on) { m_interactive = on; }

    /// Imports `path` now (the query started in `cell`, else the first, or the one the user
    /// picks). False, with lastError() set, when the file holds no query it can import.
    bool importPath(const QString& path, std::optional<int> cell = std::nullopt);

    const QString& lastError() const { return m_lastError; }
    /// The import's notes and warnings, `where: text` each.
    const QStringList& lastMessages() const { return m_lastMessages; }

    static QString fileFilter();

public slots:
    /// Asks about unsaved edits, then for a file, then imports it.
    void importFile();

signals:
    void imported(const QString& notebookPath);

private:
    bool importCell(const QString& path, std::optional<int> cell);
    void showMessages(const QString& path, bool warnings);

    ScenarioDocument* m_document;
    FileController* m_files;
    QPointer<QWidget> m_window;
    bool m_interactive = true;
    QString m_lastError;
    QStringList m_lastMessages;
    QList<bool> m_lastIsWarning;
};

} // namespace tidemark::ui
