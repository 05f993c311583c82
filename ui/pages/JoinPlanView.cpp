// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/JoinPlanView.h"

#include "engine/plan/JoinOutputWatermark.h"
#include "engine/time/Interval.h"
#include "ui/Palette.h"
#include "ui/i18n/Retranslate.h"

#include <QCoreApplication>
#include <QLabel>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace tidemark::ui {

namespace {

QString code(const QString& text) { return QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped()); }

/// The mark of a conjunct of `on`, the same wherever it ran, so the eye finds them all.
QString onTag()
{
    return QStringLiteral("<span style=\"background-color:#0B5F7A; color:#FFFFFF;\">&nbsp;on&nbsp;</span>");
}

/// A conjunct of the query's `where` after the join: outlined, unlike `on`'s filled tag.
QString whereTag()
{
    return QStringLiteral("<span style=\"border:1px solid #0B5F7A; color:#0B5F7A;\">&nbsp;<b>where</b>&nbsp;</span>");
}

/// A filter Spark's optimizer derives through a key equality: not written anywhere, so no code.
QString inferredTag()
{
    return QStringLiteral("<span style=\"color:#0B5F7A;\"><i>%1</i></span>").arg(QCoreApplication::translate("JoinPlanView", "inferred").toHtmlEscaped());
}

QString note(const QString& text) { return QStringLiteral("<br><span style=\"color:#555555;\">%1</span>").arg(text); }

/// One row of a step list: a marker on the left, the text on the right; `highlight` shades a
/// conjunct of `on`.
QString row(const QString& marker, const QString& body, bool highlight = false)
{
    const QString shade = highlight ? QStringLiteral(" bgcolor=\"#FFF1C2\"") : QString();
    return QStringLiteral("<tr><td align=\"center\" valign=\"top\"%3>%1</td><td valign=\"top\"%3>%2</td></tr>").arg(marker, body, shade);
}

QString table(const QString& rows) { return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">%1</table>").arg(rows); }

QString heading(const QString& text) { return QStringLiteral("<p style=\"margin-top:8px; margin-bottom:2px;\"><b>%1</b></p>").arg(text); }

/// `watermark − 1 hour 1 millisecond`, as getStateValueWatermark offsets it.
QString shifted(Micros offset)
{
    const QString wm = JoinPlanView::tr("watermark");
    if (offset == 0)
        return wm;
    const QString sign = offset < 0 ? QStringLiteral(" \u2212 ") : QStringLiteral(" + ");
    return wm + sign + QString::fromStdString(formatDuration(offset < 0 ? -offset : offset));
}

} // namespace

