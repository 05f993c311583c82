// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tidemark::fuzz {

/// What one input did. Errors are expected (hostile input is refused); `broken` names a promise
/// the engine did not keep without crashing, such as a saved scenario that no longer loads.
struct Outcome {
    std::vector<std::string> errors; ///< every refusal met, as Error::describe() gives it
    std::string broken;
};

/// Batches run per output mode: enough to reach eviction, no-data batches and late rows, few
/// enough that one input takes milliseconds.
inline constexpr int kBatchesPerMode = 6;

/// Bytes as a scenario file, through what `tidemark run --mode all` does with one: load, save
/// and load again, analyze in each output mode, run the first batches and print them as the
/// console and jsonl sinks would.
Outcome exerciseScenario(std::string_view bytes, int batchesPerMode = kBatchesPerMode);

/// Text as a `where`/`on` condition and as a `selectExpr` item: parsed, named, bound against a
/// schema with a column of every type (in the wording of Spark 3.2 and of 4.0) and evaluated
/// over rows of extreme values.
Outcome exerciseExpression(std::string_view text);

} // namespace tidemark::fuzz
