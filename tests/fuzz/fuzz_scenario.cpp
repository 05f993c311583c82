// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: bytes as a scenario file (FuzzPipeline.h). Refusals are fine; a crash, a
// sanitizer report, a hang, a run past the memory limit or a broken promise is a finding.
#include "tests/fuzz/FuzzPipeline.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto outcome = tidemark::fuzz::exerciseScenario({reinterpret_cast<const char*>(data), size});
    if (!outcome.broken.empty()) {
        std::fprintf(stderr, "%s\n", outcome.broken.c_str());
        std::abort();
    }
    return 0;
}
