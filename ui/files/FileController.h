// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/files/Autosave.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <vector>

class QWidget;

namespace tidemark::ui {

class ScenarioDocument;

/// Opening, saving and recovering scenarios for the main window: the unsaved-changes prompt,
/// file dialogs, recent files, the shipped examples, and every load error with its JSON path.
/// Dialogs are window-modal and asynchronous (open(), never exec()), so no nested event loop runs.
class FileController : public QObject
{
    Q_OBJECT
public:
    FileController(ScenarioDocument* document, Autosave* autosave, QWidget* window);

    /// The shipped scenarios as ":/scenarios/NAME.json".
    static QStringList examples();
    static QString defaultExample() { return QStringLiteral(":/scenarios/word-count-update.json"); }

    /// Opens `path` now, without asking about unsaved edits. On failure the error (with its JSON
    /// path) is shown and the current scenario stays.
    bool openFile(const QString& path);
    /// Writes the scenario to `path`; it becomes the document's file.
    bool saveTo(const QString& path);

    /// The path Save As proposes: the scenario's own file (made absolute); for a shipped example
    /// or a new scenario, its name in the folder of the most recent file, else the home folder.
    QString saveAsSuggestion() const;

    /// When false (tests, --screenshot) errors are only reported through lastError(), never in a dialog.
    void setInteractive(bool on) { m_interactive = on; }
    const QString& lastError() const { return m_lastError; }

public slots:
    void open();                       ///< asks about unsaved edits, then a file dialog
    void openPath(const QString& path); ///< asks about unsaved edits, then opens
    void save();
    void saveAs();
    /// Offers the edits that windows no longer running left unsaved, if any, one at a time
    /// (never a live window's). Interactive windows only.
    void offerRecovery();

public:
    /// Runs `then` once unsaved edits are saved or discarded; not at all on Cancel.
    void maybeSave(std::function<void()> then);

signals:
    void opened(const QString& path);
    void saved(const QString& path);

private:
    void saveAs(std::function<void()> then);
    void showError(const QString& title, const QString& message);
    void offerNext(std::vector<Autosave::Recovery> orphans);
    /// Loads the copy into the document, which then owns it; Save writes to the original file.
    void recover(Autosave::Recovery recovery);

    ScenarioDocument* m_document;
    Autosave* m_autosave;
    QPointer<QWidget> m_window;
    bool m_interactive = true;
    QString m_lastError;
};

} // namespace tidemark::ui
