// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input: files and queries built to crash, hang or mislead. Each must end in success or
// a located error, never a signal, an exception or a wrong answer (docs/scenario-format.md "Limits").
#include "tests/support/TestScenario.h"

#include "engine/exec/Simulation.h"
#include "engine/expr/Parser.h"
#include "engine/lesson/LessonFile.h"
#include "engine/plan/Analyzer.h"
#include "engine/plan/WorkLimits.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/time/TimeFormat.h"

#include <QtTest>

#include <fstream>
#include <sstream>

#include <sys/stat.h>

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

std::string shipped(const std::string& name)
{
    std::ifstream in(std::string(TIDEMARK_SCENARIOS) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A minimal scenario with one long column `n` and the given events and top-level members.
std::string scenarioWith(const std::string& events, const std::string& top = "")
{
    return "{\"tidemark\": 1," + top + "\n\"sources\": {\"in\": {\"schema\": {\"k\": \"string\", \"n\": \"long\", \"t\": \"timestamp\"},\n\"events\": [" + events
           + "]}},\n\"query\": {\"source\": \"in\", \"outputMode\": \"append\"}}";
}

Error loadError(const std::string& text)
{
    auto loaded = loadScenarioText(text);
    return loaded.ok() ? Error{} : loaded.error();
}

std::string utf16le(const std::string& ascii, bool bom)
{
    std::string out = bom ? std::string("\xFF\xFE") : std::string();
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
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
        QVERIFY2(e.message.find("nests too deep") != std::string::npos, e.message.c_str());
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

    /// 40 key equalities on one column and 40 conditions on it: InferFiltersFromConstraints would
    /// derive 1,600 filters (each equality rewrites each condition), past
    /// WorkLimits::kMaxInferredFilters. Refused at once, with the join's path; 20 and 20 (400
    /// filters) still analyse.
    void inferredFiltersAreBounded()
    {
        const auto scenario = [](int n) {
            TestScenario sc;
            sc.schema = {{"k", "long"}, {"t", "timestamp"}};
            std::string otherColumns;
            std::vector<std::string> conjuncts;
            for (int i = 0; i < n; ++i) {
                otherColumns += "\"k" + std::to_string(i) + "\": \"long\", ";
                conjuncts.push_back("k = k" + std::to_string(i));
                conjuncts.push_back("k > " + std::to_string(i));
            }
            std::string on;
            for (const std::string& c : conjuncts)
                on += (on.empty() ? "" : " AND ") + c;
            sc.extraSources = "\"other\": {\"schema\": {" + otherColumns + "\"t2\": \"timestamp\"}, \"events\": []}";
            sc.query = "\"join\": {\"left\": {\"source\": \"in\"}, \"right\": {\"source\": \"other\"}, \"on\": \"" + on
                       + "\", \"type\": \"inner\"}, \"outputMode\": \"append\"";
            return sc;
        };
        QVERIFY(analyze(scenario(20).load()).ok());
        const auto refused = analyze(scenario(40).load());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(refused.error().where), QString("query.join"));
        QVERIFY2(refused.error().message.find("more than 1000 filters") != std::string::npos, refused.error().message.c_str());
    }

    void foreignEncodingsAreNamed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        const std::string text = shipped("word-count-append.json");
        std::string be16 = "\xFE\xFF", le32 = "\xFF\xFE", be32;
        be32.append("\0\0\xFE\xFF", 4);
        le32.append("\0\0", 2);
        for (char c : text) {
            be16 += '\0';
            be16 += c;
            le32.append(1, c).append(3, '\0');
            be32.append(3, '\0').append(1, c);
        }
        const std::string le16 = utf16le(text, true), le16NoBom = utf16le(text, false);
        QTest::newRow("UTF-16 LE with BOM") << QByteArray(le16.data(), qsizetype(le16.size())) << "UTF-16 (little-endian)";
        QTest::newRow("UTF-16 LE without BOM") << QByteArray(le16NoBom.data(), qsizetype(le16NoBom.size())) << "UTF-16 (little-endian)";
        QTest::newRow("UTF-16 BE") << QByteArray(be16.data(), qsizetype(be16.size())) << "UTF-16 (big-endian)";
        QTest::newRow("UTF-32 LE") << QByteArray(le32.data(), qsizetype(le32.size())) << "UTF-32 (little-endian)";
        QTest::newRow("UTF-32 BE") << QByteArray(be32.data(), qsizetype(be32.size())) << "UTF-32 (big-endian)";
    }
    void foreignEncodingsAreNamed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        const Error e = loadError(bytes.toStdString());
        QCOMPARE(e.kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(e.message), "the file is " + encoding + "; save it as UTF-8");
        QCOMPARE(QString::fromStdString(e.where), QString("line 1, column 1"));
    }

    void utf8ByteOrderMarkIsAccepted()
    {
        auto loaded = loadScenarioText("\xEF\xBB\xBF" + shipped("word-count-append.json"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
    }

    void nulByteIsNamedWhereItIs()
    {
        std::string text = scenarioWith(R"({"at": 1, "row": {"k": "a"}})");
        const auto pos = text.find("\"a\"");
        text.insert(pos + 2, 1, '\0'); // inside the string "a": line 3
        const Error e = loadError(text);
        QCOMPARE(QString::fromStdString(e.where), QString("line 3, column %1").arg(pos - text.rfind('\n', pos) + 2));
        QVERIFY2(e.message.find("NUL byte") != std::string::npos, e.message.c_str());
    }

    void deepJsonIsRefusedBeforeParsing_data()
    {
        QTest::addColumn<int>("depth");
        QTest::newRow("just past the limit") << 512;
        QTest::newRow("a hundred thousand") << 100000;
    }
    void deepJsonIsRefusedBeforeParsing()
    {
        QFETCH(int, depth);
        // The root object is level 1, so `depth` more arrays make depth + 1 levels.
        const std::string text = "{\"tidemark\": 1, \"description\": " + repeat("[", depth) + repeat("]", depth) + "}";
        const Error e = loadError(text);
        QCOMPARE(e.kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(e.where), QString("line 1, column %1").arg(32 + 511));
        QVERIFY2(e.message.find("more than 512 levels") != std::string::npos, e.message.c_str());
        // 511 arrays inside the root are within the limit: the error is then about the value.
        const Error within = loadError("{\"tidemark\": 1, \"description\": " + repeat("[", 511) + repeat("]", 511) + "}");
        QCOMPARE(QString::fromStdString(within.where), QString("description"));
    }

    void duplicateKeysAreRefusedAtTheSecond_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::newRow("timeZone twice") << QString::fromStdString(scenarioWith("", R"("timeZone": "UTC", "timeZone": "Asia/Seoul",)"))
                                        << "timeZone";
        QTest::newRow("in an event's row")
            << QString::fromStdString(scenarioWith(R"({"at": 1, "row": {"k": "a"}}, {"at": 2, "row": {"k": "a", "n": 1, "k": "b"}})"))
            << "sources.in.events[1].row.k";
        QTest::newRow("spelled with an escape") << QString::fromStdString(scenarioWith("", R"("title": "a", "t\u0069tle": "b",)")) << "title";
        QTest::newRow("an odd key") << QString::fromStdString(scenarioWith("", R"("conf": {"a b": 1, "a b": 2},)")) << R"(conf["a b"])";
    }
    void duplicateKeysAreRefusedAtTheSecond()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        const Error e = loadError(text.toStdString());
        QCOMPARE(e.kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(e.where), where);
        QVERIFY2(e.message.find("appears twice") != std::string::npos, e.message.c_str());
    }

    void lessonFilesGetTheSameChecks()
    {
        auto dup = loadLessonText(R"({"tidemarkLesson": 1, "tidemarkLesson": 1})", [](const std::string&) -> Result<Scenario> {
            return Error::file("", "none");
        });
        QVERIFY(!dup.ok());
        QCOMPARE(QString::fromStdString(dup.error().where), QString("tidemarkLesson"));
        auto deep = loadLessonText("{\"title\": " + repeat("[", 20000) + "}", [](const std::string&) -> Result<Scenario> {
            return Error::file("", "none");
        });
        QVERIFY(!deep.ok());
        QVERIFY(deep.error().message.find("512") != std::string::npos);
    }

    void integersBeyondLongAreRefusedWithTheirCell_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("where");
        QTest::newRow("2^63 in a long column") << R"({"at": 1, "row": {"n": 9223372036854775808}})" << "sources.in.events[0].row.n";
        QTest::newRow("2^64 + 1 in a long column") << R"({"at": 1, "row": {"n": 18446744073709551617}})" << "sources.in.events[0].row.n";
        QTest::newRow("below -2^63 in a long column") << R"({"at": 1, "row": {"n": -9223372036854775809}})" << "sources.in.events[0].row.n";
        QTest::newRow("an arrival past year 294247") << R"({"at": 9223372036854775807, "row": {}})" << "sources.in.events[0].at";
        QTest::newRow("an event time past year 294247") << R"({"at": 1, "row": {"t": 9300000000000}})" << "sources.in.events[0].row.t";
        QTest::newRow("a fractional time past year 294247") << R"({"at": 1.5e13, "row": {}})" << "sources.in.events[0].at";
        QTest::newRow("a partition past 32 bits") << R"({"at": 1, "row": {}, "partition": 4294967296})" << "sources.in.events[0].partition";
        QTest::newRow("a negative offset") << R"({"at": 1, "row": {}, "offset": -2})" << "sources.in.events[0].offset";
    }
    void integersBeyondLongAreRefusedWithTheirCell()
    {
        QFETCH(QString, event);
        QFETCH(QString, where);
        const Error e = loadError(scenarioWith(event.toStdString()));
        QCOMPARE(e.kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(e.where), where);
    }

    void longExtremesStillLoad()
    {
        auto loaded = loadScenarioText(scenarioWith(R"({"at": 1, "row": {"n": 9223372036854775807}}, {"at": 2, "row": {"n": -9223372036854775808}})"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->sources[0].events[0].row[1].asInt(), INT64_MAX);
        QCOMPARE(loaded->sources[0].events[1].row[1].asInt(), INT64_MIN);
    }

    void formatVersionDoesNotWrap()
    {
        const Error e = loadError(R"({"tidemark": 4294967297})");
        QCOMPARE(QString::fromStdString(e.where), QString("tidemark"));
        QVERIFY(e.message.find("4294967297") != std::string::npos);
    }

    void onlyRealTimeZones_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("hint"); // part of the message, or empty for an accepted zone
        QTest::newRow("a folder") << "Asia" << "did you mean one in it, such as \"Asia/";
        QTest::newRow("a path out of the database") << "../../etc/passwd" << "unknown time zone '../../etc/passwd'";
        QTest::newRow("an absolute path") << "/etc/passwd" << "unknown time zone";
        QTest::newRow("a dot component") << "Asia/./Seoul" << "unknown time zone";
        QTest::newRow("a table of the database") << "zone.tab" << "unknown time zone";
        QTest::newRow("a typo") << "Asia/Seol" << "did you mean \"Asia/Seoul\"?";
        QTest::newRow("the wrong case") << "asia/seoul" << "did you mean \"Asia/Seoul\"?";
        QTest::newRow("a region") << "Asia/Seoul" << "";
        QTest::newRow("a link") << "ROK" << "";
        QTest::newRow("an offset") << "+09:00" << "";
    }
    void onlyRealTimeZones()
    {
        QFETCH(QString, zone);
        QFETCH(QString, hint);
        const Error e = loadError(scenarioWith("", "\"timeZone\": \"" + zone.toStdString() + "\","));
        if (hint.isEmpty()) {
            QVERIFY2(e.message.empty(), e.message.c_str());
            return;
        }
        QCOMPARE(e.kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(e.where), QString("timeZone"));
        QVERIFY2(QString::fromStdString(e.message).contains(hint), e.message.c_str());
    }

    void onlyRegularFilesAreOpened_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("a directory") << "directory";
        QTest::newRow("a FIFO") << "fifo";
        QTest::newRow("a device") << "device";
    }
    void onlyRegularFilesAreOpened()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        std::string path = dir.path().toStdString();
        if (kind == "fifo") {
            path += "/pipe.json";
            QCOMPARE(::mkfifo(path.c_str(), 0600), 0); // opening it for reading would block for ever
        } else if (kind == "device") {
            path = "/dev/null";
        }
        auto scenario = loadScenarioFile(path);
        QVERIFY(!scenario.ok());
        QCOMPARE(scenario.error().kind, ErrorKind::File);
        QVERIFY2(scenario.error().message.find("not a regular file") != std::string::npos, scenario.error().message.c_str());
        auto lesson = loadLessonFile(path, TIDEMARK_SCENARIOS);
        QVERIFY(!lesson.ok());
        QVERIFY2(lesson.error().message.find("not a regular file") != std::string::npos, lesson.error().message.c_str());
    }

    void sessionGapMustBeAPositiveInterval_data()
    {
        QTest::addColumn<QString>("gap");
        QTest::addColumn<QString>("hint");
        QTest::newRow("not an interval") << "5 minuts" << "is not an interval";
        QTest::newRow("negative") << "-5 minutes" << "is not positive";
        QTest::newRow("zero") << "0 seconds" << "is not positive";
        QTest::newRow("months") << "1 month" << "months or years";
        QTest::newRow("longer than simulated") << "40000000 days" << "longer than Tidemark simulates";
    }
    void sessionGapMustBeAPositiveInterval()
    {
        QFETCH(QString, gap);
        QFETCH(QString, hint);
        const Error e = analysisError(R"("withWatermark": {"column": "t", "delay": "1 minute"}, "groupBy": ["k", {"session_window": {"column": "t", "gap": ")"
                                      + gap.toStdString() + R"("}}], "outputMode": "append")");
        QCOMPARE(e.kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(e.where), QString("query.groupBy[1].session_window.gap"));
        QVERIFY2(QString::fromStdString(e.message).contains(hint), e.message.c_str());
    }

    void windowsOfTheFarFutureAreRight()
    {
        // Year 248,073 is a valid Spark timestamp; its 10-minute window is the one that holds it.
        const std::int64_t ts = 7765000000000; // seconds
        const std::int64_t start = ts - ts % 300; // the later of its two sliding windows
        TestScenario sc;
        sc.events = {"0: a " + std::to_string(ts)};
        sc.query = R"("groupBy": [{"window": {"column": "t", "duration": "10 minutes", "slide": "5 minutes"}}], "outputMode": "complete")";
        const auto lines = runAndDescribe(sc, OutputMode::Complete);
        const std::string all = joinLines(lines);
        QVERIFY2(all.find("[" + std::to_string(start - 300) + "," + std::to_string(start + 300) + ") 1") != std::string::npos, all.c_str());
        QVERIFY2(all.find("[" + std::to_string(start) + "," + std::to_string(start + 600) + ") 1") != std::string::npos, all.c_str());
    }

    void windowsPastTheEndOfTimeAreRefused_data()
    {
        QTest::addColumn<QString>("seconds");
        QTest::addColumn<QString>("group");
        const QString window = R"({"window": {"column": "t", "duration": "1 day"}})";
        const QString session = R"({"session_window": {"column": "t", "gap": "1 day"}})";
        QTest::newRow("a window after the last day") << "9223372036800" << window;
        QTest::newRow("a window before the first day") << "-9223372036800" << window;
        QTest::newRow("a session after the last day") << "9223372036800" << session;
    }
    void windowsPastTheEndOfTimeAreRefused()
    {
        QFETCH(QString, seconds);
        QFETCH(QString, group);
        TestScenario sc;
        sc.events = {"0: a 60", "1: b " + seconds.toStdString()};
        sc.query = R"("withWatermark": {"column": "t", "delay": "1 minute"}, "groupBy": ["k", )" + group.toStdString() + R"(], "outputMode": "append")";
        auto plan = analyze(sc.load());
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(plan.error().where), QString("sources.in.events[1].row.t"));
    }

    void arrivalsAtTheEndOfTimeEnd()
    {
        // The last arrival a file can hold; every tick after it saturates instead of wrapping.
        for (const char* trigger : {"", R"(, "trigger": {"processingTime": "1 minute"})"}) {
            TestScenario sc;
            sc.events = {"0: a 60", "9223372036854: b 120"};
            sc.query = std::string(R"("withWatermark": {"column": "t", "delay": "1 minute"}, "groupBy": [{"window": {"column": "t", "duration": "1 minute"}}], "outputMode": "append")") + trigger;
            const auto lines = runAndDescribe(sc, OutputMode::Append);
            QVERIFY2(!lines.empty() && lines.size() < 10, joinLines(lines).c_str());
        }
    }

    void windowStateIsEstimatedBeforeRunning()
    {
        // 2000 events with distinct keys, each in 1000 windows: two million groups of state.
        TestScenario sc;
        for (int i = 0; i < 2000; ++i)
            sc.events.push_back(std::to_string(i) + ": k" + std::to_string(i) + " " + std::to_string(1600000000 + i));
        sc.query = R"("groupBy": ["k", {"window": {"column": "t", "duration": "1000 minutes", "slide": "1 minute"}}], "outputMode": "update")";
        auto plan = analyze(sc.load());
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().kind, ErrorKind::File);
        QCOMPARE(QString::fromStdString(plan.error().where), QString("query.groupBy[1].window"));
        QCOMPARE(QString::fromStdString(plan.error().message),
                 QString("window(t, 16 hours 40 minutes, 1 minute) over 2000 events would create about 2000000 groups of state (each row falls "
                         "in 1000 windows; the events span 1034 windows and 2000 keys); Tidemark simulates at most 1000000 groups. "
                         "Make the slide at least 2 minutes, or use fewer events."));
        // The same events under three keys make 3 x 1034 groups: within the budget.
        for (int i = 0; i < 2000; ++i)
            sc.events[static_cast<size_t>(i)] = std::to_string(i) + ": k" + std::to_string(i % 3) + " " + std::to_string(1600000000 + i);
        auto few = analyze(sc.load());
        QVERIFY2(few.ok(), few.ok() ? "" : few.error().describe().c_str());
        const auto est = estimateWindowState(sc.load(), few->aggregate->window, "t", {"k"});
        QCOMPARE(est.distinctKeys.value_or(-1), 3);
        QCOMPARE(est.groups, 3 * 1034);
    }

    void timesAtTheEndsOfTheRangeAreShownRight()
    {
        // Seoul is 9 hours ahead: the local time of the last UTC instants lies past 64 bits.
        auto seoul = TimeZone::load("Asia/Seoul");
        QVERIFY(seoul.ok());
        QCOMPARE(QString::fromStdString(formatTimestamp(9223372036854000000, *seoul)), QString("+294247-01-10 13:00:54"));
        QCOMPARE(QString::fromStdString(formatTimestamp(INT64_MAX, TimeZone())), QString("+294247-01-10 04:00:54.775807"));
        QCOMPARE(QString::fromStdString(formatTimestamp(INT64_MIN, TimeZone())), QString("-290308-12-21 19:59:05.224192"));
    }

    void theClockStartsNearTheFirstInstant()
    {
        // Rounding the earliest arrival down to the trigger interval would pass the first
        // instant a time can hold; the clock starts at the next multiple instead.
        TestScenario sc;
        sc.events = {"-9223372036854: a 60", "0: b 120"};
        sc.query = R"("outputMode": "append", "trigger": {"processingTime": "1 minute"})";
        const Scenario scenario = sc.load();
        auto plan = analyze(scenario);
        QVERIFY(plan.ok());
        Simulation sim(scenario, *plan);
        QVERIFY(sim.startTime() < -9223372036854000000 + 60 * kMicrosPerSecond);
        QVERIFY(sim.startTime() >= -9223372036854000000);
        auto first = sim.next();
        QVERIFY(first);
        QCOMPARE(first->numInputRows, std::int64_t{1});
    }

    void expressionsUpToTheLimitStillWork()
    {
        // 249 nested parentheses and a chain of 990 additions are within the limits.
        auto parens = parseExpression(repeat("(", 249) + "1" + repeat(")", 249));
        QVERIFY(std::holds_alternative<AstPtr>(parens));
        const Error e = analysisError("\"selectExpr\": [\"k\", \"1" + repeat(" + 1", 990) + " AS n\"], \"outputMode\": \"append\"");
        QVERIFY2(e.message.empty(), e.message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestHostile)
#include "tst_hostile.moc"
