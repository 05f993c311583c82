// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/classroom/ClassMode.h"

namespace tidemark::ui {

ClassMode::ClassMode(QObject* parent)
    : QObject(parent)
{
}

void ClassMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    rebuildCurrent();
    emit onChanged(on);
    emit changed();
    emit outcomeVisibilityChanged();
}

void ClassMode::setAskedKinds(PredictKinds kinds)
{
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    rebuildCurrent();
    emit changed();
    emit outcomeVisibilityChanged();
}

void ClassMode::ask(int batchIndex, PredictKinds kinds)
{
    m_lessonAsks[batchIndex] = kinds;
    const auto it = m_predictions.find(batchIndex);
    if (it != m_predictions.end() && !it->second.revealed)
        m_predictions.erase(it);
    emit batchRequested(batchIndex);
    rebuildCurrent();
    emit changed();
    emit outcomeVisibilityChanged();
}

void ClassMode::answer(int batchIndex)
{
    const auto it = m_predictions.find(batchIndex);
    if (it != m_predictions.end() && it->second.asksAnything())
        it->second.revealed = true;
    else
        m_lessonAsks.erase(batchIndex);
    emit changed();
    emit outcomeVisibilityChanged();
}

void ClassMode::setView(const ViewState& view)
{
    m_view = view;
    m_view.hideOutcomeFrom.reset();
    rebuildCurrent();
    emit changed();
}

void ClassMode::rebuildCurrent()
{
    if (!m_view.hasBatch())
        return;
    const int batch = m_view.batch;
    const auto lesson = m_lessonAsks.find(batch);
    if (!m_on && lesson == m_lessonAsks.end())
        return;
    const PredictKinds kinds = lesson != m_lessonAsks.end() ? lesson->second : m_kinds;
    const auto it = m_predictions.find(batch);
    if (it != m_predictions.end()) {
        const BatchPrediction& p = it->second;
        // Revealed answers stay as they were; open questions follow an edit or a new choice of questions.
        if (p.revealed || (p.generation == m_view.snapshot->generation && p.complete == m_view.snapshot->complete && p.batchId == m_view.batchId() && p.mode == m_view.driving
                           && p.requested == kinds))
            return;
    }
    m_predictions[batch] = BatchPrediction::make(m_view, kinds);
}

const BatchPrediction* ClassMode::current() const
{
    if (!m_view.hasBatch() || (!m_on && !m_lessonAsks.contains(m_view.batch)))
        return nullptr;
    const auto it = m_predictions.find(m_view.batch);
    if (it == m_predictions.end() || !it->second.asksAnything())
        return nullptr;
    return &it->second;
}

BatchPrediction* ClassMode::currentMutable() { return const_cast<BatchPrediction*>(current()); }

bool ClassMode::isPredicting() const
{
    const BatchPrediction* p = current();
    return p && !p->revealed;
}

std::optional<int> ClassMode::hideOutcomeFrom(int batch) const
{
    if (batch != m_view.batch)
        return std::nullopt;
    if (isPredicting())
        return batch;
    // Class mode shows nothing of what is still to come (the watermark line ahead of "now").
    if (m_on || current())
        return batch + 1;
    return std::nullopt;
}

void ClassMode::toggleSink(std::size_t choice)
{
    BatchPrediction* p = currentMutable();
    if (!p || p->revealed || choice >= p->sink.size())
        return;
    p->sink[choice].picked = !p->sink[choice].picked;
    emit changed();
}

void ClassMode::toggleDrop(std::size_t choice)
{
    BatchPrediction* p = currentMutable();
    if (!p || p->revealed || choice >= p->drops.size())
        return;
    p->drops[choice].picked = !p->drops[choice].picked;
    emit changed();
}

bool ClassMode::toggleDropOfEvent(std::uint32_t event)
{
    const BatchPrediction* p = current();
    if (!p || p->revealed || !p->asks(PredictKind::Drops))
        return false;
    for (std::size_t i = 0; i < p->drops.size(); ++i)
        if (p->drops[i].event == event) {
            toggleDrop(i);
            return true;
        }
    return false;
}

void ClassMode::pickWatermark(int choice)
{
    BatchPrediction* p = currentMutable();
    if (!p || p->revealed || choice < -1 || choice >= static_cast<int>(p->watermarks.size()))
        return;
    p->pickedWatermark = choice;
    emit changed();
}

void ClassMode::reveal()
{
    BatchPrediction* p = currentMutable();
    if (!p || p->revealed)
        return;
    p->revealed = true;
    emit changed();
    emit outcomeVisibilityChanged();
}

void ClassMode::clear()
{
    m_predictions.clear();
    m_lessonAsks.clear();
    rebuildCurrent();
    emit changed();
    emit outcomeVisibilityChanged();
}

ClassMode::Summary ClassMode::summary() const
{
    Summary s;
    for (const auto& [batch, p] : m_predictions)
        if (p.revealed) {
            s.right += p.numRight();
            s.asked += p.numAsked();
            ++s.batches;
        }
    return s;
}

} // namespace tidemark::ui
