// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/QueryPanel.h"

#include "engine/plan/Analyzer.h"
#include "ui/Palette.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/i18n/Retranslate.h"
#include "ui/i18n/SparkErrorHint.h"
#include "ui/pages/JoinPlanView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>

#include <algorithm>

namespace tidemark::ui {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& text) { return text.trimmed().toStdString(); }

QComboBox* editableCombo(QWidget* parent)
{
    auto* c = new QComboBox(parent);
    c->setEditable(true);
    c->setInsertPolicy(QComboBox::NoInsert);
    return c;
}

GroupItem* windowItem(QuerySpec& query)
{
    if (!query.groupBy)
        return nullptr;
    for (auto& g : *query.groupBy)
        if (g.kind != GroupItem::Kind::Column)
            return &g;
    return nullptr;
}

const GroupItem* windowItem(const QuerySpec& query) { return windowItem(const_cast<QuerySpec&>(query)); }

/// The inputs that carry their own withWatermark: a join's two sides (and the right side of each
/// join in `then`), or the union's branches.
std::vector<InputSpec*> inputsOf(QuerySpec& query)
{
    std::vector<InputSpec*> inputs;
    if (query.join) {
        inputs = {&query.join->left, &query.join->right};
        for (auto& stage : query.then) // a join whose left input is a join: its right side
            if (stage.join)
                inputs.push_back(&stage.join->right);
    } else {
        for (auto& in : query.unionInputs)
            inputs.push_back(&in);
    }
    return inputs;
}

std::vector<const InputSpec*> inputsOf(const QuerySpec& query)
{
    std::vector<const InputSpec*> inputs;
    for (InputSpec* in : inputsOf(const_cast<QuerySpec&>(query)))
        inputs.push_back(in);
    return inputs;
}

/// Where the analyzer reports an input's errors ("query.join.left", "query.union[1]").
QString inputPath(const QuerySpec& query, int input)
{
    if (query.join && input < 2)
        return input == 0 ? QStringLiteral("query.join.left") : QStringLiteral("query.join.right");
    if (query.join) {
        int k = 2;
        for (std::size_t i = 0; i < query.then.size(); ++i)
            if (query.then[i].join && k++ == input)
                return QStringLiteral("query.then[%1].join.right").arg(i);
    }
    return QStringLiteral("query.union[%1]").arg(input);
}

const char* const kPolicyKey = "spark.sql.streaming.multipleWatermarkPolicy";

/// Column names an input offers to withWatermark: its source's columns and the aliases its
/// select introduces.
QStringList inputColumns(const Scenario& sc, const InputSpec& in)
{
    QStringList names;
    if (const SourceSpec* src = sc.findSource(in.source))
        for (const auto& f : src->schema.fields)
            names << q(f.name);
    static const QRegularExpression alias(QStringLiteral("\\s+as\\s+`?([A-Za-z_][A-Za-z0-9_]*)`?\\s*$"), QRegularExpression::CaseInsensitiveOption);
    for (const auto& e : in.selectExpr)
        if (auto m = alias.match(q(e)); m.hasMatch() && !names.contains(m.captured(1)))
            names << m.captured(1);
    return names;
}

/// The time column an input would most likely put a watermark on: its first timestamp column.
QString inputTimeColumn(const Scenario& sc, const InputSpec& in)
{
    if (in.withWatermark)
        return q(in.withWatermark->column);
    if (const SourceSpec* src = sc.findSource(in.source))
        for (const auto& f : src->schema.fields)
            if (f.type.id == TypeId::Timestamp)
                return q(f.name);
    return QStringLiteral("timestamp");
}

QStringList keyColumns(const QuerySpec& query)
{
    QStringList keys;
    if (query.groupBy)
        for (const auto& g : *query.groupBy)
            if (g.kind == GroupItem::Kind::Column)
                keys << q(g.column);
    return keys;
}

void setLine(QLineEdit* e, const QString& text)
{
    if (e->text() != text)
        e->setText(text);
}

void setCombo(QComboBox* c, const QString& text)
{
    if (c->isEditable())
        c->setEditText(text);
    else
        c->setCurrentIndex(std::max(0, c->findText(text)));
}

} // namespace

