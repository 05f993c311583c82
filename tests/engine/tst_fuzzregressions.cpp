// SPDX-License-Identifier: GPL-3.0-or-later
// Every input a fuzzer ever crashed on (tests/fuzz/regressions/<target>/), replayed through the
// same pipeline as the fuzzer: each must end in results or clean refusals, never in a crash, a
// sanitizer report (in the sanitized build), an exception, a broken promise or an internal error.
#include "tests/fuzz/FuzzPipeline.h"

#include "engine/expr/BoundExpr.h"
#include "engine/expr/Parser.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <limits>

using namespace tidemark;

namespace {

void addInputs(const char* target)
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(TIDEMARK_FUZZ_REGRESSIONS "/") + QLatin1String(target));
    QVERIFY2(dir.exists(), qPrintable(dir.path()));
    const auto names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString& name : names)
        QTest::addRow("%s", qPrintable(name)) << dir.filePath(name);
    if (names.isEmpty()) // no crash found yet: one empty row, skipped
        QTest::newRow("none") << QString();
}

QByteArray readInput(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// `split(s, '<pattern>')` bound to a one-string-column schema (the pattern as SQL writes it).
Result<BoundExpr> bindSplit(const QString& pattern)
{
    Schema schema;
    schema.fields = {{"s", DataType(TypeId::String), std::nullopt, {}}};
    const std::string text = "split(s, '" + pattern.toStdString() + "')";
    auto parsed = parseExpression(text);
    if (!std::holds_alternative<AstPtr>(parsed))
        return Error::query("does not parse: " + text);
    return bindExpression(*std::get<AstPtr>(parsed), schema, BindContext{SparkVersion::newest(), TimeZone(), text});
}

void verifyClean(const fuzz::Outcome& outcome)
{
    QVERIFY2(outcome.broken.empty(), outcome.broken.c_str());
    for (const std::string& error : outcome.errors) {
        QVERIFY(!error.empty());
        QVERIFY2(error.find("internal error") == std::string::npos, error.c_str());
    }
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private slots:
    void scenarios_data() { addInputs("fuzz_scenario"); }
    void scenarios()
    {
        QFETCH(QString, path);
        if (path.isEmpty())
            QSKIP("no inputs in this folder");
        const QByteArray bytes = readInput(path);
        QVERIFY2(!bytes.isNull(), qPrintable(path));
        verifyClean(fuzz::exerciseScenario({bytes.constData(), static_cast<std::size_t>(bytes.size())}));
    }

    void expressions_data() { addInputs("fuzz_sql"); }
    void expressions()
    {
        QFETCH(QString, path);
        if (path.isEmpty())
            QSKIP("no inputs in this folder");
        const QByteArray bytes = readInput(path);
        QVERIFY2(!bytes.isNull(), qPrintable(path));
        verifyClean(fuzz::exerciseExpression({bytes.constData(), static_cast<std::size_t>(bytes.size())}));
    }

    /// What the SQL fuzzer's findings compute now, on a row at the edges of each type: the JVM's
    /// wrapping arithmetic and saturating casts (non-ANSI), null where Spark would fail the query.
    void longEdgesComputeAsTheJvm_data()
    {
        constexpr qint64 kMin = std::numeric_limits<qint64>::min();
        constexpr qint64 kMax = std::numeric_limits<qint64>::max();
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("isNull");
        QTest::addColumn<qint64>("value");
        QTest::newRow("negate") << "-l" << false << kMin;
        QTest::newRow("negate twice") << "- - l" << false << kMin;
        QTest::newRow("abs long") << "abs(l)" << false << kMin;
        QTest::newRow("abs int") << "abs(i)" << false << qint64{std::numeric_limits<qint32>::min()};
        QTest::newRow("remainder -1") << "l % -1" << false << qint64{0};
        QTest::newRow("cast long") << "CAST(l AS timestamp)" << false << kMin;
        QTest::newRow("cast double") << "CAST(d AS timestamp)" << false << kMax;
        QTest::newRow("seconds long") << "timestamp_seconds(l)" << true << qint64{0};
        QTest::newRow("seconds double") << "timestamp_seconds(d)" << true << qint64{0};
    }
    void longEdgesComputeAsTheJvm()
    {
        QFETCH(QString, expression);
        QFETCH(bool, isNull);
        QFETCH(qint64, value);
        Schema schema;
        schema.fields = {{"l", DataType(TypeId::Long), std::nullopt, {}}, {"i", DataType(TypeId::Int), std::nullopt, {}},
                         {"d", DataType(TypeId::Double), std::nullopt, {}}};
        const Row row{Value(std::numeric_limits<std::int64_t>::min()), Value(std::int64_t{std::numeric_limits<std::int32_t>::min()}),
                      Value(1e300)};
        const std::string text = expression.toStdString();
        auto parsed = parseExpression(text);
        QVERIFY(std::holds_alternative<AstPtr>(parsed));
        auto bound = bindExpression(*std::get<AstPtr>(parsed), schema, BindContext{SparkVersion::newest(), TimeZone(), text});
        QVERIFY2(bound.ok(), bound.ok() ? "" : bound.error().describe().c_str());
        const Value v = bound->eval(row);
        QCOMPARE(v.isNull(), isNull);
        if (!isNull)
            QCOMPARE(v.asInt(), value);
    }

    /// split() as Spark's UTF8String.split(pattern, -1), i.e. Java's Pattern.split: examples from
    /// the javadoc of String.split and Spark's StringSplit, and patterns that make a backtracking
    /// engine run for hours (the fuzzer's timeout), which RE2 matches in linear time.
    void splitFollowsJavaPatternSplit_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QStringList>("pieces");
        QTest::newRow("javadoc colon") << "boo:and:foo" << ":" << QStringList{"boo", "and", "foo"};
        QTest::newRow("javadoc o, limit -1") << "boo:and:foo" << "o" << QStringList{"b", "", ":and:f", "", ""};
        QTest::newRow("StringSplit example") << "oneAtwoBthreeC" << "[ABC]" << QStringList{"one", "two", "three", ""};
        QTest::newRow("empty pattern: characters") << "한글 ☃" << "" << QStringList{"한", "글", " ", "☃"};
        QTest::newRow("empty input") << "" << "," << QStringList{""};
        QTest::newRow("words") << "  the cat  sat" << "\\s+" << QStringList{"", "the", "cat", "sat"};
        QTest::newRow("zero-width at start and end") << "baaa" << "a*" << QStringList{"b", "", ""};
        const QString as(40, QLatin1Char('a'));
        QTest::newRow("nested repetition") << as + "!" << "(a|a)*b" << QStringList{as + "!"};
        QTest::newRow("nested stars") << as << "(((a*)*)*)*!" << QStringList{as};
    }
    void splitFollowsJavaPatternSplit()
    {
        QFETCH(QString, input);
        QFETCH(QString, pattern);
        QFETCH(QStringList, pieces);
        auto bound = bindSplit(pattern);
        QVERIFY2(bound.ok(), bound.ok() ? "" : bound.error().describe().c_str());
        const Value v = bound->eval(Row{Value(input.toStdString())});
        QStringList got;
        for (const Value& piece : v.asList())
            got << QString::fromStdString(piece.asString());
        QCOMPARE(got, pieces);
    }

    /// Patterns RE2 cannot run are refused at bind time with the reason, never at run time.
    void splitPatternsOutsideRe2AreRefused_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("reason");
        QTest::newRow("back reference") << "(a)\\\\1" << "back references";
        QTest::newRow("look-ahead") << "(?=a)" << "look-around";
        QTest::newRow("huge count") << "a{100000}" << "limit of 1000";
        QTest::newRow("unbalanced") << "(a" << "missing )";
    }
    void splitPatternsOutsideRe2AreRefused()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, reason);
        auto bound = bindSplit(pattern);
        QVERIFY(!bound.ok());
        const std::string message = bound.error().describe();
        QVERIFY2(message.find("is not a valid regular expression") != std::string::npos, message.c_str());
        QVERIFY2(message.find(reason.toStdString()) != std::string::npos, message.c_str());
    }

    /// An INTERVAL literal whose microseconds do not fit 64 bits fails as Spark fails adding it.
    void intervalLiteralPastTheLongRangeOverflows()
    {
        auto scenario = loadScenarioText(R"({"tidemark": 1, "sources": {"s": {"schema": {"t": "timestamp"}, "events": []}},
            "query": {"source": "s", "where": "t + INTERVAL 439403442 days > t"}})");
        QVERIFY(scenario.ok());
        auto plan = analyze(*scenario);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().text(), std::string("ArithmeticException: long overflow"));
        QCOMPARE(plan.error().where, std::string("query.where"));
    }

    /// The checks themselves: a scenario whose query Spark rejects is a clean refusal, and the
    /// seeds of both fuzzers pass (so an empty regressions folder still tests something).
    void seedsPassAndRefusalsAreClean()
    {
        const auto refused = fuzz::exerciseScenario(R"({"tidemark": 1, "sources": {}, "query": {"source": "nope"}})");
        QVERIFY(refused.broken.empty());
        QCOMPARE(refused.errors.size(), std::size_t{1});
        for (const char* target : {"fuzz_scenario", "fuzz_sql"}) {
            const QDir dir(QStringLiteral(TIDEMARK_FUZZ_CORPUS "/") + QLatin1String(target));
            const auto names = dir.entryList(QDir::Files, QDir::Name);
            QVERIFY2(!names.isEmpty(), qPrintable(dir.path()));
            for (const QString& name : names) {
                const QByteArray bytes = readInput(dir.filePath(name));
                const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
                verifyClean(target == std::string_view("fuzz_sql") ? fuzz::exerciseExpression(text) : fuzz::exerciseScenario(text));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
