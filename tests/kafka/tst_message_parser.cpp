// SPDX-License-Identifier: GPL-3.0-or-later
// Message values read as Spark's from_json reads them, and the connection hints.
#include "live/ConnectionHint.h"
#include "live/MessageParser.h"
#include "live/PrintableText.h"
#include "live/ScenarioProducer.h"
#include "engine/scenario/ScenarioFile.h"
#include "engine/time/TimeFormat.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace tidemark;
using namespace tidemark::kafka;

class TestMessageParser : public QObject {
    Q_OBJECT

    Schema schema() const
    {
        Schema s;
        s.fields = {{"emp_id", DataType(TypeId::Int), {}, ""},
                    {"emp_name", DataType(TypeId::String), {}, ""},
                    {"timestamp", DataType(TypeId::Timestamp), {}, ""},
                    {"score", DataType(TypeId::Double), {}, ""},
                    {"ok", DataType(TypeId::Boolean), {}, ""}};
        return s;
    }
    TimeZone seoul() const { return TimeZone::load("Asia/Seoul").value(); }

private slots:
    void validMessage()
    {
        MessageParser p(schema(), seoul(), "timestamp");
        auto v = p.parse(R"({"emp_id":1,"emp_name":"OO전자","timestamp":1625238000,"time":"2021. 7. 3. 오전 12:00:00","extra":[1]})");
        QCOMPARE(v.kind, MalformedKind::None);
        QCOMPARE(v.row[0].asInt(), 1);
        QCOMPARE(v.row[1].asString(), std::string("OO전자"));
        QCOMPARE(v.row[2].asInt(), 1625238000LL * 1000000);
        QVERIFY(v.row[3].isNull()); // missing: null, not malformed
        QCOMPARE(v.timeStyle, TimeStyle::EpochSeconds);
    }

    void notJsonIsAllNull()
    {
        MessageParser p(schema(), seoul(), "timestamp");
        auto v = p.parse("hello, kafka");
        QCOMPARE(v.kind, MalformedKind::NotJson);
        for (const auto& cell : v.row)
            QVERIFY(cell.isNull());
        QVERIFY(QString::fromStdString(v.reason).contains("not JSON"));
        QVERIFY(QString::fromStdString(v.sparkBehaviour).contains("never enters a window"));
        QCOMPARE(p.parse("[1,2]").kind, MalformedKind::NotObject);
        QCOMPARE(p.parse("42").kind, MalformedKind::NotObject);
        QCOMPARE(p.parse("").kind, MalformedKind::NotJson);
    }

    void wrongTypeNullsOnlyThatField()
    {
        MessageParser p(schema(), seoul(), "timestamp");
        auto v = p.parse(R"({"emp_id":"7","emp_name":"x","timestamp":1625238000,"ok":"yes"})");
        QCOMPARE(v.kind, MalformedKind::WrongType);
        QVERIFY(v.row[0].isNull());
        QVERIFY(v.row[4].isNull());
        QCOMPARE(v.row[1].asString(), std::string("x"));
        QVERIFY(!v.row[2].isNull());
        QVERIFY(QString::fromStdString(v.reason).contains("`emp_id`"));
        QVERIFY(QString::fromStdString(v.reason).contains("`ok`"));
        // int overflow and fractions are not ints
        QVERIFY(p.parse(R"({"emp_id":3000000000,"timestamp":1})").row[0].isNull());
        QVERIFY(p.parse(R"({"emp_id":1.5,"timestamp":1})").row[0].isNull());
        // a string column takes any JSON value as its text (JacksonParser copies the structure)
        QCOMPARE(p.parse(R"({"emp_name":12,"timestamp":1})").row[1].asString(), std::string("12"));
        QCOMPARE(p.parse(R"({"emp_name":{"a":1},"timestamp":1})").row[1].asString(), std::string(R"({"a":1})"));
        // doubles take integers; booleans only true/false
        QCOMPARE(p.parse(R"({"score":3,"timestamp":1})").row[3].toDouble(), 3.0);
        QCOMPARE(p.parse(R"({"ok":true,"timestamp":1})").row[4].asBool(), true);
        // keys are matched exactly
        QVERIFY(p.parse(R"({"EMP_ID":1,"timestamp":1})").row[0].isNull());
    }