QueryPanel::QueryPanel(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_mode(new QComboBox(this))
    , m_version(new QComboBox(this))
    , m_watermarkOn(new QCheckBox(QStringLiteral("withWatermark"), this))
    , m_watermarkColumn(editableCombo(this))
    , m_delay(new QLineEdit(this))
    , m_windowKind(new QComboBox(this))
    , m_windowColumn(editableCombo(this))
    , m_duration(new QLineEdit(this))
    , m_slide(new QLineEdit(this))
    , m_gap(new QLineEdit(this))
    , m_keys(new QLineEdit(this))
    , m_aggFn(new QComboBox(this))
    , m_aggColumn(editableCombo(this))
    , m_aggAs(new QLineEdit(this))
    , m_trigger(new QLineEdit(this))
    , m_shapeNote(new QLabel(this))
    , m_error(new QLabel(this))
    , m_joinPlan(new JoinPlanView(this))
    , m_scroll(new QScrollArea(this))
    , m_form(nullptr)
    , m_inputs(new QWidget(this))
    , m_inputsGrid(new QGridLayout(m_inputs))
    , m_policy(editableCombo(this))
{
    setObjectName(QStringLiteral("queryPanel"));
    m_mode->setObjectName(QStringLiteral("outputModeBox"));
    m_version->setObjectName(QStringLiteral("sparkVersionBox"));
    m_watermarkOn->setObjectName(QStringLiteral("watermarkBox"));
    m_delay->setObjectName(QStringLiteral("watermarkDelayEdit"));
    m_error->setObjectName(QStringLiteral("queryError"));
    m_shapeNote->setObjectName(QStringLiteral("queryShapeNote"));
    m_duration->setObjectName(QStringLiteral("windowDurationEdit"));
    m_slide->setObjectName(QStringLiteral("windowSlideEdit"));
    for (const char* m : {"append", "update", "complete"})
        m_mode->addItem(QString::fromLatin1(m));
    for (const char* v : {"3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "4.0"})
        m_version->addItem(QString::fromLatin1(v));
    m_windowKind->addItem(QString(), 0); // "none", in the window's language (below)
    m_windowKind->addItem(QStringLiteral("window"), 1);
    m_windowKind->addItem(QStringLiteral("session_window"), 2);
    for (const char* f : {"count", "sum", "avg", "min", "max", "collect_list", "collect_set", "approx_count_distinct", "stddev"})
        m_aggFn->addItem(QString::fromLatin1(f));
    m_delay->setPlaceholderText(QStringLiteral("10 minutes"));
    m_duration->setPlaceholderText(QStringLiteral("10 minutes"));
    m_gap->setPlaceholderText(QStringLiteral("5 minutes"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(palette::errorBoxStyle());
    m_shapeNote->setWordWrap(true);
    m_shapeNote->setStyleSheet(QStringLiteral("color: palette(mid);"));
    setStyleSheet(QStringLiteral("QLineEdit[sparkError=\"true\"], QComboBox[sparkError=\"true\"] { border: 2px solid #D51F26; border-radius: 3px; }"
                                 "QCheckBox[sparkError=\"true\"] { color: #D51F26; }"));

    m_policy->setObjectName(QStringLiteral("watermarkPolicyBox"));
    m_policy->addItems({QStringLiteral("min"), QStringLiteral("max")});
    m_inputs->setObjectName(QStringLiteral("inputWatermarks"));
    m_inputsGrid->setContentsMargins(0, 0, 0, 0);
    m_inputsGrid->setHorizontalSpacing(6);
    m_inputsGrid->setVerticalSpacing(4);
    m_inputsGrid->setColumnStretch(1, 1);
    m_inputsGrid->setColumnStretch(2, 1);

    // The fields scroll inside the dock, so a long Spark error below them stays readable.
    auto* content = new QWidget(m_scroll);
    content->setObjectName(QStringLiteral("queryFields"));
    m_scroll->setObjectName(QStringLiteral("queryScroll"));
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);
    auto* form = new QFormLayout(content);
    m_form = form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(4);
    auto* top = new QHBoxLayout;
    top->addWidget(m_mode, 1);
    top->addWidget(new QLabel(QStringLiteral("Spark"), this));
    top->addWidget(m_version);
    form->addRow(QStringLiteral("outputMode"), top);
    auto* wm = new QHBoxLayout;
    wm->addWidget(m_watermarkOn);
    wm->addWidget(m_watermarkColumn, 1);
    form->addRow(wm);
    form->addRow(QStringLiteral("delay"), m_delay);
    form->addRow(m_inputs);
    form->addRow(QStringLiteral("policy"), m_policy);
    auto* win = new QHBoxLayout;
    m_windowRow = win;
    win->addWidget(m_windowKind);
    win->addWidget(m_windowColumn, 1);
    form->addRow(QStringLiteral("groupBy"), win);
    form->addRow(QStringLiteral("duration"), m_duration);
    form->addRow(QStringLiteral("slide"), m_slide);
    form->addRow(QStringLiteral("gap"), m_gap);
    form->addRow(QStringLiteral("keys"), m_keys);
    auto* agg = new QHBoxLayout;
    m_aggRow = agg;
    agg->addWidget(m_aggFn);
    agg->addWidget(m_aggColumn, 1);
    form->addRow(QStringLiteral("agg"), agg);
    form->addRow(QStringLiteral("as"), m_aggAs);
    form->addRow(QStringLiteral("trigger"), m_trigger);
    form->addRow(m_shapeNote);
    form->addRow(m_joinPlan);
    form->addRow(m_error);
    // The editable boxes have no text of their own for a screen reader: the API names the labels show.
    m_watermarkColumn->setAccessibleName(QStringLiteral("withWatermark column"));
    m_windowColumn->setAccessibleName(QStringLiteral("window column"));
    m_aggColumn->setAccessibleName(QStringLiteral("agg column"));
    m_policy->setAccessibleName(QStringLiteral("policy"));
    // The labels above are the names of Spark's API (withWatermark, groupBy, agg...), the same in
    // every language; the hints and the notes below speak the window's language.
    retranslated(this, [this] {
        m_windowKind->setItemText(0, tr("none"));
        m_scroll->setAccessibleName(tr("Query"));
        m_slide->setPlaceholderText(tr("= duration (tumbling)"));
        m_keys->setPlaceholderText(tr("columns, comma separated"));
        m_aggColumn->lineEdit()->setPlaceholderText(tr("* (all rows)"));
        m_trigger->setPlaceholderText(tr("default: as soon as the previous batch ends"));
        m_policy->setToolTip(tr("spark.sql.streaming.multipleWatermarkPolicy: the global watermark is the minimum (default) "
                                "or the maximum of the inputs' watermarks"));
        if (!m_document->scenario()->sources.empty())
            refresh();
    });

    const auto onIndex = [this](QComboBox* box, auto handler) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, handler] {
            if (!m_updating)
                handler();
        });
    };
    const auto onEdit = [this](QLineEdit* edit, auto handler) {
        connect(edit, &QLineEdit::editingFinished, this, [this, handler] {
            if (!m_updating)
                handler();
        });
    };

    onIndex(m_mode, [this] {
        commit(tr("Change output mode"), [this](QuerySettings& st) { st.query.outputMode = s(m_mode->currentText()); });
    });
    onIndex(m_version, [this] {
        commit(tr("Change Spark version"), [this](QuerySettings& st) {
            st.version = SparkVersion::parse(s(m_version->currentText())).value_or(st.version);
        });
    });
    connect(m_watermarkOn, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updating)
            return;
        commit(on ? tr("Add watermark") : tr("Remove watermark"), [this, on](QuerySettings& st) {
            if (!on) {
                st.query.withWatermark.reset();
                return;
            }
            const QString column = m_watermarkColumn->currentText().trimmed();
            const QString delay = m_delay->text().trimmed();
            st.query.withWatermark = WatermarkSpec{s(column.isEmpty() ? defaultTimeColumn() : column), s(delay.isEmpty() ? QStringLiteral("10 minutes") : delay)};
        });
    });
    const auto editWatermark = [this] {
        if (!m_watermarkOn->isChecked())
            return;
        commit(tr("Change watermark"), [this](QuerySettings& st) {
            if (st.query.withWatermark) {
                st.query.withWatermark->column = s(m_watermarkColumn->currentText());
                st.query.withWatermark->delay = s(m_delay->text());
            }
        });
    };
    onEdit(m_delay, editWatermark);
    onEdit(m_watermarkColumn->lineEdit(), editWatermark);
    const auto editPolicy = [this] {
        commit(tr("Change watermark policy"), [this](QuerySettings& st) {
            st.conf.multipleWatermarkPolicy = s(m_policy->currentText());
            // Written back to the file, which may not have had a conf block.
            if (std::find(st.conf.writtenKeys.begin(), st.conf.writtenKeys.end(), kPolicyKey) == st.conf.writtenKeys.end())
                st.conf.writtenKeys.emplace_back(kPolicyKey);
        });
    };
    onIndex(m_policy, editPolicy);
    onEdit(m_policy->lineEdit(), editPolicy);

    const auto editWindow = [this] {
        commit(tr("Change window"), [this](QuerySettings& st) {
            const int kind = m_windowKind->currentData().toInt();
            QuerySpec& query = st.query;
            if (!query.groupBy)
                query.groupBy.emplace();
            auto& items = *query.groupBy;
            auto it = std::find_if(items.begin(), items.end(), [](const GroupItem& g) { return g.kind != GroupItem::Kind::Column; });
            if (kind == 0) {
                if (it != items.end())
                    items.erase(it);
            } else {
                GroupItem g = it != items.end() ? *it : GroupItem{};
                const QString column = m_windowColumn->currentText().trimmed();
                const std::string col = s(column.isEmpty() ? defaultTimeColumn() : column);
                if (kind == 1) {
                    g.kind = GroupItem::Kind::Window;
                    g.window.column = col;
                    g.window.duration = s(m_duration->text().trimmed().isEmpty() ? QStringLiteral("10 minutes") : m_duration->text());
                    const std::string slide = s(m_slide->text());
                    g.window.slide = slide.empty() ? std::nullopt : std::optional<std::string>(slide);
                } else {
                    g.kind = GroupItem::Kind::Session;
                    g.session.column = col;
                    g.session.gap = s(m_gap->text().trimmed().isEmpty() ? QStringLiteral("5 minutes") : m_gap->text());
                }
                if (it != items.end())
                    *it = g;
                else
                    items.insert(items.begin(), g);
            }
            if (!query.agg)
                query.agg = std::vector<AggSpec>{AggSpec{"count", std::nullopt, std::string("count"), false}};
        });
    };
    onIndex(m_windowKind, editWindow);
    onEdit(m_windowColumn->lineEdit(), editWindow);
    onEdit(m_duration, editWindow);
    onEdit(m_slide, editWindow);
    onEdit(m_gap, editWindow);

    onEdit(m_keys, [this] {
        commit(tr("Change grouping keys"), [this](QuerySettings& st) {
            std::vector<GroupItem> items;
            QStringList keys = m_keys->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
            // Keep the window where it was among the keys.
            int windowPos = -1, columnsBefore = 0;
            GroupItem window;
            if (st.query.groupBy)
                for (const auto& g : *st.query.groupBy) {
                    if (g.kind != GroupItem::Kind::Column) {
                        windowPos = columnsBefore;
                        window = g;
                    } else {
                        ++columnsBefore;
                    }
                }
            for (int i = 0; i < keys.size(); ++i) {
                if (i == windowPos)
                    items.push_back(window);
                GroupItem g;
                g.column = s(keys[i]);
                items.push_back(g);
            }
            if (windowPos >= static_cast<int>(keys.size()))
                items.push_back(window);
            st.query.groupBy = items;
            if (!st.query.agg)
                st.query.agg = std::vector<AggSpec>{AggSpec{"count", std::nullopt, std::string("count"), false}};
        });
    });

    const auto editAgg = [this] {
        commit(tr("Change aggregate"), [this](QuerySettings& st) {
            if (!st.query.agg || st.query.agg->empty())
                st.query.agg = std::vector<AggSpec>(1);
            AggSpec& a = st.query.agg->front();
            a.fn = s(m_aggFn->currentText());
            const std::string column = s(m_aggColumn->currentText());
            a.column = column.empty() || column == "*" ? std::nullopt : std::optional<std::string>(column);
            const std::string as = s(m_aggAs->text());
            a.as = as.empty() ? std::nullopt : std::optional<std::string>(as);
            if (!st.query.groupBy)
                st.query.groupBy.emplace();
        });
    };
    onIndex(m_aggFn, editAgg);
    onEdit(m_aggColumn->lineEdit(), editAgg);
    onEdit(m_aggAs, editAgg);

    onEdit(m_trigger, [this] {
        commit(tr("Change trigger"), [this](QuerySettings& st) {
            const std::string interval = s(m_trigger->text());
            st.query.trigger.processingTime = interval.empty() ? std::nullopt : std::optional<std::string>(interval);
            if (!interval.empty()) {
                st.query.trigger.once = false;
                st.query.trigger.availableNow = false;
            }
        });
    });

    connect(document, &ScenarioDocument::changed, this, [this](const ScenarioDocument::Change& c) {
        if (c.kind == ScenarioDocument::ChangeKind::Reset || c.kind == ScenarioDocument::ChangeKind::Query
            || c.kind == ScenarioDocument::ChangeKind::Replaced)
            refresh();
    });
    refresh();
}

