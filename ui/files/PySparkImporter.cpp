// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/PySparkImporter.h"

#include "engine/pyspark/PySparkImport.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/files/RecentFiles.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>

namespace tidemark::ui {

PySparkImporter::PySparkImporter(ScenarioDocument* document, FileController* files, QWidget* window)
    : QObject(window), m_document(document), m_files(files), m_window(window)
{
    setObjectName(QStringLiteral("pysparkImporter"));
}

QString PySparkImporter::fileFilter()
{
    return tr("PySpark notebooks and scripts (*.ipynb *.py *.txt);;All files (*)");
}

void PySparkImporter::importFile()
{
    m_files->maybeSave([this] {
        const QStringList recent = RecentFiles::list();
        const QString folder = recent.isEmpty() ? QDir::homePath() : QFileInfo(recent.first()).absolutePath();
        auto* dialog = new QFileDialog(m_window, tr("Import PySpark"), folder, fileFilter());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { importPath(path); });
        dialog->open();
    });
}

bool PySparkImporter::importPath(const QString& path, std::optional<int> cell)
{
    if (cell || !m_interactive || !m_window)
        return importCell(path, cell);
    // Several queries: the user chooses which one (the first is proposed).
    auto first = pyspark::importPySparkFile(QFile::encodeName(path).toStdString());
    if (!first.ok() || first->candidates.size() < 2)
        return importCell(path, std::nullopt);
    QStringList items;
    for (const auto& c : first->candidates)
        items << (c.name.empty() ? tr("Cell %1").arg(c.cell) : tr("Cell %1: %2").arg(c.cell).arg(QString::fromStdString(c.name)));
    auto* ask = new QInputDialog(m_window);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Import PySpark"));
    ask->setLabelText(tr("%1 starts %n streaming queries. Which one?", nullptr, static_cast<int>(items.size())).arg(QFileInfo(path).fileName()));
    ask->setComboBoxItems(items);
    ask->setComboBoxEditable(false);
    const auto candidates = first->candidates;
    connect(ask, &QInputDialog::textValueSelected, this, [this, path, items, candidates](const QString& choice) {
        const auto i = items.indexOf(choice);
        if (i >= 0)
            importCell(path, candidates[static_cast<std::size_t>(i)].cell);
    });
    ask->open();
    return true;
}

bool PySparkImporter::importCell(const QString& path, std::optional<int> cell)
{
    pyspark::ImportOptions options;
    options.cell = cell;
    auto result = pyspark::importPySparkFile(QFile::encodeName(path).toStdString(), options);
    m_lastMessages.clear();
    m_lastIsWarning.clear();
    if (!result.ok()) {
        m_lastError = QString::fromStdString(result.error().describe());
        if (m_interactive && m_window) {
            auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot import"),
                                        tr("%1 could not be imported:\n%2").arg(QFileInfo(path).fileName(), m_lastError), QMessageBox::Ok, m_window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        return false;
    }
    m_lastError.clear();
    bool warnings = false;
    for (const auto& m : result->messages) {
        m_lastMessages << QString::fromStdString(m.describe());
        m_lastIsWarning << (m.level == pyspark::ImportMessage::Level::Warning);
        warnings = warnings || m_lastIsWarning.back();
    }
    // A new, unsaved document: Save proposes a file named after the query.
    const QString name = QString::fromStdString(result->scenario.title) + QStringLiteral(".json");
    m_document->setScenario(std::move(result->scenario), QString(), name, /*modified=*/true);
    showMessages(path, warnings);
    emit imported(path);
    return true;
}

void PySparkImporter::showMessages(const QString& path, bool warnings)
{
    if (!m_interactive || !m_window)
        return;
    auto* box = new QMessageBox(warnings ? QMessageBox::Warning : QMessageBox::Information, tr("Imported from PySpark"),
                                warnings ? tr("The query of %1 was imported, but some of it is not simulated. "
                                              "The events are one data file per trigger: edit them in the Events table.")
                                               .arg(QFileInfo(path).fileName())
                                         : tr("The query of %1 was imported. The events are one data file per trigger: edit them in the Events table.")
                                               .arg(QFileInfo(path).fileName()),
                                QMessageBox::Ok, m_window);
    // What is not simulated first, then what was read.
    QStringList lines;
    for (bool warning : {true, false})
        for (qsizetype i = 0; i < m_lastMessages.size(); ++i)
            if (m_lastIsWarning[i] == warning)
                lines << QStringLiteral("• ") + m_lastMessages[i];
    box->setInformativeText(lines.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace tidemark::ui
