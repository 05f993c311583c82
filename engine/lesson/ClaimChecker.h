// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/RunRecord.h"
#include "engine/lesson/Lesson.h"

#include <string>
#include <vector>

namespace tidemark {

/// The verdict on one claim of a lesson.
struct ClaimResult {
    std::size_t step = 0;  ///< 0-based step index
    std::size_t claim = 0; ///< 0-based index within the step's claims
    bool holds = false;
    std::string claimText; ///< the claim as written
    std::string actual;    ///< what the engine really gives ("12:11:00", "dropped", "2 rows: …")
};

/// Runs a lesson's scenario in every output mode and checks each step's claims against the
/// result, so that a lesson's text cannot drift from the engine.
class ClaimChecker
{
public:
    explicit ClaimChecker(const Lesson& lesson);

    /// Every claim of every step, in file order.
    std::vector<ClaimResult> checkAll() const;
    /// One claim against the run (the run is computed once, in the constructor).
    ClaimResult check(const LessonClaim& claim) const;

    /// What the steps themselves point at that the run does not have (a batch past the last,
    /// an event past the last), as `steps[2].batch: …` messages; empty when all is there.
    std::vector<std::string> checkSteps() const;

    const RunRecord& run() const { return m_run; }

private:
    const Lesson& m_lesson;
    RunRecord m_run;
};

} // namespace tidemark
