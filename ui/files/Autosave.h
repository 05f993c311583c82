// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <functional>
#include <future>
#include <thread>
#include <vector>

class QLockFile;

namespace tidemark::ui {

class ScenarioDocument;

/// Keeps a copy of a document's unsaved edits a few seconds after its first unsaved edit, so a
/// crash loses little; the copy goes away once the edits are saved or discarded.
///
/// Each document has its own slot in folder(): SLOT.json (the scenario), SLOT.info (the file it
/// was edited from, as an absolute canonical path, and its name) and SLOT.lock, a QLockFile held
/// for as long as the copy is this document's. Two windows or two instances therefore never
/// write, offer or delete each other's copy; a copy whose lock is stale (its owner was killed)
/// or gone (its owner quit without saving) is an orphan, offered back by the next window.
class Autosave : public QObject
{
    Q_OBJECT
public:
    /// Edits an earlier window left unsaved, claimed by this process: while a Recovery lives no
    /// other window offers them; dropping it leaves them for the next start.
    struct Recovery {
        QString slot;
        QString autosavePath; ///< the copy to load
        QString originalPath; ///< absolute; empty for an example or a new scenario
        QString name;
        QDateTime savedAt;
        std::shared_ptr<QLockFile> claim;
    };

    explicit Autosave(ScenarioDocument* document, QObject* parent = nullptr);
    /// Keeps the copy of edits still unsaved (the next start offers them) and releases the lock.
    ~Autosave() override;

    /// Where the copies live: QStandardPaths::AppDataLocation + "/autosave".
    static QString folder();
    /// The copies whose owner is gone, newest first, each claimed by this process.
    static std::vector<Recovery> orphans();
    /// Deletes an orphan the user declined.
    static void remove(Recovery& recovery);
    /// Moves an orphan that cannot be read out of the way (kept as SLOT.unreadable.json for the
    /// user to rescue by hand); returns where it went.
    static QString setAside(Recovery& recovery);

    /// The document now holds `recovery`'s edits: the copy becomes this document's, rewritten
    /// on the next edit and removed once the edits are saved or discarded.
    void adopt(Recovery recovery);
    /// Removes this document's copy (its edits were saved or discarded).
    void discard();
    /// Writes the copy now (the timer does this after edits), on a thread of its own (see
    /// m_writer); waitForWrite() waits for it.
    void saveNow();
    /// Returns once a copy being written on the writer thread is on disk.
    void waitForWrite();
    /// This document's copy; empty while it has none.
    QString copyPath() const;

    void setDelay(int ms) { m_timer.setInterval(ms); }

    /// Writes a live session's recording to `path` on a thread of its own, then calls `done`
    /// there. While live the document shows only the newest batches, so the copy must come
    /// from the session (LiveController::writeRecording), which holds every message.
    using LiveWriter = std::function<void(const QString& path, std::function<void()> done)>;
    void setLiveWriter(LiveWriter writer) { m_liveWriter = std::move(writer); }

private:
    void schedule();
    QString ownFile(const QString& suffix) const;

    ScenarioDocument* m_document;
    QTimer m_timer;
    QString m_slot;
    /// Held while this document has a copy in its slot.
    std::shared_ptr<QLockFile> m_lock;
    /// Writes the copy: serializing thousands of events takes longer than a frame, and the
    /// scenario (a shared_ptr<const Scenario>) cannot change meanwhile. At most one at a time;
    /// joined before any other write or removal of the copy.
    std::thread m_writer;
    std::atomic<bool> m_writerDone{true};
    LiveWriter m_liveWriter;
    std::shared_future<void> m_liveWrite; ///< ready once the live writer has written (or dropped) the copy
};

} // namespace tidemark::ui
