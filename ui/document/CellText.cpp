// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/CellText.h"

#include "engine/exec/Explain.h"
#include "engine/schema/ValueText.h"
#include "engine/time/TimeFormat.h"

#include <QCoreApplication>

namespace tidemark::ui {

QString timeText(Micros t, const Scenario& scenario) { return QString::fromStdString(shortTime(t, scenario)); }

QString cellText(const Value& value, const DataType& type, const Scenario& scenario)
{
    if (type.id == TypeId::Timestamp && value.isInt())
        return timeText(value.asInt(), scenario);
    if (value.isRange()) {
        // "12:00–12:10" reads better from the back of a classroom than Spark's
        // "{2021-07-03 12:00:00, 2021-07-03 12:10:00}"; the tooltip keeps Spark's text.
        const TimeRange& r = value.asRange();
        const QString start = QString::fromStdString(formatTimestamp(r.start, scenario.zone));
        const QString end = QString::fromStdString(formatTimestamp(r.end, scenario.zone));
        // Split at the space, not at fixed positions: years past 9999 print as "+10000".
        const auto date = [](const QString& ts) { return ts.section(QLatin1Char(' '), 0, 0); };
        const auto clock = [](const QString& ts) {
            const QString c = ts.section(QLatin1Char(' '), 1);
            return c.size() == 8 && c.endsWith(QLatin1String(":00")) ? c.left(5) : c;
        };
        const QString startText = timeText(r.start, scenario);
        const bool onScenarioDate = !startText.contains(QLatin1Char(' '));
        QString out = onScenarioDate ? clock(start) : date(start) + QLatin1Char(' ') + clock(start);
        // The end on the same day needs only its clock time (an end at midnight is the next day).
        const bool sameDay = date(start) == date(end);
        out += QChar(0x2013) + (sameDay || onScenarioDate ? clock(end) : date(end) + QLatin1Char(' ') + clock(end));
        return out;
    }
    return QString::fromStdString(valueToText(value, type, scenario.zone, scenario.sparkVersion.nullText()));
}

namespace {
/// The context of this file's texts in the translations.
struct CellText {
    Q_DECLARE_TR_FUNCTIONS(CellText)
};
} // namespace

Result<Value> parseCell(const QString& text, const DataType& type, const Scenario& scenario)
{
    const QString t = text.trimmed();
    if (type.id == TypeId::String)
        return Value(text.toStdString());
    if (t.isEmpty() || t.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0)
        return Value();
    bool ok = false;
    switch (type.id) {
    case TypeId::Int:
    case TypeId::Long: {
        const qlonglong v = t.toLongLong(&ok);
        if (!ok)
            return Error::file({}, CellText::tr("not a whole number: %1").arg(t).toStdString());
        return Value(static_cast<std::int64_t>(v));
    }
    case TypeId::Double: {
        const double v = t.toDouble(&ok);
        if (!ok)
            return Error::file({}, CellText::tr("not a number: %1").arg(t).toStdString());
        return Value(v);
    }
    case TypeId::Boolean:
        if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return Value(true);
        if (t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return Value(false);
        return Error::file({}, CellText::tr("write true or false").toStdString());
    case TypeId::Timestamp: {
        auto parsed = parseTimestamp(t.toStdString(), scenario.zone, scenario.date);
        if (!parsed.ok())
            return parsed.error();
        return Value(static_cast<std::int64_t>(*parsed));
    }
    default:
        return Error::file({}, CellText::tr("this column cannot be edited here").toStdString());
    }
}

} // namespace tidemark::ui
