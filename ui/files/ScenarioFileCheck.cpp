// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/ScenarioFileCheck.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace tidemark::ui {

namespace {

/// The context of this file's texts in the translations.
struct ScenarioFileCheck {
    Q_DECLARE_TR_FUNCTIONS(ScenarioFileCheck)
};

/// "UTF-16" or "UTF-32" from a byte order mark, or from the zero bytes of the first character
/// (a JSON text starts with an ASCII character, RFC 8259 section 8.1); empty otherwise.
QString wideEncoding(QByteArrayView head)
{
    if (head.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4)) || head.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4)))
        return QStringLiteral("UTF-32");
    if (head.startsWith(QByteArrayView("\xFF\xFE", 2)) || head.startsWith(QByteArrayView("\xFE\xFF", 2)))
        return QStringLiteral("UTF-16");
    const auto zero = [&](qsizetype i) { return head.at(i) == '\0'; };
    if (head.size() >= 4 && ((zero(0) && zero(1) && zero(2) && !zero(3)) || (!zero(0) && zero(1) && zero(2) && zero(3))))
        return QStringLiteral("UTF-32");
    if (head.size() >= 2 && zero(0) != zero(1))
        return QStringLiteral("UTF-16");
    return {};
}

} // namespace

QString scenarioFileProblem(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    if (info.isDir())
        return ScenarioFileCheck::tr("not a regular file: it is a folder");
    if (!info.isFile())
        return ScenarioFileCheck::tr("not a regular file (a pipe, socket or device)");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (const QString encoding = wideEncoding(file.read(4)); !encoding.isEmpty())
        return ScenarioFileCheck::tr("the file is %1; save it as UTF-8").arg(encoding);
    return {};
}

} // namespace tidemark::ui