void QueryPanel::showRow(QWidget* field, bool on)
{
    // Hiding the widgets, not QFormLayout::setRowVisible: Qt 6.4's heightForWidth overruns its
    // row arrays with hidden rows next to word-wrapped labels.
    field->setVisible(on);
    if (QWidget* label = m_form->labelForField(field))
        label->setVisible(on);
}

void QueryPanel::rebuildInputRows(const QStringList& sources)
{
    for (const InputRow& row : m_inputRows)
        for (QWidget* w : {static_cast<QWidget*>(row.on), static_cast<QWidget*>(row.column), static_cast<QWidget*>(row.delay)}) {
            w->hide();
            w->deleteLater();
        }
    m_inputRows.clear();
    const int first = m_inputsGrid->rowCount();
    for (int i = 0; i < sources.size(); ++i) {
        InputRow row;
        row.on = new QCheckBox(sources[i], m_inputs);
        row.on->setObjectName(QStringLiteral("inputWatermarkOn%1").arg(i));
        row.column = editableCombo(m_inputs);
        row.column->setObjectName(QStringLiteral("inputWatermarkColumn%1").arg(i));
        row.delay = new QLineEdit(m_inputs);
        row.delay->setObjectName(QStringLiteral("inputWatermarkDelay%1").arg(i));
        m_inputsGrid->addWidget(row.on, first + i, 0);
        m_inputsGrid->addWidget(row.column, first + i, 1);
        m_inputsGrid->addWidget(row.delay, first + i, 2);
        connect(row.on, &QCheckBox::toggled, this, [this, i] {
            if (!m_updating)
                editInputWatermark(i, true);
        });
        connect(row.column, &QComboBox::currentIndexChanged, this, [this, i] {
            if (!m_updating)
                editInputWatermark(i, false);
        });
        connect(row.column->lineEdit(), &QLineEdit::editingFinished, this, [this, i] {
            if (!m_updating)
                editInputWatermark(i, false);
        });
        connect(row.delay, &QLineEdit::editingFinished, this, [this, i] {
            if (!m_updating)
                editInputWatermark(i, false);
        });
        m_inputRows.push_back(row);
    }
    m_inputSources = sources;
}

