// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lessons/LessonLibrary.h"

#include "engine/lesson/LessonFile.h"
#include "ui/document/ScenarioDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tidemark::ui::LessonLibrary {

namespace {

const QString kSuffix = QStringLiteral(".lesson.json");

} // namespace

QStringList builtInIds()
{
    QStringList out;
    for (const QString& name : QDir(QStringLiteral(":/lessons")).entryList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name))
        out << name.chopped(kSuffix.size());
    return out;
}

Result<Lesson> load(const QString& idOrPath)
{
    const bool isFile = idOrPath.endsWith(QStringLiteral(".json")) || QFileInfo(idOrPath).isFile();
    const QString path = isFile ? idOrPath : QStringLiteral(":/lessons/") + idOrPath + kSuffix;
    if (const QFileInfo info(path); info.exists() && !info.isFile())
        return Error::file("", "not a regular file: " + path.toStdString()); // a FIFO would block the window
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::file("", isFile ? "cannot open " + path.toStdString() : "no built-in lesson \"" + idOrPath.toStdString() + "\"");
    const QByteArray text = file.readAll();
    // A lesson file on disk may name a scenario in the folder beside it (resources/lessons →
    // scenarios in the source tree, lessons → scenarios when installed).
    const QDir dir = QFileInfo(path).absoluteDir();
    const QStringList folders = {QStringLiteral(":/scenarios"), dir.filePath(QStringLiteral("../../scenarios")),
                                 dir.filePath(QStringLiteral("../scenarios"))};
    return loadLessonText(text.toStdString(), [&](const std::string& name) -> Result<Scenario> {
        for (const QString& folder : folders) {
            const QString candidate = folder + QLatin1Char('/') + QString::fromStdString(name);
            if (QFileInfo::exists(candidate))
                return ScenarioDocument::load(candidate);
        }
        return Error::file("", "no such scenario among the shipped ones");
    });
}

} // namespace tidemark::ui::LessonLibrary
