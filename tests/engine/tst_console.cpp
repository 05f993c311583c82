// SPDX-License-Identifier: GPL-3.0-or-later
// Dataset.showString as the console sink prints it: widths, alignment, truncation, wide characters.
#include "engine/sink/ConsoleFormat.h"

#include <QtTest>

using namespace tidemark;

namespace {
Schema schemaOf(std::initializer_list<std::pair<const char*, TypeId>> cols)
{
    Schema s;
    for (const auto& [n, t] : cols)
        s.fields.push_back(Field{n, t == TypeId::Array ? DataType(TypeId::Array, TypeId::Long) : DataType(t), std::nullopt, {}});
    return s;
}
QString show(const Schema& s, const std::vector<Row>& rows, bool truncate, int numRows = 20, SparkVersion v = {3, 2})
{
    return QString::fromStdString(showString(s, rows, TimeZone::load("Asia/Seoul").value(), v, ConsoleOptions{truncate, numRows}));
}
} // namespace

class TestConsole : public QObject {
    Q_OBJECT
private slots:
    void koreanCellsCountDouble()
    {
        // The notebook's stream-static join prints |  OO화학| in an 8-wide column.
        const auto s = schemaOf({{"emp_id", TypeId::Long}, {"emp_name", TypeId::String}});
        QCOMPARE(show(s, {Row{Value(2), Value("OO화학")}}, true),
                 QString("+------+--------+\n|emp_id|emp_name|\n+------+--------+\n|     2|  OO화학|\n+------+--------+\n"));
        QCOMPARE(stringHalfWidth("홍엔지니어"), 10);
    }

    void truncatesToSeventeenPlusDots()
    {
        const auto s = schemaOf({{"reg_dt", TypeId::String}});
        const QString out = show(s, {Row{Value("2015. 3. 2. 오후 12:37:34")}}, true);
        QVERIFY2(out.contains("|2015. 3. 2. 오후 12...|"), qPrintable(out));
    }

    void noTruncateLeftAligns()
    {
        const auto s = schemaOf({{"emp_id", TypeId::Int}, {"window", TypeId::Window}, {"count", TypeId::Long}});
        const Row r{Value(1), Value(TimeRange{1625238000000000LL, 1625239800000000LL}), Value(2)};
        QCOMPARE(show(s, {r}, false),
                 QString("+------+------------------------------------------+-----+\n"
                         "|emp_id|window                                    |count|\n"
                         "+------+------------------------------------------+-----+\n"
                         "|1     |{2021-07-03 00:00:00, 2021-07-03 00:30:00}|2    |\n"
                         "+------+------------------------------------------+-----+\n"));
    }

    void emptyResultPrintsHeaderAndTwoSeparators()
    {
        const auto s = schemaOf({{"emp_id", TypeId::Int}, {"window", TypeId::Window}, {"count", TypeId::Long}});
        QCOMPARE(show(s, {}, false), QString("+------+------+-----+\n|emp_id|window|count|\n+------+------+-----+\n+------+------+-----+\n"));
    }

    void footerWhenRowsAreCut()
    {
        const auto s = schemaOf({{"n", TypeId::Long}});
        QVERIFY(show(s, {Row{Value(1)}, Row{Value(2)}, Row{Value(3)}}, true, 2).endsWith("only showing top 2 rows\n"));
        QVERIFY(show(s, {Row{Value(1)}, Row{Value(2)}}, true, 1).endsWith("only showing top 1 row\n"));
        QVERIFY(!show(s, {Row{Value(1)}, Row{Value(2)}}, true, 2).contains("only showing"));
    }

    void minimumWidthIsThree()
    {
        const auto s = schemaOf({{"a", TypeId::Long}});
        QCOMPARE(show(s, {Row{Value(7)}}, true), QString("+---+\n|  a|\n+---+\n|  7|\n+---+\n"));
    }

    void arraysAndDoubles()
    {
        const auto s = schemaOf({{"collect_set(emp_id)", TypeId::Array}, {"avg(emp_id)", TypeId::Double}});
        const Row r{Value(ValueList(std::make_shared<const std::vector<Value>>(std::vector<Value>{Value(1), Value(100), Value(2), Value(3)}))),
                    Value(26.5)};
        QVERIFY(show(s, {r}, true).contains("|     [1, 100, 2, 3]|       26.5|"));
    }

    void batchFrame()
    {
        const auto s = schemaOf({{"n", TypeId::Long}});
        const std::string out = consoleBatch(7, s, {}, TimeZone(), SparkVersion{3, 2}, {});
        QCOMPARE(QString::fromStdString(out), QString("-------------------------------------------\nBatch: 7\n-------------------------------------------\n"
                                                      "+---+\n|  n|\n+---+\n+---+\n\n"));
    }
};

QTEST_APPLESS_MAIN(TestConsole)
#include "tst_console.moc"