    void eventTime()
    {
        MessageParser p(schema(), seoul(), "timestamp");
        // a timestamp string is read in the session time zone (Asia/Seoul, +09:00)
        auto v = p.parse(R"({"emp_id":1,"timestamp":"2021-07-03 00:00:00"})");
        QCOMPARE(v.kind, MalformedKind::None);
        QCOMPARE(v.row[2].asInt(), 1625238000LL * 1000000); // 2021-07-03 00:00 KST
        QCOMPARE(v.timeStyle, TimeStyle::DateTime);
        QCOMPARE(p.parse(R"({"timestamp":"2021-07-02T15:00:00Z"})").row[2].asInt(), 1625238000LL * 1000000);
        QCOMPARE(p.parse(R"({"timestamp":"2021-07-03T00:00:00+09:00"})").row[2].asInt(), 1625238000LL * 1000000);
        QCOMPARE(p.parse(R"({"timestamp":"2021-07-03 00:00:00.250"})").row[2].asInt(), 1625238000LL * 1000000 + 250000);

        auto missing = p.parse(R"({"emp_id":5})");
        QCOMPARE(missing.kind, MalformedKind::NullEventTime);
        QVERIFY(QString::fromStdString(missing.reason).contains("missing"));
        auto null = p.parse(R"({"emp_id":5,"timestamp":null})");
        QCOMPARE(null.kind, MalformedKind::NullEventTime);
        QVERIFY(QString::fromStdString(null.reason).contains("null"));
        // the notebook's Korean time text is not a timestamp Spark can read
        auto korean = p.parse(R"({"emp_id":5,"timestamp":"2021. 7. 3. 오전 12:00:00"})");
        QCOMPARE(korean.kind, MalformedKind::NullEventTime);
        QVERIFY(korean.row[2].isNull());
        QCOMPARE(korean.row[0].asInt(), 5);
        // Spark's JSON reader takes whole epoch seconds only
        QCOMPARE(p.parse(R"({"timestamp":1625238000.5})").kind, MalformedKind::NullEventTime);
    }

    /// Numbers no column can hold are malformed messages with a null field, never wrapped values.
    void outOfRangeNumbers()
    {
        MessageParser p(schema(), seoul(), "timestamp");
        // epoch seconds whose microseconds overflow 64 bits (Spark would wrap them)
        auto micros = p.parse(R"({"emp_id":1,"timestamp":1625238000000000000})");
        QCOMPARE(micros.kind, MalformedKind::NullEventTime);
        QVERIFY(micros.row[2].isNull());
        QCOMPARE(micros.row[0].asInt(), 1);
        QVERIFY2(QString::fromStdString(micros.reason).contains("past the microsecond range"), micros.reason.c_str());
        QVERIFY2(QString::fromStdString(micros.sparkBehaviour).contains("without an overflow check"), micros.sparkBehaviour.c_str());
        QVERIFY2(!QString::fromStdString(micros.sparkBehaviour).contains("JSON type does not fit"), micros.sparkBehaviour.c_str());
        QVERIFY(QString::fromStdString(p.parse(R"({"emp_id":"x","timestamp":1625238000000000000})").sparkBehaviour).contains("JSON type does not fit"));
        QCOMPARE(p.parse(R"({"timestamp":-9300000000000})").kind, MalformedKind::NullEventTime);
        // the largest epoch seconds that fit are a time (Spark's range), and epoch millis read as seconds fit
        QCOMPARE(p.parse(R"({"timestamp":9223372036854})").row[2].asInt(), 9223372036854LL * 1000000);
        QCOMPARE(p.parse(R"({"timestamp":1625238000000})").kind, MalformedKind::None);
        // past int64: Jackson's getLongValue fails, the field is null
        for (const char* big : {R"({"timestamp":18446744073709551615})", R"({"timestamp":99999999999999999999999})"}) {
            auto v = p.parse(big);
            QCOMPARE(v.kind, MalformedKind::NullEventTime);
            QVERIFY(v.row[2].isNull());
            QVERIFY2(QString::fromStdString(v.reason).contains("out of the range of bigint"), v.reason.c_str());
        }

        Schema longs;
        longs.fields = {{"n", DataType(TypeId::Long), {}, ""}, {"i", DataType(TypeId::Int), {}, ""}};
        MessageParser q(longs, seoul(), "");
        QCOMPARE(q.parse(R"({"n":9223372036854775807})").row[0].asInt(), std::numeric_limits<std::int64_t>::max());
        QCOMPARE(q.parse(R"({"n":-9223372036854775808})").row[0].asInt(), std::numeric_limits<std::int64_t>::min());
        for (const char* big : {R"({"n":9223372036854775808,"i":1})", R"({"n":123456789012345678901234567890,"i":1})",
                                R"({"n":-9223372036854775809,"i":1})"}) {
            auto v = q.parse(big);
            QCOMPARE(v.kind, MalformedKind::WrongType);
            QVERIFY(v.row[0].isNull());
            QCOMPARE(v.row[1].asInt(), 1); // the other fields keep their values
            QVERIFY2(QString::fromStdString(v.reason).contains("out of the range of bigint"), v.reason.c_str());
        }
        QCOMPARE(q.parse(R"({"i":2147483647})").row[1].asInt(), 2147483647);
        QCOMPARE(q.parse(R"({"i":-2147483648})").row[1].asInt(), -2147483648LL);
        for (const char* big : {R"({"i":2147483648})", R"({"i":-2147483649})", R"({"i":99999999999999999999999})"}) {
            auto v = q.parse(big);
            QCOMPARE(v.kind, MalformedKind::WrongType);
            QVERIFY(v.row[1].isNull());
            QVERIFY2(QString::fromStdString(v.reason).contains("out of the range of int"), v.reason.c_str());
        }
    }

