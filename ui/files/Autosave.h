// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <optional>

namespace tidemark::ui {

class ScenarioDocument;

/// Keeps a copy of unsaved edits in QStandardPaths::AppDataLocation, a few seconds after each
/// edit, so a crash loses little; the copy goes away once the edits are saved or discarded.
class Autosave : public QObject
{
    Q_OBJECT
public:
    /// Edits found at start-up from a session that did not end cleanly.
    struct Recovery {
        QString autosavePath; ///< the copy to load
        QString originalPath; ///< the file it was edited from (empty: an example or new)
        QString name;
        QDateTime savedAt;
    };

    explicit Autosave(ScenarioDocument* document, QObject* parent = nullptr);

    static std::optional<Recovery> pending();
    /// Forgets the copy (edits saved, discarded, or recovered into the document).
    static void discard();
    /// Writes the copy now (the timer does this after edits).
    void saveNow();
    /// The document now holds the recovered edits; the copy goes once they are saved.
    void adoptRecovered() { m_ownsCopy = true; }

    void setDelay(int ms) { m_timer.setInterval(ms); }

private:
    ScenarioDocument* m_document;
    QTimer m_timer;
    /// Only a copy this session wrote (or recovered) is removed when the document turns clean;
    /// opening the first scenario must not delete what a crashed session left.
    bool m_ownsCopy = false;
};

} // namespace tidemark::ui
