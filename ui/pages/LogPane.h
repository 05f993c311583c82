// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/pages/ViewTextPane.h"

namespace tidemark::ui {

/// The console sink's output in the query's output mode, batch by batch up to the current
/// one, byte for byte as Spark prints it.
class LogPane : public ViewTextPane
{
    Q_OBJECT
public:
    explicit LogPane(QWidget* parent = nullptr);

protected:
    void render() override;
};

} // namespace tidemark::ui
