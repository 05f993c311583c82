// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/Autosave.h"

#include "engine/scenario/ScenarioFile.h"
#include "ui/document/ScenarioDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace tidemark::ui {

namespace {

const QString kCopy = QStringLiteral(".json");
const QString kInfo = QStringLiteral(".info");
const QString kLock = QStringLiteral(".lock");
const QString kOriginalPath = QStringLiteral("originalPath");
const QString kName = QStringLiteral("name");

QString fileOf(const QString& slot, const QString& suffix) { return Autosave::folder() + QLatin1Char('/') + slot + suffix; }

/// The slot's lock if no live process holds it. Never stale by age (a window may keep edits
/// unsaved for hours): only when the process that took it is gone.
std::shared_ptr<QLockFile> claim(const QString& slot)
{
    auto lock = std::make_shared<QLockFile>(fileOf(slot, kLock));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

/// Absolute with symbolic links resolved, so it names the same file whatever the current folder
/// is when it is read back; a file deleted since keeps its absolute path (Save recreates it).
QString canonical(const QString& path)
{
    if (path.isEmpty())
        return path;
    const QFileInfo info(path);
    const QString resolved = info.canonicalFilePath();
    return resolved.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : resolved;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

void writeInfo(const QString& slot, const QString& originalPath, const QString& name)
{
    const QJsonObject info{{kOriginalPath, originalPath}, {kName, name}};
    writeFile(fileOf(slot, kInfo), QJsonDocument(info).toJson());
}

QJsonObject readInfo(const QString& slot)
{
    QFile file(fileOf(slot, kInfo));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.read(64 * 1024)).object();
}

/// A relative path is relative to a folder nobody remembers: Save would write wherever the
/// process happens to be. Such a copy is recovered as an unsaved scenario instead.
QString restoredPath(const QString& path) { return QDir::isAbsolutePath(path) ? QDir::cleanPath(path) : QString(); }

/// The single autosave.json + autosave.ini that every window once shared becomes a slot of its own.
void adoptSharedCopy()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString copy = base + QStringLiteral("/autosave.json"), ini = base + QStringLiteral("/autosave.ini");
    if (!QFile::exists(copy) || !QDir().mkpath(Autosave::folder()))
        return;
    const QString slot = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto lock = claim(slot);
    if (!lock)
        return;
    {
        const QSettings old(ini, QSettings::IniFormat);
        writeInfo(slot, restoredPath(old.value(kOriginalPath).toString()), old.value(kName).toString());
    }
    if (QFile::rename(copy, fileOf(slot, kCopy)))
        QFile::remove(ini);
    else
        QFile::remove(fileOf(slot, kInfo));
}

} // namespace

Autosave::Autosave(ScenarioDocument* document, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_slot(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(3000);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    // The first edit of a clean document emits changed() while the undo stack is still clean;
    // fileStateChanged() follows once it is not, so both schedule.
    connect(document, &ScenarioDocument::changed, this, &Autosave::schedule);
    connect(document, &ScenarioDocument::fileStateChanged, this, [this] {
        if (m_document->isModified())
            schedule();
        else
            discard();
    });
}

Autosave::~Autosave() { waitForWrite(); }

void Autosave::waitForWrite()
{
    if (m_liveWrite.valid())
        m_liveWrite.wait();
    if (m_writer.joinable())
        m_writer.join();
}

QString Autosave::folder() { return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave"); }

QString Autosave::ownFile(const QString& suffix) const { return fileOf(m_slot, suffix); }

QString Autosave::copyPath() const { return m_lock ? ownFile(kCopy) : QString(); }

void Autosave::schedule()
{
    // Not restarted by later edits: a stream of edits (or a live session) is still saved.
    if (m_document->isModified() && !m_timer.isActive())
        m_timer.start();
}

std::vector<Autosave::Recovery> Autosave::orphans()
{
    adoptSharedCopy();
    QSet<QString> names;
    for (const QFileInfo& f : QDir(folder()).entryInfoList({QLatin1Char('*') + kCopy, QLatin1Char('*') + kInfo, QLatin1Char('*') + kLock}, QDir::Files))
        names.insert(f.completeBaseName());
    std::vector<Recovery> out;
    for (const QString& slot : names) {
        auto lock = claim(slot);
        if (!lock)
            continue; // a live window's copy
        const QFileInfo copy(fileOf(slot, kCopy));
        if (!copy.exists()) {
            // What a window killed before it wrote its first copy leaves; the lock goes with `lock`.
            QFile::remove(fileOf(slot, kInfo));
            continue;
        }
        const QJsonObject info = readInfo(slot);
        out.push_back({slot, copy.absoluteFilePath(), restoredPath(info.value(kOriginalPath).toString()), info.value(kName).toString(),
                       copy.lastModified(), std::move(lock)});
    }
    std::sort(out.begin(), out.end(), [](const Recovery& a, const Recovery& b) {
        return a.savedAt != b.savedAt ? a.savedAt > b.savedAt : a.slot < b.slot;
    });
    return out;
}

void Autosave::remove(Recovery& recovery)
{
    QFile::remove(fileOf(recovery.slot, kCopy));
    QFile::remove(fileOf(recovery.slot, kInfo));
    if (recovery.claim)
        recovery.claim->unlock();
}

QString Autosave::setAside(Recovery& recovery)
{
    const QString aside = fileOf(recovery.slot, kCopy + QStringLiteral(".unreadable"));
    QFile::remove(aside);
    QFile::rename(fileOf(recovery.slot, kCopy), aside);
    remove(recovery);
    return aside;
}

void Autosave::adopt(Recovery recovery)
{
    discard();
    m_slot = recovery.slot;
    m_lock = std::move(recovery.claim);
}

void Autosave::discard()
{
    m_timer.stop();
    waitForWrite(); // a copy still being written would land after its removal
    if (!m_lock)
        return;
    QFile::remove(ownFile(kCopy));
    QFile::remove(ownFile(kInfo));
    m_lock->unlock();
    m_lock.reset();
}

void Autosave::saveNow()
{
    m_timer.stop();
    if (!m_document->isModified())
        return;
    if (!m_lock) {
        auto lock = QDir().mkpath(folder()) ? claim(m_slot) : nullptr;
        if (!lock)
            return;
        m_lock = std::move(lock);
    }
    const bool liveWriting = m_liveWrite.valid() && m_liveWrite.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
    if (!m_writerDone || liveWriting) {
        m_timer.start(); // the previous copy is still being written: try again later
        return;
    }
    waitForWrite();
    // The file's name and path first: the copy is never on disk beside another file's.
    writeInfo(m_slot, canonical(m_document->filePath()), m_document->displayName());
    std::shared_ptr<const Scenario> scenario = m_document->scenario();
    const QString path = ownFile(kCopy);
    const auto write = [](std::shared_ptr<const Scenario> sc, const QString& to) {
        const std::string json = scenarioToJson(*sc);
        writeFile(to, QByteArray(json.data(), static_cast<qsizetype>(json.size())));
    };
    if (m_document->isLive() && m_liveWriter) {
        auto written = std::make_shared<std::promise<void>>();
        m_liveWrite = written->get_future().share();
        m_liveWriter(path, [written] { written->set_value(); });
        return;
    }
    // Off the UI thread: 10,000 events take tens of milliseconds to write, a stutter in the
    // middle of a drag. The scenario is immutable and shared, so the thread reads it safely.
    m_writerDone = false;
    m_writer = std::thread([this, write, scenario = std::move(scenario), path]() mutable {
        write(std::move(scenario), path);
        m_writerDone = true;
    });
}

} // namespace tidemark::ui
