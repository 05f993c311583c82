// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace tidemark::ui {

/// The languages the window speaks. Spark's own texts (its errors, the console sink, column
/// names) stay in Spark's words whatever the choice.
enum class Language { English, Korean };

/// "en" or "ko", as `--lang` and the settings write it.
QString languageCode(Language language);
/// nullopt for anything but "en"/"ko" (a region such as "ko_KR" is accepted).
std::optional<Language> languageFromCode(const QString& code);

/// The saved choice (QSettings key "language"), else the system locale's: Korean for a Korean
/// locale, English otherwise.
Language preferredLanguage();

/// Speaks `language` from now on: installs its translation (English needs none) and every
/// widget receives QEvent::LanguageChange. `remember` saves it as the preferred language.
void setLanguage(Language language, bool remember = false);

/// The language set last (English before any setLanguage()).
Language currentLanguage();

} // namespace tidemark::ui
