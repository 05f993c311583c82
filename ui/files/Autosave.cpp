// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/Autosave.h"

#include "engine/scenario/ScenarioFile.h"
#include "ui/document/ScenarioDocument.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace tidemark::ui {

namespace {
QString directory() { return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation); }
QString copyPath() { return directory() + QStringLiteral("/autosave.json"); }
QString infoPath() { return directory() + QStringLiteral("/autosave.ini"); }
} // namespace

Autosave::Autosave(ScenarioDocument* document, QObject* parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(3000);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    connect(document, &ScenarioDocument::changed, this, [this] {
        if (m_document->isModified())
            m_timer.start();
    });
    connect(document, &ScenarioDocument::fileStateChanged, this, [this] {
        if (!m_document->isModified()) {
            m_timer.stop();
            if (m_ownsCopy)
                discard();
            m_ownsCopy = false;
        }
    });
}

std::optional<Autosave::Recovery> Autosave::pending()
{
    if (!QFile::exists(copyPath()))
        return std::nullopt;
    QSettings info(infoPath(), QSettings::IniFormat);
    return Recovery{copyPath(), info.value(QStringLiteral("originalPath")).toString(), info.value(QStringLiteral("name")).toString(),
                    info.value(QStringLiteral("savedAt")).toDateTime()};
}

void Autosave::discard()
{
    QFile::remove(copyPath());
    QFile::remove(infoPath());
}

void Autosave::saveNow()
{
    if (!m_document->isModified())
        return;
    QDir().mkpath(directory());
    QSaveFile file(copyPath());
    if (!file.open(QIODevice::WriteOnly))
        return;
    const std::string json = scenarioToJson(*m_document->scenario());
    file.write(json.data(), static_cast<qint64>(json.size()));
    if (!file.commit())
        return;
    QSettings info(infoPath(), QSettings::IniFormat);
    info.setValue(QStringLiteral("originalPath"), m_document->filePath());
    info.setValue(QStringLiteral("name"), m_document->displayName());
    info.setValue(QStringLiteral("savedAt"), QDateTime::currentDateTime());
    m_ownsCopy = true;
}

} // namespace tidemark::ui
