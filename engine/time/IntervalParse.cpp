// SPDX-License-Identifier: GPL-3.0-or-later
// Spark's two readers of interval strings: IntervalUtils.stringToInterval (value/unit pairs),
// and, from 3.2, IntervalUtils.fromIntervalString, which hands a string that starts with
// "interval" to the SQL parser (AstBuilder.visitInterval and its typed literal INTERVAL '...').
#include "engine/time/Interval.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace tidemark {
namespace {

/// Character.isWhitespace on one byte (a byte past 0x7F widens to a negative int: never whitespace).
bool isJavaWhitespace(unsigned char b) { return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F); }
/// The regex class \s of String.split("\\s+").
bool isRegexSpace(unsigned char b) { return b == ' ' || (b >= 0x09 && b <= 0x0D); }
bool isDigit(unsigned char b) { return b >= '0' && b <= '9'; }

/// String.split("\\s+"): a leading separator gives an empty first word, trailing empty words are
/// dropped, and a string without a separator is its own only word.
std::vector<std::string_view> javaSplit(std::string_view s)
{
    std::vector<std::string_view> out;
    bool matched = false;
    size_t start = 0;
    for (size_t i = 0; i < s.size();) {
        if (!isRegexSpace(static_cast<unsigned char>(s[i]))) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < s.size() && isRegexSpace(static_cast<unsigned char>(s[j])))
            ++j;
        out.push_back(s.substr(start, i - start));
        matched = true;
        start = i = j;
    }
    if (!matched)
        return {s};
    out.push_back(s.substr(start));
    while (!out.empty() && out.back().empty())
        out.pop_back();
    return out;
}

