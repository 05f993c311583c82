// SPDX-License-Identifier: GPL-3.0-or-later
// Lesson files: every claim kind true and false on a small scenario, and the loader's errors.
#include "engine/lesson/ClaimChecker.h"
#include "engine/lesson/LessonFile.h"
#include "engine/scenario/ScenarioFile.h"

#include <QTest>

using namespace tidemark;

namespace {

// Tumbling 10-minute windows, 5-minute watermark, triggers every 5 minutes from 12:00 (UTC):
//   batch 0 reads (12:01, a)               watermark none,  next 11:56
//   batch 1 reads (12:12, a)               watermark 11:56, next 12:07
//   batch 2 reads (11:58, b): dropped      watermark 12:07 (its window ends 12:00)
//   batch 3 reads (12:20, a)               watermark 12:07, next 12:15
//   batch 4 no data: append emits [12:00, 12:10) a 1
const char* kScenario = R"({
  "tidemark": 1, "sparkVersion": "3.2", "timeZone": "UTC", "date": "2021-07-03",
  "sources": {"s": {"schema": {"t": "timestamp", "k": "string"}, "events": [
    {"at": "12:01", "row": {"t": "12:01", "k": "a"}},
    {"at": "12:06", "row": {"t": "12:12", "k": "a"}},
    {"at": "12:11", "row": {"t": "11:58", "k": "b"}},
    {"at": "12:16", "row": {"t": "12:20", "k": "a"}}]}},
  "query": {"source": "s", "withWatermark": {"column": "t", "delay": "5 minutes"},
    "groupBy": [{"window": {"column": "t", "duration": "10 minutes"}}, "k"],
    "agg": [{"fn": "count", "as": "n"}], "outputMode": "append",
    "trigger": {"processingTime": "5 minutes", "startAt": "12:00"}}})";

std::string lessonText(const std::string& claims, const std::string& scenario = kScenario, const std::string& step = "")
{
    return R"({"tidemarkLesson": 1, "id": "t", "title": {"en": "T", "ko": "티"}, "scenario": )" + scenario +
           R"(, "steps": [{"batch": 1, "text": {"en": "x", "ko": "엑스"}, )" + step + R"("claims": [)" + claims + "]}]}";
}

Result<Scenario> noNamedScenario(const std::string&) { return Error::file("", "no such scenario"); }

} // namespace

class TestLessonCheck : public QObject
{
    Q_OBJECT
private slots:
    void claims_data();
    void claims();
    void rejectedAndAccepted();
    void stepsPointingPastTheRun();
    void namedScenarioIsResolved();
    void errorsNameTheirJsonPath_data();
    void errorsNameTheirJsonPath();
    void windowsAndTimes();
};

