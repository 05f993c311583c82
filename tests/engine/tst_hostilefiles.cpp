// SPDX-License-Identifier: GPL-3.0-or-later
// Thousands of hostile scenario files, made by mutating the shipped ones (truncations, byte
// flips, deep nesting, extreme numbers and intervals, odd encodings, hostile names), each
// run through the loader, the analyzer and a bounded simulation in-process. Every one must end
// in success or a located error: never an exception, a signal or an "internal error".
#include "engine/exec/Simulation.h"
#include "engine/plan/Analyzer.h"
#include "engine/scenario/ScenarioFile.h"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace tidemark;

namespace {

constexpr int kFilesPerScenario = 300;
constexpr int kMaxBatches = 60;

const char* const kNumbers[] = {"0", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                                "-9223372036854775809", "18446744073709551616", "99999999999999999999999", "1e400", "-1e400",
                                "1e-400", "0.5", "9223372036854.775807", "-9223372036854.775808", "2147483648", "4294967296",
                                "7765000000000", "1.5e13"};
const char* const kStrings[] = {"", "Asia", "../../etc/passwd", "/etc/passwd", "Asia/Seoul", "Asia/Seol", "zone.tab",
                                "-5 minutes", "0 seconds", "1 microsecond", "106751991167 days", "9223372036854775807 seconds",
                                "-9223372036854775808 microseconds", "1 month", "100000 years", "99999999 days", "1 day",
                                "5 minuts", "append", "update", "complete", "k", "t", "1 = 1", "NOT", "(", ")", "\\u0000",
                                "9999-12-31 23:59:59", "0001-01-01 00:00:00", "+294247-01-10 04:00:54", "25:61:61", "4.0", "3.0"};

std::string readFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string repeat(const std::string& s, std::size_t n)
{
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i)
        out += s;
    return out;
}

class Mutator {
public:
    explicit Mutator(std::uint32_t seed) : m_rng(seed) {}

    /// One hostile variant of `text`, and what was done to it (for a failure's message).
    std::pair<std::string, std::string> mutate(std::string text)
    {
        const int kind = pick(12);
        switch (kind) {
        case 0: { // truncation
            const std::size_t at = pick(text.size() + 1);
            return {text.substr(0, at), "truncated at " + std::to_string(at)};
        }
        case 1: { // byte flips
            std::string what = "bytes flipped at";
            for (int n = 1 + static_cast<int>(pick(4)); n > 0 && !text.empty(); --n) {
                const std::size_t at = pick(text.size());
                text[at] = static_cast<char>(pick(256));
                what += " " + std::to_string(at);
            }
            return {text, what};
        }
        case 2: { // a number replaced by an extreme one
            const std::size_t at = findDigitRun(text);
            if (at == std::string::npos)
                return {text, "unchanged"};
            std::size_t end = at;
            while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
                ++end;
            const std::string n = kNumbers[pick(std::size(kNumbers))];
            return {text.replace(at, end - at, n), "number at " + std::to_string(at) + " -> " + n};
        }
        case 3: { // a string value replaced by a hostile one
            const std::size_t at = findStringValue(text);
            if (at == std::string::npos)
                return {text, "unchanged"};
            const std::size_t end = text.find('"', at + 1);
            std::string s = kStrings[pick(std::size(kStrings))];
            if (pick(8) == 0)
                s = pick(2) ? repeat("(", 1200) + "k" + repeat(")", 1200) : "k" + repeat(" + k", 1500);
            return {text.replace(at + 1, end - at - 1, s), "string at " + std::to_string(at) + " -> " + s.substr(0, 40)};
        }
        case 4: { // deep nesting inserted before a value
            const std::size_t at = insertionPoint(text);
            const std::size_t depth = pick(2) ? 600 : 20000;
            const std::string open = pick(2) ? "[" : "{\"a\":";
            const std::string close = open == "[" ? "]" : "}";
            return {text.substr(0, at) + repeat(open, depth) + "1" + repeat(close, depth) + "," + text.substr(at),
                    "nesting " + std::to_string(depth) + " at " + std::to_string(at)};
        }
        case 5: { // UTF-16, with or without a byte order mark
            std::string out = pick(2) ? std::string("\xFF\xFE") : std::string();
            for (char c : text)
                out.append(1, c).append(1, '\0');
            return {out, "UTF-16"};
        }
        case 6: { // a NUL byte
            const std::size_t at = pick(text.size() + 1);
            return {text.insert(at, 1, '\0'), "NUL at " + std::to_string(at)};
        }
        case 7: { // a UTF-8 byte order mark, which is fine
            return {"\xEF\xBB\xBF" + text, "UTF-8 BOM"};
        }
        case 8: { // a line duplicated: duplicate keys, or an extra element
            std::vector<std::size_t> starts{0};
            for (std::size_t i = 0; i < text.size(); ++i)
                if (text[i] == '\n')
                    starts.push_back(i + 1);
            const std::size_t line = pick(starts.size());
            const std::size_t end = line + 1 < starts.size() ? starts[line + 1] : text.size();
            return {text.insert(starts[line], text.substr(starts[line], end - starts[line])), "line " + std::to_string(line + 1) + " twice"};
        }
        case 9: { // a chunk deleted
            const std::size_t at = pick(text.size() + 1);
            const std::size_t n = pick(64);
            return {text.erase(at, n), "erased " + std::to_string(n) + " at " + std::to_string(at)};
        }
        case 10: { // a window or trigger setting made hostile
            static const char* const kKeys[] = {"\"duration\": \"", "\"slide\": \"", "\"gap\": \"", "\"delay\": \"", "\"processingTime\": \"",
                                                "\"startTime\": \"", "\"timeZone\": \""};
            const std::string key = kKeys[pick(std::size(kKeys))];
            const std::size_t at = text.find(key);
            if (at == std::string::npos)
                return {text, "unchanged"};
            const std::size_t start = at + key.size();
            const std::string s = kStrings[pick(std::size(kStrings))];
            return {text.replace(start, text.find('"', start) - start, s), key + s};
        }
        default: { // several mutations at once
            auto first = mutate(std::move(text));
            auto second = mutate(std::move(first.first));
            return {second.first, first.second + "; " + second.second};
        }
        }
    }

private:
    std::size_t pick(std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(m_rng); }