std::string lowerAscii(std::string_view text)
{
    std::string s(text);
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// A stringToInterval failure: the reason's error class (INVALID_INTERVAL_FORMAT.<it>) and its
/// wording in Spark 3 ("invalid unit 'foo'") and Spark 4 ("Invalid unit foo.").
struct Failure {
    std::string errorClass;
    std::string spark3;
    std::string spark4;
};

Failure arithmetic(const char* javaMessage) { return {"ARITHMETIC_EXCEPTION", javaMessage, {}}; }

/// A port of IntervalUtils.stringToInterval (3.0 onwards), state by state, so that what it
/// accepts and each of its messages is Spark's.
class UnitListReader {
public:
    explicit UnitListReader(std::string_view input) : m_input(input) {}

    std::optional<Failure> read(Interval& out)
    {
        // input.trimAll().toLowerCase
        size_t b = 0;
        size_t e = m_input.size();
        while (b < e && isJavaWhitespace(static_cast<unsigned char>(m_input[b])))
            ++b;
        while (e > b && isJavaWhitespace(static_cast<unsigned char>(m_input[e - 1])))
            --e;
        m_s = lowerAscii(m_input.substr(b, e - b));
        if (m_s.empty())
            return Failure{"INPUT_IS_EMPTY", "interval string cannot be empty", "Interval string cannot be empty."};
        while (m_i < m_s.size()) {
            if (auto f = step(static_cast<unsigned char>(m_s[m_i])))
                return f;
        }
        switch (m_state) {
        case State::UnitSuffix:
        case State::UnitEnd:
        case State::TrimBeforeSign:
            out.months = m_months;
            out.days = m_days;
            out.micros = m_micros;
            return std::nullopt;
        case State::TrimBeforeValue:
            return Failure{"MISSING_NUMBER", "expect a number after '" + word() + "' but hit EOL", "Expect a number after " + word() + " but hit EOL."};
        case State::Value:
        case State::ValueFraction:
            return Failure{"MISSING_UNIT", "expect a unit name after '" + word() + "' but hit EOL", "Expect a unit name after " + word() + " but hit EOL."};
        default:
            return Failure{"UNKNOWN_PARSING_ERROR", "unknown error when parsing '" + word() + "'", "Unknown error when parsing " + word() + "."};
        }
    }

private:
    enum class State { Prefix, TrimBeforeSign, Sign, TrimBeforeValue, Value, ValueFraction, TrimBeforeUnit, UnitBegin, UnitSuffix, UnitEnd };
    static constexpr int kInitialFractionScale = 100000000; // NANOS_PER_SECOND / 10

    /// stringToInterval's currentWord: the whitespace-separated word at the read position.
    std::string word() const
    {
        const auto words = javaSplit(m_s);
        const size_t right = javaSplit(std::string_view(m_s).substr(m_i)).size();
        if (right == 0 || right > words.size())
            return {};
        return std::string(words[words.size() - right]);
    }

    Failure invalidUnit() const { return {"INVALID_UNIT", "invalid unit '" + word() + "'", "Invalid unit " + word() + "."}; }
    Failure invalidValue() const { return {"INVALID_VALUE", "invalid value '" + word() + "'", "Invalid value " + word() + "."}; }
    bool at(std::string_view unit) const { return m_s.compare(m_i, unit.size(), unit) == 0; }

    std::optional<Failure> step(unsigned char c)
    {
        switch (m_state) {
        case State::Prefix:
            if (m_s.starts_with("interval")) {
                if (m_s.size() == 8)
                    return Failure{"INPUT_IS_EMPTY", "interval string cannot be empty", "Interval string cannot be empty."};
                if (!isJavaWhitespace(static_cast<unsigned char>(m_s[8])))
                    return Failure{"INVALID_PREFIX", "invalid interval prefix " + word(), "Invalid interval prefix " + word() + "."};
                m_i += 9;
            }
            m_state = State::TrimBeforeSign;
            return std::nullopt;
        case State::TrimBeforeSign:
            trimTo(c, State::Sign);
            return std::nullopt;
        case State::Sign:
            m_value = 0;
            m_fraction = 0;
            m_state = State::TrimBeforeValue;
            m_fractionScale = -1; // no fraction seen: checked at the unit
            m_pointPrefixed = false;
            if (c == '-' || c == '+') {
                m_negative = c == '-';
                ++m_i;
            } else if (isDigit(c)) {
                m_negative = false;
            } else if (c == '.') { // ".5 seconds"
                m_negative = false;
                m_fractionScale = kInitialFractionScale;
                m_pointPrefixed = true;
                ++m_i;
                m_state = State::ValueFraction;
            } else {
                return Failure{"UNRECOGNIZED_NUMBER", "unrecognized number '" + word() + "'", "Unrecognized number " + word() + "."};
            }
            return std::nullopt;
        case State::TrimBeforeValue:
            trimTo(c, State::Value);
            return std::nullopt;
        case State::Value:
            if (isDigit(c)) {
                const auto times10 = checkedMul(10, m_value);
                const auto next = times10 ? checkedAdd(*times10, c - '0') : std::nullopt;
                if (!next)
                    return arithmetic("long overflow");
                m_value = *next;
            } else if (isJavaWhitespace(c)) {
                m_state = State::TrimBeforeUnit;
            } else if (c == '.') {
                m_fractionScale = kInitialFractionScale;
                m_state = State::ValueFraction;
            } else {
                return invalidValue();
            }
            ++m_i;
            return std::nullopt;
        case State::ValueFraction:
            if (isDigit(c) && m_fractionScale > 0) {
                m_fraction += (c - '0') * m_fractionScale;
                m_fractionScale /= 10;
            } else if (isJavaWhitespace(c) && (!m_pointPrefixed || m_fractionScale < kInitialFractionScale)) {
                m_fraction /= 1000; // nanoseconds to microseconds, truncated
                m_state = State::TrimBeforeUnit;
            } else if (isDigit(c)) {
                return Failure{"INVALID_PRECISION", "interval can only support nanosecond precision, '" + word() + "' is out of range",
                               "Interval can only support nanosecond precision, " + word() + " is out of range."};
            } else {
                return invalidValue();
            }
            ++m_i;
            return std::nullopt;
        case State::TrimBeforeUnit:
            trimTo(c, State::UnitBegin);
            return std::nullopt;
        case State::UnitBegin:
            return unit(c);
        case State::UnitSuffix:
            if (c == 's')
                m_state = State::UnitEnd;
            else if (isJavaWhitespace(c))
                m_state = State::TrimBeforeSign;
            else
                return invalidUnit();
            ++m_i;
            return std::nullopt;
        case State::UnitEnd:
            if (!isJavaWhitespace(c))
                return invalidUnit();
            ++m_i;
            m_state = State::TrimBeforeSign;
            return std::nullopt;
        }
        return std::nullopt;
    }

    void trimTo(unsigned char c, State next)
    {
        if (isJavaWhitespace(c))
            ++m_i;
        else
            m_state = next;
    }

    /// The UNIT_BEGIN state: only seconds take a fraction; each unit adds with Math.*Exact,
    /// whose messages ("long overflow", "integer overflow") Spark passes on.
    std::optional<Failure> unit(unsigned char c)
    {
        if (c != 's' && m_fractionScale >= 0)
            return Failure{"INVALID_FRACTION", "'" + word() + "' cannot have fractional part", word() + " cannot have fractional part."};
        if (m_negative) {
            m_value = -m_value;
            m_fraction = -m_fraction;
        }
        // months/days += value * factor through a long, then Math.toIntExact (years, weeks).
        auto addScaledToInt = [&](std::int32_t& field, std::int64_t factor) -> std::optional<Failure> {
            const auto scaled = checkedMul(factor, m_value);
            const auto sum = scaled ? checkedAdd(field, *scaled) : std::nullopt;
            if (!sum)
                return arithmetic("long overflow");
            const auto narrowed = checkedInt32(*sum);
            if (!narrowed)
                return arithmetic("integer overflow");
            field = *narrowed;
            return std::nullopt;
        };
        // Math.addExact(field, Math.toIntExact(value)) on ints (days, months).
        auto addToInt = [&](std::int32_t& field) -> std::optional<Failure> {
            const auto v = checkedInt32(m_value);
            const auto sum = v ? checkedInt32(static_cast<std::int64_t>(field) + *v) : std::nullopt;
            if (!sum)
                return arithmetic("integer overflow");
            field = *sum;
            return std::nullopt;
        };
        auto addMicros = [&](std::int64_t factor, std::int64_t extra) -> std::optional<Failure> {
            const auto scaled = checkedMul(m_value, factor);
            const auto sum = scaled ? checkedAdd(m_micros, *scaled) : std::nullopt;
            const auto total = sum ? checkedAdd(*sum, extra) : std::nullopt;
            if (!total)
                return arithmetic("long overflow");
            m_micros = *total;
            return std::nullopt;
        };
        std::optional<Failure> f;
        std::string_view matched;
        if (c == 'y' && at("year")) {
            f = addScaledToInt(m_months, 12);
            matched = "year";
        } else if (c == 'w' && at("week")) {
            f = addScaledToInt(m_days, 7);
            matched = "week";
        } else if (c == 'd' && at("day")) {
            f = addToInt(m_days);
            matched = "day";
        } else if (c == 'h' && at("hour")) {
            f = addMicros(kMicrosPerHour, 0);
            matched = "hour";
        } else if (c == 's' && at("second")) {
            f = addMicros(kMicrosPerSecond, m_fraction);
            matched = "second";
        } else if (c == 'm' && at("month")) {
            f = addToInt(m_months);
            matched = "month";
        } else if (c == 'm' && at("minute")) {
            f = addMicros(kMicrosPerMinute, 0);
            matched = "minute";
        } else if (c == 'm' && at("millisecond")) {
            f = addMicros(kMicrosPerMilli, 0);
            matched = "millisecond";
        } else if (c == 'm' && at("microsecond")) {
            f = addMicros(1, 0);
            matched = "microsecond";
        } else {
            return invalidUnit();
        }
        if (f)
            return f;
        m_i += matched.size();
        m_state = State::UnitSuffix;
        return std::nullopt;
    }

    std::string_view m_input;
    std::string m_s;
    size_t m_i = 0;
    State m_state = State::Prefix;
    std::int64_t m_value = 0;
    bool m_negative = false;
    std::int32_t m_months = 0;
    std::int32_t m_days = 0;
    Micros m_micros = 0;
    int m_fractionScale = 0;
    int m_fraction = 0;
    bool m_pointPrefixed = false;
};

Error unitListError(std::string_view text, const Failure& f, IntervalMessages messages)
{
    if (messages == IntervalMessages::ErrorClasses) {
        // Spark 4: SparkIllegalArgumentException with INVALID_INTERVAL_FORMAT.<reason>.
        const std::string reason = f.errorClass == "ARITHMETIC_EXCEPTION" ? "Uncaught arithmetic exception while parsing '" + std::string(text) + "'." : f.spark4;
        return Error::query("[INVALID_INTERVAL_FORMAT." + f.errorClass + "] Error parsing '" + std::string(text)
                                + "' to interval. Please ensure that the value provided is in a valid format for defining an interval. "
                                  "You can reference the documentation for the correct format. "
                                + reason + " SQLSTATE: 22006",
                            {}, "IllegalArgumentException");
    }
    return Error::query("Error parsing '" + std::string(text) + "' to interval, " + f.spark3, {}, "IllegalArgumentException");
}

/// One token of a SQL interval literal.
struct Token {
    enum class Kind { Word, Number, String, Plus, Minus, End } kind = Kind::End;
    std::string text;
};

/// Splits a SQL interval literal into words, numbers, quoted strings and signs; nullopt for
/// anything else the SQL lexer would give the interval rule (it then fails to parse).
std::optional<std::vector<Token>> sqlTokens(std::string_view s)
{
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (isRegexSpace(c)) {
            ++i;
        } else if (c == '+' || c == '-') {
            out.push_back({c == '+' ? Token::Kind::Plus : Token::Kind::Minus, std::string(1, static_cast<char>(c))});
            ++i;
        } else if (c == '\'' || c == '"') {
            std::string value;
            size_t j = i + 1;
            while (j < s.size() && s[j] != static_cast<char>(c)) {
                if (s[j] == '\\' && j + 1 < s.size())
                    ++j; // a backslash escapes the next character
                value += s[j++];
            }
            if (j >= s.size())
                return std::nullopt; // unterminated string
            out.push_back({Token::Kind::String, value});
            i = j + 1;
        } else if (std::isalnum(c) || c == '_' || c == '.') {
            size_t j = i;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_' || s[j] == '.'))
                ++j;
            const std::string w(s.substr(i, j - i));
            const bool number = w.find_first_not_of("0123456789.") == std::string::npos && w.find_first_of("0123456789") != std::string::npos
                                && w.find('.') == w.rfind('.');
            const bool word = (std::isalpha(c) || c == '_') && w.find('.') == std::string::npos;
            if (!number && !word)
                return std::nullopt;
            out.push_back({number ? Token::Kind::Number : Token::Kind::Word, w});
            i = j;
        } else {
            return std::nullopt;
        }
    }
    out.push_back({Token::Kind::End, {}});
    return out;
}