    /// A number past a double's range (1e400, 400 digits) is read per column as Spark's
    /// JacksonParser does, not as a message that is "not JSON": double takes it as Infinity,
    /// int/bigint/timestamp/boolean fields are null (the others keep their values), a string
    /// column keeps the text Jackson copies.
    void numbersPastDoubleRange()
    {
        const std::string digits400 = std::string(1, '9') + std::string(399, '0');
        MessageParser p(schema(), seoul(), "timestamp");
        auto inf = p.parse(R"({"emp_id":1,"timestamp":1625238000,"score":1e400})");
        QCOMPARE(inf.kind, MalformedKind::None);
        QVERIFY(std::isinf(inf.row[3].asDouble()) && inf.row[3].asDouble() > 0);
        QCOMPARE(inf.row[0].asInt(), 1);
        auto negInf = p.parse("{\"score\":-" + digits400 + ",\"timestamp\":1625238000}");
        QCOMPARE(negInf.kind, MalformedKind::None);
        QVERIFY(std::isinf(negInf.row[3].asDouble()) && negInf.row[3].asDouble() < 0);

        auto intField = p.parse(R"({"emp_id":1e400,"emp_name":"OO","timestamp":1625238000})");
        QCOMPARE(intField.kind, MalformedKind::WrongType);
        QVERIFY(intField.row[0].isNull());
        QCOMPARE(intField.row[1].asString(), std::string("OO"));
        QCOMPARE(intField.row[2].asInt(), 1625238000LL * 1000000);
        QVERIFY2(QString::fromStdString(intField.reason).contains("`emp_id` is 1e400, a fractional number, not an int"), intField.reason.c_str());
        auto bigInt = p.parse("{\"emp_id\":" + digits400 + ",\"timestamp\":1625238000}");
        QCOMPARE(bigInt.kind, MalformedKind::WrongType);
        QVERIFY2(QString::fromStdString(bigInt.reason).contains("out of the range of int"), bigInt.reason.c_str());

        auto time = p.parse(R"({"emp_id":1,"timestamp":-1E+400})");
        QCOMPARE(time.kind, MalformedKind::NullEventTime);
        QVERIFY(time.row[2].isNull());
        QCOMPARE(time.row[0].asInt(), 1);
        auto timeInt = p.parse("{\"timestamp\":" + digits400 + "}");
        QCOMPARE(timeInt.kind, MalformedKind::NullEventTime);
        QVERIFY2(QString::fromStdString(timeInt.reason).contains("out of the range of bigint, so not epoch seconds"), timeInt.reason.c_str());

        auto flag = p.parse(R"({"ok":1e999,"timestamp":1625238000})");
        QCOMPARE(flag.kind, MalformedKind::WrongType);
        QVERIFY(flag.row[4].isNull());

        // a string column keeps Jackson's copy: an integer digit for digit, Infinity quoted
        auto text = p.parse("{\"emp_name\":" + digits400 + ",\"timestamp\":1625238000}");
        QCOMPARE(text.kind, MalformedKind::None);
        QCOMPARE(text.row[1].asString(), digits400);
        QCOMPARE(p.parse(R"({"emp_name":1e400,"timestamp":1625238000})").row[1].asString(), std::string("\"Infinity\""));
        QCOMPARE(p.parse(R"({"emp_name":[-1e400, 2, "1e400"],"timestamp":1625238000})").row[1].asString(),
                 std::string(R"(["-Infinity",2,"1e400"])"));

        // an ignored key with such a number does not matter; broken JSON stays broken
        QCOMPARE(p.parse(R"({"other":1e400,"timestamp":1625238000})").kind, MalformedKind::None);
        QCOMPARE(p.parse(R"({"score":1e400,)").kind, MalformedKind::NotJson);
        QCOMPARE(p.parse(R"({"score":01e400,"timestamp":1625238000})").kind, MalformedKind::NotJson);
        QCOMPARE(p.parse(R"({"score":1.e400,"timestamp":1625238000})").kind, MalformedKind::NotJson);
        auto bare = p.parse("1e400");
        QCOMPARE(bare.kind, MalformedKind::NotObject);
        QVERIFY2(QString::fromStdString(bare.reason).contains("a number instead of an object"), bare.reason.c_str());
    }

