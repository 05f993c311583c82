// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/JoinOutline.h"

#include "engine/expr/Parser.h"
#include "engine/plan/JoinCondition.h"
#include "engine/plan/PredicatePushdown.h"

#include <QStringList>

#include <algorithm>

namespace tidemark::ui {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

std::size_t firstPos(const Ast& a)
{
    std::size_t p = a.pos;
    for (const auto& c : a.args)
        p = std::min(p, firstPos(*c));
    return p;
}

/// Drops the parentheses one conjunct's slice of the text leaves unbalanced: the `(` of a
/// group the previous conjunct opened, the `)` of a group it closes.
QString balanced(QString t)
{
    for (;;) {
        t = t.trimmed();
        const int open = static_cast<int>(t.count(QLatin1Char('('))), close = static_cast<int>(t.count(QLatin1Char(')')));
        if (open > close && t.startsWith(QLatin1Char('(')))
            t.remove(0, 1);
        else if (close > open && t.endsWith(QLatin1Char(')')))
            t.chop(1);
        else
            return t;
    }
}

/// The conjunct's text: from its first character up to where the next one starts, without
/// the AND (and any `(`) between them.
QString slice(const std::string& on, std::size_t from, std::size_t to)
{
    QString t = q(on.substr(from, to - from)).trimmed();
    for (;;) {
        if (t.endsWith(QLatin1Char('('))) {
            t.chop(1);
            t = t.trimmed();
        } else if (t.endsWith(QLatin1String("AND"), Qt::CaseInsensitive) && (t.size() == 3 || !t.at(t.size() - 4).isLetterOrNumber())) {
            t.chop(3);
            t = t.trimmed();
        } else {
            break;
        }
    }
    return balanced(t);
}

/// Rewrites `impressions.adId` / `left.adId` to the join schemas' qualifiers, as the analyzer does.
AstPtr qualify(const AstPtr& a, const std::string& leftName, const std::string& rightName)
{
    auto copy = std::make_shared<Ast>(*a);
    if (copy->kind == Ast::Kind::Column && !copy->qualifier.empty()) {
        const QString qual = q(copy->qualifier);
        if (qual.compare(q(leftName), Qt::CaseInsensitive) == 0 || qual.compare(QLatin1String("left"), Qt::CaseInsensitive) == 0)
            copy->qualifier = "left";
        else if (qual.compare(q(rightName), Qt::CaseInsensitive) == 0 || qual.compare(QLatin1String("right"), Qt::CaseInsensitive) == 0)
            copy->qualifier = "right";
    }
    for (auto& c : copy->args)
        c = qualify(c, leftName, rightName);
    return copy;
}

bool makesWindow(const BoundExpr& e)
{
    if (e.op == BoundExpr::Op::TumblingWindow)
        return true;
    return std::any_of(e.args.begin(), e.args.end(), makesWindow);
}

/// A conjunct of `on` as the analyzer saw it (qualified) and as the scenario writes it.
struct Conjunct {
    AstPtr ast;
    QString written;
    std::optional<JoinSide> side; ///< the side whose columns alone it reads, if one
    bool placed = false;          ///< found among that side's steps
    bool fromWhere = false;       ///< a conjunct of the `where` after the join, moved into its condition
    bool fromNextJoin = false;    ///< a conjunct of the next join's condition, moved into this one's
};

/// The conjunct of `list` reading `joinSide` (nullopt: both sides) whose analyzer name is `text`,
/// as written (marked placed).
std::optional<QString> placeConjunct(std::vector<Conjunct>& list, std::optional<JoinSide> joinSide, const std::string& text)
{
    for (Conjunct& c : list)
        if (!c.placed && c.side == joinSide && prettyName(*c.ast) == text) {
            c.placed = true;
            return c.written;
        }
    return std::nullopt;
}

OutlineSide outlineSide(const InputPlan& input, JoinSide joinSide, const InputSpec& spec, const Scenario& sc, std::vector<Conjunct>& on,
                        std::vector<Conjunct>& where)
{
    OutlineSide side;
    side.source = q(spec.source);
    side.isStatic = sc.sources[input.source].isStatic;
    const bool hasWatermark = std::any_of(input.steps.begin(), input.steps.end(), [](const Step& s) { return s.kind == Step::Kind::Watermark; });
    bool watermarkAbove = hasWatermark; // a withWatermark still comes after the current step
    for (const Step& s : input.steps) {
        OutlineStep step;
        switch (s.kind) {
        case Step::Kind::Project:
            if (std::any_of(s.exprs.begin(), s.exprs.end(), makesWindow) && spec.window) {
                step.kind = OutlineStep::Kind::Window;
                step.text = QStringLiteral("window(%1, %2) AS %3").arg(q(spec.window->column), q(spec.window->duration), q(spec.windowAs));
            } else {
                step.kind = OutlineStep::Kind::Select;
                QStringList items;
                for (const auto& e : spec.selectExpr)
                    items << q(e);
                step.text = items.join(QLatin1String(", "));
            }
            break;
        case Step::Kind::Filter:
            if (s.inferredFromJoin) {
                step.kind = OutlineStep::Kind::Inferred;
                step.text = q(s.text);
                step.fromNextJoin = s.inferredFromNextJoin;
                step.inferredFrom = q(s.inferredFrom);
                step.inferredThrough = q(s.inferredThrough);
                step.place = !hasWatermark ? ConjunctPlace::IntoSide : watermarkAbove ? ConjunctPlace::BelowWatermark : ConjunctPlace::AboveWatermark;
            } else if (s.pushedFromJoin || s.pushedFromWhere) {
                step.kind = s.pushedFromWhere ? OutlineStep::Kind::FromWhere : OutlineStep::Kind::FromOn;
                // The analyzer names a pushed conjunct by its pretty name; show it as written.
                step.text = placeConjunct(s.pushedFromWhere ? where : on, joinSide, s.text).value_or(q(s.text));
                step.place = !hasWatermark ? ConjunctPlace::IntoSide : watermarkAbove ? ConjunctPlace::BelowWatermark : ConjunctPlace::AboveWatermark;
            } else {
                step.kind = OutlineStep::Kind::Where;
                step.text = q(spec.where.value_or(s.text));
            }
            break;
        case Step::Kind::Watermark:
            step.kind = OutlineStep::Kind::Watermark;
            step.text = spec.withWatermark ? q(spec.withWatermark->column) + QLatin1String(", ") + q(spec.withWatermark->delay)
                                           : q(s.output[s.column].name);
            watermarkAbove = false;
            break;
        }
        side.steps.push_back(std::move(step));
    }
    for (std::size_t i = 0; i < side.steps.size(); ++i)
        if (side.steps[i].kind == OutlineStep::Kind::FromOn || side.steps[i].kind == OutlineStep::Kind::FromWhere
            || side.steps[i].kind == OutlineStep::Kind::Inferred)
            side.steps[i].throughSelect = std::any_of(side.steps.begin() + static_cast<std::ptrdiff_t>(i), side.steps.end(),
                                                      [](const OutlineStep& later) { return later.kind == OutlineStep::Kind::Select; });
    return side;
}

StateBound stateBound(const JoinPlan& j, int side, const QString& keyText)
{
    StateBound b;
    if (!j.isStreamStream()) { // a stream-static join joins each batch with the table and stores nothing
        b.kind = StateBound::Kind::NoState;
        return b;
    }
    if (j.keyWatermarkOrdinal) {
        b.kind = StateBound::Kind::ByKey;
        b.column = keyText;
        const std::size_t k = *j.keyWatermarkOrdinal;
        b.windowEnd = k < j.leftKeys.size() && j.leftKeys[k].type.id == TypeId::Window;
        return b;
    }
    const auto& offset = side == 0 ? j.leftValueOffset : j.rightValueOffset;
    const auto& column = side == 0 ? j.leftEventTime : j.rightEventTime;
    if (offset && column) {
        b.kind = StateBound::Kind::ByRange;
        b.column = q((side == 0 ? j.leftSchema : j.rightSchema)[*column].name);
        b.windowEnd = side == 0 ? j.leftEventTimeIsWindow : j.rightEventTimeIsWindow;
        b.offset = *offset;
    }
    return b;
}

} // namespace