/// A literal that does not parse; fromIntervalString wraps every such cause.
Error literalError(std::string_view text, const std::string& why)
{
    return Error::query("Error parsing '" + std::string(text) + "' to interval, " + why, {}, "ParseException");
}

/// The kind of an ANSI interval literal, from its units (AstBuilder.constructMultiUnitsIntervalLiteral):
/// year and month make a YEAR-MONTH interval, the rest (week as days, milli/microseconds as
/// seconds) a DAY-TIME one; mixing them is refused without spark.sql.legacy.interval.enabled.
Result<Interval> ansiLiteral(std::string_view text, const Interval& parsed, const std::vector<std::string>& units)
{
    bool yearMonth = false;
    bool dayTime = false;
    for (const auto& u : units)
        (u == "year" || u == "month" ? yearMonth : dayTime) = true;
    if (yearMonth && dayTime)
        return literalError(text, "Cannot mix year-month and day-time fields: " + std::string(text));
    Interval out;
    out.text = std::string(text);
    if (yearMonth) {
        out.months = parsed.months;
        return out;
    }
    const auto micros = parsed.exactDurationMicros(); // IntervalUtils.getDuration
    if (!micros)
        return literalError(text, "long overflow");
    out.micros = *micros;
    return out;
}

/// `INTERVAL 'y-m' YEAR TO MONTH` (IntervalUtils.fromYearMonthString).
Result<Interval> yearToMonth(std::string_view text, std::string_view value)
{
    size_t i = 0;
    bool negative = false;
    if (i < value.size() && (value[i] == '+' || value[i] == '-'))
        negative = value[i++] == '-';
    const size_t dash = value.find('-', i);
    const std::string_view years = value.substr(i, dash == std::string_view::npos ? std::string_view::npos : dash - i);
    const std::string_view months = dash == std::string_view::npos ? std::string_view() : value.substr(dash + 1);
    auto digits = [](std::string_view d) { return !d.empty() && d.size() <= 18 && d.find_first_not_of("0123456789") == std::string_view::npos; };
    if (!digits(years) || !digits(months))
        return literalError(text, "Interval string does not match year-month format of 'y-m': " + std::string(value));
    const std::int64_t y = std::stoll(std::string(years));
    const std::int64_t m = std::stoll(std::string(months));
    if (y > INT32_MAX)
        return literalError(text, "year " + std::to_string(y) + " outside range [0, 2147483647]");
    if (m > 11)
        return literalError(text, "month " + std::to_string(m) + " outside range [0, 11]");
    const auto total = checkedInt32(y * 12 + m);
    if (!total)
        return literalError(text, "integer overflow");
    Interval out;
    out.text = std::string(text);
    out.months = negative ? -*total : *total;
    return out;
}