void QueryPanel::refreshInputs()
{
    const Scenario& sc = *m_document->scenario();
    const auto inputs = inputsOf(sc.query);
    QStringList sources;
    for (const InputSpec* in : inputs)
        sources << q(in->source);
    if (sources != m_inputSources)
        rebuildInputRows(sources);
    int streams = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const InputSpec& in = *inputs[i];
        InputRow& row = m_inputRows[i];
        const SourceSpec* src = sc.findSource(in.source);
        row.isStatic = src && src->isStatic;
        streams += row.isStatic ? 0 : 1;
        const bool on = in.withWatermark.has_value();
        row.on->setChecked(on);
        // A static table takes no watermark; one written in the file can still be removed.
        row.on->setEnabled(!row.isStatic || on);
        const QString side = !sc.query.join ? tr("union input %1").arg(i + 1) : i == 0 ? tr("left") : i == 1 ? tr("right") : tr("right of join %1").arg(i);
        row.on->setToolTip(row.isStatic ? tr("%1 (%2) is a static table: it has no watermark").arg(q(in.source), side)
                                        : tr("withWatermark on %1 (%2)").arg(q(in.source), side));
        row.column->clear();
        row.column->addItems(inputColumns(sc, in));
        // Off: no column shown, so nothing reads as a setting the query does not have.
        row.column->setEditText(on ? q(in.withWatermark->column) : QString());
        row.column->lineEdit()->setPlaceholderText(tr("column"));
        row.column->setEnabled(on);
        setLine(row.delay, on ? q(in.withWatermark->delay) : QString());
        row.delay->setPlaceholderText(row.isStatic ? tr("static: none") : tr("no watermark"));
        row.delay->setEnabled(on);
    }
    setCombo(m_policy, q(sc.conf.multipleWatermarkPolicy));
    // The policy combines the watermarks of several streams.
    showRow(m_policy, streams >= 2);
}

