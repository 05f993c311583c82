// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/scenario/Scenario.h"

#include <QString>

namespace tidemark::ui {

/// How a cell reads in the tables: times of day on the scenario's date, windows as
/// "12:00–12:10", other values as Spark would print them.
QString cellText(const Value& value, const DataType& type, const Scenario& scenario);

/// A time in the scenario's zone: "12:07:00" on its date, the full timestamp otherwise.
QString timeText(Micros t, const Scenario& scenario);

/// Parses what a user typed into a cell of this type. An empty cell is null (except for
/// strings); times accept "12:07", "12:07:30" (on the scenario's date) or a full timestamp.
Result<Value> parseCell(const QString& text, const DataType& type, const Scenario& scenario);

} // namespace tidemark::ui
