// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/Phrase.h"
#include "engine/exec/RunRecord.h"
#include "engine/scenario/Scenario.h"

#include <string>
#include <vector>

namespace tidemark {

/// Why a row ended as it did, in sentences a student can follow, with the comparison that
/// decided it (`window end 12:10:00 <= watermark 12:11:00`). Times are in the scenario's zone.
std::string explainFate(const RowFate& fate, const ModeRun& run, const Scenario& scenario);
/// The same, sentence by sentence, for the window to translate.
std::vector<Phrase> explainFatePhrases(const RowFate& fate, const ModeRun& run, const Scenario& scenario);

/// The life of one state row (identified by its grouping columns): the batches that created,
/// updated, emitted and evicted it, and why.
std::string explainGroup(const Row& key, const ModeRun& run, const Scenario& scenario);
std::vector<Phrase> explainGroupPhrases(const Row& key, const ModeRun& run, const Scenario& scenario);

/// "12:07:00" for an instant on the scenario's date, the full timestamp otherwise.
std::string shortTime(Micros t, const Scenario& scenario);

} // namespace tidemark
