// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input: files and queries built to crash, hang or mislead. Each must end in success or
// a located error, never a signal, an exception or a wrong answer (docs/scenario-format.md "Limits").
#include "tests/support/TestScenario.h"

#include "engine/expr/Parser.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {

std::string repeat(const std::string& s, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

/// Analyzes `query` (members of "query" after "source") and returns its error, or an empty one.
Error analysisError(const std::string& query)
{
    TestScenario sc;
    sc.events = {"0: a 60"};
    sc.query = query;
    auto plan = analyze(sc.load());
    return plan.ok() ? Error{} : plan.error();
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT
private slots:
    void deepExpressionsAreRefusedWithTheirPlace_data()
    {
        QTest::addColumn<QString>("member"); // a query member holding the expression %1
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("where");
        const std::string plus = "k = k" + repeat(" + 1", 5000);
        const std::string parens = repeat("(", 5000) + "k = 'a'" + repeat(")", 5000);
        const std::string nots = repeat("NOT ", 5000) + "k = 'a'";
        const std::string minus = "k = " + repeat("-", 5000) + "1";
        const std::string minusCol = "t = t" + repeat(" - -", 3000) + "t";
        QTest::newRow("where, chained +") << "\"where\": \"%1\"" << QString::fromStdString(plus) << "query.where";
        QTest::newRow("where, parentheses") << "\"where\": \"%1\"" << QString::fromStdString(parens) << "query.where";
        QTest::newRow("where, NOT") << "\"where\": \"%1\"" << QString::fromStdString(nots) << "query.where";
        QTest::newRow("where, unary minus") << "\"where\": \"%1\"" << QString::fromStdString(minus) << "query.where";
        QTest::newRow("where, minus runs") << "\"where\": \"%1\"" << QString::fromStdString(minusCol) << "query.where";
        QTest::newRow("selectExpr, chained +") << "\"selectExpr\": [\"k\", \"%1\"]" << QString::fromStdString("1" + repeat(" + 1", 5000))
                                               << "query.selectExpr[1]";
        QTest::newRow("selectExpr, function calls")
            << "\"selectExpr\": [\"%1\"]" << QString::fromStdString(repeat("upper(", 3000) + "k" + repeat(")", 3000)) << "query.selectExpr[0]";
    }
    void deepExpressionsAreRefusedWithTheirPlace()
    {
        QFETCH(QString, member);
        QFETCH(QString, expression);
        QFETCH(QString, where);
        const Error e = analysisError(member.arg(expression).toStdString() + ", \"outputMode\": \"append\"");
        QCOMPARE(e.kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(e.where), where);
        QVERIFY2(e.message.find("nests more than 1000 levels deep") != std::string::npos, e.message.c_str());
    }

    void deepJoinConditionIsRefused()
    {
        TestScenario sc;
        sc.events = {"0: a 60"};
        sc.extraSources = R"("other": {"schema": {"k2": "string", "t2": "timestamp"}, "events": []})";
        sc.query = "\"join\": {\"left\": {\"source\": \"in\"}, \"right\": {\"source\": \"other\"}, \"on\": \"" + repeat("(", 3000)
                   + "k = k2" + repeat(")", 3000) + "\"}, \"outputMode\": \"append\"";
        auto plan = analyze(sc.load());
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(plan.error().where), QString("query.join.on"));
    }

    void expressionsUpToTheLimitStillWork()
    {
        // 999 nested parentheses and a chain of 900 additions are within the limit.
        auto parens = parseExpression(repeat("(", 990) + "1" + repeat(")", 990));
        QVERIFY(std::holds_alternative<AstPtr>(parens));
        const Error e = analysisError("\"selectExpr\": [\"k\", \"1" + repeat(" + 1", 900) + " AS n\"], \"outputMode\": \"append\"");
        QVERIFY2(e.message.empty(), e.message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestHostile)
#include "tst_hostile.moc"
