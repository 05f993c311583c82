// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/MessageParser.h"

#include "live/PrintableText.h"
#include "engine/time/TimeFormat.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <limits>
#include <vector>

namespace tidemark::kafka {

namespace {

using Json = nlohmann::json;

const char* jsonKind(const Json& j)
{
    switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a fractional number";
    default: return "a value";
    }
}

/// Message text quoted in a reason: escaped and cut, because reasons reach terminals and lists.
std::string shortened(std::string_view s, std::size_t max = 60) { return printableText(s, max); }

/// Jackson reads a JSON integer token past 64 bits as a BigInteger; nlohmann gives such a number
/// as a (fractional) double. Either way it is a number no bigint, int or epoch value can hold.
bool pastInt64(const Json& v)
{
    if (v.is_number_unsigned())
        return v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (v.is_number_float()) {
        const double d = v.get<double>();
        return d >= 9223372036854775808.0 || d <= -9223372036854775808.0; // -2^63 itself comes as an integer
    }
    return false;
}

/// Numbers past a double's range (1e400, an integer of 400 digits). Jackson reads them as tokens
/// and converts them per column (JacksonParser.makeConverter); nlohmann refuses the whole text
/// ("number overflow"). So such a text is parsed again with each of those numbers replaced by a
/// marker string that keeps the number's text, and the field is converted as Spark does.
class HugeNumbers {
public:
    /// The text with each number past a double's range replaced by a marker, or nullopt when it
    /// has none (or a marker cannot be made unambiguous).
    std::optional<std::string> mark(std::string_view text)
    {
        if (text.find(kMarker) != std::string_view::npos || containsEscapedMarker(text))
            return std::nullopt;
        std::string out;
        std::size_t copied = 0;
        for (std::size_t i = 0; i < text.size();) {
            const char c = text[i];
            if (c == '"') { // skip the string, escapes included
                for (++i; i < text.size() && text[i] != '"'; ++i)
                    if (text[i] == '\\')
                        ++i;
                ++i;
                continue;
            }
            if (c != '-' && (c < '0' || c > '9')) {
                ++i;
                continue;
            }
            std::size_t end = i + 1;
            while (end < text.size() && std::string_view("0123456789+-.eE").find(text[end]) != std::string_view::npos)
                ++end;
            const std::string token(text.substr(i, end - i));
            if (isJsonNumber(token) && !std::isfinite(std::strtod(token.c_str(), nullptr))) {
                out.append(text.substr(copied, i - copied));
                out += "\"" + std::string(kMarker) + std::to_string(m_texts.size()) + "\"";
                m_texts.push_back(token);
                copied = end;
            }
            i = end;
        }
        if (m_texts.empty())
            return std::nullopt;
        out.append(text.substr(copied));
        return out;
    }

    /// The number's text when `v` is one of the markers.
    std::optional<std::string> text(const Json& v) const
    {
        if (!v.is_string())
            return std::nullopt;
        const std::string& s = v.get_ref<const std::string&>();
        if (s.rfind(kMarker, 0) != 0)
            return std::nullopt;
        const std::size_t i = std::stoul(s.substr(kMarker.size()));
        return i < m_texts.size() ? std::optional<std::string>(m_texts[i]) : std::nullopt;
    }

    /// `dumped` (a JSON value kept as a string column's text) with the markers turned back into
    /// what Jackson's copyCurrentStructure writes for the number (see asStringColumn()).
    std::string restore(std::string dumped) const
    {
        for (std::size_t i = 0; i < m_texts.size(); ++i) {
            const std::string quoted = "\"" + std::string(kMarker) + std::to_string(i) + "\"";
            for (auto at = dumped.find(quoted); at != std::string::npos; at = dumped.find(quoted, at + 1))
                dumped.replace(at, quoted.size(), asStringColumn(m_texts[i]));
        }
        return dumped;
    }

    static bool isInteger(const std::string& number) { return number.find_first_of(".eE") == std::string::npos; }

