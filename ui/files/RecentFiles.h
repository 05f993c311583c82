// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tidemark::ui {

/// The most recently opened or saved scenario files, kept in QSettings.
class RecentFiles
{
public:
    static constexpr int kMax = 8;

    /// Most recent first; files that no longer exist are left out.
    static QStringList list();
    static void add(const QString& path);
    static void clear();
};

} // namespace tidemark::ui
