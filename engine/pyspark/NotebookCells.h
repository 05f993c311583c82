// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"

#include <string>
#include <vector>

namespace tidemark::pyspark {

/// How a notebook was written down; it decides how places are named in messages.
enum class NotebookFormat : std::uint8_t {
    Python,   ///< a .py script, cells split at `# %%` markers (one cell without them)
    Ipynb,    ///< nbformat 4 JSON
    TextDump, ///< the course's text export: `--- [code]` / `--- [markdown]` headers, output after `  >>> `
};

/// One cell of a notebook: its code (outputs removed) and where it starts in the file.
struct NotebookCell {
    int number = 0; ///< 1-based position among all cells, markdown included, as Jupyter lists them
    bool isCode = true;
    std::string source;
    int firstFileLine = 1; ///< file line of the cell's first source line (text export and .py)
};

struct Notebook {
    NotebookFormat format = NotebookFormat::Python;
    std::vector<NotebookCell> cells;
};

/// Splits a notebook into cells. The format comes from the file name's extension
/// (.ipynb, .txt, otherwise Python). A malformed .ipynb is a File error.
Result<Notebook> splitNotebook(const std::string& text, const std::string& fileName);

} // namespace tidemark::pyspark
