// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/PySparkExportFile.h"

#include "engine/pyspark/PySparkExport.h"
#include "ui/document/ScenarioDocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>

namespace tidemark::ui {

Status writePySparkExport(const QString& path, const Scenario& scenario, const QString& name)
{
    const auto format = pysparkExportFormatFor(path.toStdString());
    if (!format)
        return Error::file(path.toStdString(), QCoreApplication::translate("PySparkExport", "the file name must end in .ipynb or .py").toStdString());
    auto text = exportPySpark(scenario, *format, name.toStdString());
    if (!text.ok())
        return text.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(*text)) < 0 || !file.commit())
        return Error::file(path.toStdString(), file.errorString().toStdString());
    return {};
}

void exportPySparkInteractively(QWidget* parent, const ScenarioDocument& document, std::function<void(const QString&)> report)
{
    const QString notebook = QCoreApplication::translate("PySparkExport", "Jupyter notebook (*.ipynb)");
    const QString script = QCoreApplication::translate("PySparkExport", "Python script (*.py)");
    const QFileInfo scenarioFile(document.filePath());
    // An example opened from the built-in list has no file; its name still names the export.
    const QString base = !scenarioFile.completeBaseName().isEmpty() ? scenarioFile.completeBaseName()
                         : !document.displayName().isEmpty()        ? QFileInfo(document.displayName()).completeBaseName()
                                                                    : QStringLiteral("scenario");
    const bool inResources = document.filePath().isEmpty() || document.filePath().startsWith(QLatin1Char(':'));
    const QString folder = inResources ? QDir::homePath() : scenarioFile.absolutePath();
    auto* dialog = new QFileDialog(parent, QCoreApplication::translate("PySparkExport", "Export as a PySpark notebook"),
                                   QDir(folder).filePath(base + QStringLiteral("-pyspark.ipynb")), notebook + QStringLiteral(";;") + script);
    dialog->setObjectName(QStringLiteral("pysparkExportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("ipynb"));
    // The suffix follows the chosen kind, so that the file name decides the format.
    QObject::connect(dialog, &QFileDialog::filterSelected, dialog,
                     [dialog, script](const QString& filter) { dialog->setDefaultSuffix(filter == script ? QStringLiteral("py") : QStringLiteral("ipynb")); });
    const std::shared_ptr<const Scenario> scenario = document.scenario();
    const QString name = scenarioFile.fileName().isEmpty() ? document.displayName() : scenarioFile.fileName();
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [scenario, name, report](const QString& path) {
        if (!scenario)
            return;
        const Status s = writePySparkExport(path, *scenario, name);
        report(s.ok() ? QCoreApplication::translate("PySparkExport", "Saved %1: run it where PySpark is installed to compare Spark's batches with these").arg(path)
                      : QString::fromStdString(s.error().describe()));
    });
    dialog->open();
}

} // namespace tidemark::ui