    std::size_t findDigitRun(const std::string& text)
    {
        std::vector<std::size_t> runs;
        for (std::size_t i = 0; i < text.size(); ++i)
            if (std::isdigit(static_cast<unsigned char>(text[i])) && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))))
                runs.push_back(i);
        return runs.empty() ? std::string::npos : runs[pick(runs.size())];
    }
    std::size_t findStringValue(const std::string& text)
    {
        std::vector<std::size_t> values;
        for (std::size_t i = 0; i + 2 < text.size(); ++i)
            if (text[i] == ':' && text[i + 1] == ' ' && text[i + 2] == '"')
                values.push_back(i + 2);
        return values.empty() ? std::string::npos : values[pick(values.size())];
    }
    std::size_t insertionPoint(const std::string& text)
    {
        std::vector<std::size_t> points;
        for (std::size_t i = 0; i + 1 < text.size(); ++i)
            if (text[i] == '[')
                points.push_back(i + 1);
        return points.empty() ? 0 : points[pick(points.size())];
    }

    std::mt19937 m_rng;
};

/// An error names its place: a JSON path, a line and column, or (malformed JSON) a message
/// that carries them.
bool located(const Error& e)
{
    return !e.where.empty() || e.message.find("line ") != std::string::npos;
}

} // namespace

class TestHostileFiles : public QObject {
    Q_OBJECT
private slots:
    void everyMutationEndsInSuccessOrALocatedError()
    {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(TIDEMARK_SCENARIOS))
            if (entry.path().extension() == ".json")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        QVERIFY(!files.empty());
        Mutator mutator(20261203);
        int loaded = 0, analyzed = 0, ran = 0;
        for (const auto& file : files) {
            const std::string original = readFile(file);
            for (int i = 0; i < kFilesPerScenario; ++i) {
                auto [text, what] = mutator.mutate(original);
                const std::string context = file.filename().string() + ", mutation " + std::to_string(i) + ": " + what;
                try {
                    auto scenario = loadScenarioText(text);
                    if (!scenario.ok()) {
                        QVERIFY2(located(scenario.error()), (context + ": " + scenario.error().describe()).c_str());
                        continue;
                    }
                    ++loaded;
                    auto plan = analyze(*scenario);
                    if (!plan.ok()) {
                        const Error& e = plan.error();
                        QVERIFY2(located(e) || e.kind == ErrorKind::Query, (context + ": " + e.describe()).c_str());
                        QVERIFY2(e.message.find("internal error") == std::string::npos, (context + ": " + e.describe()).c_str());
                        continue;
                    }
                    ++analyzed;
                    Simulation sim(*scenario, *plan);
                    for (int b = 0; b < kMaxBatches && sim.next(); ++b) {
                    }
                    ++ran;
                } catch (const std::exception& e) {
                    QFAIL((context + ": exception " + e.what()).c_str());
                } catch (...) {
                    QFAIL((context + ": unknown exception").c_str());
                }
            }
        }
        qInfo("%d files: %d loaded, %d analyzed, %d simulated", int(files.size()) * kFilesPerScenario, loaded, analyzed, ran);
        QVERIFY(ran > 0); // the mutations are not all fatal: some runs happen
    }
};

QTEST_APPLESS_MAIN(TestHostileFiles)
#include "tst_hostilefiles.moc"