void QueryPanel::editInputWatermark(int input, bool toggled)
{
    const InputRow& row = m_inputRows.at(static_cast<std::size_t>(input));
    const bool on = row.on->isChecked();
    if (!toggled && !on)
        return;
    const QString name = m_inputSources.value(input);
    const QString text = !toggled ? tr("Change watermark of %1").arg(name) : on ? tr("Add watermark to %1").arg(name) : tr("Remove watermark from %1").arg(name);
    const QString column = row.column->currentText().trimmed();
    const QString delay = row.delay->text().trimmed();
    commit(text, [this, input, on, toggled, column, delay](QuerySettings& st) {
        const auto inputs = inputsOf(st.query);
        if (input >= static_cast<int>(inputs.size()))
            return;
        InputSpec& in = *inputs[static_cast<std::size_t>(input)];
        if (!on) {
            in.withWatermark.reset();
            return;
        }
        const QString defaultDelay = QStringLiteral("10 minutes");
        in.withWatermark = WatermarkSpec{s(column.isEmpty() ? inputTimeColumn(*m_document->scenario(), in) : column),
                                         s(delay.isEmpty() && toggled ? defaultDelay : delay)};
    });
}

QStringList QueryPanel::columnNames() const
{
    QStringList names;
    const Scenario& sc = *m_document->scenario();
    for (const auto& src : sc.sources)
        for (const auto& f : src.schema.fields)
            if (!names.contains(q(f.name)))
                names << q(f.name);
    // Aliases the query's select introduces ("explode(split(value, ' ')) AS word").
    static const QRegularExpression alias(QStringLiteral("\\s+as\\s+`?([A-Za-z_][A-Za-z0-9_]*)`?\\s*$"), QRegularExpression::CaseInsensitiveOption);
    for (const auto& e : sc.query.selectExpr)
        if (auto m = alias.match(q(e)); m.hasMatch() && !names.contains(m.captured(1)))
            names << m.captured(1);
    return names;
}

