// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schema/Schema.h"

#include <cctype>

namespace tidemark {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::optional<std::size_t> Schema::find(std::string_view name) const
{
    for (size_t i = 0; i < fields.size(); ++i)
        if (equalsIgnoreCase(fields[i].name, name))
            return i;
    return std::nullopt;
}

std::optional<std::size_t> Schema::find(std::string_view qualifier, std::string_view name) const
{
    for (size_t i = 0; i < fields.size(); ++i)
        if (equalsIgnoreCase(fields[i].qualifier, qualifier) && equalsIgnoreCase(fields[i].name, name))
            return i;
    return std::nullopt;
}

std::optional<std::size_t> Schema::eventTimeColumn() const
{
    for (size_t i = 0; i < fields.size(); ++i)
        if (fields[i].watermarkDelayMs)
            return i;
    return std::nullopt;
}

std::vector<std::string> Schema::names() const
{
    std::vector<std::string> out;
    out.reserve(fields.size());
    for (const auto& f : fields)
        out.push_back(f.name);
    return out;
}

} // namespace tidemark
