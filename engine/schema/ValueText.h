// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schema/DataType.h"
#include "engine/schema/Value.h"
#include "engine/time/TimeZone.h"

#include <string>

namespace tidemark {

/// A value cast to a string exactly as Spark's Cast(…, StringType) renders it for
/// Dataset.show: timestamps in the session zone with a trimmed fraction, doubles as Java's
/// Double.toString, structs as `{a, b}`, arrays as `[a, b]`. `nullText` is what a null
/// prints as ("null" before Spark 3.5, "NULL" after).
std::string valueToText(const Value& value, const DataType& type, const TimeZone& zone, const char* nullText = "null");

/// Java's Double.toString: shortest round-trip digits, plain notation for 1e-3 <= |d| < 1e7,
/// otherwise `d.dddE±n`.
std::string javaDoubleToString(double d);

} // namespace tidemark