void TestLessonCheck::claims_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<bool>("holds");
    QTest::addColumn<QString>("actual"); // a part of what the engine gives

    QTest::newRow("watermark none") << R"({"watermark": "none", "batch": 0})" << true << "none";
    QTest::newRow("watermark") << R"({"watermark": "11:56", "batch": 1})" << true << "11:56:00";
    QTest::newRow("watermark seconds") << R"({"watermark": "12:07:00", "batch": 2})" << true << "12:07:00";
    QTest::newRow("watermark false") << R"({"watermark": "12:07", "batch": 1})" << false << "11:56:00";
    QTest::newRow("nextWatermark") << R"({"nextWatermark": "12:15", "batch": 3})" << true << "12:15:00";
    QTest::newRow("nextWatermark false") << R"({"nextWatermark": "12:10", "batch": 3})" << false << "12:15:00";
    QTest::newRow("fate onTime") << R"({"fate": "onTime", "event": 0})" << true << "onTime";
    QTest::newRow("fate dropped") << R"({"fate": "dropped", "event": 2, "batch": 2})" << true << "dropped (read by batch 2)";
    QTest::newRow("fate dropped wrong batch") << R"({"fate": "dropped", "event": 2, "batch": 1})" << false << "read by batch 2";
    QTest::newRow("fate false") << R"({"fate": "late", "event": 2})" << false << "dropped";
    // Complete mode keeps every group: the same row is not dropped there.
    QTest::newRow("fate in complete") << R"({"fate": "dropped", "event": 2, "mode": "complete"})" << false << "late";
    QTest::newRow("fate late in complete") << R"({"fate": "late", "event": 2, "mode": "complete"})" << true << "late";
    QTest::newRow("emits") << R"({"emits": {"window": "12:00-12:10", "k": "a", "n": 1}, "batch": 4})" << true << "1 row";
    QTest::newRow("emits en dash") << "{\"emits\": {\"window\": \"12:00\xE2\x80\x93" "12:10\"}, \"batch\": 4}" << true << "12:00:00-12:10:00";
    QTest::newRow("emits text count") << R"({"emits": {"n": "1"}, "batch": 4})" << true << "n: 1";
    QTest::newRow("emits false value") << R"({"emits": {"window": "12:00-12:10", "n": 2}, "batch": 4})" << false << "n: 1";
    QTest::newRow("emits false batch") << R"({"emits": {"k": "a"}, "batch": 3})" << false << "0 rows";
    QTest::newRow("emits unknown column") << R"({"emits": {"word": "a"}, "batch": 4})" << false << "no column \"word\"";
    QTest::newRow("emits update") << R"({"emits": {"window": "12:10-12:20", "k": "a"}, "batch": 1, "mode": "update"})" << true << "1 row";
    QTest::newRow("emitsNothing") << R"({"emitsNothing": true, "batch": 3})" << true << "0 rows";
    QTest::newRow("emitsNothing false") << R"({"emitsNothing": true, "batch": 4})" << false << "1 row";
    QTest::newRow("sinkRows complete") << R"({"sinkRows": 3, "batch": 2, "mode": "complete"})" << true << "3 rows";
    QTest::newRow("sinkRows false") << R"({"sinkRows": 2, "batch": 2, "mode": "complete"})" << false << "3 rows";
    QTest::newRow("noData") << R"({"noData": true, "batch": 4})" << true << "no-data";
    QTest::newRow("noData false") << R"({"noData": true, "batch": 3})" << false << "read 1 rows";
    QTest::newRow("data") << R"({"noData": false, "batch": 3})" << true << "read 1 rows";
    QTest::newRow("batches") << R"({"batches": 5})" << true << "5 batches";
    QTest::newRow("batches false") << R"({"batches": 4})" << false << "5 batches";
    QTest::newRow("stateRows") << R"({"stateRows": 3, "batch": 3})" << true << "3 state rows";
    QTest::newRow("stateRows false") << R"({"stateRows": 1, "batch": 3})" << false << "3 state rows";
    QTest::newRow("dropped") << R"({"dropped": 1, "batch": 2})" << true << "1 rows dropped";
    QTest::newRow("dropped false") << R"({"dropped": 0, "batch": 2})" << false << "1 rows dropped";
    QTest::newRow("batch past the run") << R"({"sinkRows": 0, "batch": 9})" << false << "run has 5 batches";
    QTest::newRow("accepted") << R"({"accepted": true, "mode": "update"})" << true << "accepted";
    QTest::newRow("rejected false") << R"({"rejected": "not supported"})" << false << "accepts";
}

void TestLessonCheck::claims()
{
    QFETCH(QString, claim);
    QFETCH(bool, holds);
    QFETCH(QString, actual);
    auto lesson = loadLessonText(lessonText(claim.toStdString()), noNamedScenario);
    QVERIFY2(lesson.ok(), lesson.ok() ? "" : lesson.error().describe().c_str());
    const ClaimChecker checker(*lesson);
    const auto results = checker.checkAll();
    QCOMPARE(results.size(), std::size_t{1});
    QVERIFY2(results[0].holds == holds, results[0].actual.c_str());
    QVERIFY2(QString::fromStdString(results[0].actual).contains(actual), results[0].actual.c_str());
    QCOMPARE(results[0].step, std::size_t{0});
}