QString QueryPanel::defaultTimeColumn() const
{
    const QuerySpec& query = m_document->scenario()->query;
    if (query.withWatermark)
        return q(query.withWatermark->column);
    if (const GroupItem* w = windowItem(query))
        return q(w->kind == GroupItem::Kind::Window ? w->window.column : w->session.column);
    for (const auto& src : m_document->scenario()->sources)
        for (const auto& f : src.schema.fields)
            if (f.type.id == TypeId::Timestamp)
                return q(f.name);
    return QStringLiteral("timestamp");
}

void QueryPanel::refresh()
{
    m_updating = true;
    const Scenario& sc = *m_document->scenario();
    const QuerySpec& query = sc.query;
    const QStringList names = columnNames();
    for (QComboBox* c : {m_watermarkColumn, m_windowColumn, m_aggColumn}) {
        const QString text = c->currentText();
        c->clear();
        c->addItems(names);
        c->setEditText(text);
    }
    setCombo(m_mode, q(query.outputMode));
    setCombo(m_version, q(sc.sparkVersion.toString()));
    m_watermarkOn->setChecked(query.withWatermark.has_value());
    setCombo(m_watermarkColumn, query.withWatermark ? q(query.withWatermark->column) : defaultTimeColumn());
    setLine(m_delay, query.withWatermark ? q(query.withWatermark->delay) : QString());
    const GroupItem* w = windowItem(query);
    const int kind = !w ? 0 : w->kind == GroupItem::Kind::Window ? 1 : 2;
    m_windowKind->setCurrentIndex(kind);
    setCombo(m_windowColumn, w ? q(kind == 1 ? w->window.column : w->session.column) : defaultTimeColumn());
    setLine(m_duration, kind == 1 ? q(w->window.duration) : QString());
    setLine(m_slide, kind == 1 && w->window.slide ? q(*w->window.slide) : QString());
    setLine(m_gap, kind == 2 ? q(w->session.gap) : QString());
    setLine(m_keys, keyColumns(query).join(QLatin1String(", ")));
    const AggSpec* a = query.agg && !query.agg->empty() ? &query.agg->front() : nullptr;
    setCombo(m_aggFn, a ? q(a->fn) : QStringLiteral("count"));
    setCombo(m_aggColumn, a && a->column ? q(*a->column) : QString());
    setLine(m_aggAs, a && a->as ? q(*a->as) : QString());
    setLine(m_trigger, query.trigger.processingTime ? q(*query.trigger.processingTime) : QString());

    // A join or a union has no query-level withWatermark: each input has its own.
    const bool join = query.join.has_value();
    const bool unionQuery = !query.unionInputs.empty();
    for (QWidget* field : {static_cast<QWidget*>(m_watermarkOn), static_cast<QWidget*>(m_watermarkColumn), static_cast<QWidget*>(m_delay)})
        showRow(field, !join && !unionQuery);
    showRow(m_inputs, join || unionQuery);
    m_watermarkColumn->setEnabled(query.withWatermark.has_value());
    m_delay->setEnabled(query.withWatermark.has_value());
    refreshInputs();
    // This panel does not aggregate a join: its grouping rows would only show defaults that are not the query's.
    for (QLayout* row : {m_windowRow, m_aggRow}) {
        for (int i = 0; i < row->count(); ++i)
            if (QWidget* item = row->itemAt(i)->widget())
                item->setVisible(!join);
        if (QWidget* label = m_form->labelForField(row))
            label->setVisible(!join);
    }
    for (QWidget* field : {static_cast<QWidget*>(m_duration), static_cast<QWidget*>(m_slide), static_cast<QWidget*>(m_gap),
                           static_cast<QWidget*>(m_keys), static_cast<QWidget*>(m_aggAs)})
        showRow(field, !join);
    // Shapes this panel does not edit stay as the file has them.
    for (QWidget* wdg : {static_cast<QWidget*>(m_windowKind), static_cast<QWidget*>(m_keys)})
        wdg->setEnabled(!join);
    // No aggregation yet: choosing a window or keys adds count(*).
    for (QWidget* wdg : {static_cast<QWidget*>(m_aggFn), static_cast<QWidget*>(m_aggColumn), static_cast<QWidget*>(m_aggAs)})
        wdg->setEnabled(!join && query.agg.has_value());
    m_windowColumn->setEnabled(!join && kind != 0);
    m_duration->setEnabled(!join && kind == 1);
    m_slide->setEnabled(!join && kind == 1);
    m_gap->setEnabled(!join && kind == 2);
    QString note;
    const bool staticJoin = std::any_of(m_inputRows.begin(), m_inputRows.end(), [](const InputRow& r) { return r.isStatic; });
    if (join && staticJoin)
        note = tr("This query joins a stream with a static table; edit the join itself in the scenario file.");
    else if (join && query.joinInputs().size() > 2)
        note = tr("This query joins %1 streams, each with its own watermark (above), in %2 joins; edit the joins themselves in the scenario file.")
                   .arg(query.joinInputs().size())
                   .arg(query.joinInputs().size() - 1);
    else if (join)
        note = tr("This query joins two streams, each with its own watermark (above); edit the join itself in the scenario file.");
    else if (unionQuery)
        note = tr("This query unions several inputs, each with its own watermark (above); edit their steps in the scenario file.");
    else if (query.dropDuplicatesWithinWatermark)
        note = tr("The query also deduplicates rows within the watermark (dropDuplicatesWithinWatermark), as its file says.");
    else if (query.dropDuplicates)
        note = tr("The query also deduplicates rows (dropDuplicates), as its file says.");
    m_shapeNote->setText(note);
    m_shapeNote->setVisible(!note.isEmpty());
    m_updating = false;
    showAnalysis();
}

