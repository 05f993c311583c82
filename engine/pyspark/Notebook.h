// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace tidemark {

/// One cell of a notebook: Markdown text or Python code.
struct NotebookCell {
    enum class Kind { Markdown, Code };
    Kind kind = Kind::Code;
    std::string text;
};

/// The cells as a Jupyter notebook: nbformat 4.5 JSON (cell ids, a Python 3 kernel, no
/// outputs), indented as Jupyter writes it.
std::string notebookJson(const std::vector<NotebookCell>& cells);

/// The cells as one Python script in the "percent" layout that editors and Jupytext read as
/// cells: `# %%` before code, `# %% [markdown]` before Markdown written as comments. It runs
/// with plain `python3`.
std::string percentScript(const std::vector<NotebookCell>& cells);

} // namespace tidemark