StateBound joinStateBound(const JoinPlan& j, int side)
{
    QString keyText;
    if (j.keyWatermarkOrdinal && *j.keyWatermarkOrdinal < j.leftKeys.size()) {
        // The key found on the left (findJoinKeyOrdinalForWatermark looks there first), else on the right.
        const std::size_t k = *j.keyWatermarkOrdinal;
        const bool left = j.leftKeys[k].op == BoundExpr::Op::Column && j.leftKeys[k].watermarkDelayMs;
        const BoundExpr& key = left ? j.leftKeys[k] : j.rightKeys[k];
        const Schema& schema = left ? j.leftSchema : j.rightSchema;
        if (key.op == BoundExpr::Op::Column && key.column < schema.size())
            keyText = q(schema[key.column].name);
    }
    return stateBound(j, side, keyText);
}

std::vector<QString> writtenConjuncts(const std::string& on)
{
    auto parsed = parseExpression(on);
    if (!std::holds_alternative<AstPtr>(parsed))
        return {};
    const std::vector<AstPtr> parts = splitConjunctivePredicates(std::get<AstPtr>(parsed));
    std::vector<std::size_t> starts;
    for (const auto& p : parts)
        starts.push_back(std::min(firstPos(*p), on.size()));
    std::vector<QString> out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out.push_back(slice(on, starts[i], i + 1 < starts.size() ? std::max(starts[i], starts[i + 1]) : on.size()));
    return out;
}

