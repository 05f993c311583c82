// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/compute/ViewState.h"

#include <QCoreApplication>
#include <QFlags>
#include <QString>

#include <optional>
#include <vector>

namespace tidemark::ui {

/// What the class can be asked about one batch before it is shown.
enum class PredictKind : std::uint8_t {
    Sink = 1,      ///< which rows the sink receives
    Drops = 2,     ///< which of the events read the watermark drops
    Watermark = 4, ///< the watermark computed at the batch's end
};
Q_DECLARE_FLAGS(PredictKinds, PredictKind)
Q_DECLARE_OPERATORS_FOR_FLAGS(PredictKinds)

/// "sink" | "drops" | "watermark" (a lesson's words) as a kind.
std::optional<PredictKind> predictKindFromName(const QString& name);

/// A row the sink may receive: one of the batch's real rows, or a plausible distractor.
struct SinkChoice {
    Row row;
    QString text;
    bool real = false;
    bool picked = false;
};

/// An event the batch reads, and whether the watermark drops it.
struct DropChoice {
    std::uint32_t event = 0;
    QString text;
    bool dropped = false;
    bool picked = false;
};

/// A candidate for the watermark computed at the batch's end.
struct WatermarkChoice {
    Millis ms = 0;
    QString text;
    bool real = false;
};

/// The questions about one batch, the class's answers, and whether the batch was revealed.
/// Built from the real (unhidden) view; grading is a comparison with what the engine did.
struct BatchPrediction {
    Q_DECLARE_TR_FUNCTIONS(BatchPrediction)
public:
    int batch = -1;
    std::int64_t batchId = -1;
    std::uint64_t generation = 0;
    bool complete = false; ///< built from every mode's run (a preview lacks the distractors of the others)
    OutputMode mode = OutputMode::Update;
    PredictKinds requested; ///< what was asked
    PredictKinds kinds;     ///< what applies to this batch of it
    std::vector<SinkChoice> sink;
    std::vector<DropChoice> drops;
    std::vector<WatermarkChoice> watermarks;
    int pickedWatermark = -1;
    bool revealed = false;

    /// The questions of `kinds` that apply to the current batch of `view` (no drops question
    /// for a batch that reads nothing, no watermark question for a query without one).
    static BatchPrediction make(const ViewState& view, PredictKinds kinds);

    bool asks(PredictKind kind) const { return kinds.testFlag(kind); }
    bool asksAnything() const { return kinds != PredictKinds(); }
    /// True when the answer to `kind` matches the engine exactly.
    bool isRight(PredictKind kind) const;
    int numAsked() const;
    int numRight() const;
    /// "Why?" for every difference between the answers and the batch, in `view` (the batch shown).
    QString explainDifferences(const ViewState& view) const;
};

} // namespace tidemark::ui
