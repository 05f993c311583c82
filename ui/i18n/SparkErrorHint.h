// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tidemark::ui {

/// One line, in the window's language, that says what a Spark error means for the class;
/// empty in English, where Spark's own words (shown as Spark prints them) need no gloss.
QString sparkErrorHint(const QString& sparkText);

/// `sparkText` followed, in Korean, by its hint after a blank line.
QString withSparkErrorHint(const QString& sparkText);

} // namespace tidemark::ui
