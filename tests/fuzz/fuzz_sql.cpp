// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: bytes as a SQL condition and select item (FuzzPipeline.h). Parse and bind
// errors are fine; a crash, a sanitizer report or a hang is a finding.
#include "tests/fuzz/FuzzPipeline.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    (void)tidemark::fuzz::exerciseExpression({reinterpret_cast<const char*>(data), size});
    return 0;
}
