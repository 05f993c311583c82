// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/i18n/Language.h"

#include <QString>

namespace tidemark::ui {

/// The language the window speaks ("ko" or "en", as View › Language or --lang set it). Texts
/// that come in both languages (lessons) pick theirs with it.
inline QString uiLanguage() { return languageCode(currentLanguage()); }

} // namespace tidemark::ui
