// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace tidemark::ui {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

QStringList RecentFiles::list()
{
    QStringList out;
    for (const QString& f : QSettings().value(kKey).toStringList())
        if (QFileInfo::exists(f))
            out << f;
    return out;
}

void RecentFiles::add(const QString& path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = QSettings().value(kKey).toStringList();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMax)
        files.removeLast();
    QSettings().setValue(kKey, files);
}

void RecentFiles::clear() { QSettings().remove(kKey); }

} // namespace tidemark::ui
