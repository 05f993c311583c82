// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pyspark/Notebook.h"

#include "engine/pyspark/PythonText.h"

#include <nlohmann/json.hpp>

namespace tidemark {

namespace {

/// Jupyter keeps a cell's source as a list of lines, each with its newline but the last.
nlohmann::json sourceLines(const std::string& text)
{
    nlohmann::json lines = nlohmann::json::array();
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

std::string withoutTrailingNewlines(std::string text)
{
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

} // namespace

std::string notebookJson(const std::vector<NotebookCell>& cells)
{
    nlohmann::ordered_json nb;
    nb["cells"] = nlohmann::ordered_json::array();
    int n = 0;
    for (const NotebookCell& c : cells) {
        nlohmann::ordered_json cell;
        cell["cell_type"] = c.kind == NotebookCell::Kind::Code ? "code" : "markdown";
        if (c.kind == NotebookCell::Kind::Code)
            cell["execution_count"] = nullptr;
        cell["id"] = "cell-" + std::to_string(++n);
        cell["metadata"] = nlohmann::ordered_json::object();
        if (c.kind == NotebookCell::Kind::Code)
            cell["outputs"] = nlohmann::ordered_json::array();
        cell["source"] = sourceLines(withoutTrailingNewlines(c.text));
        nb["cells"].push_back(std::move(cell));
    }
    nb["metadata"] = {{"kernelspec", {{"display_name", "Python 3"}, {"language", "python"}, {"name", "python3"}}},
                      {"language_info", {{"name", "python"}}}};
    nb["nbformat"] = 4;
    nb["nbformat_minor"] = 5;
    // Invalid UTF-8 in a scenario's text becomes U+FFFD rather than an exception.
    return nb.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string percentScript(const std::vector<NotebookCell>& cells)
{
    std::string out;
    for (const NotebookCell& c : cells) {
        if (!out.empty())
            out += "\n\n";
        if (c.kind == NotebookCell::Kind::Markdown) {
            out += "# %% [markdown]\n";
            out += pyComment(withoutTrailingNewlines(c.text));
        } else {
            out += "# %%\n";
            out += withoutTrailingNewlines(c.text) + "\n";
        }
    }
    return out;
}

} // namespace tidemark