std::optional<JoinOutline> outlineJoin(const QueryPlan& plan, const Scenario& sc)
{
    if (!plan.join || !sc.query.join || plan.inputs.size() < 2) // the query's join; a join in `then` is listed after it
        return std::nullopt;
    const JoinPlan& j = *plan.join;
    const JoinSpec& spec = *sc.query.join;
    JoinOutline out;
    out.type = j.type;
    out.writtenType = j.writtenType;
    out.streamStream = j.isStreamStream();
    out.usingJoin = j.usingJoin;

    auto conjunctsOf = [&](const std::optional<std::string>& text) {
        std::vector<Conjunct> list;
        if (!text)
            return list;
        auto parsed = parseExpression(*text);
        const std::vector<QString> written = writtenConjuncts(*text);
        if (std::holds_alternative<AstPtr>(parsed)) {
            const std::vector<AstPtr> parts = splitConjunctivePredicates(qualify(std::get<AstPtr>(parsed), spec.left.source, spec.right.source));
            for (std::size_t i = 0; i < parts.size(); ++i)
                list.push_back({parts[i], i < written.size() ? written[i] : q(prettyName(*parts[i])), sideOf(*parts[i], j.leftSchema, j.rightSchema)});
        }
        return list;
    };
    std::vector<Conjunct> on = conjunctsOf(spec.on);
    std::vector<Conjunct> where = conjunctsOf(sc.query.where);
    out.sides[0] = outlineSide(plan.inputs[0], JoinSide::Left, spec.left, sc, on, where);
    out.sides[1] = outlineSide(plan.inputs[1], JoinSide::Right, spec.right, sc, on, where);
    // The conjuncts of the `where` that the optimizer moved into an inner join's condition
    // follow those of `on`, as its condition ANDs them.
    for (const AstPtr& c : j.conditionFromWhere)
        on.push_back({c, placeConjunct(where, std::nullopt, prettyName(*c)).value_or(q(prettyName(*c))), std::nullopt, false, true});
    if (!j.conditionFromNextJoin.empty() && !sc.query.then.empty() && sc.query.then[0].join) {
        std::vector<Conjunct> nextOn = conjunctsOf(sc.query.then[0].join->on);
        for (const AstPtr& c : j.conditionFromNextJoin)
            on.push_back({c, placeConjunct(nextOn, std::nullopt, prettyName(*c)).value_or(q(prettyName(*c))), std::nullopt, false, false, true});
    }

    // What was not moved into a side stays in the join, in the order `on` writes it.
    std::vector<QString> keys;
    if (j.usingJoin) {
        for (const auto& name : spec.usingColumns) {
            keys.push_back(q(name));
            out.inJoin.push_back({q(name), ConjunctPlace::UsingKey, -1});
        }
    }
    for (const Conjunct& c : on) {
        if (c.placed)
            continue;
        const SplitCondition split = splitJoinCondition(c.ast, j.leftSchema, j.rightSchema);
        OutlineCondition cond{c.written, ConjunctPlace::Pair, -1, c.fromWhere, c.fromNextJoin};
        if (!split.keys.empty()) {
            const SplitCondition::KeyPair& key = split.keys.front();
            cond.place = key.nullSafe ? ConjunctPlace::NullSafeKey : ConjunctPlace::Key;
            // The state is cleaned by the key's watermarked column; name it as a column.
            const std::size_t k = keys.size();
            const bool leftWatermarked = k < j.leftKeys.size() && j.leftKeys[k].watermarkDelayMs;
            keys.push_back(q(prettyName(leftWatermarked ? *key.left : *key.right)));
        } else if (!split.leftOnly.empty() || !split.rightOnly.empty()) {
            cond.place = ConjunctPlace::KeptForPreservedSide;
            cond.side = split.leftOnly.empty() ? 1 : 0;
        } else if (stateValueWatermarkOffset(split.both, JoinSide::Left, j.leftSchema, j.rightSchema)
                   || stateValueWatermarkOffset(split.both, JoinSide::Right, j.leftSchema, j.rightSchema)) {
            cond.place = ConjunctPlace::PairAndStateRange;
        }
        out.inJoin.push_back(std::move(cond));
    }
    const QString keyText = j.keyWatermarkOrdinal && *j.keyWatermarkOrdinal < keys.size() ? keys[*j.keyWatermarkOrdinal] : QString();
    for (int side = 0; side < 2; ++side)
        out.state[static_cast<std::size_t>(side)] = stateBound(j, side, keyText);
    return out;
}

} // namespace tidemark::ui
