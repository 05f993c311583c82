// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/FileController.h"

#include "ui/document/ScenarioDocument.h"
#include "ui/files/Autosave.h"
#include "ui/files/RecentFiles.h"
#include "ui/files/ScenarioFileCheck.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

#include <iostream>

namespace tidemark::ui {

FileController::FileController(ScenarioDocument* document, Autosave* autosave, QWidget* window)
    : QObject(window)
    , m_document(document)
    , m_autosave(autosave)
    , m_window(window)
{
}

QStringList FileController::examples()
{
    QStringList out;
    for (const QString& name : QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << QStringLiteral(":/scenarios/") + name;
    return out;
}

void FileController::showError(const QString& title, const QString& message)
{
    m_lastError = message;
    if (!m_interactive || !m_window) {
        std::cerr << title.toStdString() << ": " << message.toStdString() << '\n';
        return;
    }
    // The title in the text too: a sheet on macOS, and a window without a title bar, shows no title.
    auto* box = new QMessageBox(QMessageBox::Warning, title, title, QMessageBox::Ok, m_window);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool FileController::openFile(const QString& path)
{
    const QString title = tr("Cannot open %1").arg(QFileInfo(path).fileName());
    if (const QString problem = scenarioFileProblem(path); !problem.isEmpty()) {
        showError(title, problem);
        return false;
    }
    auto scenario = ScenarioDocument::load(path);
    if (!scenario.ok()) {
        showError(title, QString::fromStdString(scenario.error().describe()));
        return false;
    }
    m_lastError.clear();
    const bool example = path.startsWith(QLatin1Char(':'));
    const QString name = example ? QFileInfo(path).fileName() : QString();
    // Kept absolute: a path given relative to a terminal's folder means nothing to a dialog.
    const QString absolute = example ? QString() : QFileInfo(path).absoluteFilePath();
    m_document->setScenario(std::move(scenario.value()), absolute, name);
    if (!example && m_interactive) // tests and --screenshot leave the user's settings alone
        RecentFiles::add(absolute);
    emit opened(path);
    return true;
}

bool FileController::saveTo(const QString& path)
{
    const Status status = m_document->save(path);
    if (!status.ok()) {
        showError(tr("Cannot save"), QString::fromStdString(status.error().describe()));
        return false;
    }
    if (m_interactive)
        RecentFiles::add(path);
    emit saved(path);
    return true;
}

void FileController::maybeSave(std::function<void()> then)
{
    if (!m_document->isModified() || !m_interactive || !m_window) {
        then();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("%1 has changes that are not saved. Save them first?").arg(m_document->displayName()),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Save);
    connect(box, &QMessageBox::finished, this, [this, box, then = std::move(then)](int) {
        const auto button = box->standardButton(box->clickedButton());
        if (button == QMessageBox::Save) {
            if (!m_document->filePath().isEmpty()) {
                if (saveTo(m_document->filePath()))
                    then();
            } else {
                saveAs(then);
            }
        } else if (button == QMessageBox::Discard) {
            m_autosave->discard();
            then();
        }
    });
    box->open();
}

void FileController::open()
{
    maybeSave([this] {
        auto* dialog = new QFileDialog(m_window, tr("Open scenario"), QFileInfo(m_document->filePath()).absolutePath(),
                                       tr("Scenarios (*.json);;All files (*)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { openFile(path); });
        dialog->open();
    });
}

void FileController::openPath(const QString& path)
{
    maybeSave([this, path] { openFile(path); });
}

void FileController::save()
{
    if (m_document->filePath().isEmpty())
        saveAs([] {});
    else
        saveTo(m_document->filePath());
}

void FileController::saveAs() { saveAs([] {}); }

QString FileController::saveAsSuggestion() const
{
    // Absolute, so a file opened as "scenarios/x.json" from a terminal suggests its own folder.
    if (!m_document->filePath().isEmpty())
        return QFileInfo(m_document->filePath()).absoluteFilePath();
    const QString name = m_document->displayName().isEmpty() ? QStringLiteral("scenario.json") : m_document->displayName();
    const QStringList recent = RecentFiles::list();
    const QString folder = recent.isEmpty() ? QDir::homePath() : QFileInfo(recent.first()).absolutePath();
    return QDir(folder).filePath(name);
}

void FileController::saveAs(std::function<void()> then)
{
    const QFileInfo suggestion(saveAsSuggestion());
    auto* dialog = new QFileDialog(m_window, tr("Save scenario"), QString(), tr("Scenarios (*.json)"));
    // The folder and the name set apart: given one path, the dialog falls back to the home
    // folder whenever it does not take the path for a file.
    dialog->setDirectory(suggestion.absolutePath());
    dialog->selectFile(suggestion.fileName());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, then = std::move(then)](const QString& path) {
        if (saveTo(path))
            then();
    });
    dialog->open();
}

void FileController::offerRecovery()
{
    if (!m_interactive || !m_window)
        return;
    offerNext(Autosave::orphans());
}

void FileController::offerNext(std::vector<Autosave::Recovery> orphans)
{
    if (orphans.empty())
        return;
    // One at a time, newest first; the rest stay claimed by this window until answered.
    auto pending = std::make_shared<std::vector<Autosave::Recovery>>(std::move(orphans));
    const Autosave::Recovery& r = pending->front();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Recover unsaved edits?"),
                                tr("Tidemark was closed with unsaved edits to %1 (autosaved %2). Recover them?")
                                    .arg(r.name.isEmpty() ? tr("a scenario") : r.name, QLocale().toString(r.savedAt, QLocale::ShortFormat)),
                                QMessageBox::NoButton, m_window);
    if (!r.originalPath.isEmpty())
        box->setInformativeText(tr("Save will write them to %1.").arg(QDir::toNativeSeparators(r.originalPath)));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* recoverButton = box->addButton(tr("Recover"), QMessageBox::AcceptRole);
    QPushButton* discardButton = box->addButton(tr("Discard"), QMessageBox::DestructiveRole);
    // Closing the box decides nothing: the edits are offered again at the next start.
    box->setEscapeButton(box->addButton(tr("Not now"), QMessageBox::RejectRole));
    box->setDefaultButton(recoverButton);
    connect(box, &QMessageBox::finished, this, [this, box, recoverButton, discardButton, pending] {
        Autosave::Recovery answered = std::move(pending->front());
        pending->erase(pending->begin());
        if (box->clickedButton() == recoverButton) {
            recover(std::move(answered));
        } else if (box->clickedButton() == discardButton) {
            Autosave::remove(answered);
            offerNext(std::move(*pending));
        }
    });
    box->open();
}

void FileController::recover(Autosave::Recovery recovery)
{
    auto scenario = ScenarioDocument::load(recovery.autosavePath);
    if (!scenario.ok()) {
        const QString aside = Autosave::setAside(recovery);
        showError(tr("Cannot recover"), tr("%1 (the copy is kept as %2)")
                                            .arg(QString::fromStdString(scenario.error().describe()), QDir::toNativeSeparators(aside)));
        return;
    }
    const QString path = recovery.originalPath, name = recovery.name;
    m_autosave->adopt(std::move(recovery));
    m_document->setScenario(std::move(scenario.value()), path, name, /*modified=*/true);
}

} // namespace tidemark::ui
