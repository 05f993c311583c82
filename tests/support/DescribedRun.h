// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/TestScenario.h"

#include <QString>
#include <QStringList>

namespace tidemark::testing {

/// runAndDescribe as Qt Test compares it: one line per batch (and per error).
inline QStringList describedRun(const TestScenario& scenario, OutputMode mode)
{
    QStringList out;
    for (const std::string& line : runAndDescribe(scenario, mode))
        out << QString::fromStdString(line);
    return out;
}

} // namespace tidemark::testing
