// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/classroom/Prediction.h"

#include <QObject>

#include <map>

namespace tidemark::ui {

/// Predict, then reveal. In class mode (or for a batch a lesson asks about) the batch on
/// screen keeps its outcome hidden — the sink rows, the fates of the events it reads, the
/// watermark it computes — until the class has answered and Reveal is pressed. Answers are
/// kept per batch for as long as the window is open.
///
/// The window feeds it the real view of each batch (setView) and asks it what to hide
/// (hideOutcomeFrom); the pages only read ViewState::hideOutcomeFrom.
class ClassMode : public QObject
{
    Q_OBJECT
public:
    explicit ClassMode(QObject* parent = nullptr);

    bool isOn() const { return m_on; }
    /// The questions asked in class mode (a lesson's ask() chooses its own).
    PredictKinds askedKinds() const { return m_kinds; }
    void setAskedKinds(PredictKinds kinds);

    /// For a lesson step that predicts: shows batch `batchIndex` with its outcome hidden and
    /// asks `kinds` about it, whether or not class mode is on.
    void ask(int batchIndex, PredictKinds kinds);
    /// For a lesson step that tells the answer: what was predicted about batch `batchIndex` is
    /// revealed and marked; a question asked but never put (the step was skipped before the
    /// batch was on screen) is withdrawn. Works whichever batch is on screen.
    void answer(int batchIndex);

    /// The real (unhidden) view of the batch on screen.
    void setView(const ViewState& view);
    /// What the pages may show at `batch`: unset, or the first batch whose outcome is hidden.
    std::optional<int> hideOutcomeFrom(int batch) const;

    /// The prediction for the batch on screen, or null when nothing is asked about it.
    const BatchPrediction* current() const;
    /// True while the batch on screen waits for Reveal.
    bool isPredicting() const;

    void toggleSink(std::size_t choice);
    void toggleDrop(std::size_t choice);
    /// Picks or unpicks the dot of `event` as dropped; false if the batch on screen does not ask about it.
    bool toggleDropOfEvent(std::uint32_t event);
    void pickWatermark(int choice);

    struct Summary {
        int right = 0;   ///< questions answered right
        int asked = 0;   ///< questions revealed
        int batches = 0; ///< batches revealed
    };
    /// Over every batch revealed so far.
    Summary summary() const;
    /// The revealed predictions, by batch index.
    const std::map<int, BatchPrediction>& predictions() const { return m_predictions; }
    const ViewState& view() const { return m_view; }

public slots:
    void setOn(bool on);
    /// Shows the real batch and marks the answers.
    void reveal();
    /// Forgets every answer (a new class, a new scenario).
    void clear();

signals:
    void onChanged(bool on);
    /// The questions, answers or marks changed.
    void changed();
    /// What the pages may show changed (on, off, revealed): the window redraws them.
    void outcomeVisibilityChanged();
    /// ask() wants this batch on screen.
    void batchRequested(int batchIndex);

private:
    BatchPrediction* currentMutable();
    void rebuildCurrent();

    bool m_on = false;
    PredictKinds m_kinds = PredictKind::Sink | PredictKind::Drops | PredictKind::Watermark;
    std::map<int, PredictKinds> m_lessonAsks; ///< batches a lesson asked about, with its questions
    std::map<int, BatchPrediction> m_predictions;
    ViewState m_view;
};

} // namespace tidemark::ui