void TestLessonCheck::rejectedAndAccepted()
{
    // Without a watermark Spark rejects append mode for a streaming aggregation.
    std::string scenario = kScenario;
    const std::string wm = R"("withWatermark": {"column": "t", "delay": "5 minutes"},)";
    scenario.erase(scenario.find(wm), wm.size());
    auto lesson = loadLessonText(lessonText(R"({"rejected": "Append output mode not supported"}, {"accepted": false},
                                               {"accepted": true, "mode": "update"}, {"emitsNothing": true, "batch": 0},
                                               {"rejected": "something else"})",
                                            scenario),
                                 noNamedScenario);
    QVERIFY2(lesson.ok(), lesson.ok() ? "" : lesson.error().describe().c_str());
    const auto r = ClaimChecker(*lesson).checkAll();
    QCOMPARE(r.size(), std::size_t{5});
    QVERIFY2(r[0].holds, r[0].actual.c_str());
    QVERIFY(QString::fromStdString(r[0].actual).startsWith("AnalysisException: Append output mode not supported"));
    QVERIFY(r[1].holds);
    QVERIFY(r[2].holds);
    QVERIFY(!r[3].holds); // a claim about a batch of a rejected mode
    QVERIFY(QString::fromStdString(r[3].actual).contains("Spark rejects the query in append mode"));
    QVERIFY(!r[4].holds);
}

void TestLessonCheck::stepsPointingPastTheRun()
{
    auto lesson = loadLessonText(lessonText("", kScenario, R"("highlight": {"event": 4}, )"), noNamedScenario);
    QVERIFY(lesson.ok());
    lesson->steps[0].batch = 7;
    const auto problems = ClaimChecker(*lesson).checkSteps();
    QCOMPARE(problems.size(), std::size_t{2});
    QCOMPARE(problems[0], std::string("steps[0].batch: no batch 7, the run has 5"));
    QCOMPARE(problems[1], std::string("steps[0].highlight.event: no event 4, the scenario has 4"));
    lesson->steps[0].batch = 4;
    lesson->steps[0].highlight.event = 3;
    QVERIFY(ClaimChecker(*lesson).checkSteps().empty());
}

void TestLessonCheck::namedScenarioIsResolved()
{
    auto lesson = loadLessonFile(TIDEMARK_LESSONS "/append-no-output.lesson.json", TIDEMARK_SCENARIOS);
    QVERIFY2(lesson.ok(), lesson.ok() ? "" : lesson.error().describe().c_str());
    QCOMPARE(lesson->scenarioName, std::string("word-count-append.json"));
    QCOMPARE(lesson->scenario.title, std::string("Word count with late data (append mode)"));
    QVERIFY(!lesson->steps.empty());
    auto missing = loadLessonText(lessonText("", "\"nope.json\""), noNamedScenario);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().where, std::string("scenario"));
}