    /// A string column keeps a non-string value as Jackson's generator copies it
    /// (JacksonParser, StringType: generator.copyCurrentStructure): an integer token as a
    /// BigInteger, digit for digit; a fractional one as getDoubleValue, which is Infinity, and
    /// a non-finite double is written quoted (JsonWriteFeature.WRITE_NAN_AS_STRINGS).
    static std::string asStringColumn(const std::string& number)
    {
        if (isInteger(number))
            return number;
        return number.front() == '-' ? "\"-Infinity\"" : "\"Infinity\"";
    }

private:
    static constexpr std::string_view kMarker = "\xEF\xA3\xBF#"; // U+F8FF, private use, then '#'

    static bool containsEscapedMarker(std::string_view text)
    {
        for (auto at = text.find("\\u"); at != std::string_view::npos; at = text.find("\\u", at + 1))
            if (at + 6 <= text.size()) {
                std::string hex(text.substr(at + 2, 4));
                for (char& c : hex)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (hex == "f8ff")
                    return true;
            }
        return false;
    }

    /// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    static bool isJsonNumber(std::string_view t)
    {
        std::size_t i = 0;
        auto digits = [&] {
            const std::size_t from = i;
            while (i < t.size() && t[i] >= '0' && t[i] <= '9')
                ++i;
            return i > from;
        };
        if (i < t.size() && t[i] == '-')
            ++i;
        if (i < t.size() && t[i] == '0')
            ++i;
        else if (!digits())
            return false;
        if (i < t.size() && t[i] == '.') {
            ++i;
            if (!digits())
                return false;
        }
        if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
            ++i;
            if (i < t.size() && (t[i] == '+' || t[i] == '-'))
                ++i;
            if (!digits())
                return false;
        }
        return i == t.size();
    }

    std::vector<std::string> m_texts;
};

/// "+09:00", "+0900", "+09", "Z" at the end of an ISO 8601 time: the offset in seconds and the text without it.
std::optional<std::pair<std::string_view, std::int64_t>> splitOffset(std::string_view s)
{
    if (s.empty())
        return std::nullopt;
    if (s.back() == 'Z' || s.back() == 'z')
        return std::pair{s.substr(0, s.size() - 1), std::int64_t{0}};
    // The offset sign comes after the time part (position > 10 skips the date's dashes).
    const auto sign = s.find_last_of("+-");
    if (sign == std::string_view::npos || sign <= 10)
        return std::nullopt;
    std::string_view off = s.substr(sign + 1);
    std::string digits;
    for (char c : off) {
        if (c == ':')
            continue;
        if (c < '0' || c > '9')
            return std::nullopt;
        digits += c;
    }
    if (digits.size() != 2 && digits.size() != 4)
        return std::nullopt;
    const std::int64_t hours = std::stoi(digits.substr(0, 2));
    const std::int64_t minutes = digits.size() == 4 ? std::stoi(digits.substr(2, 2)) : 0;
    if (hours > 18 || minutes > 59)
        return std::nullopt;
    const std::int64_t seconds = (hours * 3600 + minutes * 60) * (s[sign] == '-' ? -1 : 1);
    return std::pair{s.substr(0, sign), seconds};
}

/// Spark's JSON timestamp string: `yyyy-MM-dd[ |T]HH:mm:ss[.SSSSSS][zone]` in the session zone.
std::optional<Micros> parseJsonTimestamp(std::string_view text, const TimeZone& zone)
{
    if (text.size() < 10 || text[4] != '-')
        return std::nullopt; // not a date: Spark's formatter and its legacy fallback both reject it
    if (auto split = splitOffset(text)) {
        auto local = parseTimestamp(split->first, TimeZone(), std::nullopt); // read as UTC wall time
        if (!local.ok())
            return std::nullopt;
        return local.value() - split->second * kMicrosPerSecond;
    }
    auto t = parseTimestamp(text, zone, std::nullopt);
    if (!t.ok())
        return std::nullopt;
    return t.value();
}