    /// Message text reaches terminals escaped and cut.
    void printableText()
    {
        using tidemark::kafka::printableText;
        QCOMPARE(printableText("\x1b[2J\x1b[31mred"), std::string("\\e[2J\\e[31mred"));
        QCOMPARE(printableText("\\x1b[2J \\e"), std::string("\\x1b[2J \\e")); // already-escaped text passes
        QCOMPARE(printableText("\x1b[2J\x1b[31mred\x07"), printableText(printableText("\x1b[2J\x1b[31mred\x07")));
        QCOMPARE(printableText("\x1b]0;title\x07"), std::string("\\e]0;title\\x07"));
        QCOMPARE(printableText("a\nb\rc\td\x7f\x01"), std::string("a\\nb\\rc\\td\\x7F\\x01"));
        // invalid UTF-8 byte by byte; C1 controls and bidi overrides by code point; Korean kept
        QCOMPARE(printableText("\xff\xc3(\xed\xa0\x80"), std::string("\\xFF\\xC3(\\xED\\xA0\\x80"));
        QCOMPARE(printableText("\xc2\x9b" "31m \xe2\x80\xae"), std::string("\\u{009B}31m \\u{202E}"));
        QCOMPARE(printableText("OO전자 {\"a\":\"\\\"\"}"), std::string("OO전자 {\"a\":\"\\\"\"}"));
        // the cap counts characters and never splits one
        QCOMPARE(printableText("가나다라마", 3), std::string("가나다…"));
        QCOMPARE(printableText("abc", 3), std::string("abc"));
        QCOMPARE(printableText(std::string(5000, 'x')).size(), std::size_t(120) + std::string("…").size());
        // what the parser quotes from a message is escaped too
        MessageParser p(schema(), seoul(), "timestamp");
        const auto bad = p.parse("\x1b[2J\x1b[31mnot json");
        QCOMPARE(bad.kind, MalformedKind::NotJson);
        QVERIFY2(bad.reason.find('\x1b') == std::string::npos, bad.reason.c_str());
        QVERIFY2(QString::fromStdString(bad.reason).contains("\\e[2J\\e[31mnot json"), bad.reason.c_str());
        const auto time = p.parse("{\"timestamp\":\"\x1b[5m2021\"}");
        QVERIFY2(time.reason.find('\x1b') == std::string::npos, time.reason.c_str());
    }

    void eventTimeColumnOfScenario()
    {
        auto sc = loadScenarioFile(TIDEMARK_SCENARIOS "/kafka-stream-with-watermark.json");
        QVERIFY(sc.ok());
        QCOMPARE(MessageParser::eventTimeColumnOf(*sc, sc->sources[0]), std::string("timestamp"));
    }

    void producerValueRoundTrips()
    {
        auto sc = loadScenarioFile(TIDEMARK_SCENARIOS "/kafka-stream-with-watermark.json");
        QVERIFY(sc.ok());
        const SourceSpec& src = sc->sources[0];
        MessageParser p(src.schema, sc->zone, "timestamp");
        for (const auto& e : src.events) {
            const std::string value = rowToJsonValue(e.row, src.schema, e.rowTimeStyle, sc->zone);
            auto v = p.parse(value);
            QCOMPARE(v.kind, MalformedKind::None);
            QVERIFY(v.row == e.row);
        }
        // watermarks.py's first message, byte for byte
        QCOMPARE(rowToJsonValue(src.events[0].row, src.schema, src.events[0].rowTimeStyle, sc->zone),
                 std::string(R"({"emp_id":1,"emp_name":"OO전자","timestamp":1625238000,"time":"2021. 7. 3. 오전 12:00:00"})"));
        // a fractional time goes out as a string Spark reads back
        Row r = src.events[0].row;
        r[2] = Value(std::int64_t{1625238000500000});
        QCOMPARE(p.parse(rowToJsonValue(r, src.schema, TimeStyle::EpochSeconds, sc->zone)).row[2].asInt(), 1625238000500000LL);
    }

    void hints()
    {
        const auto inside = QString::fromStdString(connectionHint("kafka:9093", "Failed to resolve 'kafka:9093'"));
        QVERIFY(inside.contains("inside the docker network"));
        QVERIFY(inside.contains("localhost:9092"));
        const auto advertised = QString::fromStdString(connectionHint("localhost:9092", "kafka:9093/1001: Failed to resolve 'kafka:9093'"));
        QVERIFY(advertised.contains("advertised"));
        const auto refused = QString::fromStdString(connectionHint("localhost:9092", "Connect to ipv4#127.0.0.1:9092 failed: Connection refused"));
        QVERIFY(refused.contains("is the broker running"));
        QVERIFY(refused.contains("kafka:9093"));
        QVERIFY(refused.contains("tidemark broker"));
        QVERIFY(QString::fromStdString(connectionHint("localhost:9093", "refused")).contains("not published"));
    }
};

QTEST_GUILESS_MAIN(TestMessageParser)
#include "tst_message_parser.moc"