JoinPlanView::JoinPlanView(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("joinPlanView"));
    m_label->setObjectName(QStringLiteral("joinPlanText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_label->setFocusPolicy(Qt::StrongFocus); // Tab reaches the plan, for a screen reader too
    m_label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    setVisible(false);
    retranslated(this, [this] { render(); });
}

void JoinPlanView::showPlan(const QueryPlan* plan, const Scenario& scenario)
{
    m_outline = plan ? outlineJoin(*plan, scenario) : std::nullopt;
    m_afterJoin = m_outline && plan ? afterJoinHtml(*plan, scenario) : QString();
    render();
}

QString JoinPlanView::plainText() const
{
    QTextDocument doc;
    doc.setHtml(m_label->text());
    return doc.toPlainText();
}

void JoinPlanView::render()
{
    setVisible(m_outline.has_value());
    if (!m_outline) {
        m_label->clear();
        return;
    }
    QString html = heading(tr("Where the join condition runs"));
    html += QStringLiteral("<p style=\"margin-top:0px;\">%1</p>")
                .arg(m_outline->usingJoin ? tr("Spark turns each %1 column into a key equality (Analyzer.commonNaturalJoinProcessing).").arg(code(QStringLiteral("using")))
                                          : tr("Spark splits %1 at each AND and runs each part as early as it can (PushPredicateThroughJoin). "
                                               "The rows flow from top to bottom.")
                                                .arg(onTag()));
    html += sideHtml(0) + sideHtml(1) + joinHtml() + stateHtml() + m_afterJoin;
    m_label->setText(html);
    m_label->setAccessibleName(tr("Where the join condition runs"));
}

QString JoinPlanView::sideHtml(int side) const
{
    const OutlineSide& s = m_outline->sides[static_cast<std::size_t>(side)];
    QString title;
    if (side == 0)
        title = s.isStatic ? tr("%1 — the left input, a static table") : tr("%1 — the left input, a stream");
    else
        title = s.isStatic ? tr("%1 — the right input, a static table") : tr("%1 — the right input, a stream");
    QString rows;
    const QString arrow = QStringLiteral("\u2193");
    const QString watermarkColor = palette::watermarkColor().name();
    for (const OutlineStep& step : s.steps) {
        switch (step.kind) {
        case OutlineStep::Kind::Select: rows += row(arrow, code(QStringLiteral("selectExpr")) + QLatin1Char(' ') + step.text.toHtmlEscaped()); break;
        case OutlineStep::Kind::Window: rows += row(arrow, code(QStringLiteral("select")) + QLatin1Char(' ') + step.text.toHtmlEscaped()); break;
        case OutlineStep::Kind::Where: rows += row(arrow, code(QStringLiteral("where")) + QLatin1Char(' ') + code(step.text)); break;
        case OutlineStep::Kind::Watermark:
            rows += row(QStringLiteral("<span style=\"color:%1;\">%2</span>").arg(watermarkColor, arrow),
                        QStringLiteral("<span style=\"color:%1;\"><b>withWatermark</b>(%2)</span>").arg(watermarkColor, step.text.toHtmlEscaped()));
            break;
        case OutlineStep::Kind::FromOn:
        case OutlineStep::Kind::FromWhere: {
            const bool fromWhere = step.kind == OutlineStep::Kind::FromWhere;
            QString where;
            switch (step.place) {
            case ConjunctPlace::BelowWatermark:
                where = fromWhere ? tr("Moved here from the where after the join, before withWatermark: a row it rejects never reaches the join and "
                                       "never moves the watermark.")
                                  : tr("Moved here from the join, before withWatermark: a row it rejects never reaches the join and never moves the watermark.");
                break;
            case ConjunctPlace::AboveWatermark:
                where = fromWhere ? tr("Moved here from the where after the join, but after withWatermark because it reads the event time: a row it "
                                       "rejects never reaches the join, yet it still moves the watermark.")
                                  : tr("Moved here from the join, but after withWatermark because it reads the event time: a row it rejects never "
                                       "reaches the join, yet it still moves the watermark.");
                break;
            default:
                where = fromWhere ? tr("Moved here from the where after the join: a row it rejects never reaches the join.")
                                  : tr("Moved here from the join: a row it rejects never reaches the join.");
                break;
            }
            if (step.throughSelect)
                where += QLatin1Char(' ') + tr("Spark also moved it before %1, so it reads the source's columns.").arg(code(QStringLiteral("selectExpr")));
            rows += row(fromWhere ? whereTag() : onTag(), code(step.text) + note(where), true);
            break;
        }
        case OutlineStep::Kind::Inferred: {
            const bool throughKey = !step.inferredFrom.isEmpty();
            QString where = throughKey && step.fromNextJoin
                                ? tr("Added by Spark's optimizer: %1 holds for the rows that reach the join after this one, and that join's "
                                     "key equality %2 carries it here, so the filter runs before this join too (InferFiltersFromConstraints).")
                                      .arg(code(step.inferredFrom), code(step.inferredThrough))
                            : throughKey ? tr("Added by Spark's optimizer: %1 holds for the other side's rows, and the join's key equality %2 "
                                            "carries it to this side (InferFiltersFromConstraints).")
                                             .arg(code(step.inferredFrom), code(step.inferredThrough))
                            : step.fromNextJoin
                                ? tr("Added by Spark's optimizer: the condition of the join after this one is never true for a null here "
                                     "(InferFiltersFromConstraints), so the filter runs before this join too.")
                                : tr("Added by Spark's optimizer: the join condition is never true for a null here (InferFiltersFromConstraints).");
            switch (step.place) {
            case ConjunctPlace::BelowWatermark:
                where += QLatin1Char(' ') + (throughKey ? tr("It runs before withWatermark: a row it rejects never reaches the join and never moves the watermark.")
                                                        : tr("It runs before withWatermark: a row with a null here never reaches the join and never moves the watermark."));
                break;
            case ConjunctPlace::AboveWatermark:
                where += QLatin1Char(' ') + tr("It reads the event time, so it runs after withWatermark: such a row still moves the watermark.");
                break;
            default: break;
            }
            if (step.throughSelect)
                where += QLatin1Char(' ') + tr("Spark also moved it before %1, so it reads the source's columns.").arg(code(QStringLiteral("selectExpr")));
            rows += row(throughKey ? inferredTag() : code(QStringLiteral("isnotnull")), code(step.text) + note(where), true);
            break;
        }
        }
    }
    return heading(title.arg(s.source.toHtmlEscaped())) + table(rows);
}

QString JoinPlanView::joinHtml() const
{
    const JoinOutline& o = *m_outline;
    const QString type = QString::fromLatin1(joinTypeSparkName(o.type));
    QString title = o.streamStream ? tr("%1 join of the two streams").arg(type) : tr("%1 join of a stream and a static table").arg(type);
    QString rows;
    for (const OutlineCondition& c : o.inJoin) {
        QString what;
        switch (c.place) {
        case ConjunctPlace::Key: what = tr("Key: rows meet when their keys are equal."); break;
        case ConjunctPlace::NullSafeKey: what = tr("Null-safe key: rows meet when their keys are equal, and a null key meets a null key."); break;
        case ConjunctPlace::UsingKey:
            rows += row(QStringLiteral("<code>using</code>"), code(QStringLiteral("left.%1 = right.%1").arg(c.text)) + note(tr("Key: rows meet when their keys are equal.")), true);
            continue;
        case ConjunctPlace::Pair: what = tr("Checked on each pair of rows with equal keys."); break;
        case ConjunctPlace::PairAndStateRange:
            what = tr("Checked on each pair of rows with equal keys; its time range also tells when rows can leave the state (below).");
            break;
        case ConjunctPlace::KeptForPreservedSide: {
            const QString side = o.sides[static_cast<std::size_t>(c.side == 1 ? 1 : 0)].source.toHtmlEscaped();
            what = o.streamStream ? tr("Stays in the join: %1 is the side an outer join keeps, so a row of %1 that fails it is not "
                                       "stored and is output at once with nulls.")
                                        .arg(side)
                                  : tr("Stays in the join: %1 is the side an outer join keeps, so a row of %1 that fails it "
                                       "matches nothing and is output with nulls.")
                                        .arg(side);
            break;
        }
        default: break;
        }
        if (c.fromWhere)
            what += QLatin1Char(' ') + tr("Moved into the join condition from the where after the join.");
        if (c.fromNextJoin)
            what += QLatin1Char(' ') + tr("Moved into this join's condition from the condition of the join after it (PushPredicateThroughJoin).");
        rows += row(c.fromWhere ? whereTag() : onTag(), code(c.text) + note(what), true);
    }
    QString narrowed;
    if (o.writtenType)
        narrowed = QStringLiteral("<p style=\"margin-top:0px;\">%1</p>")
                       .arg(tr("Written as a %1 join: the where after it rejects every row this join would pad with nulls, so Spark's "
                               "optimizer runs it as a %2 join (EliminateOuterJoin), and moves the where's conditions as for that join.")
                                .arg(code(QString::fromLatin1(joinTypeSparkName(*o.writtenType))), code(type)));
    return heading(title) + narrowed + table(rows);
}

QString JoinPlanView::stateHtml() const
{
    const JoinOutline& o = *m_outline;
    if (!o.streamStream)
        return QStringLiteral("<p>%1</p>").arg(tr("A join with a static table keeps no state: each batch's rows are joined with the whole table."));
    QString rows;
    for (std::size_t side = 0; side < 2; ++side)
        if (o.state[side].kind != StateBound::Kind::NoState) // a stream-static join: said above
            rows += row(QStringLiteral("\u2022"), boundText(o.state[side], QStringLiteral("<b>%1</b>").arg(o.sides[side].source.toHtmlEscaped())));
    return heading(tr("When rows leave the join state")) + table(rows);
}

QString JoinPlanView::boundText(const StateBound& b, const QString& name)
{
    switch (b.kind) {
    case StateBound::Kind::ByKey:
        return b.windowEnd ? tr("%1: a row leaves when the end of its key %2 is at or behind the watermark.").arg(name, code(b.column))
                           : tr("%1: a row leaves when its key %2 is at or behind the watermark.").arg(name, code(b.column));
    case StateBound::Kind::ByRange:
        return b.windowEnd ? tr("%1: a row leaves when the end of %2 \u2264 %3.").arg(name, code(b.column), shifted(b.offset).toHtmlEscaped())
                           : tr("%1: a row leaves when %2 \u2264 %3.").arg(name, code(b.column), shifted(b.offset).toHtmlEscaped());
    case StateBound::Kind::Never: return tr("%1: no row ever leaves; nothing bounds this side by the watermark, so its state keeps growing.").arg(name);
    case StateBound::Kind::NoState: break;
    }
    return {};
}

QString JoinPlanView::afterJoinHtml(const QueryPlan& plan, const Scenario& scenario)
{
    if (plan.chain.empty() || !plan.join)
        return {};
    QString rows;
    int op = plan.firstChainOperator() + 1;
    for (const ChainStage& stage : plan.chain) {
        if (!stage.isStateful())
            continue;
        if (stage.join) {
            // A join whose left input is the join above: its own state, bounded by its own rules.
            const JoinPlan& j = *stage.join;
            const QString right = QString::fromStdString(scenario.sources[plan.inputs[stage.joinInput].source].name);
            rows += row(QStringLiteral("\u2193"), tr("Stateful operator %1: %2 join with %3 (%4)")
                                                       .arg(op++)
                                                       .arg(code(QString::fromLatin1(joinTypeSparkName(j.type))), code(right),
                                                            code(QString::fromStdString(stage.path + ".join"))));
            rows += row(QString(), boundText(joinStateBound(j, 0), tr("the joined rows")));
            rows += row(QString(), boundText(joinStateBound(j, 1), QStringLiteral("<b>%1</b>").arg(right.toHtmlEscaped())));
            // Its input's filters inferred through its keys (the joins before carry their
            // constraints to it), and where each runs.
            const std::vector<Step>& steps = plan.inputs[stage.joinInput].steps;
            const auto watermark = std::find_if(steps.begin(), steps.end(), [](const Step& st) { return st.kind == Step::Kind::Watermark; });
            for (auto st = steps.begin(); st != steps.end(); ++st) {
                if (st->kind != Step::Kind::Filter || st->inferredFrom.empty())
                    continue;
                QString where = tr("Added by Spark's optimizer to %1: %2 holds for the joined rows, and this join's key equality %3 carries it "
                                   "there (InferFiltersFromConstraints).")
                                    .arg(QStringLiteral("<b>%1</b>").arg(right.toHtmlEscaped()), code(QString::fromStdString(st->inferredFrom)),
                                         code(QString::fromStdString(st->inferredThrough)));
                if (st < watermark && watermark != steps.end())
                    where += QLatin1Char(' ') + tr("It runs before withWatermark: a row it rejects never reaches the join and never moves the watermark.");
                rows += row(inferredTag(), code(QString::fromStdString(st->text)) + note(where), true);
            }
            continue;
        }
        const QString name = stage.aggregate ? QStringLiteral("groupBy/agg") : stage.dedup->withinWatermark ? QStringLiteral("dropDuplicatesWithinWatermark") : QStringLiteral("dropDuplicates");
        rows += row(QStringLiteral("\u2193"), tr("Stateful operator %1: %2 (%3)").arg(op++).arg(code(name), code(QString::fromStdString(stage.path))));
    }
    QString rule;
    if (!plan.join->isStreamStream())
        rule = tr("A join with a static table passes the stream's watermark on unchanged.");
    else if (plan.propagatesWatermark)
        rule = tr("They read the join's output watermark, %1: the least of the watermark and each side's state bound, so a row the join still "
                  "holds is never late for them (Spark 3.5+, produceOutputWatermark).")
                   .arg(shifted(joinOutputWatermarkMs(*plan.join, 0) * kMicrosPerMilli).toHtmlEscaped());
    else
        rule = tr("They read the same watermark as the join (Spark %1 gives every operator the batch's watermark), so rows the join emits late "
                  "can be dropped there.")
                   .arg(QString::fromStdString(plan.version.toString()));
    return heading(tr("After the join")) + table(rows) + QStringLiteral("<p style=\"margin-top:2px;\">%1</p>").arg(rule);
}

} // namespace tidemark::ui