/// Whether epoch seconds can be held as microseconds in 64 bits.
bool fitsEpochMicros(std::int64_t seconds)
{
    return seconds <= std::numeric_limits<std::int64_t>::max() / kMicrosPerSecond
           && seconds >= std::numeric_limits<std::int64_t>::min() / kMicrosPerSecond;
}

} // namespace

const char* malformedKindName(MalformedKind kind)
{
    switch (kind) {
    case MalformedKind::None: return "ok";
    case MalformedKind::NotJson: return "not JSON";
    case MalformedKind::NotObject: return "not a JSON object";
    case MalformedKind::WrongType: return "wrong type";
    case MalformedKind::NullEventTime: return "no event time";
    }
    return "?";
}

MessageParser::MessageParser(Schema schema, TimeZone zone, std::string eventTimeColumn)
    : m_schema(std::move(schema))
    , m_zone(std::move(zone))
    , m_eventTimeColumn(std::move(eventTimeColumn))
{
    if (!m_eventTimeColumn.empty())
        m_eventTimeIndex = m_schema.find(m_eventTimeColumn);
}

std::string MessageParser::eventTimeColumnOf(const Scenario& scenario, const SourceSpec& source)
{
    std::optional<WatermarkSpec> wm = scenario.query.withWatermark;
    for (const auto& in : scenario.query.unionInputs)
        if (in.source == source.name && in.withWatermark)
            wm = in.withWatermark;
    for (const InputSpec* in : scenario.query.joinInputs())
        if (in->source == source.name && in->withWatermark)
            wm = in->withWatermark;
    if (wm) {
        if (auto idx = source.schema.find(wm->column))
            return source.schema[*idx].name;
    }
    for (const auto& f : source.schema.fields)
        if (f.type.id == TypeId::Timestamp)
            return f.name;
    return {};
}

