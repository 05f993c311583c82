// SPDX-License-Identifier: GPL-3.0-or-later
// Notebooks as cells: .py scripts, nbformat 4 JSON, and the course's text export.
#include "engine/pyspark/NotebookCells.h"

#include "engine/core/JsonRead.h"

#include <cctype>
#include <sstream>

namespace tidemark::pyspark {

namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    if (s.size() < suffix.size())
        return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i])
            return false;
    return true;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        out.push_back(line);
    }
    return out;
}

/// The text export: a `--- [code]` or `--- [markdown]` line opens a cell; in a code cell the
/// first line starting with `  >>> ` opens the printed output, which runs to the next cell.
Notebook splitTextDump(const std::string& text)
{
    Notebook nb;
    nb.format = NotebookFormat::TextDump;
    const auto all = lines(text);
    NotebookCell* cell = nullptr;
    bool inOutput = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string& l = all[i];
        if (l.rfind("--- [", 0) == 0 && l.size() > 6 && l.back() == ']') {
            NotebookCell c;
            c.number = static_cast<int>(nb.cells.size()) + 1;
            c.isCode = l == "--- [code]";
            c.firstFileLine = static_cast<int>(i) + 2;
            nb.cells.push_back(c);
            cell = &nb.cells.back();
            inOutput = false;
            continue;
        }
        if (!cell)
            continue;
        if (cell->isCode && l.rfind("  >>> ", 0) == 0)
            inOutput = true;
        if (inOutput)
            continue;
        cell->source += l;
        cell->source += '\n';
    }
    return nb;
}

/// A .py file: `# %%` lines (VS Code, jupytext) separate cells; `# %% [markdown]` cells are text.
Notebook splitPython(const std::string& text)
{
    Notebook nb;
    nb.format = NotebookFormat::Python;
    const auto all = lines(text);
    NotebookCell current;
    current.number = 1;
    current.firstFileLine = 1;
    bool sawMarker = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string& l = all[i];
        if (l.rfind("# %%", 0) == 0) {
            if (sawMarker || !current.source.empty()) {
                nb.cells.push_back(current);
            }
            sawMarker = true;
            current = NotebookCell{};
            current.number = static_cast<int>(nb.cells.size()) + 1;
            current.isCode = l.find("[markdown]") == std::string::npos;
            current.firstFileLine = static_cast<int>(i) + 2;
            continue;
        }
        current.source += l;
        current.source += '\n';
    }
    nb.cells.push_back(current);
    return nb;
}

Result<Notebook> splitIpynb(const std::string& text)
{
    using namespace jsonread;
    return catchLoadErrors<Notebook>([&]() -> Notebook {
        const Json root = Json::parse(text);
        expectObject(root, "");
        const Json* cells = find(root, "cells");
        if (!cells || !cells->is_array())
            fail("cells", "an .ipynb notebook (nbformat 4) has a \"cells\" array");
        Notebook nb;
        nb.format = NotebookFormat::Ipynb;
        for (std::size_t i = 0; i < cells->size(); ++i) {
            const Json& c = (*cells)[i];
            const std::string path = at("cells", i);
            expectObject(c, path);
            NotebookCell cell;
            cell.number = static_cast<int>(i) + 1;
            const Json* type = find(c, "cell_type");
            cell.isCode = type && type->is_string() && type->get<std::string>() == "code";
            if (const Json* src = find(c, "source")) {
                if (src->is_string())
                    cell.source = src->get<std::string>();
                else if (src->is_array())
                    for (std::size_t k = 0; k < src->size(); ++k)
                        cell.source += getString((*src)[k], at(join(path, "source"), k));
                else
                    fail(join(path, "source"), std::string("expected a string or an array of strings, found ") + jsonTypeName(*src));
            }
            if (!cell.source.empty() && cell.source.back() != '\n')
                cell.source += '\n';
            nb.cells.push_back(std::move(cell));
        }
        return nb;
    });
}

} // namespace

Result<Notebook> splitNotebook(const std::string& text, const std::string& fileName)
{
    if (endsWith(fileName, ".ipynb"))
        return splitIpynb(text);
    if (endsWith(fileName, ".txt") || text.rfind("--- [", 0) == 0)
        return splitTextDump(text);
    return splitPython(text);
}

} // namespace tidemark::pyspark
