// SPDX-License-Identifier: GPL-3.0-or-later
// Loading and saving scenario files: every mistake named by its JSON path, nothing lost on save.
#include "engine/scenario/ScenarioFile.h"
#include "tests/support/TestScenario.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::testing;

namespace {
const char* kGood = R"({"tidemark": 1, "timeZone": "Asia/Seoul", "date": "2021-07-03",
  "sources": {"in": {"schema": {"emp_id": "int", "emp_name": "string", "timestamp": "timestamp"},
    "events": [{"at": "00:00:10", "row": {"emp_id": 1, "emp_name": "OO전자", "timestamp": 1625238000}},
               {"at": "00:00:20", "row": {"emp_id": 2, "emp_name": "김OO", "timestamp": "00:05:00"}}]}},
  "query": {"source": "in", "outputMode": "append"}})";
} // namespace

class TestScenarioFile : public QObject {
    Q_OBJECT
private slots:
    void errorsNameTheirPlace_data()
    {
        QTest::addColumn<QString>("find");
        QTest::addColumn<QString>("replace");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        QTest::newRow("typo in a query key is never ignored")
            << "\"outputMode\"" << "\"outputMod\"" << "query.outputMod" << "did you mean \"outputMode\"";
        QTest::newRow("unknown top-level key") << "\"date\"" << "\"day\"" << "day" << "unknown key \"day\"";
        QTest::newRow("a column the schema does not have")
            << "\"emp_id\": 2," << "\"empid\": 2," << "sources.in.events[1].row.empid" << "not in the source's schema";
        QTest::newRow("a string where an int belongs") << "\"emp_id\": 1," << "\"emp_id\": \"one\"," << "sources.in.events[0].row.emp_id"
                                                       << "expected an integer";
        QTest::newRow("a bad arrival time") << "\"00:00:20\"" << "\"00:0:20\"" << "sources.in.events[1].at" << "is not a time";
        QTest::newRow("an unknown column type") << "\"emp_name\": \"string\"" << "\"emp_name\": \"text\"" << "sources.in.schema.emp_name"
                                                << "unknown type \"text\"";
        QTest::newRow("an int that does not fit") << "\"emp_id\": 1," << "\"emp_id\": 3000000000," << "sources.in.events[0].row.emp_id"
                                                  << "does not fit an int column";
        QTest::newRow("a source without a schema") << "\"schema\": {\"emp_id\": \"int\", \"emp_name\": \"string\", \"timestamp\": \"timestamp\"},"
                                                   << "" << "sources.in" << "Schema must be specified";
        QTest::newRow("an unknown Spark version") << "\"tidemark\": 1," << "\"tidemark\": 1, \"sparkVersion\": \"2.4\"," << "sparkVersion"
                                                  << "not a modelled Spark release";
        QTest::newRow("an unknown time zone") << "Asia/Seoul" << "Asia/Busan" << "timeZone" << "unknown time zone";
        QTest::newRow("the wrong format version") << "\"tidemark\": 1" << "\"tidemark\": 2" << "tidemark" << "not supported";
        QTest::newRow("groupBy is not an array") << "\"outputMode\": \"append\"" << "\"groupBy\": \"k\", \"outputMode\": \"append\""
                                                 << "query.groupBy" << "expected an array";
        QTest::newRow("an event that is not an object") << "{\"at\": \"00:00:20\"" << "7, {\"at\": \"00:00:20\"" << "sources.in.events[1]"
                                                        << "expected an object";
    }
    void errorsNameTheirPlace()
    {
        QFETCH(QString, find);
        QFETCH(QString, replace);
        QFETCH(QString, where);
        QFETCH(QString, message);
        QString text = QString::fromUtf8(kGood);
        QVERIFY2(text.contains(find), "the test's search text must be in the scenario");
        text.replace(text.indexOf(find), find.size(), replace);
        auto sc = loadScenarioText(text.toStdString());
        QVERIFY(!sc.ok());
        QCOMPARE(sc.error().kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(sc.error().where), where);
        QVERIFY2(QString::fromStdString(sc.error().message).contains(message), sc.error().message.c_str());
    }

    void malformedJsonGivesLineAndColumn()
    {
        auto sc = loadScenarioText("{\"tidemark\": 1,\n \"sources\": {,}}");
        QVERIFY(!sc.ok());
        QVERIFY2(QString::fromStdString(sc.error().message).contains("line 2, column"), sc.error().message.c_str());
    }

    void missingFile()
    {
        auto sc = loadScenarioFile("/nonexistent/scenario.json");
        QVERIFY(!sc.ok());
        QVERIFY(QString::fromStdString(sc.error().message).contains("cannot open"));
    }

    void roundTripKeepsEverythingIncludingKorean()
    {
        auto first = loadScenarioText(kGood);
        QVERIFY(first.ok());
        const std::string saved = scenarioToJson(*first);
        QVERIFY2(QString::fromStdString(saved).contains("OO전자"), saved.c_str());
        // time spellings survive: epoch seconds stay numbers, times of day stay times of day
        QVERIFY(QString::fromStdString(saved).contains("\"timestamp\":1625238000"));
        QVERIFY(QString::fromStdString(saved).contains("\"timestamp\":\"00:05:00\""));
        auto second = loadScenarioText(saved);
        QVERIFY2(second.ok(), second.ok() ? "" : second.error().describe().c_str());
        QCOMPARE(QString::fromStdString(scenarioToJson(*second)), QString::fromStdString(saved));
        QCOMPARE(second->sources[0].events[1].row, first->sources[0].events[1].row);
    }

    void everyShippedScenarioRoundTrips()
    {
        const QDir dir(QStringLiteral(TIDEMARK_SCENARIOS));
        const auto files = dir.entryList({"*.json"});
        QVERIFY(files.size() >= 7);
        for (const QString& f : files) {
            auto sc = loadScenarioFile(dir.filePath(f).toStdString());
            QVERIFY2(sc.ok(), qPrintable(f + ": " + QString::fromStdString(sc.ok() ? "" : sc.error().describe())));
            auto again = loadScenarioText(scenarioToJson(*sc));
            QVERIFY2(again.ok(), qPrintable(f));
            QCOMPARE(QString::fromStdString(scenarioToJson(*again)), QString::fromStdString(scenarioToJson(*sc)));
        }
    }

    void nullAndMissingEventTimesLoad()
    {
        TestScenario sc;
        sc.events = {"1: a null"};
        const Scenario s = sc.load();
        QVERIFY(s.sources[0].events[0].row[1].isNull());
    }
};

QTEST_APPLESS_MAIN(TestScenarioFile)
#include "tst_scenariofile.moc"