void QueryPanel::showAnalysis()
{
    // The document starts empty, before a file is opened; there is no query to analyse yet.
    if (m_document->scenario()->sources.empty()) {
        m_error->clear();
        m_error->setVisible(false);
        m_joinPlan->showPlan(nullptr, *m_document->scenario());
        return;
    }
    auto plan = analyze(*m_document->scenario());
    markError(plan.ok() ? std::string() : plan.error().where);
    m_joinPlan->showPlan(plan.ok() ? &plan.value() : nullptr, *m_document->scenario());
    if (plan.ok()) {
        m_error->clear();
        m_error->setVisible(false);
        return;
    }
    const Error& e = plan.error();
    QString text = withSparkErrorHint(q(e.text()));
    if (!e.where.empty())
        text += QLatin1String("\n\n") + tr("at %1").arg(q(e.where));
    const bool fresh = m_error->isHidden() || m_error->text() != text;
    m_error->setText(text);
    m_error->setVisible(true);
    // A new error scrolls into view once the fields are laid out around it.
    if (fresh)
        QTimer::singleShot(0, this, [this] { m_scroll->ensureWidgetVisible(m_error); });
}

void QueryPanel::markError(const std::string& where)
{
    const QString w = q(where);
    const auto mark = [&](QWidget* widget, bool on) {
        if (widget->property("sparkError").toBool() == on)
            return;
        widget->setProperty("sparkError", on);
        widget->style()->unpolish(widget);
        widget->style()->polish(widget);
    };
    const bool window = w.contains(QLatin1String(".window")) || w.contains(QLatin1String(".session"));
    mark(m_mode, w == QLatin1String("query.outputMode"));
    mark(m_version, w.startsWith(QLatin1String("sparkVersion")));
    mark(m_delay, w.startsWith(QLatin1String("query.withWatermark.delay")));
    mark(m_watermarkColumn, w.startsWith(QLatin1String("query.withWatermark.column")));
    mark(m_windowColumn, window && w.endsWith(QLatin1String(".column")));
    mark(m_duration, window && w.endsWith(QLatin1String(".duration")));
    mark(m_slide, window && (w.endsWith(QLatin1String(".slide")) || w.endsWith(QLatin1String(".startTime"))));
    mark(m_gap, w.endsWith(QLatin1String(".gap")));
    mark(m_keys, w.startsWith(QLatin1String("query.groupBy")) && !window);
    mark(m_aggFn, w.startsWith(QLatin1String("query.agg")) && w.endsWith(QLatin1String(".fn")));
    mark(m_aggColumn, w.startsWith(QLatin1String("query.agg")) && !w.endsWith(QLatin1String(".fn")));
    mark(m_trigger, w.startsWith(QLatin1String("query.trigger")));
    const QuerySpec& query = m_document->scenario()->query;
    for (int i = 0; i < numInputs(); ++i) {
        const InputRow& row = m_inputRows[static_cast<std::size_t>(i)];
        const QString path = inputPath(query, i) + QLatin1String(".withWatermark");
        mark(row.on, w == path);
        mark(row.column, w.startsWith(path + QLatin1String(".column")));
        mark(row.delay, w.startsWith(path + QLatin1String(".delay")));
    }
    mark(m_policy, w.startsWith(QLatin1String("conf[\"") + QLatin1String(kPolicyKey)));
}

QString QueryPanel::errorText() const { return m_error->text(); }

void QueryPanel::commit(const QString& text, const std::function<void(QuerySettings&)>& edit)
{
    QuerySettings settings = QuerySettings::of(*m_document->scenario());
    edit(settings);
    const Scenario& now = *m_document->scenario();
    // Only real changes become undo steps (editingFinished also fires on focus loss).
    const bool same = settings.version == now.sparkVersion && settings.query.outputMode == now.query.outputMode
                      && settings.query.withWatermark == now.query.withWatermark && settings.query.groupBy == now.query.groupBy
                      && settings.query.agg == now.query.agg && settings.query.trigger == now.query.trigger
                      && settings.query.join == now.query.join && settings.query.then == now.query.then
                      && settings.query.unionInputs == now.query.unionInputs
                      && settings.conf.multipleWatermarkPolicy == now.conf.multipleWatermarkPolicy;
    if (same)
        return;
    m_document->undoStack()->push(new ChangeQueryCommand(m_document, std::move(settings), text));
}

} // namespace tidemark::ui