/// `INTERVAL '...' <from> TO <to>` for the day-time fields (IntervalUtils.castDayTimeStringToInterval):
/// the leading field may be large, the following ones are hours 0-23, minutes and seconds 0-59,
/// seconds with up to nine fraction digits.
Result<Interval> dayToSecond(std::string_view text, std::string_view value, const std::string& from, const std::string& to)
{
    static const std::vector<std::string> kFields = {"day", "hour", "minute", "second"};
    const auto index = [&](const std::string& f) { return static_cast<int>(std::find(kFields.begin(), kFields.end(), f) - kFields.begin()); };
    const int first = index(from);
    const int last = index(to);
    const auto mismatch = [&] {
        return literalError(text, "Interval string does not match day-time format of '" + from + " to " + to + "': " + std::string(value));
    };
    size_t i = 0;
    bool negative = false;
    if (i < value.size() && (value[i] == '+' || value[i] == '-'))
        negative = value[i++] == '-';
    static constexpr std::int64_t kMax[] = {106751991LL, 2562047788LL, 153722867280LL, 9223372036854LL};
    static constexpr Micros kUnit[] = {kMicrosPerDay, kMicrosPerHour, kMicrosPerMinute, kMicrosPerSecond};
    static constexpr std::int64_t kRange[] = {0, 23, 59, 59};
    Micros total = 0;
    const auto add = [&](std::int64_t v, Micros unit) {
        const auto scaled = checkedMul(v, unit);
        const auto sum = scaled ? checkedAdd(total, *scaled) : std::nullopt;
        if (sum)
            total = *sum;
        return sum.has_value();
    };
    for (int f = first; f <= last; ++f) {
        if (f > first) {
            const char sep = f == 1 ? ' ' : ':'; // "d h:m:s"
            if (i >= value.size() || value[i] != sep)
                return mismatch();
            ++i;
        }
        size_t j = i;
        while (j < value.size() && isDigit(static_cast<unsigned char>(value[j])))
            ++j;
        const size_t n = j - i;
        if (n == 0 || (f > first && n > 2) || n > 18)
            return mismatch();
        const std::int64_t v = std::stoll(std::string(value.substr(i, n)));
        const std::int64_t max = f == first ? kMax[f] : kRange[f];
        if (v > max)
            return literalError(text, kFields[static_cast<size_t>(f)] + " " + std::to_string(v) + " outside range [0, " + std::to_string(max) + "]");
        if (!add(v, kUnit[f]))
            return literalError(text, "long overflow");
        i = j;
    }
    if (last == 3 && i < value.size() && value[i] == '.') {
        size_t j = i + 1;
        while (j < value.size() && isDigit(static_cast<unsigned char>(value[j])))
            ++j;
        const size_t n = j - i - 1;
        if (n == 0 || n > 9)
            return mismatch();
        std::string nanos(value.substr(i + 1, n));
        nanos.resize(9, '0');
        if (!add(std::stoll(nanos) / 1000, 1))
            return literalError(text, "long overflow");
        i = j;
    }
    if (i != value.size())
        return mismatch();
    Interval out;
    out.text = std::string(text);
    out.micros = negative ? -total : total;
    return out;
}

