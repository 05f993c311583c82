// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

class QWidget;

namespace tidemark::ui {

/// Calls `apply` now and again whenever the application's language changes (View › Language),
/// for as long as `owner` lives. For the texts a widget sets once, in its constructor; texts
/// that follow the view are set again when the view is shown anew.
void retranslated(QWidget* owner, std::function<void()> apply);

} // namespace tidemark::ui
