// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/classroom/Prediction.h"

#include <QWidget>

#include <array>
#include <tuple>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace tidemark::ui {

class ClassMode;

/// The class's answer sheet for the batch on screen: which rows the sink receives, which
/// events are dropped, what the watermark becomes; Reveal marks each answer ✓ or ✗ and says
/// why for every difference. Tab moves between the questions, the arrows within one, Space
/// picks, Enter reveals.
class PredictPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PredictPanel(ClassMode* classMode, QWidget* parent = nullptr);

    QListWidget* sinkList() const { return m_lists[0]; }
    QListWidget* dropList() const { return m_lists[1]; }
    QListWidget* watermarkList() const { return m_lists[2]; }
    QPushButton* revealButton() const { return m_reveal; }
    QLabel* title() const { return m_title; }
    /// The ✓ / ✗ beside a question once revealed (empty before).
    QString markOf(PredictKind kind) const;
    QString whyText() const;
    QString summaryText() const;

    void setPresentation(bool on);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void syncChecks(const BatchPrediction& p);
    void fill(const BatchPrediction& p);
    void mark(const BatchPrediction& p);
    void onItemChanged(int question, QListWidgetItem* item);
    static int indexOf(PredictKind kind);

    ClassMode* m_class;
    QLabel* m_title;
    QLabel* m_hint;
    std::array<QAction*, 3> m_ask{}; ///< which questions to ask
    std::array<QWidget*, 3> m_questions{};
    std::array<QLabel*, 3> m_questionLabels{};
    std::array<QLabel*, 3> m_marks{};
    std::array<QListWidget*, 3> m_lists{};
    QPushButton* m_reveal;
    QLabel* m_whyLabel;
    QPlainTextEdit* m_why;
    QLabel* m_summary;
    bool m_filling = false;
    /// What the lists were filled for: batch, generation, what is asked, revealed.
    std::tuple<int, std::uint64_t, int, bool> m_filled{-2, 0, 0, false};
};

} // namespace tidemark::ui
