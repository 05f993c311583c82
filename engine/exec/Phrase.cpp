// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/exec/Phrase.h"

namespace tidemark {

std::string substitute(const std::string& text, const std::vector<std::string>& args)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(text[i + 1] - '1');
            if (n < args.size()) {
                out += args[n];
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string render(const std::vector<Phrase>& phrases)
{
    std::string out;
    for (const Phrase& p : phrases)
        out += substitute(p.text, p.args);
    return out;
}

} // namespace tidemark