/// Spark's string literal with a sign in front: '-' flips the sign written inside.
std::string signedString(const std::string& value, bool minus)
{
    if (!minus)
        return value;
    return value.starts_with("-") ? value.substr(1) : "-" + value;
}

/// A string that starts with "interval", read as the SQL parser reads an interval literal.
Result<Interval> sqlIntervalLiteral(std::string_view text)
{
    const auto tokens = sqlTokens(text);
    if (!tokens || (*tokens)[0].kind != Token::Kind::Word || lowerAscii((*tokens)[0].text) != "interval")
        return literalError(text, "not an interval literal");
    const std::vector<Token>& t = *tokens;
    size_t i = 1;
    // INTERVAL '<unit list>': the typed literal, read by stringToInterval.
    if (t[i].kind == Token::Kind::String && t[i + 1].kind == Token::Kind::End) {
        Interval parsed;
        if (auto f = UnitListReader(t[i].text).read(parsed))
            return literalError(text, f->spark3);
        std::vector<std::string> units;
        for (auto w : javaSplit(t[i].text)) {
            std::string u = lowerAscii(w);
            if (u.ends_with("s"))
                u.pop_back();
            if (u != "interval" && !u.empty() && u.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos)
                units.push_back(u);
        }
        return ansiLiteral(text, parsed, units);
    }
    std::string unitList;
    std::vector<std::string> units;
    while (t[i].kind != Token::Kind::End) {
        bool minus = false;
        std::string sign;
        if (t[i].kind == Token::Kind::Plus || t[i].kind == Token::Kind::Minus) {
            minus = t[i].kind == Token::Kind::Minus;
            sign = t[i].text;
            ++i;
        }
        const Token& value = t[i];
        if (value.kind != Token::Kind::Number && value.kind != Token::Kind::String)
            return literalError(text, "expected an interval value");
        if (t[i + 1].kind != Token::Kind::Word)
            return literalError(text, "expected an interval unit");
        const std::string from = lowerAscii(t[i + 1].text);
        i += 2;
        if (t[i].kind == Token::Kind::Word && lowerAscii(t[i].text) == "to") {
            // <value> <from> TO <to>: alone in the literal (AstBuilder.parseIntervalLiteral).
            if (!units.empty() || t[i + 1].kind != Token::Kind::Word || t[i + 2].kind != Token::Kind::End)
                return literalError(text, "Can only have a single from-to unit in the interval literal syntax");
            if (value.kind != Token::Kind::String)
                return literalError(text, "The value of from-to unit must be a string");
            const std::string to = lowerAscii(t[i + 1].text);
            std::string v = signedString(value.text, minus);
            while (!v.empty() && isRegexSpace(static_cast<unsigned char>(v.back())))
                v.pop_back();
            while (!v.empty() && isRegexSpace(static_cast<unsigned char>(v.front())))
                v.erase(v.begin());
            if (from == "year" && to == "month")
                return yearToMonth(text, v);
            const bool dayTime = (from == "day" && (to == "hour" || to == "minute" || to == "second")) || (from == "hour" && (to == "minute" || to == "second"))
                                 || (from == "minute" && to == "second");
            if (!dayTime)
                return literalError(text, "Intervals FROM " + from + " TO " + to + " are not supported.");
            return dayToSecond(text, v, from, to);
        }
        // SPARK-32840: a quoted value may not hide a unit ('1 day 2' hour).
        std::string v = value.text;
        if (value.kind == Token::Kind::String) {
            for (char c : v)
                if (std::isalpha(static_cast<unsigned char>(c)))
                    return literalError(text, "Cannot parse the INTERVAL value: " + v);
            v = signedString(v, minus);
        } else {
            v = sign + v;
        }
        unitList += " " + v + " " + from;
        units.push_back(from.ends_with("s") ? from.substr(0, from.size() - 1) : from);
    }
    if (units.empty())
        return literalError(text, "at least one time unit should be given for interval literal");
    Interval parsed;
    if (auto f = UnitListReader(unitList).read(parsed))
        return literalError(text, f->spark3);
    return ansiLiteral(text, parsed, units);
}

} // namespace

Result<Interval> parseInterval(std::string_view text, IntervalReader reader, IntervalMessages messages)
{
    if (reader == IntervalReader::AnyLiteral) {
        // fromIntervalString: input.toLowerCase.trim.startsWith("interval") (String.trim drops <= ' ').
        size_t b = 0;
        while (b < text.size() && static_cast<unsigned char>(text[b]) <= ' ')
            ++b;
        if (lowerAscii(text.substr(b)).starts_with("interval")) {
            auto literal = sqlIntervalLiteral(text.substr(b));
            if (literal.ok())
                literal->text = std::string(text);
            return literal;
        }
    }
    Interval result;
    if (auto f = UnitListReader(text).read(result))
        return unitListError(text, *f, messages);
    result.text = std::string(text);
    return result;
}

} // namespace tidemark
