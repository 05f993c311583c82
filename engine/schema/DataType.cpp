// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schema/DataType.h"

#include <algorithm>
#include <cctype>

namespace tidemark {

namespace {
std::string baseName(TypeId id)
{
    switch (id) {
    case TypeId::Null: return "void";
    case TypeId::String: return "string";
    case TypeId::Int: return "int";
    case TypeId::Long: return "bigint";
    case TypeId::Double: return "double";
    case TypeId::Boolean: return "boolean";
    case TypeId::Timestamp: return "timestamp";
    case TypeId::Window: return "struct<start:timestamp,end:timestamp>";
    case TypeId::Array: return "array";
    case TypeId::Interval: return "interval";
    }
    return "unknown";
}
} // namespace

std::string sparkTypeName(const DataType& type)
{
    if (type.id == TypeId::Array)
        return "array<" + baseName(type.element) + ">";
    return baseName(type.id);
}

std::string scenarioTypeName(const DataType& type)
{
    if (type.id == TypeId::Long)
        return "long";
    return sparkTypeName(type);
}

std::optional<DataType> parseScenarioType(std::string_view name)
{
    std::string n(name);
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (n == "string")
        return DataType(TypeId::String);
    if (n == "int" || n == "integer")
        return DataType(TypeId::Int);
    if (n == "long" || n == "bigint")
        return DataType(TypeId::Long);
    if (n == "double")
        return DataType(TypeId::Double);
    if (n == "boolean" || n == "bool")
        return DataType(TypeId::Boolean);
    if (n == "timestamp")
        return DataType(TypeId::Timestamp);
    return std::nullopt;
}

} // namespace tidemark
