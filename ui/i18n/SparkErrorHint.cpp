// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/i18n/SparkErrorHint.h"

#include "ui/i18n/Language.h"

#include <QCoreApplication>

namespace tidemark::ui {

namespace {
/// The context of the hints in the translations.
struct SparkErrorHint {
    Q_DECLARE_TR_FUNCTIONS(SparkErrorHint)
};

struct Hint {
    const char* sparkWords; ///< a part of Spark's message that names the case
    const char* text;
};

// The most specific words first: "join ... without a watermark" before "without watermark".
const Hint kHints[] = {
    {"without watermark in the join keys",
     QT_TRANSLATE_NOOP("SparkErrorHint", "An outer join of two streams needs a watermark on both sides and a time-range condition, or its state would grow forever.")},
    {"without a watermark in the join keys",
     QT_TRANSLATE_NOOP("SparkErrorHint", "An outer join of two streams needs a watermark on both sides and a time-range condition, or its state would grow forever.")},
    {"streaming aggregations on streaming DataFrames/DataSets without watermark",
     QT_TRANSLATE_NOOP("SparkErrorHint", "Append mode emits a window only once it is final, and only a watermark can say when that is: add withWatermark on the window's time column.")},
    {"no streaming aggregations",
     QT_TRANSLATE_NOOP("SparkErrorHint", "Complete mode writes the whole result table every batch, so the query needs an aggregation.")},
    {"for session window",
     QT_TRANSLATE_NOOP("SparkErrorHint", "Update mode cannot emit session windows, which may still merge; use append mode with a watermark.")},
    {"Multiple streaming aggregations",
     QT_TRANSLATE_NOOP("SparkErrorHint", "A streaming query may aggregate only once; a second groupBy over the first one's result is rejected.")},
    {"Non-time-based windows",
     QT_TRANSLATE_NOOP("SparkErrorHint", "A stream has no end, so windows over rows (row_number, lag) are rejected; group by a time window instead.")},
    {"Distinct aggregations",
     QT_TRANSLATE_NOOP("SparkErrorHint", "Exact distinct counts are not supported on a stream; approx_count_distinct is.")},
    {"dropDuplicatesWithinWatermark",
     QT_TRANSLATE_NOOP("SparkErrorHint", "Deduplication within the watermark needs a watermark on the stream.")},
    {"is not supported in",
     QT_TRANSLATE_NOOP("SparkErrorHint", "A join of two streams emits its rows only in append mode.")},
    {"without equality predicate",
     QT_TRANSLATE_NOOP("SparkErrorHint", "A join of two streams needs an equality condition on a key of both sides.")},
    {"Global aggregation with session window",
     QT_TRANSLATE_NOOP("SparkErrorHint", "A session window needs a grouping key besides the session.")},
    {"cannot resolve",
     QT_TRANSLATE_NOOP("SparkErrorHint", "A column or a type in the query does not match the input: check the names and types the message quotes.")},
};
} // namespace

QString sparkErrorHint(const QString& sparkText)
{
    if (currentLanguage() == Language::English || sparkText.isEmpty())
        return {};
    for (const Hint& h : kHints)
        if (sparkText.contains(QLatin1String(h.sparkWords), Qt::CaseInsensitive))
            return SparkErrorHint::tr(h.text);
    return SparkErrorHint::tr("Spark rejects this query before it runs (an AnalysisException); the message above is Spark's own.");
}

QString withSparkErrorHint(const QString& sparkText)
{
    const QString hint = sparkErrorHint(sparkText);
    return hint.isEmpty() ? sparkText : sparkText + QStringLiteral("\n\n") + hint;
}

} // namespace tidemark::ui