void TestLessonCheck::errorsNameTheirJsonPath_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");
    const auto with = [](const std::string& claims) { return QString::fromStdString(lessonText(claims)); };
    QTest::newRow("claim without batch") << with(R"({"sinkRows": 1})") << "steps[0].claims[0].batch" << "missing";
    QTest::newRow("unknown claim") << with(R"({"emit": {}})") << "steps[0].claims[0]" << "not a claim";
    QTest::newRow("two kinds") << with(R"({"sinkRows": 1, "noData": true, "batch": 0})") << "steps[0].claims[0]" << "one claim per object";
    QTest::newRow("extra key") << with(R"({"batches": 1, "batch": 0})") << "steps[0].claims[0].batch" << "unknown key";
    QTest::newRow("bad time") << with(R"({"watermark": "25:00", "batch": 0})") << "steps[0].claims[0].watermark" << "";
    QTest::newRow("bad window") << with(R"({"emits": {"window": "12:10-12:00"}, "batch": 0})") << "steps[0].claims[0].emits.window"
                                << "ends before it starts";
    QTest::newRow("bad mode") << with(R"({"batches": 1, "mode": "appendd"})") << "steps[0].claims[0].mode" << "append, update or complete";
    QTest::newRow("bad fate") << with(R"({"fate": "lost", "event": 0})") << "steps[0].claims[0].fate" << "onTime";
    QTest::newRow("inline scenario") << QString::fromStdString(lessonText("", R"({"tidemark": 1, "sources": {}, "query": {"source": "x"}})"))
                                     << "scenario.sources" << "";
    QTest::newRow("no steps") << R"({"tidemarkLesson": 1, "id": "x", "title": "T", "scenario": "a.json"})" << "scenario" << "";
    QTest::newRow("version") << R"({"tidemarkLesson": 2})" << "tidemarkLesson" << "format 1";
    QTest::newRow("malformed") << "{" << "" << "malformed JSON";
    // Hostile files: a path for a scenario name, numbers past what they can mean, bytes that are not JSON.
    QTest::newRow("scenario path") << R"({"tidemarkLesson": 1, "id": "x", "title": "T", "scenario": "../../etc/passwd", "steps": []})"
                                   << "scenario" << "expected a file name";
    QTest::newRow("negative batch") << with(R"({"sinkRows": 1, "batch": -1})") << "steps[0].claims[0].batch" << "from 0 up";
    QTest::newRow("event past 32 bits") << with(R"({"fate": "dropped", "event": 99999999999})") << "steps[0].claims[0].event"
                                        << "event number from 0 to 4294967295";
    QTest::newRow("not JSON") << QString::fromLatin1("\xff\xfe\x00{") << "" << "malformed JSON";
}

void TestLessonCheck::errorsNameTheirJsonPath()
{
    QFETCH(QString, text);
    QFETCH(QString, where);
    QFETCH(QString, message);
    auto lesson = loadLessonText(text.toStdString(), noNamedScenario);
    QVERIFY(!lesson.ok());
    QCOMPARE(QString::fromStdString(lesson.error().where), where);
    QVERIFY2(QString::fromStdString(lesson.error().message).contains(message), lesson.error().message.c_str());
}

void TestLessonCheck::windowsAndTimes()
{
    auto sc = loadScenarioText(R"({"tidemark": 1, "timeZone": "Asia/Seoul", "date": "2021-07-03",
        "sources": {"s": {"schema": {"t": "timestamp"}, "events": []}}, "query": {"source": "s"}})");
    QVERIFY2(sc.ok(), sc.ok() ? "" : sc.error().describe().c_str());
    // 12:00 in Seoul is 03:00 UTC on the scenario's date.
    const Micros noonUtc = 1625281200LL * kMicrosPerSecond;
    auto w = parseLessonWindow("12:00-12:10", *sc);
    QVERIFY(w.ok());
    QCOMPARE(w->start, noonUtc);
    QCOMPARE(w->end, noonUtc + 600 * kMicrosPerSecond);
    auto full = parseLessonWindow("2021-07-03 12:00:00 - 2021-07-03 12:10:00", *sc);
    QVERIFY(full.ok());
    QCOMPARE(full->start, noonUtc);
    QVERIFY(!parseLessonWindow("12:00", *sc).ok());
    auto wm = parseLessonWatermark("12:04", *sc);
    QVERIFY(wm.ok());
    QCOMPARE(wm.value(), (noonUtc + 240 * kMicrosPerSecond) / kMicrosPerMilli);
    QCOMPARE(parseLessonWatermark("none", *sc).value(), Millis{0});
}

QTEST_APPLESS_MAIN(TestLessonCheck)
#include "tst_lessoncheck.moc"