ParsedValue MessageParser::parse(std::string_view value) const
{
    ParsedValue out;
    out.row.assign(m_schema.size(), Value());
    const std::string eventTime = m_eventTimeColumn.empty() ? std::string() : "`" + m_eventTimeColumn + "`";
    const std::string nullRowNote = m_eventTimeIndex ? " Its event time " + eventTime
                                                           + " is null, so the row never enters a window and does not move the watermark."
                                                     : "";

    Json j = Json::parse(value.begin(), value.end(), nullptr, /*allow_exceptions=*/false);
    HugeNumbers huge;
    if (j.is_discarded()) {
        if (auto marked = huge.mark(value))
            j = Json::parse(*marked, nullptr, /*allow_exceptions=*/false);
    }
    if (j.is_discarded()) {
        out.kind = MalformedKind::NotJson;
        out.reason = "not JSON: '" + shortened(value) + "'";
        out.sparkBehaviour = "from_json (PERMISSIVE mode) turns a value it cannot parse into a row whose columns are all null "
                             "(Spark 3.0+: Row(null, ...)); the row still counts as an input row of its batch."
                             + nullRowNote;
        return out;
    }
    if (!j.is_object()) {
        out.kind = MalformedKind::NotObject;
        out.reason = std::string("JSON, but ") + (huge.text(j) ? "a number" : jsonKind(j)) + " instead of an object: '" + shortened(value) + "'";
        out.sparkBehaviour = "from_json with a struct schema needs a JSON object; for anything else every column is null "
                             "(PERMISSIVE mode), and the row still counts as an input row of its batch."
                             + nullRowNote;
        return out;
    }

    bool sawTime = false;
    std::string wrong;          // "`emp_id` is a string", ...
    bool eventTimeWrong = false;
    bool epochOverflow = false; // a time Spark would wrap
    bool typeWrong = false;     // a field Spark's reader refuses
    for (auto it = j.begin(); it != j.end(); ++it) {
        // JacksonParser looks fields up by their exact name; other keys are skipped.
        std::optional<std::size_t> idx;
        for (std::size_t i = 0; i < m_schema.size(); ++i)
            if (m_schema[i].name == it.key()) {
                idx = i;
                break;
            }
        if (!idx)
            continue;
        const Json& v = it.value();
        const DataType& type = m_schema[*idx].type;
        Value cell;
        bool ok = true;
        bool wraps = false; // refused only because Spark would wrap it
        std::string why;
        if (v.is_null()) {
            // null is a valid value for every column
        } else if (const auto number = huge.text(v)) {
            // A number past a double's range, converted as JacksonParser.makeConverter does for
            // the column's type: DoubleType takes any number token as getDoubleValue (Infinity);
            // IntegerType, LongType and TimestampType take only VALUE_NUMBER_INT and fail in
            // getIntValue / getLongValue ("out of range"), BooleanType takes no number: those
            // fields are null (failedConversion, partial results); StringType keeps its text.
            const bool integer = HugeNumbers::isInteger(*number);
            const bool negative = number->front() == '-';
            const std::string quoted = shortened(*number, 40);
            switch (type.id) {
            case TypeId::String: cell = Value(HugeNumbers::asStringColumn(*number)); break;
            case TypeId::Double: cell = Value(negative ? -HUGE_VAL : HUGE_VAL); break;
            case TypeId::Int:
                ok = false;
                why = integer ? "is " + quoted + ", out of the range of int (32 bits)" : "is " + quoted + ", a fractional number, not an int";
                break;
            case TypeId::Long:
                ok = false;
                why = integer ? "is " + quoted + ", out of the range of bigint (64 bits)" : "is " + quoted + ", a fractional number, not a bigint";
                break;
            case TypeId::Timestamp:
                ok = false;
                why = integer ? "is " + quoted + ", out of the range of bigint, so not epoch seconds"
                              : "is " + quoted + ", a fractional number, not epoch seconds or a timestamp string";
                break;
            case TypeId::Boolean:
                ok = false;
                why = "is " + quoted + ", a number, not a boolean";
                break;
            default:
                ok = false;
                why = "has a column type Tidemark cannot read from JSON";
            }
        } else {
            switch (type.id) {
            case TypeId::String:
                // Spark keeps any other JSON value as its text.
                cell = v.is_string() ? Value(v.get<std::string>()) : Value(huge.restore(v.dump()));
                break;
            case TypeId::Int:
                if (v.is_number_integer() && !v.is_number_unsigned() && v.get<std::int64_t>() >= std::numeric_limits<std::int32_t>::min()
                    && v.get<std::int64_t>() <= std::numeric_limits<std::int32_t>::max())
                    cell = Value(v.get<std::int64_t>());
                else if (v.is_number_unsigned() && v.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()))
                    cell = Value(static_cast<std::int64_t>(v.get<std::uint64_t>()));
                else {
                    ok = false;
                    // JacksonParser: parser.getIntValue throws "out of range of int"; the field is null.
                    why = v.is_number_integer() || pastInt64(v) ? "is " + shortened(v.dump(), 40) + ", out of the range of int (32 bits)"
                                                                : std::string("is ") + jsonKind(v) + ", not an int";
                }
                break;
            case TypeId::Long:
                if (v.is_number_integer() && (!v.is_number_unsigned() || v.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())))
                    cell = Value(v.get<std::int64_t>());
                else {
                    ok = false;
                    // JacksonParser: parser.getLongValue throws "out of range of long"; the field is null.
                    why = v.is_number_integer() || pastInt64(v) ? "is " + shortened(v.dump(), 40) + ", out of the range of bigint (64 bits)"
                                                                : std::string("is ") + jsonKind(v) + ", not a bigint";
                }
                break;
            case TypeId::Double:
                if (v.is_number())
                    cell = Value(v.get<double>());
                else if (v.is_string() && (v == "NaN" || v == "Infinity" || v == "+Infinity" || v == "-Infinity")) // allowNonNumericNumbers
                    cell = Value(v == "NaN" ? std::nan("") : (v == "-Infinity" ? -HUGE_VAL : HUGE_VAL));
                else {
                    ok = false;
                    why = std::string("is ") + jsonKind(v) + ", not a double";
                }
                break;
            case TypeId::Boolean:
                if (v.is_boolean())
                    cell = Value(v.get<bool>());
                else {
                    ok = false;
                    why = std::string("is ") + jsonKind(v) + ", not a boolean";
                }
                break;
            case TypeId::Timestamp:
                if (pastInt64(v)) {
                    ok = false; // Jackson's getLongValue fails first: the field is null, as for a bigint column
                    why = "is " + shortened(v.dump(), 40) + ", out of the range of bigint, so not epoch seconds";
                } else if (v.is_number_integer() && !fitsEpochMicros(v.get<std::int64_t>())) {
                    // Spark's JacksonParser computes getLongValue * 1000000L without an overflow check, so
                    // it would keep a wrapped, meaningless time; Tidemark never shows one: the field is null
                    // and the message is reported (see sparkBehaviour below).
                    ok = false;
                    wraps = true;
                    why = "is " + std::to_string(v.get<std::int64_t>())
                          + " epoch seconds, past the microsecond range of a timestamp (about 292,000 years from 1970)";
                } else if (v.is_number_integer()) {
                    cell = Value(v.get<std::int64_t>() * kMicrosPerSecond);
                    if (!sawTime)
                        out.timeStyle = TimeStyle::EpochSeconds;
                    sawTime = true;
                } else if (v.is_string()) {
                    if (auto t = parseJsonTimestamp(v.get_ref<const std::string&>(), m_zone)) {
                        cell = Value(*t);
                        if (!sawTime)
                            out.timeStyle = TimeStyle::DateTime;
                        sawTime = true;
                    } else {
                        ok = false;
                        why = "'" + shortened(v.get_ref<const std::string&>(), 40) + "' is not a timestamp Spark can read";
                    }
                } else {
                    ok = false;
                    why = std::string("is ") + jsonKind(v) + ", not epoch seconds or a timestamp string";
                }
                break;
            default:
                ok = false;
                why = "has a column type Tidemark cannot read from JSON";
            }
        }
        if (!ok) {
            (wraps ? epochOverflow : typeWrong) = true;
            wrong += std::string(wrong.empty() ? "" : "; ") + "`" + m_schema[*idx].name + "` " + why;
            if (m_eventTimeIndex && *idx == *m_eventTimeIndex)
                eventTimeWrong = true;
            cell = Value();
        }
        out.row[*idx] = std::move(cell);
    }

    const bool timeNull = m_eventTimeIndex && out.row[*m_eventTimeIndex].isNull();
    if (!wrong.empty()) {
        out.kind = eventTimeWrong ? MalformedKind::NullEventTime : MalformedKind::WrongType;
        out.reason = wrong;
        if (typeWrong)
            out.sparkBehaviour = "from_json sets a field whose JSON type does not fit its column to null and keeps the others.";
        if (epochOverflow)
            out.sparkBehaviour += std::string(typeWrong ? " " : "")
                                  + "Spark's JSON reader multiplies epoch seconds by 1,000,000 without an overflow check "
                                    "(JacksonParser: getLongValue * 1000000L) and would keep a wrapped time from another era; "
                                    "Tidemark sets that field to null instead, keeps the others, and lists the message.";
        if (timeNull)
            out.sparkBehaviour += nullRowNote;
        return out;
    }
    if (timeNull) {
        out.kind = MalformedKind::NullEventTime;
        out.reason = j.contains(m_eventTimeColumn) ? "the event time " + eventTime + " is null" : "the event time " + eventTime + " is missing";
        out.sparkBehaviour = "Spark keeps the row, but a null event time never enters a window and does not move the watermark.";
    }
    return out;
}

} // namespace tidemark::kafka
