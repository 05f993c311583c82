// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/pages/JoinOutline.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace tidemark::ui {

/// The plan of a join, drawn top to bottom as the rows flow: each input's steps (selectExpr,
/// withWatermark, window) with the conjuncts of `on` that Spark's optimizer moved into it,
/// above or below its watermark; then the join with what stayed in it (keys, the conditions on
/// each pair, the time range that bounds the state); then how each side's state is cleaned.
/// Hidden when the query has no join.
class JoinPlanView : public QWidget
{
    Q_OBJECT
public:
    explicit JoinPlanView(QWidget* parent = nullptr);

    /// Shows `plan`'s join, or hides the view when there is none (or no plan).
    void showPlan(const QueryPlan* plan, const Scenario& scenario);

    const std::optional<JoinOutline>& outline() const { return m_outline; }
    /// What the view says, as plain text in its reading order.
    QString plainText() const;
    QLabel* label() const { return m_label; }

private:
    void render();
    QString sideHtml(int side) const;
    QString joinHtml() const;
    QString stateHtml() const;
    /// The operators a join's output flows into, and the watermark they read.
    static QString afterJoinHtml(const QueryPlan& plan, const Scenario& scenario);
    /// How rows of one side (`name`, HTML) leave a join's state.
    static QString boundText(const StateBound& bound, const QString& name);

    QLabel* m_label;
    std::optional<JoinOutline> m_outline;
    QString m_afterJoin;
};

} // namespace tidemark::ui
