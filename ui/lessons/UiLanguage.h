// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace tidemark::ui {

/// The language the window speaks: "ko" when the default locale is Korean, else "en". Texts
/// that come in both languages (lessons) pick theirs with it.
inline QString uiLanguage() { return QLocale().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en"); }

} // namespace tidemark::ui
