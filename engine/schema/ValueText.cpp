// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schema/ValueText.h"

#include "engine/time/TimeFormat.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace tidemark {

std::string javaDoubleToString(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0.0)
        return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    (void)ec;
    std::string sci(buf, end); // e.g. "-4.900680224893955e+01"
    std::string sign;
    if (sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    const auto e = sci.find('e');
    std::string digits = sci.substr(0, e);
    const int exponent = std::atoi(sci.c_str() + e + 1);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end()); // "4900680224893955"
    const double magnitude = std::fabs(d);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        std::string out;
        if (exponent >= 0) {
            const size_t intDigits = static_cast<size_t>(exponent) + 1;
            if (digits.size() <= intDigits) {
                out = digits + std::string(intDigits - digits.size(), '0') + ".0";
            } else {
                out = digits.substr(0, intDigits) + "." + digits.substr(intDigits);
            }
        } else {
            out = "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
        }
        return sign + out;
    }
    std::string mantissa = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
    return sign + mantissa + "E" + std::to_string(exponent);
}

std::string valueToText(const Value& value, const DataType& type, const TimeZone& zone, const char* nullText)
{
    if (value.isNull())
        return nullText;
    switch (type.id) {
    case TypeId::Timestamp:
        return value.isInt() ? formatTimestamp(value.asInt(), zone) : "?";
    case TypeId::Window:
        if (value.isRange())
            return "{" + formatTimestamp(value.asRange().start, zone) + ", " + formatTimestamp(value.asRange().end, zone) + "}";
        return "?";
    case TypeId::Array: {
        if (!value.isList())
            return "?";
        std::string out = "[";
        bool first = true;
        for (const Value& v : value.asList()) {
            if (!first)
                out += ", ";
            first = false;
            // Spark 3.x renders a null array element as "null" whatever the top-level spelling.
            out += v.isNull() ? std::string("null") : valueToText(v, DataType(type.element), zone, nullText);
        }
        return out + "]";
    }
    case TypeId::Double:
        return javaDoubleToString(value.toDouble());
    case TypeId::Boolean:
        return value.isBool() ? (value.asBool() ? "true" : "false") : "?";
    case TypeId::Int:
    case TypeId::Long:
        if (value.isInt())
            return std::to_string(value.asInt());
        return value.isDouble() ? javaDoubleToString(value.asDouble()) : "?";
    case TypeId::String:
        return value.isString() ? value.asString() : "?";
    case TypeId::Interval:
        return value.isInt() ? std::to_string(value.asInt()) + " microseconds" : "?";
    case TypeId::Null:
        return nullText;
    }
    return "?";
}

} // namespace tidemark
